"""The engine and the library API, with small rules made for each test."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import socialrules
from socialrules import Linter, Post
from socialrules.checks.secret import mask
from socialrules.engine import rule_selected
from socialrules.loader import load_rule_file
from socialrules.models import (Config, Finding, Location, Media, Platform, PostKind, Source,
                               new_finding, new_location)

RULE = """\
check: {check}
severity: {severity}
{applies}summary: {{en: a test rule, fr: une règle de test}}
message: {{en: "{message}", fr: "{message}"}}
options: {options}
guideline:
  quote: "On peut être impertinent, pas agressif."
  section: Règles / Twitter
  explanation: {{en: why, fr: pourquoi}}
examples: {{fail: [{{text: x}}], pass: [{{text: y}}]}}
"""


def make_rule(tmp_path: Path, name: str = "test-rule", *, check: str = "lexicon",
              severity: str = "warning", options: str = "{terms: {insult: {terms: [idiot(s)]}}}",
              message: str = "found {match}", applies: str = ""):
    path = tmp_path / f"{name}.yaml"
    path.write_text(RULE.format(check=check, severity=severity, options=options, message=message,
                                applies=applies), encoding="utf-8")
    return load_rule_file(path)


def test_finding_points_at_the_original_span(tmp_path):
    rule = make_rule(tmp_path)
    text = "Ligne un\nQuel 1D10T ce bot !"
    [finding] = Linter([rule]).check(text)
    assert finding.match == "1D10T"
    assert text[finding.start:finding.end] == "1D10T"
    loc = finding.location
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (2, 6, 2, 11)
    assert finding.guideline.quote == "On peut être impertinent, pas agressif."


def test_source_maps_text_offsets_to_file_lines(tmp_path):
    rule = make_rule(tmp_path)
    # A text that sits at line 4, column 9 of a file, its second line indented by 4.
    plain = Post(text="bonjour\nidiot", source=Source("draft.txt", line=3, column=7))
    [finding] = Linter([rule]).check_post(plain)
    assert (finding.location.line, finding.location.column) == (4, 1)
    post = Post(text="bonjour\nidiot", source=Source("posts.yaml", anchors=((0, 4, 9), (8, 5, 5))))
    [finding] = Linter([rule]).check_post(post)
    assert (finding.location.path, finding.location.line, finding.location.column) == ("posts.yaml", 5, 5)


def test_message_values_and_language(tmp_path):
    rule = make_rule(tmp_path, message="{term} ({category}): {match}")
    [finding] = Linter([rule], lang="fr").check("deux idiots")
    assert finding.message == "idiot(s) (insult): idiots"


def test_applies_to_filters_platforms_and_kinds(tmp_path):
    rule = make_rule(tmp_path, applies="applies-to: {platforms: [mastodon], kinds: [reply]}\n")
    linter = Linter([rule])
    assert linter.check("idiot", platform="twitter", kind="reply") == []
    assert linter.check("idiot", platform="mastodon", kind="post") == []
    [finding] = linter.check("idiot", platform="mastodon", kind="reply")
    assert finding.platform == Platform.MASTODON
    # Without a platform, the post is checked for both: the mastodon rule runs once.
    assert len(linter.check("idiot", kind="reply")) == 1


def test_platform_specific_rule_runs_once_per_platform(tmp_path):
    rule = make_rule(tmp_path, applies="applies-to: {platforms: [twitter, mastodon]}\n")
    findings = Linter([rule]).check("idiot")
    assert sorted(f.platform for f in findings) == ["mastodon", "twitter"]


def test_fields_reach_content_warning_quoted_text_and_alt_text(tmp_path):
    rule = make_rule(tmp_path, options="{terms: {insult: {terms: [idiot]}}, fields: [spoiler_text, quoted, alt]}")
    post = Post(text="idiot", spoiler_text="idiot", quoted="idiot", kind=PostKind.QUOTE,
                media=(Media(file="a.png", alt="un idiot"),))
    findings = Linter([rule]).check_post(post)
    assert sorted(f.field for f in findings) == ["media[0].alt", "quoted", "spoiler_text"]


def test_severity_override_and_selection_from_config(tmp_path):
    rule = make_rule(tmp_path)
    config = Config(severity={"test-rule": "error"})
    [finding] = Linter([rule], config).check("idiot")
    assert finding.severity == "error"
    assert Linter([rule], Config(ignore=("test-*",))).check("idiot") == []


def test_a_value_the_check_did_not_give_prints_as_its_placeholder(tmp_path):
    # `percent` is a metric placeholder, given for capitals only: a hashtag count leaves it out.
    rule = make_rule(tmp_path, check="metric", options="{measure: hashtags, max: 1}",
                     message="{value} hashtags ({percent})")
    [finding] = Linter([rule]).check("#a #b")
    assert finding.message == "2 hashtags ({percent})"


def test_findings_the_engine_makes_are_frozen_findings_like_any_other():
    values = {field.name: f"value of {field.name}" for field in dataclasses.fields(Finding)}
    finding = new_finding(**values)  # a field missing from new_finding would fail here
    assert type(finding) is Finding and finding == Finding(**values)
    location = new_location("posts.yaml", 1, 2, 3, 4)
    assert type(location) is Location and location == Location("posts.yaml", 1, 2, 3, 4)
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.message = "changed"
    with pytest.raises(dataclasses.FrozenInstanceError):
        location.line = 9
    assert pickle.loads(pickle.dumps(finding)) == finding
    assert dataclasses.replace(finding, rule="other").rule == "other"


def test_option_override_from_config(tmp_path):
    rule = make_rule(tmp_path, check="metric", options="{measure: hashtags, max: 3}",
                     message="{value} hashtags")
    text = "#a #b"
    assert Linter([rule]).check(text) == []
    assert len(Linter([rule], Config(rules={"test-rule": {"max": 1}})).check(text)) == 1


@pytest.mark.parametrize(("rule_id", "select", "ignore", "selected"), [
    ("twitter-length", (), (), True),
    ("twitter-length", ("*-length",), (), True),
    ("twitter-length", ("mastodon-length",), (), False),
    ("twitter-length", (), ("twitter-*",), False),
    ("twitter-length", ("*-length",), ("twitter-length",), False),
])
def test_rule_selection(rule_id, select, ignore, selected):
    assert rule_selected(rule_id, select, ignore) is selected


def test_pattern_timeout_is_an_error_not_a_hang(tmp_path):
    rule = make_rule(tmp_path, check="pattern", options=r"{pattern: '(.*)(.*)(.*)(.*)(.*)\d', timeout: 0.05}")
    with pytest.raises(socialrules.SocialrulesError, match="took more than 0.05 s"):
        Linter([rule]).check("x" * 300)


def test_library_check_uses_builtin_rules(in_tmp):
    findings = socialrules.check("Bonjour {{prenom}} !", platform="mastodon")
    assert [f.rule for f in findings] == ["accidental-post"]
    assert findings[0].location.column == 9


def test_library_reads_a_config(in_tmp):
    (in_tmp / "socialrules.toml").write_text('ignore = ["accidental-post"]\nlang = "fr"\n')
    assert socialrules.check("Bonjour {{prenom}} !", config="socialrules.toml") == []
    linter = Linter.from_config()
    assert linter.lang == "fr" and "accidental-post" not in [r.id for r in linter.rules]


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_any_text_is_checked_and_findings_are_exact_spans_in_order(text):
    linter = _builtin()
    post = Post(text=text, spoiler_text="", platforms=(Platform.TWITTER, Platform.MASTODON))
    first = linter.check_post(post)
    for finding in first:
        source_text = post.text if finding.field == "text" else post.spoiler_text
        assert 0 <= finding.start <= finding.end <= len(source_text)
        pointed = source_text[finding.start:finding.end]
        # A secret is shown masked: never the secret itself, in any report.
        assert finding.match == (mask(pointed) if finding.rule == "secret-in-post" else pointed)
    positions = [(f.location.line, f.location.column) for f in first]
    assert positions == sorted(positions)
    assert linter.check_post(post) == first


_LINTER = None


def _builtin() -> Linter:
    global _LINTER
    if _LINTER is None:
        _LINTER = Linter.from_config(discover=False)
    return _LINTER


@pytest.mark.parametrize("text", [
    "", "   \n\t ", "x" * 100_000, "e" + "\u0301" * 5000, "\U0001F3F4" * 300,
    "\x00\x01\x02", "🇫🇷" * 200 + "🇫", "#" * 1000, "@" * 1000, "http://" * 1000,
], ids=["empty", "whitespace", "100k", "combining-flood", "black-flags", "controls",
        "flags", "hashes", "ats", "schemes"])
def test_awkward_texts_are_checked_without_error(text):
    findings = _builtin().check(text)
    assert all(0 <= f.start <= f.end <= len(text) for f in findings)


# Words of terms and texts: frequent ones ("de", "a", "the"), rare ones, one-letter ones.
TERM_WORDS = st.sampled_from(["de", "a", "the", "for", "fuite", "donnees", "story", "campagne",
                              "pub", "leak", "x", "interview", "presse", "la"])


@settings(max_examples=150, deadline=None)
@given(term=st.lists(TERM_WORDS, min_size=1, max_size=4),
       before=st.lists(TERM_WORDS, max_size=6), after=st.lists(TERM_WORDS, max_size=6))
def test_a_term_of_several_words_is_found_whichever_of_its_words_is_rare(tmp_path_factory, term, before, after):
    # Terms are looked for through their rarest word: every word must still lead to them.
    rule = make_rule(tmp_path_factory.mktemp("lexicon"), options="{terms: {press: {terms: [%s]}}}" % " ".join(term))
    linter = Linter([rule])
    text = " ".join([*before, *term, *after])
    found = linter.check(text, platform="twitter")
    assert found and all(finding.match == " ".join(term) for finding in found)
    # Without one of its words, it is not there (unless the rest of the text makes it up).
    missing = " ".join([*before, *term[:-1], "zzz", *after])
    if f" {' '.join(term)} " not in f" {missing} ":
        assert linter.check(missing, platform="twitter") == []


@pytest.mark.parametrize("post, fields, expected", [
    (Post(text="t"), ["text", "spoiler_text", "alt"], ["text"]),
    (Post(text="t", tool="TweetDeck"), ["text", "quoted"], ["text"]),
    (Post(text="t", tool="TweetDeck"), ["tool", "text"], ["tool", "text"]),
    (Post(text="", spoiler_text="cw"), ["text", "spoiler_text"], ["spoiler_text"]),
    (Post(text="t", quoted="q", kind=PostKind.QUOTE), ["quoted"], ["quoted"]),
    (Post(text="t", media=(Media(alt="a"), Media(), Media(alt="c"))), ["alt", "text"],
     ["media[0].alt", "media[2].alt", "text"]),
])
def test_a_rule_sees_the_non_empty_texts_it_asks_for_in_its_order(post, fields, expected):
    from socialrules.engine import ALL_PLATFORMS, Subject

    subject = Subject(post, ALL_PLATFORMS, Config())
    for _ in range(2):  # the second time from the subject's memory
        found = subject.texts(fields)
        assert [name for name, _view in found] == expected
        assert [view.text for _name, view in found] == [subject.field_text(name) for name in expected]


def test_many_posts_checked_together_get_the_findings_each_gets_alone():
    # Rules run over slices of a large batch: the findings and their posts must be those of each
    # post checked alone, on both sides of a slice's edge, for rules limited to some kinds or
    # platforms too (rules that compare posts are left out: alone, a post has nothing to compare).
    linter = Linter.from_config(discover=False, ignore=["duplicate-post", "cadence", "schedule-*",
                                                        "thread-numbering"])
    drafts = [
        Post(text="Bravo @mesaides, super boulot !", kind=PostKind.BOOST, quoted="Bravo @mesaides, super boulot !"),
        Post(text="x" * 300, platforms=(Platform.TWITTER,)),
        Post(text="Espèce d'1D10T, tu n'as rien compris", kind=PostKind.REPLY),
        Post(text="Nouvelle version du simulateur #servicepublic 🎉🎉🎉🎉🎉🎉🎉"),
        Post(text="y" * 600, platforms=(Platform.MASTODON,)),
    ]
    posts = [drafts[i % len(drafts)] for i in range(700)]
    alone = [finding for i, post in enumerate(posts) for finding in linter.check_posts([post], start=i)]
    together = linter.check_posts(posts)
    assert len(together) > 700
    def seen(findings):
        return sorted((f.post, f.rule, f.platform or "", f.start, f.end, f.message) for f in findings)

    assert seen(together) == seen(alone)
