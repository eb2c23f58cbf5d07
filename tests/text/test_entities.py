"""Hashtags and mentions against twitter-text's conformance data (read in place from ../shared)."""

from __future__ import annotations


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialrules.text import entities, mastodon
from socialrules.text.entities import find_hashtags, find_twitter_mentions

from . import reference
from .conformance import twitter_tests

load = twitter_tests


EXTRACT = load("extract.yml")
VALIDATE = load("validate.yml")


def cases(groups: dict, *names: str) -> list:
    return [pytest.param(case, id=f"{name}: {case['description']}")
            for name in names for case in groups[name]]


@pytest.mark.parametrize("case", cases(EXTRACT, "hashtags", "hashtags_from_astral",
                                       "hashtags_with_indices"))
def test_extract_yml_hashtags(case):
    text, expected = case["text"], case["expected"]
    spans = find_hashtags(text)
    assert all(text[a] in "#＃" for a, _ in spans)
    if expected and isinstance(expected[0], dict):
        assert [{"hashtag": text[a + 1:b], "indices": [a, b]} for a, b in spans] == expected
    else:
        assert [text[a + 1:b] for a, b in spans] == expected


@pytest.mark.parametrize("case", cases(VALIDATE, "hashtags"))
def test_validate_yml_hashtags(case):
    text = case["text"]
    assert (find_hashtags(text) == [(0, len(text))]) is case["expected"]


@pytest.mark.parametrize("case", cases(EXTRACT, "mentions", "mentions_with_indices"))
def test_extract_yml_mentions(case):
    text, expected = case["text"], case["expected"]
    spans = find_twitter_mentions(text)
    if expected and isinstance(expected[0], dict):
        assert [{"screen_name": text[a + 1:b], "indices": [a, b]} for a, b in spans] == expected
    else:
        assert [text[a + 1:b] for a, b in spans] == expected


@pytest.mark.parametrize("case", cases(EXTRACT, "mentions_or_lists_with_indices"))
def test_extract_yml_mentions_or_lists(case):
    text = case["text"]
    expected = [(c["screen_name"] + c["list_slug"], c["indices"]) for c in case["expected"]]
    assert [(text[a + 1:b], [a, b]) for a, b in find_twitter_mentions(text, lists=True)] == expected


@pytest.mark.parametrize("case", cases(VALIDATE, "usernames"))
def test_validate_yml_usernames(case):
    text = case["text"]
    assert (find_twitter_mentions(text) == [(0, len(text))]) is case["expected"]


@pytest.mark.parametrize("case", cases(VALIDATE, "lists"))
def test_validate_yml_lists(case):
    text = case["text"]
    whole = find_twitter_mentions(text, lists=True) == [(0, len(text))]
    assert (whole and "/" in text) is case["expected"]


def test_mastodon_mentions_are_reexported():
    assert entities.find_mentions is mastodon.find_mentions
    assert [m.username for m in entities.find_mentions("@a@x.org @b")] == ["a", "b"]


def test_hashtags_in_urls_do_not_count():
    text = "#ok https://example.com/#frag example.org/#frag #fin"
    assert [text[a:b] for a, b in find_hashtags(text)] == ["#ok", "#fin"]


@settings(max_examples=300, deadline=None)
@given(st.text() | st.lists(st.sampled_from(["#", "＃", "a", "1", "_", " ", "é", "&", "\ufe0f",
                                             "\u20e3", "://", "x.com/", "日"])).map("".join))
def test_spans_are_ordered_disjoint_and_inside(text):
    for find in (find_hashtags, find_twitter_mentions):
        end = 0
        for start, stop in find(text):
            assert end <= start < stop <= len(text)
            end = stop


@settings(max_examples=500, deadline=None)
@given(st.text() | st.lists(st.sampled_from(
    ["#", "＃", "@", "＠", "a", "é", "1", "_", " ", "&", "\ufe0e", "\ufe0f", "\u20e3", "RT", "rt:",
     ".", "-", "+", "/", "/list", "://", "x.com/", "https://t.co/a", "日", "\u0301", "a" * 21]
)).map("".join))
def test_same_as_twitter_texts_regexes(text):
    # Finding each '#' and '@' first, then testing the character before, changes nothing:
    # twitter-text's regexes over the whole text find the same.
    assert find_hashtags(text) == reference.find_hashtags(text)
    for lists in (False, True):
        assert find_twitter_mentions(text, lists=lists) == reference.find_twitter_mentions(text, lists=lists)
