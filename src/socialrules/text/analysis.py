"""One text as every check sees it: folded forms and entities, each computed once, when asked."""

from __future__ import annotations

from itertools import chain
from typing import Callable, Generic, TypeVar
from unicodedata import category

from .entities import find_hashtags
from .lazy import lazy_re, lazy_regex
from .mastodon import find_mentions
from .normalize import Folded, fold, may_be_obfuscated, variants
from .urls import find_urls

_T = TypeVar("_T")


class computed(Generic[_T]):
    """A property computed on first access and then stored on the instance (read from its
    __dict__ directly afterwards). functools.cached_property does the same under a lock in
    Python 3.11, which costs a microsecond an access: several times a view, post after post."""

    def __init__(self, function: Callable[..., _T]) -> None:
        self.function = function
        self.name = function.__name__
        self.__doc__ = function.__doc__

    def __get__(self, instance, owner=None) -> _T:
        if instance is None:
            return self  # type: ignore[return-value]
        value = instance.__dict__[self.name] = self.function(instance)
        return value

# An emoji is a grapheme cluster that starts with a character shown as emoji by default, a
# pictograph made emoji by VS16, a regional indicator (flags) or a keycap.
_EMOJI = lazy_regex(
    r"(?=\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\p{Regional_Indicator}"
    r"|[#*0-9]\uFE0F?\u20E3)\X"
)
# Where an emoji may start: every emoji holds a character at U+2100 or above (U+FE0F, which
# makes ©, ‼ or 1 an emoji, is one) or is a keycap (U+20E3).
_EMOJI_MARK = lazy_re(r"[\u20e3\u2100-\U0010ffff]")
_NON_ASCII = lazy_re(r"[^\x00-\x7f]")
_ASCII_BYTES = bytes(range(128))
_NO_CHARACTERS: frozenset[str] = frozenset()
# Words are runs of `regex`'s \w. The standard `re` finds the same runs in a token none of whose
# characters is where the two differ (tests/text/test_analysis.py checks every code point): most
# tokens, so that a command-line run on a plain draft need not import `regex` (~8 ms).
_WORD_CHARS = lazy_regex(r"\w+")
_RE_WORD_CHARS = lazy_re(r"\w+")
_DIFFERENT_CATEGORIES = frozenset({"Mn", "Mc", "Me", "No", "Pc", "Cn"})  # marks, numbers, ‿...


def _re_words_differ(token: str) -> bool:
    """Whether `re` may split ``token`` into words otherwise than `regex` does."""
    return not token.isascii() and any(
        char > "\x7f" and (category(char) in _DIFFERENT_CATEGORIES or char in "\u200c\u200d"
                            or "\u24b6" <= char <= "\u24e9" or "\U0001f130" <= char <= "\U0001f189")
        for char in token)


class _TokenWords(dict):
    """The words (runs of word characters) of each blank-separated token met so far: texts
    repeat their tokens, and a look-up is several times quicker than scanning the text again.
    Tokens that may hide an obfuscated word are also put in ``odd``: a text none of whose
    tokens is there has no variant to build, which a set test tells without a scan."""

    def __init__(self) -> None:
        super().__init__()
        self.odd: set[str] = set()

    def __missing__(self, token: str) -> tuple[str, ...]:
        engine = _WORD_CHARS if _re_words_differ(token) else _RE_WORD_CHARS
        words = self[token] = tuple(engine.findall(token))
        if may_be_obfuscated(token):
            self.odd.add(token)
        return words

    def read(self, text: str) -> tuple[list[tuple[str, ...]], bool]:
        """The words of each token of ``text``, and whether one token may be obfuscated."""
        # A bound on memory for long runs over varied texts; never while a text is read, whose
        # tokens must all stay in `odd`.
        if len(self) > 200_000:
            self.clear()
            self.odd.clear()
        tokens = text.split()
        return list(map(self.__getitem__, tokens)), not self.odd.isdisjoint(tokens)


_TOKEN_WORDS = _TokenWords()


def word_list(text: str) -> list[str]:
    """The words of ``text`` in order: its runs of word characters."""
    return list(chain.from_iterable(_TOKEN_WORDS.read(text)[0]))


def word_set(text: str) -> frozenset[str]:
    """The distinct words of ``text``."""
    return frozenset(chain.from_iterable(_TOKEN_WORDS.read(text)[0]))


_WORD = lazy_regex(r"\w+(?:['’-]\w+)*")


def find_emoji(text: str) -> list[tuple[int, int]]:
    """The spans of the emoji of ``text`` (each a grapheme cluster)."""
    spans: list[tuple[int, int]] = []
    end = 0
    # The emoji pattern is tried only where an emoji may start, not at every character.
    for mark in _EMOJI_MARK.finditer(text):
        start = mark.start()
        if start < end:
            continue
        if text[start] in "\ufe0f\u20e3" and start > end:  # the base it makes an emoji
            start -= 2 if text[start - 1] == "\ufe0f" and start - 1 > end else 1
        found = _EMOJI.match(text, start)
        if found is None and start < mark.start():
            found = _EMOJI.match(text, mark.start())
        if found is not None:
            spans.append(found.span())
            end = found.end()
    return spans


class TextView:
    """A text and what the checks derive from it; spans are indices into ``text``."""

    def __init__(self, text: str) -> None:
        self.text = text

    # The attributes below are worked out in two groups, each when one of its members is first
    # asked for: a lazy attribute's first access costs two Python calls (~3,000 instructions,
    # as much as the work of some), and every post needs all of the first group, and the
    # second group for its words.

    @computed
    def latin1(self) -> bytes:
        """The text's characters up to U+00FF (all of them, most often), one byte each: C-level
        counts and tables for the checks."""
        return self._read_characters().latin1

    @computed
    def above_latin1(self) -> int:
        """How many characters are above U+00FF (counted by a C-level copy). 0: a Latin-1 text,
        which has no emoji nor styled letters; else a bound on its emoji, each of which holds
        such a character (U+FE0F, U+20E3 at the least)."""
        return self._read_characters().above_latin1

    @computed
    def non_ascii(self) -> frozenset[str]:
        """The distinct characters of the text outside ASCII. Accents, emoji and styled letters
        are all among them: a look at this small set is quicker than a scan of the text."""
        return self._read_characters().non_ascii

    @computed
    def folded(self) -> Folded:
        return self._read_characters().folded

    def _read_characters(self) -> TextView:
        text = self.text
        self.latin1 = latin1 = text.encode("latin-1", "ignore")
        if text.isascii():
            self.above_latin1, self.non_ascii = 0, _NO_CHARACTERS
        else:
            self.above_latin1 = above = len(text) - len(latin1)
            # Latin-1 only: its bytes without the ASCII ones, in C.
            self.non_ascii = frozenset(_NON_ASCII.findall(text) if above else
                                       latin1.translate(None, _ASCII_BYTES).decode("latin-1"))
        self.folded = fold(text, self.non_ascii, latin1)
        return self

    @computed
    def variants(self) -> list[Folded]:
        """The folded text and its de-obfuscated variants (l33t, spaced letters)."""
        return self._read_words().variants

    @computed
    def variant_words(self) -> list[frozenset[str]]:
        """The distinct words of each variant, for quick lexicon look-ups."""
        return self._read_words().variant_words

    def _read_words(self) -> TextView:
        folded = self.folded
        words, may_be_obfuscated = _TOKEN_WORDS.read(folded.text)
        first = frozenset(chain.from_iterable(words))
        if may_be_obfuscated:
            self.variants = found = variants(folded)
            self.variant_words = [first, *(word_set(variant.text) for variant in found[1:])]
        else:  # most texts: no token to read again, no variant
            self.variants, self.variant_words = [folded], [first]
        return self

    @computed
    def urls(self) -> list[tuple[int, int]]:
        return find_urls(self.text, require_scheme=False)

    @computed
    def mentions(self) -> list[tuple[int, int]]:
        return [(mention.start, mention.end) for mention in find_mentions(self.text)]

    @computed
    def hashtags(self) -> list[tuple[int, int]]:
        return find_hashtags(self.text)

    @computed
    def emoji(self) -> list[tuple[int, int]]:
        non_ascii = self.non_ascii
        if not non_ascii or (max(non_ascii) < "\u2100" and "\u20e3" not in non_ascii):
            return []
        return find_emoji(self.text)

    @computed
    def words(self) -> list[tuple[int, int]]:
        return [match.span() for match in _WORD.finditer(self.text)]
