"""Reference implementations the optimised text modules are compared with on random text.

twitter-text finds URLs with one regex holding its whole TLD list (slow to compile: ~30 ms).
``socialrules.text.urls`` runs the same matching in steps; this module keeps the one-regex form
(as twitter-text writes it, with its case-insensitive JavaScript semantics for the TLDs) and
twitter-text's extraction loop, to check that the steps change nothing.
"""

from __future__ import annotations

import re
from functools import cache

from socialrules.text import urls as fast
from socialrules.text.urls import (_CYRILLIC, _CYRILLIC_CASE, _INVALID, _LATIN, _LATIN_CASE,
                                   _PROTOCOL, _PUNCT, _QUERY, _SPACES)

_TLD_BOUNDARY = r"(?=[^0-9a-zA-Z@+-]|\Z)"


def _letter(ch: str) -> str:
    # JavaScript's /i without the u flag: an ASCII letter matches its other case only; other
    # letters match theirs (Canonicalize maps a non-ASCII letter to an ASCII one never).
    if ch.isascii() and ch.isalpha():
        return f"[{ch.lower()}{ch.upper()}]"
    return f"(?i:{re.escape(ch)})" if ch.isalpha() else re.escape(ch)


def _alternation(words: list[str]) -> str:
    """Match any of `words`, prefix-factored; a longer word is tried before its prefixes."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [_letter(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            branches.append("")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(trie)


@cache
def tld() -> str:
    groups = fast._Tlds().groups
    # Generic TLDs first, then country ones, then punycode, as twitter-text tries them.
    return (f"(?:{_alternation(groups['generic'])}{_TLD_BOUNDARY}"
            f"|{_alternation(groups['country'])}{_TLD_BOUNDARY}"
            r"|[Xx][Nn]--[\-0-9a-zA-Z]+)")


@cache
def url_regex() -> re.Pattern[str]:
    dc = f"[^{_PUNCT}\\-_{_SPACES}{_INVALID}]"
    sub, name = f"[^{_PUNCT}{_SPACES}{_INVALID}]", f"[^{_PUNCT}_{_SPACES}{_INVALID}]"
    domain = f"(?:{dc}{sub}*+(?<={dc})\\.)*{dc}{name}*+(?<={dc})\\.{tld()}"
    letters = f"a-zA-Z{_CYRILLIC}{_CYRILLIC_CASE}{_LATIN}{_LATIN_CASE}"
    path_char = f"[{letters}0-9!*';:=+,.$/%#\\[\\]\\-\u2013_~@|&]"
    parens = f"\\((?:{path_char}+|{path_char}*\\({path_char}+\\){path_char}*)\\)"
    path_end = f"(?:[{letters}0-9+\\-=_#/]|{parens})"
    path = f"(?:{path_char}*(?:{parens}{path_char}*)*{path_end}|@{path_char}+/)"
    return re.compile(
        f"(?:([^A-Za-z0-9@\uff20$#\uff03{_INVALID}])|\\A)"  # 1: the character before, consumed
        f"(({_PROTOCOL})?({domain})(?::[0-9]+)?(/{path}*)?(?:{_QUERY})?)"  # 2: URL, 3-5: parts
    )


@cache
def ascii_domain_regex() -> re.Pattern[str]:
    return re.compile(f"(?:[\\-a-zA-Z0-9{_LATIN}{_LATIN_CASE}]+\\.)+{tld()}")


@cache
def tco_regex() -> re.Pattern[str]:
    return re.compile(f"{_PROTOCOL}[Tt]\\.[Cc][Oo]/([a-zA-Z0-9]+)(?:{_QUERY})?")


def find_urls(text: str, require_scheme: bool = True) -> list[tuple[int, int]]:
    """twitter-text's loop as is: the URL regex over the whole text, no shortcut."""
    spans: list[tuple[int, int]] = []
    for m in url_regex().finditer(text):
        _add_url(spans, m, require_scheme)
    return spans


def _add_url(spans: list[tuple[int, int]], m: re.Match[str], require_scheme: bool) -> None:
    before, url, protocol, domain, path = m.group(1, 2, 3, 4, 5)
    start, end = m.span(2)
    if not _valid_length(url, protocol, domain, ruby=require_scheme):
        return
    if protocol:
        tco = tco_regex().match(url)
        if tco:
            if len(tco.group(1)) > fast._MAX_TCO_SLUG_LENGTH:
                return
            end = start + tco.end()
        spans.append((start, end))
    elif not require_scheme and not (before and before in "-_./"):
        found = False
        pos = 0
        for ascii_domain in ascii_domain_regex().finditer(domain):
            pos = domain.index(ascii_domain.group(), pos)  # as the JS library does: indexOf
            spans.append((start + pos, start + pos + len(ascii_domain.group())))
            pos += len(ascii_domain.group())
            found = True
        if found and path:
            spans[-1] = (spans[-1][0], end)


def _valid_length(url: str, protocol: str | None, domain: str, *, ruby: bool) -> bool:
    if domain.startswith("xn--") and not ascii_domain_regex().search(domain):
        return False
    growth = 0
    if len(domain) > fast._MAX_LABEL_LENGTH or not domain.isascii():
        for label in domain.split("."):
            encoded = fast._punycode_length(label)
            if not 1 <= encoded <= fast._MAX_LABEL_LENGTH:
                return False
            growth += encoded - len(label)
    if ruby:
        return len(url) + max(growth, 0) + (0 if protocol else len("https://")) <= fast._MAX_URL_LENGTH
    units = len(url) if url.isascii() else len(url.encode("utf-16-le", "surrogatepass")) // 2
    return len(protocol or "https://") + units <= fast._MAX_URL_LENGTH


# --- Hashtags and mentions: twitter-text's regexes, run with finditer --------------------------

_TAG_CHARS = (r"\p{L}\p{M}\p{Nd}_\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c"
              r"\u30a0\u30fb\u3003\u0f0b\u0f0c\xb7")
_LATIN_ACCENTS = (r"\xc0-\xd6\xd8-\xf6\xf8-\xff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b"
                  r"\u0263\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff")


@cache
def hashtag_regex():
    import regex

    # The character before '#' is consumed: so "#a#b" holds no hashtag. U+FE0E/U+FE0F are marks,
    # yet they may end an emoji right before the '#'.
    return regex.compile(
        rf"(?:^|[\ufe0e\ufe0f]|[^&{_TAG_CHARS}])[#\uff03](?![\ufe0f\u20e3])"
        rf"([{_TAG_CHARS}]*[\p{{L}}\p{{M}}][{_TAG_CHARS}]*)"
    )


_END_HASHTAG = re.compile("[#\uff03]|://")
_TWITTER_MENTION = re.compile(
    r"(?:^|[^a-zA-Z0-9_!#$%&*@\uff20]|(?:^|[^a-zA-Z0-9_+~.-])[rR][tT]:?)"
    r"([@\uff20])([a-zA-Z0-9_]{1,20})(/[a-zA-Z][a-zA-Z0-9_\-]{0,24})?"
)
_END_MENTION = re.compile(f"[@\uff20{_LATIN_ACCENTS}]|://")


def find_hashtags(text: str) -> list[tuple[int, int]]:
    tags = [(m.start(1) - 1, m.end()) for m in hashtag_regex().finditer(text)
            if not _END_HASHTAG.match(text, m.end())]
    entities = sorted([(s, e, True) for s, e in tags]
                      + [(s, e, False) for s, e in find_urls(text, require_scheme=False)])
    kept: list[tuple[int, int]] = []
    end = 0
    for start, stop, is_tag in entities:
        if start >= end:
            end = stop
            if is_tag:
                kept.append((start, stop))
    return kept


def find_twitter_mentions(text: str, *, lists: bool = False) -> list[tuple[int, int]]:
    return [(m.start(1), m.end()) for m in _TWITTER_MENTION.finditer(text)
            if not _END_MENTION.match(text, m.end()) and (m.group(3) is None or lists)]


# --- Emoji: the longest known sequence at every position, no shortcut ------------------------

@cache
def emoji_sequences() -> tuple[frozenset[str], frozenset[str]]:
    """(twemoji-parser 11's sequences, the characters a VS15 makes text), from twemoji11.txt."""
    from pathlib import Path

    import socialrules.text.twitter as twitter

    data = Path(twitter.__file__).with_name("twemoji11.txt").read_text(encoding="utf-8")
    _, vs15, lines = data.split("\n\n")
    return frozenset(lines.split()), frozenset(vs15)


def find_emoji(text: str) -> list[tuple[int, int]]:
    sequences, vs15 = emoji_sequences()
    longest = max(map(len, sequences))
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        end = next((i + n for n in range(min(longest, len(text) - i), 0, -1)
                    if text[i:i + n] in sequences), None)
        if end is None or (end == i + 1 and text[end:end + 1] == "\ufe0e" and text[i] in vs15):
            i += 1
            continue
        spans.append((i, end))
        i = end
    return spans


# --- Mastodon's mentions: Account::MENTION_RE with finditer -----------------------------------

@cache
def mastodon_mention_regex():
    import regex

    word = r"\p{L}\p{M}\p{Nd}\p{Pc}"
    return regex.compile(rf"(?<![=/{word}])@([A-Za-z0-9_]+(?:[.-]+[A-Za-z0-9_]+)*)"
                         rf"(?:@([{word}]+(?:[.-]+[{word}]+)*))?")


_AFTER_MASTODON_MENTION = re.compile(
    "[@\uff20\xc0-\xd6\xd8-\xf6\xf8-\xff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b"
    "\u0263\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff"
    "\u0260\u0269\u0275\u0280\u0283\u0288\u028a\u028c\u0292\u0399\u03b9\u1fbe\u212b"
    "\u2c65\u2c66\u2c7e\u2c7f]|://")


def find_mentions(text: str) -> list[tuple[int, int, str, str | None]]:
    return [(m.start(), m.end(), m.group(1), m.group(2))
            for m in mastodon_mention_regex().finditer(text)
            if not _AFTER_MASTODON_MENTION.match(text, m.end())
            and not (m.group(2) and len(m.group(2)) > 253)]
