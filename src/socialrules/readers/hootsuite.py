"""Hootsuite's bulk-scheduling CSV (the Bulk Composer): one post a row, no header row.

    01/12/2026 09:30,"Nouvelle version du simulateur !",https://example.gouv.fr/simulateur
    02/12/2026 14:05,"Deux lignes
    dans un même message",

Column A is the date and time, column B the message, column C an optional link; Hootsuite adds
the link at the end of the message (after a space) when it publishes, so it counts in the text
here too, and a finding inside it points at column C's cell. What this is based on: Hootsuite's
Bulk Composer as its users describe it (up to 350 messages, "three components each: the date and
time stamp, the message, and the link"; the date format picked at upload, day/month/year or
month/day/year, with an hh:mm 24-hour time), the tutorials in the pages corpus
(kim-iverson-headlee.blogspot.com 2016, jycalcano.blogspot.com 2015, gussetbeard.com, a
"HootSchedule" generator at socialseer.com). Hootsuite's own help page was not in the stored
corpora; what else it is remembered to require (times in steps of 5 minutes, at least 10 minutes
ahead, no duplicate messages) is a scheduling matter, not a reading one, and is not checked here.

Decisions:
- the date order is ambiguous in the file itself (is 01/12 the first of December or the twelfth
  of January?): ``date_order`` says it, ``dmy`` (day first) by default, as Hootsuite's upload
  dialog asks; a date that only makes sense in the other order is an error that says so. A
  year-first date (2026-12-01) is read as such whatever the order.
- times carry no zone: Hootsuite reads them in the account's time zone, which the file does not
  say. They are read in ``timezone`` (an IANA name, e.g. Europe/Paris), else in this computer's
  local zone.
- the publishing tool is Hootsuite (``tool``), so the rule on approved tools can judge it.
- cells past column C must be empty (a spreadsheet often adds empty ones, and empty rows such as
  ",," are skipped); anything there is an error, as is a row without a date or without a message
  and link. Line breaks are the file's: CRLF reads as LF.
"""

from __future__ import annotations

import datetime as dt

from ..models import Post, Source
from . import _csv

OPTIONS = ("date_order", "timezone")
TOOL = "Hootsuite"
_COLUMNS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def read(text: str, shown: str, date_order: str = "dmy", timezone: str | None = None) -> list[Post]:
    _csv.check_date_order(date_order, shown)
    tz = _csv.zone(timezone, shown)
    table = _csv.Table(text.replace("\r\n", "\n"), shown)
    return [_post(table, record, date_order, tz) for record in table.records]


def looks_like(text: str) -> bool:
    """Does the first row start with a date and a time, as a Hootsuite bulk file does?"""
    first = text.lstrip("\ufeff\n\r ").split("\n", 1)[0]
    cell = first.split(",", 1)[0].strip().strip('"')
    parts = _csv.split_date_time(cell)
    return parts is not None and _csv.DATE.fullmatch(parts[0]) is not None


def _post(table: _csv.Table, record: list[_csv.Cell], date_order: str, tz: dt.tzinfo | None) -> Post:
    shown = table.path
    when = record[0]
    row = when.line
    for index, cell in enumerate(record[3:], start=3):
        if cell.value.strip():
            hint = " (is the message split by an unquoted comma? put it in double quotes)" if index == 3 else ""
            raise table.error(f"column {_column(index)} is not empty: Hootsuite's bulk file has three "
                              f"columns, date and time, message, link{hint}", cell.line, cell.column)
    scheduled_at = _when(table, when, date_order, tz)
    message = record[1] if len(record) > 1 else None
    link = record[2] if len(record) > 2 else None
    if message is None:
        raise table.error("row without a message: write date and time, message, link",
                          row, when.column + len(when.value))
    if link is not None and any(part.isspace() for part in link.value.strip()):
        raise table.error("column C is a link (a URL with no spaces); is the message in the wrong column?",
                          link.line, link.column)
    text, anchors = _csv.joined(message, link, shown)
    if not text.strip():
        raise table.error("empty message", message.line, message.column)
    row_source = Source(shown, anchors=((0, row, 1),))
    return Post(text=text, scheduled_at=scheduled_at, tool=TOOL, source=Source(shown, anchors=anchors),
                field_sources={"scheduled_at": when.source(shown), "tool": row_source})


def _when(table: _csv.Table, cell: _csv.Cell, date_order: str, tz: dt.tzinfo | None) -> dt.datetime:
    parts = _csv.split_date_time(cell.value)
    if parts is None:
        problem = (f"{cell.value.strip()!r} is not a date and time (write it 01/12/2026 09:30)"
                   if cell.value.strip() else "no date and time in column A")
        raise table.error(problem, cell.line, cell.column)
    day = _csv.parse_date(parts[0], date_order)
    time = _csv.parse_time(parts[1])
    for problem in (day, time):
        if isinstance(problem, str):
            if ";" in cell.value:
                problem += " (is the file separated by semicolons? Hootsuite wants commas)"
            raise table.error(problem, cell.line, cell.column)
    return _csv.aware(day, time, tz)


def _column(index: int) -> str:
    return _COLUMNS[index] if index < len(_COLUMNS) else str(index + 1)

