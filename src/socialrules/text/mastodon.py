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
from functools import cache
from typing import Any, NamedTuple

from .urls import find_urls

__all__ = ["MastodonCount", "Mention", "find_mentions", "mastodon_length", "poll_option_length"]

_STRIP = " \t\n\v\f\r\x00"  # Ruby's String#strip: ASCII whitespace and NUL only (R2)
_MAX_DOMAIN_LENGTH = 253


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # index of the '@'
    end: int
    username: str
    domain: str | None  # None for a local mention (@alice)


@dataclass(frozen=True, slots=True)
class MastodonCount:
    length: int      # grapheme clusters counted against the limit (R6)
    limit: int       # max_characters
    fits_until: int  # index in the body just past the last character that fits (len(body) if
                     # all fits; 0 if the content warning alone reaches the limit)


class _Regexes(NamedTuple):
    cluster: Any  # regex.Pattern; the `regex` module is imported on first use
    mention: Any
    after_mention: Any


@cache
def _regexes() -> _Regexes:
    import regex  # deferred: ~8 ms to import, and ASCII posts without '@' never need it

    word = r"\p{L}\p{M}\p{Nd}\p{Pc}"  # Ruby's [[:word:]]
    # Mastodon's Account::MENTION_RE (R5).
    mention = regex.compile(
        rf"(?<![=/{word}])@([A-Za-z0-9_]+(?:[.-]+[A-Za-z0-9_]+)*)"  # 1: the username
        rf"(?:@([{word}]+(?:[.-]+[{word}]+)*))?"  # 2: the domain
    )
    # twitter-text's end_mention_match: an at sign, a Latin accented letter or "://" right after
    # the candidate rejects it. Ruby matches the letters case-insensitively: the last line adds
    # the characters whose case folding falls in the ranges above.
    after_mention = regex.compile(
        r"[@\uff20\xc0-\xd6\xd8-\xf6\xf8-\xff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b"
        r"\u0263\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff"
        r"\u0260\u0269\u0275\u0280\u0283\u0288\u028a\u028c\u0292\u0399\u03b9\u1fbe\u212b"
        r"\u2c65\u2c66\u2c7e\u2c7f]|://"
    )
    return _Regexes(regex.compile(r"\X"), mention, after_mention)


def find_mentions(text: str) -> list[Mention]:
    """The mentions Mastodon's server finds in `text` (R5), overlaps with URLs not resolved."""
    if "@" not in text:
        return []
    rx = _regexes()
    mentions: list[Mention] = []
    for m in rx.mention.finditer(text):
        domain = m.group(2)
        if rx.after_mention.match(text, m.end()) or (domain and len(domain) > _MAX_DOMAIN_LENGTH):
            continue
        mentions.append(Mention(m.start(), m.end(), m.group(1), domain))
    return mentions


def poll_option_length(option: str) -> int:
    """The length of a poll option (R8): grapheme clusters, no URL or mention discount."""
    return _clusters(option)


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
    parts, pos = [cw], 0
    for start, stop, replacement in entities:
        parts += [body[pos:start], replacement]
        pos = stop
    parts.append(body[pos:])
    measured = "".join(parts)
    length = _clusters(measured)
    fits = len(text)
    if length > limit:
        fits = _body_index(_cut(measured, limit) - len(cw), entities)
        if fits:  # back to an index in `text`, before the strip
            fits += len(text) - len(text.lstrip(_STRIP))
    return MastodonCount(length, limit, fits)


def _clusters(text: str) -> int:
    """The number of extended grapheme clusters in `text`."""
    complex_char = _complex()[0].search(text) if not text.isascii() else None
    count = len(text) - text.count("\r\n")  # one cluster per character, but CR LF is one
    if complex_char:
        # Segmenting is slow: only the stretches around the characters that may join others
        # (and one character on each side) are segmented.
        count = len(text)
        cluster = _regexes().cluster
        for m in _complex()[1].finditer(text, max(complex_char.start() - 1, 0)):
            count += len(cluster.findall(m.group())) - (m.end() - m.start())
    return count


# Characters that never join a neighbour into a grapheme cluster unless that neighbour is outside
# this set (Grapheme_Cluster_Break Other, Control, LF, LV/LVT): Latin, Greek, Cyrillic, CJK, kana,
# Hangul syllables, most symbols and emoji. The tests check the set against the `regex` module.
_SIMPLE = ("\x00-\x0c\x0e-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e"
           "\u20a0-\u20c0\u2100-\u27bf\u2b00-\u2bff\u3000-\u3029\u3030-\u303f\u3041-\u3096"
           "\u309b-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uff01-\uff9d"
           "\U0001f000-\U0001f1e5\U0001f200-\U0001f3fa\U0001f400-\U0001faff")


@cache
def _complex() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # Compiled on first use: these big classes take ~8 ms to compile.
    return (re.compile(f"[^{_SIMPLE}]"),  # a character that may join a neighbour
            re.compile(f"[{_SIMPLE}]?(?:[^{_SIMPLE}]+[{_SIMPLE}]?)+"))  # such runs, one around


def _cut(text: str, limit: int) -> int:
    """The end of the first `limit` grapheme clusters of `text`."""
    if limit <= 0:
        return 0
    if "\r" not in text and (text.isascii() or not _complex()[0].search(text)):
        return min(limit, len(text))  # one cluster per character
    for count, m in enumerate(_regexes().cluster.finditer(text), 1):
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
