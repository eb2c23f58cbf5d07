"""One text as every check sees it: folded forms and entities, each computed once, when asked."""

from __future__ import annotations

from functools import cached_property
from itertools import chain
from typing import Iterator

from .lazy import lazy_regex
from .normalize import Folded, fold, variants

# An emoji is a grapheme cluster that starts with a character shown as emoji by default, a
# pictograph made emoji by VS16, a regional indicator (flags) or a keycap.
_EMOJI = lazy_regex(
    r"(?=\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\p{Regional_Indicator}"
    r"|[#*0-9]\uFE0F?\u20E3)\X"
)
_MAY_HAVE_EMOJI = lazy_regex(r"[^\x00-\u20e2\u20e4-\u20ff]")
_WORD_CHARS = lazy_regex(r"\w+")


class _TokenWords(dict):
    """The words (runs of word characters) of each blank-separated token met so far: texts
    repeat their tokens, and a look-up is several times quicker than scanning the text again."""

    def __missing__(self, token: str) -> tuple[str, ...]:
        if len(self) > 200_000:  # a bound on memory for long runs over varied texts
            self.clear()
        words = self[token] = tuple(_WORD_CHARS.findall(token))
        return words


_TOKEN_WORDS = _TokenWords()


def _words(text: str) -> Iterator[str]:
    return chain.from_iterable(map(_TOKEN_WORDS.__getitem__, text.split()))


def word_list(text: str) -> list[str]:
    """The words of ``text`` in order: its runs of word characters."""
    return list(_words(text))


def word_set(text: str) -> frozenset[str]:
    """The distinct words of ``text``."""
    return frozenset(_words(text))
_WORD = lazy_regex(r"\w+(?:['’-]\w+)*")


class TextView:
    """A text and what the checks derive from it; spans are indices into ``text``."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def folded(self) -> Folded:
        return fold(self.text)

    @cached_property
    def variants(self) -> list[Folded]:
        """The folded text and its de-obfuscated variants (l33t, spaced letters)."""
        return variants(self.folded)

    @cached_property
    def variant_words(self) -> list[frozenset[str]]:
        """The distinct words of each variant, for quick lexicon look-ups."""
        return [word_set(variant.text) for variant in self.variants]

    @cached_property
    def urls(self) -> list[tuple[int, int]]:
        from .urls import find_urls

        return find_urls(self.text, require_scheme=False)

    @cached_property
    def mentions(self) -> list[tuple[int, int]]:
        from .mastodon import find_mentions

        return [(mention.start, mention.end) for mention in find_mentions(self.text)]

    @cached_property
    def hashtags(self) -> list[tuple[int, int]]:
        from .entities import find_hashtags

        return find_hashtags(self.text)

    @cached_property
    def emoji(self) -> list[tuple[int, int]]:
        # Every emoji has a character at U+2100 or above, or is a keycap (U+20E3).
        if self.text.isascii() or not _MAY_HAVE_EMOJI.search(self.text):
            return []
        return [match.span() for match in _EMOJI.finditer(self.text)]

    @cached_property
    def words(self) -> list[tuple[int, int]]:
        return [match.span() for match in _WORD.finditer(self.text)]
