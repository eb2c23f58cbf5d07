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
from operator import itemgetter
from typing import Any, Iterable, Mapping

from .urls import _Record, find_urls

__all__ = ["V1", "V2", "V3", "TwitterConfig", "TwitterCount", "twitter_count", "twitter_length"]

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
    weighted_length, valid, fits_until = twitter_count(text, config, urls=urls)
    return TwitterCount(weighted_length, config.max_weighted_length, valid, fits_until)


def twitter_count(text: str, config: TwitterConfig = V3, *,
                  urls: list[tuple[int, int]] | None = None,
                  above: int | None = None) -> tuple[int, bool, int]:
    """``twitter_length``'s (weighted_length, valid, fits_until), as a tuple: quicker to make,
    for checks that measure every post. ``above``: the number of characters above U+00FF, when
    the caller knows it."""
    plan = _plan(config)
    limit = config.max_weighted_length * config.scale
    invalid = -1
    # The number of characters above U+00FF (a C-level copy tells): most texts hold few.
    if above is None:
        above = 0 if text.isascii() else len(text) - len(text.encode("latin-1", "ignore"))
    if plan.latin1_weight and not above:
        # Most texts: nothing above U+00FF. Such a text is NFC already, holds no emoji (each
        # holds a character at U+203C or above) and no invalid character, and its characters
        # all weigh the same: only URLs weigh otherwise.
        norm, emojis, odd_at = text, [], []
    else:
        # The places of the characters that do not weigh plan.base (few, in most texts).
        odd_at = _stable_above(text, above) if plan.covers_emoji and plan.latin1_weight else None
        if odd_at is not None:
            # Latin-1 and emoji: characters of weight default (as all those above U+FFFF:
            # covers_emoji) which NFC never changes, none invalid.
            norm = text
        else:
            norm = unicodedata.normalize("NFC", text)  # returns `text` itself when already NFC
            if plan.odd is not None:
                odd_at = [m.start() for m in plan.odd.finditer(norm)]
            elif plan.uniform:
                odd_at = []
            if "\ufffe" in norm or "\ufeff" in norm or "\uffff" in norm:
                invalid = min(i for i in (norm.find("\ufffe"), norm.find("\ufeff"),
                                          norm.find("\uffff")) if i >= 0)
        if not config.emoji_parsing_enabled:
            emojis = []
        elif not plan.covers_emoji:
            emojis = _find_emoji(norm)
        elif "\u200d" in norm or not _JOINERS.isdisjoint(map(norm.__getitem__, odd_at)):
            emojis = _find_emoji(norm, odd_at)
        else:
            # Every emoji here is one character (a sequence holds ZWJ or one of _JOINERS), one
            # that plan.odd finds: as a unit it weighs the default weight, as it does alone.
            emojis = []
    if urls is None or norm is not text:
        urls = find_urls(norm, require_scheme=False)
    units = _units(config, urls, emojis) if urls or emojis else []
    base, delta = plan.base, plan.odd_delta
    if odd_at is not None:
        # Every character weighs the base but those at odd_at; a unit weighs its weight instead
        # of its characters'. Most texts fit: their count ends here.
        total = len(norm) * base + len(odd_at) * delta
        for start, end, weight in units:
            odd_in = bisect_left(odd_at, end) - bisect_left(odd_at, start) if odd_at else 0
            total += weight - (end - start) * base - odd_in * delta
        if total <= limit and invalid < 0:
            return -(-total // config.scale), total > 0, len(text)
        events = [(i, i + 1, base + delta) for i in odd_at] if odd_at else []
    else:  # (configurations with several weights besides ASCII's: rare)
        events = [(i, i + 1, w) for i, ch in enumerate(norm)
                  if (w := _char_weight(plan.default, plan.ranges, ch)) != base]
    if units:
        # In order; where a unit and a character start together, the unit first (a stable sort).
        events = sorted(units + events, key=itemgetter(0)) if events else units
    if events:
        total, fits = _walk(len(norm), base, events, limit)
    else:
        total = len(norm) * base
        fits = len(norm) if total <= limit else limit // base
    if invalid >= 0:  # nothing fits from there on (no unit holds such a character)
        fits = min(fits, invalid)
    if norm is not text and fits < len(norm):  # map the index back through the normalisation
        fits = _original_index(text, fits)
    elif fits == len(norm):
        fits = len(text)
    return -(-total // config.scale), invalid < 0 and 0 < total <= limit, fits


# Characters from U+1F000 to U+2F7FF (emoji, CJK extensions), as those below U+0100, are left
# alone by NFC wherever they stand (the tests check it).
_STABLE_FIRST, _STABLE_END = "\U0001f000", "\U0002f800"


def _stable_above(text: str, count: int) -> list[int] | None:
    """Where the `count` characters of `text` above U+00FF are, when they are few and all from
    _STABLE_FIRST to _STABLE_END (emoji, most often); else None. An encoding that writes them
    "?" tells where they are (a C-level copy, then a search for each)."""
    if count > 16:
        return None
    marked = text.encode("latin-1", "replace")
    found: list[int] = []
    i = -1
    while len(found) < count:
        i = marked.find(b"?", i + 1)
        ch = text[i]
        if ch != "?":
            if not _STABLE_FIRST <= ch < _STABLE_END:
                return None
            found.append(i)
    return found


def _walk(length: int, base: int, events: list[tuple[int, int, int]],
          limit: int) -> tuple[int, int]:
    """The weight of a text of `length` characters that weigh `base` but for the `events`
    ((start, end, weight) of units and single characters, in order; a character inside a unit
    does not count), and the end of the last character or unit within `limit`."""
    total = pos = 0  # the weight of text[:pos]
    fits = -1
    for start, end, weight in events:
        if start < pos:
            continue
        if fits < 0 and total + (start - pos) * base > limit:
            fits = pos + (limit - total) // base  # among the plain characters before `start`
        total += (start - pos) * base + weight
        if fits < 0 and total > limit:
            fits = start
        pos = end
    if fits < 0 and total + (length - pos) * base > limit:
        fits = pos + (limit - total) // base
    return total + (length - pos) * base, length if fits < 0 else fits


def _positions(text: str, chars: Iterable[str]) -> list[int]:
    """The sorted indexes in `text` of every occurrence of `chars` (few, most often)."""
    found = []
    for ch in set(chars):
        i = text.find(ch)
        while i >= 0:
            found.append(i)
            i = text.find(ch, i + 1)
    found.sort()
    return found


# --- Weights of plain characters ------------------------------------------------------------

class _Plan:
    """How to weigh plain characters under one configuration's weights."""

    __slots__ = ("default", "ranges", "latin1_weight", "base", "uniform", "odd", "odd_delta",
                 "covers_emoji")

    def __init__(self, default: int, ranges: tuple[tuple[int, int, int], ...]) -> None:
        self.default = default
        self.ranges = ranges
        ascii_weights = {_char_weight(default, ranges, chr(c)) for c in range(128)}
        latin1_weights = {_char_weight(default, ranges, chr(c)) for c in range(256)}
        # The weight of every character of U+0000-U+00FF, when it is the same for all.
        self.latin1_weight = min(latin1_weights) if len(latin1_weights) == 1 else None
        # Most characters weigh `base`: ASCII's weight (0 if ASCII characters weigh differently).
        self.base = min(ascii_weights) if len(ascii_weights) == 1 else 0
        self.uniform = False  # whether every character does
        # The usual case (twitter-text's configurations): the characters that do not weigh the
        # base all weigh the same. One regex then finds them all: `odd`, a class of single
        # characters (the regex engine scans for one ~3 times faster than for a run of them).
        self.odd: re.Pattern[str] | None = None
        self.odd_delta = 0
        self.covers_emoji = False  # whether `odd` finds every character at U+203C or above
        # ASCII of several weights, or a range of surrogates (see _char_weight): characters are
        # weighed one by one.
        if len(ascii_weights) > 1 or any(first <= 0xDFFF and last >= 0xDC00
                                         for first, last, _ in ranges):
            return
        base = self.base
        pieces = _disjoint(ranges)
        odd_weights = {w for _, _, w in pieces if w != base} | ({default} - {base})
        self.uniform = not odd_weights
        if len(odd_weights) != 1:
            return  # (none: everything weighs the same; several: weighed one by one)
        self.odd_delta = odd_weights.pop() - base
        if default != base:
            # Astral characters weigh the default, as do the BMP ones outside the ranges: the
            # class is that of the characters that weigh the base, negated.
            same = [(first, last) for first, last, w in pieces if w == base]
            self.odd = re.compile(f"[^{_class(same)}]")
            self.covers_emoji = all(last < 0x203C for _, last in same)
        else:
            self.odd = re.compile(f"[{_class([(f, l) for f, l, w in pieces if w != base])}]")


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



# --- URLs and emoji as weighed units ------------------------------------------------------

def _units(config: TwitterConfig, urls: list[tuple[int, int]],
           emojis: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(start, end, weight) of the URLs and emoji that parseTweet weighs as units, in order."""
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
# Besides ZWJ, what every sequence of several characters holds after its first: VS16, the keycap,
# a skin tone, a regional indicator or a tag (the tests check it on twemoji11.txt).
_JOINERS = frozenset([_VS16, _KEYCAP, *map(chr, range(0x1F3FB, 0x1F400)),
                      *map(chr, range(0x1F1E6, 0x1F200)), *map(chr, range(0xE0020, 0xE0080))])
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


def _find_emoji(text: str, at: list[int] | None = None) -> list[tuple[int, int]]:
    """Spans of the emoji sequences twemoji-parser 11 finds in `text` (the longest known
    sequence wins). `at`, when known: the indexes of every character of `text` at U+203C or
    above (and maybe of others)."""
    global _EMOJI
    if not at if at is not None else not text or max(text) < "\u203c":
        return []
    table = _EMOJI or (_EMOJI := _Emoji())
    if at is None:
        starts = _positions(text, table.firsts.intersection(text))
    else:
        starts = [i for i in at if text[i] in table.firsts]
    others: set[str] = set()  # first characters below U+203C
    if _VS16 in text:
        others |= {"©", "®"}.intersection(text)
    if _KEYCAP in text:
        others |= _KEYCAP_BASES.intersection(text)
    if others:
        starts = sorted(starts + _positions(text, others))
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
