"""The schedulers' bulk CSV files: Hootsuite (no header) and Sprout Social (a header row)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialrules import SocialrulesError
from socialrules.engine import Linter
from socialrules.loader import load_rule_file
from socialrules.readers import hootsuite, read_file, sprout

from .conftest import ROOT

SAMPLES = ROOT / "tests" / "samples"
PARIS = ZoneInfo("Europe/Paris")


def where(posts):
    """Where accidental-post (TODO, {{prenom}}, [LIEN]...) finds something: the rule alone, so
    that what other rules do cannot change these tests."""
    linter = Linter([load_rule_file(ROOT / "rules" / "accidental-post.yaml")])
    return [(f.location.line, f.location.column, f.match, f.field) for f in linter.check_posts(posts)]


# --- Hootsuite ------------------------------------------------------------------------------


def test_hootsuite_sample_rows_become_posts_with_the_link_in_the_text():
    first, second, third = read_file(SAMPLES / "hootsuite-bulk.csv", options={"timezone": "Europe/Paris"})
    assert first.text == ("Nouvelle version du simulateur ! Vérifiez vos droits en 5 minutes. "
                          "https://mes-aides.example.gouv.fr")
    assert first.scheduled_at == dt.datetime(2027, 12, 1, 9, 30, tzinfo=PARIS)
    assert second.text == 'Le "guide des aides" est en ligne\nBonjour {{prenom}}, dites-nous ce que vous en pensez.'
    assert (first.tool, first.platforms) == ("Hootsuite", ())  # the networks are picked at upload
    assert third.scheduled_at.day == 3  # the empty last row (",,") is no post


def test_hootsuite_findings_point_inside_quoted_multi_line_cells():
    # Line 3 is the second line of a quoted message; line 4 an unquoted one (CRLF line endings).
    assert where(read_file(SAMPLES / "hootsuite-bulk.csv")) == [
        (3, 9, "{{prenom}}", "text"),
        (4, 40, "TODO", "text"),
    ]


def test_hootsuite_positions_after_doubled_quotes_and_in_the_link():
    text = ('01/12/2026 09:30,"Le ""guide"" est [LIEN]",https://example.org/\n'
            '01/12/2026 10:30,"Le guide",  https://example.org/{{lien}}\n')
    first, second = hootsuite.read(text, "h.csv")
    assert first.text == 'Le "guide" est [LIEN] https://example.org/'
    assert second.text == "Le guide https://example.org/{{lien}}"
    assert where([first, second]) == [(1, 36, "[LIEN]", "text"), (2, 51, "{{lien}}", "text")]


@pytest.mark.parametrize(("order", "expected"), [("dmy", (2026, 12, 1)), ("mdy", (2026, 1, 12))])
def test_hootsuite_date_order_decides_ambiguous_dates(order, expected):
    [post] = hootsuite.read("01/12/2026 09:30,Bonjour\n", "h.csv", date_order=order, timezone="UTC")
    assert post.scheduled_at == dt.datetime(*expected, 9, 30, tzinfo=ZoneInfo("UTC"))


def test_hootsuite_year_first_dates_and_seconds_are_read_whatever_the_order():
    [post] = hootsuite.read("2027-12-01 09:30:00,Bonjour\n", "h.csv", date_order="mdy", timezone="Europe/Paris")
    assert post.scheduled_at == dt.datetime(2027, 12, 1, 9, 30, tzinfo=PARIS)


def test_zoneless_times_are_local_by_default(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        [post] = hootsuite.read("01/07/2026 09:30,Bonjour\n", "h.csv")
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert post.scheduled_at.utcoffset() == dt.timedelta(hours=-4)  # New York in summer
    assert post.scheduled_at.hour == 9


@pytest.mark.parametrize(("text", "options", "line", "column", "expected"), [
    ("31/12/2026 09:30,Bonjour\n12/31/2026 09:30,Bonjour\n", {}, 2, 1, "read it with the date order mdy"),
    ("12/31/2026 09:30,Bonjour\n", {"date_order": "mdy"}, None, None, None),
    ("01/12/2026,Bonjour\n", {}, 1, 1, "is not a date and time"),
    ("01/12/26 09:30,Bonjour\n", {}, 1, 1, "four digits"),
    ("01/12/2026 9:30 PM,Bonjour\n", {}, 1, 1, "24-hour clock"),
    ("01/12/2026 25:30,Bonjour\n", {}, 1, 1, "no such time"),
    ("30/02/2026 10:00,Bonjour\n", {}, 1, 1, "no such date"),
    ("01/01/0001 00:00,Bonjour\n", {}, 1, 1, "not a year to schedule a post in"),
    ("01/12/2026 09:30\n", {}, 1, 17, "row without a message"),
    ("01/12/2026 09:30;Bonjour\n", {}, 1, 1, "separated by semicolons"),
    ("01/12/2026 09:30,\n", {}, 1, 18, "empty message"),
    ("01/12/2026 09:30,Bonjour,https://a.example,en trop\n", {}, 1, 44, "column D is not empty"),
    ("01/12/2026 09:30,Bonjour,voir le site\n", {}, 1, 26, "column C is a link"),
    ('01/12/2026 09:30,"Bonjour\n', {}, 1, 18, "never closed"),
    ('01/12/2026 09:30,"Bon"jour,\n', {}, 1, 23, "after a quoted cell"),
    ("01/12/2026 09:30,Bonjour\n", {"date_order": "ymd"}, None, None, "unknown date order"),
    ("01/12/2026 09:30,Bonjour\n", {"timezone": "Mars/Olympus"}, None, None, "unknown time zone"),
])
def test_bad_hootsuite_files_name_the_line(text, options, line, column, expected):
    if expected is None:
        assert hootsuite.read(text, "h.csv", **options)
        return
    with pytest.raises(SocialrulesError) as raised:
        hootsuite.read(text, "h.csv", **options)
    assert expected in raised.value.message
    assert (raised.value.path, raised.value.line, raised.value.column) == ("h.csv", line, column)


# --- Sprout Social --------------------------------------------------------------------------


def test_sprout_sample_rows_become_posts():
    first, second, third = read_file(SAMPLES / "sprout-bulk.csv", options={"date_order": "dmy", "timezone": "Europe/Paris"})
    assert first.text.endswith("5 minutes. https://mes-aides.example.gouv.fr")  # the link column counts
    assert first.scheduled_at == dt.datetime(2027, 12, 1, 9, 30, tzinfo=PARIS)
    assert second.media[0].file == "https://mes-aides.example.gouv.fr/guide.png" and second.media[0].alt is None
    assert (third.text, third.tool) == ("La FAQ est à jour. TODO", "Sprout Social")


def test_sprout_findings_point_at_the_word():
    assert where(read_file(SAMPLES / "sprout-bulk.csv")) == [
        (4, 9, "$PRENOM", "text"),   # second line of a quoted message
        (5, 37, "TODO", "text"),
    ]


def test_sprout_columns_may_come_in_any_order_and_others_are_left_alone():
    text = "tags,message_text,time_24hr,date,network\ninterne,Bonjour TODO,17:45,12/31/2026,twitter\n"
    [post] = sprout.read(text, "s.csv", date_order="mdy", timezone="Europe/Paris")
    assert (post.text, post.scheduled_at) == ("Bonjour TODO", dt.datetime(2026, 12, 31, 17, 45, tzinfo=PARIS))
    assert where([post]) == [(2, 17, "TODO", "text")]


@pytest.mark.parametrize(("text", "line", "column", "expected"), [
    ("Date,time_24hr,message_text\n01/12/2026,09:30,x\n", 1, 1, "case-sensitive: write 'date', not 'Date'"),
    ("date,message_text\n01/12/2026,x\n", 1, 1, "no 'time_24hr' column"),
    ("date,time_24hr,message_text\n01/12/2026,9h30,x\n", 2, 12, "is not a time"),
    ("date,time_24hr,message_text\n13/13/2026,09:30,x\n", 2, 1, "no such date"),
    ("date,time_24hr,message_text\n,09:30,x\n", 2, 1, "no date"),
    ("date,time_24hr,message_text\n01/12/2026,09:30,\n", 2, 18, "no message_text, link or image_url"),
    ("date,time_24hr,message_text\n01/12/2026,09:30,Bonjour, le monde\n", 2, 26, "more cells than the header"),
    ("date,time_24hr,message_text,date\n", 1, 29, "appears twice"),
])
def test_bad_sprout_files_name_the_line(text, line, column, expected):
    with pytest.raises(SocialrulesError) as raised:
        sprout.read(text, "s.csv")
    assert expected in raised.value.message
    assert (raised.value.path, raised.value.line, raised.value.column) == ("s.csv", line, column)


# --- both: any message reads back, any text gives posts or an error -------------------------

messages = st.text(st.characters(codec="utf-8", exclude_characters="\r"), min_size=1, max_size=80).filter(str.strip)


def _csv_text(rows, quoting):
    out = io.StringIO()
    csv.writer(out, quoting=quoting, lineterminator="\n").writerows(rows)
    return out.getvalue()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(messages, min_size=1, max_size=4), st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
       st.booleans())
def test_any_message_reads_back_with_every_character_in_place(texts, quoting, with_header):
    if with_header:
        text = _csv_text([["date", "time_24hr", "message_text"], *[["01/12/2026", "09:30", t] for t in texts]], quoting)
        posts = sprout.read(text, "p.csv", timezone="UTC")
    else:
        text = _csv_text([["01/12/2026 09:30", t] for t in texts], quoting)
        posts = hootsuite.read(text, "p.csv", timezone="UTC")
    assert [post.text for post in posts] == texts
    lines = text.split("\n")
    for post in posts:
        for offset, char in enumerate(post.text):
            line, column = post.source.position(post.text, offset)
            assert (lines[line - 1] + "\n")[column - 1] == char


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["dmy", "mdy"]), st.sampled_from([None, "UTC", "Pacific/Kiritimati"]))
def test_any_text_gives_posts_or_a_socialrules_error(text, order, timezone):
    for reader in (hootsuite, sprout):
        try:
            posts = reader.read(text, "p.csv", date_order=order, timezone=timezone)
        except SocialrulesError as error:
            assert error.path == "p.csv"
        else:
            assert all(post.scheduled_at.tzinfo is not None for post in posts)


def test_a_long_quoted_cell_is_read_quickly():
    import time

    message = ('Un ""mot"" TODO,\n' * 40_000)
    text = f'01/12/2026 09:30,"{message}"\n'
    began = time.perf_counter()
    [post] = hootsuite.read(text, "long.csv", timezone="UTC")
    assert time.perf_counter() - began < 2
    assert post.text.count('"mot"') == 40_000


csv_pieces = st.lists(st.one_of(
    st.sampled_from(["01/12/2026 09:30", "12/31/2026", "2026-12-01T09:30", "31/02/2026 25:61", "9:30 PM",
                     "date,time_24hr,message_text,link,image_url", ",", '"', '""', "\n", "\r\n", ";", " "]),
    st.text(max_size=6)), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(csv_pieces, st.sampled_from(["dmy", "mdy"]))
def test_csv_shaped_text_gives_posts_or_a_socialrules_error(text, order):
    for reader in (hootsuite, sprout):
        try:
            posts = reader.read(text, "p.csv", date_order=order)
        except SocialrulesError as error:
            assert error.path == "p.csv" and error.line >= 1
        else:
            assert all(post.scheduled_at.tzinfo is not None for post in posts)
