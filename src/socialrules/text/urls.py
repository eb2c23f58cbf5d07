"""URL spans as twitter-text 3.1.0 finds them: the URLs that Twitter/X and Mastodon count as 23.

Only http(s) URLs whose host ends in a known TLD (``tlds.txt``) or a punycode TLD count; the
preceding character, trailing punctuation and bracket rules follow twitter-text's extractor
(JavaScript dialect, the one its conformance suite describes). Offsets are ``str`` indices.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

__all__ = ["find_urls"]

_MAX_URL_LENGTH = 4096
_MAX_TCO_SLUG_LENGTH = 40
_MAX_LABEL_LENGTH = 63

# Character sets of twitter-text's regexes, as regex class bodies.
_SPACES = r"\t-\r \x85\xa0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_INVALID = r"\ufffe\ufeff\uffff"
_PUNCT = r"!'#%&()*+,\\\-./:;<=>?@\[\]^_{|}~$"  # twitter-text's list: it lacks '"' and '`'
_LATIN = (r"\xc0-\xd6\xd8-\xf6\xf8-\xff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b\u0263"
          r"\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff")
_CYRILLIC = r"\u0400-\u04ff"
# twitter-text's regexes are case-insensitive JavaScript ones: besides A-Z, that makes the letter
# ranges above also match these characters, whose upper case falls inside them.
_LATIN_CASE = r"\u0260\u0269\u0275\u0280\u0283\u0288\u028a\u028c\u0292\u0399\u03b9\u1fbe\u2c65\u2c66\u2c7e\u2c7f"
_CYRILLIC_CASE = r"\u1c80-\u1c87"
_TLD_BOUNDARY = r"(?=[^0-9a-zA-Z@+-]|\Z)"
_QUERY = r"\?[a-zA-Z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]*[a-zA-Z0-9\-_&=#/]"
_PROTOCOL = r"[Hh][Tt][Tt][Pp][Ss]?://"


# Small regexes, compiled at import time (well under a millisecond).
_SPACE_RE = re.compile(f"[{_SPACES}]")
_PROTOCOL_RE = re.compile(_PROTOCOL)
_MAYBE_URL = re.compile(r"\.[^\W\d_]")  # every TLD starts with a letter


class _Regexes(NamedTuple):
    url: re.Pattern[str]
    tco: re.Pattern[str]
    tld_dot: re.Pattern[str]


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
def _tld() -> str:
    groups: dict[str, list[str]] = {}
    current: list[str] = []
    for line in Path(__file__).with_name("tlds.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            current = groups.setdefault(line.strip("[]"), [])
        elif line and not line.startswith("#"):
            current.append(line)
    # Generic TLDs first, then country ones, then punycode, as twitter-text tries them.
    return (f"(?:(?i:{_alternation(groups['generic'])}){_TLD_BOUNDARY}"
            f"|(?i:{_alternation(groups['country'])}){_TLD_BOUNDARY}"
            r"|[Xx][Nn]--[\-0-9a-zA-Z]+)")


@cache
def _regexes() -> _Regexes:
    # Built on first use: the TLD alternation takes ~15 ms to compile, too much for import time.
    tld = _tld()
    dc = f"[^{_PUNCT}{_SPACES}{_INVALID}]"  # a domain character
    domain = (f"(?:(?:{dc}(?:[_-]|{dc})*)?{dc}\\.)*"  # subdomains may contain '_'
              f"(?:{dc}(?:-|{dc})*)?{dc}\\.{tld}")
    path_char = f"[a-zA-Z0-9!*';:=+,.$/%#\\[\\]\\-\u2013_~@|&{_CYRILLIC}{_CYRILLIC_CASE}{_LATIN}{_LATIN_CASE}]"
    parens = f"\\((?:{path_char}+|{path_char}*\\({path_char}+\\){path_char}*)\\)"  # 2 levels at most
    path_end = f"(?:[+\\-a-zA-Z0-9=_#/{_CYRILLIC}{_CYRILLIC_CASE}{_LATIN}{_LATIN_CASE}]|{parens})"
    path = f"(?:{path_char}*(?:{parens}{path_char}*)*{path_end}|@{path_char}+/)"
    url = re.compile(
        f"(?:([^A-Za-z0-9@\uff20$#\uff03{_INVALID}])|\\A)"  # 1: the character before, consumed
        f"(({_PROTOCOL})?({domain})(?::[0-9]+)?(/{path}*)?(?:{_QUERY})?)"  # 2 url, 3 protocol, 4 domain, 5 path
    )
    tco = re.compile(f"{_PROTOCOL}[Tt]\\.[Cc][Oo]/([a-zA-Z0-9]+)(?:{_QUERY})?")
    # Every URL holds a '.' and a TLD: where they are tells which words to look at.
    tld_dot = re.compile(f"\\.{tld}")
    return _Regexes(url, tco, tld_dot)


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
    # Cheap tests first: most posts have no URL at all.
    if not _MAYBE_URL.search(text) or (require_scheme and not _PROTOCOL_RE.search(text)):
        return []
    rx = _regexes()
    hints = (_PROTOCOL_RE if require_scheme else rx.tld_dot).finditer(text)
    spans: list[tuple[int, int]] = []
    done = 0
    reversed_text = ""
    for hint in hints:
        if hint.start() < done:
            continue
        # A URL never holds a space, so only the words that hold a hint need the full (slow)
        # regex. Scanning from the space before the word keeps twitter-text's left-to-right
        # matching (each match consumes the character before it) intact.
        reversed_text = reversed_text or text[::-1]
        space = _SPACE_RE.search(reversed_text, len(text) - hint.start())
        begin = len(text) - 1 - space.start() if space else 0
        space = _SPACE_RE.search(text, hint.end())
        done = space.start() if space else len(text)
        for m in rx.url.finditer(text, begin, done):
            _add_url(spans, m, require_scheme, rx.tco)
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
    for label in domain.split("."):
        encoded = _punycode_length(label)
        if not 1 <= encoded <= _MAX_LABEL_LENGTH:
            return False
        growth += encoded - len(label)
    if ruby:
        return len(url) + max(growth, 0) + (0 if protocol else len("https://")) <= _MAX_URL_LENGTH
    # The JS library adds the scheme's length although `url` already holds it, and counts in
    # UTF-16 code units.
    units = len(url) if url.isascii() else len(url.encode("utf-16-le")) // 2
    return len(protocol or "https://") + units <= _MAX_URL_LENGTH


_IDNA_DOTS = re.compile("[\u3002\uff0e\uff61]")  # label separators that punycode.toASCII also splits on


def _punycode_length(label: str) -> int:
    """Length of ``punycode.toASCII(label)`` (the npm punycode module twitter-text uses)."""
    if label.isascii():
        return len(label)
    parts = _IDNA_DOTS.split(label)
    try:
        return len(parts) - 1 + sum(len(p) if p.isascii() else 4 + len(p.encode("punycode"))
                                    for p in parts)
    except (UnicodeError, ValueError):
        return 0
