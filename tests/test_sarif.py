"""`--output-format sarif`: a SARIF 2.1.0 log valid against the official schema, for code scanning."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from socialrules.cli import main

from .conftest import SHARED

SCHEMA_PATH = SHARED / "conformance" / "sarif" / "sarif-schema-2.1.0.json"

POSTS = """\
- id: launch
  text: |
    Bonjour {{prenom}} !
    Le simulateur est en ligne. TODO lien
- id: clean
  text: Nouvelle version du simulateur.
- id: party
  text: "🎉 TODO"
"""


@pytest.fixture(scope="module")
def schema() -> dict:
    # Read in place; a missing schema is a failure, never a skip.
    assert SCHEMA_PATH.is_file(), f"the SARIF 2.1.0 schema is missing: {SCHEMA_PATH}"
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def sarif(*args: str) -> tuple[dict, str]:
    result = CliRunner().invoke(main, ["check", "--output-format", "sarif", *args], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output + result.stderr
    return json.loads(result.stdout), result.stdout


@pytest.fixture
def posts_file(in_tmp) -> Path:
    (in_tmp / "posts").mkdir()
    path = in_tmp / "posts" / "launch.posts.yaml"
    path.write_text(POSTS, encoding="utf-8")
    return path


def test_no_findings_lists_every_rule_in_force(in_tmp, schema):
    log, _ = sarif("--text", "Nouvelle version du simulateur.")
    jsonschema.validate(log, schema)
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    run = log["runs"][0]
    assert run["results"] == []
    driver = run["tool"]["driver"]
    assert driver["name"] == "socialrules" and driver["version"] and driver["informationUri"].startswith("https://")
    rules_in_force = json.loads(CliRunner().invoke(main, ["rules", "--output-format", "json"]).stdout)
    assert [r["id"] for r in driver["rules"]] == [r["id"] for r in rules_in_force]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for descriptor, rule in zip(driver["rules"], rules_in_force):
        assert descriptor["defaultConfiguration"]["level"] == levels[rule["severity"]]
        assert descriptor["shortDescription"]["text"] == rule["summary"]
        guideline = descriptor["properties"]["guideline"]
        assert guideline["quote"] in descriptor["help"]["text"]
        assert f"> {guideline['quote']}" in descriptor["help"]["markdown"]
        assert guideline["explanation"]["fr"] and guideline["explanation"]["en"] and guideline["section"]


def test_several_findings_point_where_the_json_output_does(posts_file, schema):
    log, _ = sarif("posts/launch.posts.yaml")
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == posts_file.parent.parent.resolve().as_uri() + "/"
    findings = json.loads(CliRunner().invoke(main, ["check", "--output-format", "json", "posts/launch.posts.yaml"]).stdout)
    assert len(findings) >= 3 and len(run["results"]) == len(findings)
    rules = run["tool"]["driver"]["rules"]
    for result, finding in zip(run["results"], findings):
        assert result["ruleId"] == finding["rule"] == rules[result["ruleIndex"]]["id"]
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[finding["severity"]]
        [location] = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"] == {"uri": "posts/launch.posts.yaml", "uriBaseId": "%SRCROOT%"}
        where = finding["location"]
        assert physical["region"] == {"startLine": where["line"], "startColumn": where["column"],
                                      "endLine": where["end_line"], "endColumn": where["end_column"],
                                      "snippet": {"text": finding["match"]}}
        assert result["properties"]["post"] == finding["post"]
    matches = [(r["properties"]["post"], r["properties"]["match"]) for r in run["results"]]
    assert ("launch", "{{prenom}}") in matches and ("launch", "TODO") in matches and ("party", "TODO") in matches
    # Literal braces are doubled: "{0}" would be a SARIF placeholder.
    prenom = next(r for r in run["results"] if r["properties"]["match"] == "{{prenom}}")
    assert "'{{{{prenom}}}}' looks like a draft" in prenom["message"]["text"]
    assert "\nFix: Fill in or remove" in prenom["message"]["text"]


def test_columns_count_code_points(posts_file):
    # "🎉 TODO": the emoji is one code point (two UTF-16 units), so TODO starts at column 3.
    log, _ = sarif("posts/launch.posts.yaml")
    party = next(r for r in log["runs"][0]["results"] if r["properties"]["post"] == "party")
    region = party["locations"][0]["physicalLocation"]["region"]
    lines = POSTS.splitlines()
    line = next(i for i, text in enumerate(lines, start=1) if "🎉" in text)
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (line, lines[line - 1].index("TODO") + 1,
                                                                                  lines[line - 1].index("TODO") + 5)


def test_a_text_without_a_file_is_an_artifact_named_by_index(in_tmp, schema):
    log, _ = sarif("--text", "TODO {{lien}}", "--text", "Un autre TODO")
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    [artifact] = run["artifacts"]
    assert "<text>" in artifact["description"]["text"] and "location" not in artifact
    for result in run["results"]:
        assert result["locations"][0]["physicalLocation"]["artifactLocation"] == {"index": 0}
    assert [r["properties"]["post"] for r in run["results"]] == [0, 0, 1]


def test_french_messages(posts_file, schema):
    log, _ = sarif("posts/launch.posts.yaml", "--lang", "fr")
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    assert run["language"] == "fr"
    assert all("brouillon inachevé" in r["message"]["text"] for r in run["results"] if r["ruleId"] == "accidental-post")
    assert any("\nCorrection: Complétez ou retirez" in r["message"]["text"] for r in run["results"])
    accidental = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "accidental-post")
    assert accidental["shortDescription"]["text"].startswith("Ressemble à un post parti par erreur")
    assert accidental["properties"]["guideline"]["explanation"]["en"].startswith("The guideline")


def test_two_runs_give_the_same_bytes_and_fingerprints_survive_a_line_shift(posts_file):
    _, first = sarif("posts/launch.posts.yaml")
    _, second = sarif("posts/launch.posts.yaml")
    assert first == second
    before = {r["properties"]["match"] + str(r["properties"]["post"]): r["partialFingerprints"]
              for r in json.loads(first)["runs"][0]["results"]}
    assert len({json.dumps(f) for f in before.values()}) == len(before)  # one fingerprint a finding
    posts_file.write_text("- id: new\n  text: Un post ajouté en tête.\n" + POSTS, encoding="utf-8")
    log, _ = sarif("posts/launch.posts.yaml")
    after = {r["properties"]["match"] + str(r["properties"]["post"]): r["partialFingerprints"]
             for r in log["runs"][0]["results"]}
    assert after == before


def test_a_file_outside_the_current_folder_has_an_absolute_uri(tmp_path, monkeypatch, schema):
    elsewhere = tmp_path / "elsewhere dir"
    elsewhere.mkdir()
    (elsewhere / "brouillon été.txt").write_text("TODO", encoding="utf-8")
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    log, _ = sarif("../elsewhere dir/brouillon été.txt", "--isolated")
    jsonschema.validate(log, schema)
    [result] = log["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": (elsewhere / "brouillon été.txt").resolve().as_uri()}
    assert "%20" in location["uri"] and "%C3%A9" in location["uri"]  # a URI, not an IRI


def test_a_relative_uri_is_percent_encoded(in_tmp):
    (in_tmp / "mes posts").mkdir()
    (in_tmp / "mes posts" / "été #1.txt").write_text("TODO", encoding="utf-8")
    log, _ = sarif("mes posts/été #1.txt")
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "mes%20posts/%C3%A9t%C3%A9%20%231.txt", "uriBaseId": "%SRCROOT%"}


def test_findings_of_rules_the_context_does_not_list_still_get_a_descriptor(in_tmp, schema):
    import socialrules
    from socialrules.reporters import ReportContext, render

    findings = socialrules.check("TODO {{lien}}", platform="mastodon")
    log = json.loads(render("sarif", findings, ReportContext()))
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["accidental-post"]
    assert all(r["ruleIndex"] == 0 for r in run["results"]) and len(run["results"]) == 2
