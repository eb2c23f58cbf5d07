"""twitter_length against twitter-text 3.1.0 (conformance data read in place from ../shared)."""

from __future__ import annotations

import copy
import dataclasses
import importlib.util
import json
import pickle
import unicodedata
from pathlib import Path

import emoji
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialrules.text import twitter
from socialrules.text.analysis import TextView
from socialrules.text.twitter import (V1, V2, V3, TwitterConfig, TwitterCount, twitter_count,
                                     twitter_length)
from socialrules.text.urls import find_urls

from . import reference
from .conformance import read, twitter_tests

VALIDATE = twitter_tests("validate.yml")
REFERENCE = json.loads(read("twitter-text", "reference_vectors.json"))["cases"]
WEIGHTED_GROUPS = {  # validate.yml group -> the configuration its runner uses
    "WeightedTweetsCounterTest": V2,
    "WeightedTweetsWithDiscountedEmojiCounterTest": V3,
    "UnicodeDirectionalMarkerCounterTest": V3,  # the library default
}


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@pytest.mark.parametrize(("name", "config"), [("v1", V1), ("v2", V2), ("v3", V3)])
def test_configurations_are_twitter_texts(name, config):
    assert TwitterConfig.from_json(json.loads(read("twitter-text", f"{name}.json"))) == config


@pytest.mark.parametrize(("case", "config"), [
    pytest.param(case, config, id=f"{group}: {case['description']}")
    for group, config in WEIGHTED_GROUPS.items() for case in VALIDATE[group]
])
def test_validate_yml_weighted(case, config):
    text, expected = case["text"], case["expected"]
    count = twitter_length(text, config)
    assert (count.weighted_length, count.valid) == (expected["weightedLength"], expected["valid"])
    assert count.limit == 280
    # validRangeEnd is the last valid UTF-16 index (inclusive, 0 when nothing fits);
    # fits_until is the str index just past it.
    assert max(utf16_length(text[:count.fits_until]) - 1, 0) == expected["validRangeEnd"]


@pytest.mark.parametrize("case", [pytest.param(c, id=c["description"]) for c in VALIDATE["tweets"]])
def test_validate_yml_tweets_v1(case):
    # The old 140-character rule: every code point (and each URL as 23) counts 1.
    assert twitter_length(case["text"], V1).valid is case["expected"]


@pytest.mark.parametrize("case", [
    pytest.param(case, id=f"{i:03d} {case['text'][:24]!r}") for i, case in enumerate(REFERENCE)
])
def test_reference_vectors(case):
    count = twitter_length(case["text"])
    assert (count.weighted_length, count.valid) == (case["weighted_length"], case["valid"])


@pytest.mark.parametrize(("text", "weight"), [
    pytest.param("©", 1, id="copyright alone is text"),
    pytest.param("©\ufe0f", 2, id="copyright with VS16"),
    pytest.param("⌚\ufe0f", 2, id="watch with VS16 is one emoji"),
    pytest.param("🚀\ufe0f", 4, id="rocket: VS16 weighs apart"),
    pytest.param("♾\ufe0f", 4, id="infinity: VS16 weighs apart"),
    pytest.param("☺\ufe0e", 4, id="text style: not an emoji"),
    pytest.param("👨\u200d👩\u200d👧\u200d👦", 2, id="family ZWJ sequence"),
    pytest.param("🐦\u200d🔥", 5, id="phoenix, newer than Emoji 11"),
    pytest.param("❤\ufe0f\u200d🔥", 5, id="heart on fire, newer than Emoji 11"),
    pytest.param("🫶🏾", 4, id="Emoji 14 heart hands and a lone skin tone"),
    pytest.param("🇫🇷🇫", 4, id="flag and a lone regional indicator"),
    pytest.param("#\ufe0f\u20e3", 2, id="keycap"),
    pytest.param("1\u20e3", 2, id="keycap without VS16"),
    pytest.param("🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f", 2, id="Scotland"),
    pytest.param("日本語", 6, id="CJK weighs 2"),
    pytest.param("e\u0301", 1, id="NFC first"),
    pytest.param("example.com", 23, id="scheme-less URL"),
])
def test_weights(text, weight):
    assert twitter_length(text).weighted_length == weight


def test_fits_until_keeps_urls_and_emoji_whole():
    assert twitter_length("x" * 279 + "🎉").fits_until == 279
    assert twitter_length("x" * 278 + "🎉y").fits_until == 279
    text = "x" * 260 + " https://example.com/page"
    assert twitter_length(text) == twitter_length(text, V3)
    count = twitter_length(text)
    assert (count.weighted_length, count.valid, count.fits_until) == (284, False, 261)


def test_fits_until_stops_at_an_invalid_character():
    count = twitter_length("ab\ufeffcd")
    assert (count.weighted_length, count.valid, count.fits_until) == (6, False, 2)
    assert twitter_length("\ufffe").fits_until == 0


def test_fits_until_counts_in_the_text_as_given():
    # NFC turns each "e" + U+0301 into one "é": 281 of them, the limit falls after 280, which
    # are 560 characters of the text as given.
    count = twitter_length("e\u0301" * 281)
    assert (count.weighted_length, count.fits_until) == (281, 560)


def test_configurations():
    assert twitter_length("x" * 141, V1).valid is False
    assert twitter_length("🐱" * 140, V1).valid is True
    count = twitter_length("abcdef", V3.with_limit(4))
    assert (count.limit, count.valid, count.fits_until) == (4, False, 4)
    assert V3.with_limit(500).max_weighted_length == 500 and V3.max_weighted_length == 280
    assert twitter_length("", V3).valid is False
    half = TwitterConfig(scale=100, default_weight=150, ranges=())
    assert twitter_length("ab", half).weighted_length == 3
    with pytest.raises(ValueError):
        TwitterConfig(scale=0)
    with pytest.raises(ValueError):
        TwitterConfig(ranges=((0, 10, -1),))


def test_every_emoji_of_emoji_11_is_one_unit():
    # The emoji set comes from the `emoji` package: every fully-qualified sequence of Emoji 11.0
    # or older must weigh as one character, but for two twemoji-parser 11 exceptions: it lists
    # the eye in speech bubble without its VS16s, and weighs the VS16 after ♾ apart.
    fully = emoji.STATUS["fully_qualified"]
    checked = 0
    for seq, info in emoji.EMOJI_DATA.items():
        if info["E"] <= 11 and info["status"] == fully and seq not in ("👁️‍🗨️", "♾️"):
            assert twitter_length(seq).weighted_length == 2, seq
            checked += 1
    assert checked > 1500


def test_emoji_file_is_what_its_script_writes():
    # twemoji11.txt is generated by scripts/make_twemoji.py from the `emoji` package: the same
    # script, run now, writes the same sequences (the header, naming the package version, aside).
    script = Path(__file__).resolve().parents[2] / "scripts" / "make_twemoji.py"
    spec = importlib.util.spec_from_file_location("make_twemoji", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = Path(twitter.__file__).with_name("twemoji11.txt").read_text(encoding="utf-8")
    assert module.render().split("\n\n", 1)[1] == shipped.split("\n\n", 1)[1]


# --- Properties -------------------------------------------------------------------------------

EMOJI_PARTS = ["a", " ", "©", "®", "™", "#", "*", "1", "\u20e3", "\ufe0f", "\ufe0e", "\u200d", "☺", "⌚",
               "♾", "👨", "👩", "👧", "🏽", "🇫", "🇷", "🏴", "\U000e0067", "\U000e007f", "🎉", "🕴", "♀",
               "€", "…", "日", "é"]


@settings(max_examples=500, deadline=None)
@given(st.text() | st.lists(st.sampled_from(EMOJI_PARTS)).map("".join)
       | st.lists(st.sampled_from(sorted(reference.emoji_sequences()[0])), max_size=8).map("".join))
def test_emoji_are_found_as_a_plain_walk_finds_them(text):
    # twitter.py only tries the positions of characters that may start an emoji: a walk trying
    # the longest sequence at every position finds the same.
    assert twitter._find_emoji(text) == reference.find_emoji(text)


CONFIGS = st.sampled_from([V1, V2, V3]) | st.integers(0, 60).map(V3.with_limit)
# Characters where counting is tricky: emoji parts, weights 1 and 2, marks, invalid characters.
TRICKY = ["a", " ", "é", "e", "\u0301", "日", "🎉", "👨", "👩", "👧", "\u200d", "\ufe0f", "\ufe0e",
          "☺", "⌚", "♾", "🏽", "🇫", "🇷", "™", "\n", "ק", "\u05bc", "\u1100", "\u1161"]


@settings(max_examples=300, deadline=None)
@given(st.text() | st.lists(st.sampled_from(TRICKY + ["©", "1", "#", "\u20e3", "\ufeff", ".",
                                                      "x.com", "https://t.co/a "])).map("".join),
       CONFIGS)
def test_any_text(text, config):
    count = twitter_length(text, config)
    assert count.weighted_length >= 0
    assert 0 <= count.fits_until <= len(text)
    has_invalid = any(ch in "\ufffe\ufeff\uffff" for ch in text)
    all_fits = count.weighted_length <= config.max_weighted_length and not has_invalid
    assert (count.fits_until == len(text)) is all_fits
    assert count.valid is (all_fits and count.weighted_length > 0)


# Without '.', no URL; without '#*0-9©®' no emoji whose first character weighs less than the
# emoji; without U+FFFE/U+FEFF/U+FFFF, nothing invalid. The limit then falls right after
# text[:fits_until]: that prefix is within the limit, one more character is over it.
PLAIN = st.characters(blacklist_characters="#*0123456789©®.\ufffe\ufeff\uffff",
                      blacklist_categories=("Cs",))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TRICKY) | PLAIN).map("".join), CONFIGS)
def test_fits_until_is_where_the_limit_falls(text, config):
    text = unicodedata.normalize("NFC", text)
    count = twitter_length(text, config)
    head = twitter_length(text[:count.fits_until], config)
    assert head.weighted_length <= config.max_weighted_length
    if count.fits_until < len(text):
        longer = twitter_length(text[:count.fits_until + 1], config)
        assert longer.weighted_length > config.max_weighted_length


# --- The shortcuts against the plain walk ----------------------------------------------------

def parse_tweet(text: str, config: TwitterConfig) -> tuple[int, bool, int]:
    """twitter-text's parseTweet as its JavaScript walks the NFC text: at each index a URL, else
    an emoji, else one character (an astral one weighed by its low surrogate), with no shortcut;
    (weighted_length, valid, fits_until) with fits_until mapped back to `text`."""
    norm = unicodedata.normalize("NFC", text)
    urls = dict(reference.find_urls(norm, require_scheme=False))
    emojis = dict(reference.find_emoji(norm)) if config.emoji_parsing_enabled else {}
    limit = config.max_weighted_length * config.scale
    total, valid, fits, i = 0, True, 0, 0
    while i < len(norm):
        if i in urls:
            end, weight = urls[i], config.transformed_url_length * config.scale
        elif i in emojis:
            end, weight = emojis[i], config.default_weight
        else:
            code = ord(norm[i])
            if code > 0xFFFF:
                code = 0xDC00 + ((code - 0x10000) & 0x3FF)
            end, weight = i + 1, next((w for first, last, w in config.ranges
                                       if first <= code <= last), config.default_weight)
        total += weight
        valid = valid and not any(ch in "\ufffe\ufeff\uffff" for ch in norm[i:end])
        if valid and total <= limit:
            fits = end
        i = end
    if fits < len(norm):  # the longest prefix of `text` whose NFC form is that long at most
        fits = max(k for k in range(len(text) + 1)
                   if len(unicodedata.normalize("NFC", text[:k])) <= fits)
    else:
        fits = len(text)
    return -(-total // config.scale), valid and 0 < total <= limit, fits


# Configurations for each way twitter.py weighs characters: one weight (V1), ASCII's and one
# other (V2, V3: `odd`, the default included or not), several weights, a surrogate range,
# Latin-1 of two weights.
ALL_CONFIGS = (st.sampled_from([
    V1, V2, V3,
    TwitterConfig(default_weight=100, ranges=((0x3000, 0x9FFF, 300),)),
    TwitterConfig(ranges=((0, 0xFF, 100), (0x100, 0x2FF, 50), (0x2010, 0x201F, 150))),
    TwitterConfig(ranges=((0, 0x10FF, 100), (0xDC00, 0xDFFF, 100))),
    TwitterConfig(ranges=((0, 0x7F, 100),)),
]) | st.integers(0, 80).map(V3.with_limit))
# Latin-1 words, accents, curly quotes, CJK, marks, emoji one character long and longer, URLs,
# question marks (twitter.py finds emoji among "?"s), invalid characters.
MIXED = ["Merci ", "équipe", "à", "É", "ß", "’", "?", "¿?", " ", "\r\n", "日本", "\u0301", "e\u0301",
         "🎉", "👏", "🇫🇷", "🇫", "👍🏽", "👨\u200d👩\u200d👧", "❤\ufe0f", "#\ufe0f\u20e3", "©\ufe0f",
         "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f", "\U0001d400",
         "\U0002f800", "\ufeff", "https://example.gouv.fr/page", "x.com", "www.example.org/a?b",
         "@betagouv", "#OpenData", "a" * 40, "é" * 40]


@settings(max_examples=1000, deadline=None)
@given(st.text() | st.lists(st.sampled_from(MIXED), max_size=30).map("".join), ALL_CONFIGS)
def test_shortcuts_count_as_the_plain_walk(text, config):
    # Latin-1 texts, Latin-1 with a few emoji, the count ended before fits_until when the text
    # fits, emoji one character long weighed as characters: none changes the count.
    expected = parse_tweet(text, config)
    assert twitter_count(text, config) == expected
    assert twitter_count(text, config, urls=find_urls(text, require_scheme=False)) == expected
    # As the twitter-length rule asks: with what the text's view knows already.
    view = TextView(text)
    assert twitter_count(text, config, urls=view.urls, above=view.above_latin1) == expected


def test_shortcuts_on_conformance_texts():
    for case in REFERENCE:
        assert twitter_count(case["text"]) == parse_tweet(case["text"], V3)
    for group, config in WEIGHTED_GROUPS.items():
        for case in VALIDATE[group]:
            assert twitter_count(case["text"], config) == parse_tweet(case["text"], config)


def test_nfc_leaves_latin1_and_emoji_alone():
    # twitter.py does not normalise a text of Latin-1 and U+1F000-U+2F7FF characters: none may
    # change under NFC, wherever it stands (composition exclusions and singletons change alone;
    # a mark may move or join the character before it; a character that is the second of a
    # canonical pair may join it).
    seconds = set()
    for code in range(0x110000):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            seconds.add(int(parts[1], 16))
    stable = range(ord(twitter._STABLE_FIRST), ord(twitter._STABLE_END))
    for code in [*range(0x100), *stable]:
        ch = chr(code)
        assert unicodedata.normalize("NFC", ch) == ch and unicodedata.combining(ch) == 0, hex(code)
        assert code not in seconds, hex(code)


def test_every_emoji_sequence_holds_a_joiner():
    # An emoji of one character weighs as the character does, so twitter.py looks for emoji only
    # in texts with ZWJ or a character of _JOINERS: every longer sequence holds one after its
    # first character.
    sequences, _ = reference.emoji_sequences()
    longer = [seq for seq in sequences if len(seq) > 1]
    assert len(longer) > 1500
    for seq in longer:
        assert any(ch == "\u200d" or ch in twitter._JOINERS for ch in seq[1:]), seq
    assert all(ch >= "\u203c" for ch in twitter._JOINERS)  # which plan.odd finds (covers_emoji)


def test_twitter_count_is_twitter_length_as_a_tuple():
    for text in ["abc", "x" * 300, "🎉" * 150, "e\u0301" * 281, ""]:
        count = twitter_length(text)
        assert twitter_count(text) == (count.weighted_length, count.valid, count.fits_until)


def test_results_and_configurations_are_frozen_dataclasses():
    # TwitterConfig and TwitterCount are written without @dataclass(frozen=True) generating
    # their methods (see urls._Record), but behave as such dataclasses do.
    count = twitter_length("abc")
    assert count == TwitterCount(3, 280, True, 3) and hash(count) == hash(TwitterCount(3, 280, True, 3))
    assert count != TwitterCount(3, 280, True, 2) and count != (3, 280, True, 3)
    assert repr(count) == "TwitterCount(weighted_length=3, limit=280, valid=True, fits_until=3)"
    assert dataclasses.is_dataclass(count) and dataclasses.asdict(count)["fits_until"] == 3
    assert [f.name for f in dataclasses.fields(TwitterConfig)][:2] == ["max_weighted_length", "scale"]
    assert dataclasses.replace(V3, scale=1) == TwitterConfig(scale=1)
    assert pickle.loads(pickle.dumps(V2)) == V2 and copy.deepcopy(count) == count
    with pytest.raises(dataclasses.FrozenInstanceError):
        count.valid = False  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        V3.scale = 1  # type: ignore[misc]
    assert TwitterConfig(ranges=[[0, 10, 1]]).ranges == ((0, 10, 1),)  # lists from JSON
    assert V3.with_limit(500) is V3.with_limit(500) and V3.with_limit(500).max_weighted_length == 500
