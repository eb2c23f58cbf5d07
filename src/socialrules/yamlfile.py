"""Reading YAML so that any error, ours or pydantic's, can name the line it is about."""

from __future__ import annotations

import gc
import re
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .errors import SocialrulesError

_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


def _by_first_character(resolvers: dict[str | None, list]) -> dict[str | None, list]:
    """For each first character, its implicit resolvers then those for any, as PyYAML tries them."""
    anywhere = resolvers.get(None, [])
    return {**{first: found + anywhere for first, found in resolvers.items() if first is not None},
            None: anywhere}


if hasattr(yaml, "CSafeLoader"):

    class _CSafeLoader(yaml.CSafeLoader):
        """libyaml's safe loader, with the tag of each node found as PyYAML finds it, quicker.

        libyaml's composer asks Python for the tag of every untagged node (170,000 calls for a
        10,000-post file), and PyYAML's generic resolver took a sixth of composing such a file.
        This one tries the same implicit resolvers (bool, int, float, null, timestamp...), sorted
        once by first character, and skips path resolvers, which a safe loader has none of.
        """

        _by_first = _by_first_character(yaml.CSafeLoader.yaml_implicit_resolvers)

        def resolve(self, kind: type, value: Any, implicit: Any) -> str:
            if kind is ScalarNode:
                if implicit[0]:  # plain: "true", "12", "2026-12-01", "~"... are not strings
                    by_first = self._by_first
                    for tag, regexp in by_first.get(value[:1], by_first[None]):
                        if regexp.match(value):
                            return tag
                return _STR
            return _SEQ if kind is SequenceNode else _MAP

        def descend_resolver(self, current_node: Any, current_index: Any) -> None:
            pass  # only path resolvers need the path

        def ascend_resolver(self) -> None:
            pass

    _Loader: Any = _CSafeLoader if not yaml.CSafeLoader.yaml_path_resolvers else yaml.CSafeLoader
else:
    _Loader = yaml.SafeLoader


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
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == str(key):
                return key_node, value_node
    elif isinstance(node, SequenceNode) and isinstance(key, int) and key < len(node.value):
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
                value = _construct_without_aliases(loader, root, path, text)
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


def _construct_without_aliases(loader: Any, root: yaml.Node, path: str, text: str) -> Any:
    """The data of ``root`` as PyYAML's safe constructor builds it, refusing a node met twice
    (an alias). Strings, lists and string-keyed mappings, the bulk of a posts file, are built
    here, several times faster than PyYAML's generic constructor; any other node by PyYAML."""
    # Keeping every node's id to find a node met twice took two thirds of the building: it is
    # done only if the text may hold both an anchor and an alias.
    seen: set[int] | None = set() if _may_hold_aliases(text) else None

    def build(node: yaml.Node) -> Any:
        if seen is not None:
            if id(node) in seen:
                raise _alias_error(node, path)
            seen.add(id(node))
        tag, value = node.tag, node.value
        if tag == _STR and isinstance(node, ScalarNode):
            return value
        if tag == _SEQ and isinstance(node, SequenceNode):
            return [build(item) for item in value]
        if tag == _MAP and isinstance(node, MappingNode):
            for key, _ in value:
                if key.tag != _STR or not isinstance(key, ScalarNode):
                    break  # a key that is not a string: PyYAML's
            else:
                mapping = {}
                for key, item in value:
                    if seen is not None:
                        if id(key) in seen:
                            raise _alias_error(key, path)
                        seen.add(id(key))
                    mapping[key.value] = build(item)
                return mapping
        # A date, a number, a merge key (<<), a tag...: PyYAML's own constructor, once the
        # node's children are known to hold no alias.
        if seen is not None:
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
        if seen is not None:
            seen.clear()
            _refuse_aliases(root, path, seen)
        return loader.construct_document(root)


# An anchor (&name) or an alias (*name) is a token of its own: at the start of the text, or
# after a space, a line break, a flow indicator or a key's "?" ("[&a x, *a]", {"k":&a x}).
# "R&D", "a=1&b=2", "5*3" or "Tom & Jerry" in a text are none.
_BEFORE_TOKEN = frozenset("[{,:?\ufeff")


def _may_hold_aliases(text: str) -> bool:
    """False if the text holds no alias for sure: an alias (*name) names an anchor (&name)."""
    return _starts_a_token(text, "&") and _starts_a_token(text, "*")


def _starts_a_token(text: str, indicator: str) -> bool:
    # str.find, not a regex: a regex tried at every character took 80 ms on a 5 MB file.
    at = text.find(indicator)
    while at >= 0:
        before = text[at - 1] if at else " "
        if (before in _BEFORE_TOKEN or before.isspace()) and text[at + 1 : at + 2].strip():
            return True
        at = text.find(indicator, at + 1)
    return False


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
        if isinstance(node, MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)


def scalar_anchors(document: YamlDocument, node: yaml.Node, value: str) -> tuple[tuple[int, int, int], ...]:
    """Where the pieces of a scalar's value sit in the file: (offset in value, line, column).

    Each source line of the scalar (a plain, quoted, literal or folded one) is found in the
    value in order, so that a finding inside a multi-line block points at its own line.
    """
    start = node.start_mark
    line = start.line + 1 + document.line_offset
    if not value or not isinstance(node, ScalarNode):
        return ((0, line, start.column + 1),)  # nothing to place
    style = node.style
    if not style and start.line == node.end_mark.line:
        return ((0, line, start.column + 1),)  # a plain scalar on one line: as it is in the file
    lines = document.text[start.index : node.end_mark.index].split("\n")
    if style in ("'", '"'):
        return _quoted_anchors(lines, value, line, start.column)
    # Plain, literal or folded: each line's text, without its indentation and line break, is
    # in the value.
    anchors: list[tuple[int, int, int]] = []
    position, column = 0, start.column + 1
    if style in ("|", ">"):
        lines[0] = ""  # the indicator line holds no text
    for number, raw in enumerate(lines):
        piece = raw.strip()  # = the first to the last non-space character, as \S...\S in a regex
        if piece:
            found = value.find(piece, position)
            if found >= 0:
                anchors.append((found, line + number, column + len(raw) - len(raw.lstrip())))
                position = found + len(piece)
        column = 1
    if not anchors or anchors[0][0] > 0:
        anchors.insert(0, (0, line, start.column + 1))  # nothing may lie before the first anchor
    return tuple(anchors)


def _quoted_anchors(lines: list[str], value: str, line: int, column: int) -> tuple[tuple[int, int, int], ...]:
    """A quoted scalar reads the same in the file and in its value between escapes and quotes,
    but for the blanks that end a line (folded into one space, or a line break's "\r")."""
    anchors: list[tuple[int, int, int]] = []
    position, after_quote = 0, column + 2
    lines[0], column = lines[0][1:], after_quote
    for number, raw in enumerate(lines):
        for match in _PIECE.finditer(raw):
            piece = (match.group(1) or "").rstrip()
            found = value.find(piece, position) if piece else -1
            if found >= 0:
                anchors.append((found, line + number, column + match.start()))
                position = found + len(piece)
        column = 1
    if not anchors or anchors[0][0] > 0:
        # The value's start just after the quote: escapes ("\x1F") at the start of a quoted
        # value are not found in it, and nothing may lie before the first anchor.
        anchors.insert(0, (0, line, after_quote))
    return tuple(anchors)


# An escape ("\\t", "\\xE9", "\\U0001F600"; a quote doubled, or ending the value), or (group 1) a
# piece of text read as it is written.
_PIECE = re.compile(r"""\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)|''|['"]|([^\\'"\s][^\\'"]*)""")


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
