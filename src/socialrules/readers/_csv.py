"""What the CSV readers (Hootsuite, Sprout Social) share: cells that know where they sit in the
file, and the schedulers' day-first or month-first dates without a time zone.

The CSV grammar is RFC 4180's, as spreadsheets write it: cells separated by commas, a cell in
double quotes may hold commas, line breaks and doubled quotes (``""`` for one ``"``). The csv
module would give the values but not their places; a finding inside a multi-line quoted message
must point at its own line, so the cells are cut here, each with the anchors that
``models.Source`` places offsets by.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from ..errors import SocialrulesError
from ..models import Source

DATE_ORDERS = ("dmy", "mdy")

_QUOTED = re.compile(r'"((?:[^"]|"")*)"')
_PLAIN = re.compile(r'[^,\n]*')
_IN_QUOTES = re.compile(r'""|\n')  # where a quoted cell's value and its file text part ways


@dataclass(frozen=True, slots=True)
class Cell:
    value: str
    line: int
    column: int
    """Where the value starts in the file (after the opening quote of a quoted cell)."""
    anchors: tuple[tuple[int, int, int], ...]
    quoted: bool = False

    def source(self, path: str) -> Source:
        return Source(path, anchors=self.anchors)


class Table:
    """A CSV text cut into records of cells; ``where(index)`` is a file (line, column)."""

    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self.text = text
        self._line_starts = [0, *(found.end() for found in re.finditer("\n", text))]
        self.records: list[list[Cell]] = list(self._records())

    def where(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._line_starts, index)
        return line, index - self._line_starts[line - 1] + 1

    def error(self, message: str, line: int, column: int | None = None) -> SocialrulesError:
        return SocialrulesError(message, self.path, line, column)

    def _records(self):
        text, end = self.text, len(self.text)
        position = 0
        while position < end:
            record: list[Cell] = []
            while True:
                cell, position = self._cell(position)
                record.append(cell)
                if position >= end:
                    break
                if text[position] == ",":
                    position += 1
                    if position >= end:  # a trailing comma ends the file: one more empty cell
                        record.append(self._cell(position)[0])
                    continue
                if text[position] == "\n":
                    position += 1
                    break
                line, column = self.where(position)
                raise self.error(f"unexpected {text[position]!r} after a quoted cell: a quoted "
                                 "cell ends at a comma or at the end of the line (write a quote "
                                 "inside a quoted cell as \"\")", line, column)
            if all(not cell.value.strip() and not cell.quoted for cell in record):
                continue  # an empty line, or a spreadsheet's empty row (",,"), is no record
            yield record

    def _cell(self, position: int) -> tuple[Cell, int]:
        text = self.text
        if text.startswith('"', position):
            found = _QUOTED.match(text, position)
            if found is None:
                line, column = self.where(position)
                raise self.error("a quoted cell is never closed (a \" is missing)", line, column)
            start = position + 1
            raw = found.group(1)
            pieces, anchors, offset, last = [], [], 0, 0
            line, column = self.where(start)
            anchors.append((0, line, column))
            for special in _IN_QUOTES.finditer(raw):
                piece = raw[last : special.start()]
                pieces.append(piece)
                offset += len(piece)
                pieces.append('"' if special.group() == '""' else "\n")
                offset += 1
                last = special.end()
                anchors.append((offset, *self.where(start + last)))
            pieces.append(raw[last:])
            return Cell("".join(pieces), line, column, tuple(anchors), quoted=True), found.end()
        found = _PLAIN.match(text, position)
        line, column = self.where(position)
        return Cell(found.group(), line, column, ((0, line, column),)), found.end()


def joined(text: Cell, link: Cell | None, path: str) -> tuple[str, tuple[tuple[int, int, int], ...]]:
    """The message with the link appended as the schedulers publish it (after a space), and the
    anchors of both, so that a finding in the link points at the link's cell."""
    if link is None or not link.value.strip():
        return text.value, text.anchors
    url = link.value.strip()
    line, column = link.source(path).position(link.value, link.value.index(url[0]))
    separator = "" if not text.value or text.value[-1].isspace() else " "
    return text.value + separator + url, (*text.anchors, (len(text.value) + len(separator), line, column))


DATE = re.compile(r"(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})", re.ASCII)
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?", re.ASCII)
_MERIDIEM = re.compile(r"\b[AaPp]\.?[Mm]\b\.?")


def parse_date(text: str, order: str) -> dt.date | str:
    """A day-first (``dmy``) or month-first (``mdy``) date, or year-first whatever the order;
    on failure, what is wrong."""
    found = DATE.fullmatch(text.strip())
    if found is None:
        return f"{text.strip()!r} is not a date (write it dd/mm/yyyy or mm/dd/yyyy)"
    first, _, third = found.groups()
    if len(first) != 4 and len(third) != 4:
        return f"{text.strip()!r}: write the year with four digits"
    day = _date(found.groups(), order)
    if day is not None:
        if not 1970 <= day.year <= 2999:  # a schedule's year; far ones break time zone arithmetic
            return f"{text.strip()!r}: the year {day.year} is not a year to schedule a post in"
        return day
    named = {"dmy": "day/month/year", "mdy": "month/day/year"}
    other = "mdy" if order == "dmy" else "dmy"
    hint = ""
    if len(first) != 4 and _date(found.groups(), other) is not None:
        hint = f"; if the file writes {named[other]}, read it with the date order {other}"
    return f"no such date: {text.strip()!r} read as {named[order]}{hint}"


def _date(parts: tuple[str, str, str], order: str) -> dt.date | None:
    first, second, third = (int(part) for part in parts)
    if len(parts[0]) == 4:
        year, month, day = first, second, third
    elif order == "dmy":
        day, month, year = first, second, third
    else:
        month, day, year = first, second, third
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_time(text: str) -> dt.time | str:
    """A 24-hour time, hh:mm or hh:mm:ss; on failure, what is wrong."""
    if _MERIDIEM.search(text):
        return f"{text.strip()!r}: write the time on the 24-hour clock (15:30, not 3:30 PM)"
    found = _TIME.fullmatch(text.strip())
    if found is None:
        return f"{text.strip()!r} is not a time (write it hh:mm, on the 24-hour clock)"
    hour, minute, second = int(found.group(1)), int(found.group(2)), int(found.group(3) or 0)
    try:
        return dt.time(hour, minute, second)
    except ValueError:
        return f"no such time: {text.strip()!r}"


def split_date_time(text: str) -> tuple[str, str] | None:
    """'01/12/2026 09:30' -> ('01/12/2026', '09:30'); None when there is no time."""
    parts = text.strip().replace("T", " ", 1).split(None, 1)
    return (parts[0], parts[1]) if len(parts) == 2 else None


def zone(name: str | None, path: str) -> dt.tzinfo | None:
    """The time zone the schedule's times are in: an IANA name, or None for this computer's."""
    if name is None:
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise SocialrulesError(f"unknown time zone {name!r} (write an IANA name such as Europe/Paris)",
                               path) from None


def aware(day: dt.date, time: dt.time, tz: dt.tzinfo | None) -> dt.datetime:
    """The moment a zoneless date and time mean in ``tz``, or in the local zone without one."""
    naive = dt.datetime.combine(day, time)
    return naive.replace(tzinfo=tz) if tz is not None else naive.astimezone()


def check_date_order(order: str, path: str) -> None:
    if order not in DATE_ORDERS:
        raise SocialrulesError(f"unknown date order {order!r} (dmy: day first, mdy: month first)", path)
