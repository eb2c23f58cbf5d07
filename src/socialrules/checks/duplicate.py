"""`duplicate`: the same or nearly the same text twice in what is checked together (a schedule).

Platforms refuse a post identical to a recent one from the same account. Texts are compared
folded (case, accents), without links and punctuation. For "nearly the same", posts are indexed
by their clauses (the runs of words between punctuation): two posts that share a clause of
several words are compared by the overlap of their words (Jaccard), so that a schedule of
thousands of posts is not compared pair by pair.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..text.lazy import lazy_re
from ..text.analysis import word_list
from . import OPTIONS_CONFIG, Check, Hit, OptionsBase, register

_LINK = lazy_re(r"https?://\S+|www\.\S+")
# Clauses end at punctuation, and at a dash between blanks (folding made every dash "-"), which
# is replaced by a comma first: a scan for one class of characters is twice as quick.
_CLAUSE = lazy_re(r"[.!?;:,()\[\]«»\"\n]+")
_COMMON = 50  # a clause shared by more posts than this says nothing (a signature, a slogan)


@dataclass(slots=True, repr=False, eq=False)  # see OptionsBase
class DuplicateOptions(OptionsBase):
    """Options of the `duplicate` check kind."""

    __pydantic_config__ = OPTIONS_CONFIG

    similarity: float = 0.8
    """From this share of shared words (0 to 1), two texts are nearly the same."""
    min_words: int = 6
    """Texts shorter than this are compared only for being identical."""
    clause_words: int = 4
    """Clauses of at least this many words are what nearly identical posts are found by."""


@register
class Duplicate(Check):
    name = "duplicate"
    scope = "posts"
    Options = DuplicateOptions
    placeholders = frozenset({"other", "other_line", "percent"})

    def run_all(self, subjects) -> Iterator[tuple[int, Hit]]:
        options = self.options
        first_of: dict[tuple, int] = {}  # identical texts: the first post with each
        by_clause: dict[tuple, list[int]] = {}  # clause -> posts that have it
        word_sets: dict[int, frozenset[str]] = {}
        for position, subject in enumerate(subjects):
            text = subject.post.text
            if not text.strip():
                continue
            folded = subject.view("text").folded.text
            if "http" in folded or "www." in folded:
                folded = _LINK.sub(" ", folded)
            words = word_list(folded)
            if not words:
                continue
            key = _audience(subject)
            exact = (key, *words)
            earlier, similarity = first_of.get(exact), 1.0
            clauses = []
            if len(words) >= options.min_words:
                # Clauses are cut at punctuation and keyed by their blank-separated tokens.
                clauses = [(key, *clause) for part in _CLAUSE.split(folded.replace(" - ", ", "))
                           if len(clause := part.split()) >= options.clause_words]
                word_sets[position] = frozenset(words)
                if earlier is None:
                    earlier, similarity = self._nearest(position, clauses, by_clause, word_sets)
            if earlier is not None:
                other = subjects[earlier].post
                other_line = other.source.position(other.text, 0)[0] if other.source else ""
                yield position, Hit(0, len(text), "text", {
                    "other": other.id if other.id is not None else earlier,
                    "other_line": other_line, "percent": round(100 * similarity)})
            first_of.setdefault(exact, position)
            for clause in clauses:
                by_clause.setdefault(clause, []).append(position)

    def _nearest(self, position: int, clauses: list, by_clause: dict, word_sets: dict) -> tuple[int | None, float]:
        """The earlier post most alike among those sharing a clause, if alike enough."""
        candidates = {other for clause in clauses
                      if len(posting := by_clause.get(clause, ())) <= _COMMON for other in posting}
        best, best_score = None, 0.0
        words = word_sets[position]
        for other in sorted(candidates):
            score = len(words & word_sets[other]) / len(words | word_sets[other])
            if score >= self.options.similarity and score > best_score:
                best, best_score = other, score
        return best, best_score


def _audience(subject) -> tuple:
    """Posts compete only on the same account and platforms."""
    return ((subject.post.account or "").lower(), frozenset(subject.platforms))
