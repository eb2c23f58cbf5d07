"""Markdown files with front matter: the body is the post, the front matter its native fields."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from socialrules import SocialrulesError
from socialrules.engine import Linter
from socialrules.loader import load_rule_file
from socialrules.readers import read_file
from socialrules.readers.markdown import read

from .conftest import ROOT

SAMPLES = ROOT / "tests" / "samples"


def where(posts):
    """Where accidental-post (TODO, {{prenom}}, [LIEN]...) finds something: the rule alone, so
    that what other rules do cannot change these tests."""
    linter = Linter([load_rule_file(ROOT / "rules" / "accidental-post.yaml")])
    return [(f.location.line, f.location.column, f.match, f.field) for f in linter.check_posts(posts)]


def test_sample_draft_keeps_its_markdown_and_its_fields():
    [post] = read_file(SAMPLES / "brouillon.md")
    assert post.text.startswith("**Rentrée 2027** :") and "\n\n- Allocation de rentrée : [LIEN]\n" in post.text
    assert (post.id, post.platforms, post.lang) == ("rentree", ("mastodon",), "fr")
    assert post.scheduled_at == dt.datetime(2027, 9, 1, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert post.media[0].alt == "Un cartable posé sur une table"
    assert where([post]) == [(13, 27, "[LIEN]", "text")]


def test_a_file_without_front_matter_is_all_body():
    [post] = read("\n\nBonjour TODO\n\n", "a.md")
    assert post.text == "Bonjour TODO"
    assert where([post]) == [(3, 9, "TODO", "text")]


def test_front_matter_threads_alts_and_suppressions_are_placed():
    text = ("---\n# socialrules: ignore[all-caps] sigle officiel\nthread:\n  - \"Suite, TODO\"\n"
            "media:\n  - {file: a.png, alt: \"Photo TODO\"}\n---\nDébut\n")
    first, second = read(text, "f.md")
    assert first.suppressions == {"all-caps": "sigle officiel"}
    assert (second.text, second.thread_position, second.kind) == ("Suite, TODO", 2, "reply")
    assert where([first, second]) == [(4, 13, "TODO", "text"), (6, 31, "TODO", "media[0].alt")]


@pytest.mark.parametrize(("text", "line", "expected"), [
    ("---\nplatforms: [mastodon]\ncolour: red\n---\nx", 3, "0.colour: unknown key"),
    ("---\nkind: retweet\n---\nx", 2, "0.kind: Input should be"),
    ("---\nscheduled_at: 2026-12-01T09:30:00\n---\nx", 2, "no time zone"),
    ("---\ntext: hello\n---\nx", 2, "the body after the front matter is the post's text"),
    ("---\nplatforms: [mastodon\n---\nx", 3, "invalid YAML"),
    ("---\nid: a\nbody", 1, "never closed"),
    ("---\njust a string\n---\nx", 2, "front matter is a mapping"),
])
def test_bad_front_matter_names_the_line(text, line, expected):
    with pytest.raises(SocialrulesError) as raised:
        read(text, "bad.md")
    assert expected in raised.value.message
    assert (raised.value.path, raised.value.line) == ("bad.md", line)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(st.characters(codec="utf-8", exclude_characters="\r"), min_size=1, max_size=120).map(str.strip))
def test_any_body_reads_back_with_every_character_in_place(body):
    assume(body and not body.startswith("---") and not body.startswith("\ufeff"))
    text = "---\nlang: fr\n---\n\n" + body + "\n"
    [post] = read(text, "p.md")
    assert post.text == body
    lines = text.split("\n")
    for offset, char in enumerate(body):
        if char != "\n":
            line, column = post.source.position(post.text, offset)
            assert lines[line - 1][column - 1] == char


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gives_a_post_or_a_socialrules_error(text):
    try:
        posts = read(text, "p.md")
    except SocialrulesError as error:
        assert error.path == "p.md"
    else:
        assert len(posts) >= 1


markdown_pieces = st.lists(st.one_of(
    st.sampled_from(["---", "\n", "id: a", "text: b", "kind: reply", "thread:", "  - suite", "media:",
                     "  - {file: a.png, alt: b}", "scheduled_at: 2026-01-01T09:30:00+01:00", "colour: red",
                     "ignore: [{rule: a, reason: b}]", "# socialrules: ignore[x] y", ": ", "[", "&a", "*a", " "]),
    st.text(max_size=5)), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(markdown_pieces)
def test_markdown_shaped_text_gives_posts_or_a_socialrules_error(text):
    try:
        posts = read(text, "p.md")
    except SocialrulesError as error:
        assert error.path == "p.md" and (error.line or 1) >= 1
    else:
        assert posts
