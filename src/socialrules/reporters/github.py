"""GitHub Actions workflow commands: one annotation a finding, on the pull request's diff.

    ::error file=posts/launch.posts.yaml,line=3,col=9,endLine=3,endColumn=19,title=accidental-post::message

error, warning or notice after the finding's severity. Escaping as GitHub's runner undoes it:
in the message, % CR LF become %25 %0D %0A; in a property, also : and , become %3A and %2C.
A finding without a file (``--text``, standard input) names its place in the message instead.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Sequence

from ..models import Finding, Severity
from . import ReportContext

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_FIX = {"en": "fix", "fr": "correction"}


def report(findings: Sequence[Finding], context: ReportContext) -> str:
    root = Path.cwd().resolve()
    fix_word = _FIX.get(context.lang, _FIX["en"])
    lines = []
    for finding in findings:
        where = finding.location
        message = finding.message + (f"\n{fix_word}: {finding.fix}" if finding.fix else "")
        properties = []
        if where.path and not (where.path.startswith("<") and where.path.endswith(">")):
            properties += [("file", _shown_path(where.path, root)), ("line", where.line), ("col", where.column),
                           ("endLine", where.end_line), ("endColumn", where.end_column)]
        else:
            message = f"{where.path or '<text>'}:{where.line}:{where.column}: {message}"
        properties.append(("title", finding.rule))
        fields = ",".join(f"{name}={escape_property(str(value))}" for name, value in properties)
        lines.append(f"::{COMMANDS[finding.severity]} {fields}::{escape_data(message)}")
    return "".join(line + "\n" for line in lines)


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _shown_path(path: str, root: Path) -> str:
    """The path from the current folder (the workspace in a job), with forward slashes."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        try:
            return absolute.resolve().relative_to(root).as_posix()
        except (ValueError, OSError):
            return absolute.as_posix()
