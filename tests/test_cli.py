"""The command line: inputs, outputs, exit statuses, errors."""

from __future__ import annotations

import json

import jsonschema
import pytest
from click.testing import CliRunner

from socialrules.cli import main

from .conftest import ROOT


def run(*args: str, input: bytes | str | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_check_text_reports_where_what_why_and_fix(in_tmp):
    result = run("check", "--text", "Bonjour {{prenom}} !", "--platform", "mastodon")
    assert result.exit_code == 1
    first, why, fix = result.output.splitlines()[:3]
    assert first.startswith("<text>:1:9: accidental-post ")
    assert "« Cela permet d'éviter de partager le mot de passe" in why
    assert fix.strip().startswith("fix:")
    assert result.output.splitlines()[-1] == "Found 1 problem (1 error)."


def test_clean_draft_exits_zero(in_tmp):
    result = run("check", "--text", "Nouvelle version du simulateur ! https://example.gouv.fr/simulateur #ServicePublic")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "All checks passed!"


def test_stdin_and_files(in_tmp):
    (in_tmp / "draft.txt").write_text("Ligne un\nLorem ipsum dolor\n", encoding="utf-8")
    result = run("check", "draft.txt", "-", "--output-format", "concise", input="test\n")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == "<stdin>:1:1: accidental-post [error] 'test' looks like a draft left unfinished, not a post meant for readers"
    assert lines[1].startswith("draft.txt:2:1: accidental-post [error]")


def test_json_output_matches_the_published_schema(in_tmp):
    result = run("check", "--text", "TODO {{lien}}", "--output-format", "json", "--lang", "fr")
    data = json.loads(result.output)
    schema = json.loads((ROOT / "schemas" / "findings.schema.json").read_text())
    jsonschema.validate(data, schema)
    assert [f["match"] for f in data] == ["TODO", "{{lien}}"]
    finding = data[0]
    assert finding["location"] == {"path": "<text>", "line": 1, "column": 1, "end_line": 1, "end_column": 5}
    assert finding["severity"] == "error" and finding["post"] == 0
    assert finding["guideline"]["explanation"]["fr"] and finding["guideline"]["explanation"]["en"]
    assert finding["message"].startswith("« TODO »")


def test_published_schema_is_up_to_date():
    from socialrules.schemas import SCHEMAS, dump

    for name, build in SCHEMAS.items():
        assert (ROOT / "schemas" / name).read_text() == dump(build()), (
            f"regenerate with: python -m socialrules.schemas schemas/ ({name})")


@pytest.mark.parametrize(("fail_on", "code"), [("error", 0), ("warning", 1), ("never", 0)])
def test_fail_on(in_tmp, fail_on, code):
    text = "Nouvelle version ! #ServicePublic #Numérique #Innovation #GovTech"  # a warning only
    assert run("check", "--text", text, "--fail-on", fail_on).exit_code == code


def test_select_and_ignore(in_tmp):
    text = "TODO #a #b #c #d #e"
    selected = run("check", "--text", text, "--select", "hashtag-*", "--output-format", "json")
    assert {f["rule"] for f in json.loads(selected.output)} == {"hashtag-overuse"}
    ignored = run("check", "--text", text, "--ignore", "hashtag-overuse,accidental-post")
    assert ignored.exit_code == 0


def test_config_is_discovered_and_can_be_turned_off(in_tmp):
    (in_tmp / "socialrules.toml").write_text('ignore = ["accidental-post"]\n')
    assert run("check", "--text", "TODO").exit_code == 0
    assert run("check", "--text", "TODO", "--isolated").exit_code == 1


def test_output_file(in_tmp):
    result = run("check", "--text", "TODO", "--output", "report.json", "--output-format", "json")
    assert result.exit_code == 1 and result.output == ""
    assert json.loads((in_tmp / "report.json").read_text())[0]["rule"] == "accidental-post"


def test_french_messages(in_tmp):
    result = run("check", "--text", "TODO", "--lang", "fr")
    assert "ressemble à un brouillon inachevé" in result.output
    assert "pourquoi:" in result.output and result.output.strip().endswith("1 problème (1 erreur).")


@pytest.mark.parametrize(("args", "message"), [
    (["check", "missing.txt"], "missing.txt: no such file"),
    (["check", "folder"], "folder: is a folder"),
    (["check", "bad.txt"], "bad.txt:2:4: invalid UTF-8"),
    (["check", "nul.txt"], "nul.txt:1:3: NUL byte"),
    (["check", "--text", "x", "--config", "nope.toml"], "configuration file not found"),
    (["explain", "no-such-rule"], "no rule 'no-such-rule'"),
])
def test_bad_input_is_a_clear_error_with_status_2(in_tmp, args, message):
    (in_tmp / "folder").mkdir()
    (in_tmp / "bad.txt").write_bytes(b"ok\nabc\xff\n")
    (in_tmp / "nul.txt").write_bytes(b"ab\x00cd")
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_other_files_are_still_checked_when_one_is_bad(in_tmp):
    (in_tmp / "good.txt").write_text("TODO")
    result = CliRunner().invoke(main, ["check", "missing.txt", "good.txt", "--output-format", "concise"])
    assert result.exit_code == 2
    assert "good.txt:1:1: accidental-post" in result.stdout


def test_usage_errors(in_tmp):
    assert run("check").exit_code == 2
    assert run("check", "--platform", "facebook", "--text", "x").exit_code == 2


def test_rules_lists_every_rule(in_tmp):
    result = run("rules")
    assert result.exit_code == 0
    ids = [line.split()[0] for line in result.output.splitlines()]
    assert "twitter-length" in ids and "mastodon-length" in ids and ids == sorted(ids)
    data = json.loads(run("rules", "--output-format", "json").output)
    assert {row["id"] for row in data} == set(ids)


def test_explain_shows_guideline_options_and_examples(in_tmp):
    result = run("explain", "twitter-length")
    assert result.exit_code == 0
    assert "« Toutes les publications passent par Tweetdeck. »" in result.output
    assert "measure = 'twitter_length'" in result.output
    assert "Flagged:" in result.output and "Not flagged:" in result.output


def test_version():
    from socialrules import __version__

    assert run("--version").output.strip().endswith(__version__)


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.one_of(st.binary(max_size=400), st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_any_file_content_gives_findings_or_a_clear_error(tmp_path, content):
    path = tmp_path / "draft.txt"
    path.write_bytes(content)
    result = CliRunner().invoke(main, ["check", "--isolated", str(path), "--output-format", "json"])
    assert result.exit_code in (0, 1, 2)
    if result.exit_code == 2:
        assert result.stderr.startswith(f"socialrules: error: {path}:") and "internal error" not in result.stderr
    else:
        assert isinstance(json.loads(result.stdout), list)
    assert path.read_bytes() == content  # never changed


def test_text_argument_with_bytes_that_are_not_utf8(in_tmp):
    # On a POSIX system such bytes reach Python's argv as lone surrogates.
    result = CliRunner().invoke(main, ["check", "--text", "bonjour \udcff"])
    assert result.exit_code == 2
    assert "--text: invalid UTF-8 at character 9" in result.stderr
