"""`schedule`: when posts are scheduled. `condition: past`, a post due before now (it would go out
at once, or be refused); `condition: collision`, two posts from one account on one platform
within `minutes` of each other."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Literal

from . import OPTIONS_CONFIG, Check, Hit, OptionsBase, register


@dataclass(slots=True, repr=False, eq=False)  # see OptionsBase
class ScheduleOptions(OptionsBase):
    """Options of the `schedule` check kind."""

    __pydantic_config__ = OPTIONS_CONFIG

    condition: Literal["past", "collision"]
    minutes: int = 10
    """collision: posts closer than this, on one account and platform, collide."""


@register
class Schedule(Check):
    name = "schedule"
    scope = "posts"
    Options = ScheduleOptions
    placeholders = frozenset({"when", "now", "other", "minutes_apart", "minutes", "account", "platform"})

    def run_all(self, subjects) -> Iterator[tuple[int, Hit]]:
        timed = [(position, s) for position, s in enumerate(subjects) if s.post.scheduled_at is not None]
        if self.options.condition == "past":
            for position, subject in timed:
                if subject.post.scheduled_at < subject.now:
                    yield position, Hit(0, 0, "scheduled_at", {
                        "when": subject.post.scheduled_at.isoformat(),
                        "now": subject.now.replace(microsecond=0).isoformat()})
            return
        yield from self._collisions(timed)

    def _collisions(self, timed) -> Iterator[tuple[int, Hit]]:
        lanes: dict[tuple[str, str], list[tuple[int, object]]] = {}
        for position, subject in timed:
            for platform in subject.platforms:
                lanes.setdefault(((subject.post.account or "").lower(), platform), []).append((position, subject))
        reported: set[int] = set()
        for (account, platform), lane in sorted(lanes.items()):
            lane.sort(key=lambda item: item[1].post.scheduled_at)
            for (_, before), (position, after) in zip(lane, lane[1:]):
                gap = (after.post.scheduled_at - before.post.scheduled_at).total_seconds() / 60
                if gap < self.options.minutes and position not in reported:
                    reported.add(position)
                    other = before.post.id if before.post.id is not None else "?"
                    yield position, Hit(0, 0, "scheduled_at", {
                        "other": other, "minutes_apart": round(gap), "minutes": self.options.minutes,
                        "account": account or "-", "platform": platform})
