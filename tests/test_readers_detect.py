"""Which reader reads a file: from its name, from its content where the name leaves it open, or
as --input-format says; reader options; files left as they were; any bytes handled."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialrules import SocialrulesError
from socialrules.cli import main
from socialrules.readers import FORMATS, decode, detect, read_file, read_text

from .conftest import ROOT

SAMPLES = ROOT / "tests" / "samples"
NATIVE_JSON = '[{"id": "a", "text": "Bonjour", "scheduled_at": "2026-12-01T09:30:00+01:00"}]'


@pytest.mark.parametrize(("name", "expected"), [
    ("lancement.tweet", "tweet"), ("sondage.toot", "toot"), ("brouillon.md", "markdown"),
    ("hootsuite-bulk.csv", "hootsuite"), ("sprout-bulk.csv", "sprout"),
    ("scheduled_statuses.json", "mastodon-scheduled"),
])
def test_samples_are_detected_from_name_and_content(name, expected):
    path = SAMPLES / name
    assert detect(path, path.read_text(encoding="utf-8")) == expected


def test_existing_detection_is_unchanged():
    for name, expected in [("a.txt", "text"), ("README", "text"), ("p.yaml", "yaml"), ("p.yml", "yaml"),
                           ("p.json", "json"), ("p.jsonl", "jsonl"), ("p.ndjson", "jsonl")]:
        assert detect(Path(name)) == expected
    assert detect(Path("p.json"), NATIVE_JSON) == "json"  # a native posts file stays one
    with pytest.raises(SocialrulesError, match="unknown file format '.docx'"):
        detect(Path("p.docx"))


def test_json_is_sniffed_by_its_objects():
    statuses = json.dumps([{"id": "1", "scheduled_at": "2026-12-01T08:30:00Z", "params": {"text": "a"}}])
    assert detect(Path("export.json"), statuses) == "mastodon-scheduled"
    assert detect(Path("export.json"), "[]") == "json"


def test_a_csv_in_no_known_layout_is_an_error_naming_both():
    with pytest.raises(SocialrulesError) as raised:
        detect(Path("posts.csv"), "titre,texte\nLancement,Bonjour\n")
    assert "Hootsuite" in raised.value.message and "Sprout Social" in raised.value.message
    assert (raised.value.path, raised.value.line) == ("posts.csv", 1)
    assert detect(Path("posts.csv"), "Date,Time_24hr,Message_Text\n") == "sprout"  # then its case error


def test_input_format_overrides_the_name(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("01/12/2026 09:30,Bonjour\n", encoding="utf-8")
    [post] = read_file(draft, "hootsuite")
    assert post.tool == "Hootsuite"
    [text] = read_file(draft)
    assert text.text == "01/12/2026 09:30,Bonjour"


def test_reader_options_reach_only_the_readers_that_read_them(tmp_path):
    options = {"date_order": "mdy", "timezone": "Europe/Paris"}
    [csv_post] = read_text("01/12/2026 09:30,Bonjour\n", "h.csv", "hootsuite", options=options)
    assert (csv_post.scheduled_at.month, csv_post.scheduled_at.day) == (1, 12)
    [tweet] = read_text("Bonjour", "a.tweet", "tweet", options=options)  # no such options: unchanged
    assert tweet.text == "Bonjour"
    assert read_text("01/12/2026 09:30,x\n", "h.csv", "hootsuite", options={"date_order": None})[0].scheduled_at.month == 12


def test_every_format_is_reachable_and_reading_never_changes_the_file(tmp_path):
    for sample in SAMPLES.iterdir():
        copy = tmp_path / sample.name
        shutil.copyfile(sample, copy)
        os.utime(copy, (1_000_000_000, 1_000_000_000))
        before = copy.read_bytes()
        assert read_file(copy)
        assert copy.read_bytes() == before and copy.stat().st_mtime == 1_000_000_000
    reached = {detect(p, p.read_text(encoding="utf-8")) for p in SAMPLES.iterdir()}
    assert reached == set(FORMATS) - {"text", "yaml", "json", "jsonl"}


def test_cli_checks_every_sample_and_points_at_the_words(in_tmp):
    result = CliRunner().invoke(main, ["check", "--isolated", "--select", "accidental-post",
                                       "--output-format", "concise", *map(str, sorted(SAMPLES.iterdir()))])
    lines = [line.split(": accidental-post")[0] for line in result.output.splitlines() if "accidental-post" in line]
    where = {line.rsplit("/", 1)[-1] for line in lines}
    assert where == {
        "brouillon.md:13:27", "hootsuite-bulk.csv:3:9", "hootsuite-bulk.csv:4:40",
        "lancement.tweet:4:50", "lancement.tweet:12:39", "scheduled_statuses.json:7:77",
        "scheduled_statuses.json:29:48", "scheduled_statuses.json:39:54", "sondage.toot:1:9",
        "sprout-bulk.csv:4:9", "sprout-bulk.csv:5:37",
    }, result.output
    assert result.exit_code == 1


def test_cli_input_errors_name_the_file_and_line_without_a_traceback(in_tmp):
    bad = in_tmp / "bulk.csv"
    bad.write_text("01/12/2026 09:30,Bonjour\n31/02/2026 10:00,Re-bonjour\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--isolated", str(bad)])
    assert result.exit_code == 2
    assert f"socialrules: error: {bad}:2:1: no such date: '31/02/2026' read as day/month/year" in result.stderr
    assert "Traceback" not in result.output + result.stderr


formats = sorted(set(FORMATS) - {"text", "yaml", "json", "jsonl"})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300), st.sampled_from(formats))
def test_any_bytes_give_posts_or_a_socialrules_error(data, input_format):
    try:
        read_text(decode(data, "f"), "f", input_format, options={"timezone": "UTC"})
    except SocialrulesError as error:
        assert error.path == "f"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(SAMPLES.iterdir())), st.integers(0, 10_000), st.binary(min_size=1, max_size=8))
def test_damaged_samples_give_posts_or_a_socialrules_error(sample, where, junk):
    # Real files with a few bytes replaced: the shapes that reach deep into the readers.
    data = bytearray(sample.read_bytes())
    where %= len(data)
    data[where : where + len(junk)] = junk
    try:
        text = decode(bytes(data), sample.name)
        read_text(text, sample.name, detect(Path(sample.name), text), options={"timezone": "UTC"})
    except SocialrulesError as error:
        assert error.path == sample.name
