"""The `emoji` kind and the emoji-overuse rule: too many, runs, bullets, emoji for words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
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


# The quick paths (uses looked for only when there are enough emoji for their threshold; "mot 🎉
# suite" recognised without the patterns) must find what the plain reading finds.
def in_words_by_patterns(text, spans):
    """The emoji standing for words, every one tried with the patterns."""
    from socialrules.checks import emoji

    found = []
    for start, end in spans:
        lower_after = emoji._LOWER_WORD_AFTER.match(text, end)
        if not lower_after and not emoji._SENTENCE_END_AFTER.match(text, end):
            continue
        before = emoji._WORD_BEFORE.search(text, max(0, start - 40), start)
        if before is not None and (lower_after or before.group(1).lower() in emoji._ARTICLES):
            found.append((start, end))
    return found


def plain_finding(text, limits=(5, 3, 3, 2)):
    """(start, end, English cues) of the finding, every use looked for whatever the count."""
    from socialrules.checks import emoji
    from socialrules.text.analysis import TextView

    top, run, bullets, in_words = limits
    spans = TextView(text).emoji
    fired = []
    if top and len(spans) > top:
        fired.append((spans[top][0], spans[-1][1], f"{len(spans)} emoji, more than the {top} allowed"))
    if run and spans:
        first, last = emoji._longest_run(text, spans)
        if last - first + 1 >= run:
            fired.append((spans[first][0], spans[last][1], f"{last - first + 1} in a row"))
    found = emoji._bullets(text, spans)
    if bullets and spans and len(found) >= bullets:
        fired.append((found[0][0], found[-1][1], f"{len(found)} lines start with an emoji"))
    found = in_words_by_patterns(text, spans)
    if in_words and len(found) >= in_words:
        fired.append((found[0][0], found[-1][1], f"{len(found)} in place of words"))
    if not fired:
        return None
    return min(f[0] for f in fired), max(f[1] for f in fired), "; ".join(f[2] for f in fired)


PIECES = st.sampled_from(["🎉", "❤️", "👨‍👩‍👧", "🇫🇷", "#️⃣", " ", "  ", "\n", "\t", "\u00a0", "le", "je", "la",
                          "mot", "été", "Été", "A", "a", "1", "_", "’", "'", ".", "!", "…", "ǅ", "ß"])
EMOJI_TEXTS = st.text() | st.lists(PIECES | st.text(max_size=2), max_size=30).map("".join)


@pytest.mark.parametrize("text", [
    "Fin. 🎉 merci 🎉 bravo", "on 🎉 le 🍕", "mot’ 🎉 mot 🎉 mot", "x 🎉 y 🎉 z", "x\n🎉 y 🎉 z",
    "é 🎉 é 🎉 é", "(ok) 🎉 mot 🎉 mot", "mot  🎉  mot 🎉 mot", "_ 🎉 a 🎉 b", "1 🎉 a 🎉 b", "A 🎉 B 🎉 c",
])
def test_quick_paths_on_samples(text):
    assert_same_as_patterns(text, 2)


@settings(max_examples=300)
@given(EMOJI_TEXTS, st.integers(1, 4))
def test_quick_paths_find_what_the_patterns_find(text, needed):
    assert_same_as_patterns(text, needed)


def assert_same_as_patterns(text, needed):
    from socialrules.checks import emoji
    from socialrules.text.analysis import TextView

    spans = TextView(text).emoji
    plain = in_words_by_patterns(text, spans)
    assert emoji._in_words(text, spans) == plain
    found = emoji._in_words(text, spans, needed)
    assert found == plain if len(plain) >= needed else len(found) < needed
    [finding] = LINTER.check(text) or [None]
    expected = plain_finding(text)
    if expected is None:
        assert finding is None
    else:
        assert (finding.start, finding.end) == expected[:2] and expected[2] in finding.message
