"""The shared text analysis: its quick paths give what the plain definitions give."""

import re
import sys
import unicodedata

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from socialrules.text.analysis import _EMOJI, TextView, _re_words_differ, find_emoji, word_list
from socialrules.text.normalize import _FILLERS, _FOLD, _INVISIBLE, fold, variants

# Characters that make and break emoji: bases, selectors, keycaps, joiners, skin tones, flags,
# pictographs below U+2100 that need a selector (©, ‼), and ordinary letters and digits.
EMOJI_PARTS = st.sampled_from(
    ["\ufe0f", "\u20e3", "\u200d", "\U0001f3fd", "\U0001f1eb", "\U0001f1f7", "©", "‼", "™", "1",
     "#", "*", "a", " ", "é", "❤", "😀", "👩", "💻", "🅰", "\ufe0e", "\u2100", "x"])
LATIN = st.text(st.sampled_from("aAeEéÉèàÀçÇœŒßİıǅﬁ’`´–—…«» \n\t\u00ad\u200b\u0301ℹ①𝐁ＦΣσς"), max_size=40)


def scanned_emoji(text: str) -> list[tuple[int, int]]:
    """The emoji as the pattern finds them tried at every position."""
    return [match.span() for match in _EMOJI.finditer(text)]


@given(st.lists(EMOJI_PARTS, max_size=25).map("".join))
def test_emoji_found_where_they_may_start_are_those_of_a_full_scan(text):
    assert find_emoji(text) == scanned_emoji(text)


@given(st.text(max_size=40))
def test_emoji_of_any_text_are_those_of_a_full_scan(text):
    assert TextView(text).emoji == scanned_emoji(text)


def test_emoji_spans_cover_keycaps_flags_and_selected_symbols():
    text = "a 1\ufe0f\u20e3 b 🇫🇷 c ©\ufe0f d © e 👩\u200d💻"
    found = [text[start:end] for start, end in TextView(text).emoji]
    assert found == ["1\ufe0f\u20e3", "🇫🇷", "©\ufe0f", "👩\u200d💻"]


@settings(max_examples=300)
@given(st.one_of(st.text(max_size=60), LATIN))
def test_fold_is_the_character_table_applied_to_each_character(text):
    # fold() replaces each distinct character then lower-cases: the same as folding every
    # character alone, whatever the text mixes (Turkish İ, final sigma, ligatures, marks).
    assert fold(text).text == text.translate(_FOLD)
    assert fold(text, TextView(text).non_ascii).text == text.translate(_FOLD)
    assert TextView(text).folded.text == text.translate(_FOLD)  # given its non-ASCII set and bytes


@given(LATIN)
def test_folded_offsets_lead_back_to_the_original_characters(text):
    folded = fold(text)
    for index, char in enumerate(folded.text):
        start, end = folded.original_span(index, index + 1)
        assert char in _FOLD[ord(text[start])] or not text[start:end].strip()


def test_non_ascii_is_the_set_of_characters_outside_ascii():
    assert TextView("Élan, café ☕ et thé").non_ascii == {"É", "é", "☕"}
    assert TextView("Élan, café et thé").non_ascii == {"É", "é"}  # Latin-1 only: another way
    assert TextView("plain text").non_ascii == frozenset()


@given(st.one_of(st.text(max_size=40), LATIN, st.text(st.characters(max_codepoint=0xFF), max_size=40)))
def test_non_ascii_and_the_count_above_latin1_are_what_the_characters_say(text):
    view = TextView(text)
    assert view.non_ascii == {char for char in text if ord(char) > 0x7F}
    assert view.above_latin1 == sum(1 for char in text if ord(char) > 0xFF)


def test_words_are_runs_of_word_characters():
    assert word_list("l'équipe, c'est @nous #top 2026!") == ["l", "équipe", "c", "est", "nous", "top", "2026"]


# Letters, digits and l33t symbols, the separators of spaced-out words, and blanks of every sort;
# and texts with spaced-out words ("c o n", "i.d.i.o.t") among such characters.
OBFUSCATION = st.text(st.sampled_from("ab cdé0134@$€!|£._*-\t\n\u00a0\u2028x"), max_size=40)
SPACED = st.lists(st.one_of(
    st.tuples(st.sampled_from(" ._*-"), st.lists(st.sampled_from("abcéx1@"), min_size=2, max_size=6))
    .map(lambda parts: parts[0].join(parts[1])),
    OBFUSCATION), max_size=4).map(" ".join)


@given(st.one_of(SPACED, OBFUSCATION, st.text(max_size=40), LATIN))
def test_variants_read_token_by_token_are_those_of_the_whole_text(text):
    # A view skips the search for l33t and spaced letters when none of its text's tokens may hold
    # them: it must find the same variants, and the same words in each, as the full search.
    view = TextView(text)
    expected = variants(view.folded)
    assert [variant.text for variant in view.variants] == [variant.text for variant in expected]
    assert view.variant_words == [frozenset(word_list(variant.text)) for variant in expected]


def test_re_finds_the_words_regex_finds_wherever_the_view_uses_it():
    # Words are runs of `regex`'s \w; a token is split with the standard `re` unless one of its
    # characters is where the two engines' \w differ. Every other code point must agree.
    regex_word, re_word = regex.compile(r"\w"), re.compile(r"\w")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF or _re_words_differ(char):
            continue
        assert bool(regex_word.fullmatch(char)) is bool(re_word.fullmatch(char)), hex(code)


@given(st.one_of(st.text(max_size=40), LATIN, st.lists(EMOJI_PARTS).map("".join)))
def test_words_are_regex_word_runs_token_by_token(text):
    assert word_list(text) == [word for token in text.split() for word in regex.findall(r"\w+", token)]


def test_invisible_characters_are_the_format_characters_and_fillers():
    # fold() drops a character by its Unicode category where Python knows it, by the `regex`
    # class _INVISIBLE where it does not (characters newer than Python's Unicode data).
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        kind = unicodedata.category(char)
        dropped = kind == "Cf" or char in _FILLERS or (kind == "Cn" and _INVISIBLE.fullmatch(char))
        assert bool(dropped) is bool(_INVISIBLE.fullmatch(char)), hex(code)
