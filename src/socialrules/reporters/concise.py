"""One line a finding: `path:line:col: rule [severity] message`."""

from __future__ import annotations

from typing import Sequence

from ..models import Finding
from . import ReportContext
from .text import location, summary


def report(findings: Sequence[Finding], context: ReportContext) -> str:
    lines = [f"{location(f)}: {f.rule} [{f.severity}] {f.message}" for f in findings]
    lines.append(summary(findings, context.lang, context.unreadable))
    return "\n".join(lines) + "\n"
