"""The `camelcase` kind and the camelcase-hashtag rule: lower-case multi-word hashtags."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialrules import Linter, Post
from socialrules.loader import builtin_rules_dir, load_rule_file
from socialrules.models import Media

RULE = load_rule_file(builtin_rules_dir() / "camelcase-hashtag.yaml")
LINTER = Linter([RULE], lang="en")


def suggestions(text):
    return [f.fix.split(":")[0].removeprefix("Write ") for f in LINTER.check(text)]


@pytest.mark.parametrize(("tag", "camel"), [
    ("#servicepublic", "#ServicePublic"),
    ("#opendata", "#OpenData"),
    ("#startupdetat", "#StartupDEtat"),
    ("#startupdétat", "#StartupDÉtat"),
    ("#franceconnect", "#FranceConnect"),
    ("#jeparticipe", "#JeParticipe"),
    ("#techforgood", "#TechForGood"),
    ("#hautsdefrance", "#HautsDeFrance"),
    ("#intelligenceartificielle", "#IntelligenceArtificielle"),
    ("#transitionécologique", "#TransitionÉcologique"),
])
def test_lower_case_compounds_get_a_camelcase_suggestion(tag, camel):
    assert suggestions(f"Notre post du jour {tag} !") == [camel]


def test_finding_points_at_the_hashtag_and_names_its_words():
    [finding] = LINTER.check("Dix ans de #startupdetat, merci !")
    assert finding.match == "#startupdetat"
    assert "startup d'etat" in finding.message


@pytest.mark.parametrize("text", [
    "#transparence", "#numerique", "#accessibilité",  # single words
    "#RGPD", "#CNIL",  # acronyms
    "#ServicePublic", "#OpenData", "#openData",  # already mixed case
    "#opendata2026", "#jo_2024",  # digits, underscores
    "#mastodon", "#hackathon",  # no sure split
    "#ia", "#jo",  # too short
    "https://example.gouv.fr/page#servicepublic",  # a link fragment
    "C#servicepublic",  # not a hashtag
])
def test_words_acronyms_mixed_case_and_unsure_splits_are_left_alone(text):
    assert LINTER.check(text) == []


def test_each_hashtag_is_judged_on_its_own():
    assert suggestions("#servicepublic et #ServicePublic et #opendata") == ["#ServicePublic", "#OpenData"]


def test_the_word_list_is_read_once_per_process():
    from socialrules.checks import camelcase

    LINTER.check("#servicepublic")
    loaded = dict(camelcase._VOCABULARIES)
    LINTER.check("#opendata")
    assert camelcase._VOCABULARIES == loaded and all(
        a is b for a, b in zip(loaded.values(), camelcase._VOCABULARIES.values()))


def test_a_missing_word_list_is_a_rule_error(tmp_path):
    from socialrules.errors import SocialrulesError
    from socialrules.checks.camelcase import Camelcase

    with pytest.raises(SocialrulesError, match="word list not found"):
        Camelcase.prepare({"words": ["nowhere.txt"]}, tmp_path)


MEDIA = st.lists(st.builds(Media, file=st.none() | st.text(max_size=20), alt=st.none() | st.text()), max_size=3)


@settings(max_examples=200)
@given(st.text(), MEDIA)
def test_never_raises(text, media):
    for finding in LINTER.check_post(Post(text=text, media=tuple(media))):
        assert finding.match.startswith("#")


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzéè", min_size=1, max_size=30))
def test_never_raises_on_any_lower_case_hashtag(body):
    for finding in LINTER.check(f"#{body}"):
        suggestion = finding.fix.split(":")[0].removeprefix("Write ")
        assert suggestion.lower() == f"#{body}"


# The quick test (a "#" followed by something other than a capital) must never spare a post
# that has a hashtag to report: the check finds what it finds when every post is read.
CHECK = LINTER.checks[0][1]
PIECES = st.sampled_from(["#", "##", "#servicepublic", "#ServicePublic", "#opendata", "#OpenData",
                          "#É", "#é", "#1", "#_", "#Ⓐ", "#ǅ", "#ᾈ", "#日本", " ", "\n", "mot", "données",
                          "servicepublic", "#jeparticipe", "&#", "@#"])


@settings(max_examples=200)
@given(st.text() | st.lists(PIECES | st.text(max_size=3), max_size=10).map("".join))
def test_the_quick_test_spares_no_hashtag_to_report(text):
    from socialrules.engine import ALL_PLATFORMS, Subject

    assert list(CHECK.run(Subject(Post(text=text), ALL_PLATFORMS, LINTER.config))) == CHECK.hashtags(text)
