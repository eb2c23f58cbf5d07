"""Reading YAML so that any error, ours or pydantic's, can name the line it is about."""

from __future__ import annotations

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

    def position(self, loc: Iterable[str | int]) -> tuple[int, int]:
        """The (line, column), 1-based, of the value at ``loc`` (keys and indices), or of the
        deepest part of it that exists."""
        node = self.root
        if node is None:
            return 1, 1
        for key in loc:
            child = _child(node, key)
            if child is None:
                break
            node = child
        return node.start_mark.line + 1, node.start_mark.column + 1

    def error(self, message: str, loc: Iterable[str | int] = ()) -> SocialrulesError:
        line, column = self.position(loc)
        return SocialrulesError(message, self.path, line, column)


def _child(node: yaml.Node, key: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == str(key):
                return value_node
    elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        return node.value[key]
    return None


def load_yaml(text: str, path: str) -> YamlDocument:
    """Parse ``text``; a syntax error becomes a SocialrulesError with its line and column."""
    try:
        root = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        problem = error.problem or error.context or "invalid YAML"
        raise SocialrulesError(f"invalid YAML: {problem}", path, line, column) from None
    except yaml.YAMLError as error:
        raise SocialrulesError(f"invalid YAML: {error}", path) from None
    return YamlDocument(path, data, root)


def pydantic_errors(document: YamlDocument, error: Any, prefix: tuple[str | int, ...] = ()) -> SocialrulesError:
    """Turn a pydantic ValidationError into one SocialrulesError at its first problem's line,
    listing every problem."""
    problems = error.errors(include_url=False)
    lines = []
    for problem in problems:
        loc = prefix + tuple(problem["loc"])
        line, column = document.position(loc)
        where = ".".join(str(part) for part in loc) or "(top)"
        lines.append((line, column, f"{where}: {_wording(problem)}"))
    lines.sort()
    first_line, first_column, first = lines[0]
    rest = "".join(f"\n  {document.path}:{line}:{column}: {text}" for line, column, text in lines[1:])
    return SocialrulesError(first + rest, document.path, first_line, first_column)


def _wording(problem: dict[str, Any]) -> str:
    if problem["type"] in ("unexpected_keyword_argument", "extra_forbidden"):
        return "unknown key"
    if problem["type"] == "missing_argument" or problem["type"] == "missing":
        return "missing required key"
    return problem["msg"]
