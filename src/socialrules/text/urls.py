"""URL spans as twitter-text 3.1.0 finds them: the URLs that Twitter/X and Mastodon count as 23.

Only http(s) URLs whose host ends in a known TLD (``tlds.txt``) or a punycode TLD count; the
preceding character, trailing punctuation and bracket rules follow twitter-text's extractor
(JavaScript dialect, the one its conformance suite describes). Offsets are ``str`` indices.

twitter-text finds URLs with one regex that holds its whole TLD list as an alternation: ~30 ms
to compile with ``re``, too much for a command line that checks one post. This module runs the
same matching in steps instead: small regexes for the scheme, the host's labels and the path,
and a set look-up for the TLD, trying the candidates in the order that regex's backtracking
would (the tests compare both on random text).
"""

from __future__ import annotations

import os
import re
from dataclasses import FrozenInstanceError
from functools import cache, lru_cache
from itertools import filterfalse

from .lazy import lazy_re

__all__ = ["find_urls"]


_MAX_URL_LENGTH = 4096
_MAX_TCO_SLUG_LENGTH = 40
_MAX_LABEL_LENGTH = 63

# Character sets of twitter-text's regexes, as regex class bodies.
_SPACES = r"\t-\r \x85\xa0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_INVALID = r"\ufffe\ufeff\uffff"
# twitter-text's punctuation list, minus '-' and '_' (which some parts allow); it lacks '"' and '`'.
_PUNCT = r"!'#%&()*+,\\./:;<=>?@\[\]^{|}~$"
_LATIN = (r"\xc0-\xd6\xd8-\xf6\xf8-\xff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b\u0263"
          r"\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff")
_CYRILLIC = r"\u0400-\u04ff"
# twitter-text's regexes are case-insensitive JavaScript ones: besides A-Z, that makes the letter
# ranges above also match these characters, whose upper case falls inside them.
_LATIN_CASE = (r"\u0260\u0269\u0275\u0280\u0283\u0288\u028a\u028c\u0292\u0399\u03b9\u1fbe"
               r"\u2c65\u2c66\u2c7e\u2c7f")
_CYRILLIC_CASE = r"\u1c80-\u1c87"
_QUERY = r"\?[a-zA-Z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]*[a-zA-Z0-9\-_&=#/]"
_PROTOCOL = r"[Hh][Tt][Tt][Pp][Ss]?://"

# Plain sets for one-character tests (faster than a regex match, and nothing to compile).
_PUNCT_CHARS = frozenset("!'#%&()*+,\\./:;<=>?@[]^{|}~$")
_INVALID_CHARS = frozenset("\ufffe\ufeff\uffff")
_SPACE_CHARS = frozenset("\t\n\v\f\r \x85\xa0\u1680\u180e\u2000\u2001\u2002\u2003\u2004\u2005"
                         "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
# A host starts with none of these.
_NOT_DOMAIN_CHAR = _PUNCT_CHARS | _INVALID_CHARS | _SPACE_CHARS | frozenset("-_")
# The character before a URL (consumed by the match) must not be one of these.
_NOT_BEFORE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@$#"
                        "\uff20\uff03") | _INVALID_CHARS
_TAIL_STARTS = frozenset(":/?")  # a port, a path, a query
_NOT_AFTER_TLD = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@+-")

# twitter-text's spaces: those of Latin-1 (in a regex) and the others (a class of them is slow to
# compile: found with str.find).
_WIDE_SPACES = ("\u1680\u180e\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                "\u2028\u2029\u202f\u205f\u3000")

# Tiny regexes, compiled at import time (~0.1 ms in all).
_NARROW_SPACE = lazy_re("[\t-\r \x85\xa0]")
# A '.' and a letter: every TLD starts with one (checked by the tests); 1: a run of ASCII letters
# that may be a whole TLD (see _tld_end).
_MAYBE_URL = lazy_re(r"\.(?:([a-zA-Z]++)(?![0-9@+\-])|[^\W\d_])")
_ASCII_LETTERS = lazy_re("[a-zA-Z]+")
_PUNYCODE_TLD = lazy_re(r"[Xx][Nn]--[\-0-9a-zA-Z]+")
_PROTOCOL_RE = lazy_re(_PROTOCOL)
_IDNA_DOTS = {0x3002: ".", 0xFF0E: ".", 0xFF61: "."}  # dots punycode.toASCII splits labels on too


# ASCII classes of twitter-text's host characters, for the words that are ASCII (most URLs):
# a label starts and ends with `_DC` (a letter, a digit, a control character, '"' or '`'), and
# may hold '-' and '_' between (the last label before the TLD no '_').
_DC = '[\\x00-\\x08\\x0e-\\x1f"0-9A-Za-z`\\x7f]'
_SUB = '[\\x00-\\x08\\x0e-\\x1f"0-9A-Za-z`\\x7f_-]'
_NAME = '[\\x00-\\x08\\x0e-\\x1f"0-9A-Za-z`\\x7f-]'


def _tail(letters: str, path_extra: str) -> str:
    """twitter-text's port, path and query, with `letters` for its list of letters."""
    path_char = f"[{letters}0-9!*';:=+,.$/%#\\[\\]\\-{path_extra}_~@|&]"
    # Balanced parentheses, two levels at most, as in "/wiki/Primer_(film)".
    parens = f"\\((?:{path_char}+|{path_char}*\\({path_char}+\\){path_char}*)\\)"
    path_end = f"(?:[{letters}0-9+\\-=_#/]|{parens})"  # so that "/foo." leaves the '.' out
    path = f"(?:{path_char}*(?:{parens}{path_char}*)*{path_end}|@{path_char}+/)"
    return f"(?::[0-9]+)?(/{path}*)?(?:{_QUERY})?"


# The regexes for the parts of a URL, compiled on first use (most texts hold no URL; a
# command line checking one post would pay for all of them): see _rx.
_SOURCES = {
    # twitter-text's URL regex for an ASCII word, but that any run of ASCII letters stands for
    # the TLD: a match whose TLD is in the list is the match twitter-text's regex makes (it
    # would try the same positions and labels, in the same order); on any other, the word is
    # matched in steps (_scan). Its labels are possessive: twitter-text writes
    # "(?:dc(?:[_-]|dc)*)?dc\.", which matches the same with a backtrack per character.
    "ascii_url": (
        "(?:([^A-Za-z0-9@$#])|\\A)"  # 1: the character before the URL, consumed
        f"(({_PROTOCOL})?"  # 2: the URL, 3: its scheme
        f"((?:{_DC}{_SUB}*+(?<={_DC})\\.)*{_DC}{_NAME}*+(?<={_DC})\\."  # 4: the host
        "(?:([a-zA-Z]++)(?![0-9@+\\-])|[Xx][Nn]--[\\-0-9a-zA-Z]+))"  # 5: its TLD if not punycode
        f"{_tail('a-zA-Z', '')})"  # 6: the path
    ),
    "tco": f"{_PROTOCOL}[Tt]\\.[Cc][Oo]/([a-zA-Z0-9]+)(?:{_QUERY})?",
    # Matching in steps (words that are not ASCII). The host's labels, each followed by a dot
    # (spaces are left out of the classes: the labels are only searched inside words):
    "labels": "(?:{dc}[^{punct}{invalid}]*+(?<={dc})\\.)+".format(
        dc=f"[^{_PUNCT}\\-_{_INVALID}]", punct=_PUNCT, invalid=_INVALID),
    # what may follow the host: its classes would list ~1,100 non-ASCII letters, slow to compile
    # several times over: it matches a copy of the text where those letters are \x80 and the en
    # dash \x81 (see _tail_table);
    "tail": _tail("a-zA-Z\x80", "\x81"),
    # scheme-less URLs: the runs of labels made of ASCII (and Latin: \x80) letters, digits, '-'.
    "ascii_labels": "(?:[-a-zA-Z0-9\x80]+\\.)+",
}
_COMPILED: dict[str, re.Pattern[str]] = {}


def _rx(name: str) -> re.Pattern[str]:
    found = _COMPILED.get(name)
    if found is None:
        found = _COMPILED[name] = re.compile(_SOURCES[name])
    return found


@cache
def _tail_table() -> dict[int, int]:
    """str.translate table for the path and query regexes: the letters twitter-text's path
    allows become \x80, the en dash \x81; a \x80 or \x81 of the text becomes \x82 (allowed
    nowhere, as they are). Those are Latin-1 characters, cheap in a regex class, and not ASCII:
    an ASCII text needs no copy."""
    table = {ord(ch): 0x80 for ch in _expand(f"{_CYRILLIC}{_CYRILLIC_CASE}{_LATIN}{_LATIN_CASE}")}
    table.update({0x2013: 0x81, 0x80: 0x82, 0x81: 0x82})
    return table


@cache
def _latin_table() -> dict[int, int]:
    """The same for the labels of scheme-less hosts: Latin letters become \x80."""
    table = {ord(ch): 0x80 for ch in _expand(f"{_LATIN}{_LATIN_CASE}")}
    table.update({0x80: 0x82, 0x81: 0x82})
    return table


def _expand(ranges: str) -> str:
    """The characters of a regex class body made of escapes and ranges only."""
    chars = ranges.encode("ascii").decode("unicode_escape")
    out: list[str] = []
    i = 0
    while i < len(chars):
        if i + 2 < len(chars) and chars[i + 1] == "-":
            out += map(chr, range(ord(chars[i]), ord(chars[i + 2]) + 1))
            i += 3
        else:
            out.append(chars[i])
            i += 1
    return "".join(out)


class _Tlds:
    """twitter-text's TLDs (``tlds.txt``), as sets."""

    def __init__(self) -> None:
        with open(os.path.join(os.path.dirname(__file__), "tlds.txt"), encoding="utf-8") as file:
            _, _, tlds = file.read().partition("\n[generic]\n")  # after the comments
        generic, _, country = tlds.partition("\n[country]\n")
        self.groups = {"generic": generic.split(), "country": country.split()}
        # An ASCII TLD is a whole run of ASCII letters (see _tld_end): for those, whether it is
        # a generic or a country one (generic ones are tried first) does not matter.
        self.all = frozenset(self.groups["generic"] + self.groups["country"])
        # The TLDs with a non-ASCII letter: their first letters and their lengths.
        others = list(filterfalse(str.isascii, self.all))
        self.firsts = frozenset(t[0] for t in others)
        self.lengths = tuple(sorted({len(t) for t in others}, reverse=True))
        self._in_order: tuple[frozenset[str], frozenset[str]] | None = None

    @property
    def in_order(self) -> tuple[frozenset[str], frozenset[str]]:
        """The generic TLDs, then the country ones (only the non-ASCII ones need the order)."""
        if self._in_order is None:
            self._in_order = (frozenset(self.groups["generic"]), frozenset(self.groups["country"]))
        return self._in_order


_TLDS: _Tlds | None = None  # loaded on first use (~0.3 ms)


def _tlds() -> _Tlds:
    global _TLDS
    return _TLDS or (_TLDS := _Tlds())


def _tld_end(text: str, pos: int) -> int:
    """The end of the TLD that twitter-text's regex takes at `pos`, or -1.

    Its alternation tries the generic TLDs, then the country ones (each list longest first, case
    insensitive, and a TLD must be followed by a character other than [0-9a-zA-Z@+-]), then a
    punycode label. An ASCII TLD is thus a whole run of ASCII letters; only the non-ASCII ones
    (a few, e.g. "vermögensberater") may end before a run of letters ends.
    """
    tlds = _tlds()
    first = text[pos:pos + 1]
    run = _ASCII_LETTERS.match(text, pos)
    word = ""  # the run of ASCII letters, if it may be a whole TLD
    if run and text[run.end():run.end() + 1] not in _NOT_AFTER_TLD:
        word = run.group().lower()
    if first.lower() in tlds.firsts:  # (rare) the full order: generic, country; longest first
        for group in tlds.in_order:
            for length in tlds.lengths:
                end = pos + length
                if (end <= len(text) and text[pos:end].lower() in group
                        and text[end:end + 1] not in _NOT_AFTER_TLD):
                    return end
            if word in group:
                return run.end()  # type: ignore[union-attr]
    elif word in tlds.all:
        return run.end()  # type: ignore[union-attr]
    if text[pos + 2:pos + 4] == "--":
        punycode = _PUNYCODE_TLD.match(text, pos)
        if punycode:
            return punycode.end()
    return -1


def find_urls(text: str, require_scheme: bool = True) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the URLs in `text`, in order and without overlap.

    ``require_scheme=True`` is the rule Mastodon's server counts with (twitter-text's Ruby gem,
    scheme-less detection off): only ``http://``/``https://`` URLs, at most 4096 characters
    once the host is punycode-encoded. ``require_scheme=False`` is what Twitter's ``parseTweet``
    counts: ``example.com`` and ``www.example.org/path`` too (ASCII hosts only), with the
    JavaScript library's length check (scheme + URL within 4096 UTF-16 units).
    """
    if "." not in text or (require_scheme and "://" not in text):
        return []
    # A URL never holds a space: URLs are matched word by word, from the space before the word
    # (twitter-text's regex consumes the character before a URL: left-to-right matching stays
    # the same). Only some words may hold one: those with "://", when URLs need a scheme...
    spans: list[tuple[int, int]] = []
    if require_scheme:
        at = text.find("://")
        while at >= 0:
            end = _space_after(text, at)
            _scan_word(text, max(_space_before(text, at), 0), end, True, spans)
            at = text.find("://", end)
        return spans
    # ...or else those with a '.' followed by a TLD.
    hint = _MAYBE_URL.search(text)
    if hint is None:
        return []
    tlds = _tlds()
    while hint:
        word = hint.group(1)  # a run of ASCII letters, when it is one
        if (word.lower() not in tlds.all and word[0].lower() not in tlds.firsts if word
                else _tld_end(text, hint.start() + 1) < 0):
            hint = _MAYBE_URL.search(text, hint.start() + 1)
            continue
        end = _space_after(text, hint.end())
        _scan_word(text, max(_space_before(text, hint.start()), 0), end, False, spans)
        hint = _MAYBE_URL.search(text, end)
    return spans


def _scan_word(text: str, begin: int, end: int, require_scheme: bool,
               spans: list[tuple[int, int]]) -> None:
    """Match the URLs of text[begin:end], a word and the space before it (if any)."""
    if text[begin + 1:end].isascii() and (text[begin] < "\x80" or text[begin] in _SPACE_CHARS):
        _scan_ascii(text, begin, end, require_scheme, spans)
    else:
        _scan(text, begin, end, require_scheme, spans)


def _space_before(text: str, pos: int) -> int:
    """The index of the last of twitter-text's spaces before `pos`, or -1."""
    begin = max(text.rfind(" ", 0, pos), text.rfind("\n", 0, pos))  # the usual ones
    while space := _NARROW_SPACE.search(text, begin + 1, pos):
        begin = space.start()
    if not text[begin + 1:pos].isascii():
        begin = max([begin, *(text.rfind(space, begin + 1, pos) for space in _WIDE_SPACES)])
    return begin


def _space_after(text: str, pos: int) -> int:
    """The index of the first of twitter-text's spaces from `pos`, or len(text)."""
    space = _NARROW_SPACE.search(text, pos)
    end = space.start() if space else len(text)
    if not text[pos:end].isascii():
        end = min([end, *(i for space in _WIDE_SPACES if (i := text.find(space, pos, end)) >= 0)])
    return end


def _scan_ascii(text: str, begin: int, end: int, require_scheme: bool,
                spans: list[tuple[int, int]]) -> None:
    """twitter-text's URL regex run over text[begin:end], a word (and the space before it) of
    ASCII characters: in one regex, unless a match's TLD is not one (see _SOURCES)."""
    tlds = _tlds()
    rx = _rx("ascii_url")
    pos = begin
    while m := rx.search(text, pos, end):
        tld = m.group(5)
        if tld is not None and tld.lower() not in tlds.all:
            _scan(text, m.start(), end, require_scheme, spans)
            return
        _add_url(spans, text, m.group(1), m.start(2), m.end(2), m.start(4), m.end(4), m.group(6),
                 require_scheme)
        pos = m.end()


def _scan(text: str, begin: int, end: int, require_scheme: bool,
          spans: list[tuple[int, int]]) -> None:
    """twitter-text's URL regex run over text[begin:end] (one word, and the space before it),
    match after match, and its checks on each match."""
    p = begin
    while p < end:
        # The regex's first branch consumes an allowed character before the URL; its second
        # one starts the URL at the very start of the text.
        found = None
        if text[p] not in _NOT_BEFORE:
            found = _url_at(text, p + 1, end)
        if found is None and p == 0:
            found = _url_at(text, 0, end)
        if found is None:
            p += 1
            continue
        start, stop, protocol_end, host_end, path = found
        before = text[p] if start > p else None
        _add_url(spans, text, before, start, stop, protocol_end, host_end, path, require_scheme)
        p = stop


def _url_at(text: str, start: int, end: int) -> tuple[int, int, int, int, str | None] | None:
    """The match of twitter-text's URL regex (without its preceding character) at `start`:
    (start, end, end of the scheme, end of the host, path or None), or None."""
    if start >= end or text[start] in _NOT_DOMAIN_CHAR:
        return None
    host = start
    if text[start] in "hH":
        protocol = _PROTOCOL_RE.match(text, start, end)
        if protocol:
            # (Without the scheme, the host would start with "http" followed by ':': no match.)
            host = protocol.end()
    host_end = _host_end(text, host, end)
    if host_end < 0:
        return None
    if text[host_end:host_end + 1] not in _TAIL_STARTS:
        return start, host_end, host, host_end, None
    rest = text[host_end:end]
    if rest.isascii():
        tail = _rx("tail").match(text, host_end, end)
        path = tail.group(1)  # type: ignore[union-attr]  (every part is optional)
    else:
        tail = _rx("tail").match(rest.translate(_tail_table()))
        path = tail.group(1) and rest[tail.start(1):tail.end(1)]  # type: ignore[union-attr]
    return start, host_end + len(tail.group()), host, host_end, path  # type: ignore[union-attr]


def _host_end(text: str, pos: int, end: int) -> int:
    """The end of the host twitter-text's regex matches at `pos`, TLD included, or -1.

    Its labels are possessive: each takes a whole run of label characters, so the regex only
    backtracks label by label. It takes as many labels as it can (the last one before the TLD
    without '_'), then fewer until a TLD follows."""
    chain = _rx("labels").match(text, pos, end)
    if chain is None:
        return -1
    labels = chain.group().split(".")[:-1]
    tld = chain.end()
    for i in range(len(labels) - 1, -1, -1):
        if "_" not in labels[i]:
            found = _tld_end(text, tld)
            if found >= 0:
                return found
        tld -= len(labels[i]) + 1
    return -1


def _ascii_domains(domain: str) -> list[tuple[int, int]]:
    """Spans of twitter-text's ASCII domains in `domain` (a host the URL regex matched): runs of
    labels of ASCII (and Latin) letters, digits and '-', then a TLD. These are the links a URL
    without a scheme gives."""
    copy = domain if domain.isascii() else domain.translate(_latin_table())
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        chain = _rx("ascii_labels").search(copy, pos)
        if chain is None:
            return spans
        labels = chain.group().split(".")[:-1]
        tld = chain.end()
        found = -1
        for label in reversed(labels):
            found = _tld_end(domain, tld)
            if found >= 0:
                break
            tld -= len(label) + 1
        if found >= 0:
            spans.append((chain.start(), found))
            pos = found
        else:
            pos = chain.start() + 1


def _add_url(spans: list[tuple[int, int]], text: str, before: str | None, start: int, end: int,
             host: int, host_end: int, path: str | None, require_scheme: bool) -> None:
    """twitter-text's checks on one match of its URL regex: `before` is the character it
    consumed, text[start:end] the URL, text[start:host] its scheme, text[host:host_end] its host."""
    url = text[start:end]
    protocol = text[start:host] or None
    domain = text[host:host_end]
    # (A short ASCII URL, host not punycode, passes the checks: the usual case, made quick.)
    if not (end - start < 1000 and url.isascii() and len(domain) <= _MAX_LABEL_LENGTH
            and domain[:4].lower() != "xn--"
            or _valid_length(url, protocol, domain, ruby=require_scheme)):
        return
    if protocol:
        tco = _rx("tco").match(url) if domain.lower() == "t.co" else None
        if tco:  # a t.co link ends with its slug (and query): what follows is plain text
            if len(tco.group(1)) > _MAX_TCO_SLUG_LENGTH:
                return
            end = start + tco.end()
        spans.append((start, end))
    elif not require_scheme and not (before and before in "-_./"):
        # Without a scheme, only the ASCII domains inside the host are links; the last one takes
        # the path along.
        found = False
        pos = 0
        for a, b in _ascii_domains(domain):
            pos = domain.index(domain[a:b], pos)  # as the JS library does: indexOf
            spans.append((start + pos, start + pos + b - a))
            pos += b - a
            found = True
        if found and path:
            spans[-1] = (spans[-1][0], end)


def _valid_length(url: str, protocol: str | None, domain: str, *, ruby: bool) -> bool:
    """twitter-text's host and length checks: labels of 1-63 characters once punycode-encoded,
    and a total length within 4096 (counted as the Ruby gem does, or as the JS library does)."""
    if domain.startswith("xn--") and not _ascii_domains(domain):
        return False  # a punycode host cannot hold non-ASCII characters
    growth = 0
    if len(domain) > _MAX_LABEL_LENGTH or not domain.isascii():  # else every label fits as is
        for label in domain.split("."):
            encoded = _punycode_length(label)
            if not 1 <= encoded <= _MAX_LABEL_LENGTH:
                return False
            growth += encoded - len(label)
    if ruby:  # (Ruby encodes the host with libidn, which also applies nameprep: not done here)
        return len(url) + max(growth, 0) + (0 if protocol else len("https://")) <= _MAX_URL_LENGTH
    # The JS library adds the scheme's length although `url` already holds it, and counts in
    # UTF-16 code units.
    units = len(url) if url.isascii() else len(url.encode("utf-16-le", "surrogatepass")) // 2
    return len(protocol or "https://") + units <= _MAX_URL_LENGTH


@lru_cache(maxsize=1024)
def _punycode_length(label: str) -> int:
    """Length of ``punycode.toASCII(label)`` (the npm punycode module twitter-text uses)."""
    if label.isascii():
        return len(label)
    # Each character gives at least one: a label that long cannot fit in 63, whatever its
    # encoding (Python's punycode codec is slow on long labels).
    if len(label) > _MAX_LABEL_LENGTH:
        return len(label) + 4
    parts = label.translate(_IDNA_DOTS).split(".")
    try:
        return len(parts) - 1 + sum(len(p) if p.isascii() else 4 + len(p.encode("punycode"))
                                    for p in parts)
    except (UnicodeError, ValueError):
        return 0


# --- Records, for twitter.py and mastodon.py (which both import this module) -------------------

class _Record:
    """Base of the text modules' records: TwitterConfig, TwitterCount, Mention, MastodonCount.

    A record is what ``@dataclass(frozen=True, slots=True)`` makes, but for methods written once
    here instead of generated and compiled at import time (~0.45 ms a class, for a command line
    that checks one post). Subclasses are dataclasses all the same (``fields()``, ``replace()``,
    ``asdict()`` work): declared with ``@dataclass(init=False, repr=False, eq=False, slots=True)``
    and an ``__init__`` that sets each field with ``object.__setattr__``, in field order.
    """

    __slots__ = ()

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        names = self.__slots__  # type: ignore[attr-defined]
        fields = ", ".join(f"{name}={value!r}" for name, value in zip(names, self._values()))
        return f"{type(self).__qualname__}({fields})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __getstate__(self) -> tuple[object, ...]:
        return self._values()

    def __setstate__(self, state: tuple[object, ...]) -> None:
        for name, value in zip(self.__slots__, state):  # type: ignore[attr-defined]
            object.__setattr__(self, name, value)
