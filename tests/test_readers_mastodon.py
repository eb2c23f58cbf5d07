"""Mastodon's scheduled statuses (GET /api/v1/scheduled_statuses): posts, positions, errors."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialrules import SocialrulesError
from socialrules.engine import Linter
from socialrules.loader import load_rule_file
from socialrules.readers import read_file
from socialrules.readers.mastodon_scheduled import read

from .conftest import ROOT

SAMPLES = ROOT / "tests" / "samples"


def where(posts):
    """Where accidental-post (TODO, {{prenom}}, [LIEN]...) finds something: the rule alone, so
    that what other rules do cannot change these tests."""
    linter = Linter([load_rule_file(ROOT / "rules" / "accidental-post.yaml")])
    return [(f.location.line, f.location.column, f.match, f.field) for f in linter.check_posts(posts)]


def status(text="Bonjour", **params):
    return {"id": "1", "scheduled_at": "2026-12-01T08:30:00.000Z",
            "params": {"text": text, **params}, "media_attachments": []}


def test_sample_statuses_become_mastodon_posts():
    first, second = read_file(SAMPLES / "scheduled_statuses.json")
    assert first.text == "Nouvelle version du simulateur !\nVérifiez vos droits à {{lien}} en 5 minutes."
    assert (first.id, first.platforms, first.lang, first.kind) == ("3221", ("mastodon",), "fr", "post")
    assert first.scheduled_at == dt.datetime(2027, 12, 1, 8, 30, tzinfo=dt.timezone.utc)
    assert (first.media[0].alt, first.media[0].type) == ("Capture du simulateur, TODO", "image")
    assert (second.kind, second.in_reply_to, second.spoiler_text) == ("reply", "109876543210", "Sondage")


def test_findings_point_at_the_word_inside_the_json_string_escapes_and_all():
    assert where(read_file(SAMPLES / "scheduled_statuses.json")) == [
        (7, 77, "{{lien}}", "text"),         # after a \n and a \u00e0 escape
        (29, 48, "TODO", "media[0].alt"),    # the attachment's description
        (39, 54, "TODO", "text"),            # after a \u00e9 escape
    ]


def test_minified_answer_and_a_single_status_are_read():
    one = status("Un TODO", quoted_status_id="42")
    minified = json.dumps([one], separators=(",", ":"))
    [post] = read(minified, "s.json")
    assert post.kind == "quote"
    assert where([post]) == [(1, minified.index("TODO") + 1, "TODO", "text")]
    [single] = read(json.dumps(one, indent=2), "s.json")
    assert single.text == "Un TODO" and where([single])[0][:2] == (5, 17)


def test_json_slash_escapes_keep_positions():
    text = '[{"id": "1", "scheduled_at": "2026-12-01T08:30:00Z", "params": {"text": "Voir https:\\/\\/a.example\\/x TODO"}}]'
    [post] = read(text, "s.json")
    assert post.text == "Voir https://a.example/x TODO"
    assert where([post]) == [(1, text.index("TODO") + 1, "TODO", "text")]


def test_params_values_sent_as_strings_and_unknown_keys_are_accepted():
    [post] = read(json.dumps([status(sensitive="true", poll={"options": ["a", "b"], "expires_in": "60"},
                                     brand_new_option=1, in_reply_to_id=123)]), "s.json")
    assert (post.kind, post.in_reply_to) == ("reply", "123")


@pytest.mark.parametrize(("data", "line", "expected"), [
    ('{"text": "not a list of statuses"', 1, "invalid JSON"),
    ("[\n1\n]", 2, "0: a scheduled status"),
    ('[{"scheduled_at": "2026-12-01T08:30:00Z", "params": {}}]', 1, "0: missing: each scheduled status has an id"),
    ('[{"id": "1",\n "params": {"text": 42}}]', 2, "0.params.text: a text, not a number"),
    ('[{"id": "1",\n "scheduled_at": "2026-12-01T08:30:00", "params": {}}]', 2, "has no time zone"),
    ('[{"id": "1", "scheduled_at": "demain", "params": {}}]', 1, "not an ISO 8601 date"),
    ('[{"id": "1", "params": "Bonjour"}]', 1, "0.params: an object"),
    ('[{"id": "1", "params": {},\n "media_attachments": [{"id": "2", "description": false}]}]', 2,
     "0.media_attachments.0.description: a text (the alt text), not a boolean"),
    ('"just a string"', 1, "a list of scheduled statuses"),
])
def test_bad_answers_name_the_line(data, line, expected):
    with pytest.raises(SocialrulesError) as raised:
        read(data, "bad.json")
    assert expected in raised.value.message
    assert (raised.value.path, raised.value.line) == ("bad.json", line)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=80), st.booleans(), st.booleans())
def test_any_text_reads_back_and_each_character_is_found_where_it_is_written(text, ascii_only, indent):
    data = json.dumps([status(text)], ensure_ascii=ascii_only, indent=2 if indent else None)
    [post] = read(data, "s.json")
    assert post.text == text
    lines = data.split("\n")
    for offset, char in enumerate(text):
        line, column = post.source.position(post.text, offset)
        written = lines[line - 1][column - 1]
        assert written == char or written == "\\"  # the character, or the escape that writes it


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=200), st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["id", "params", "text", "scheduled_at", "media_attachments", "description"]),
        inner, max_size=4), max_leaves=12).map(json.dumps)))
def test_any_text_gives_posts_or_a_socialrules_error(text):
    try:
        read(text, "p.json")
    except SocialrulesError as error:
        assert error.path == "p.json"
