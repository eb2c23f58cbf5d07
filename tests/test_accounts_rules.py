"""The account rules as a team relies on them: who is flagged and why (the cues, in the message),
who never is (the team, its allies, institutions for their audience), and thresholds from the
configuration."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialrules.engine import Linter
from socialrules.loader import builtin_rules_dir, load_rules
from socialrules.models import Account, AccountThresholds, Config, Platform, Post, TeamProfile

RULES = load_rules([builtin_rules_dir()])
TEAM = TeamProfile(names=("Mes Aides",), accounts=("@mesaides", "@mesaides@social.numerique.gouv.fr"),
                   allies=("@betagouv", "*.gouv.fr", "*@social.numerique.gouv.fr", "@mesaidesvelo"))
ACCOUNT_RULES = ["influencer-follow", "lookalike-account", "unassessed-account"]


def linter(lang: str = "en", **config) -> Linter:
    return Linter(RULES, Config(team=config.pop("team", TEAM), select=tuple(ACCOUNT_RULES), **config), lang=lang)


def findings(account: Account, **config):
    return linter(**config).check_accounts([account])


def rules_of(account: Account, **config) -> list[str]:
    return [f.rule for f in findings(account, **config)]


JOURNALIST = Account("@claire_l", display_name="Claire L.", bio="Journaliste au service Société de @lemondefr.",
                     url="https://www.lemonde.fr/signataires/claire", followers=48200, following=1900)


def test_a_journalist_is_flagged_with_every_cue_named():
    [finding] = findings(JOURNALIST)
    assert finding.rule == "influencer-follow" and finding.severity == "warning"
    assert finding.match == "Journaliste" and finding.field == "bio"
    for cue in ("'Journaliste'", "lemonde.fr", "@lemondefr", "48,200 followers (threshold 10,000)",
                "25 followers per account followed (threshold 20)"):
        assert cue in finding.message
    assert finding.message.startswith("@claire_l looks like a journalist or a media outlet")
    [french] = findings(JOURNALIST, lang="fr")
    assert "48\u202f200 abonnés (seuil 10\u202f000)" in french.message and "« Journaliste »" in french.message


def test_an_influencer_by_words_alone_and_by_audience_alone():
    words = Account("@lea", bio="Créatrice de contenu lifestyle. Collabs en DM 💌", followers=800, following=700)
    [finding] = findings(words)
    assert "looks like an influencer" in finding.message and "'Collabs en DM'" in finding.message
    # A celebrity: no telling words, an audience far above what it follows.
    star = Account("@zoe", bio="Nouvel album disponible partout.", followers=1_500_000, following=200)
    assert rules_of(star) == ["influencer-follow"]


def test_an_institution_or_an_association_is_no_influencer_for_its_audience():
    for bio in ("Compte officiel de la branche Famille de la Sécurité sociale.",
                "Association loi 1901 pour l'inclusion numérique.", "Non-profit. Fighting for a healthier internet."):
        assert rules_of(Account("@big", bio=bio, followers=900_000, following=300)) == []
    # ... but its own words still count: a public broadcaster is a media outlet.
    broadcaster = Account("@radio", bio="Service public : toute l'actualité en continu.", followers=500_000, following=80)
    assert rules_of(broadcaster) == ["influencer-follow"]


def test_a_mastodon_group_is_no_audience():
    group = Account("@a11y@mastodon.social", bio="Un groupe pour échanger.", group=True, followers=11000,
                    following=0, platform=Platform.MASTODON)
    assert rules_of(group) == []


@pytest.mark.parametrize("account", [
    Account("@BetaGouv", bio="Journaliste de l'innovation publique", followers=900_000, following=10),
    Account("@dinum@social.numerique.gouv.fr", bio="Influenceuse", followers=900_000, following=1,
            platform=Platform.MASTODON),
    Account("@caf", bio="Toute l'actualité des allocations", url="https://www.caf.gouv.fr", followers=900_000, following=1),
    Account("@mesaides", display_name="Mes Aides", bio="Créateur de contenu", followers=900_000, following=1),
    Account("@mesaides", display_name="Mes Aides", platform=Platform.MASTODON),  # local to the team's instance
    Account("@mesaidesvelo", display_name="Mes Aides Vélo"),
], ids=["ally-handle", "ally-instance", "ally-domain", "own-twitter", "own-local", "ally-lookalike-name"])
def test_the_team_and_its_allies_are_never_flagged(account):
    assert rules_of(account) == []


def test_thresholds_come_from_the_configuration():
    account = Account("@big", bio="Photos de chats.", followers=8000, following=100)
    assert rules_of(account) == []
    low = AccountThresholds(followers=5000, ratio=20, ratio_min_followers=1000)
    assert rules_of(account, accounts=low) == ["influencer-follow"]
    [finding] = findings(account, accounts=low)
    assert "8,000 followers (threshold 5,000)" in finding.message and "80 followers per account" in finding.message
    # A small account's ratio means little.
    assert rules_of(Account("@new", bio="Photos.", followers=900, following=1)) == []


def test_a_member_with_a_large_audience_is_not_flagged_for_it():
    member = Account("@paul", bio="Open data, civic tech, and too much coffee.", followers=22000, following=900)
    assert rules_of(member) == []


@pytest.mark.parametrize(("account", "cue"), [
    (Account("@mesaides_officiel", display_name="Mes Aides ✅"), "added 'officiel'"),
    (Account("@realmesaides"), "added 'real'"),
    (Account("@mesaides2024"), "added '2024'"),
    (Account("@mes_aides"), "the same name, written differently"),
    (Account("@rnesaides"), "look-alike characters"),
    (Account("@m3saides"), "digits for letters"),
    (Account("@mesaide"), "one letter away"),
    (Account("@mesiades"), "one letter away"),
    (Account("@mesaides@mastodon.social", platform=Platform.MASTODON), "the same name on another instance: mastodon.social"),
    (Account("@jean_k", display_name="Mes Aides"), "display name; the same name"),
    (Account("@aides_info", display_name="Mеs Аidеs"), "display name; look-alike characters"),
    (Account("@x_99", display_name="Mes Aides ✔ officiel"), "a check mark in the name"),
])
def test_imitations_of_the_team_are_flagged_with_the_cue(account, cue):
    [finding] = [f for f in findings(account) if f.rule != "unassessed-account"]
    assert finding.rule == "lookalike-account"
    assert cue in finding.message, finding.message
    assert account.handle in finding.message


@pytest.mark.parametrize("handle,name", [
    ("@mes_idees_", "Mes idées"), ("@mesaventures", "Mes aventures"), ("@aides_logement", "Aides au logement"),
    ("@sylvain_mesaides", "Sylvain (Mes Aides)"), ("@mesaidesalamaison", "Mes aides à la maison"),
])
def test_names_near_the_teams_that_are_not_imitations(handle, name):
    assert "lookalike-account" not in rules_of(Account(handle, display_name=name, bio="Un compte.", followers=10, following=10))


def test_lookalike_needs_a_team_profile():
    assert rules_of(Account("@mesaides_officiel", bio="x", followers=1, following=1), team=TeamProfile()) == []


def test_a_post_that_mentions_an_impostor_is_flagged_at_the_mention():
    post = Post(text="Écrivez à @mesaides_support ou à @mesaides pour toute question.")
    found = [f for f in linter().check_posts([post]) if f.rule == "lookalike-account"]
    assert [(f.match, f.start) for f in found] == [("@mesaides_support", 10)]
    ours = Post(text="Sur Mastodon : @mesaides@social.numerique.gouv.fr, et @mesaides@mastodon.social n'est pas nous")
    found = [f.match for f in linter().check_posts([ours]) if f.rule == "lookalike-account"]
    assert found == ["@mesaides@mastodon.social"]


def test_an_account_without_a_profile_is_reported_not_passed():
    [finding] = findings(Account("@someone@mastodon.social", platform=Platform.MASTODON))
    assert finding.rule == "unassessed-account" and finding.severity == "info"
    assert "only its handle" in finding.message
    [by_id] = findings(Account("https://twitter.com/intent/user?user_id=77", id="77", platform=Platform.TWITTER))
    assert "only its id (77)" in by_id.message
    # An impostor's handle alone is enough for lookalike-account; it is still not assessed otherwise.
    assert sorted(rules_of(Account("@mesaides_officiel"))) == ["lookalike-account", "unassessed-account"]
    assert rules_of(Account("@betagouv")) == []  # an ally needs no profile


def test_findings_are_at_the_accounts_line():
    from socialrules.models import Source

    account = Account("@claire_l", bio=JOURNALIST.bio, url=JOURNALIST.url, followers=48200, following=1900,
                      source=Source("following.csv", line=7))
    [finding] = linter().check_accounts([account])
    assert (finding.location.path, finding.location.line, finding.post) == ("following.csv", 7, "@claire_l")


_TEXT = st.one_of(st.none(), st.text(max_size=80))
_COUNT = st.one_of(st.none(), st.integers(min_value=0, max_value=10**9))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=40), _TEXT, _TEXT, _TEXT, _COUNT, _COUNT, st.sampled_from([None, Platform.TWITTER, Platform.MASTODON]),
       st.dictionaries(st.text(max_size=8), st.text(max_size=30), max_size=2))
def test_no_account_rule_raises_on_any_account(handle, name, bio, url, followers, following, platform, fields):
    account = Account(handle, display_name=name, bio=bio, url=url, followers=followers, following=following,
                      platform=platform, fields=fields)
    for finding in _ANY.check_accounts([account]):
        assert finding.rule in ACCOUNT_RULES


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=120))
def test_lookalike_takes_any_post_text(text):
    _ANY.check_posts([Post(text=text + " @" + text[:15])])


_ANY = linter()
