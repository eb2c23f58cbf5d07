"""URL spans as twitter-text 3.1.0 finds them: the URLs that Twitter/X and Mastodon count as 23.

Only http(s) URLs whose host ends in a known TLD (``tlds.txt``) or a punycode TLD count; the
preceding character, trailing punctuation and bracket rules follow twitter-text's extractor
(JavaScript dialect, the one its conformance suite describes). Offsets are ``str`` indices.
"""

from __future__ import annotations

import os
import re
from functools import cache, lru_cache
from typing import NamedTuple

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
_TLD_BOUNDARY = r"(?=[^0-9a-zA-Z@+-]|\Z)"
_QUERY = r"\?[a-zA-Z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]*[a-zA-Z0-9\-_&=#/]"
_PROTOCOL = r"[Hh][Tt][Tt][Pp][Ss]?://"


# Small regexes, compiled at import time (well under a millisecond).
_SPACE_RE = re.compile(f"[{_SPACES}]")
_ASCII_LETTERS = re.compile("[a-zA-Z]+(?![a-zA-Z0-9@+-])")
_NOT_BOUNDARY = re.compile("[0-9a-zA-Z@+-]")
_MAYBE_URL = re.compile(r"\.[^\W\d_]")  # every TLD starts with a letter (checked by the tests)
_IDNA_DOTS = re.compile("[\u3002\uff0e\uff61]")  # label separators punycode.toASCII splits on too


class _Regexes(NamedTuple):
    url: re.Pattern[str]
    tco: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    """Match any of `words`, prefix-factored so that the engine tries one branch per letter."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        # The end of a word is tried last, so a longer TLD wins, as in twitter-text's list order.
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            branches.append("")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(trie)


@cache
def _tld_lists() -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    current: list[str] = []
    with open(os.path.join(os.path.dirname(__file__), "tlds.txt"), encoding="utf-8") as file:
        lines = file.read().splitlines()
    for line in lines:
        if line.startswith("["):
            current = groups.setdefault(line.strip("[]"), [])
        elif line and not line.startswith("#"):
            current.append(line)
    return groups


class _TldSets(NamedTuple):
    ascii: frozenset[str]
    other: frozenset[str]  # the TLDs with a non-ASCII letter...
    firsts: frozenset[str]  # ...their first letters
    lengths: tuple[int, ...]  # ...and their lengths, longest first


@cache
def _tld_sets() -> _TldSets:
    tlds = [tld for group in _tld_lists().values() for tld in group]
    other = frozenset(tld for tld in tlds if not tld.isascii())
    return _TldSets(frozenset(tld for tld in tlds if tld.isascii()), other,
                    frozenset(tld[0] for tld in other),
                    tuple(sorted({len(tld) for tld in other}, reverse=True)))


def _tld_at(text: str, pos: int) -> bool:
    """Whether a TLD (followed by a boundary) or a punycode label starts at `pos`, as in the
    URL regex: a quick test that saves running that regex (slow on long runs of CJK text)."""
    tlds = _tld_sets()
    letters = _ASCII_LETTERS.match(text, pos)
    if letters and letters.group().lower() in tlds.ascii:  # a whole run of ASCII letters
        return True
    if text[pos:pos + 4].lower() == "xn--":
        return True
    if text[pos:pos + 1].lower() not in tlds.firsts:
        return False
    for length in tlds.lengths:
        end = pos + length
        if text[pos:end].lower() in tlds.other and not _NOT_BOUNDARY.match(text, end):
            return True
    return False


@cache
def _tld() -> str:
    groups = _tld_lists()
    # Generic TLDs first, then country ones, then punycode, as twitter-text tries them.
    return (f"(?:(?i:{_alternation(groups['generic'])}){_TLD_BOUNDARY}"
            f"|(?i:{_alternation(groups['country'])}){_TLD_BOUNDARY}"
            r"|[Xx][Nn]--[\-0-9a-zA-Z]+)")


@cache
def _regexes() -> _Regexes:
    # Built on first use: the TLD alternation takes ~15 ms to compile, too much for import time.
    tld = _tld()
    # A label starts and ends with a domain character and may hold '-' (and '_' in subdomains).
    # twitter-text writes "(?:dc(?:[_-]|dc)*)?dc\.": this form matches the same, but its
    # possessive run and look-behind spare the engine a backtrack per character (very slow on
    # long runs of CJK text, which are all domain characters).
    dc = f"[^{_PUNCT}\\-_{_SPACES}{_INVALID}]"
    sub, name = f"[^{_PUNCT}{_SPACES}{_INVALID}]", f"[^{_PUNCT}_{_SPACES}{_INVALID}]"
    domain = f"(?:{dc}{sub}*+(?<={dc})\\.)*{dc}{name}*+(?<={dc})\\.{tld}"
    letters = f"a-zA-Z{_CYRILLIC}{_CYRILLIC_CASE}{_LATIN}{_LATIN_CASE}"
    path_char = f"[{letters}0-9!*';:=+,.$/%#\\[\\]\\-\u2013_~@|&]"
    # Balanced parentheses, two levels at most, as in "/wiki/Primer_(film)".
    parens = f"\\((?:{path_char}+|{path_char}*\\({path_char}+\\){path_char}*)\\)"
    path_end = f"(?:[{letters}0-9+\\-=_#/]|{parens})"  # so that "/foo." leaves the '.' out
    path = f"(?:{path_char}*(?:{parens}{path_char}*)*{path_end}|@{path_char}+/)"
    url = re.compile(
        f"(?:([^A-Za-z0-9@\uff20$#\uff03{_INVALID}])|\\A)"  # 1: the character before, consumed
        # 2: the URL; 3: its scheme, 4: its host, 5: its path
        f"(({_PROTOCOL})?({domain})(?::[0-9]+)?(/{path}*)?(?:{_QUERY})?)"
    )
    tco = re.compile(f"{_PROTOCOL}[Tt]\\.[Cc][Oo]/([a-zA-Z0-9]+)(?:{_QUERY})?")
    return _Regexes(url, tco)


@cache
def _ascii_domain() -> re.Pattern[str]:
    # Only needed for scheme-less URLs and "xn--" hosts: compiled apart, when first needed.
    return re.compile(f"(?:[\\-a-zA-Z0-9{_LATIN}{_LATIN_CASE}]+\\.)+{_tld()}")


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
    spans: list[tuple[int, int]] = []
    reversed_text = ""
    # Every URL holds a '.' followed by a TLD: find those, then run the full (slow) regex on
    # the words that hold one. A URL never holds a space; scanning from the space before the
    # word keeps twitter-text's left-to-right matching (each match consumes the character
    # before it) intact.
    hint = _MAYBE_URL.search(text)
    while hint:
        if not _tld_at(text, hint.start() + 1):
            hint = _MAYBE_URL.search(text, hint.start() + 1)
            continue
        reversed_text = reversed_text or text[::-1]
        space = _SPACE_RE.search(reversed_text, len(text) - hint.start())
        begin = len(text) - 1 - space.start() if space else 0
        space = _SPACE_RE.search(text, hint.end())
        end = space.start() if space else len(text)
        if not require_scheme or text.find("://", begin, end) >= 0:
            rx = _regexes()
            for m in rx.url.finditer(text, begin, end):
                _add_url(spans, m, require_scheme, rx.tco)
        hint = _MAYBE_URL.search(text, end)
    return spans


def _add_url(spans: list[tuple[int, int]], m: re.Match[str], require_scheme: bool,
             tco_re: re.Pattern[str]) -> None:
    """twitter-text's checks on one match of its URL regex."""
    before, url, protocol, domain, path = m.group(1, 2, 3, 4, 5)
    start, end = m.span(2)
    if not _valid_length(url, protocol, domain, ruby=require_scheme):
        return
    if protocol:
        tco = tco_re.match(url)
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
        for ascii_domain in _ascii_domain().finditer(domain):
            pos = domain.index(ascii_domain.group(), pos)
            spans.append((start + pos, start + pos + len(ascii_domain.group())))
            pos += len(ascii_domain.group())
            found = True
        if found and path:
            spans[-1] = (spans[-1][0], end)


def _valid_length(url: str, protocol: str | None, domain: str, *, ruby: bool) -> bool:
    """twitter-text's host and length checks: labels of 1-63 characters once punycode-encoded,
    and a total length within 4096 (counted as the Ruby gem does, or as the JS library does)."""
    if domain.startswith("xn--") and not _ascii_domain().search(domain):
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
    units = len(url) if url.isascii() else len(url.encode("utf-16-le")) // 2
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
    parts = _IDNA_DOTS.split(label)
    try:
        return len(parts) - 1 + sum(len(p) if p.isascii() else 4 + len(p.encode("punycode"))
                                    for p in parts)
    except (UnicodeError, ValueError):
        return 0
