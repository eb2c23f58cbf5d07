"""`--output-format github`: GitHub Actions workflow commands that annotate the pull request."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from socialrules.cli import main
from socialrules.reporters.github import escape_data, escape_property

COMMAND = re.compile(r"::(?P<command>error|warning|notice)(?: (?P<properties>[^:]*))?::(?P<message>.*)")


def run(*args: str):
    return CliRunner().invoke(main, ["check", *args], catch_exceptions=False)


def unescape(text: str, property: bool = False) -> str:
    """What GitHub's runner does to a command's data and properties (the escapes undone, % last)."""
    if property:
        text = text.replace("%3A", ":").replace("%2C", ",")
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def parse(line: str) -> tuple[str, dict[str, str], str]:
    match = COMMAND.fullmatch(line)
    assert match, line
    properties = dict(item.split("=", 1) for item in (match["properties"] or "").split(",") if item)
    return (match["command"], {k: unescape(v, property=True) for k, v in properties.items()},
            unescape(match["message"]))


def test_a_finding_is_an_annotation_at_its_span(in_tmp):
    (in_tmp / "draft.txt").write_text("Bonjour,\nle lien : TODO\n", encoding="utf-8")
    result = run("draft.txt", "--output-format", "github")
    assert result.exit_code == 1
    assert result.stdout == (
        "::error file=draft.txt,line=2,col=11,endLine=2,endColumn=15,title=accidental-post::"
        "'TODO' looks like a draft left unfinished, not a post meant for readers"
        "%0Afix: Fill in or remove 'TODO' before publishing.\n")


def test_every_finding_round_trips_through_the_runner(in_tmp):
    (in_tmp / "posts").mkdir()
    (in_tmp / "posts" / "week.posts.yaml").write_text(
        "- id: a\n  text: Bonjour %s, TODO\n- id: b\n  text: 'Nouvelle version ! #a #b #c #d #e'\n", encoding="utf-8")
    findings = json.loads(run("posts/week.posts.yaml", "--output-format", "json").stdout)
    lines = run("posts/week.posts.yaml", "--output-format", "github").stdout.splitlines()
    assert len(lines) == len(findings) >= 3
    severities = {"error": "error", "warning": "warning", "info": "notice"}
    for line, finding in zip(lines, findings):
        command, properties, message = parse(line)
        where = finding["location"]
        assert command == severities[finding["severity"]]
        assert properties == {"file": "posts/week.posts.yaml", "line": str(where["line"]), "col": str(where["column"]),
                              "endLine": str(where["end_line"]), "endColumn": str(where["end_column"]),
                              "title": finding["rule"]}
        assert message == finding["message"] + (f"\nfix: {finding['fix']}" if finding["fix"] else "")
    # '%s' is an unfilled placeholder: its % is escaped, as GitHub requires.
    assert any("'%25s' looks like a draft" in line for line in lines)
    assert {parse(line)[0] for line in lines} >= {"error", "warning"}


def test_info_findings_are_notices(in_tmp):
    (in_tmp / "socialrules.toml").write_text('[severity]\nhashtag-overuse = "info"\n', encoding="utf-8")
    result = run("--text", "Nouvelle version ! #a #b #c #d #e", "--output-format", "github")
    assert result.stdout.startswith("::notice title=hashtag-overuse::<text>:1:")


def test_commas_and_colons_in_a_file_name_are_escaped(in_tmp):
    (in_tmp / "brouillon, v2: final.txt").write_text("TODO", encoding="utf-8")
    line = run("brouillon, v2: final.txt", "--output-format", "github").stdout.splitlines()[0]
    assert line.startswith("::error file=brouillon%2C v2%3A final.txt,line=1,col=1,")
    assert parse(line)[1]["file"] == "brouillon, v2: final.txt"


def test_a_draft_without_a_file_names_its_place_in_the_message(in_tmp):
    line = run("--text", "TODO", "--output-format", "github").stdout.splitlines()[0]
    command, properties, message = parse(line)
    assert properties == {"title": "accidental-post"}
    assert message.startswith("<text>:1:1: 'TODO' looks like a draft")


def test_nothing_to_say_prints_nothing(in_tmp):
    result = run("--text", "Nouvelle version du simulateur.", "--output-format", "github")
    assert result.exit_code == 0 and result.stdout == ""


def test_escapes():
    assert escape_data("100% sûr\r\nfin: a, b") == "100%25 sûr%0D%0Afin: a, b"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    for text in ("%0A", "a%2Cb", "50%", "x\ny", "k: v, w"):
        assert unescape(escape_data(text)) == text
        assert unescape(escape_property(text), property=True) == text
