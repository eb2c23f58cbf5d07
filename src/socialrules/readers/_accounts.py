"""What the account readers share: JSON values with their places in the file, CSV records with
their lines, profile HTML as text, and counts written by people ("12 345", "1,2k").

Follow lists run to tens of thousands of accounts, so nothing here builds a node tree: JSON is
read by the standard library's C decoder one top-level array element at a time (``raw_decode``),
which gives each element's offset; CSV by the csv module, whose ``line_num`` gives each record's
lines.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from typing import Any, Iterator

from ..errors import SocialrulesError
from ..models import Source

_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


class Lines:
    """Offsets in a text to (line, column), 1-based; fastest when asked in increasing order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.offset, self.line, self.line_start = 0, 1, 0

    def __call__(self, offset: int) -> tuple[int, int]:
        text = self.text
        if offset < self.offset:
            self.offset, self.line, self.line_start = 0, 1, 0
        newlines = text.count("\n", self.offset, offset)
        if newlines:
            self.line += newlines
            self.line_start = text.rfind("\n", self.offset, offset) + 1
        self.offset = offset
        return self.line, offset - self.line_start + 1


def json_values(text: str, shown: str, unwrap: str | None = None) -> Iterator[tuple[Any, int, int]]:
    """Every JSON value of a file, with its line and column: the elements of a top-level array
    one by one, a top-level object as itself; several values one after the other (API pages
    saved end to end: ``[...][...]``, or one a line) are read in turn. With ``unwrap``, a
    top-level object that has that key gives the elements of its value instead (``{"data": [...]}``),
    each at its own place."""
    scanner = _Scanner(text)
    try:
        yield from scanner.values(unwrap)
    except json.JSONDecodeError as error:
        truncated = " (is the file cut short?)" if error.pos >= len(text.rstrip()) else ""
        raise SocialrulesError(f"invalid JSON: {error.msg}{truncated}", shown, error.lineno, error.colno) from None
    except RecursionError:
        raise SocialrulesError("invalid JSON: nested too deeply", shown) from None


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = Lines(text)

    def skip(self, position: int) -> int:
        return _SPACE.match(self.text, position).end()

    def values(self, unwrap: str | None) -> Iterator[tuple[Any, int, int]]:
        text = self.text
        position = self.skip(0)
        while position < len(text):
            if text[position] == "[":
                position = yield from self.elements(position)
            elif text[position] == "{" and unwrap is not None:
                position = yield from self.unwrapped(position, unwrap)
            else:
                value, after = _DECODER.raw_decode(text, position)
                yield (value, *self.lines(position))
                position = after
            position = self.skip(position)

    def elements(self, position: int):
        """Yield each element of the array at ``position``; return the offset after it."""
        text = self.text
        position = self.skip(position + 1)
        if text.startswith("]", position):
            return position + 1
        while True:
            value, after = _DECODER.raw_decode(text, position)
            yield (value, *self.lines(position))
            position = self.skip(after)
            if text.startswith(",", position):
                position = self.skip(position + 1)  # a "]" next fails in raw_decode: [a, b,]
            elif text.startswith("]", position):
                return position + 1
            else:
                raise json.JSONDecodeError("Expecting ',' delimiter", text, position)

    def unwrapped(self, start: int, key: str):
        """The object at ``start``: the elements of its ``key`` array (or its ``key`` object), or
        the whole object when it has no such key."""
        text = self.text
        members: dict[str, Any] = {}
        found = False
        position = self.skip(start + 1)
        if text.startswith("}", position):
            yield (members, *self.lines(start))
            return position + 1
        while True:
            name, after = _DECODER.raw_decode(text, position)
            if not isinstance(name, str):
                raise json.JSONDecodeError("Expecting property name enclosed in double quotes", text, position)
            position = self.skip(after)
            if not text.startswith(":", position):
                raise json.JSONDecodeError("Expecting ':' delimiter", text, position)
            position = self.skip(position + 1)
            if name == key and text.startswith("[", position):
                found = True
                position = yield from self.elements(position)
            else:
                value_start = position
                members[name], position = _DECODER.raw_decode(text, position)
                if name == key and isinstance(members[name], dict):
                    found = True
                    yield (members.pop(name), *self.lines(value_start))
            position = self.skip(position)
            if text.startswith(",", position):
                position = self.skip(position + 1)
            elif text.startswith("}", position):
                if not found:
                    yield (members, *self.lines(start))
                return position + 1
            else:
                raise json.JSONDecodeError("Expecting ',' delimiter", text, position)


def csv_records(text: str) -> Iterator[tuple[list[str], int]]:
    """Each CSV record (RFC 4180, as spreadsheets and Mastodon write it) with the line it starts
    on; empty lines are skipped."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    line = 1
    try:
        for record in reader:
            start, line = line, reader.line_num + 1
            if record and any(cell.strip() for cell in record):
                yield record, start
    except csv.Error as error:
        raise CsvError(str(error), reader.line_num) from None


class CsvError(Exception):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def source(shown: str, line: int, column: int = 1) -> Source:
    return Source(path=shown, line=line, column=column)


_BREAK = re.compile(r"<br\s*/?>|</p>\s*<p[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def html_text(value: str) -> str:
    """The text a profile's HTML shows: line breaks for <br> and paragraphs, tags dropped,
    entities decoded (Mastodon's `note` and profile field values)."""
    if "<" in value:
        value = _TAG.sub("", _BREAK.sub("\n", value))
    return html.unescape(value).strip() if "&" in value else value.strip()


_COUNT = re.compile(r"(\d+(?:[ \u00a0\u202f,.]\d{3})*|\d+(?:[.,]\d+)?)\s*([kKmM]?)")


def parse_count(text: str) -> int | None:
    """A count as people write it: 12345, "12 345", "12,345", "12.5k", "1,2M"; None if empty.
    Raises ValueError otherwise."""
    text = text.strip()
    if not text:
        return None
    if text.isdigit() and text.isascii():
        return int(text)
    found = _COUNT.fullmatch(text)
    if found is None:
        raise ValueError(text)
    number, unit = found.groups()
    if unit:
        value = float(number.replace(",", ".").replace(" ", "").replace("\u00a0", "").replace("\u202f", ""))
        return int(value * (1000 if unit in "kK" else 1_000_000))
    return int(re.sub(r"\D", "", number))


def count_field(value: Any, name: str, shown: str, line: int, column: int) -> int | None:
    """An API's integer count, or None; anything else is an error at the account's place."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, str) and value.strip().isdigit():
            return int(value)
        raise SocialrulesError(f"`{name}` should be a whole number, not {value!r}", shown, line, column)
    return value


def text_field(value: Any, name: str, shown: str, line: int, column: int) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise SocialrulesError(f"`{name}` should be a string, not {value!r}", shown, line, column)
