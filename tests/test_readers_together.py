"""twitter-together `.tweet` and toot-together `.toot` files: posts, threads, polls, positions, errors."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from socialrules import SocialrulesError
from socialrules.engine import Linter
from socialrules.loader import load_rule_file
from socialrules.readers import read_file
from socialrules.readers.together import read

from .conftest import ROOT

SAMPLES = ROOT / "tests" / "samples"


def where(posts):
    """Where accidental-post (TODO, {{prenom}}, [LIEN]...) finds something: the rule alone, so
    that what other rules do cannot change these tests."""
    linter = Linter([load_rule_file(ROOT / "rules" / "accidental-post.yaml")])
    return [(f.location.line, f.location.column, f.match, f.field) for f in linter.check_posts(posts)]


def test_sample_tweet_is_a_thread_with_media_and_a_poll():
    first, second = read_file(SAMPLES / "lancement.tweet")
    assert first.text.startswith("Nouvelle version du simulateur") and first.text.endswith(".gouv.fr")
    assert second.text == "Qu'est-ce qui vous aiderait le plus ? TODO reformuler"  # poll lines taken out
    assert (first.platforms, first.tool, first.kind, second.kind) == (("twitter",), "twitter-together", "post", "reply")
    assert first.media[0].file == "simulateur.png" and first.media[0].alt.startswith("Le simulateur")
    assert (second.thread_id, second.thread_position, second.thread_size) == (first.id, 2, 2)
    assert second.in_reply_to == first.id


def test_sample_tweet_findings_point_at_the_word():
    assert where(read_file(SAMPLES / "lancement.tweet")) == [
        (4, 50, "TODO", "media[0].alt"),   # inside the front matter's alt text
        (12, 39, "TODO", "text"),          # in the second part of the thread
    ]


def test_sample_toot_is_for_mastodon_with_its_own_poll_syntax():
    [post] = read_file(SAMPLES / "sondage.toot")
    assert post.platforms == ("mastodon",) and post.tool == "toot-together"
    assert post.text.endswith("en premier ?")  # the [ ] lines are the poll, not the text
    assert where([post]) == [(1, 9, "{{prenom}}", "text")]


def test_each_tool_has_its_own_poll_marker():
    body = "Votre avis ?\n\n( ) Oui\n( ) Non"
    assert read(body, "a.tweet")[0].text == "Votre avis ?"
    assert read(body, "a.toot", platform="mastodon")[0].text == body  # toot-together posts it as written


def test_reply_retweet_and_quote():
    [reply] = read("---\nreply: https://twitter.com/mesaides/status/1576496789741391872\n---\n\nMerci !", "r.tweet")
    assert (reply.kind, reply.in_reply_to) == ("reply", "https://twitter.com/mesaides/status/1576496789741391872")
    [boost] = read("---\nretweet: https://twitter.com/betagouv/status/157\n---\n", "b.tweet")
    assert (boost.kind, boost.text, boost.quoted_author) == ("boost", "", "@betagouv")
    [quote] = read("---\nretweet: https://social.example/@mesaides/123\n---\nÀ lire !", "q.toot", platform="mastodon")
    assert (quote.kind, quote.quoted_author) == ("quote", "@mesaides@social.example")


def test_each_thread_part_may_have_its_own_front_matter():
    text = ("🧵 Un fil\n\n---\n---\npoll:\n  - Banane\n  - Mangue\n---\n\nQuel fruit ? TODO\n"
            "\n---\nMerci d'avoir lu\n---\nFin.")
    posts = read(text, "fil.tweet")
    assert [p.text for p in posts] == ["🧵 Un fil", "Quel fruit ? TODO", "Merci d'avoir lu", "Fin."]
    assert [p.in_reply_to for p in posts] == [None, "fil.tweet", "fil.tweet#2", "fil.tweet#3"]
    assert where(posts) == [(10, 14, "TODO", "text")]


def test_thread_delimiter_can_be_changed_or_turned_off():
    # The delimiter is the part's own: the next part is cut at --- again, as twitter-together does.
    posts = read("---\nthread-delimiter: \"+++\"\n---\nun\n---\n1\n+++\ndeux\n---\ntrois", "d.tweet")
    assert [p.text for p in posts] == ["un\n---\n1", "deux", "trois"]
    assert len(read("---\nthread-delimiter: ''\n---\nun\n---\ndeux", "d.tweet")) == 1


def test_a_comment_in_a_parts_front_matter_silences_a_rule_for_that_part():
    text = ("---\n# socialrules: ignore[accidental-post] le TODO est voulu\n---\nTODO : la liste\n"
            "---\nEt TODO ici\n")
    first, second = read(text, "s.tweet")
    assert first.suppressions == {"accidental-post": "le TODO est voulu"} and second.suppressions == {}
    assert where([first, second]) == [(6, 4, "TODO", "text")]


def test_schedule_needs_a_zone():
    [post] = read("---\nschedule: 2026-12-01T09:30:00+01:00\n---\nBonjour", "s.tweet")
    assert post.scheduled_at == dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    with pytest.raises(SocialrulesError, match="no time zone") as raised:
        read("---\nschedule: 2026-12-01 09:30\n---\nBonjour", "s.tweet")
    assert (raised.value.line, raised.value.column) == (2, 11)


def test_windows_line_endings_read_the_same():
    text = (SAMPLES / "lancement.tweet").read_text(encoding="utf-8")
    crlf = read(text.replace("\n", "\r\n"), "w.tweet")
    assert [p.text for p in crlf] == [p.text for p in read(text, "w.tweet")]
    assert [(line, column) for line, column, *_ in where(crlf)] == [(4, 50), (12, 39)]


@pytest.mark.parametrize(("text", "line", "column", "expected"), [
    ("---\nrepyl: https://twitter.com/a/status/1\n---\nMerci", 2, 1, "unknown front matter key 'repyl'"),
    ("---\nreply: 1576496789741391872\n---\nMerci", 2, 8, "is a number"),
    ("---\nmedia: chat.jpg\n---\nUn chat", 2, 8, "media: a list"),
    ("---\nmedia:\n  - file: chat.jpg\n    atl: Un chat\n---\nx", 4, 5, "unknown key 'atl'"),
    ("---\nmedia:\n  - alt: Un chat\n---\nx", 3, 5, "media.0: no file"),
    ("---\npoll: [Oui]\n---\nVotre avis ?", 2, 7, "2 to 4 options"),
    ("Votre avis ?\n( ) A\n( ) B\n( ) C\n( ) D\n( ) E", 2, 1, "2 to 4 options, this one has 5"),
    ("un\n---\n---\nreply: https://twitter.com/a/status/1\n---\ndeux", 4, 8, "cannot reply elsewhere"),
    ("---\nretweet: https://twitter.com/a/status/1\npoll: [a, b]\n---\n", 2, 1, "cannot have a poll"),
    ("---\nreply: [unclosed\n---\nx", 3, 1, "invalid YAML"),
    ("---\n- a\n- b\n---\nx", 2, 1, "front matter is a mapping"),
    ("---\nreply: https://twitter.com/a/status/1\nMerci", 1, 1, "never closed"),
    ("---\nschedule: demain\n---\nx", 2, 11, "not a date and time"),
])
def test_bad_files_name_the_line(text, line, column, expected):
    with pytest.raises(SocialrulesError) as raised:
        read(text, "bad.tweet")
    assert expected in raised.value.message
    assert (raised.value.path, raised.value.line, raised.value.column) == ("bad.tweet", line, column)


# Texts that are one post as written: no thread delimiter line, no poll line at the end.
bodies = st.text(st.characters(codec="utf-8", exclude_characters="\r"), min_size=1, max_size=120).map(str.strip)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(bodies, st.booleans(), st.sampled_from(["twitter", "mastodon"]))
def test_any_body_reads_back_with_every_character_in_place(body, with_front, platform):
    assume(body and not body.startswith("---") and not re.search(r"\n+---[ \t]*\n+", body))
    assume(not re.search(r"(?m)^(\(\s?\)|\[\s?\])\s", body.rsplit("\n", 1)[-1]))
    front = "---\nreply: https://twitter.com/a/status/1\n---\n\n" if with_front else ""
    text = front + body + "\n"
    [post] = read(text, "p.tweet", platform=platform)
    assert post.text == body
    lines = text.split("\n")
    for offset, char in enumerate(body):
        if char != "\n":
            line, column = post.source.position(post.text, offset)
            assert lines[line - 1][column - 1] == char


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["twitter", "mastodon"]))
def test_any_text_gives_posts_or_a_socialrules_error(text, platform):
    try:
        posts = read(text, "p.tweet", platform=platform)
    except SocialrulesError as error:
        assert error.path == "p.tweet"
    else:
        assert posts and all(isinstance(p.text, str) for p in posts)


tweet_pieces = st.lists(st.one_of(
    st.sampled_from(["---", "\n", "\r\n", "reply: https://twitter.com/a/status/1", "retweet: https://x.com/b/status/2",
                     "poll:", "  - a", "( ) Oui", "[ ] Non", "media:", "  - file: a.png", "    alt: b",
                     "schedule: 2026-01-01T09:30:00Z", "thread-delimiter: '+++'", "+++", "# socialrules: ignore[x] y",
                     ": ", "[", "{", "&a", "*a", " "]),
    st.text(max_size=5)), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(tweet_pieces, st.sampled_from(["twitter", "mastodon"]))
def test_tweet_shaped_text_gives_posts_or_a_socialrules_error(text, platform):
    try:
        posts = read(text, "p.tweet", platform=platform)
    except SocialrulesError as error:
        assert error.path == "p.tweet" and error.line >= 1
    else:
        for post in posts:
            line, column = post.source.position(post.text, 0)
            assert line >= 1 and column >= 1
