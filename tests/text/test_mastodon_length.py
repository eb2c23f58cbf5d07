"""mastodon_length against conformance/mastodon/length_cases.yml (read in place from ../shared)."""

from __future__ import annotations

import dataclasses
import pickle
import re

import pytest
import regex
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from socialrules.text import mastodon
from socialrules.text.mastodon import (MastodonCount, Mention, find_mentions, mastodon_length,
                                      poll_option_length, surely_fits)

from . import reference
from .conformance import read

DATA = yaml.safe_load(read("mastodon", "length_cases.yml"))
STRIP = " \t\n\v\f\r\x00"


def expected_length(case: dict) -> int:
    # R7: Unicode 15.1 joined Indic conjuncts into one cluster (GB9c). The `regex` module
    # follows current Unicode, so version-dependent cases expect the 15.1+ figure (a server on
    # Ruby 3.4, Unicode 15.0, counts more).
    if case.get("version_dependent"):
        return case["expected_length_unicode_15_1_plus"]
    return case["expected_length"]


@pytest.mark.parametrize("case", [
    pytest.param(case, id=case["id"] + (" (Unicode 15.1+)" if case.get("version_dependent") else ""))
    for case in DATA["cases"]
])
def test_length_cases(case):
    limit = case.get("max_characters", DATA["default_max_characters"])
    count = mastodon_length(case["text"], case.get("spoiler_text", ""), limit=limit,
                            url_length=DATA["characters_reserved_per_url"])
    assert count.length == expected_length(case)
    assert count.limit == limit
    if "valid" in case:
        assert (count.length <= limit) is case["valid"]


@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"]) for c in DATA["poll_option_cases"]])
def test_poll_option_cases(case):
    assert poll_option_length(case["option"]) == case["expected_length"]


def test_fits_until():
    assert mastodon_length("a" * 10).fits_until == 10
    assert mastodon_length("a" * 10, limit=4).fits_until == 4
    assert mastodon_length("  " + "a" * 10 + "  ", limit=4).fits_until == 6  # index before the strip
    assert mastodon_length("a" * 3 + "👨\u200d👩\u200d👧" * 3, limit=4).fits_until == 8  # a cluster is whole
    # A URL or a mention fits whole or not at all.
    assert mastodon_length("a" * 10 + " https://example.com/x " + "b", limit=20).fits_until == 11
    assert mastodon_length("a" * 10 + " @alice@example.com " + "b" * 9, limit=14).fits_until == 11
    assert mastodon_length("a" * 10 + " @alice@example.com " + "b" * 9, limit=17).fits_until == 29
    assert mastodon_length("a" * 10 + " @alice@example.com " + "b" * 9, limit=20).fits_until == 32
    # The content warning comes first: when it takes the whole limit, nothing of the body fits.
    assert mastodon_length("body", "w" * 5, limit=5).fits_until == 0
    assert mastodon_length("body", "w" * 9, limit=5).fits_until == 0
    assert mastodon_length("body", "w" * 3, limit=5).fits_until == 2


def test_results_are_frozen_dataclasses():
    # Written without @dataclass(frozen=True) generating their methods (see urls._Record), they
    # behave as such dataclasses do.
    count = mastodon_length("abc")
    assert count == MastodonCount(3, 500, 3) and hash(count) == hash(MastodonCount(3, 500, 3))
    assert repr(count) == "MastodonCount(length=3, limit=500, fits_until=3)"
    mention = find_mentions("@a@b.org")[0]
    assert repr(mention) == "Mention(start=0, end=8, username='a', domain='b.org')"
    assert dataclasses.replace(mention, domain=None) == Mention(0, 8, "a", None)
    assert pickle.loads(pickle.dumps(mention)) == mention and dataclasses.is_dataclass(Mention)
    with pytest.raises(dataclasses.FrozenInstanceError):
        mention.username = "b"  # type: ignore[misc]


def test_limit_and_url_length():
    count = mastodon_length("see https://example.com/a/long/path", limit=1000, url_length=30)
    assert (count.length, count.limit) == (34, 1000)


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("hi @alice@example.social!", [Mention(3, 24, "alice", "example.social")], id="remote"),
    pytest.param("@bob", [Mention(0, 4, "bob", None)], id="local"),
    pytest.param("@bob@example.com.", [Mention(0, 16, "bob", "example.com")], id="trailing dot"),
    pytest.param("@first.last@grå.org", [Mention(0, 19, "first.last", "grå.org")], id="dotted, IDN"),
    pytest.param("@a@localhost", [Mention(0, 12, "a", "localhost")], id="domain without dot"),
    pytest.param("mail alice@example.com", [], id="e-mail address"),
    pytest.param("x/@a@b.c =@d", [], id="after '/' or '='"),
    pytest.param("@noël@x.org", [], id="accent after the username"),
    pytest.param("@bob@@x", [Mention(5, 7, "x", None)], id="followed by '@', then one after '@'"),
    pytest.param("@alice@" + "b" * 250 + ".com", [], id="domain over 253 characters"),
])
def test_find_mentions(text, expected):
    assert find_mentions(text) == expected


@settings(max_examples=500, deadline=None)
@given(st.text() | st.lists(st.sampled_from(
    ["@", "@@", "a", "_", ".", "-", "..", "=", "/", "é", "É", "ä", "日", "\u0301", " ", "://",
     "example", "com", "b" * 30, "＠", "\u212b"])).map("".join))
def test_mentions_as_the_regex_finds_them(text):
    # Finding each '@' with str.find, then testing the character before it, changes nothing:
    # Mastodon's regex over the whole text finds the same.
    assert [(m.start, m.end, m.username, m.domain) for m in find_mentions(text)] == \
        reference.find_mentions(text)


def test_simple_characters_never_join_a_neighbour():
    # mastodon.py counts text made of these characters as one cluster per character, without
    # segmenting it: none may have a Grapheme_Cluster_Break value that joins (per `regex`).
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    simple = "".join(re.findall(f"[{mastodon._SIMPLE}]", everything))
    joining = regex.compile(r"[\r\p{GCB=Extend}\p{GCB=ZWJ}\p{GCB=SpacingMark}\p{GCB=Prepend}"
                            r"\p{GCB=L}\p{GCB=V}\p{GCB=T}\p{GCB=Regional_Indicator}]")
    assert len(simple) > 6_000  # Latin, Greek, Cyrillic, kana, symbols, emoji
    assert joining.findall(simple) == []


def test_every_character_counts_as_the_regex_module_segments_it():
    # Every code point (but surrogates), next to plain letters, marks, joiners, CJK, Hangul
    # jamo and regional indicators: mastodon_length segments only around the characters that
    # may join a neighbour, which must give the count of segmenting it all.
    neighbours = ["a", "\u0301", "\u200d", "\r", "日", "\u1100", "\u1161", "\U0001F1EB", "क", "\u094d"]
    everything = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000]
    for i, neighbour in enumerate(neighbours):
        chunk = everything[i::len(neighbours)]
        for start in range(0, len(chunk), 4096):
            text = neighbour.join(chunk[start:start + 4096])
            assert mastodon._clusters(text) == len(regex.findall(r"\X", text)), (neighbour, start)


# --- Properties -------------------------------------------------------------------------------

TRICKY = ["a", " ", "\n", "\r\n", "\t", "\x00", "\xa0", "é", "e\u0301", "日", "👍🏽", "🇫", "🇷",
          "👨\u200d👩", "\u200d", "\ufe0f", "क्ष", "\u1100\u1161", "#"]
ENTITIES = ["@alice", "@bob@example.com", "https://example.com/x", "http://a.co", "x.org"]


@settings(max_examples=300, deadline=None)
@given(st.text() | st.lists(st.sampled_from(TRICKY + ENTITIES)).map("".join),
       st.text(max_size=5) | st.sampled_from(["", "🇫", "CW: "]), st.integers(0, 40))
def test_any_status(body, cw, limit):
    count = mastodon_length(body, cw, limit=limit)
    assert count.length >= 0
    assert 0 <= count.fits_until <= len(body)
    assert (count.fits_until == len(body)) is (count.length <= limit or not body)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters="@:", blacklist_categories=("Cs",)))
       | st.lists(st.sampled_from(TRICKY)).map("".join))
def test_length_is_the_grapheme_count(body):
    # Without '@' nor ':', no mention nor URL: the length is the number of clusters, as \X says.
    assert mastodon_length(body).length == len(regex.findall(r"\X", body.strip(STRIP)))


# Without '@' and ':' (so no mention nor URL), the limit falls right after body[:fits_until]:
# that prefix, after the CW, is within the limit; adding the next grapheme cluster that is not
# stripped whitespace goes over it.
PLAIN = st.characters(blacklist_characters="@:", blacklist_categories=("Cs",))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TRICKY) | PLAIN).map("".join),
       st.sampled_from(["", "🇫", "CW", "e"]), st.integers(0, 30))
def test_fits_until_is_where_the_limit_falls(body, cw, limit):
    count = mastodon_length(body, cw, limit=limit)
    cw_length = mastodon_length("", cw, limit=limit).length
    end = count.fits_until
    if end > 0 or cw_length <= limit:
        assert mastodon_length(body[:end], cw, limit=limit).length <= limit
    if end < len(body):
        for cluster in regex.finditer(r"\X", body, pos=end):
            if cluster.group().strip(STRIP):
                break
        assert mastodon_length(body[:cluster.end()], cw, limit=limit).length > limit


# --- The shortcuts against the plain count ----------------------------------------------------

LATIN1 = st.characters(max_codepoint=0xFF)
MIXED = TRICKY + ENTITIES + ["Merci ", "équipe", "’", "日本", "🎉", "🇫🇷", "a" * 60, "https://a.co",
                             "https://example.gouv.fr/page", "@mesaides@social.example"]


@settings(max_examples=500, deadline=None)
@given(st.text() | st.lists(st.sampled_from(MIXED), max_size=40).map("".join),
       st.text(max_size=5) | st.sampled_from(["", "CW: ", "https://x.org"]),
       st.integers(0, 600), st.integers(0, 40))
def test_surely_fits_only_what_fits(body, cw, limit, url_length):
    # The check skips counting what surely fits: the count must agree.
    if surely_fits(body, cw, limit=limit, url_length=url_length):
        assert mastodon_length(body, cw, limit=limit, url_length=url_length).length <= limit


def test_surely_fits_ordinary_statuses():
    assert surely_fits("a" * 500) and not surely_fits("a" * 501)
    assert surely_fits("a" * 400, "w" * 100) and not surely_fits("a" * 400, "w" * 101)
    # A URL may count more than it holds: each "://" leaves room for one.
    text = "a" * 470 + " https://a.co"
    assert not surely_fits(text) and mastodon_length(text).length == 494


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=LATIN1)
       | st.lists(st.sampled_from(["a", "é", "\r", "\n", "\r\n", "\xad", "\x85"])).map("".join),
       st.integers(0, 20))
def test_latin1_counts_one_cluster_a_character_but_cr_lf(text, limit):
    clusters = regex.findall(r"\X", text)
    assert mastodon._clusters(text) == len(clusters)
    assert mastodon._cut(text, limit) == len("".join(clusters[:limit]))
