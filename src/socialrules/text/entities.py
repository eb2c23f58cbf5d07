"""Hashtags and mentions, as twitter-text 3.1.0 finds them (and Mastodon's mentions).

twitter-text's regexes start with the character before the '#' or '@' (consumed by the match, so
that "#a#b" holds no hashtag): no literal for the regex engine to search, which then tries its
branches at every position of the text. Here each '#' or '@' is found with ``str.find``, the
character before it is tested, and only the rest is a regex; the tests compare both forms.
"""

from __future__ import annotations

from typing import Iterator

from .lazy import lazy_re
from .mastodon import Mention, find_mentions
from .urls import _expand, find_urls

__all__ = ["Mention", "find_hashtags", "find_mentions", "find_twitter_mentions"]

# Letters and marks (plus twitter-text's few joiners) continue a hashtag; digits alone do not
# make one. twitter-text ships its own Unicode tables; the `regex` module's are newer.
_TAG_CHARS = (r"\p{L}\p{M}\p{Nd}_\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c"
              r"\u30a0\u30fb\u3003\u0f0b\u0f0c\xb7")
_LATIN_ACCENTS = (r"\xc0-\xd6\xd8-\xf6\xf8-\xff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b"
                  r"\u0263\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff")
_HASHES = frozenset("#\uff03")
# The ASCII characters a hashtag may not follow (the others: _Regexes.not_before_hashtag).
_NOT_BEFORE_HASHTAG = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_&")
_ATS = frozenset("@\uff20")
# twitter-text's mention: after none of these (the character before is consumed)...
_NOT_BEFORE_MENTION = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                                "_!#$%&*@\uff20")
# ...but "RT@" and "RT:@" are mentions, unless the RT follows one of these.
_NOT_BEFORE_RT = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_+~.-")
_RT = frozenset(a + b + c for a in "rR" for b in "tT" for c in ("", ":"))
_MENTION = lazy_re(r"([a-zA-Z0-9_]{1,20})(/[a-zA-Z][a-zA-Z0-9_\-]{0,24})?")  # after the '@'


class _Regexes:
    """The `regex` module's patterns (for Unicode properties): compiled on first use."""

    def __init__(self) -> None:
        import regex  # deferred: ~8 ms to import; texts without '#' never need it

        # A hashtag's text, right after the '#': U+FE0F and U+20E3 there make a keycap emoji.
        self.hashtag = regex.compile(
            rf"(?![\ufe0f\u20e3])[{_TAG_CHARS}]*[\p{{L}}\p{{M}}][{_TAG_CHARS}]*")
        # The character before a '#' may not be one of these (but U+FE0E/U+FE0F, marks that may
        # end an emoji right before the '#', may).
        self.not_before_hashtag = regex.compile(rf"[&{_TAG_CHARS}]")


_RX: _Regexes | None = None
_END_MENTION: frozenset[str] | None = None  # what may not follow a mention: on first use


def _regexes() -> _Regexes:
    global _RX
    return _RX or (_RX := _Regexes())


def _end_mention() -> frozenset[str]:
    """An at sign or a Latin accented letter (after a mention, they reject it)."""
    global _END_MENTION
    return _END_MENTION or (_END_MENTION := _ATS | frozenset(_expand(_LATIN_ACCENTS)))


def find_hashtags(text: str) -> list[tuple[int, int]]:
    """Spans of twitter-text's hashtags (the '#' included), in order.

    A hashtag needs a letter (``#123`` is none), must not be glued to a preceding letter or
    digit, nor be followed by another '#' or by "://"; hashtags inside URLs do not count.
    """
    if "#" not in text and "\uff03" not in text:
        return []
    rx = _regexes()
    tags: list[tuple[int, int]] = []
    pos = 0  # where twitter-text's global regex resumes: the characters before are consumed
    for at in _positions(text, "#", "\uff03"):
        if at < pos:
            continue
        if at > 0:  # the character before is consumed: it must be there still
            before = text[at - 1]
            if at - 1 < pos or (
                    before in _NOT_BEFORE_HASHTAG if before < "\x80"
                    else rx.not_before_hashtag.match(before) and before not in "\ufe0e\ufe0f"):
                continue
        body = rx.hashtag.match(text, at + 1)
        if body is None:
            continue
        pos = end = body.end()
        if text[end:end + 1] not in _HASHES and not text.startswith("://", end):
            tags.append((at, end))
    if not tags or not _may_overlap_url(text, tags):
        return tags
    urls = find_urls(text, require_scheme=False)
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


def _may_overlap_url(text: str, tags: list[tuple[int, int]]) -> bool:
    """Whether a URL may overlap a hashtag: a URL holds a '.' and no space, so the text between
    the spaces around the hashtag would hold a '.' (a quick test before looking for URLs)."""
    for start, end in tags:
        left = text.rfind(" ", 0, start) + 1
        right = text.find(" ", end)
        if text.find(".", left, right if right >= 0 else len(text)) >= 0:
            return True
    return False


def find_twitter_mentions(text: str, *, lists: bool = False) -> list[tuple[int, int]]:
    """Spans of twitter-text's ``@user`` mentions (1-20 letters, digits or '_'), the '@'
    included. A list (``@user/slug``) is left out, or taken whole if `lists` is true."""
    if "@" not in text and "\uff20" not in text:
        return []
    spans: list[tuple[int, int]] = []
    pos = 0  # where twitter-text's global regex resumes: the characters before are consumed
    for at in _positions(text, "@", "\uff20"):
        if at < pos or not _mention_may_follow(text, at, pos):
            continue
        m = _MENTION.match(text, at + 1)
        if m is None:
            continue
        pos = m.end()
        after = text[pos:pos + 1]
        if (after == "@" or after >= "\xc0" and after in _end_mention()
                or text.startswith("://", pos)):
            continue
        if m.group(2) is None or lists:
            spans.append((at, pos))
    return spans


def _mention_may_follow(text: str, at: int, pos: int) -> bool:
    """twitter-text's test before an '@' at `at`: the start of the text, a character other than
    a letter, a digit or _!#$%&*@, or "RT" (with a ':' or not) after the start of the text or
    another character than a letter, a digit or _+~.-. None of it may lie before `pos`."""
    if at == 0 or (at - 1 >= pos and text[at - 1] not in _NOT_BEFORE_MENTION):
        return True
    for rt in (at - 2, at - 3):
        if rt >= pos and text[rt:at] in _RT and (
                rt == 0 or (rt - 1 >= pos and text[rt - 1] not in _NOT_BEFORE_RT)):
            return True
    return False


def _positions(text: str, char: str, wide: str) -> Iterator[int]:
    """The indices of `char` and of its full-width form `wide` in `text`, in order."""
    if wide not in text:
        at = text.find(char)
        while at >= 0:
            yield at
            at = text.find(char, at + 1)
        return
    yield from sorted(i for i, ch in enumerate(text) if ch == char or ch == wide)
