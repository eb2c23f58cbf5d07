"""`--statistics`: a count per rule instead of the findings, as ruff prints it.

text and concise: one line a rule, `count<TAB>rule-id<TAB>summary`, the most frequent first
(ties by rule id), then the summary line; json: an array of {rule, count, severity, summary}.
The other formats have no statistics form.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Sequence

from ..models import Finding
from . import ReportContext
from .text import summary

FORMATS = ("text", "concise", "json")


def counts(findings: Sequence[Finding], context: ReportContext) -> list[dict]:
    """One row a rule that fired: rule, count, severity and summary, the most frequent first."""
    rules = {rule.id: rule for rule in context.rules}
    counter = Counter(finding.rule for finding in findings)
    severities = {finding.rule: finding.severity for finding in findings}
    rows = []
    for rule_id, count in sorted(counter.items(), key=lambda item: (-item[1], item[0])):
        rule = rules.get(rule_id)
        rows.append({"rule": rule_id, "count": count, "severity": str(severities[rule_id]),
                     "summary": rule.summary.get(context.lang) if rule else ""})
    return rows


def report(findings: Sequence[Finding], context: ReportContext, output_format: str = "text") -> str:
    rows = counts(findings, context)
    if output_format == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    count_width = max((len(str(row["count"])) for row in rows), default=1)
    rule_width = max((len(row["rule"]) for row in rows), default=0)
    lines = [f"{row['count']:>{count_width}}\t{row['rule']:<{rule_width}}\t{row['summary']}" for row in rows]
    lines.append(summary(findings, context.lang, context.unreadable))
    return "\n".join(lines) + "\n"
