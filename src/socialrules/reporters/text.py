"""The default output, in the style of ruff: `path:line:col: rule message`, then why and how."""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from ..models import Finding, Severity
from . import ReportContext

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}
_WORDS = {
    "en": {"why": "why", "fix": "fix", "none": "All checks passed!",
           "unreadable": "{count} problem(s) found; {files} file(s) could not be read (see above).",
           "found": "Found {count} {problems} ({detail}).", "problem": "problem", "problems": "problems",
           Severity.ERROR: ("error", "errors"), Severity.WARNING: ("warning", "warnings"),
           Severity.INFO: ("info", "infos")},
    "fr": {"why": "pourquoi", "fix": "correction", "none": "Aucun problème trouvé.",
           "unreadable": "{count} problème(s) trouvé(s) ; {files} fichier(s) illisible(s) (voir plus haut).",
           "found": "{count} {problems} ({detail}).", "problem": "problème", "problems": "problèmes",
           Severity.ERROR: ("erreur", "erreurs"), Severity.WARNING: ("avertissement", "avertissements"),
           Severity.INFO: ("info", "infos")},
}


def _style(text: str, color: bool, **style) -> str:
    if not color:
        return text
    import click

    return click.style(text, **style)


def location(finding: Finding) -> str:
    where = finding.location
    return f"{where.path or '<text>'}:{where.line}:{where.column}"


def report(findings: Sequence[Finding], context: ReportContext) -> str:
    words = _WORDS.get(context.lang, _WORDS["en"])
    color = context.color
    lines = []
    for finding in findings:
        guideline = finding.guideline
        rule = _style(finding.rule, color, fg=_COLORS[finding.severity], bold=True)
        lines.append(f"{_style(location(finding), color, bold=True)}: {rule} {finding.message}")
        why = f"« {guideline.quote} » ({guideline.section}) {guideline.explanation.get(context.lang)}"
        lines.append(f"  {_style(words['why'], color, dim=True)}: {why}")
        if finding.fix:
            lines.append(f"  {_style(words['fix'], color, fg='green')}: {finding.fix}")
    lines.append(summary(findings, context.lang, context.unreadable))
    return "\n".join(lines) + "\n"


def summary(findings: Sequence[Finding], lang: str, unreadable: int = 0) -> str:
    words = _WORDS.get(lang, _WORDS["en"])
    if unreadable:
        return words["unreadable"].format(count=len(findings), files=unreadable)
    if not findings:
        return words["none"]
    counts = Counter(finding.severity for finding in findings)
    detail = ", ".join(
        f"{counts[severity]} {words[severity][counts[severity] != 1]}"
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO) if counts[severity])
    problems = words["problem"] if len(findings) == 1 else words["problems"]
    return words["found"].format(count=len(findings), problems=problems, detail=detail)
