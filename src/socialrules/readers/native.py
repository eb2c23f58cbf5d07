"""The native posts file: YAML, JSON or JSON Lines, a list of entries (see models.PostEntry).

    - id: launch
      text: |
        Nouvelle version du simulateur !
        https://example.gouv.fr/simulateur
      platforms: [twitter, mastodon]
      scheduled_at: 2026-12-01T09:30:00+01:00
      tool: TweetDeck
      media: [{file: capture.png, alt: "Le simulateur sur un téléphone"}]
      ignore: [{rule: hashtag-overuse, reason: campagne nationale}]

A top-level mapping with a `posts:` list is read the same. Every text keeps its place in the
file, so that a finding inside a multi-line block points at the line and column of its word.
A comment `# socialrules: ignore[rule-id] reason` on or just above an entry silences that rule
for the entry, as an `ignore:` item does.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace
from typing import Any

from yaml.nodes import MappingNode

from ..errors import SocialrulesError
from ..models import Media, Platform, Post, PostEntry, PostKind, Source, Suppression
from ..yamlfile import YamlDocument, gc_paused, load_yaml, pydantic_errors, scalar_anchors

_IGNORE_COMMENT = re.compile(r"#\s*socialrules:\s*ignore\[([^\]]*)\]\s*(.*)")
_OTHER_TEXT_FIELDS = ("spoiler_text", "quoted")  # checked, as text is


def read(text: str, shown: str, syntax: str = "yaml") -> list[Post]:
    """The posts of a native posts file; ``syntax`` is yaml, json or jsonl."""
    with gc_paused():
        return _read(text, shown, syntax)


def _read(text: str, shown: str, syntax: str) -> list[Post]:
    ids: dict[str, int] = {}
    if syntax == "jsonl":
        posts: list[Post] = []
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                document = _json_document(line, shown, number)
                posts.extend(_posts(document, [document.data], [document.root], number, ids))
        return posts
    document = _json_document(text, shown) if syntax == "json" else load_yaml(text, shown, aliases=False)
    data, root = document.data, document.root
    if isinstance(data, dict) and "posts" in data:
        root = dict((key.value, value) for key, value in root.value)["posts"] if root is not None else None
        data = data["posts"]
    if data is None:
        return []
    if not isinstance(data, list):
        raise document.error("a posts file is a list of posts (or a mapping with a `posts:` list)")
    nodes = list(root.value) if root is not None else [None] * len(data)
    return _posts(document, data, nodes, 0, ids)


def _json_document(text: str, shown: str, line: int = 1) -> YamlDocument:
    """JSON read strictly by json; its positions by the YAML parser (JSON is YAML), if it can."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SocialrulesError(f"invalid JSON: {error.msg}", shown, line + error.lineno - 1, error.colno) from None
    try:
        root = load_yaml(text, shown, data=False).root
    except SocialrulesError:
        root = None  # valid JSON the YAML parser refuses ("\/"): findings keep to line 1
    return YamlDocument(shown, data, root, text, line_offset=line - 1)


def _posts(document: YamlDocument, data: list[Any], nodes: list, first_line: int,
           ids: dict[str, int]) -> list[Post]:
    """Validate entries and make their posts; ``ids`` holds the line of each id seen so far."""
    entries = _entries(document, data, nodes, first_line)
    directives = "socialrules:" in document.text  # the usual file has no comment to look for
    posts = []
    for index, (entry, node) in enumerate(zip(entries, nodes)):
        fields = _field_nodes(node)
        if entry.id is not None:
            line, column = _where(document, node, fields, "id") if node is not None else (first_line, 1)
            if entry.id in ids:
                raise SocialrulesError(f"duplicate id {entry.id!r} (first used at line {ids[entry.id]})",
                                       document.path, line, column)
            ids[entry.id] = line
        if entry.scheduled_at is not None and entry.scheduled_at.tzinfo is None:
            line, column = document.position([]) if node is None else _where(document, node, fields, "scheduled_at")
            raise SocialrulesError("scheduled_at has no time zone (write 2026-12-01T09:30:00+01:00)",
                                   document.path, line, column)
        posts.extend(_expand(document, entry, index, node, fields, first_line, directives))
    return posts


def _entries(document: YamlDocument, data: list[Any], nodes: list, first_line: int) -> list[PostEntry]:
    """The entries, each read by `_plain_entry` if it can; else by pydantic, which also words
    every error at its line."""
    entries = []
    for item in data:
        entry = _plain_entry(item)
        if entry is None:
            return _validated(document, data, nodes, first_line)
        entries.append(entry)
    return entries


def _validated(document: YamlDocument, data: list[Any], nodes: list, first_line: int) -> list[PostEntry]:
    from pydantic import ValidationError

    from ..models import _adapter

    try:
        return _adapter(list[PostEntry]).validate_python(data)
    except ValidationError as error:
        # pydantic says (index, field): find it from the list of entries.
        import yaml

        if document.root is None or None in nodes:
            problem = error.errors(include_url=False)[0]
            where = ".".join(str(part) for part in problem["loc"])
            raise SocialrulesError(f"{where}: {problem['msg']}", document.path, first_line or None) from None
        mark = nodes[0].start_mark if nodes else document.root.start_mark
        entries_root = yaml.SequenceNode("tag:yaml.org,2002:seq", nodes, mark, mark)
        raise pydantic_errors(YamlDocument(document.path, data, entries_root, document.text,
                                           document.line_offset), error) from None


# --- the plain entry, read without pydantic ----------------------------------------------------
# Importing pydantic and building its validator cost more than reading a 10,000-post file
# otherwise does. An entry with known keys and values of the expected types becomes a PostEntry
# here, exactly as pydantic makes it (tests/test_native_plain.py compares the two); anything else
# (a missing time zone is left to the caller) goes to pydantic.


class _NotPlain(Exception):
    pass


def _text(value: Any) -> str:
    if type(value) is not str:
        raise _NotPlain
    return value


def _text_or_none(value: Any) -> str | None:
    return None if value is None else _text(value)


def _list(value: Any) -> list:
    if type(value) is not list:
        raise _NotPlain
    return value


def _choice(enum: type) -> Any:
    members = {member.value: member for member in enum}

    def choose(value: Any) -> Any:
        member = members.get(value) if type(value) is str else None
        if member is None:
            raise _NotPlain
        return member

    return choose


def _record(value: Any, keys: frozenset[str], *, required: bool) -> dict[str, Any]:
    """A mapping of texts with only ``keys`` (all of them if ``required``, else each may be None)."""
    if type(value) is not dict or not (value.keys() == keys if required else value.keys() <= keys):
        raise _NotPlain
    for item in value.values():
        if type(item) is not str and (required or item is not None):
            raise _NotPlain
    return value


_ISO_DATETIME = re.compile(r"\d{4}-\d\d-\d\dT(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)")


def _datetime(value: Any) -> dt.datetime | None:
    if value is None or type(value) is dt.datetime:  # YAML's own timestamps
        return value
    if type(value) is str and _ISO_DATETIME.fullmatch(value):
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:  # 2026-02-30: pydantic words it
            pass
    raise _NotPlain


_kind, _platform = _choice(PostKind), _choice(Platform)
_MEDIA_KEYS, _IGNORE_KEYS = frozenset({"file", "alt", "type"}), frozenset({"rule", "reason"})
# PostEntry's fields, each with its reader; an unknown key makes the entry not plain.
_PLAIN_FIELDS = {
    "text": _text, "id": _text_or_none, "kind": _kind, "spoiler_text": _text,
    "quoted": _text_or_none, "quoted_author": _text_or_none, "in_reply_to": _text_or_none,
    "scheduled_at": _datetime, "tool": _text_or_none, "account": _text_or_none, "lang": _text_or_none,
    "platforms": lambda value: tuple(_platform(item) for item in _list(value)),
    "thread": lambda value: tuple(_text(item) for item in _list(value)),
    "media": lambda value: tuple(Media(**_record(item, _MEDIA_KEYS, required=False)) for item in _list(value)),
    "ignore": lambda value: tuple(Suppression(**_record(item, _IGNORE_KEYS, required=True)) for item in _list(value)),
}


def _plain_entry(item: Any) -> PostEntry | None:
    """The entry as pydantic would make it, if it is plain; None if pydantic must decide."""
    if type(item) is not dict:
        return None
    try:
        return PostEntry(**{key: _PLAIN_FIELDS[key](value) for key, value in item.items()})
    except (KeyError, _NotPlain):  # KeyError: an unknown key
        return None


def _field_nodes(node) -> dict[str, Any]:
    if not isinstance(node, MappingNode):
        return {}
    return {key.value: value for key, value in node.value}


def _where(document: YamlDocument, node, fields: dict[str, Any], key: str) -> tuple[int, int]:
    value = fields.get(key)
    node = value if value is not None else node
    return node.start_mark.line + 1 + document.line_offset, node.start_mark.column + 1


def _source(document: YamlDocument, node, value: str) -> Source:
    if node is None or document.root is None:
        return Source(document.path, line=document.line_offset + 1)
    return Source(document.path, anchors=scalar_anchors(document, node, value))


def _start_source(document: YamlDocument, node) -> Source:
    """Where a node starts (a date, an account, a one-line value): `_source` with no text to place."""
    if document.root is None:
        return Source(document.path, line=document.line_offset + 1)
    mark = node.start_mark
    return Source(document.path, anchors=((0, mark.line + 1 + document.line_offset, mark.column + 1),))


def _expand(document: YamlDocument, entry: PostEntry, index: int, node, fields: dict, first_line: int,
            directives: bool = False) -> list[Post]:
    """The entry as posts: one, or one per part of a thread."""
    shown = document.path
    field_sources: dict[str, Source] = {}
    for name in _OTHER_TEXT_FIELDS:
        if fields.get(name) is not None and getattr(entry, name):
            field_sources[name] = _source(document, fields[name], getattr(entry, name))
    media_nodes = fields.get("media")
    for position, media in enumerate(entry.media):
        media_node = media_nodes.value[position] if media_nodes is not None else None
        alt_node = _field_nodes(media_node).get("alt") if media_node is not None else None
        if media.alt and alt_node is not None:
            field_sources[f"media[{position}].alt"] = _source(document, alt_node, media.alt)
        elif media_node is not None:
            field_sources[f"media[{position}]"] = _source(document, media_node, "")
    if fields.get("tool") is not None and entry.tool:
        field_sources["tool"] = _source(document, fields["tool"], entry.tool)
    for name in ("scheduled_at", "account"):
        if fields.get(name) is not None:
            field_sources[name] = _start_source(document, fields[name])
    suppressions = {item.rule: item.reason for item in entry.ignore}
    ignore_nodes = fields.get("ignore")
    for position, item in enumerate(entry.ignore):
        item_node = ignore_nodes.value[position] if ignore_nodes is not None else None
        field_sources[f"ignore[{item.rule}]"] = _source(document, item_node, "")
    for rule, reason, line, column in _comment_suppressions(document, node) if directives else ():
        suppressions.setdefault(rule, reason)
        field_sources.setdefault(f"ignore[{rule}]", Source(shown, anchors=((0, line, column),)))

    text_node = fields.get("text")
    base = Post(
        text=entry.text, platforms=entry.platforms, kind=entry.kind, spoiler_text=entry.spoiler_text,
        quoted=entry.quoted, quoted_author=entry.quoted_author, media=entry.media,
        scheduled_at=entry.scheduled_at, tool=entry.tool, account=entry.account, lang=entry.lang,
        id=entry.id if entry.id is not None else None, in_reply_to=entry.in_reply_to,
        suppressions=suppressions,
        source=_source(document, text_node, entry.text) if text_node is not None else _entry_source(document, node, first_line),
        field_sources=field_sources,
    )
    if not entry.thread:
        return [base]
    size = 1 + len(entry.thread)
    thread_id = entry.id if entry.id is not None else f"#{index}"
    posts = [replace(base, thread_id=thread_id, thread_position=1, thread_size=size)]
    thread_nodes = fields.get("thread")
    for position, part in enumerate(entry.thread, start=2):
        part_node = thread_nodes.value[position - 2] if thread_nodes is not None else None
        posts.append(replace(
            base, text=part, kind=PostKind.REPLY, spoiler_text="", quoted=None, quoted_author=None,
            media=(), in_reply_to=thread_id, id=f"{thread_id}#{position}", field_sources={},
            source=_source(document, part_node, part), thread_id=thread_id,
            thread_position=position, thread_size=size,
        ))
    return posts


def _entry_source(document: YamlDocument, node, first_line: int) -> Source:
    if node is None:
        return Source(document.path, line=first_line or 1)
    return Source(document.path, anchors=((0, node.start_mark.line + 1 + document.line_offset,
                                           node.start_mark.column + 1),))


def _comment_suppressions(document: YamlDocument, node):
    """`# socialrules: ignore[a, b] reason` on the entry's lines or on the line just above."""
    if node is None or not document.text:
        return
    text, first = document.text, node.start_mark.line
    # Only the entry's own lines and the one above it (a whole-file split per entry would make
    # reading a large file quadratic).
    line_start = text.rfind("\n", 0, node.start_mark.index) + 1
    begin = text.rfind("\n", 0, line_start - 1) + 1 if first > 0 else line_start
    lines = text[begin : node.end_mark.index].split("\n")
    top = first - 1 if first > 0 else first
    for number, line in enumerate(lines, start=top):
        found = _IGNORE_COMMENT.search(line)
        if found is None or (number == first - 1 and not line.lstrip().startswith("#")):
            continue
        for rule in found.group(1).split(","):
            if rule.strip():
                yield rule.strip(), found.group(2).strip(), number + 1 + document.line_offset, found.start() + 1


def posts_from_entries(entries, shown: str = "<example>") -> list[Post]:
    """Posts from entries given as objects (a rule's example schedule), without positions."""
    document = YamlDocument(shown, None, None, "")
    posts: list[Post] = []
    for index, entry in enumerate(entries):
        posts.extend(_expand(document, entry, index, None, {}, 0))
    return posts
