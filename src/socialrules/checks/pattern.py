"""`pattern`: a regular expression (the `regex` module's syntax) found in the post's texts."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import SocialrulesError
from ..text.lazy import lazy_re
from ..text.normalize import fold
from . import OPTIONS_CONFIG, Check, Hit, OptionsBase, register

if TYPE_CHECKING:
    import regex

# A `requires` string made of these lies inside one word of the folded text (the words
# TextView.variant_words gives: runs of `regex`'s \w, which holds every one of these).
_WORD_LIKE = lazy_re(r"[a-z0-9_]+")
_MEMO_SIZE = 100_000


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

    def __init__(self, rule, options: PatternOptions, config) -> None:
        super().__init__(rule, options, config)
        requires = options.requires
        self.word_requires = tuple(r for r in requires if _WORD_LIKE.fullmatch(r))
        self.other_requires = tuple(r for r in requires if not _WORD_LIKE.fullmatch(r))
        # Folded words known to hold none of `word_requires`: posts repeat their words, and a
        # set look-up is quicker than searching the text for each string (~0.3 µs each).
        self.plain_words: set[str] = set()

    @cached_property
    def regex(self) -> regex.Pattern[str]:
        # Compiled when a text first gets past `requires`: a run on one draft that has none of
        # them skips the compile (~4 ms for a long pattern). The pattern was checked on loading.
        return _compile(self.options.pattern, self.options.ignore_case)

    def run(self, subject) -> list[Hit] | tuple[()]:
        texts = subject.texts(self.options.fields)
        if len(texts) == 1 and texts[0][0] == "text":  # the usual post: one text
            if not self.may_match_text(texts[0][1]):
                return ()
            return self.matches("text", texts[0][1])
        hits: list[Hit] = []
        for field_name, view in texts:
            if self.may_match(field_name, view):
                hits += self.matches(field_name, view)
        return hits

    def matches(self, field_name: str, view) -> list[Hit]:
        """The hits of the pattern in one text."""
        options = self.options
        folded = view.folded if options.folded else None
        text = folded.text if folded else view.text
        hits = []
        try:
            for match in self.regex.finditer(text, timeout=options.timeout):
                if match.end() == match.start():
                    continue
                start, end = folded.original_span(*match.span()) if folded else match.span()
                values = {k: v for k, v in match.groupdict().items() if v is not None}
                hits.append(Hit(start, end, field_name, values))
        except TimeoutError:
            raise SocialrulesError(
                f"rule {self.rule.id}: pattern took more than {options.timeout} s on one text; "
                "simplify it (nested repetition?)", self.rule.path) from None
        return hits

    def may_match(self, field_name: str, view) -> bool:
        """Whether the folded text holds one of the `requires` strings (or there are none)."""
        if field_name == "text":
            return self.may_match_text(view)
        requires = self.options.requires  # a short text (a warning, a description): search it
        return not requires or any(map(view.folded.text.__contains__, requires))

    def may_match_text(self, view) -> bool:
        """`may_match` for the post's text: the same answer, quicker. A string made of word
        characters is in the text if and only if it is in one of its folded words (computed
        once for the lexicon rules), and most of those are known to hold none."""
        folded = view.folded.text
        for needle in self.other_requires:  # single characters, as a rule: ~0.05 µs each
            if needle in folded:
                return True
        if self.word_requires:
            words = view.variant_words[0]
            return not words <= self.plain_words and self._in_new_words(words)
        return not self.other_requires

    def _in_new_words(self, words: frozenset[str]) -> bool:
        """Whether a word not yet known to be plain holds one of `word_requires`; the plain
        ones become known."""
        plain = self.plain_words
        if len(plain) > _MEMO_SIZE:  # a long run over varied texts: keep memory bounded
            plain.clear()
        for word in words - plain:
            if any(map(word.__contains__, self.word_requires)):
                return True
            plain.add(word)
        return False


def _compile(pattern: str, ignore_case: bool) -> regex.Pattern[str]:
    import regex  # here: a run whose texts have none of `requires` never needs it (~8 ms)

    try:
        return regex.compile(pattern, regex.IGNORECASE if ignore_case else 0)
    except regex.error as error:
        raise SocialrulesError(f"invalid pattern: {error}") from None
