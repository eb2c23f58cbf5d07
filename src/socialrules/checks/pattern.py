"""`pattern`: a regular expression (the `regex` module's syntax) found in the post's texts."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Iterator

import regex

from ..errors import SocialrulesError
from ..text.normalize import fold
from . import OPTIONS_CONFIG, Check, Hit, OptionsBase, register


@dataclass(slots=True, repr=False, eq=False)  # see OptionsBase
class PatternOptions(OptionsBase):
    """Options of the `pattern` check kind."""

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
    requires: list[str] = field(default_factory=list)
    """Strings one of which every text the pattern can match contains, in lower case (they are
    looked for in the folded text): a quick test that spares most texts the regular expression.
    Leave it empty when unsure: a missing string means missed findings."""


@register
class Pattern(Check):
    name = "pattern"
    Options = PatternOptions

    @classmethod
    def prepare(cls, options: dict[str, Any], folder: Path) -> dict[str, Any]:
        prepared = super().prepare(options, folder)
        _compile(prepared["pattern"], prepared["ignore_case"])
        for literal in prepared["requires"]:
            if not literal or fold(literal).text != literal:
                raise SocialrulesError(f"requires: {literal!r} must be written as folded text "
                                       f"(lower case, no accents): {fold(literal).text!r}")
        return prepared

    @classmethod
    def placeholder_names(cls, options: dict[str, Any]) -> frozenset[str]:
        return frozenset(_compile(options["pattern"], options["ignore_case"]).groupindex)

    @cached_property
    def regex(self) -> regex.Pattern[str]:
        # Compiled when a text first gets past `requires`: a run on one draft that has none of
        # them skips the compile (~4 ms for a long pattern). The pattern was checked on loading.
        return _compile(self.options.pattern, self.options.ignore_case)

    def run(self, subject) -> Iterator[Hit]:
        options = self.options
        for field_name, view in subject.texts(options.fields):
            if options.requires and not any(map(view.folded.text.__contains__, options.requires)):
                continue
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
