"""`duplicate`: the same or nearly the same text twice in what is checked together (a schedule).

Platforms refuse a post identical to a recent one from the same account. Texts are compared
folded (case, accents), without links and punctuation; "nearly the same" is measured as the
overlap (Jaccard) of their runs of three words, found through an index of those runs so that a
schedule of thousands of posts is not compared pair by pair.
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
        seen_exact: dict[tuple, int] = {}
        index: dict[tuple, list[int]] = {}
        shingles: list[frozenset] = []
        for position, subject in enumerate(subjects):
            text = subject.post.text
            words = _WORD.findall(_LINK.sub(" ", subject.view("text").folded.text)) if text.strip() else []
            runs = frozenset(zip(words, words[1:], words[2:])) if len(words) >= options.min_words else frozenset()
            shingles.append(runs)
            if not words:
                continue
            key = _audience(subject)
            earlier = seen_exact.get((key, *words))
            similarity = 1.0 if earlier is not None else 0.0
            if earlier is None and runs:
                counts = Counter(other for run in runs for other in index.get((key, run), ())
                                 if len(index[(key, run)]) <= _COMMON)
                for other, shared in counts.most_common(3):
                    score = shared / len(runs | shingles[other])
                    if score >= options.similarity and score > similarity:
                        earlier, similarity = other, score
            if earlier is not None:
                other_post = subjects[earlier].post
                other_line = other_post.source.position(other_post.text, 0)[0] if other_post.source else ""
                yield position, Hit(0, len(text), "text", {
                    "other": other_post.id if other_post.id is not None else earlier,
                    "other_line": other_line, "percent": round(100 * similarity)})
            seen_exact.setdefault((key, *words), position)
            for run in runs:
                index.setdefault((key, run), []).append(position)


def _audience(subject) -> tuple:
    """Posts compete only on the same account and platforms."""
    return ((subject.post.account or "").lower(), tuple(sorted(subject.platforms)))
