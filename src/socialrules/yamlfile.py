"""Reading YAML so that any error, ours or pydantic's, can name the line it is about."""

from __future__ import annotations

import gc
import re
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

import yaml

from .errors import SocialrulesError

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class YamlDocument:
    """A parsed YAML file: its data, and its node tree for finding lines."""

    path: str
    data: Any
    root: yaml.Node | None
    text: str = ""
    line_offset: int = 0
    """Lines before ``text`` in its file (a line of a JSON Lines file)."""

    def position(self, loc: Iterable[str | int], *, key: bool = False) -> tuple[int, int]:
        """The (line, column), 1-based, of the value at ``loc`` (keys and indices), or of the
        deepest part of it that exists; with ``key``, of the last key itself rather than its value."""
        node = self.root
        if node is None:
            return 1, 1
        mark = node.start_mark
        for part in loc:
            found = _child(node, part)
            if found is None:
                break
            key_node, node = found
            mark = (key_node if key and key_node is not None else node).start_mark
        return mark.line + 1 + self.line_offset, mark.column + 1

    def error(self, message: str, loc: Iterable[str | int] = ()) -> SocialrulesError:
        line, column = self.position(loc)
        return SocialrulesError(message, self.path, line, column)


def _child(node: yaml.Node, key: str | int) -> tuple[yaml.Node | None, yaml.Node] | None:
    """(key node, value node) of a mapping's key, or (None, item) of a sequence's index."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == str(key):
                return key_node, value_node
    elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        return None, node.value[key]
    return None


def load_yaml(text: str, path: str, *, aliases: bool = True, data: bool = True) -> YamlDocument:
    """Parse ``text`` once into data and nodes; a syntax error becomes a SocialrulesError with
    its line and column. Without ``aliases``, anchors and aliases are refused (a "billion laughs"
    file would otherwise expand into an enormous structure). Without ``data``, only the nodes
    (the caller has the data already, as for JSON)."""
    loader = _Loader(text)
    try:
        with gc_paused():
            root = loader.get_single_node()
            if root is None or not data:
                value = None
            elif aliases:
                value = loader.construct_document(root)
            else:
                value = _construct_without_aliases(loader, root, path)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        problem = error.problem or error.context or "invalid YAML"
        raise SocialrulesError(f"invalid YAML: {problem}", path, line, column) from None
    except (yaml.YAMLError, ValueError) as error:  # ValueError: a date like 2026-13-01
        raise SocialrulesError(f"invalid YAML: {error}", path) from None
    finally:
        loader.dispose()
    return YamlDocument(path, value, root, text)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a file becomes objects.

    A large posts file makes hundreds of thousands of objects (nodes, dicts, posts) that all stay
    alive and form no cycle: each automatic collection would walk them all again, for nothing;
    that was more than half the time of reading a 10,000-post file."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


def _construct_without_aliases(loader: Any, root: yaml.Node, path: str) -> Any:
    """The data of ``root`` as PyYAML's safe constructor builds it, refusing a node met twice
    (an alias). Strings, lists and string-keyed mappings, the bulk of a posts file, are built
    here, several times faster than PyYAML's generic constructor; any other node by PyYAML."""
    seen: set[int] = set()

    def build(node: yaml.Node) -> Any:
        if id(node) in seen:
            raise _alias_error(node, path)
        seen.add(id(node))
        tag, value = node.tag, node.value
        if tag == _STR and isinstance(node, yaml.ScalarNode):
            return value
        if tag == _SEQ and isinstance(node, yaml.SequenceNode):
            return [build(item) for item in value]
        if tag == _MAP and isinstance(node, yaml.MappingNode) and all(
                key.tag == _STR and isinstance(key, yaml.ScalarNode) for key, _ in value):
            mapping = {}
            for key, item in value:
                if id(key) in seen:
                    raise _alias_error(key, path)
                seen.add(id(key))
                mapping[key.value] = build(item)
            return mapping
        # A date, a number, a merge key (<<), a tag...: PyYAML's own constructor, once the
        # node's children are known to hold no alias.
        seen.discard(id(node))
        _refuse_aliases(node, path, seen)
        try:
            return loader.construct_document(node)  # the node and all its children
        except ValueError as error:  # a date like 2026-13-01
            mark = node.start_mark
            raise SocialrulesError(f"invalid YAML: {error}", path, mark.line + 1, mark.column + 1) from None

    try:
        return build(root)
    except RecursionError:  # nested deeper than Python's stack: PyYAML's constructor does not recurse
        seen.clear()
        _refuse_aliases(root, path, seen)
        return loader.construct_document(root)


def _alias_error(node: yaml.Node, path: str) -> SocialrulesError:
    mark = node.start_mark
    return SocialrulesError("YAML anchors and aliases are not allowed here", path, mark.line + 1, mark.column + 1)


def _refuse_aliases(root: yaml.Node, path: str, seen: set[int]) -> None:
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise _alias_error(node, path)
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def scalar_anchors(document: YamlDocument, node: yaml.Node, value: str) -> tuple[tuple[int, int, int], ...]:
    """Where the pieces of a scalar's value sit in the file: (offset in value, line, column).

    Each source line of the scalar (a plain, quoted, literal or folded one) is found in the
    value in order, so that a finding inside a multi-line block points at its own line.
    """
    start, end = node.start_mark, node.end_mark
    if not isinstance(node, yaml.ScalarNode) or not value or (not node.style and start.line == end.line):
        # Nothing to place, or a plain scalar on one line: the value as it is in the file.
        return ((0, start.line + 1 + document.line_offset, start.column + 1),)
    quoted = node.style in ("'", '"')
    # A quoted scalar reads the same in the file and in the value between escapes and quotes;
    # any other, line by line, without the indentation and the line break.
    pieces = _PIECE if quoted else _LINE_CONTENT
    anchors: list[tuple[int, int, int]] = []
    position = 0
    for number, raw in enumerate(document.text[start.index : end.index].split("\n")):
        column = start.column if number == 0 else 0
        if number == 0:
            if node.style in ("|", ">"):
                continue  # the indicator line holds no text
            if quoted:
                raw, column = raw[1:], column + 1
        for piece in pieces.finditer(raw):
            found = value.find(piece.group(), position)
            if found >= 0:
                anchors.append((found, start.line + number + 1 + document.line_offset,
                                column + piece.start() + 1))
                position = found + len(piece.group())
    if not anchors or anchors[0][0] > 0:
        # The value's start where the scalar starts (after its quote): escapes ("\x1F") at the
        # start of a quoted value are not found in it, and nothing may lie before the first anchor.
        anchors.insert(0, (0, start.line + 1 + document.line_offset, start.column + 1 + quoted))
    return tuple(anchors)


_PIECE = re.compile(r"[^\\'\"\s][^\\'\"]*")
_LINE_CONTENT = re.compile(r"\S(?:.*\S)?")


def pydantic_errors(document: YamlDocument, error: Any, prefix: tuple[str | int, ...] = ()) -> SocialrulesError:
    """Turn a pydantic ValidationError into one SocialrulesError at its first problem's line,
    listing every problem."""
    lines = []
    for problem in error.errors(include_url=False):
        loc = prefix + tuple(problem["loc"])
        unknown = problem["type"] in _UNKNOWN
        missing = problem["type"] in _MISSING
        line, column = document.position(loc, key=unknown)
        where = ".".join(str(part) for part in loc) or "(top)"
        # A missing key is often a misspelt one: report the misspelling first.
        lines.append((missing, line, column, f"{where}: {_wording(problem)}"))
    lines.sort()
    _, first_line, first_column, first = lines[0]
    rest = "".join(f"\n  {document.path}:{line}:{column}: {text}" for _, line, column, text in lines[1:])
    return SocialrulesError(first + rest, document.path, first_line, first_column)


_UNKNOWN = {"unexpected_keyword_argument", "extra_forbidden"}
_MISSING = {"missing_argument", "missing"}


def _wording(problem: dict[str, Any]) -> str:
    if problem["type"] in _UNKNOWN:
        return "unknown key"
    if problem["type"] in _MISSING:
        return "missing required key"
    return problem["msg"]
