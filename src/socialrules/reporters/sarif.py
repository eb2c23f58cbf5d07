"""SARIF 2.1.0: one run whose driver lists every rule in force, one result a finding.

For code-scanning services (GitHub, GitLab) and SARIF viewers. Paths under the current folder
are relative URIs with ``uriBaseId`` "%SRCROOT%" (the current folder, also given in
``originalUriBaseIds``); others are absolute ``file:`` URIs. Texts that are no file (``--text``,
standard input) are run artifacts without a location, named by ``index``. Our columns count
characters (code points), 1-based, the end column exclusive: SARIF's ``unicodeCodePoints``.
The output is deterministic: the same findings in the same folder give the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, Sequence
from urllib.parse import quote

from .. import __version__
from ..models import Finding, Guideline, Rule, Severity
from . import ReportContext

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/socialrules/"
SRCROOT = "%SRCROOT%"
FINGERPRINT = "socialrules/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_WORDS = {
    "en": {"fix": "Fix", "draft": "a draft given on the command line or standard input"},
    "fr": {"fix": "Correction", "draft": "un brouillon donné en ligne de commande ou sur l'entrée standard"},
}


def report(findings: Sequence[Finding], context: ReportContext) -> str:
    return json.dumps(sarif_log(findings, context), ensure_ascii=False, indent=2) + "\n"


def sarif_log(findings: Sequence[Finding], context: ReportContext) -> dict[str, Any]:
    lang = context.lang if context.lang in _WORDS else "en"
    words = _WORDS[lang]
    rules = list(context.rules)
    known = {rule.id for rule in rules}
    # A finding of a rule the context does not list (a library caller's) still gets a descriptor.
    extra: dict[str, Finding] = {}
    for finding in findings:
        if finding.rule not in known and finding.rule not in extra:
            extra[finding.rule] = finding
    descriptors = [_rule_descriptor(rule, lang) for rule in rules]
    descriptors += [_bare_descriptor(finding, lang) for _, finding in sorted(extra.items())]
    index_of = {descriptor["id"]: i for i, descriptor in enumerate(descriptors)}

    root = Path.cwd().resolve()
    artifacts: list[dict[str, Any]] = []
    artifact_index: dict[str, int] = {}
    seen: dict[str, int] = {}
    results = []
    for finding in findings:
        where = finding.location
        path = where.path
        if _is_file(path):
            artifact_location = _artifact_location(path, root)
        else:
            name = path or "<text>"
            if name not in artifact_index:
                artifact_index[name] = len(artifacts)
                artifacts.append({"description": {"text": f"{name}: {words['draft']}"}})
            artifact_location = {"index": artifact_index[name]}
        region = {"startLine": where.line, "startColumn": where.column,
                  "endLine": where.end_line, "endColumn": where.end_column,
                  "snippet": {"text": finding.match}}
        message = finding.message + (f"\n{words['fix']}: {finding.fix}" if finding.fix else "")
        key = "\0".join(str(part) for part in (
            finding.rule, artifact_location.get("uri", path or ""), finding.post, finding.field,
            finding.platform or "", finding.match))
        occurrence = seen[key] = seen.get(key, 0) + 1  # the same text twice in one post
        digest = hashlib.sha256(f"{key}\0{occurrence}".encode("utf-8", "surrogatepass")).hexdigest()
        properties: dict[str, Any] = {"match": finding.match, "field": finding.field}
        if finding.post is not None:
            properties["post"] = finding.post
        if finding.platform is not None:
            properties["platform"] = str(finding.platform)
        if finding.fix:
            properties["fix"] = finding.fix
        results.append({
            "ruleId": finding.rule,
            "ruleIndex": index_of[finding.rule],
            "level": LEVELS[finding.severity],
            "message": {"text": _escape_braces(message)},
            "locations": [{"physicalLocation": {"artifactLocation": artifact_location, "region": region}}],
            "partialFingerprints": {FINGERPRINT: digest[:32]},
            "properties": properties,
        })

    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "socialrules",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": INFORMATION_URI,
            "rules": descriptors,
        }},
        "language": lang,
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {SRCROOT: {"uri": root.as_uri().rstrip("/") + "/"}},
    }
    if artifacts:
        run["artifacts"] = artifacts
    run["results"] = results
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _is_file(path: str | None) -> bool:
    # "<text>" and "<stdin>" name texts that are no file.
    return bool(path) and not (path.startswith("<") and path.endswith(">"))


def _artifact_location(path: str, root: Path) -> dict[str, Any]:
    absolute = Path(os.path.abspath(path))
    try:
        absolute = absolute.resolve()
    except OSError:
        pass
    try:
        relative = absolute.relative_to(root)
    except ValueError:
        return {"uri": absolute.as_uri()}  # outside the current folder: absolute, no base
    # SARIF URIs are URIs, not IRIs: percent-encode spaces, accents, '#', '%', ...
    return {"uri": quote(relative.as_posix(), safe="/"), "uriBaseId": SRCROOT}


def _escape_braces(text: str) -> str:
    # In SARIF message strings "{n}" is a placeholder; literal braces are doubled (§3.11.5).
    return text.replace("{", "{{").replace("}", "}}")


def _guideline_texts(guideline: Guideline, lang: str) -> tuple[str, str]:
    """The guideline as plain text and as Markdown."""
    explanation = guideline.explanation.get(lang)
    source = f"{guideline.document}, {guideline.section}"
    text = f"« {guideline.quote} » ({source})\n\n{explanation}"
    markdown = f"> {guideline.quote}\n\n— *{source}*\n\n{explanation}"
    if guideline.url:
        text += f"\n\n{guideline.url}"
        markdown += f"\n\n<{guideline.url}>"
    return text, markdown


def _guideline_properties(guideline: Guideline) -> dict[str, Any]:
    data = {"quote": guideline.quote, "section": guideline.section, "document": guideline.document,
            "explanation": {"fr": guideline.explanation.fr, "en": guideline.explanation.en}}
    if guideline.url:
        data["url"] = guideline.url
    return data


def _rule_descriptor(rule: Rule, lang: str) -> dict[str, Any]:
    # The rule's fix is a template ("remove {match}"): it goes, filled in, with each result.
    text, markdown = _guideline_texts(rule.guideline, lang)
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": _pascal(rule.id),
        "shortDescription": {"text": rule.summary.get(lang)},
        "fullDescription": {"text": f"{rule.summary.get(lang)}. {rule.guideline.explanation.get(lang)}"},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {
            "guideline": _guideline_properties(rule.guideline),
            "summary": {"fr": rule.summary.fr, "en": rule.summary.en},
            "check": rule.check,
        },
    }
    if rule.guideline.url:
        descriptor["helpUri"] = rule.guideline.url
    return descriptor


def _bare_descriptor(finding: Finding, lang: str) -> dict[str, Any]:
    text, markdown = _guideline_texts(finding.guideline, lang)
    return {
        "id": finding.rule,
        "name": _pascal(finding.rule),
        "shortDescription": {"text": finding.guideline.explanation.get(lang)},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {"level": LEVELS[finding.severity]},
        "properties": {"guideline": _guideline_properties(finding.guideline)},
    }


def _pascal(rule_id: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in rule_id.replace("_", "-").split("-"))
