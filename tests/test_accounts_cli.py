"""`socialrules check` on follow lists: the formats people have, --accounts joins, statistics per
rule and per cue, and bad input as a message with file and line, exit 2, never a traceback."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from socialrules.cli import main

from .conftest import ROOT

SAMPLES = ROOT / "tests" / "samples"
TEAM = """[team]
names = ["Mes Aides"]
accounts = ["@mesaides", "@mesaides@social.numerique.gouv.fr"]
allies = ["@betagouv", "*.gouv.fr", "*@social.numerique.gouv.fr"]
"""


@pytest.fixture
def folder(in_tmp):
    for name in ("following_accounts.csv", "mastodon_accounts.json", "following.js", "twitter_users.json",
                 "accounts.csv"):
        shutil.copy(SAMPLES / name, in_tmp / name)
    (in_tmp / "socialrules.toml").write_text(TEAM, encoding="utf-8")
    return in_tmp


def run(*args):
    result = CliRunner().invoke(main, ["check", "--output-format", "concise", *args])
    assert "Traceback" not in result.output + result.stderr
    return result


def lines(result):
    return [line for line in result.output.splitlines() if ": " in line and "[" in line]


def test_a_mastodon_export_alone_reports_the_accounts_it_cannot_judge(folder):
    result = run("following_accounts.csv")
    assert result.exit_code == 1
    assert "following_accounts.csv:4:1: lookalike-account [warning] @mesaides@mastodon.social imitates" in result.output
    unassessed = [line for line in lines(result) if "unassessed-account" in line]
    assert [line.split(":")[1] for line in unassessed] == ["3", "4", "5", "6"]  # the ally (line 2) is not
    assert "Found 5 problems (1 warning, 4 infos)." in result.output


def test_accounts_join_profiles_to_the_export(folder):
    result = run("following_accounts.csv", "--accounts", "mastodon_accounts.json")
    assert lines(result) == [
        "following_accounts.csv:3:1: influencer-follow [warning] @claire_lemarchand@journa.host looks like a "
        "journalist or a media outlet, not a member or ally of the ecosystem: press words in the profile: "
        "'Journaliste', 'service Société'; a media outlet's site or instance (journa.host); 48,200 followers "
        "(threshold 10,000); 25 followers per account followed (threshold 20)",
        "following_accounts.csv:4:1: lookalike-account [warning] @mesaides@mastodon.social imitates the team's "
        "@mesaides@social.numerique.gouv.fr (the same name on another instance: mastodon.social)",
        "following_accounts.csv:6:1: unassessed-account [info] @someone@mastodon.social was not assessed: the "
        "list gives only its handle, no profile to judge",
    ]


def test_a_twitter_archive_joined_by_id_to_the_users_file(folder):
    result = run("following.js", "--accounts", "twitter_users.json")
    assert [line.split(" [")[0] for line in lines(result)] == [
        "following.js:2:3: influencer-follow", "following.js:14:3: unassessed-account"]
    assert "only its id (1003)" in result.output  # the id the users file reports as not found


def test_statistics_count_per_rule_and_per_cue(folder):
    result = CliRunner().invoke(main, ["check", "following.js", "--accounts", "twitter_users.json",
                                       "following_accounts.csv", "--accounts", "mastodon_accounts.json",
                                       "accounts.csv", "--statistics"])
    out = result.output.splitlines()
    assert out[0].split("\t")[:2] == ["3", "influencer-follow "]
    assert "3\t  influencer-follow: audience" in out
    assert "1\t  lookalike-account: other-instance" in out and "1\t  lookalike-account: added-words" in out
    assert "2\t  unassessed-account: handle-only" in out and "1\t  unassessed-account: id-only" in out
    assert out[-1] == "Found 8 problems (5 warnings, 3 infos)."
    as_json = CliRunner().invoke(main, ["check", "following_accounts.csv", "--accounts", "mastodon_accounts.json",
                                        "--statistics", "--output-format", "json"])
    rows = {row["rule"]: row for row in json.loads(as_json.output)}
    assert rows["influencer-follow"]["cues"] == {"audience": 1, "media-link": 1, "ratio": 1, "words:press": 1}
    assert rows["lookalike-account"]["count"] == 1


def test_json_output_places_each_account(folder):
    result = CliRunner().invoke(main, ["check", "accounts.csv", "--output-format", "json"])
    findings = json.loads(result.output)
    assert [(f["rule"], f["location"]["line"], f["post"]) for f in findings] == [
        ("lookalike-account", 2, "@mes_aides_officiel"), ("influencer-follow", 3, "@jdupont"),
        ("unassessed-account", 5, "@paul_dev")]


def test_duplicates_are_a_warning_and_judged_once(folder):
    (folder / "dup.csv").write_text("Account address,Show boosts\nx@y.org,true\nX@Y.org,true\n", encoding="utf-8")
    result = run("dup.csv")
    assert result.exit_code == 1
    assert "socialrules: warning: dup.csv:3: @X@Y.org is listed again (first at dup.csv:2); judged once" in result.stderr
    assert len(lines(result)) == 1


@pytest.mark.parametrize(("name", "text", "message"), [
    ("follows.csv", "Compte,Nom\n@x,X\n", "follows.csv:1:1: a CSV file in no layout known here"),
    ("profiles.json", '[{"id": "1", "username": "a", "acct": "a@b.c"},\n {"id": "2", "acct": ',
     "profiles.json:2:22: invalid JSON: Expecting value (is the file cut short?)"),
    ("notes.js", "var notes = [];\n", "notes.js:1:1: not a file of a Twitter archive"),
    ("following_accounts.csv", "Account address,Show boosts\nnot an address,true\n",
     "following_accounts.csv:2:1: 'not an address' is not an account address"),
])
def test_bad_input_says_file_and_line_and_exits_2(folder, name, text, message):
    (folder / name).write_text(text, encoding="utf-8")
    result = run(name)
    assert result.exit_code == 2
    assert f"socialrules: error: {message}" in result.stderr


def test_accounts_needs_a_follow_list_and_takes_only_profiles(folder):
    result = run("--text", "Bonjour", "--accounts", "mastodon_accounts.json")
    assert result.exit_code == 2 and "--accounts joins profiles to a follow list" in result.output + result.stderr
    (folder / "posts.json").write_text('[{"text": "Bonjour"}]', encoding="utf-8")
    result = run("following_accounts.csv", "--accounts", "posts.json")
    assert result.exit_code == 2
    assert "posts.json: --accounts takes profiles" in result.stderr
    result = run("following_accounts.csv", "--accounts", "missing.json")
    assert result.exit_code == 2 and "missing.json: no such file" in result.stderr


def test_posts_and_follow_lists_in_one_run(folder):
    (folder / "draft.txt").write_text("Suivez @mesaides_officiel !", encoding="utf-8")
    result = run("draft.txt", "accounts.csv")
    rules = [line.split(" [")[0].split(": ")[-1] for line in lines(result)]
    assert rules.count("lookalike-account") == 2  # the mention in the draft, and the account of the list
    assert "draft.txt:1:8: lookalike-account" in result.output
