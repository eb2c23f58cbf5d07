"""The `lexicon` kind's terms written "#prefix*": hashtags that begin with a term (#BalanceTonService
for "#balanceton*"), which no list of whole words can hold."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialrules import Linter

from .test_escalate import lexicon_rule

# A denunciation hashtag flags alone; a boycott hashtag is a weak cue that needs an answer.
TAGS = """
  terms:
    alone: {weight: 1, terms: ["#balanceton*"]}
    claim: {weight: 0.5, requires: [answer], terms: ["#boycott*", fake]}
    answer: {weight: 0.5, requires: [claim], terms: [our response]}"""


@pytest.fixture(scope="module")
def tags(tmp_path_factory):
    return Linter([lexicon_rule(tmp_path_factory.mktemp("tags"), TAGS)])


def test_a_hashtag_that_begins_with_the_term_is_found_whole(tags):
    text = "Le #BalanceTonService de ce matin nous vise."
    [finding] = tags.check(text)
    assert finding.match == "#BalanceTonService"
    assert text[finding.start:finding.end] == "#BalanceTonService"
    assert tags.check("#balancetonadmin") != []


def test_only_a_hashtag_matches_a_hashtag_term(tags):
    # The same letters as a word, or inside a hashtag, are not the beginning of a hashtag.
    assert tags.check("Balance ton service, balancetonservice") == []
    assert tags.check("#NeBalancetonRien") == []
    assert tags.check("mail#balancetonservice") == []


def test_a_weak_hashtag_term_still_needs_its_partner(tags):
    assert tags.check("#BoycottMesAides") == []
    findings = tags.check("#BoycottMesAides: our response is coming.")
    assert [f.match for f in findings] == ["#BoycottMesAides", "our response"]


def test_case_and_accents_are_folded(tags):
    assert tags.check("#BALANCETONSERVICE") != []
    assert tags.check("#BalanceTonÉcole") != []


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("#abBcelnotyA _é"), max_size=40))
def test_hashtag_terms_never_raise_and_point_inside_the_text(tags, text):
    for finding in tags.check(text):
        assert text[finding.start:finding.end] == finding.match
