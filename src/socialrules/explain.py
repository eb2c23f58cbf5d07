"""`socialrules explain RULE`: the guideline behind a rule, its options, its examples."""

from __future__ import annotations

import textwrap

from .models import Example, Rule

_TITLES = {
    "en": {"guideline": "Guideline", "check": "Check", "applies": "Applies to", "options": "Options",
           "fail": "Flagged", "pass": "Not flagged", "all": "every post", "file": "Defined in",
           "fix": "Fix", "other": "In French"},
    "fr": {"guideline": "Règle d'usage", "check": "Vérification", "applies": "S'applique à",
           "options": "Options", "fail": "Signalé", "pass": "Non signalé", "all": "tous les posts",
           "file": "Défini dans", "fix": "Correction", "other": "In English"},
}


def explain_rule(rule: Rule, lang: str = "en") -> str:
    titles = _TITLES.get(lang, _TITLES["en"])
    other = "en" if lang == "fr" else "fr"
    guideline = rule.guideline
    lines = [f"{rule.id} ({rule.severity.value}): {rule.summary.get(lang)}", ""]
    lines.append(f"{titles['guideline']}: « {guideline.quote} »")
    lines.append(f"  — {guideline.document}, {guideline.section}" + (f" <{guideline.url}>" if guideline.url else ""))
    lines.extend(_wrap(guideline.explanation.get(lang)))
    lines.append(f"  ({titles['other']}) " + guideline.explanation.get(other))
    if rule.fix:
        lines += ["", f"{titles['fix']}: {rule.fix.get(lang)}"]
    applies = [*(p.value for p in rule.applies_to.platforms), *(k.value for k in rule.applies_to.kinds)]
    lines += ["", f"{titles['check']}: {rule.check}",
              f"{titles['applies']}: {', '.join(applies) or titles['all']}"]
    options = {key: value for key, value in rule.options.items() if key != "entries" and value not in ([], {}, None)}
    if options:
        lines += ["", f"{titles['options']}:"]
        lines += [f"  {key} = {_short(value)}" for key, value in options.items()]
        if "entries" in rule.options:
            lines.append(f"  ({len(rule.options['entries'])} terms)")
    for key, examples in (("fail", rule.examples.fail), ("pass", rule.examples.pass_)):
        if examples:
            lines += ["", f"{titles[key]}:"]
            lines += [f"  - {_example(example)}" for example in examples]
    if rule.path:
        lines += ["", f"{titles['file']}: {rule.path}"]
    return "\n".join(lines)


def _wrap(text: str) -> list[str]:
    return textwrap.wrap(text, width=96, initial_indent="  ", subsequent_indent="  ")


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 100 else text[:97] + "..."


def _example(example: Example) -> str:
    account = getattr(example, "account", None)
    if account is not None:
        parts = [account.handle, account.display_name, account.bio]
        shown = " | ".join(part for part in parts if part)
        return shown if len(shown) <= 160 else shown[:157] + "..."
    if example.posts:
        return " / ".join(repr(entry.text[:60]) for entry in example.posts)
    text = example.text if len(example.text) <= 160 else example.text[:157] + "..."
    context = [f"{name}={value}" for name, value in (
        ("platform", example.platform and example.platform.value),
        ("kind", example.kind.value if example.kind.value != "post" else None),
        ("quoted", example.quoted), ("tool", example.tool)) if value]
    return repr(text) + (f"  [{', '.join(context)}]" if context else "")
