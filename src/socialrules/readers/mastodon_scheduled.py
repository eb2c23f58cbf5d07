"""Mastodon's scheduled statuses, as ``GET /api/v1/scheduled_statuses`` returns them: a JSON array
of ScheduledStatus (a single one, as ``GET /api/v1/scheduled_statuses/:id`` gives, is read too).

    [{"id": "3221", "scheduled_at": "2026-12-01T08:30:00.000Z",
      "params": {"text": "Nouvelle version du simulateur !", "spoiler_text": null,
                 "visibility": "public", "language": "fr", "in_reply_to_id": null, "poll": null,
                 "media_ids": ["22"], "sensitive": null, "idempotency": null},
      "media_attachments": [{"id": "22", "type": "image", "description": "Le simulateur"}]}]

What this is based on: Mastodon's ScheduledStatus entity (mastodon/documentation,
content/en/entities/ScheduledStatus.md: ``id``, ``scheduled_at``, ``params`` with ``text``,
``spoiler_text``, ``visibility``, ``language``, ``in_reply_to_id``, ``quoted_status_id`` (4.5),
``poll``, ``media_ids``, ``sensitive``, ..., and ``media_attachments``, MediaAttachment entities
whose ``description`` is the alt text) and its serializer
(mastodon/mastodon, app/serializers/rest/scheduled_status_serializer.rb).

Each status is a post for Mastodon: ``params.text`` its text (findings point at the word inside
the JSON string, escapes and all), ``params.spoiler_text`` its content warning, the attachments'
descriptions its media alts, ``in_reply_to_id`` makes it a reply and ``quoted_status_id`` a
quote (whose text the file does not hold). ``scheduled_at`` always carries its zone in the API's
answers; one without is an error. ``params`` holds what the client sent when it scheduled the
status, so its values may be strings where numbers or booleans are meant: only the fields read
here are checked, and keys this reader does not know are left alone (the API grows). The
visibility, the sensitive flag and the poll have no place in a post yet.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from ..errors import SocialrulesError
from ..models import Media, Platform, Post, PostKind, Source
from ..yamlfile import YamlDocument, load_yaml

OPTIONS = ()
# JSON escapes: a surrogate pair, a \uXXXX, or a backslash and one character.
_ESCAPE = re.compile(r"\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)")
# What JSON allows and YAML refuses, for the YAML parser that only places the nodes: "\/" and
# surrogate escapes ("\ud83c\udf89", as ensure_ascii writes an emoji) become escapes of the same
# length; characters YAML refuses or takes for line breaks (U+2028, a lone CR) become spaces.
_JSON_ONLY_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\(/|u[dD][89a-fA-F][0-9a-fA-F]{2})")
_NOT_YAML = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|\r(?!\n)")


def read(text: str, shown: str) -> list[Post]:
    document = _document(text, shown)
    data, root = document.data, document.root
    if isinstance(data, dict):
        data, root = [data], None if root is None else _Wrapped(root)
    if not isinstance(data, list):
        raise document.error("a list of scheduled statuses (the answer of GET /api/v1/scheduled_statuses)")
    reader = _Reader(document, root)
    return [reader.post(index, status) for index, status in enumerate(data)]


def _document(text: str, shown: str) -> YamlDocument:
    """The data as JSON reads it (strictly), and the nodes as the YAML parser places them."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SocialrulesError(f"invalid JSON: {error.msg}", shown, error.lineno, error.colno) from None
    except RecursionError:
        raise SocialrulesError("invalid JSON: nested too deeply", shown) from None
    try:
        root = load_yaml(_for_yaml(text), shown).root
    except (SocialrulesError, RecursionError):
        root = None  # JSON the YAML parser still refuses: findings keep to line 1
    return YamlDocument(shown, data, root, text)


def _for_yaml(text: str) -> str:
    """The same JSON, every character in its place, in a form the YAML parser accepts."""
    text = _JSON_ONLY_ESCAPE.sub(lambda found: found.group(1) + ("\\\\" if found.group(2) == "/" else "\\u0020"), text)
    return _NOT_YAML.sub(" ", text)


def _anchors(document: YamlDocument, node, value: str) -> tuple[tuple[int, int, int], ...]:
    """Where the pieces of a JSON string's value sit in the file, escape by escape."""
    mark = node.start_mark
    line, column = mark.line + 1, mark.column + 2  # just after the opening quote
    if getattr(node, "style", None) != '"':
        return ((0, line, mark.column + 1),)
    raw = document.text[mark.index + 1 : node.end_mark.index - 1]
    anchors, offset, last = [(0, line, column)], 0, 0
    for escape in _ESCAPE.finditer(raw):
        offset += escape.start() - last + 1
        last = escape.end()
        anchors.append((offset, line, column + last))
    return tuple(anchors)


class _Wrapped:
    """A single status's node, seen as the only item of a list."""

    def __init__(self, node) -> None:
        self.value = [node]
        self.start_mark = node.start_mark


def looks_like(text: str) -> bool:
    """Does this JSON look like scheduled statuses (objects with params and scheduled_at)?"""
    head = text[:8192]
    return (re.search(r'"params"\s*:\s*\{', head) is not None
            and re.search(r'"scheduled_at"\s*:', head) is not None)


class _Reader:
    def __init__(self, document: YamlDocument, root) -> None:
        self.document = document
        self.root = root
        self.path = document.path

    def node(self, loc: tuple) -> Any:
        """The node at ``loc`` (index, then keys), or None."""
        import yaml

        node = self.root
        for part in loc:
            if node is None:
                return None
            if isinstance(part, int):
                items = node.value if isinstance(node, (yaml.SequenceNode, _Wrapped)) else []
                node = items[part] if part < len(items) else None
            elif isinstance(node, yaml.MappingNode):
                node = next((value for key, value in node.value if key.value == part), None)
            else:
                return None
        return node

    def error(self, message: str, loc: tuple) -> SocialrulesError:
        where = ".".join(str(part) for part in loc)
        node = None
        for depth in range(len(loc), 0, -1):
            node = self.node(loc[:depth])
            if node is not None:
                break
        if node is None:
            return SocialrulesError(f"{where}: {message}", self.path, 1)
        return SocialrulesError(f"{where}: {message}", self.path, node.start_mark.line + 1,
                                node.start_mark.column + 1)

    def source(self, loc: tuple, value: str) -> Source:
        node = self.node(loc)
        if node is None:
            return Source(self.path)
        return Source(self.path, anchors=_anchors(self.document, node, value))

    def expect(self, value: Any, types: tuple[type, ...], loc: tuple, what: str) -> Any:
        if value is not None and (not isinstance(value, types) or isinstance(value, bool) and bool not in types):
            raise self.error(f"{what}, not {_json_type(value)}", loc)
        return value

    def post(self, index: int, status: Any) -> Post:
        if not isinstance(status, dict):
            raise self.error(f"a scheduled status (an object with id, scheduled_at and params), not {_json_type(status)}",
                             (index,))
        status_id = self.expect(status.get("id"), (str, int), (index, "id"), "an id")
        if status_id is None:
            raise self.error("missing: each scheduled status has an id", (index,))
        params = status.get("params")
        if not isinstance(params, dict):
            raise self.error("an object with the status's text and options" if params is not None else
                             "missing: each scheduled status has params", (index, "params") if params is not None else (index,))
        text = self.expect(params.get("text"), (str,), (index, "params", "text"), "a text") or ""
        spoiler = self.expect(params.get("spoiler_text"), (str,), (index, "params", "spoiler_text"), "a text") or ""
        lang = self.expect(params.get("language"), (str,), (index, "params", "language"), "a language code")
        reply = self.expect(params.get("in_reply_to_id"), (str, int), (index, "params", "in_reply_to_id"), "an id")
        quote = self.expect(params.get("quoted_status_id"), (str, int), (index, "params", "quoted_status_id"), "an id")
        field_sources: dict[str, Source] = {}
        if spoiler:
            field_sources["spoiler_text"] = self.source((index, "params", "spoiler_text"), spoiler)
        scheduled_at = self.scheduled_at(status.get("scheduled_at"), (index, "scheduled_at"))
        if scheduled_at is not None:
            field_sources["scheduled_at"] = self.source((index, "scheduled_at"), "")
        media = self.media(status.get("media_attachments"), index, field_sources)
        kind = PostKind.QUOTE if quote is not None else PostKind.REPLY if reply is not None else PostKind.POST
        text_source = self.source((index, "params", "text"), text) if "text" in params else self.source((index,), "")
        return Post(text=text, platforms=(Platform.MASTODON,), kind=kind, spoiler_text=spoiler, media=media,
                    scheduled_at=scheduled_at, lang=lang, id=str(status_id),
                    in_reply_to=None if reply is None else str(reply), source=text_source,
                    field_sources=field_sources)

    def scheduled_at(self, value: Any, loc: tuple) -> dt.datetime | None:
        if value is None:
            return None
        self.expect(value, (str,), loc, "a date and time (ISO 8601)")
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            raise self.error(f"{value!r} is not an ISO 8601 date and time", loc) from None
        if moment.tzinfo is None:
            raise self.error(f"{value!r} has no time zone (the API writes 2026-12-01T08:30:00.000Z)", loc)
        return moment

    def media(self, value: Any, index: int, field_sources: dict[str, Source]) -> tuple[Media, ...]:
        loc = (index, "media_attachments")
        if value is None:
            return ()
        if not isinstance(value, list):
            raise self.error(f"a list of media attachments, not {_json_type(value)}", loc)
        media = []
        for position, item in enumerate(value):
            item_loc = (*loc, position)
            if not isinstance(item, dict):
                raise self.error(f"a media attachment (an object), not {_json_type(item)}", item_loc)
            alt = self.expect(item.get("description"), (str,), (*item_loc, "description"), "a text (the alt text)")
            kind = self.expect(item.get("type"), (str,), (*item_loc, "type"), "a media type")
            url = self.expect(item.get("url"), (str,), (*item_loc, "url"), "a URL")
            ident = self.expect(item.get("id"), (str, int), (*item_loc, "id"), "an id")
            media.append(Media(file=url or (None if ident is None else str(ident)), alt=alt, type=kind))
            if alt:
                field_sources[f"media[{position}].alt"] = self.source((*item_loc, "description"), alt)
            else:
                field_sources[f"media[{position}]"] = self.source(item_loc, "")
        return tuple(media)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"
