"""`lexicon`: words and phrases from lists (per language, with a category and a weight each),
matched on whole words of the folded text and of its de-obfuscated variants.

Lists are given inline (`terms`) or as lexicon files beside the rules (`lexicons`):

    language: fr                      # or en; omitted: any language
    origin: who wrote the list, from what
    categories:
      press:
        weight: 1
        terms: [journaliste(s), "demande d'interview", reportage(s)]

A term matches as a whole word or phrase, whatever its case, accents, or spacing between words;
"(...)" marks an optional part: "abruti(e)(s)" is abruti, abrutie, abrutis and abruties.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import regex

from ..errors import SocialrulesError
from ..text.lazy import lazy_regex
from ..text.normalize import fold
from . import OPTIONS_CONFIG, Check, Hit, OptionsBase, register

_WORD = lazy_regex(r"\w+")
_OPTIONAL = lazy_regex(r"\(([^()]*)\)")


@dataclass(slots=True, repr=False, eq=False)  # see OptionsBase
class Category(OptionsBase):
    """A category of terms, in a lexicon file or inline in a rule's options."""

    __pydantic_config__ = OPTIONS_CONFIG

    terms: list[str]
    weight: float = 1.0
    language: str | None = None
    """fr, en, ...: the post languages the terms are looked for in; None for any."""


@dataclass(slots=True, repr=False, eq=False)  # see OptionsBase
class LexiconOptions(OptionsBase):
    """Options of the `lexicon` check kind."""

    __pydantic_config__ = OPTIONS_CONFIG

    lexicons: list[str] = field(default_factory=list)
    """Lexicon files, relative to the rule's folder (or to the configuration file)."""
    terms: dict[str, Category] = field(default_factory=dict)
    """Inline categories of terms, as in a lexicon file."""
    extend_terms: dict[str, Category] = field(default_factory=dict)
    """More categories, added to the others (handy in a configuration override)."""
    fields: list[str] = field(default_factory=lambda: ["text", "spoiler_text"])
    """Which texts of the post: text, spoiler_text, quoted, alt (media descriptions)."""
    min_score: float = 1.0
    """The post is flagged when the weights of the distinct terms found add up to this."""
    report: Literal["each", "first"] = "each"
    """each: a finding per term found; first: one finding, at the first, naming all."""
    entries: list[dict[str, Any]] = field(default_factory=list)
    """Filled when the rule is read: every term with its forms, category, weight, language."""


@register
class Lexicon(Check):
    name = "lexicon"
    Options = LexiconOptions
    placeholders = frozenset({"term", "category", "cues", "score"})

    @classmethod
    def prepare(cls, options: dict[str, Any], folder: Path) -> dict[str, Any]:
        options = {key: value for key, value in options.items() if key != "entries"}
        prepared = super().prepare(options, folder)
        files, lexicons = read_lexicons(prepared["lexicons"], folder)
        entries = [entry for language, categories in lexicons for entry in _entries(categories, language)]
        for table in ("terms", "extend_terms"):
            entries.extend(_entries(prepared[table], None))
        if not entries:
            raise SocialrulesError("a lexicon rule needs terms (`terms` or `lexicons`)")
        ranks = word_ranks()
        for entry in entries:
            entry["anchors"] = [_rarest(_WORD.findall(form), ranks) for form in entry["forms"]]
        prepared["lexicons"] = files
        prepared["entries"] = entries
        return prepared

    def __init__(self, rule, options: LexiconOptions, config) -> None:
        super().__init__(rule, options, config)
        # Index every form by its rarest word, so that a text is searched only for the terms
        # whose rarest word it contains (a set intersection, in C), and only when it has all of
        # their words ("fuite de données" is looked for in texts that say "fuite" and "données").
        self.by_word: dict[str, list[tuple[str, dict[str, Any], tuple[str, ...]]]] = {}
        self.symbols: list[tuple[str, dict[str, Any]]] = []  # terms with no letters: emoji
        for entry in options.entries:
            for form, anchor in zip(entry["forms"], entry["anchors"]):
                if anchor is not None:
                    others = tuple(word for word in _WORD.findall(form) if word != anchor)
                    self.by_word.setdefault(anchor, []).append((form, entry, others))
                else:
                    self.symbols.append((form, entry))
        self.anchors = frozenset(self.by_word)
        self.ascii_symbols = any(form.isascii() for form, _ in self.symbols)  # else only emoji
        self._patterns: dict[str, regex.Pattern[str]] = {}

    def _pattern(self, form: str) -> regex.Pattern[str]:
        pattern = self._patterns.get(form)
        if pattern is None:
            body = r"\s+".join(regex.escape(part) for part in form.split())
            pattern = self._patterns[form] = regex.compile(rf"(?<!\w){body}(?!\w)")
        return pattern

    def run(self, subject) -> list[Hit]:
        found: list[tuple[int, int, str, dict[str, Any]]] = []
        for field_name, view in subject.texts(self.options.fields):
            if not self.symbols and all(map(self.anchors.isdisjoint, view.variant_words)):
                continue  # most texts: none of the terms' words
            found.extend(self._matches(view, field_name, subject.post.lang))
        if not found:
            return []
        weights = {entry["term"]: entry["weight"] for *_, entry in found}
        score = sum(weights.values())
        if score < self.options.min_score:
            return []
        found.sort(key=lambda item: (item[2] != "text", item[0]))
        cues = ", ".join(dict.fromkeys(f"{entry['term']} ({entry['category']})" for *_, entry in found))
        return [Hit(start, end, field_name, {"term": entry["term"], "category": entry["category"],
                                             "cues": cues, "score": score})
                for start, end, field_name, entry in (found[:1] if self.options.report == "first" else found)]

    def _matches(self, view, field_name: str, lang: str | None) -> list[tuple[int, int, str, dict[str, Any]]]:
        """The terms found in one text, without overlaps: (start, end, field, entry)."""
        candidates: list[tuple[int, int, dict[str, Any]]] = []
        for variant, words in zip(view.variants, view.variant_words):
            text = variant.text
            forms = [(form, entry) for word in self.anchors.intersection(words)
                     for form, entry, others in self.by_word[word] if words.issuperset(others)]
            if self.symbols and (view.non_ascii or self.ascii_symbols):
                forms.extend((form, entry) for form, entry in self.symbols if form in text)
            for form, entry in forms:
                if lang and entry["language"] and entry["language"] != lang:
                    continue
                for match in self._pattern(form).finditer(text):
                    candidates.append((*variant.original_span(*match.span()), entry))
        # The earliest, then longest, of overlapping matches wins: the same on every run.
        candidates.sort(key=lambda item: (item[0], item[0] - item[1], item[2]["term"]))
        kept = []
        end_of_last = -1
        for start, end, entry in candidates:
            if start >= end_of_last:
                kept.append((start, end, field_name, entry))
                end_of_last = end
        return kept


def word_ranks() -> dict[str, int]:
    """How frequent each word is (0 for the most), from the built-in French and English word
    lists (rules/lexicons/words.*.txt)."""
    from ..loader import builtin_rules_dir

    ranks: dict[str, int] = {}
    for name in ("words.fr.txt", "words.en.txt"):
        lines = (builtin_rules_dir() / "lexicons" / name).read_text(encoding="utf-8").splitlines()
        words = [line for line in lines if line and not line.startswith("#")]
        for rank, word in enumerate(words):
            if rank < ranks.get(word, len(words)):
                ranks[word] = rank
    return ranks


def _rarest(words: list[str], ranks: dict[str, int]) -> str | None:
    """The word of a term a text is least likely to have (the last of equals); None without words.
    The lists leave out words of one letter, the most frequent of all ("a", "à", "y")."""
    unknown = len(ranks)
    return max(reversed(words), key=lambda word: ranks.get(word, unknown if len(word) > 1 else 0), default=None)


def expand(term: str) -> list[str]:
    """Every form of a term written with optional parts: "ami(e)(s)" -> ami, amie, amis, amies."""
    match = _OPTIONAL.search(term)
    if match is None:
        return [term]
    head, tail = term[: match.start()], term[match.end() :]
    return [form for rest in expand(tail) for form in (head + rest, head + match.group(1) + rest)]


def _entries(categories: dict[str, Any], language: str | None) -> list[dict[str, Any]]:
    entries = []
    for category, spec in categories.items():
        for term in spec["terms"]:
            forms = sorted({" ".join(fold(form).text.split()) for form in expand(term)} - {""})
            entries.append({"term": term, "forms": forms, "category": category,
                            "weight": spec["weight"], "language": spec["language"] or language})
    return entries


def read_lexicons(names: list[str], folder: Path, category: type = Category,
                  ) -> tuple[list[str], list[tuple[str | None, dict[str, Any]]]]:
    """A rule's lexicon files, named relative to ``folder``: their absolute paths (so that the
    prepared options can be prepared again from anywhere), and each file's language and
    categories."""
    paths = [(folder / name).resolve() for name in names]
    return [str(path) for path in paths], [read_lexicon(path, category) for path in paths]


def read_lexicon(path: Path, category: type = Category) -> tuple[str | None, dict[str, Any]]:
    """A lexicon file's language and its categories, each validated as ``category`` (kinds with
    richer categories, such as tone's, pass their own)."""
    from pydantic import ValidationError

    from ..models import _adapter
    from ..yamlfile import load_yaml, pydantic_errors

    try:
        document = load_yaml(path.read_text(encoding="utf-8"), str(path))
    except (OSError, UnicodeDecodeError) as error:
        raise SocialrulesError(f"cannot read lexicon: {error}", str(path)) from None
    data = document.data
    if not isinstance(data, dict) or not isinstance(data.get("categories"), dict):
        raise document.error("a lexicon file needs `categories:` (name: {weight, terms})")
    if not data.get("origin"):
        raise document.error("a lexicon file must say where its words come from (`origin:`)")
    unknown = set(data) - {"language", "origin", "categories", "description"}
    if unknown:
        raise document.error(f"unknown key {sorted(unknown)[0]!r}", [sorted(unknown)[0]])
    try:
        categories = _adapter(dict[str, category]).validate_python(data["categories"])
    except ValidationError as error:
        raise pydantic_errors(document, error, ("categories",)) from None
    from dataclasses import asdict

    return data.get("language"), {name: asdict(category) for name, category in categories.items()}
