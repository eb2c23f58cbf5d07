"""YAML front matter (a ``---`` line, YAML, a ``---`` line) at the top of a text file or of a part
of one, read so that its nodes carry the file's own line numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

from ..errors import SocialrulesError
from ..yamlfile import YamlDocument, load_yaml

# The opening line, the YAML (possibly none), the closing line and the line breaks after it.
_FRONT = re.compile(r"---[ \t]*\n(?:(.*?)\n)?---[ \t]*(?:\n+|\Z)", re.S)
_OPENING = re.compile(r"---[ \t]*\n")
_IGNORE_COMMENT = re.compile(r"#\s*socialrules:\s*ignore\[([^\]]*)\]\s*(.*)")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    document: YamlDocument
    """The YAML, padded with empty lines so that its marks are the file's lines."""
    end: int
    """Where the text after the front matter starts."""
    first_line: int
    """The file line of the opening ``---``."""

    @property
    def data(self) -> Any:
        return self.document.data

    @property
    def fields(self) -> dict[str, Any]:
        """Each key's value node."""
        import yaml

        root = self.document.root
        if not isinstance(root, yaml.MappingNode):
            return {}
        return {key.value: value for key, value in root.value}

    def key_position(self, key: str) -> tuple[int, int]:
        return self.document.position([key], key=True)

    def suppressions(self) -> Iterator[tuple[str, str, int, int]]:
        """(rule, reason, line, column) of each `# socialrules: ignore[rule] reason` comment."""
        text = self.document.text
        for number, line in enumerate(text.split("\n"), start=1):
            found = _IGNORE_COMMENT.search(line)
            if found is not None:
                for rule in found.group(1).split(","):
                    if rule.strip():
                        yield rule.strip(), found.group(2).strip(), number, found.start() + 1


def split(text: str, start: int, end: int, path: str) -> FrontMatter | None:
    """The front matter at ``text[start:end]``'s beginning, or None when there is none."""
    found = _FRONT.match(text, start, end)
    if found is None:
        if _OPENING.match(text, start, end):
            line = text.count("\n", 0, start) + 1
            raise SocialrulesError("front matter opened with --- is never closed by a --- line",
                                   path, line, 1)
        return None
    first_line = text.count("\n", 0, start) + 1
    body = found.group(1) or ""
    # Empty lines before the YAML make the parser's marks the file's lines.
    padded = "\n" * first_line + body
    document = load_yaml(padded, path, aliases=False)
    if document.data is not None and not isinstance(document.data, dict):
        raise SocialrulesError("front matter is a mapping of keys (key: value)", path, first_line + 1, 1)
    return FrontMatter(document, found.end(), first_line)
