"""`duplicate`: the same or nearly the same text twice in what is checked together (a schedule).

Platforms refuse a post identical to a recent one from the same account. Texts are compared
folded (case, accents), without links and punctuation. For "nearly the same", posts are indexed
by their clauses (the runs of words between punctuation): two posts that share a clause of
several words are compared by the overlap of their words (Jaccard), so that a schedule of
thousands of posts is not compared pair by pair.

Most posts repeat nothing, so the common path does the least it can: it cuts the text's UTF-8
bytes with C-level table look-ups and indexes each post by heads, the first bytes of its words
and the first tokens of each clause. Only posts whose heads meet an earlier post's have their
words listed and their clauses compared whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from ..errors import SocialrulesError
from ..text.analysis import word_list
from ..text.lazy import lazy_re
from . import OPTIONS_CONFIG, Check, Hit, OptionsBase, register

# Two patterns starting with a literal are searched several times quicker than one alternation.
_HTTP = lazy_re(r"https?://\S+")
_WWW = lazy_re(r"www\.\S+")
# Clauses end at punctuation and at a dash between blanks (folding made every dash "-"). In the
# bytes, clause punctuation becomes "," and the blanks `str.split` knows but `bytes.split` does
# not, " ". The blanks that are not ASCII, and « », are replaced in the text first, if present:
# of those, folding (NFKC) leaves only \x85, \u1680, \u2028 and \u2029 (tests/test_duplicate_post.py).
_CLAUSE_BYTES = bytes.maketrans(b".!?;:()[]\"\n\x1c\x1d\x1e\x1f", b",,,,,,,,,,,    ")
_ODD_BLANK = lazy_re("[\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")  # not ASCII
# Deleting every byte but ASCII letters, digits and "_" (all word characters) leaves what posts
# with the same words share: they are first indexed by the first _LEAD such bytes.
_NOT_WORD_BYTES = bytes(b for b in range(256) if not (b < 128 and chr(b).isalnum() or b == 95))
_LEAD = 32
_HEAD = 4  # tokens that a clause is first indexed by: fewer meet too often in real posts
_NEW = object()  # a clause no post had before: the default of by_clause.get
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


class _Posts:
    """Each post's folded text as cut (links gone, odd blanks made plain; UTF-8), and its words
    on first need."""

    def __init__(self) -> None:
        self.data: dict[int, bytes] = {}
        self._lists: dict[int, list[str]] = {}
        self._sets: dict[int, frozenset[str]] = {}

    def word_bytes(self, position: int) -> bytes:
        return self.data[position].translate(None, _NOT_WORD_BYTES)

    def word_tuple(self, position: int) -> tuple[str, ...]:
        return tuple(self.words(position))

    def words(self, position: int) -> list[str]:
        words = self._lists.get(position)
        if words is None:
            words = self._lists[position] = word_list(self.data[position].decode())
        return words

    def word_set(self, position: int) -> frozenset[str]:
        words = self._sets.get(position)
        if words is None:
            words = self._sets[position] = frozenset(self.words(position))
        return words


@register
class Duplicate(Check):
    name = "duplicate"
    scope = "posts"
    Options = DuplicateOptions
    placeholders = frozenset({"other", "other_line", "percent"})

    @classmethod
    def prepare(cls, options: dict[str, Any], folder: Path) -> dict[str, Any]:
        prepared = super().prepare(options, folder)
        if not 0 < prepared["similarity"] <= 1:
            raise SocialrulesError("`similarity` is a share of words: above 0, at most 1")
        for name in ("min_words", "clause_words"):
            if prepared[name] < 1:
                raise SocialrulesError(f"`{name}` counts words: 1 or more")
        return prepared

    def run_all(self, subjects) -> Iterator[tuple[int, Hit]]:
        clause_words = self.options.clause_words
        posts = _Posts()
        # Per audience: `first`, lead -> the first post with it, or finer tables (see _same);
        # `by_head`, head of a clause -> the first post with it, or None once another has it too
        # and clauses so begun are in `by_clause`, clause -> the posts with it (the too short
        # pruned when read), or None once too common.
        tables: dict[tuple, tuple[dict, dict, dict]] = {}
        account = platforms = table = None
        for position, subject in enumerate(subjects):
            folded = subject.view("text").folded.text
            # Single characters first: found by memchr, 5-10 times quicker than a word or a regex.
            if ":" in folded and "http" in folded:
                folded = _HTTP.sub(" ", folded)
            if "www." in folded:
                folded = _WWW.sub(" ", folded)
            if "-" in folded:
                folded = folded.replace(" - ", ", ")
            if not folded.isascii() and ("«" in folded or "»" in folded or "\x85" in folded or
                                         "\u1680" in folded or "\u2028" in folded or "\u2029" in folded):
                folded = _ODD_BLANK.sub(" ", folded).replace("«", ",").replace("»", ",")
            data = folded.encode()
            # The first _LEAD word bytes, from the start of the text if it has that many there.
            lead = data[:2 * _LEAD].translate(None, _NOT_WORD_BYTES)
            if len(lead) < _LEAD and len(data) > 2 * _LEAD:
                lead = data.translate(None, _NOT_WORD_BYTES)
            if not lead and not word_list(folded):
                continue  # no words: nothing to repeat
            posts.data[position] = data
            post = subject.post
            if post.account != account or subject.platforms != platforms:  # schedules have few
                account, platforms = post.account, subject.platforms
                table = tables.setdefault(_audience(subject), ({}, {}, {}))
            first, by_head, by_clause = table

            lead = lead[:_LEAD]
            earlier, similarity = first.setdefault(lead, position), 1.0
            earlier = _same(position, lead, first, posts) if earlier != position else None
            met = _index_heads(data, clause_words, by_head, position)
            if met:  # rare: clauses that begin as an earlier post's
                shared = self._shared(position, met, by_head, by_clause, posts)
                if earlier is None and shared:
                    earlier, similarity = self._nearest(position, shared, by_clause, posts)
                for clause in shared:
                    if (posting := by_clause[clause]) is not None:
                        posting.append(position)
            if earlier is not None:
                other = subjects[earlier].post
                other_line = other.source.position(other.text, 0)[0] if other.source else ""
                yield position, Hit(0, len(post.text), "text", {
                    "other": other.id if other.id is not None else earlier,
                    "other_line": other_line, "percent": round(100 * similarity)})

    def _shared(self, position: int, met: list[tuple[bytes, bytes]], by_head: dict, by_clause: dict,
                posts: _Posts) -> list[bytes]:
        """Of this post's clauses (head, as cut) whose head an earlier post has, those that earlier
        posts have; the others are indexed as this post's. Clauses so begun are indexed whole
        from now on."""
        for head, _ in met:
            if (other := by_head[head]) is not None:  # its first post's clauses, indexed now
                by_head[head] = None
                for clause in _clauses(posts.data[other], self.options.clause_words, head):
                    by_clause.setdefault(clause, []).append(other)
        shared = []
        for _, part in met:
            clause = b" ".join(part.split())
            posting = by_clause.get(clause, _NEW)
            if posting is _NEW:
                by_clause[clause] = [position]
            elif posting is not None:
                shared.append(clause)
        return shared

    def _nearest(self, position: int, shared: list[bytes], by_clause: dict,
                 posts: _Posts) -> tuple[int | None, float]:
        """The earlier post most alike among those sharing a clause, if alike enough."""
        min_words = self.options.min_words
        if len(posts.words(position)) < min_words:
            return None, 0.0
        candidates = set()
        for clause in shared:
            posting = by_clause[clause]
            if posting is None:  # the same clause twice in this post, found common the first time
                continue
            # Posts too short are never compared, nor counted. This post may already be there
            # if it has the clause twice: it is not one of the earlier posts.
            posting[:] = [other for other in posting if len(posts.words(other)) >= min_words]
            earlier = [other for other in posting if other != position]
            if len(earlier) > _COMMON:
                by_clause[clause] = None  # for good: its posts only grow
            else:
                candidates.update(earlier)
        best, best_score = None, 0.0
        mine = posts.word_set(position)
        for other in sorted(candidates):
            theirs = posts.word_set(other)
            score = len(mine & theirs) / len(mine | theirs)
            if score >= self.options.similarity and score > best_score:
                best, best_score = other, score
        return best, best_score


def _index_heads(data: bytes, clause_words: int, by_head: dict,
                 position: int) -> list[tuple[bytes, bytes]]:
    """Index this post by the head of each of its clauses of ``clause_words`` tokens or more, its
    first _HEAD tokens joined by one blank. Return (head, clause as cut) for the heads that an
    earlier post has too."""
    splits = max(clause_words - 1, _HEAD)  # enough to count the tokens and have the head
    return [(head, part) for part in data.translate(_CLAUSE_BYTES).split(b",")
            if len(part) >= 2 * clause_words - 1  # else too short for that many tokens
            and len(tokens := part.split(None, splits)) >= clause_words
            and by_head.setdefault(head := b" ".join(tokens[:_HEAD]), position) != position]


def _clauses(data: bytes, clause_words: int, head: bytes) -> list[bytes]:
    """The clauses of ``clause_words`` tokens or more with this head, as compared: their tokens
    joined by one blank, however they were spaced."""
    splits = max(clause_words - 1, _HEAD)
    return [b" ".join(part.split()) for part in data.translate(_CLAUSE_BYTES).split(b",")
            if len(part) >= 2 * clause_words - 1
            and len(tokens := part.split(None, splits)) >= clause_words
            and b" ".join(tokens[:_HEAD]) == head]


def _same(position: int, lead: bytes, first: dict, posts: _Posts) -> int | None:
    """The first earlier post with the same words. ``first[lead]`` is the first post with this
    lead, or once another has it, a table by finer keys: all word bytes, then the words."""
    table, key = first, lead
    for finer in (posts.word_bytes, posts.word_tuple):
        found = table[key]
        if isinstance(found, int):  # a second post with this key: tell them apart from now on
            found = table[key] = {finer(found): found}
        table, key = found, finer(position)
        if table.setdefault(key, position) == position:
            return None
    return table[key]


def _audience(subject) -> tuple:
    """Posts compete only on the same account and platforms."""
    return ((subject.post.account or "").lower(), frozenset(subject.platforms))
