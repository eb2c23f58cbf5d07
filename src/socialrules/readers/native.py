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

import functools
import json
import re
from dataclasses import replace
from typing import Any

from ..errors import SocialrulesError
from ..models import Post, PostEntry, PostKind, Source
from ..yamlfile import YamlDocument, load_yaml, pydantic_errors, scalar_anchors

_IGNORE_COMMENT = re.compile(r"#\s*socialrules:\s*ignore\[([^\]]*)\]\s*(.*)")
_TEXT_FIELDS = ("text", "spoiler_text", "quoted")


def read(text: str, shown: str, syntax: str = "yaml") -> list[Post]:
    """The posts of a native posts file; ``syntax`` is yaml, json or jsonl."""
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
        root = load_yaml(text, shown).root
    except SocialrulesError:
        root = None  # valid JSON the YAML parser refuses ("\/"): findings keep to line 1
    return YamlDocument(shown, data, root, text, line_offset=line - 1)


def _posts(document: YamlDocument, data: list[Any], nodes: list, first_line: int,
           ids: dict[str, int]) -> list[Post]:
    """Validate entries and make their posts; ``ids`` holds the line of each id seen so far."""
    from pydantic import ValidationError

    from ..models import _adapter

    try:
        entries: list[PostEntry] = _adapter(list[PostEntry]).validate_python(data)
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
    posts = []
    for index, (entry, node) in enumerate(zip(entries, nodes)):
        fields = _field_nodes(node)
        if entry.id is not None:
            line, column = _where(document, node, "id") if node is not None else (first_line, 1)
            if entry.id in ids:
                raise SocialrulesError(f"duplicate id {entry.id!r} (first used at line {ids[entry.id]})",
                                       document.path, line, column)
            ids[entry.id] = line
        if entry.scheduled_at is not None and entry.scheduled_at.tzinfo is None:
            line, column = document.position([]) if node is None else _where(document, node, "scheduled_at")
            raise SocialrulesError("scheduled_at has no time zone (write 2026-12-01T09:30:00+01:00)",
                                   document.path, line, column)
        posts.extend(_expand(document, entry, index, node, fields, first_line))
    return posts


def _field_nodes(node) -> dict[str, Any]:
    import yaml

    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: value for key, value in node.value}


def _where(document: YamlDocument, node, key: str) -> tuple[int, int]:
    value = _field_nodes(node).get(key)
    node = value if value is not None else node
    return node.start_mark.line + 1 + document.line_offset, node.start_mark.column + 1


def _source(document: YamlDocument, node, value: str) -> Source:
    if node is None or document.root is None:
        return Source(document.path, line=document.line_offset + 1)
    return Source(document.path, anchors=scalar_anchors(document, node, value))


def _expand(document: YamlDocument, entry: PostEntry, index: int, node, fields: dict, first_line: int) -> list[Post]:
    """The entry as posts: one, or one per part of a thread."""
    shown = document.path
    field_sources: dict[str, Source] = {}
    for name in _TEXT_FIELDS[1:]:
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
            field_sources[name] = _source(document, fields[name], "")
    suppressions = {item.rule: item.reason for item in entry.ignore}
    ignore_nodes = fields.get("ignore")
    for position, item in enumerate(entry.ignore):
        item_node = ignore_nodes.value[position] if ignore_nodes is not None else None
        field_sources[f"ignore[{item.rule}]"] = _source(document, item_node, "")
    for rule, reason, line, column in _comment_suppressions(document, node):
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
    if not _has_directives(text):  # the usual file: nothing to look for
        return
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


@functools.lru_cache(maxsize=8)
def _has_directives(text: str) -> bool:
    # Cached per file text (a str caches its hash): asked once per entry.
    return "socialrules:" in text


def posts_from_entries(entries, shown: str = "<example>") -> list[Post]:
    """Posts from entries given as objects (a rule's example schedule), without positions."""
    document = YamlDocument(shown, None, None, "")
    posts: list[Post] = []
    for index, entry in enumerate(entries):
        posts.extend(_expand(document, entry, index, None, {}, 0))
    return posts
