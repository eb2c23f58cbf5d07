"""`cadence`: posts per week, per platform, against the cadence the team planned
(`[strategy] cadence` in the configuration, as `socialrules init` writes it)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from . import OPTIONS_CONFIG, Check, Hit, OptionsBase, register


@dataclass(slots=True, repr=False, eq=False)  # see OptionsBase
class CadenceOptions(OptionsBase):
    """Options of the `cadence` check kind."""

    __pydantic_config__ = OPTIONS_CONFIG

    tolerance: float = 0.5
    """How far from the plan a week may be: 0.5 allows from half to one and a half times it."""


@register
class Cadence(Check):
    name = "cadence"
    scope = "posts"
    Options = CadenceOptions
    placeholders = frozenset({"week", "count", "planned", "platform", "direction"})

    def run_all(self, subjects) -> Iterator[tuple[int, Hit]]:
        planned = self.config.strategy.cadence
        if not planned:
            return
        weeks: dict[tuple[str, tuple[int, int]], list[int]] = {}
        for position, subject in enumerate(subjects):
            when = subject.post.scheduled_at
            if when is None or (subject.post.thread_position or 1) > 1:
                continue  # a thread counts once
            for platform in subject.platforms:
                if platform in planned:
                    weeks.setdefault((platform, when.isocalendar()[:2]), []).append(position)
        tolerance = self.options.tolerance
        for (platform, (year, week)), positions in sorted(weeks.items()):
            plan = planned[platform]
            positions.sort(key=lambda p: subjects[p].post.scheduled_at)
            most, least = plan * (1 + tolerance), plan * (1 - tolerance)
            values = {"week": f"{year}-W{week:02d}", "count": len(positions), "planned": plan,
                      "platform": platform}
            if len(positions) > most:
                yield positions[int(most)], Hit(0, 0, "scheduled_at", {**values, "direction": "more"})
            elif len(positions) < least:
                yield positions[0], Hit(0, 0, "scheduled_at", {**values, "direction": "fewer"})
