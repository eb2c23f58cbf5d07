"""`camelcase`: a hashtag of several words written all in lower case (#servicepublic).

Screen readers read "#ServicePublic" as two words and "#servicepublic" as one made-up word (or
letter by letter); sighted readers, too, parse the capitals faster. The check splits the body of
an all-lower-case hashtag into words with word lists (French and English, most frequent first:
`rules/lexicons/words.*.txt`, made from wordfreq by scripts/make_wordlist.py), preferring few,
frequent words, and suggests the CamelCase form (`{suggestion}`, `{words}`).

It flags only what it is sure of: a split into 2 to `max_words` words among the `piece_rank` most
frequent of a list, none of a single letter except a French elision before a vowel
(#startupdetat -> #StartupDEtat), short words (up to three letters) only among the `short_rank`
most frequent. A hashtag that is a word by itself
(#transparence), is not all in lower case (#RGPD, #OpenData), or holds digits, is left alone.

The word lists (~500 kB) are read once per process, when a post first has a hashtag to split
(a few ms): drafts without one never pay for them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import SocialrulesError
from ..text.lazy import lazy_regex
from ..text.normalize import fold
from . import OPTIONS_CONFIG, Check, Hit, OptionsBase, register

# A hashtag whose body is letters only (digits and underscores: left alone).
_HASHTAG = lazy_regex(r"(?<![\w&/#@])#([^\W\d_]+)(?![\w#@])")
_VOWELS = frozenset("aeiouyh")
_LONGEST_WORD = 24


class Vocabulary:
    """Word lists as the split needs them: whole, to tell whether a hashtag is a word by itself
    (a substring search, no set to build), and their most frequent words as {word: rank}."""

    __slots__ = ("texts", "ranks")

    def __init__(self, texts: list[str], ranks: list[dict[str, int]]) -> None:
        self.texts = texts
        self.ranks = ranks

    def is_word(self, word: str) -> bool:
        needle = f"\n{word}\n"
        return any(needle in text for text in self.texts)


_VOCABULARIES: dict[tuple[tuple[str, ...], int], Vocabulary] = {}


def vocabulary(paths: tuple[str, ...], pieces: int) -> Vocabulary:
    """The word lists, read once per process. Only the `pieces` most frequent words of each
    become a dict: building one costs ~0.15 µs a word, and rare words make doubtful pieces."""
    key = (paths, pieces)
    found = _VOCABULARIES.get(key)
    if found is None:
        texts, ranks = [], []
        for path in paths:
            text = Path(path).read_text(encoding="utf-8")
            lines = text.split("\n", pieces + 100)
            first = 0
            while first < len(lines) and lines[first].startswith("#"):
                first += 1
            words = lines[first : first + pieces]
            texts.append("\n" + text)
            ranks.append(dict(zip(words, range(len(words)))))
        found = _VOCABULARIES[key] = Vocabulary(texts, ranks)
    return found


@dataclass(slots=True, repr=False, eq=False)  # see OptionsBase
class CamelcaseOptions(OptionsBase):
    """Options of the `camelcase` check kind."""

    __pydantic_config__ = OPTIONS_CONFIG

    words: list[str] = field(default_factory=lambda: ["lexicons/words.fr.txt", "lexicons/words.en.txt"])
    """Word lists, one word a line, most frequent first, folded (lower case, no accents); lines
    starting with # are comments. Relative to the rule's folder."""
    min_length: int = 6
    """Hashtags with fewer letters are not split."""
    max_words: int = 4
    """A split into more words than this is not trusted."""
    short_rank: int = 1000
    """Words of up to three letters count only among this many most frequent of a list."""
    piece_rank: int = 15000
    """Pieces of a split count only among this many most frequent words of a list (the whole
    list still tells whether a hashtag is a word by itself)."""
    elisions: list[str] = field(default_factory=lambda: ["d", "l", "j", "n", "s", "c", "m", "t"])
    """Single letters that are words before a vowel (French elisions: d'État, l'Europe)."""


@register
class Camelcase(Check):
    name = "camelcase"
    Options = CamelcaseOptions
    placeholders = frozenset({"suggestion", "words"})

    @classmethod
    def prepare(cls, options: dict[str, Any], folder: Path) -> dict[str, Any]:
        prepared = super().prepare(options, folder)
        paths = []
        for name in prepared["words"]:
            path = (folder / name).resolve()
            if not path.is_file():
                raise SocialrulesError(f"word list not found: {name}", str(folder))
            paths.append(str(path))
        prepared["words"] = paths
        return prepared

    def __init__(self, rule, options: CamelcaseOptions, config) -> None:
        super().__init__(rule, options, config)
        self.paths = tuple(options.words)
        self.elisions = frozenset(options.elisions)
        self._splits: dict[str, list[str] | None] = {}  # hashtags recur: each is split once

    def run(self, subject) -> list[Hit] | tuple[()]:
        text = subject.post.text
        # Only hashtags in lower case are flagged: one that opens with a capital ("#ServicePublic")
        # is not, and a post with no other is spared the pattern (and gets an empty tuple, not a
        # generator: cheaper for the usual post).
        at = text.find("#")
        while at >= 0:
            if not text[at + 1 : at + 2].isupper():
                return self.hashtags(text)
            at = text.find("#", at + 1)
        return ()

    def hashtags(self, text: str) -> list[Hit]:
        """The hits for the lower-case hashtags of the text that split into words."""
        hits = []
        for match in _HASHTAG.finditer(text):
            body = match.group(1)
            if len(body) < self.options.min_length or not body.islower():
                continue
            folded = fold(body)
            pieces = self._splits.get(folded.text, False)
            if pieces is False:
                if len(self._splits) > 10_000:  # a long run over many posts: keep memory bounded
                    self._splits.clear()
                pieces = self._splits[folded.text] = self.split(folded.text)
            if pieces:
                suggestion = "#" + _camel(body, folded, pieces)
                hits.append(Hit(match.start(), match.end(), "text",
                                {"suggestion": suggestion, "words": _words(pieces, self.elisions)}))
        return hits

    def split(self, body: str) -> list[str] | None:
        """The most likely split of a folded hashtag body into known words, if it is sure."""
        words = vocabulary(self.paths, self.options.piece_rank)
        ranks = words.ranks

        def rank(word: str) -> int | None:
            best = min((r for table in ranks if (r := table.get(word)) is not None), default=None)
            if best is not None and len(word) <= 3 and best >= self.options.short_rank:
                return None  # rare short words ("mas", "hon") split anything: not trusted
            return best

        if any(body in table for table in ranks):
            return None  # a frequent word by itself
        size = len(body)
        # best[j]: (cost, start of the last word) of the cheapest split of body[:j].
        best: list[tuple[float, int]] = [(0.0, 0)] + [(math.inf, 0)] * size
        for end in range(1, size + 1):
            for start in range(max(0, end - _LONGEST_WORD), end):
                if best[start][0] == math.inf:
                    continue
                word = body[start:end]
                if len(word) == 1:
                    if word not in self.elisions or end == size or body[end] not in _VOWELS:
                        continue
                    r: int | None = 100  # as likely as a common word, no more
                else:
                    r = rank(word)
                if r is None:
                    continue
                # Cost: a word's rarity plus a fixed price per word, so that fewer, more
                # frequent words win ("mes aides", not "me s aides").
                cost = best[start][0] + math.log(r + 10) + 4.0
                if cost < best[end][0]:
                    best[end] = (cost, start)
        if best[size][0] == math.inf:
            return None
        pieces: list[str] = []
        end = size
        while end:
            start = best[end][1]
            pieces.append(body[start:end])
            end = start
        pieces.reverse()
        if not 2 <= len(pieces) <= self.options.max_words or words.is_word(body):
            return None  # unsure, or a rarer word by itself (searched last: ~0.1 ms)
        return pieces


def _words(pieces: list[str], elisions: frozenset[str]) -> str:
    """The words of a split, for reading: "startup d'etat"."""
    out = ""
    for piece in pieces:
        out += piece if not out or out.endswith("'") else " " + piece
        if piece in elisions:
            out += "'"
    return out


def _camel(body: str, folded, pieces: list[str]) -> str:
    """The hashtag as written, with a capital at the start of each word."""
    starts = []
    position = 0
    for piece in pieces:
        starts.append(position)
        position += len(piece)
    original = [folded.original_span(start, start + 1)[0] for start in starts]
    chars = list(body)
    for index in original:
        chars[index] = chars[index].upper()
    return "".join(chars)
