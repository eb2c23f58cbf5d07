"""`duplicate`: the same or nearly the same text twice in what is checked together (a schedule).

Platforms refuse a post identical to a recent one from the same account. Texts are compared
folded (case, accents), without links and punctuation; "nearly the same" is measured as the
overlap (Jaccard) of their runs of three words. Candidates are found through an index of a few
runs per post, those with the smallest hashes: two texts that share most of their runs share
most of those too, and a schedule of thousands of posts is not compared pair by pair.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterator

import regex

from . import OPTIONS_CONFIG, Check, Hit, register

_LINK = regex.compile(r"https?://\S+|www\.\S+")
_WORD = regex.compile(r"\w+")
_COMMON = 50  # a run of words shared by more posts than this says nothing (a signature, a hashtag)
_SKETCH = 8  # runs indexed per post: the ones with the smallest hashes (a bottom-k sketch)


@dataclass(slots=True)
class DuplicateOptions:
    __pydantic_config__ = OPTIONS_CONFIG

    similarity: float = 0.8
    """From this share of shared three-word runs (0 to 1), two texts are nearly the same."""
    min_words: int = 6
    """Texts shorter than this are compared only for being identical."""


@register
class Duplicate(Check):
    name = "duplicate"
    scope = "posts"
    Options = DuplicateOptions
    placeholders = frozenset({"other", "other_line", "percent"})

    def run_all(self, subjects) -> Iterator[tuple[int, Hit]]:
        options = self.options
        first_of: dict[tuple, int] = {}  # identical texts: the first post with each
        index: dict[tuple, list[int]] = {}  # three-word run -> posts that have it
        runs_of: list[frozenset] = []
        for position, subject in enumerate(subjects):
            text = subject.post.text
            words = _WORD.findall(_LINK.sub(" ", subject.view("text").folded.text)) if text.strip() else []
            runs = frozenset(zip(words, words[1:], words[2:])) if len(words) >= options.min_words else frozenset()
            runs_of.append(runs)
            if not words:
                continue
            key = _audience(subject)
            exact = (key, *words)
            earlier = first_of.get(exact)
            similarity = 1.0
            if earlier is None and runs:
                earlier, similarity = self._nearest(key, runs, index, runs_of)
            if earlier is not None:
                other = subjects[earlier].post
                other_line = other.source.position(other.text, 0)[0] if other.source else ""
                yield position, Hit(0, len(text), "text", {
                    "other": other.id if other.id is not None else earlier,
                    "other_line": other_line, "percent": round(100 * similarity)})
            first_of.setdefault(exact, position)
            for run in _sketch(runs):
                index.setdefault((key, run), []).append(position)

    def _nearest(self, key: tuple, runs: frozenset, index: dict, runs_of: list) -> tuple[int | None, float]:
        """The earlier post sharing the most three-word runs, if alike enough."""
        counts: Counter[int] = Counter()
        for run in _sketch(runs):
            posting = index.get((key, run))
            if posting is not None and len(posting) <= _COMMON:
                counts.update(posting)
        best, best_score = None, 0.0
        for other, _ in counts.most_common(3):
            score = len(runs & runs_of[other]) / len(runs | runs_of[other])
            if score >= self.options.similarity and score > best_score:
                best, best_score = other, score
        return best, best_score


def _sketch(runs: frozenset) -> list:
    return sorted(runs, key=hash)[:_SKETCH] if len(runs) > _SKETCH else list(runs)


def _audience(subject) -> tuple:
    """Posts compete only on the same account and platforms."""
    return ((subject.post.account or "").lower(), tuple(sorted(subject.platforms)))
