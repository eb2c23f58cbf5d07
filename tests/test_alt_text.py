"""The `alt_text` kind and the alt-text rule: media descriptions that are missing or useless."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialrules import Linter, Post
from socialrules.loader import builtin_rules_dir, load_rule_file
from socialrules.models import Media

RULE = load_rule_file(builtin_rules_dir() / "alt-text.yaml")
LINTER = Linter([RULE], lang="en")
GOOD = "Graphique : 1,2 million de simulations en 2025, deux fois plus qu'en 2024."


def run(*alts, text="Le bilan de l'année."):
    media = tuple(Media(file=f"m{i}.png", alt=alt) for i, alt in enumerate(alts))
    return LINTER.check_post(Post(text=text, media=media))


def test_a_post_without_media_or_with_good_descriptions_passes():
    assert run() == []
    assert run(GOOD, "Photo of twelve people around a table covered with sticky notes.") == []


@pytest.mark.parametrize("alt", [None, "", "   "])
def test_missing_description_points_at_the_text_start_and_names_the_media(alt):
    [finding] = run(GOOD, alt)
    assert (finding.field, finding.start, finding.end) == ("text", 0, 0)
    assert "Media 2 (m1.png)" in finding.message and "no description" in finding.message


@pytest.mark.parametrize(("alt", "reason"), [
    ("IMG_1234.jpg", "file name"),
    ("capture.png", "file name"),
    ("Screenshot 2026-01-05 at 10.22.33", "file name"),
    ("Capture d’écran 2026-01-05 à 10.22.33", "file name"),
    ("PXL_20260105_102233123", "file name"),
    ("image", "generic word"),
    ("Photo", "generic word"),
    ("IMG", "generic word"),
    ("alt", "generic word"),
    ("Picture.", "generic word"),
    ("Image 1", "file name"),
    ("Capture d'écran", "generic word"),
    ("🎉", "only emoji"),
    ("👍🏽", "only emoji"),
    ("ok", "too short"),
    ("-", "too short"),
    ("Le bilan de l'année.", "repeats the post's text"),
    ("  le bilan   de l'année ", "repeats the post's text"),
])
def test_useless_descriptions_are_flagged_on_the_alt_field(alt, reason):
    [finding] = run(alt)
    assert finding.field == "media[0].alt"
    assert finding.match == alt.strip()
    assert reason in finding.message


@pytest.mark.parametrize("alt", [
    "Photo 1 : la salle comble pendant l'atelier, une trentaine de personnes.",
    "Logo de Mes Aides : un cercle bleu et le nom en lettres blanches.",
    "Capture d'écran du simulateur : trois questions sur le logement.",
    "A chart",
])
def test_descriptions_that_describe_pass(alt):
    assert run(alt) == []


def test_french_messages_name_the_reason():
    [finding] = Linter([RULE], lang="fr").check_post(Post(text="x", media=(Media(file="a.png"),)))
    assert finding.message.startswith("Média 1 (a.png) : aucune description")


def test_generic_words_can_be_extended():
    from socialrules.engine import Linter as EngineLinter
    from socialrules.models import Config

    config = Config(rules={"alt-text": {"extend_generic": ["bannière"]}})
    [finding] = EngineLinter([RULE], config, lang="en").check_post(
        Post(text="x", media=(Media(alt="Bannière"),)))
    assert "generic word" in finding.message


media = st.builds(Media, file=st.none() | st.text(max_size=20), alt=st.none() | st.text(),
                  type=st.none() | st.sampled_from(["image", "video", "gifv", "audio"]))


@given(text=st.text(), items=st.lists(media, max_size=4))
def test_never_raises(text, items):
    for finding in LINTER.check_post(Post(text=text, media=tuple(items))):
        if finding.field != "text":
            index = int(finding.field[6:finding.field.index("]")])
            assert items[index].alt[finding.start:finding.end] == finding.match
