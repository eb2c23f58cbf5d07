"""Twitter/X's weighted length, as twitter-text 3.1.0's ``parseTweet`` computes it.

The text is NFC-normalised; each URL weighs ``transformed_url_length``; with emoji parsing on,
each emoji sequence that twemoji-parser 11 (twitter-text 3.1.0's emoji list) recognises weighs
one default-weight character; every other code point weighs what ``ranges`` say (200 by default,
100 for Latin, some punctuation, etc.), divided by ``scale``.
"""

from __future__ import annotations

import os
import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, replace
from typing import Any, Mapping

from .urls import _Record, find_urls

__all__ = ["V1", "V2", "V3", "TwitterConfig", "TwitterCount", "twitter_length"]

_LATIN_RANGES = ((0, 4351, 100), (8192, 8205, 100), (8208, 8223, 100), (8242, 8247, 100))


@dataclass(init=False, repr=False, eq=False, slots=True)  # frozen: see _Record
class TwitterConfig(_Record):
    """A twitter-text counting configuration (the fields of its ``config/v*.json``)."""

    max_weighted_length: int = 280
    scale: int = 100
    default_weight: int = 200
    ranges: tuple[tuple[int, int, int], ...] = _LATIN_RANGES  # (first, last code point, weight)
    transformed_url_length: int = 23
    emoji_parsing_enabled: bool = True

    def __init__(self, max_weighted_length: int = 280, scale: int = 100, default_weight: int = 200,
                 ranges: tuple[tuple[int, int, int], ...] = _LATIN_RANGES,
                 transformed_url_length: int = 23, emoji_parsing_enabled: bool = True) -> None:
        ranges = tuple(map(tuple, ranges))  # type: ignore[arg-type]  (lists from JSON)
        if scale <= 0 or max_weighted_length < 0 or transformed_url_length < 0:
            raise ValueError("scale must be positive, lengths non-negative")
        if default_weight < 0 or any(w < 0 for _, _, w in ranges):
            raise ValueError("weights must be non-negative")
        for name, value in (("max_weighted_length", max_weighted_length), ("scale", scale),
                            ("default_weight", default_weight), ("ranges", ranges),
                            ("transformed_url_length", transformed_url_length),
                            ("emoji_parsing_enabled", emoji_parsing_enabled)):
            object.__setattr__(self, name, value)

    def with_limit(self, max_weighted_length: int) -> TwitterConfig:
        """The same counting with another limit (in characters, as ``max_weighted_length``)."""
        key = (id(self), max_weighted_length)
        found = _WITH_LIMIT.get(key)
        if found is None or found[0] is not self:  # (memoised: checks ask for it on every post)
            if len(_WITH_LIMIT) > 256:
                _WITH_LIMIT.clear()
            found = (self, replace(self, max_weighted_length=max_weighted_length))
            _WITH_LIMIT[key] = found
        return found[1]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> TwitterConfig:
        """Read a twitter-text configuration object (``maxWeightedTweetLength``, ``scale``...)."""
        return cls(
            max_weighted_length=data["maxWeightedTweetLength"],
            scale=data["scale"],
            default_weight=data["defaultWeight"],
            ranges=tuple((r["start"], r["end"], r["weight"]) for r in data.get("ranges", ())),
            transformed_url_length=data["transformedURLLength"],
            emoji_parsing_enabled=bool(data.get("emojiParsingEnabled", False)),
        )


_WITH_LIMIT: dict[tuple[int, int], tuple[TwitterConfig, TwitterConfig]] = {}

V1 = TwitterConfig(max_weighted_length=140, scale=1, default_weight=1, ranges=(),
                   emoji_parsing_enabled=False)
V2 = TwitterConfig(emoji_parsing_enabled=False)
V3 = TwitterConfig()  # what twitter-text 3.1.0 uses by default


@dataclass(init=False, repr=False, eq=False, slots=True)  # frozen: see _Record
class TwitterCount(_Record):
    weighted_length: int  # as parseTweet reports it (rounded up if weights aren't scale multiples)
    limit: int            # the configuration's max_weighted_length
    valid: bool           # as parseTweet's: 0 < weighted_length <= limit, and no invalid character
    fits_until: int       # str index just past the last character that fits (len(text) if all do)

    def __init__(self, weighted_length: int, limit: int, valid: bool, fits_until: int) -> None:
        object.__setattr__(self, "weighted_length", weighted_length)
        object.__setattr__(self, "limit", limit)
        object.__setattr__(self, "valid", valid)
        object.__setattr__(self, "fits_until", fits_until)


def twitter_length(text: str, config: TwitterConfig = V3, *,
                   urls: list[tuple[int, int]] | None = None) -> TwitterCount:
    """Measure `text` as twitter-text's ``parseTweet(text, config)`` does.

    ``fits_until`` is parseTweet's ``validRangeEnd`` + 1 as a ``str`` index into `text`: the text
    up to there fits under the limit and holds no invalid character (U+FFFE, U+FEFF, U+FFFF);
    URLs and emoji sequences are never cut. It is 0 when nothing fits. ``urls``: the text's URLs
    as ``find_urls(text, require_scheme=False)`` gives them, when the caller has them already.
    """
    plan = _plan(config)
    limit = config.max_weighted_length * config.scale
    odd_positions: list[int] | None = None  # of the characters found by plan.odd, if known
    if text.isascii():
        norm = text
        total = (len(text) * plan.ascii_weight if plan.ascii_weight is not None
                 else _weight(plan, text))
        emojis: list[tuple[int, int]] = []  # (every emoji holds a character at U+203C or above)
        invalid = -1
        if plan.ascii_weight is not None:
            odd_positions = []
    else:
        norm = unicodedata.normalize("NFC", text)  # returns `text` itself when already NFC
        if plan.odd is not None:
            # The characters that weigh other than ASCII ones (few, in most texts) give both the
            # weight and the characters that may start an emoji.
            odd = plan.odd.findall(norm)
            total = len(norm) * plan.base + len(odd) * plan.odd_delta
            if not odd:
                odd_positions = []
            emojis = (_find_emoji(norm, odd if plan.covers_emoji else norm)
                      if config.emoji_parsing_enabled else [])
        else:
            total = _weight(plan, norm)
            emojis = _find_emoji(norm, norm) if config.emoji_parsing_enabled else []
        invalid = -1
        if "\ufffe" in norm or "\ufeff" in norm or "\uffff" in norm:
            invalid = min(i for i in (norm.find("\ufffe"), norm.find("\ufeff"), norm.find("\uffff"))
                          if i >= 0)
    units = _entities(norm, config, emojis, urls if norm is text else None)
    # Weigh the whole text as plain characters (above), then swap each unit's characters for the
    # unit's weight.
    for start, end, weight in units:
        total += weight - _unit_weight(plan, norm[start:end])
    fits = len(text)
    if total > limit or invalid >= 0:
        fits = _fits_until(_Weigher(plan, norm, odd_positions), units, limit,
                           invalid if invalid >= 0 else len(norm))
        if norm is not text:  # map the index back through the normalisation
            fits = len(text) if fits == len(norm) else _original_index(text, fits)
    return TwitterCount(-(-total // config.scale), config.max_weighted_length,
                        invalid < 0 and 0 < total <= limit, fits)


# --- Weights of plain characters ------------------------------------------------------------

class _Plan:
    """How to weigh plain characters under one configuration's weights."""

    __slots__ = ("default", "ranges", "ascii_weight", "exact", "units", "base", "odd", "odd_delta",
                 "covers_emoji", "_runs")

    def __init__(self, default: int, ranges: tuple[tuple[int, int, int], ...]) -> None:
        self.default = default
        self.ranges = ranges
        ascii_weights = {_char_weight(default, ranges, chr(c)) for c in range(128)}
        # The weight of every ASCII character, when it is the same for all.
        self.ascii_weight: int | None = ascii_weights.pop() if len(ascii_weights) == 1 else None
        # False when a range touches U+DC00-U+DFFF, see _char_weight: characters are then
        # weighed one by one.
        self.exact = not any(first <= 0xDFFF and last >= 0xDC00 for first, last, _ in ranges)
        self.units: dict[str, int] = {}  # plain weights of URLs and emoji met (emoji repeat)
        self._runs: tuple[tuple[re.Pattern[str], int], ...] | None = None
        # The usual case (twitter-text's configurations): the characters that do not weigh what
        # ASCII ones do all weigh the same. One regex then finds them all: `odd`, a class of single
        # characters (the regex engine scans for one ~3 times faster than for a run of them).
        self.base = self.ascii_weight or 0
        self.odd: re.Pattern[str] | None = None
        self.odd_delta = 0
        self.covers_emoji = False  # whether `odd` finds every character at U+203C or above
        if self.ascii_weight is None or not self.exact:
            return
        base = self.ascii_weight
        pieces = _disjoint(ranges)
        odd_weights = {w for _, _, w in pieces if w != base} | ({default} - {base})
        if len(odd_weights) != 1:
            return  # (none: everything weighs the same; several: see runs)
        self.odd_delta = odd_weights.pop() - base
        if default != base:
            # Astral characters weigh the default, as do the BMP ones outside the ranges: the
            # class is that of the characters that weigh the base, negated.
            same = [(first, last) for first, last, w in pieces if w == base]
            self.odd = re.compile(f"[^{_class(same)}]")
            self.covers_emoji = all(last < 0x203C for _, last in same)
        else:
            self.odd = re.compile(f"[{_class([(f, l) for f, l, w in pieces if w != base])}]")

    @property
    def runs(self) -> tuple[tuple[re.Pattern[str], int], ...]:
        """(runs of characters weighing w, w - default) for each weight other than the default:
        for configurations with several weights besides ASCII's."""
        if self._runs is None:
            by_weight: dict[int, list[tuple[int, int]]] = {}
            for first, last, weight in _disjoint(self.ranges):
                if weight != self.default:
                    by_weight.setdefault(weight, []).append((first, last))
            self._runs = tuple((re.compile(f"[{_class(parts)}]+"), w - self.default)
                               for w, parts in by_weight.items())
        return self._runs


def _class(intervals: list[tuple[int, int]]) -> str:
    """A regex class body for these code point intervals (never empty)."""
    return "".join(f"\\U{first:08x}-\\U{last:08x}" for first, last in intervals) or "\\x00-\\x00"


_PLANS: dict[tuple[int, tuple[tuple[int, int, int], ...]], _Plan] = {}
_PLAN_OF: dict[int, tuple[TwitterConfig, _Plan]] = {}  # by id() of the configuration


def _plan(config: TwitterConfig) -> _Plan:
    """The plan for `config`'s weights, shared by configurations with the same (with_limit)."""
    found = _PLAN_OF.get(id(config))
    if found is not None and found[0] is config:
        return found[1]
    key = (config.default_weight, config.ranges)
    plan = _PLANS.get(key)
    if plan is None:
        if len(_PLANS) > 32:
            _PLANS.clear()
        plan = _PLANS[key] = _Plan(*key)
    if len(_PLAN_OF) > 256:
        _PLAN_OF.clear()
    _PLAN_OF[id(config)] = (config, plan)
    return plan


def _disjoint(ranges: tuple[tuple[int, int, int], ...]) -> list[tuple[int, int, int]]:
    """The ranges' BMP parts, trimmed so that the first range holding a code point decides it."""
    taken: list[tuple[int, int]] = []
    out: list[tuple[int, int, int]] = []
    for first, last, weight in ranges:
        pieces = [(max(first, 0), min(last, 0xFFFF))]
        for t_first, t_last in taken:
            pieces = [p for a, b in pieces
                      for p in ((a, min(b, t_first - 1)), (max(a, t_last + 1), b)) if p[0] <= p[1]]
        out += [(a, b, weight) for a, b in pieces if a <= b]
        taken.append((first, last))
    return out


def _char_weight(default: int, ranges: tuple[tuple[int, int, int], ...], ch: str) -> int:
    code = ord(ch)
    if code > 0xFFFF:  # twitter-text weighs a surrogate pair by its low surrogate
        code = 0xDC00 + ((code - 0x10000) & 0x3FF)
    for first, last, weight in ranges:
        if first <= code <= last:
            return weight
    return default


def _unit_weight(plan: _Plan, unit: str) -> int:
    """A URL's or emoji's characters weighed one by one (memoised: emoji often repeat)."""
    weight = plan.units.get(unit)
    if weight is None:
        if len(plan.units) > 10_000:
            plan.units.clear()
        weight = plan.units[unit] = _weight(plan, unit)
    return weight


def _weight(plan: _Plan, segment: str) -> int:
    """The summed weight of `segment`'s characters, each weighed alone."""
    if plan.ascii_weight is not None and segment.isascii():
        return len(segment) * plan.ascii_weight
    if plan.odd is not None:
        return len(segment) * plan.base + len(plan.odd.findall(segment)) * plan.odd_delta
    if not plan.exact:
        return sum(_char_weight(plan.default, plan.ranges, ch) for ch in segment)
    total = len(segment) * plan.default
    for rx, delta in plan.runs:
        total += delta * sum(map(len, rx.findall(segment)))
    return total


# --- URLs and emoji as weighed units ------------------------------------------------------

def _entities(text: str, config: TwitterConfig, emojis: list[tuple[int, int]],
              urls: list[tuple[int, int]] | None) -> list[tuple[int, int, int]]:
    """(start, end, weight) of the URLs and emoji that parseTweet weighs as units, in order."""
    if urls is None:
        urls = find_urls(text, require_scheme=False)
    url_weight = config.transformed_url_length * config.scale
    if not emojis:
        return [(start, end, url_weight) for start, end in urls]
    if not urls:
        return [(start, end, config.default_weight) for start, end in emojis]
    # parseTweet walks the text and takes, at each index, a URL starting there, else an emoji
    # starting there, else one character: an entity starting inside an earlier one is skipped.
    found = sorted([(s, 0, e) for s, e in urls] + [(s, 1, e) for s, e in emojis])
    units: list[tuple[int, int, int]] = []
    pos = 0
    for start, kind, end in found:
        if start >= pos:
            units.append((start, end, config.default_weight if kind else url_weight))
            pos = end
    return units


def _fits_until(weigher: _Weigher, units: list[tuple[int, int, int]], limit: int,
                stop: int) -> int:
    """The end of the last unit within `limit` (cumulated), before index `stop`."""
    text = weigher.text
    total, pos = 0, 0
    for start, end, unit_weight in [*units, (len(text), len(text), 0)]:
        plain_weight = weigher.weight(pos, start)
        if total + plain_weight > limit or start > stop:
            # The limit (or the invalid character) falls among these characters.
            return weigher.longest(pos, min(start, stop), limit - total)
        total += plain_weight + unit_weight
        if total > limit or start >= stop:
            return start
        pos = end
    return len(text)


class _Weigher:
    """Weights of many segments of one text (to find where the limit falls)."""

    def __init__(self, plan: _Plan, text: str, odd: list[int] | None = None) -> None:
        self.plan, self.text = plan, text
        # With `odd`: base * length + odd_delta * (odd characters in it), their positions found
        # once (unless known: none, most often).
        self.odd: list[int] | None = None
        if plan.odd is not None:
            self.odd = odd if odd is not None else [m.start() for m in plan.odd.finditer(text)]

    def weight(self, start: int, end: int) -> int:
        """The weight of text[start:end]."""
        if self.odd is None:
            return _weight(self.plan, self.text[start:end])
        odd = bisect_left(self.odd, end) - bisect_left(self.odd, start)
        return self.plan.base * (end - start) + self.plan.odd_delta * odd

    def longest(self, start: int, end: int, budget: int) -> int:
        """The largest index in [start, end] where text[start:index] weighs at most `budget`."""
        first = bisect_left(self.odd, start) if self.odd is not None else 0
        if self.odd is None or bisect_left(self.odd, end) - first > 16 or self.plan.base <= 0:
            low, high = start, end  # bisect: weights only grow with the length
            while low < high:
                mid = (low + high + 1) // 2
                if self.weight(start, mid) <= budget:
                    low = mid
                else:
                    high = mid - 1
            return low
        # Few odd characters (the usual case): walk from one to the next.
        base, odd_weight = self.plan.base, self.plan.base + self.plan.odd_delta
        pos = start
        for odd in self.odd[first:]:
            if odd >= end:
                break
            if (odd - pos) * base > budget:
                return pos + budget // base
            budget -= (odd - pos) * base
            if odd_weight > budget:
                return odd
            budget -= odd_weight
            pos = odd + 1
        return min(end, pos + budget // base)


def _original_index(text: str, norm_index: int) -> int:
    """The longest prefix of `text` whose NFC form is at most `norm_index` long."""
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if len(unicodedata.normalize("NFC", text[:mid])) <= norm_index:
            low = mid
        else:
            high = mid - 1
    return low


# --- twemoji-parser 11 ---------------------------------------------------------------------
# twitter-text 3.1.0 finds emoji with twemoji-parser 11.0.2. Its sequences are in twemoji11.txt,
# written by scripts/make_twemoji.py from the `emoji` package (see there): one line per first
# character. Every sequence holds a character at U+203C or above; only keycaps (#, *, 0-9 then
# U+20E3) and ©/® (then VS16) start below it.

_VS15, _VS16, _KEYCAP = "\ufe0e", "\ufe0f", "\u20e3"
_KEYCAP_BASES = frozenset("#*0123456789")


class _Emoji:
    def __init__(self) -> None:
        path = os.path.join(os.path.dirname(__file__), "twemoji11.txt")
        with open(path, encoding="utf-8") as file:
            _, vs15, units = file.read().split("\n\n")
        self.vs15_blocks = frozenset(vs15)  # alone, these are not emoji when VS15 follows
        # First character -> its line, parsed on first use into (lengths, sequences).
        self.lines: dict[str, Any] = {line[0]: line for line in units.split("\n") if line}
        self.firsts = frozenset(self.lines)

    def sequences(self, first: str) -> tuple[tuple[int, ...], frozenset[str]]:
        entry = self.lines[first]
        if isinstance(entry, str):
            seqs = entry.split(" ")
            entry = self.lines[first] = (tuple(sorted({len(s) for s in seqs}, reverse=True)),
                                         frozenset(seqs))
        return entry


_EMOJI: _Emoji | None = None


def _find_emoji(text: str, chars: str | list[str]) -> list[tuple[int, int]]:
    """Spans of the emoji sequences twemoji-parser 11 finds in `text` (the longest known
    sequence wins); `chars` holds all the characters of `text` at U+203C or above (and others)."""
    global _EMOJI
    if not chars or max(chars) < "\u203c":
        return []
    table = _EMOJI or (_EMOJI := _Emoji())
    firsts = table.firsts.intersection(chars)
    if _VS16 in text:
        firsts |= {"©", "®"}.intersection(text)
    if _KEYCAP in text:
        firsts |= _KEYCAP_BASES.intersection(text)
    if not firsts:
        return []
    starts = []
    for ch in firsts:
        i = text.find(ch)
        while i >= 0:
            starts.append(i)
            i = text.find(ch, i + 1)
    starts.sort()
    n = len(text)
    spans: list[tuple[int, int]] = []
    pos = 0  # the end of the last emoji found
    for start in starts:
        if start < pos:
            continue
        lengths, seqs = table.sequences(text[start])
        for length in lengths:
            end = start + length
            if end <= n and text[start:end] in seqs:
                break
        else:
            continue
        if end == start + 1 and text[end:end + 1] == _VS15 and text[start] in table.vs15_blocks:
            continue  # "☺︎" asks for the text style: not an emoji
        spans.append((start, end))
        pos = end
    return spans
