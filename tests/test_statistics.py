"""`check --statistics`: a count per rule instead of the findings, as ruff prints it."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from socialrules.cli import main

POSTS = """\
- text: TODO
- text: "Bonjour {{prenom}}, TODO"
- text: "Nouvelle version ! #a #b #c #d #e"
"""


def run(*args: str):
    return CliRunner().invoke(main, ["check", "week.posts.yaml", "--statistics", *args])


@pytest.fixture
def posts(in_tmp):
    (in_tmp / "week.posts.yaml").write_text(POSTS, encoding="utf-8")
    return in_tmp


@pytest.mark.parametrize("output_format", ["text", "concise"])
def test_counts_replace_the_findings(posts, output_format):
    result = run("--output-format", output_format)
    assert result.exit_code == 1  # the exit status still says there are findings
    assert result.stdout.splitlines() == [
        "3\taccidental-post\tLooks like an accidental post (unfilled placeholder, TODO, lorem ipsum, test)",
        "1\thashtag-overuse\t" + _summary("hashtag-overuse"),
        "Found 4 problems (3 errors, 1 warning).",
    ]


def test_columns_line_up_and_the_most_frequent_comes_first(posts):
    (posts / "week.posts.yaml").write_text(POSTS + "".join(f"- text: TODO {i}\n" for i in range(9)), encoding="utf-8")
    lines = run().stdout.splitlines()
    assert lines[0].startswith("12\taccidental-post\t")
    assert lines[1].startswith(" 1\thashtag-overuse\t")


def test_json(posts):
    result = run("--output-format", "json", "--lang", "fr")
    assert json.loads(result.stdout) == [
        {"rule": "accidental-post", "count": 3, "severity": "error",
         "summary": "Ressemble à un post parti par erreur (modèle non rempli, TODO, lorem ipsum, test)"},
        {"rule": "hashtag-overuse", "count": 1, "severity": "warning", "summary": _summary("hashtag-overuse", "fr")},
    ]


def test_nothing_found(in_tmp):
    result = CliRunner().invoke(main, ["check", "--text", "Nouvelle version du simulateur.", "--statistics"])
    assert result.exit_code == 0 and result.stdout == "All checks passed!\n"


@pytest.mark.parametrize("output_format", ["sarif", "github"])
def test_other_formats_have_no_statistics(posts, output_format):
    result = run("--output-format", output_format)
    assert result.exit_code == 2
    assert "--statistics works with the text, concise and json formats" in result.stderr


def _summary(rule_id: str, lang: str = "en") -> str:
    rows = json.loads(CliRunner().invoke(main, ["rules", "--output-format", "json", "--lang", lang]).stdout)
    return next(row["summary"] for row in rows if row["id"] == rule_id)
