"""`metric`: a quantity measured on the post (its length as a platform counts it, its number of
hashtags, mentions, links or emoji, its share of capitals, its visible characters) against a
threshold."""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterable, Literal

from ..errors import SocialrulesError
from ..text.lazy import lazy_re, lazy_regex
# Imported here, not in the measures: an import statement costs ~0.7 µs a post.
from ..text.mastodon import mastodon_length, surely_fits
from ..text.twitter import V3, twitter_count
from . import OPTIONS_CONFIG, Check, Hit, OptionsBase, register

Measure = Literal["twitter_length", "mastodon_length", "hashtags", "mentions", "urls", "emoji",
                  "capitals", "characters"]

# A character a reader sees: not white space, not an invisible format character (zero-width
# space, joiners, bidi marks), not a Hangul filler, which are all used to make a text look empty.
_VISIBLE = lazy_regex(r"[^\s\p{Cf}\u034f\u115f\u1160\u3164\uffa0]")
# Capitals and letters are what str.isupper and str.isalpha say of a character. Those of
# U+0000-U+00FF, and what is not a letter there, as bytes (the tests check them); the characters
# above.
_LATIN1_CAPITALS = bytes([*range(0x41, 0x5B), *range(0xC0, 0xD7), *range(0xD8, 0xDF)])
_LATIN1_LETTERS = {*range(0x41, 0x5B), *range(0x61, 0x7B), 0xAA, 0xB5, 0xBA, *range(0xC0, 0xD7),
                   *range(0xD8, 0xF7), *range(0xF8, 0x100)}
_LATIN1_NOT_LETTERS = bytes(c for c in range(256) if c not in _LATIN1_LETTERS)
_ABOVE_LATIN1 = lazy_re(r"[^\x00-\xff]")


@dataclass(slots=True, repr=False, eq=False)  # see OptionsBase
class MetricOptions(OptionsBase):
    """Options of the `metric` check kind."""

    __pydantic_config__ = OPTIONS_CONFIG

    measure: Measure
    """twitter_length (Twitter's weighted count), mastodon_length (Mastodon's count, content
    warning included), hashtags, mentions, urls, emoji (counts), capitals (share of upper-case
    letters, from 0 to 1), characters (visible characters of the text: white space and invisible
    characters do not count)."""
    max: float | None = None
    """The most allowed. For the two lengths, the configuration's limit when not set."""
    min: float | None = None
    """characters: the least allowed (min: 1 flags an empty post)."""
    min_letters: int = 12
    """capitals: texts with fewer letters are not judged."""
    media_counts: bool = True
    """characters: a post with media (a photo, a video) meets `min` whatever its text."""


@register
class Metric(Check):
    name = "metric"
    Options = MetricOptions
    placeholders = frozenset({"value", "limit", "over", "percent"})

    @classmethod
    def prepare(cls, options: dict[str, Any], folder: Path) -> dict[str, Any]:
        prepared = super().prepare(options, folder)
        if prepared["min"] is not None and prepared["measure"] != "characters":
            raise SocialrulesError("`min` is an option of the `characters` measure only")
        return prepared

    def __init__(self, rule, options: MetricOptions, config) -> None:
        super().__init__(rule, options, config)
        self.measure = _MEASURES[options.measure]
        # Worked out once, as the check runs on every post: the limit of the lengths and counts,
        # Twitter's counting configuration for it, the fewest visible characters.
        platform_limit = {"twitter_length": config.limits.twitter,
                          "mastodon_length": config.limits.mastodon}.get(options.measure, 0)
        self.limit = int(options.max or platform_limit)
        self.twitter = (V3.with_limit(self.limit) if options.measure == "twitter_length"
                        and self.limit != V3.max_weighted_length else V3)
        self.needed = None if options.min is None else max(math.ceil(options.min), 0)

    def run(self, subject) -> Iterable[Hit]:
        hit = self.measure(self, subject)
        return () if hit is None else (hit,)  # (cheaper than a generator)


def _twitter_length(check: Metric, subject) -> Hit | None:
    text = subject.post.text
    limit = check.limit
    view = subject.view("text")
    length, _, fits_until = twitter_count(text, check.twitter, urls=view.urls, above=view.above_latin1)
    if length <= limit:
        return None
    return Hit(fits_until, len(text), "text", {"value": length, "limit": limit,
                                                "over": length - limit})


def _mastodon_length(check: Metric, subject) -> Hit | None:
    post = subject.post
    limit = check.limit
    if surely_fits(post.text, post.spoiler_text, limit=limit):
        return None
    count = mastodon_length(post.text, post.spoiler_text, limit=limit)
    if count.length <= limit:
        return None
    if not post.text.strip() and post.spoiler_text:  # the content warning alone is too long
        return Hit(0, len(post.spoiler_text), "spoiler_text",
                   {"value": count.length, "limit": limit, "over": count.length - limit})
    return Hit(count.fits_until, len(post.text), "text", {
        "value": count.length, "limit": limit, "over": count.length - limit})


def _counter(entity: str) -> Callable[[Metric, object], Hit | None]:
    bound = _BOUNDS[entity]

    def count(check: Metric, subject) -> Hit | None:
        view = subject.view("text")
        limit = check.limit
        if bound(view) <= limit:  # surely few enough: the entities need not be found
            return None
        spans = getattr(view, entity)
        if len(spans) <= limit:
            return None
        return Hit(spans[limit][0], spans[-1][1], "text", {
            "value": len(spans), "limit": limit, "over": len(spans) - limit})

    return count


def _capitals(check: Metric, subject) -> Hit | None:
    text = subject.post.text
    limit = check.options.max if check.options.max is not None else 0.7
    fewest = limit * check.options.min_letters  # capitals, for a text to be judged at all
    # Latin-1's capitals and letters are counted with C-level copies: the text's Latin-1 bytes,
    # the others deleted. The characters above U+00FF are counted as capitals at first: most
    # texts have too few capitals to be judged even so.
    latin1 = subject.view("text").latin1
    upper = len(text) - len(latin1.translate(None, _LATIN1_CAPITALS))
    if upper <= fewest:
        return None
    letters = len(latin1.translate(None, _LATIN1_NOT_LETTERS))
    if len(latin1) < len(text):  # then those characters are looked at (few: emoji, most often)
        above = "".join(_ABOVE_LATIN1.findall(text))
        upper += sum(map(str.isupper, above)) - len(above)
        if upper <= fewest:
            return None
        letters += sum(map(str.isalpha, above))
    if letters < check.options.min_letters or not letters or upper / letters <= limit:
        return None
    first = next(i for i, c in enumerate(text) if c.isalpha())
    last = len(text) - next(i for i, c in enumerate(reversed(text)) if c.isalpha())
    return Hit(first, last, "text", {"value": upper, "limit": limit, "over": letters,
                                     "percent": round(100 * upper / letters)})


def _characters(check: Metric, subject) -> Hit | None:
    post = subject.post
    text = post.text
    options = check.options
    needed = check.needed
    if needed is not None and not (options.media_counts and post.media):
        # Count only as far as the minimum. An ordinary post needs one character and starts with
        # printable ASCII, which is visible: no need to start the regex engine.
        if needed == 1 and "!" <= text[:1] <= "~":
            visible = 1
        else:
            visible = sum(1 for _ in islice(_VISIBLE.finditer(text), needed))
        if visible < needed:
            return Hit(0, len(text), "text", {"value": visible, "limit": needed,
                                              "over": needed - visible})
    if options.max is not None:
        visible = len(_VISIBLE.findall(text))
        limit = int(options.max)
        if visible > limit:
            return Hit(0, len(text), "text", {"value": visible, "limit": limit,
                                              "over": visible - limit})
    return None


# At least as many as there are entities of each sort: each hashtag has a "#" (or "＃"), each
# mention an "@" (or "＠"), each link a "." (a domain), each emoji a character above U+00FF.
_BOUNDS: dict[str, Callable[[Any], int]] = {
    "hashtags": lambda view: view.text.count("#") + (0 if view.text.isascii() else view.text.count("＃")),
    "mentions": lambda view: view.text.count("@") + (0 if view.text.isascii() else view.text.count("＠")),
    "urls": lambda view: view.text.count("."),
    "emoji": lambda view: view.above_latin1,
}

_MEASURES = {
    "twitter_length": _twitter_length,
    "mastodon_length": _mastodon_length,
    "hashtags": _counter("hashtags"),
    "mentions": _counter("mentions"),
    "urls": _counter("urls"),
    "emoji": _counter("emoji"),
    "capitals": _capitals,
    "characters": _characters,
}
