"""The accidental-post rule: template placeholders, notes left for later, filler, test posts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
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


# The quick `requires` test (single characters searched, words of the folded text looked up in
# a memo of words known to hold none) must answer as the plain search of the folded text does,
# and so never hide a match. One check for every example: its memo fills as they run, as it
# does over a long run of posts.
CHECK = LINTER.checks[0][1]
PIECES = st.sampled_from([
    " ", "\n", "  ", "todo", "TODO", "ToDo", "todolist", "fixme", "FIXME", "xxx", "XXX", "tbd", "TBD",
    "lorem", "Lorem ipsum", "LOREM", "test", "Test", "testing", "tests", "attestation", "essai",
    "Essai", "ceci est un test", "__", "__LINK__", "_", "{", "{{", "}}", "{prenom}", "$", "$NAME",
    "%", "%s", "<", "<LINK>", "[", "[LIEN]", "]", "mot", "Le", "été", "Ｔ", "ＴＯＤＯ", "ſ", "K",
    "\u200b", "\u00ad", "é", "🎉", "＄", "｛", "﹤", "［", "https://example.gouv.fr/a_b", "@x", "#tag",
])
SEPARATORS = st.sampled_from(["", " ", " ", "\n", ", "])
TEXTS = st.text() | st.lists(st.tuples(st.one_of(PIECES, PIECES, st.text(max_size=3)), SEPARATORS), max_size=8).map(
    lambda pairs: "".join(piece + separator for piece, separator in pairs))


def subject(text, **post):
    from socialrules.engine import ALL_PLATFORMS, Subject

    return Subject(Post(text=text, **post), ALL_PLATFORMS, LINTER.config)


def assert_same_answer(text):
    from socialrules.text.analysis import TextView

    view = TextView(text)
    plain = any(string in view.folded.text for string in CHECK.options.requires)
    assert CHECK.may_match("text", view) == plain
    assert CHECK.may_match("spoiler_text", view) == plain


def assert_same_hits(text, spoiler):
    post = subject(text, spoiler_text=spoiler)
    everywhere = [hit for field, view in post.texts(CHECK.options.fields) for hit in CHECK.matches(field, view)]
    assert list(CHECK.run(post)) == everywhere


SAMPLES = ["TODO mot", "mot xxx", "Lorem ipsum mot", "fixme mot", "test", " Test 1 2 3 ", "Essai",
           "Lien : __LINK__ mot", "__ mot", "attestation", "mot tbd", "mot ｛prenom｝", "mot FIXME mot", "mot"]


@pytest.mark.parametrize("text", SAMPLES)
def test_quick_requires_test_on_samples(text):
    for _ in range(2):  # then with its words in the memo
        assert_same_answer(text)
        assert_same_hits(text, "")
        assert_same_hits("mot", text)


@settings(max_examples=300)
@given(TEXTS)
def test_quick_requires_test_answers_as_the_plain_search(text):
    assert_same_answer(text)


@settings(max_examples=300)
@given(TEXTS, TEXTS)
def test_requires_never_hides_a_match(text, spoiler):
    assert_same_hits(text, spoiler)
