"""Reading YAML so that any error, ours or pydantic's, can name the line it is about."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

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


def load_yaml(text: str, path: str, *, aliases: bool = True) -> YamlDocument:
    """Parse ``text`` once into data and nodes; a syntax error becomes a SocialrulesError with
    its line and column. Without ``aliases``, anchors and aliases are refused (a "billion laughs"
    file would otherwise expand into an enormous structure)."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is not None and not aliases:
            _refuse_aliases(root, path)
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        problem = error.problem or error.context or "invalid YAML"
        raise SocialrulesError(f"invalid YAML: {problem}", path, line, column) from None
    except yaml.YAMLError as error:
        raise SocialrulesError(f"invalid YAML: {error}", path) from None
    finally:
        loader.dispose()
    return YamlDocument(path, data, root, text)


def _refuse_aliases(root: yaml.Node, path: str) -> None:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            mark = node.start_mark
            raise SocialrulesError("YAML anchors and aliases are not allowed here", path,
                                   mark.line + 1, mark.column + 1)
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
    if not isinstance(node, yaml.ScalarNode):
        return ((0, start.line + 1 + document.line_offset, start.column + 1),)
    raw_lines = document.text[start.index : end.index].split("\n")
    anchors: list[tuple[int, int, int]] = []
    position = 0
    for number, raw in enumerate(raw_lines):
        column = start.column if number == 0 else 0
        content = raw
        if number == 0:
            if node.style in ("|", ">"):
                continue  # the indicator line holds no text
            if node.style in ("'", '"'):
                content, column = content[1:], column + 1
        # Pieces between escapes and quotes read the same in the file and in the value.
        for piece in _PIECE.finditer(content):
            found = value.find(piece.group(), position)
            if found >= 0:
                anchors.append((found, start.line + number + 1 + document.line_offset,
                                column + piece.start() + 1))
                position = found + len(piece.group())
    if not anchors:
        anchors.append((0, start.line + 1 + document.line_offset, start.column + 1))
    return tuple(anchors)


_PIECE = re.compile(r"[^\\'\"\s][^\\'\"]*")


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
