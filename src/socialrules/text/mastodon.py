"""Mastodon's status length, as its server counts it (conformance/mastodon/RULES.md, R1-R8).

The content warning and the body lose leading/trailing ASCII whitespace; in the body, each
http(s) URL counts 23 and each ``@user@domain`` mention counts as ``@user``; the CW followed by
the body is then measured in extended grapheme clusters.

URLs follow RULES.md R4: twitter-text's stock rules. A stock server also loads
``config/initializers/twitter_regex.rb``, which lets URL paths and queries hold more (emoji,
most non-ASCII) and adds schemes (gemini, ipfs...): there it may count more text as URL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .lazy import lazy_re
from .urls import _expand, _Record, find_urls

__all__ = ["MastodonCount", "Mention", "find_mentions", "mastodon_length", "poll_option_length",
           "surely_fits"]

_STRIP = " \t\n\v\f\r\x00"  # Ruby's String#strip: ASCII whitespace and NUL only (R2)
_MAX_DOMAIN_LENGTH = 253


@dataclass(init=False, repr=False, eq=False, slots=True)  # frozen: see urls._Record
class Mention(_Record):
    start: int  # index of the '@'
    end: int
    username: str
    domain: str | None  # None for a local mention (@alice)

    def __init__(self, start: int, end: int, username: str, domain: str | None) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "username", username)
        object.__setattr__(self, "domain", domain)


@dataclass(init=False, repr=False, eq=False, slots=True)  # frozen: see urls._Record
class MastodonCount(_Record):
    length: int      # grapheme clusters counted against the limit (R6)
    limit: int       # max_characters
    fits_until: int  # index in the body just past the last character that fits (len(body) if
                     # all fits; 0 if the content warning alone reaches the limit)

    def __init__(self, length: int, limit: int, fits_until: int) -> None:
        object.__setattr__(self, "length", length)
        object.__setattr__(self, "limit", limit)
        object.__setattr__(self, "fits_until", fits_until)


_WORD = r"\p{L}\p{M}\p{Nd}\p{Pc}"  # Ruby's [[:word:]]
_PATTERNS = {  # for the `regex` module (Unicode properties)
    "cluster": r"\X",
    # Mastodon's Account::MENTION_RE (R5), (?<![=/[[:word:]]])@(username)(?:@(domain))?, in
    # parts (see find_mentions): the character a mention may not follow, the domain.
    "not_before_mention": rf"[=/{_WORD}]",
    "domain": rf"@[{_WORD}]+(?:[.-]+[{_WORD}]+)*",
}
_COMPILED: dict[str, Any] = {}


def _rx(name: str) -> Any:
    """The pattern `name`, compiled on first use: most texts need none of them."""
    found = _COMPILED.get(name)
    if found is None:
        import regex  # deferred: ~8 ms to import (when no other module has)

        found = _COMPILED[name] = regex.compile(_PATTERNS[name])
    return found


_USERNAME = lazy_re(r"[A-Za-z0-9_]+(?:[.-]+[A-Za-z0-9_]+)*")
# The ASCII characters a mention may not follow (the others: "not_before_mention").
_NOT_BEFORE_MENTION = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_=/")
# twitter-text's end_mention_match: an at sign, a Latin accented letter or "://" right after the
# candidate rejects it. Ruby matches the letters case-insensitively: the last line adds the
# characters whose case folding falls in the ranges above.
_AFTER_MENTION = (
    r"@\uff20\xc0-\xd6\xd8-\xf6\xf8-\xff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b"
    r"\u0263\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff"
    r"\u0260\u0269\u0275\u0280\u0283\u0288\u028a\u028c\u0292\u0399\u03b9\u1fbe\u212b"
    r"\u2c65\u2c66\u2c7e\u2c7f"
)
_AFTER_MENTION_CHARS: frozenset[str] | None = None  # built on first use: a set beats a regex


def _after_mention_chars() -> frozenset[str]:
    global _AFTER_MENTION_CHARS
    return _AFTER_MENTION_CHARS or (_AFTER_MENTION_CHARS := frozenset(_expand(_AFTER_MENTION)))


def find_mentions(text: str) -> list[Mention]:
    """The mentions Mastodon's server finds in `text` (R5), overlaps with URLs not resolved."""
    if "@" not in text:
        return []
    # Each '@' found with str.find, the character before it tested, then the regex's parts
    # matched after it: the same as the regex over the whole text, which has no literal to
    # search for and tries its look-behind at every position.
    mentions: list[Mention] = []
    pos = 0  # the end of the last match: the regex resumes there
    at = text.find("@")
    while at >= 0:
        before = text[at - 1:at]
        if at >= pos and not (before in _NOT_BEFORE_MENTION if before < "\x80"
                              else _rx("not_before_mention").match(before)):
            username = _USERNAME.match(text, at + 1)
            if username:
                pos = end = username.end()
                domain = _rx("domain").match(text, end) if text.startswith("@", end) else None
                if domain:
                    pos = end = domain.end()
                after = text[end:end + 1]
                if not (after == "@" or after >= "\xc0" and after in _after_mention_chars()
                        or text.startswith("://", end)
                        or domain and len(domain.group()) - 1 > _MAX_DOMAIN_LENGTH):
                    mentions.append(Mention(at, end, username.group(),
                                            domain.group()[1:] if domain else None))
        at = text.find("@", at + 1)
    return mentions


def poll_option_length(option: str) -> int:
    """The length of a poll option (R8): grapheme clusters, no URL or mention discount."""
    return _clusters(option)


def surely_fits(text: str, spoiler_text: str = "", *, limit: int = 500,
                url_length: int = 23) -> bool:
    """Whether the status is within `limit` for its mere size (False: count it to know).

    The count is at most the code points of `text` and `spoiler_text`: the strip only removes
    some, a grapheme cluster holds one or more, a mention counts part of its own. Only a URL
    may count more than it holds, `url_length` at most; each holds a "://" of its own (R4).
    """
    return len(text) + len(spoiler_text) + url_length * text.count("://") <= limit


def mastodon_length(text: str, spoiler_text: str = "", *, limit: int = 500,
                    url_length: int = 23) -> MastodonCount:
    """Measure a status (body `text`, content warning `spoiler_text`) as Mastodon's server does.

    `limit` and `url_length` are the instance's ``configuration.statuses.max_characters`` and
    ``characters_reserved_per_url`` (R1). A status is accepted when ``length <= limit``.
    """
    body = text.strip(_STRIP)
    cw = spoiler_text.strip(_STRIP)
    # (start, end, replacement) of the body's URLs and mentions; overlaps: the first one wins.
    entities: list[tuple[int, int, str]] = []
    if "@" in body or "://" in body:
        found = [(s, e, "x" * url_length) for s, e in find_urls(body)]
        found += [(m.start, m.end, "@" + m.username) for m in find_mentions(body)]
        end = 0
        for start, stop, replacement in sorted(found):
            if start >= end:
                entities.append((start, stop, replacement))
                end = stop
    if entities:
        parts, pos = [cw], 0
        for start, stop, replacement in entities:
            parts += [body[pos:start], replacement]
            pos = stop
        parts.append(body[pos:])
        measured = "".join(parts)
    else:
        measured = cw + body if cw else body
    length = _clusters(measured)
    fits = len(text)
    if length > limit:
        fits = _body_index(_cut(measured, limit) - len(cw), entities)
        if fits:  # back to an index in `text`, before the strip
            fits += len(text) - len(text.lstrip(_STRIP))
    return MastodonCount(length, limit, fits)


# Characters that never join a neighbour into a grapheme cluster unless that neighbour is outside
# this set (Grapheme_Cluster_Break Other, Control, LF): Latin, Greek, Cyrillic, kana, most
# symbols and emoji. The tests check the set against the `regex` module. (CJK ideographs and
# Hangul syllables would qualify too, but their blocks make the class ~2 ms slower to compile:
# they are segmented with the rest.)
_SIMPLE = ("\x00-\x0c\x0e-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e"
           "\u20a0-\u20c0\u2100-\u27bf\u2b00-\u2bff\u3000-\u3029\u3030-\u303f\u3041-\u3096"
           "\u309b-\u30ff\uff01-\uff9d"
           "\U0001f000-\U0001f1e5\U0001f200-\U0001f3fa\U0001f400-\U0001faff")
_COMPLEX: dict[bool, re.Pattern[str]] = {}


def _complex(run: bool = False) -> re.Pattern[str]:
    """A character that may join a neighbour (a run of them if `run`): compiled on first use
    (~0.3 ms each). The regex engine finds one character of a class ~3 times faster than a
    run of them, and most texts hold none."""
    found = _COMPLEX.get(run)
    if found is None:
        found = _COMPLEX[run] = re.compile(f"[^{_SIMPLE}]+" if run else f"[^{_SIMPLE}]")
    return found


def _latin1(text: str) -> bool:
    """Whether `text` holds nothing above U+00FF (a C-level copy tells): then no character
    joins another but CR and LF, in this order."""
    return text.isascii() or len(text.encode("latin-1", "ignore")) == len(text)


def _clusters(text: str) -> int:
    """The number of extended grapheme clusters in `text`."""
    if _latin1(text) or not (found := _complex().search(text)):
        return len(text) - text.count("\r\n")  # one cluster per character, but CR LF is one
    # Segmenting is slow: only the stretches around the characters that may join others, one
    # character on each side, are segmented (a stretch ends where two plain characters meet).
    count = len(text)
    cluster = _rx("cluster")
    start = end = -1
    for run in _complex(run=True).finditer(text, found.start()):
        if run.start() - 1 >= end:
            if end > 0:
                count += len(cluster.findall(text[start:end])) - (end - start)
            start = max(run.start() - 1, 0)
        end = min(run.end() + 1, len(text))
    return count + len(cluster.findall(text[start:end])) - (end - start)


def _cut(text: str, limit: int) -> int:
    """The end of the first `limit` grapheme clusters of `text`."""
    if limit <= 0:
        return 0
    if "\r" not in text if _latin1(text) else not _complex().search(text):
        return min(limit, len(text))  # one cluster per character
    for count, m in enumerate(_rx("cluster").finditer(text), 1):
        if count == limit:
            return m.end()
    return len(text)


def _body_index(pos: int, entities: list[tuple[int, int, str]]) -> int:
    """Map an index in the rewritten body back to the body; a cut inside a URL or a mention
    moves to its start: an entity fits whole or not at all."""
    if pos <= 0:
        return 0
    shift = 0  # body index minus rewritten index, so far
    for start, stop, replacement in entities:
        new_start = start - shift
        if pos <= new_start:
            break
        if pos < new_start + len(replacement):
            return start
        shift += (stop - start) - len(replacement)
    return pos + shift
