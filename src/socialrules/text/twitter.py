"""Twitter/X's weighted length, as twitter-text 3.1.0's ``parseTweet`` computes it.

The text is NFC-normalised; each URL weighs ``transformed_url_length``; with emoji parsing on,
each emoji sequence that twemoji-parser 11 (twitter-text 3.1.0's emoji list) recognises weighs
one default-weight character; every other code point weighs what ``ranges`` say (200 by default,
100 for Latin, some punctuation, etc.), divided by ``scale``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any, Mapping, NamedTuple

from .urls import find_urls

__all__ = ["V1", "V2", "V3", "TwitterConfig", "TwitterCount", "twitter_length"]

_LATIN_RANGES = ((0, 4351, 100), (8192, 8205, 100), (8208, 8223, 100), (8242, 8247, 100))


@dataclass(frozen=True, slots=True)
class TwitterConfig:
    """A twitter-text counting configuration (the fields of its ``config/v*.json``)."""

    max_weighted_length: int = 280
    scale: int = 100
    default_weight: int = 200
    ranges: tuple[tuple[int, int, int], ...] = _LATIN_RANGES  # (first, last code point, weight)
    transformed_url_length: int = 23
    emoji_parsing_enabled: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "ranges", tuple(map(tuple, self.ranges)))  # lists from JSON
        if self.scale <= 0 or self.max_weighted_length < 0 or self.transformed_url_length < 0:
            raise ValueError("scale must be positive, lengths non-negative")
        if self.default_weight < 0 or any(w < 0 for _, _, w in self.ranges):
            raise ValueError("weights must be non-negative")

    def with_limit(self, max_weighted_length: int) -> TwitterConfig:
        """The same counting with another limit (in characters, as ``max_weighted_length``)."""
        return replace(self, max_weighted_length=max_weighted_length)

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


V1 = TwitterConfig(max_weighted_length=140, scale=1, default_weight=1, ranges=(),
                   emoji_parsing_enabled=False)
V2 = TwitterConfig(emoji_parsing_enabled=False)
V3 = TwitterConfig()  # what twitter-text 3.1.0 uses by default


@dataclass(frozen=True, slots=True)
class TwitterCount:
    weighted_length: int  # as parseTweet reports it (rounded up if weights aren't scale multiples)
    limit: int            # the configuration's max_weighted_length
    valid: bool           # as parseTweet's: 0 < weighted_length <= limit, and no invalid character
    fits_until: int       # str index just past the last character that fits (len(text) if all do)


def twitter_length(text: str, config: TwitterConfig = V3) -> TwitterCount:
    """Measure `text` as twitter-text's ``parseTweet(text, config)`` does.

    ``fits_until`` is parseTweet's ``validRangeEnd`` + 1 as a ``str`` index into `text`: the text
    up to there fits under the limit and holds no invalid character (U+FFFE, U+FEFF, U+FFFF);
    URLs and emoji sequences are never cut. It is 0 when nothing fits.
    """
    plan = _plan(config)
    limit = config.max_weighted_length * config.scale
    norm = unicodedata.normalize("NFC", text)  # returns `text` itself when already NFC (fast)
    units = _entities(norm, config)
    # Weigh the whole text as plain characters, then swap each unit's characters for the unit.
    total = _weight(plan, norm)
    for start, end, weight in units:
        total += weight - _unit_weight(plan, norm[start:end])
    invalid = None
    if not norm.isascii() and ("\ufffe" in norm or "\ufeff" in norm or "\uffff" in norm):
        invalid = _INVALID.search(norm)
    fits = len(text)
    if total > limit or invalid:
        fits = _fits_until(norm, units, plan, limit, invalid.start() if invalid else len(norm))
        if norm is not text:  # map the index back through the normalisation
            fits = len(text) if fits == len(norm) else _original_index(text, fits)
    return TwitterCount(
        weighted_length=-(-total // config.scale),
        limit=config.max_weighted_length,
        valid=invalid is None and 0 < total <= limit,
        fits_until=fits,
    )


_INVALID = re.compile("[\ufffe\ufeff\uffff]")


# --- Weights of plain characters ------------------------------------------------------------

class _Plan(NamedTuple):
    default: int
    ranges: tuple[tuple[int, int, int], ...]
    ascii_weight: int | None  # the weight of every ASCII character, when it is the same for all
    runs: tuple[tuple[re.Pattern[str], int], ...]  # (runs of characters weighing w, w - default)
    exact: bool  # False when a range touches U+DC00-U+DFFF, see _char_weight
    units: dict[str, int]  # plain weights of URLs and emoji met so far (emoji often repeat)


def _plan(config: TwitterConfig) -> _Plan:
    # Only the weights matter: configurations made on the fly by with_limit() share a plan.
    return _make_plan(config.default_weight, config.ranges)


@lru_cache(maxsize=32)
def _make_plan(default: int, ranges: tuple[tuple[int, int, int], ...]) -> _Plan:
    by_weight: dict[int, list[str]] = {}
    for first, last, weight in _disjoint(ranges):
        if weight != default:
            by_weight.setdefault(weight, []).append(f"\\U{first:08x}-\\U{last:08x}")
    runs = tuple((re.compile(f"[{''.join(parts)}]+"), w - default) for w, parts in by_weight.items())
    ascii_weights = {_char_weight(default, ranges, chr(c)) for c in range(128)}
    exact = not any(first <= 0xDFFF and last >= 0xDC00 for first, last, _ in ranges)
    return _Plan(default, ranges, ascii_weights.pop() if len(ascii_weights) == 1 else None, runs,
                 exact, {})


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
    if not plan.exact:
        return sum(_char_weight(plan.default, plan.ranges, ch) for ch in segment)
    total = len(segment) * plan.default
    for rx, delta in plan.runs:
        total += delta * sum(map(len, rx.findall(segment)))
    return total


# --- URLs and emoji as weighed units ------------------------------------------------------

def _entities(text: str, config: TwitterConfig) -> list[tuple[int, int, int]]:
    """(start, end, weight) of the URLs and emoji that parseTweet weighs as units, in order."""
    urls = find_urls(text, require_scheme=False)
    emojis = _find_emoji(text) if config.emoji_parsing_enabled and not text.isascii() else []
    url_weight = config.transformed_url_length * config.scale
    if not emojis:
        return [(start, end, url_weight) for start, end in urls]
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


def _fits_until(text: str, units: list[tuple[int, int, int]], plan: _Plan, limit: int,
                stop: int) -> int:
    """The end of the last unit within `limit` (cumulated), before index `stop`."""
    total, pos = 0, 0
    for start, end, weight in [*units, (len(text), len(text), 0)]:
        plain = text[pos:start]
        plain_weight = _weight(plan, plain)
        if total + plain_weight > limit or start > stop:
            # The limit (or the invalid character) falls among these characters: bisect.
            low, high = 0, min(len(plain), stop - pos)
            while low < high:
                mid = (low + high + 1) // 2
                if total + _weight(plan, plain[:mid]) <= limit:
                    low = mid
                else:
                    high = mid - 1
            return pos + low
        total += plain_weight + weight
        if total > limit or start >= stop:
            return start
        pos = end
    return len(text)


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
# twitter-text 3.1.0 finds emoji with twemoji-parser 11.0.2, whose regex was generated from
# Emoji 11.0 data. We rebuild that set from the `emoji` package (Emoji version and qualification
# of each sequence), plus the few choices twemoji-parser made that Unicode data does not say.

_EMOJI_VERSION = 11.0
_VS16, _VS15, _KEYCAP = "\ufe0f", "\ufe0e", "\u20e3"
_TONES = frozenset(map(chr, range(0x1F3FB, 0x1F400)))
# Emoji-presentation characters that already had variation sequences in Unicode 11: twemoji
# takes a VS16 after them into the emoji (Unicode has since given VS16 to many more).
_OLD_VARIATION_SEQUENCES = "⌚⌛◽◾☔☕♈♉♊♋♌♍♎♏♐♑♒♓♿⚓⚡⚪⚫⚽⚾⛄⛅⛔⛪⛲⛳⛵⛺⛽❗⬛⬜⭐⭕🀄🈚🈯"
_NEED_VS16 = "©®™♟"  # twemoji only knows these with VS16: "©" alone is plain text
_NO_VS16 = "♾"  # new in Emoji 11, but twemoji weighs its VS16 apart (♾️ = 2 + 2)
_EXTRA_MODIFIER_BASES = "⛷"  # twemoji lets a skin tone follow the skier
# twemoji has gendered forms (+ ZWJ + ♀/♂ + VS16) of the levitating man, never standardised, and
# of the person in tuxedo, standardised only in Emoji 13.0.
_EXTRA_GENDERED = "🕴🤵"
# twemoji lists the eye-in-speech-bubble ZWJ sequence without its two VS16.
_REPLACED = {"\U0001F441\ufe0f\u200d\U0001F5E8\ufe0f": "\U0001F441\u200d\U0001F5E8"}
_END = ""  # marks a complete sequence in the trie


class _EmojiTable(NamedTuple):
    starts: re.Pattern[str]  # characters that may start an emoji (a superset)
    starts_or_keycap: re.Pattern[str]  # the same, and keycaps (rare: only tried if U+20E3 occurs)
    trie: dict[str, Any]
    vs15_blocks: frozenset[str]  # alone, these are not emoji when VS15 follows


@cache
def _emoji_table() -> _EmojiTable:
    import emoji  # deferred: importing it and building the table takes ~25 ms, once

    fully = emoji.STATUS["fully_qualified"]
    component = emoji.STATUS["component"]
    units = set(map(chr, range(0x1F1E6, 0x1F200)))  # a lone regional indicator is one
    takes_vs16 = set(_OLD_VARIATION_SEQUENCES)
    modifier_bases = set(_EXTRA_MODIFIER_BASES)
    for seq, info in emoji.EMOJI_DATA.items():
        if info["E"] > _EMOJI_VERSION:
            continue
        if len(seq) == 1:
            if info["status"] != component or seq in _TONES:  # not hair styles alone
                units.add(seq)
        elif len(seq) == 2 and seq[1] == _VS16:
            if info["status"] == fully:  # a text-style character made emoji by VS16
                takes_vs16.add(seq[0])
        elif info["status"] == fully or seq.endswith(_KEYCAP):  # keycaps also without VS16
            units.add(_REPLACED.get(seq, seq))
            if len(seq) == 2 and seq[1] in _TONES:
                modifier_bases.add(seq[0])
    takes_vs16 -= set(_NO_VS16 + _NEED_VS16)
    units -= set(_NEED_VS16)
    units |= {ch + _VS16 for ch in takes_vs16 | set(_NEED_VS16)}
    units |= {base + _VS16 + tone for base in modifier_bases & takes_vs16 for tone in _TONES}
    units |= {base + tone for base in modifier_bases for tone in _TONES}
    for base in _EXTRA_GENDERED:
        for mid in [*_TONES, _VS16 if base in takes_vs16 else ""]:
            units |= {f"{base}{mid}\u200d{sign}{_VS16}" for sign in "♀♂"}
    units.add(_VS16)  # a stray VS16 is an "emoji" too (it weighs the same either way)

    trie: dict[str, Any] = {}
    for unit in units:
        node = trie
        for ch in unit:
            node = node.setdefault(ch, {})
        node[_END] = True
    # A character class of the BMP starters and one range for the astral ones: a few hundred
    # scattered ranges would make the regex engine compare each character with all of them.
    bmp = "".join(sorted(re.escape(ch) for ch in trie if "\x7f" < ch <= "\uffff"))
    astral = sorted(ch for ch in trie if ch > "\uffff")
    starts = f"[{bmp}{astral[0]}-{astral[-1]}]"
    return _EmojiTable(re.compile(starts), re.compile(f"[#*0-9](?=\ufe0f?\u20e3)|{starts}"), trie,
                       frozenset(takes_vs16))


def _find_emoji(text: str) -> list[tuple[int, int]]:
    """Spans of the emoji sequences twemoji-parser 11 finds: the longest known sequence wins."""
    table = _emoji_table()
    starts = table.starts_or_keycap if _KEYCAP in text else table.starts
    spans: list[tuple[int, int]] = []
    n = len(text)
    pos = 0  # the end of the last emoji found
    for m in starts.finditer(text):
        start = end = m.start()
        if start < pos:
            continue
        node, i = table.trie, start
        while i < n and (node := node.get(text[i])) is not None:
            i += 1
            if _END in node:
                end = i
        if end == start + 1 and text[end:end + 1] == _VS15 and text[start] in table.vs15_blocks:
            continue  # "☺︎" asks for the text style: not an emoji
        if end > start:
            spans.append((start, end))
            pos = end
    return spans
