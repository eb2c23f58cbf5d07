"""The accidental-post rule: template placeholders, notes left for later, filler, test posts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialrules import Linter, Post
from socialrules.loader import builtin_rules_dir, load_rule_file
from socialrules.models import Media

RULE = load_rule_file(builtin_rules_dir() / "accidental-post.yaml")
LINTER = Linter([RULE], lang="en")


def matches(text):
    return [f.match for f in LINTER.check(text)]


@pytest.mark.parametrize(("text", "match"), [
    ("Bonjour {{ prenom }} !", "{{ prenom }}"),
    ("{% if inscrit %}Merci{% endif %}", "{% if inscrit %}"),
    ("Hello <%= name %>", "<%= name %>"),
    ("Merci ${user} !", "${user}"),
    ("Merci {0} !", "{0}"),
    ("Merci %(prenom)s !", "%(prenom)s"),
    ("Merci %1$s !", "%1$s"),
    ("Hi $NAME, welcome", "$NAME"),
    ("Lien : __LINK__", "__LINK__"),
    ("Lien : [URL]", "[URL]"),
    ("Lien : [insérer le lien]", "[insérer le lien]"),
    ("Dates : [À COMPLÉTER]", "[À COMPLÉTER]"),
    ("Read more: <link>", "<link>"),
    ("XXX vérifier le chiffre", "XXX"),
    ("TBD", "TBD"),
    ("Ceci est un test", "Ceci est un test"),
    ("Essai", "Essai"),
    ("testing, testing", "testing, testing"),
])
def test_leftovers_are_flagged(text, match):
    assert match in matches(text)


@pytest.mark.parametrize("text", [
    "Ce test utilisateur a duré 40 minutes.",
    "Test du nouveau formulaire avec 12 usagers : voici ce que nous avons appris.",
    "Achetez $TSLA ou $AAPL ? Ni l'un ni l'autre, lisez nos conseils.",
    "La réduction est de 20 % et concerne 100% des usagers.",
    "Le fichier config/TODO.md et le tag #TODO ne sont pas des oublis.",
    "Le format JSON : {\"nom\": \"valeur\"}",
    "[PHOTOS] Retour sur l'atelier",
    "Les <3 de la semaine",
])
def test_ordinary_text_passes(text):
    assert matches(text) == []


MEDIA = st.lists(st.builds(Media, file=st.none() | st.text(max_size=20), alt=st.none() | st.text()), max_size=3)


@given(st.text(), MEDIA)
def test_never_raises_or_times_out(text, media):
    for finding in LINTER.check_post(Post(text=text, spoiler_text=text, media=tuple(media))):
        assert finding.match
