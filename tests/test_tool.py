"""The `tool` kind and the approved-tool rule: posts published outside the team's approved tools."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialrules import Linter, Post
from socialrules.checks.tool import tool_key
from socialrules.loader import builtin_rules_dir, load_rule_file
from socialrules.models import Config, Media, TeamProfile

RULE = load_rule_file(builtin_rules_dir() / "approved-tool.yaml")


def findings(tool, tools=("TweetDeck",), text="Le simulateur est en ligne.", media=()):
    config = Config(team=TeamProfile(tools=tuple(tools)))
    return Linter([RULE], config, lang="en").check_post(Post(text=text, tool=tool, media=tuple(media)))


@pytest.mark.parametrize("name", ["TweetDeck", "Tweetdeck", "TweetDeck Web App", "tweetdeck",
                                  "TweetDeck for Mac", "  TweetDeck  ", "X Pro"])
def test_tweetdeck_variants_are_the_approved_tool(name):
    assert findings(name) == []


@pytest.mark.parametrize("name", ["Twitter Web App", "Hootsuite Inc.", "Twitter for iPhone",
                                  "Buffer", "Mastodon for Android", "TweetDeck Clone"])
def test_other_tools_are_flagged_on_the_tool_field(name):
    [finding] = findings(name)
    assert finding.field == "tool"
    assert finding.match == name
    assert name in finding.message and "TweetDeck" in finding.message


def test_archive_source_link_points_at_the_tool_name():
    source = '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>'
    [finding] = findings(source)
    assert finding.match == "Twitter Web App"
    assert source[finding.start:finding.end] == "Twitter Web App"
    assert findings('<a href="https://about.twitter.com/products/tweetdeck">TweetDeck</a>') == []


def test_no_tool_known_or_no_tool_approved_checks_nothing():
    assert findings(None) == []
    assert findings("   ") == []
    assert findings("Twitter Web App", tools=()) == []


def test_several_approved_tools_and_aliases():
    assert findings("Buffer", tools=("TweetDeck", "Buffer")) == []
    [finding] = findings("Hootsuite", tools=("TweetDeck", "Buffer"))
    assert "TweetDeck, Buffer" in finding.message


def test_tool_key_drops_editions_and_company_suffixes():
    assert tool_key("TweetDeck Web App") == tool_key("Tweetdeck") == "tweetdeck"
    assert tool_key("Twitter Web App") == "twitter"
    assert tool_key("Hootsuite Inc.") == "hootsuite"
    assert tool_key("X Pro") == "xpro"


MEDIA = st.lists(st.builds(Media, file=st.none() | st.text(max_size=20), alt=st.none() | st.text()), max_size=3)


@given(tool=st.none() | st.text(), text=st.text(), tools=st.lists(st.text(), max_size=3), media=MEDIA)
def test_never_raises(tool, text, tools, media):
    for finding in findings(tool, tools=tools, text=text, media=media):
        assert finding.field == "tool"
