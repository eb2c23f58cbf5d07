"""Every built-in rule, run on its own examples; and what every rule file must carry."""

from __future__ import annotations

import re

import pytest

from socialrules.engine import Linter, Subject
from socialrules.loader import builtin_rules_dir, load_rules
from socialrules.models import Config, Rule

from .conftest import GUIDELINE

RULES = load_rules([builtin_rules_dir()])
FAILING = [pytest.param(rule, example, id=f"{rule.id}-fail-{i}")
           for rule in RULES for i, example in enumerate(rule.examples.fail)]
PASSING = [pytest.param(rule, example, id=f"{rule.id}-pass-{i}")
           for rule in RULES for i, example in enumerate(rule.examples.pass_)]


_LINTERS: dict = {}


def _findings(rule: Rule, example):
    # Every built-in rule runs (some rules, as unused-suppression, depend on the others); the
    # example is judged on the findings of its own rule.
    profile = {"team": rule.examples.team, "strategy": rule.examples.strategy}
    key = repr(profile)
    if key not in _LINTERS:
        _LINTERS[key] = Linter(RULES, Config(**{k: v for k, v in profile.items() if v}), lang="en")
    linter = _LINTERS[key]
    # An example that is an account (a follow list's) is judged by the rules that judge accounts.
    if example.account is not None:
        return [f for f in linter.check_accounts(example.to_accounts()) if f.rule == rule.id]
    return [f for f in linter.check_posts(example.to_posts()) if f.rule == rule.id]


@pytest.mark.parametrize(("rule", "example"), FAILING)
def test_failing_example_is_flagged(rule, example):
    findings = _findings(rule, example)
    assert findings, f"{rule.id} did not flag: {example.account or example.text!r}"
    if example.match is not None:
        pointed = [_pointed_at(example, f) for f in findings]
        assert example.match in pointed, pointed


def _pointed_at(example, finding) -> str:
    """The text a finding's span covers (its `match` may show it otherwise: a secret, masked)."""
    if example.account is not None:
        return finding.match
    posts = example.to_posts()
    post = next(p for i, p in enumerate(posts) if (p.id if p.id is not None else i) == finding.post)
    return Subject(post, (), Config()).field_text(finding.field)[finding.start:finding.end]


@pytest.mark.parametrize(("rule", "example"), PASSING)
def test_passing_example_is_not_flagged(rule, example):
    findings = _findings(rule, example)
    assert not findings, [(f.match, f.message) for f in findings]


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_rule_carries_examples_and_a_real_guideline_quote(rule):
    assert rule.examples.fail, "a rule needs failing examples"
    assert rule.examples.pass_, "a rule needs passing examples"
    assert _squeeze(rule.guideline.quote) in _squeeze(GUIDELINE.read_text(encoding="utf-8")), (
        "the quoted sentence is not in the guideline")
    assert rule.guideline.explanation.fr and rule.guideline.explanation.en
    assert rule.summary.fr and rule.summary.en and "\n" not in rule.summary.en


def test_builtin_rules_cover_every_check_kind_shipped():
    from socialrules.checks import known_kinds

    assert set(known_kinds()) <= {rule.check for rule in RULES}
