"""Sprout Social's bulk-scheduling CSV: a header row, then one post a row.

    date,time_24hr,message_text,link,image_url
    01/12/2026,09:30,"Nouvelle version du simulateur !",https://example.gouv.fr/simulateur,

What this is based on: Sprout Social's help article "How do I use bulk scheduling?"
(support.sproutsocial.com, article 115005864203): the column headers are case-sensitive, and
``date`` (dd/mm/yyyy or mm/dd/yyyy, "depending on the import preferences you specify in
Sprout"), ``time_24hr`` (24-hour time) and ``message_text`` are required; messages may carry
links and images, and columns can be renamed at import. The stored copy of the article stops
before its optional columns: ``link`` and ``image_url`` are read under the names Sprout's sample
template is understood to use (to be checked against a real export), and any other column
(``tags``, ...) is left alone.

Decisions:
- ``date_order`` (``dmy`` by default, ``mdy``) is the import preference the file does not carry;
  a date that only makes sense the other way round is an error that says so.
- times carry no zone: they are read in ``timezone`` (an IANA name), else in this computer's
  local zone (Sprout uses the zone of the user's settings, which the file does not say).
- a ``link`` is appended to the message after a space, as for Hootsuite, so that it counts in the
  text; an ``image_url`` becomes a media attachment without a description (the bulk file has no
  place for one).
- the publishing tool is Sprout Social (``tool``).
"""

from __future__ import annotations

import datetime as dt

from ..models import Media, Post, Source
from . import _csv

OPTIONS = ("date_order", "timezone")
TOOL = "Sprout Social"
REQUIRED = ("date", "time_24hr", "message_text")


def read(text: str, shown: str, date_order: str = "dmy", timezone: str | None = None) -> list[Post]:
    _csv.check_date_order(date_order, shown)
    tz = _csv.zone(timezone, shown)
    table = _csv.Table(text.replace("\r\n", "\n"), shown)
    if not table.records:
        return []
    header, *rows = table.records
    columns = _columns(table, header)
    return [_post(table, columns, header, row, date_order, tz) for row in rows]


def looks_like(text: str) -> bool:
    """Is the first row a header naming Sprout's message column?"""
    first = text.lstrip("\ufeff").split("\n", 1)[0].lower()
    return "message_text" in first and "time_24hr" in first


def _columns(table: _csv.Table, header: list[_csv.Cell]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = cell.value.strip()
        if name in columns and name in (*REQUIRED, "link", "image_url"):
            raise table.error(f"column {name!r} appears twice in the header", cell.line, cell.column)
        columns.setdefault(name, index)
    for name in REQUIRED:
        if name not in columns:
            near = [cell for cell in header if cell.value.strip().lower() == name]
            if near:
                raise table.error(f"Sprout's column headers are case-sensitive: write {name!r}, not "
                                  f"{near[0].value.strip()!r}", near[0].line, near[0].column)
            raise table.error(f"no {name!r} column: Sprout's bulk file needs the headers "
                              f"{', '.join(REQUIRED)}", header[0].line, 1)
    return columns


def _post(table: _csv.Table, columns: dict[str, int], header: list[_csv.Cell], row: list[_csv.Cell],
          date_order: str, tz: dt.tzinfo | None) -> Post:
    shown = table.path
    line = row[0].line
    for cell in row[len(header):]:
        if cell.value.strip():
            raise table.error("more cells than the header has columns (is a message split by an "
                              "unquoted comma? put it in double quotes)", cell.line, cell.column)

    def cell(name: str) -> _csv.Cell | None:
        index = columns.get(name)
        return row[index] if index is not None and index < len(row) else None

    date, time, message = cell("date"), cell("time_24hr"), cell("message_text")
    if date is None or not date.value.strip():
        raise table.error("no date", line, date.column if date else None)
    if time is None or not time.value.strip():
        raise table.error("no time in time_24hr", line, time.column if time else None)
    day = _csv.parse_date(date.value, date_order)
    if isinstance(day, str):
        raise table.error(day, date.line, date.column)
    moment = _csv.parse_time(time.value)
    if isinstance(moment, str):
        raise table.error(moment, time.line, time.column)
    image = cell("image_url")
    media = (Media(file=image.value.strip()),) if image is not None and image.value.strip() else ()
    if message is None:
        text, anchors = "", ((0, line, 1),)
    else:
        text, anchors = _csv.joined(message, cell("link"), shown)
    if not text.strip() and not media:
        raise table.error("no message_text, link or image_url", line, message.column if message else None)
    field_sources = {"scheduled_at": date.source(shown), "tool": Source(shown, anchors=((0, line, 1),))}
    if media:
        field_sources["media[0]"] = image.source(shown)
    return Post(text=text, media=media, scheduled_at=_csv.aware(day, moment, tz), tool=TOOL,
                source=Source(shown, anchors=anchors), field_sources=field_sources)
