"""The metric kind's lengths and capitals: its shortcuts give what the plain measures give."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from socialrules import Linter, Post
from socialrules.checks import metric
from socialrules.loader import builtin_rules_dir, load_rule_file
from socialrules.text.mastodon import mastodon_length
from socialrules.text.twitter import twitter_length

RULES = {name: load_rule_file(builtin_rules_dir() / f"{name}.yaml")
         for name in ("twitter-length", "mastodon-length", "all-caps", "empty-post")}
LINTER = Linter(list(RULES.values()), lang="en")
CAPS = RULES["all-caps"].options  # max: 0.6, min_letters: 16

# Latin-1 words (shouted or not), curly quotes, emoji, CJK, letters that are capitals in a
# script or a form of their own, marks, white space and invisible characters, URLs, mentions.
PARTS = ["Merci ", "MERCI ", "équipe ", "ÉQUIPE ", "À ", "ß", "’", "?", " ", "\n", "\u00a0",
         "\u200b", "\ufeff", "\u3164", "🎉", "🇫🇷", "👨\u200d👩", "日本", "ΑΘΗΝΑ ", "Москва ",
         "\u24b6", "\u2160", "\U0001d400", "e\u0301", "https://example.gouv.fr/page ",
         "@mesaides@social.example ", "a" * 60, "A" * 20]
TEXTS = st.text() | st.lists(st.sampled_from(PARTS), max_size=40).map("".join)


def findings(text: str, rule: str, spoiler_text: str = "") -> list:
    post = Post(text=text, spoiler_text=spoiler_text)
    return [finding for finding in LINTER.check_post(post) if finding.rule == rule]


def test_latin1_capitals_and_letters_are_what_str_says():
    # _capitals counts Latin-1 with bytes and the characters above with str.isupper and
    # str.isalpha: the byte sets must say what those say, and Unicode's \p{Uppercase} and \p{L}.
    for code in range(256):
        ch = chr(code)
        assert (code in metric._LATIN1_CAPITALS) is ch.isupper() is bool(regex.match(r"\p{Uppercase}", ch)), hex(code)
        assert (code not in metric._LATIN1_NOT_LETTERS) is ch.isalpha() is bool(regex.match(r"\p{L}", ch)), hex(code)


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_capitals_as_the_plain_count(text):
    upper = len(regex.findall(r"\p{Uppercase}", text))
    letters = len(regex.findall(r"\p{L}", text))
    shouts = (upper > CAPS["max"] * CAPS["min_letters"] and letters >= CAPS["min_letters"]
              and upper / letters > CAPS["max"])
    found = findings(text, "all-caps")
    assert bool(found) is shouts
    if found:
        assert found[0].message.startswith(f"{round(100 * upper / letters)}% of the letters")


def test_capitals():
    assert findings("MERCI À TOUTE L'ÉQUIPE POUR CE TRAVAIL", "all-caps")
    assert findings("MERCI À TOUTE L'ÉQUIPE 🎉🎉 POUR CE TRAVAIL", "all-caps")
    assert not findings("Merci à toute l'équipe de la CAF et du RSA pour ce travail", "all-caps")
    assert not findings("🎉" * 40 + " OK", "all-caps")  # emoji are no capitals
    assert findings("ΕΥΧΑΡΙΣΤΟΥΜΕ ΠΟΛΥ ΟΛΗ ΤΗΝ ΟΜΑΔΑ", "all-caps")


@settings(max_examples=300, deadline=None)
@given(TEXTS | st.lists(st.sampled_from(PARTS), min_size=20, max_size=60).map("".join))
def test_lengths_as_the_plain_counts(text):
    # The checks count with twitter_count, and skip statuses that surely fit on Mastodon.
    twitter = twitter_length(text)
    found = findings(text, "twitter-length")
    assert bool(found) is (twitter.weighted_length > 280)
    if found:
        assert (found[0].start, found[0].end) == (twitter.fits_until, len(text))
        assert found[0].message.startswith(f"{twitter.weighted_length} weighted characters")
    mastodon = mastodon_length(text)
    found = findings(text, "mastodon-length")
    assert bool(found) is (mastodon.length > 500)
    if found:
        assert found[0].message.startswith(f"{mastodon.length} characters on Mastodon")


@settings(max_examples=300, deadline=None)
@given(TEXTS | st.lists(st.sampled_from(["", " ", "\n", "\u200b", "\u3164", "\ufeff", ".", "é"]))
       .map("".join))
def test_empty_as_the_plain_count(text):
    # A first character in printable ASCII ends the count at once: the same as counting.
    visible = regex.search(r"[^\s\p{Cf}\u034f\u115f\u1160\u3164\uffa0]", text)
    assert bool(findings(text, "empty-post")) is (visible is None)


def test_lengths_at_the_limits():
    assert not findings("é" * 280, "twitter-length") and findings("é" * 281, "twitter-length")
    assert not findings("🎉" * 140, "twitter-length") and findings("🎉" * 141, "twitter-length")
    [found] = findings("a" * 257 + " https://a.co", "twitter-length")  # the URL counts 23
    assert (found.start, found.end) == (258, 270)
    # On Mastodon, the URL counts 23 too, and the content warning counts.
    assert findings("a" * 480 + " https://a.co", "mastodon-length")
    assert not findings("a" * 400, "mastodon-length", spoiler_text="w" * 100)
    assert findings("a" * 400, "mastodon-length", spoiler_text="w" * 101)


ENTITY_PARTS = PARTS + ["#Tag ", "＃タグ ", "#", "@x ", "＠y ", "x@y.fr ", "www.example.org ",
                        "1\ufe0f\u20e3", "©\ufe0f", "‼", "❤️", "👍🏽", "."]


@settings(max_examples=300)
@given(st.text() | st.lists(st.sampled_from(ENTITY_PARTS), max_size=40).map("".join))
def test_the_quick_bound_is_never_below_the_count_of_entities(text):
    # hashtag-overuse and the other counts skip finding entities when the bound is low enough:
    # the bound must never be below what finding them gives.
    from socialrules.text.analysis import TextView

    for entity, bound in metric._BOUNDS.items():
        assert bound(TextView(text)) >= len(getattr(TextView(text), entity)), entity
