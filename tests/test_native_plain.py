"""Reading a native posts file quickly loses nothing: plain entries are read without pydantic
(exactly as pydantic reads them), every text keeps its place, every error its line."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from socialrules import SocialrulesError, yamlfile
from socialrules.models import PostEntry
from socialrules.readers.native import _PLAIN_FIELDS, _plain_entry, read


def by_pydantic(item):
    try:
        return PostEntry.model_validate(item)
    except Exception:  # pydantic's ValidationError, without importing pydantic here
        return None


def test_every_field_of_an_entry_has_a_plain_reader():
    # A field missing here would send every entry that uses it through pydantic: right, but slow.
    assert set(_PLAIN_FIELDS) == {field.name for field in dataclasses.fields(PostEntry)}


def test_a_usual_entry_is_plain():
    item = {"id": "launch", "text": "Bonjour", "platforms": ["twitter", "mastodon"], "kind": "quote",
            "quoted": "x", "scheduled_at": "2026-12-01T09:30:00+01:00", "tool": "TweetDeck",
            "account": "@mesaides", "lang": "fr", "thread": ["suite"],
            "media": [{"file": "a.png", "alt": "une capture"}], "ignore": [{"rule": "r", "reason": "ok"}]}
    assert _plain_entry(item) is not None
    assert repr(_plain_entry(item)) == repr(by_pydantic(item))


texts = st.one_of(st.text(max_size=4), st.sampled_from(["twitter", "mastodon", "Twitter", "post", "boost"]))
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), texts)
offsets = st.timedeltas(min_value=-dt.timedelta(hours=23, minutes=59), max_value=dt.timedelta(hours=23, minutes=59))
moments = st.one_of(
    st.datetimes(timezones=st.none() | st.builds(dt.timezone, offsets)),
    st.datetimes(timezones=st.builds(dt.timezone, offsets)).map(dt.datetime.isoformat),
    st.from_regex(r"\d{4}-[01]\d-[0-3]\dT[0-2]\d:[0-6]\d:[0-6]\d(Z|[+-][0-2]\d:[0-6]\d)?", fullmatch=True),
    st.dates(), st.integers(0, 2_000_000_000))
records = st.dictionaries(st.sampled_from(["file", "alt", "type", "rule", "reason", "other"]),
                          st.one_of(st.none(), st.text(max_size=3), st.integers()), max_size=4)
values = st.one_of(scalars, moments, records, st.lists(st.one_of(scalars, records), max_size=3))
maybe_texts = st.none() | texts
media = st.fixed_dictionaries({}, optional={"file": maybe_texts, "alt": maybe_texts, "type": maybe_texts})
likely = st.fixed_dictionaries({}, optional={  # entries pydantic mostly accepts
    "text": texts, "id": maybe_texts, "kind": st.sampled_from(["post", "reply", "boost", "quote", "Post"]),
    "platforms": st.lists(st.sampled_from(["twitter", "mastodon", "x"]), max_size=3),
    "spoiler_text": texts, "quoted": maybe_texts, "thread": st.lists(texts, max_size=2),
    "media": st.lists(media, max_size=2), "scheduled_at": moments, "tool": maybe_texts,
    "ignore": st.lists(st.fixed_dictionaries({"rule": texts, "reason": texts}), max_size=2)})
items = st.one_of(likely, st.dictionaries(st.sampled_from([*_PLAIN_FIELDS, "colour"]), values, max_size=5),
                  st.dictionaries(st.sampled_from(["text", "media", "ignore", "platforms"]),
                                  st.lists(records, max_size=2) | st.lists(texts, max_size=2), max_size=3),
                  scalars)


@given(items)
def test_a_plain_entry_is_what_pydantic_makes(item):
    plain, expected = _plain_entry(item), by_pydantic(item)
    if expected is None:
        assert plain is None  # pydantic refuses it, and says why at its line
    elif plain is not None:
        assert repr(plain) == repr(expected)  # tzinfo included


POSTS = "- id: a\n  text: |\n    bonjour\n    TODO ici\n  tool: TweetDeck\n- id: b\n  text: |\n    'q' TODO\n"


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_word_in_a_block_points_at_its_own_line(newline):
    first, second = read(POSTS.replace("\n", newline), "p.yaml")
    assert first.source.position(first.text, first.text.index("TODO")) == (4, 5)
    assert second.source.position(second.text, second.text.index("TODO")) == (8, 9)


def test_without_libyaml_the_posts_are_the_same(monkeypatch):
    with_c = read(POSTS, "p.yaml")
    monkeypatch.setattr(yamlfile, "_Loader", yaml.SafeLoader)
    assert read(POSTS, "p.yaml") == with_c


DEEP = "[" * 500


@pytest.mark.parametrize(("text", "line", "column", "expected"), [
    ("- text: a\n  scheduled_at: 2026-13-01T09:30:00+01:00\n", 2, 17, "month must be in 1..12"),
    ("- text: &x a\n  <<: {id: *x}\n", 1, 9, "aliases are not allowed"),
    ("- text: a\n  media: {1: [" + DEEP + "&x a, *x" + "]" * 500 + "]}\n", 2, 515, "aliases are not allowed"),
    ("- text: a\n  media: " + DEEP + "]" * 500 + "\n", 2, 11, "0.media.0: Input should be"),
], ids=["bad date", "alias in a merge", "alias deep down", "deep nesting"])
def test_errors_name_their_line(text, line, column, expected):
    with pytest.raises(SocialrulesError) as raised:
        read(text, "p.yaml")
    assert expected in str(raised.value)
    assert (raised.value.line, raised.value.column) == (line, column), str(raised.value)


def test_reading_leaves_the_garbage_collector_on():
    read(POSTS, "p.yaml")
    with pytest.raises(SocialrulesError):
        read("- text: [\n", "p.yaml")
    assert gc.isenabled()
