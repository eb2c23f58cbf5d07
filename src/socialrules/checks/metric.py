"""`metric`: a quantity measured on the post (its length as a platform counts it, its number of
hashtags, mentions, links or emoji, its share of capitals, its visible characters) against a
threshold."""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterator, Literal

from ..errors import SocialrulesError
from ..text.lazy import lazy_regex
from . import OPTIONS_CONFIG, Check, Hit, OptionsBase, register

Measure = Literal["twitter_length", "mastodon_length", "hashtags", "mentions", "urls", "emoji",
                  "capitals", "characters"]

# A character a reader sees: not white space, not an invisible format character (zero-width
# space, joiners, bidi marks), not a Hangul filler, which are all used to make a text look empty.
_VISIBLE = lazy_regex(r"[^\s\p{Cf}\u034f\u115f\u1160\u3164\uffa0]")
# As str.isupper and str.isalpha see characters.
_UPPER = lazy_regex(r"\p{Uppercase}")
_LETTER = lazy_regex(r"\p{L}")
_OTHER_LETTERS = lazy_regex(r"[\p{Ll}\p{Lt}\p{Lm}\p{Lo}]+")


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

    def run(self, subject) -> Iterator[Hit]:
        hit = self.measure(self, subject)
        if hit is not None:
            yield hit


def _twitter_length(check: Metric, subject) -> Hit | None:
    from ..text.twitter import V3, twitter_length

    text = subject.post.text
    limit = int(check.options.max or check.config.limits.twitter)
    config = V3 if limit == V3.max_weighted_length else V3.with_limit(limit)
    count = twitter_length(text, config, urls=subject.view("text").urls)
    if count.weighted_length <= limit:
        return None
    return Hit(count.fits_until, len(text), "text", {
        "value": count.weighted_length, "limit": limit, "over": count.weighted_length - limit})


def _mastodon_length(check: Metric, subject) -> Hit | None:
    from ..text.mastodon import mastodon_length

    post = subject.post
    limit = int(check.options.max or check.config.limits.mastodon)
    count = mastodon_length(post.text, post.spoiler_text, limit=limit)
    if count.length <= limit:
        return None
    if not post.text.strip() and post.spoiler_text:  # the content warning alone is too long
        return Hit(0, len(post.spoiler_text), "spoiler_text",
                   {"value": count.length, "limit": limit, "over": count.length - limit})
    return Hit(count.fits_until, len(post.text), "text", {
        "value": count.length, "limit": limit, "over": count.length - limit})


def _counter(entity: str) -> Callable[[Metric, object], Hit | None]:
    def count(check: Metric, subject) -> Hit | None:
        spans = getattr(subject.view("text"), entity)
        limit = int(check.options.max or 0)
        if len(spans) <= limit:
            return None
        return Hit(spans[limit][0], spans[-1][1], "text", {
            "value": len(spans), "limit": limit, "over": len(spans) - limit})

    return count


def _capitals(check: Metric, subject) -> Hit | None:
    text = subject.post.text
    limit = check.options.max if check.options.max is not None else 0.7
    # Capitals are counted first: most texts have too few to be judged at all.
    upper = len(_UPPER.findall(text))
    if upper <= limit * check.options.min_letters:
        return None
    # Then the other letters, only until there are too many for the capitals to be the most.
    most_letters = upper / limit
    other = 0
    for run in _OTHER_LETTERS.finditer(text):
        other += run.end() - run.start()
        if other >= most_letters:
            return None
    letters = len(_LETTER.findall(text))
    if letters < check.options.min_letters or upper / letters <= limit:
        return None
    first = next(i for i, c in enumerate(text) if c.isalpha())
    last = len(text) - next(i for i, c in enumerate(reversed(text)) if c.isalpha())
    return Hit(first, last, "text", {"value": upper, "limit": limit, "over": letters,
                                     "percent": round(100 * upper / letters)})


def _characters(check: Metric, subject) -> Hit | None:
    post = subject.post
    text = post.text
    options = check.options
    minimum = options.min
    if minimum is not None and not (options.media_counts and post.media):
        # Count only as far as the minimum: an ordinary post stops at its first character.
        needed = max(math.ceil(minimum), 0)
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
