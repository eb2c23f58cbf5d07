"""The `emoji` kind and the emoji-overuse rule: too many, runs, bullets, emoji for words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialrules import Linter, Post
from socialrules.engine import Linter as EngineLinter
from socialrules.loader import builtin_rules_dir, load_rule_file
from socialrules.models import Config, Media

RULE = load_rule_file(builtin_rules_dir() / "emoji-overuse.yaml")
LINTER = Linter([RULE], lang="en")


def cues(text, linter=LINTER):
    return [f.message for f in linter.check(text)]


def test_more_than_max():
    [message] = cues("Merci 🙏 Bravo 👏 Génial 🤩 Top 👍 Super 💯 Encore 🔁")
    assert "6 emoji, more than the 5 allowed" in message
    assert cues("Merci 🙏 Bravo 👏 Génial 🤩 Top 👍 Super 💯") == []


def test_runs_with_or_without_spaces_but_not_across_lines():
    assert "3 in a row" in cues("En ligne 🎉🎉🎉")[0]
    assert "3 in a row" in cues("En ligne 🎉 🚀 🔥")[0]
    assert cues("En ligne 🎉🎉\n🎉 merci") == []
    assert cues("Bravo 👏👏 à toute l'équipe !") == []


def test_emoji_bullets():
    [finding] = LINTER.check("Au programme :\n✅ logement\n✅ emploi\n✅ famille")
    assert "3 lines start with an emoji" in finding.message
    assert finding.match.startswith("✅") and finding.match.endswith("✅")
    assert cues("Au programme :\n- logement ✅\n- emploi ✅\n- famille") == []


@pytest.mark.parametrize("text", [
    "je ❤️ le 🍕",
    "On 🚀 demain et on 🎉 vendredi",
    "We ❤️ our users and we 🙏 them",
])
def test_emoji_in_place_of_words(text):
    assert "2 in place of words" in cues(text)[0]


@pytest.mark.parametrize("text", [
    "C'est en ligne 🎉 Merci à toute l'équipe 👏",
    "We launch tomorrow 🚀 Thanks everyone!",
    "Famille 👨‍👩‍👧‍👦 et drapeaux 🇫🇷🇪🇺 : chaque séquence compte pour un émoji.",
    "on 🚀 demain",
])
def test_ordinary_emoji_use_passes(text):
    assert cues(text) == []


def test_one_finding_names_every_cue_in_both_languages():
    text = "Top 🎉🎉🎉🎉🎉🎉"
    [en] = cues(text)
    assert "6 emoji, more than the 5 allowed; 6 in a row" in en
    [fr] = [f.message for f in Linter([RULE], lang="fr").check(text)]
    assert "6 émojis, plus que les 5 permis ; 6 à la suite" in fr


def test_thresholds_are_options_and_zero_turns_a_cue_off():
    strict = EngineLinter([RULE], Config(rules={"emoji-overuse": {"max": 2, "run": 0}}), lang="en")
    [message] = cues("Un 🎉 deux 🎉 trois 🎉🎉🎉", strict)
    assert "more than the 2 allowed" in message and "in a row" not in message
    off = EngineLinter([RULE], Config(rules={"emoji-overuse": {"max": 0, "run": 0, "bullets": 0, "in_words": 0}}))
    assert off.check("🎉🎉🎉🎉🎉🎉🎉🎉\n🎉\n🎉") == []


MEDIA = st.lists(st.builds(Media, file=st.none() | st.text(max_size=20), alt=st.none() | st.text()), max_size=3)


@given(st.text(), MEDIA)
def test_never_raises(text, media):
    for finding in LINTER.check_post(Post(text=text, media=tuple(media))):
        assert text[finding.start:finding.end] == finding.match != ""


@given(st.lists(st.sampled_from(["🎉", " ", "\n", "le", "je", "❤️", "A", ".", "👨‍👩‍👧"]), max_size=30))
def test_never_raises_on_emoji_heavy_text(pieces):
    LINTER.check("".join(pieces))
