"""Hashtags and mentions, as twitter-text 3.1.0 finds them (and Mastodon's mentions)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any, NamedTuple

from .mastodon import Mention, find_mentions
from .urls import find_urls

__all__ = ["Mention", "find_hashtags", "find_mentions", "find_twitter_mentions"]

# Letters and marks (plus twitter-text's few joiners) continue a hashtag; digits alone do not
# make one. twitter-text ships its own Unicode tables; the `regex` module's are newer.
_TAG_CHARS = (r"\p{L}\p{M}\p{Nd}_\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c"
              r"\u30a0\u30fb\u3003\u0f0b\u0f0c\xb7")
_LATIN_ACCENTS = (r"\xc0-\xd6\xd8-\xf6\xf8-\xff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b"
                  r"\u0263\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff")
# twitter-text's mention: not after a letter, digit or one of _!#$%&*@, but "RT@" is one. The
# character before is consumed, as twitter-text's global regex does.
_TWITTER_MENTION = re.compile(
    r"(?:^|[^a-zA-Z0-9_!#$%&*@\uff20]|(?:^|[^a-zA-Z0-9_+~.-])[rR][tT]:?)"
    r"([@\uff20])([a-zA-Z0-9_]{1,20})(/[a-zA-Z][a-zA-Z0-9_\-]{0,24})?"
)
_END_MENTION = re.compile(f"[@\uff20{_LATIN_ACCENTS}]|://")
_END_HASHTAG = re.compile("[#\uff03]|://")


class _Regexes(NamedTuple):
    hashtag: Any  # regex.Pattern


@cache
def _regexes() -> _Regexes:
    import regex  # deferred: ~8 ms to import; texts without '#' never need it

    # The character before '#' is consumed, as twitter-text's global regex does: so "#a#b" holds
    # no hashtag. U+FE0E/U+FE0F are marks, yet they may end an emoji right before the '#'.
    return _Regexes(regex.compile(
        rf"(?:^|[\ufe0e\ufe0f]|[^&{_TAG_CHARS}])[#\uff03](?![\ufe0f\u20e3])"
        rf"([{_TAG_CHARS}]*[\p{{L}}\p{{M}}][{_TAG_CHARS}]*)"
    ))


def find_hashtags(text: str) -> list[tuple[int, int]]:
    """Spans of twitter-text's hashtags (the '#' included), in order.

    A hashtag needs a letter (``#123`` is none), must not be glued to a preceding letter or
    digit, nor be followed by another '#' or by "://"; hashtags inside URLs do not count.
    """
    if "#" not in text and "\uff03" not in text:
        return []
    tags: list[tuple[int, int]] = []
    for m in _regexes().hashtag.finditer(text):
        if not _END_HASHTAG.match(text, m.end()):
            tags.append((m.start(1) - 1, m.end()))
    urls = find_urls(text, require_scheme=False) if tags else []
    if not urls:
        return tags
    # An entity overlapping an earlier one is dropped, whatever its kind (twitter-text's
    # removeOverlappingEntities); only the hashtags are kept.
    kept: list[tuple[int, int]] = []
    end = 0
    entities = sorted([(s, e, True) for s, e in tags] + [(s, e, False) for s, e in urls])
    for start, stop, is_tag in entities:
        if start >= end:
            end = stop
            if is_tag:
                kept.append((start, stop))
    return kept


def find_twitter_mentions(text: str, *, lists: bool = False) -> list[tuple[int, int]]:
    """Spans of twitter-text's ``@user`` mentions (1-20 letters, digits or '_'), the '@'
    included. A list (``@user/slug``) is left out, or taken whole if `lists` is true."""
    if "@" not in text and "\uff20" not in text:
        return []
    spans: list[tuple[int, int]] = []
    for m in _TWITTER_MENTION.finditer(text):
        if _END_MENTION.match(text, m.end()):
            continue
        if m.group(3) is None or lists:
            spans.append((m.start(1), m.end()))
    return spans
