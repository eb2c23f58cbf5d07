"""The metric kind's `characters` measure and the empty-post rule."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialrules import Linter, Post
from socialrules.errors import SocialrulesError
from socialrules.checks.metric import Metric
from socialrules.loader import builtin_rules_dir, load_rule_file
from socialrules.models import Media, PostKind

RULE = load_rule_file(builtin_rules_dir() / "empty-post.yaml")
LINTER = Linter([RULE], lang="en")


@pytest.mark.parametrize("text", ["", " ", "\n\t\n", "\u200b", "\u200d\u2060\ufeff", "\u3164", " \u00a0 "])
def test_blank_and_invisible_texts_are_empty(text):
    [finding] = LINTER.check_post(Post(text=text))
    assert finding.rule == "empty-post" and finding.message.startswith("The post is empty")


@pytest.mark.parametrize("text", [".", "👍", "a", "Merci !"])
def test_any_visible_character_is_content(text):
    assert LINTER.check_post(Post(text=text)) == []


def test_media_posted_alone_and_boosts_are_not_empty():
    assert LINTER.check_post(Post(text="", media=(Media(file="a.png"),))) == []
    assert LINTER.check_post(Post(text="", kind=PostKind.BOOST, quoted="Bravo !")) == []
    assert len(LINTER.check_post(Post(text="", kind=PostKind.REPLY))) == 1


def test_min_belongs_to_the_characters_measure_only(tmp_path):
    with pytest.raises(SocialrulesError, match="characters"):
        Metric.prepare({"measure": "hashtags", "min": 1}, tmp_path)


def test_characters_with_max_counts_visible_characters(tmp_path):
    from socialrules.models import Config
    from socialrules.engine import Linter as EngineLinter

    config = Config(rules={"empty-post": {"min": None, "max": 3}})
    linter = EngineLinter([RULE], config, lang="en")
    assert linter.check_post(Post(text=" a b c \u200b")) == []
    assert len(linter.check_post(Post(text="abcd"))) == 1


@given(text=st.text(), with_media=st.booleans())
def test_never_raises(text, with_media):
    findings = LINTER.check_post(Post(text=text, media=(Media(),) if with_media else ()))
    if with_media or any(c.isalnum() for c in text):
        assert findings == []
