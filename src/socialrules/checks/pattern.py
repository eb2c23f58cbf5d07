"""`pattern`: a regular expression (the `regex` module's syntax) found in the post's texts."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import regex

from ..errors import SocialrulesError
from . import OPTIONS_CONFIG, Check, Hit, register


@dataclass(slots=True)
class PatternOptions:
    __pydantic_config__ = OPTIONS_CONFIG

    pattern: str
    """A regular expression; its named groups can be used in the message as {name}."""
    ignore_case: bool = True
    folded: bool = False
    """Match the folded text (no accents, look-alike letters read as Latin) instead of the text
    as written."""
    fields: list[str] = field(default_factory=lambda: ["text", "spoiler_text"])
    """Which texts of the post: text, spoiler_text, quoted, alt (media descriptions)."""
    timeout: float = 0.1
    """Seconds one text may take, so that a pathological pattern cannot hang a run."""


@register
class Pattern(Check):
    name = "pattern"
    Options = PatternOptions

    @classmethod
    def prepare(cls, options: dict[str, Any], folder: Path) -> dict[str, Any]:
        prepared = super().prepare(options, folder)
        _compile(prepared["pattern"], prepared["ignore_case"])
        return prepared

    @classmethod
    def placeholder_names(cls, options: dict[str, Any]) -> frozenset[str]:
        return frozenset(_compile(options["pattern"], options["ignore_case"]).groupindex)

    def __init__(self, rule, options: PatternOptions, config) -> None:
        super().__init__(rule, options, config)
        self.regex = _compile(options.pattern, options.ignore_case)

    def run(self, subject) -> Iterator[Hit]:
        options = self.options
        for field_name, view in subject.texts(options.fields):
            folded = view.folded if options.folded else None
            text = folded.text if folded else view.text
            try:
                for match in self.regex.finditer(text, timeout=options.timeout):
                    if match.end() == match.start():
                        continue
                    start, end = folded.original_span(*match.span()) if folded else match.span()
                    values = {k: v for k, v in match.groupdict().items() if v is not None}
                    yield Hit(start, end, field_name, values)
            except TimeoutError:
                raise SocialrulesError(
                    f"rule {self.rule.id}: pattern took more than {options.timeout} s on one text; "
                    "simplify it (nested repetition?)", self.rule.path) from None


def _compile(pattern: str, ignore_case: bool) -> regex.Pattern[str]:
    try:
        return regex.compile(pattern, regex.IGNORECASE if ignore_case else 0)
    except regex.error as error:
        raise SocialrulesError(f"invalid pattern: {error}") from None
