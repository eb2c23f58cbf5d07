"""Handles written one way (joins and comparisons depend on it), allies, and UTS #39 skeletons."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialrules.handles import Allies, account_status, is_handle, normalize_handle
from socialrules.models import Account, Platform, TeamProfile
from socialrules.text.confusables import ASCII_PROTOTYPES, prototypes, skeleton


@pytest.mark.parametrize(("written", "home", "expected"), [
    ("@MesAides", None, "@mesaides"),
    ("mesaides", None, "@mesaides"),
    (" @mesaides ", None, "@mesaides"),
    ("mesaides", "Social.Numerique.Gouv.fr", "@mesaides@social.numerique.gouv.fr"),
    ("@mesaides@Social.Numerique.Gouv.fr", None, "@mesaides@social.numerique.gouv.fr"),
    ("mesaides@social.numerique.gouv.fr.", None, "@mesaides@social.numerique.gouv.fr"),
    ("https://social.numerique.gouv.fr/@mesaides", None, "@mesaides@social.numerique.gouv.fr"),
    ("https://mastodon.social/@dinum@social.numerique.gouv.fr", None, "@dinum@social.numerique.gouv.fr"),
    ("https://framapiaf.org/users/karim", None, "@karim@framapiaf.org"),
    ("https://twitter.com/MesAides", None, "@mesaides"),
    ("https://x.com/MesAides/", None, "@mesaides"),
])
def test_every_way_of_writing_a_handle_gives_one_form(written, home, expected):
    assert normalize_handle(written, home) == expected


def test_what_is_no_handle_stays_visible_as_such():
    link = "https://twitter.com/intent/user?user_id=1234"
    assert normalize_handle(link) == link and not is_handle(link)
    assert not is_handle(normalize_handle("https://example.gouv.fr/simulateur"))
    assert not is_handle(normalize_handle("@"))
    # A Twitter profile in a Mastodon list (home given) is not taken for a local account.
    assert normalize_handle("https://twitter.com/mesaides", "social.example") == "https://twitter.com/mesaides"


@given(st.text(max_size=60), st.one_of(st.none(), st.sampled_from(["social.example", "Piaille.FR"])))
def test_normalising_twice_changes_nothing(text, home):
    once = normalize_handle(text, home)
    assert normalize_handle(once, home) == once


def test_allies_by_handle_instance_and_domain():
    allies = Allies(["@betagouv", "*@social.numerique.gouv.fr", "*.gouv.fr", "beta.gouv.fr", "@x@piaille.fr"])
    assert allies.matches(Account("@BetaGouv"), normalize_handle("@BetaGouv")) == "@betagouv"
    assert allies.matches(Account("@x@piaille.fr"), "@x@piaille.fr") == "@x@piaille.fr"
    assert allies.matches(Account("@dinum@social.numerique.gouv.fr"), "@dinum@social.numerique.gouv.fr")
    # A domain counts for an account on such an instance, or whose website or profile links are there.
    assert allies.matches(Account("@caf", url="https://www.caf.gouv.fr/"), "@caf") == "*.gouv.fr"
    assert allies.matches(Account("@p", fields={"Site": "https://app.beta.gouv.fr/x"}), "@p")
    assert allies.matches(Account("@anyone@agents.gouv.fr"), "@anyone@agents.gouv.fr")
    # Not: a bare gouv.fr, a look-alike domain, a mention of the domain in a word.
    assert not allies.matches(Account("@y", url="https://gouv.fr"), "@y")
    assert not allies.matches(Account("@z", url="https://gouv.fr.example.com"), "@z")
    assert not allies.matches(Account("@w", url="https://notbeta.gouv.fr.evil.org"), "@w")
    assert not Allies([])


def test_account_status_follows_an_account_changed_in_place():
    team = TeamProfile(accounts=("@mesaides@social.example",), allies=("*.gouv.fr",))
    account = Account("@mesaides", platform=Platform.MASTODON)
    assert account_status(account, team).own  # a local account of the team's instance
    account.handle = "@someone"
    assert not account_status(account, team).own
    account.url = "https://www.service-public.gouv.fr"
    assert account_status(account, team).ally == "*.gouv.fr"


def test_skeletons_are_unicode_confusables():
    assert skeleton("раураl") == skeleton("paypal")  # Cyrillic р, а, у
    assert skeleton("rn") == skeleton("m")
    assert skeleton("0") == skeleton("O") and skeleton("1") == skeleton("l")
    assert skeleton("mesaides") != skeleton("mesaider")


def test_the_ascii_prototypes_in_code_are_the_data_files():
    data = {chr(point): prototype for point, prototype in prototypes().items() if point < 128}
    assert data == ASCII_PROTOTYPES
    assert len(prototypes()) > 6000


@given(st.text(max_size=40))
def test_skeleton_takes_any_text(text):
    assert isinstance(skeleton(text), str)
