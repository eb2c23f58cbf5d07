"""Rule files: what a malformed one says, and user rule folders."""

from __future__ import annotations

import textwrap

import pytest
from click.testing import CliRunner

from socialrules import Linter, SocialrulesError
from socialrules.cli import main
from socialrules.loader import load_rule_file, load_rules

GOOD = textwrap.dedent("""\
    check: lexicon
    severity: warning
    summary: {en: slang, fr: argot}
    message: {en: "slang: {match}", fr: "argot : {match}"}
    options:
      terms:
        slang: {terms: [lol, mdr]}
    guideline:
      quote: "On peut être impertinent, pas agressif."
      section: Règles / Twitter
      explanation: {en: why, fr: pourquoi}
    examples:
      fail: [{text: mdr}]
      pass: [{text: bonjour}]
    """)


def write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("change", "line", "expected"), [
    (("severity: warning", "severity: fatal"), 2, "severity: Input should be 'error', 'warning' or 'info'"),
    (("check: lexicon", "check: sentiment"), 1, "unknown check kind 'sentiment'"),
    (("summary:", "sumary:"), 3, "sumary: unknown key"),
    (("slang: {terms: [lol, mdr]}", "slang: {terms: [lol, mdr], wieght: 2}"), 7, "wieght: unknown key"),
    (('"slang: {match}"', '"slang: {word}"'), 4, "unknown placeholder {word}"),
    (("  terms:", "  term:"), 6, "term: unknown key"),
    (("explanation: {en: why, fr: pourquoi}", "explanation: {en: why"), 12, "invalid YAML"),
    (("pass: [{text: bonjour}]", "pass: [{text: bonjour, platform: myspace}]"), 14, "platform"),
])
def test_malformed_rule_names_file_line_and_problem(tmp_path, change, line, expected):
    path = write(tmp_path, "my-rule.yaml", GOOD.replace(*change))
    with pytest.raises(SocialrulesError) as raised:
        load_rule_file(path)
    assert raised.value.path == str(path)
    assert raised.value.line == line, str(raised.value)
    assert expected in str(raised.value)


def test_bad_pattern_is_reported_at_the_options(tmp_path):
    text = GOOD.replace("check: lexicon", "check: pattern").replace(
        "  terms:\n    slang: {terms: [lol, mdr]}\n", "  pattern: '(unclosed'\n")
    with pytest.raises(SocialrulesError, match="invalid pattern") as raised:
        load_rule_file(write(tmp_path, "my-rule.yaml", text))
    assert raised.value.line == 6


@pytest.mark.parametrize(("option", "expected"), [
    ("clause_words: 0", "`clause_words` counts words: 1 or more"),
    ("min_words: -2", "`min_words` counts words: 1 or more"),
    ("similarity: 1.5", "`similarity` is a share of words"),
    ("similarity: 0", "`similarity` is a share of words"),
])
def test_duplicate_options_out_of_range_are_reported_at_the_options(tmp_path, option, expected):
    text = GOOD.replace("check: lexicon", "check: duplicate").replace(
        "  terms:\n    slang: {terms: [lol, mdr]}\n", f"  {option}\n").replace('"slang: {match}"', '"copy"')
    with pytest.raises(SocialrulesError, match=expected) as raised:
        load_rule_file(write(tmp_path, "my-rule.yaml", text))
    assert raised.value.line == 6


def test_file_name_is_the_id(tmp_path):
    with pytest.raises(SocialrulesError, match="not a kebab-case rule id"):
        load_rule_file(write(tmp_path, "My_Rule.yaml", GOOD))
    with pytest.raises(SocialrulesError, match="differs from the file name"):
        load_rule_file(write(tmp_path, "my-rule.yaml", "id: other\n" + GOOD))


def test_user_rule_folder_from_config(in_tmp):
    (in_tmp / "rules").mkdir()
    write(in_tmp / "rules", "no-slang.yaml", GOOD)
    write(in_tmp, "socialrules.toml", 'rule-dirs = ["rules"]\n')
    linter = Linter.from_config()
    assert "no-slang" in [rule.id for rule in linter.rules]
    [finding] = linter.check("mdr", platform="twitter")
    assert finding.rule == "no-slang"


def test_a_user_rule_replaces_a_builtin_of_the_same_id(tmp_path):
    write(tmp_path, "accidental-post.yaml", GOOD)
    from socialrules.loader import builtin_rules_dir

    rules = {rule.id: rule for rule in load_rules([builtin_rules_dir(), tmp_path])}
    assert rules["accidental-post"].check == "lexicon"


def test_cli_reports_a_bad_rule_folder_with_status_2(in_tmp):
    (in_tmp / "rules").mkdir()
    write(in_tmp / "rules", "broken.yaml", GOOD.replace("severity: warning", "severity: [x"))
    write(in_tmp, "socialrules.toml", 'rule-dirs = ["rules"]\n')
    result = CliRunner().invoke(main, ["check", "--text", "hello"])
    assert result.exit_code == 2
    assert "broken.yaml:3:8: invalid YAML" in result.stderr and "Traceback" not in result.stderr


def test_missing_rule_folder(in_tmp):
    write(in_tmp, "socialrules.toml", 'rule-dirs = ["nowhere"]\n')
    result = CliRunner().invoke(main, ["check", "--text", "hello"])
    assert result.exit_code == 2 and "rule folder not found" in result.stderr


def test_lexicon_file_without_origin_is_refused(tmp_path):
    write(tmp_path, "words.yaml", "language: fr\ncategories:\n  slang: {terms: [mdr]}\n")
    text = GOOD.replace("  terms:\n    slang: {terms: [lol, mdr]}\n", "  lexicons: [words.yaml]\n")
    with pytest.raises(SocialrulesError, match="origin"):
        load_rule_file(write(tmp_path, "my-rule.yaml", text))


def test_edited_rule_is_read_again_despite_the_cache(tmp_path):
    path = write(tmp_path, "my-rule.yaml", GOOD)
    assert load_rules([tmp_path])[0].severity == "warning"
    path.write_text(GOOD.replace("severity: warning", "severity: error  "), encoding="utf-8")
    assert load_rules([tmp_path])[0].severity == "error"
