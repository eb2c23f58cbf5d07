"""`suppression`: a suppression (`ignore:` or `# socialrules: ignore[...]`) that silenced nothing:
the rule did not fire on that post, or no such rule is in force. As ruff's RUF100, it keeps
suppressions from outliving the problem they were written for."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from . import OPTIONS_CONFIG, Check, Hit, OptionsBase, register


@dataclass(slots=True, repr=False, eq=False)  # see OptionsBase
class SuppressionOptions(OptionsBase):
    """Options of the `suppression` check kind."""

    __pydantic_config__ = OPTIONS_CONFIG


@register
class Suppression(Check):
    name = "suppression"
    scope = "review"
    Options = SuppressionOptions
    placeholders = frozenset({"rule", "reason"})

    def run(self, subject) -> Iterator[Hit]:
        if (subject.post.thread_position or 1) > 1:
            return  # a thread's suppressions are judged once, on its first part
        for rule, reason in subject.post.suppressions.items():
            # A rule left out of this run (--select) may still need its suppression.
            if rule not in subject.used_suppressions and (rule in subject.rules_in_force or not _known(rule)):
                yield Hit(0, 0, f"ignore[{rule}]", {"rule": rule, "reason": reason})


def _known(rule_id: str) -> bool:
    """A rule that exists but is not selected in this run: its suppression may still be needed."""
    from ..loader import builtin_rules_dir

    return (builtin_rules_dir() / f"{rule_id}.yaml").exists()
