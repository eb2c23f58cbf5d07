"""The account readers: each format as its platform writes it, each account at its line, and bad
input as a SocialrulesError naming the file and the line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialrules import SocialrulesError
from socialrules.accounts import drop_duplicates, join_profiles
from socialrules.models import Config, Platform, TeamProfile
from socialrules.readers import ACCOUNT_FORMATS, detect, read_file, read_text
from socialrules.readers._accounts import json_values, parse_count

from .conftest import ROOT

SAMPLES = ROOT / "tests" / "samples"
TEAM = Config(team=TeamProfile(accounts=("@mesaides", "@mesaides@social.numerique.gouv.fr")))


@pytest.mark.parametrize(("name", "expected"), [
    ("following_accounts.csv", "mastodon-export"), ("mastodon_accounts.json", "mastodon-accounts"),
    ("following.js", "twitter-archive"), ("twitter_users.json", "twitter-users"),
    ("accounts.csv", "accounts-csv"),
])
def test_account_files_are_recognised_by_their_content(name, expected):
    path = SAMPLES / name
    assert detect(path, path.read_text(encoding="utf-8")) == expected
    assert expected in ACCOUNT_FORMATS


def test_a_mastodon_export_gives_one_account_a_row_at_its_line():
    accounts = read_file(SAMPLES / "following_accounts.csv")
    assert [a.handle for a in accounts] == [
        "@dinum@social.numerique.gouv.fr", "@claire_lemarchand@journa.host", "@mesaides@mastodon.social",
        "@nadia@framapiaf.org", "@someone@mastodon.social"]
    assert [a.source.line for a in accounts] == [2, 3, 4, 5, 6]
    assert all(a.platform == Platform.MASTODON and a.bio is None for a in accounts)


def test_the_other_export_files_blocks_mutes_and_lists():
    blocked = read_text("spam@bad.example\nother@bad.example\n", "blocked_accounts.csv", "mastodon-export")
    assert [a.handle for a in blocked] == ["@spam@bad.example", "@other@bad.example"]
    muted = read_text("Account address,Hide notifications\nloud@x.org,true\n", "m.csv", "mastodon-export")
    assert [(a.handle, a.source.line) for a in muted] == [("@loud@x.org", 2)]
    lists = read_text("Écosystème,dinum@social.numerique.gouv.fr\n\"Presse, médias\",afp@mastodon.social\n",
                      "lists.csv", "mastodon-export")
    assert [a.handle for a in lists] == ["@dinum@social.numerique.gouv.fr", "@afp@mastodon.social"]
    assert detect(Path("lists.csv"), "Écosystème,dinum@social.numerique.gouv.fr\n") == "mastodon-export"


def test_mastodon_api_accounts_pages_saved_end_to_end():
    accounts = read_file(SAMPLES / "mastodon_accounts.json")
    assert [a.handle for a in accounts] == ["@claire_lemarchand@journa.host", "@mesaides@mastodon.social",
                                            "@nadia@framapiaf.org"]
    claire, _, nadia = accounts
    assert claire.bio == "Journaliste au service Société de Le Monde."  # the note's HTML as text
    assert (claire.followers, claire.following, claire.source.line) == (48200, 1900, 2)
    assert nadia.fields == {"Site": "https://nadia.dev"}
    assert nadia.source.line == 12  # in the second page


def test_a_local_acct_takes_its_instance_from_its_url():
    data = [{"id": "1", "username": "dinum", "acct": "dinum", "url": "https://social.numerique.gouv.fr/@dinum"}]
    [account] = read_text(json.dumps(data), "a.json", "mastodon-accounts")
    assert account.handle == "@dinum@social.numerique.gouv.fr"


def test_a_twitter_archive_gives_ids_placed_at_their_entries():
    accounts = read_file(SAMPLES / "following.js")
    assert [(a.id, a.source.line, a.source.column) for a in accounts] == [("1001", 2, 3), ("1002", 8, 3), ("1003", 14, 3)]
    assert accounts[0].handle == "https://twitter.com/intent/user?user_id=1001"
    followers = read_text('window.YTD.follower.part0 = [{"follower": {"accountId": "7", "userLink": '
                          '"https://twitter.com/intent/user?user_id=7"}}]', "follower.js", "twitter-archive")
    assert followers[0].id == "7"


def test_twitter_users_v2_with_their_errors_and_expanded_links():
    accounts = read_file(SAMPLES / "twitter_users.json")
    assert [(a.handle, a.id) for a in accounts] == [("@lea_voyage", "1001"), ("@betagouv", "1002")]
    assert accounts[0].url == "https://linktr.ee/leavoyage"  # the t.co link expanded
    assert (accounts[0].followers, accounts[0].following) == (312000, 850)
    assert [a.source.line for a in accounts] == [3, 7]
    # An answer that found no one: no users, no error.
    assert read_text('{"errors": [{"value": "1", "title": "Not Found Error"}]}', "u.json", "twitter-users") == []
    v1 = read_text('[{"id_str": "5", "screen_name": "Old", "followers_count": 3, "friends_count": 4}]',
                   "u.json", "twitter-users")
    assert (v1[0].handle, v1[0].followers, v1[0].following) == ("@Old", 3, 4)


def test_a_plain_accounts_csv_with_counts_as_people_write_them():
    accounts = read_file(SAMPLES / "accounts.csv")
    assert [(a.handle, a.followers, a.following) for a in accounts] == [
        ("@mes_aides_officiel", 1200, 3000), ("@jdupont", 48000, 1200), ("@cnaf", 120000, 900),
        ("@paul_dev", None, None)]
    assert accounts[1].url == "https://www.liberation.fr"
    assert [parse_count(x) for x in ("12345", "12 345", "12,345", "12.5k", "1,2M", "")] == [
        12345, 12345, 12345, 12500, 1200000, None]


@pytest.mark.parametrize(("name", "text", "fmt", "line", "says"), [
    ("a.csv", "handle,folowers\n@x,3\n", "accounts-csv", 1, "unknown column 'folowers'"),
    ("a.csv", "name,bio\nX,Y\n", "accounts-csv", 1, "needs a `handle` column"),
    ("a.csv", "handle,followers\n@x,3\n@y,lots\n", "accounts-csv", 3, "'lots' is not a count"),
    ("a.csv", 'handle,bio\n@x,"never closed\n', "accounts-csv", 2, "invalid CSV"),
    ("f.csv", "Account address,Show boosts\nok@x.org,true\nnot an address,true\n", "mastodon-export", 3,
     "not an account address"),
    ("f.csv", "Handle,Name\n@x,X\n", "mastodon-export", 1, "not a Mastodon export"),
    ("a.json", '[{"id": "1", "acct": "a@b.c", "followers_count": 3},\n {"id": "2", "acct"', "mastodon-accounts", 2,
     "cut short"),
    ("a.json", '[{"id": "1", "username": "a"}]', "mastodon-accounts", 1, "needs `acct`"),
    ("a.json", '[{"acct": "a@b.c", "followers_count": "many"}]', "mastodon-accounts", 1, "whole number"),
    ("u.json", '{"data": [{"id": "1", "name": "X"}]}', "twitter-users", 1, "needs `username`"),
    ("f.js", "var following = [];", "twitter-archive", 1, "not a file of a Twitter archive"),
    ("t.js", "window.YTD.tweets.part0 = []", "twitter-archive", 1, "holds 'tweets', not accounts"),
    ("f.js", 'window.YTD.following.part0 = [\n {"following": {"accountId": "abc"}}]', "twitter-archive", 2,
     "accountId"),
])
def test_bad_input_is_an_error_at_its_file_and_line(name, text, fmt, line, says):
    with pytest.raises(SocialrulesError) as raised:
        read_text(text, name, fmt)
    assert (raised.value.path, raised.value.line) == (name, line)
    assert says in raised.value.message


def test_a_csv_with_another_header_names_the_layouts_known():
    with pytest.raises(SocialrulesError) as raised:
        detect(Path("follows.csv"), "Compte,Nom\n@x,X\n")
    assert "Account address" in raised.value.message and "handle" in raised.value.message


def test_profiles_join_by_handle_for_mastodon_and_by_id_for_twitter():
    follows = read_file(SAMPLES / "following_accounts.csv")
    joined = join_profiles(follows, read_file(SAMPLES / "mastodon_accounts.json"), TEAM)
    claire = joined[1]
    assert claire.bio.startswith("Journaliste") and claire.source.path.endswith("following_accounts.csv")
    assert claire.source.line == 3  # the list's place, not the profile file's
    assert joined[4].bio is None  # not in the profiles: stays without one
    archive = join_profiles(read_file(SAMPLES / "following.js"), read_file(SAMPLES / "twitter_users.json"), TEAM)
    assert [a.handle for a in archive] == ["@lea_voyage", "@betagouv", "https://twitter.com/intent/user?user_id=1003"]
    assert archive[0].source.line == 2


def test_a_local_handle_joins_its_profile_written_with_the_instance():
    follows = read_text("Account address,Show boosts\nMesAides@Social.Numerique.Gouv.fr,true\n", "f.csv",
                        "mastodon-export")
    profile = read_text(json.dumps([{"acct": "mesaides", "display_name": "Mes Aides",
                                     "url": "https://social.numerique.gouv.fr/@mesaides"}]), "p.json",
                        "mastodon-accounts")
    [joined] = join_profiles(follows, profile, TEAM)
    assert joined.display_name == "Mes Aides"


def test_duplicates_are_judged_once_and_noted_with_both_lines():
    accounts = read_text("Account address,Show boosts\na@b.org,true\nA@B.org,false\nc@d.org,true\n@a@b.org,x\n",
                         "f.csv", "mastodon-export")
    kept, notes = drop_duplicates(accounts, TEAM)
    assert [a.handle for a in kept] == ["@a@b.org", "@c@d.org"]
    assert notes == ["f.csv:3: @A@B.org is listed again (first at f.csv:2); judged once",
                     "f.csv:5: @a@b.org is listed again (first at f.csv:2); judged once"]


def test_json_values_place_each_element():
    values = list(json_values('[{"a": 1},\n {"b": 2}]\n[3]', "x.json"))
    assert values == [({"a": 1}, 1, 2), ({"b": 2}, 2, 2), (3, 3, 2)]
    assert list(json_values('{"data": [{"u": 1},\n {"u": 2}], "meta": {}}', "x.json", unwrap="data")) == [
        ({"u": 1}, 1, 11), ({"u": 2}, 2, 2)]


_FORMATS = sorted(ACCOUNT_FORMATS)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200), st.sampled_from(_FORMATS))
def test_no_account_reader_raises_anything_but_a_socialrules_error(text, input_format):
    try:
        read_text(text, "f", input_format)
    except SocialrulesError as error:
        assert error.path == "f"


_JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(["acct", "username", "id", "note", "fields", "followers_count",
                                       "data", "public_metrics", "url", "following", "accountId",
                                       "display_name", "entities", "name", "value"]), children, max_size=5),
    max_leaves=12)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_JSONISH, st.sampled_from(["mastodon-accounts", "twitter-users", "twitter-archive"]))
def test_json_of_any_shape_gives_accounts_or_a_socialrules_error(value, input_format):
    text = json.dumps(value)
    if input_format == "twitter-archive":
        text = "window.YTD.following.part0 = " + text
    try:
        read_text(text, "f", input_format)
    except SocialrulesError as error:
        assert error.path == "f"
