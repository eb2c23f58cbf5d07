"""Reporters: one module per output format, each a ``report(findings, context) -> str``."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from ..models import DataclassMethods

if TYPE_CHECKING:
    from ..models import Finding, Rule

FORMATS = ("text", "concise", "json", "sarif", "github")


@dataclass(frozen=True, slots=True, repr=False, eq=False)  # see DataclassMethods
class ReportContext(DataclassMethods):
    """What a reporter may need besides the findings."""

    rules: Sequence[Rule] = ()
    lang: str = "en"
    color: bool = False
    files_checked: int = 0
    unreadable: int = 0
    """Files that could not be read (reported on standard error): the summary must not say
    that all checks passed."""


def render(output_format: str, findings: Sequence[Finding], context: ReportContext) -> str:
    module = importlib.import_module(f"{__name__}.{output_format}")
    return module.report(findings, context)
