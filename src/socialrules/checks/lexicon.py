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
Of overlapping terms, the earliest, then the longest, is the one found.

Weak cues that only mean something together: a category with `requires` counts only in a post
that also has a term of one of the categories it names (a media word with a request):

    media:   {weight: 0.5, requires: [request], terms: [journaliste(s), radio]}
    request: {weight: 0.5, requires: [media], terms: [interview(s), "vos questions"]}

A term of weight 0 is no cue: it is never reported, and only hides the cues it overlaps (an
`innocent` category with "entretien d'embauche" keeps "entretien" from counting there); a
negative weight counts against the others. With `underscores: true`, an underscore separates
words, as handles write them: "@marie_journaliste" holds the word "journaliste".

A term written "#balanceton*" matches the hashtags that begin with it (#BalanceTonService,
#balancetonadmin): a hashtag glues words together, so that no list of whole words can hold them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..errors import SocialrulesError
from ..text.lazy import Memo, lazy_regex
from ..text.normalize import fold
from . import OPTIONS_CONFIG, Check, Hit, OptionsBase, Packed, pack, register

if TYPE_CHECKING:
    import regex

_WORD = lazy_regex(r"\w+")
_OPTIONAL = lazy_regex(r"\(([^()]*)\)")
_HASHTAG_PREFIX = lazy_regex(r"#\w+\*")


@dataclass(slots=True, repr=False, eq=False)  # see OptionsBase
class Category(OptionsBase):
    """A category of terms, in a lexicon file or inline in a rule's options."""

    __pydantic_config__ = OPTIONS_CONFIG

    terms: list[str]
    weight: float = 1.0
    """What each term adds to the score. 0: no cue, the terms only hide the cues they overlap
    ("job interview" over "interview"); below 0: they count against the others."""
    language: str | None = None
    """fr, en, ...: the post languages the terms are looked for in; None for any."""
    requires: list[str] = field(default_factory=list)
    """Categories one of which must also have a term in the post for these terms to count (weak
    cues that only mean something together); empty: they count alone."""


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
    """The post is flagged when the weights of the distinct terms found (and counted: see
    `requires`) add up to this."""
    underscores: bool = False
    """True: an underscore separates words, so that terms are also found in handles and hashtags
    such as "@marie_journaliste" or "#bad_buzz"."""
    report: Literal["each", "first"] = "each"
    """each: a finding per term found; first: one finding, at the first, naming all."""
    entries: Any = field(default_factory=dict)
    """Filled when the rule is read: every term (category, weight, language...), packed."""
    index: dict[str, Any] = field(default_factory=dict)
    """Filled when the rule is read: the forms of the terms by their rarest word (see __init__)."""


@register
class Lexicon(Check):
    name = "lexicon"
    Options = LexiconOptions
    placeholders = frozenset({"term", "category", "cues", "score"})

    @classmethod
    def prepare(cls, options: dict[str, Any], folder: Path) -> dict[str, Any]:
        options = {key: value for key, value in options.items() if key not in ("entries", "index")}
        prepared = super().prepare(options, folder)
        files, entries = read_entries(prepared["lexicons"], folder, prepared["terms"], prepared["extend_terms"])
        if not entries:
            raise SocialrulesError("a lexicon rule needs terms (`terms` or `lexicons`)")
        names = {entry["category"] for entry in entries}
        for entry in entries:
            for name in entry["requires"]:
                if name not in names:
                    raise SocialrulesError(f"category {entry['category']!r} requires {name!r}, "
                                           "which is not a category of the rule's terms")
        ranks = word_ranks()
        for entry in entries:
            words = [_WORD.findall(form) for form in entry["forms"]]
            entry["anchors"] = [_rarest(form_words, ranks) for form_words in words]
            entry["others"] = [tuple(word for word in form_words if word != anchor)
                               for form_words, anchor in zip(words, entry["anchors"])]
        # Index every form by its rarest word, so that a text is searched only for the terms
        # whose rarest word it contains (a set intersection, in C), and only when it has all of
        # their words ("fuite de données" is looked for in texts that say "fuite" and "données").
        # The index is built here, cached, and packed: a run unpickles only the words its posts
        # hold (each term without its forms, which it no longer needs).
        terms = [{key: value for key, value in entry.items() if key not in ("forms", "anchors", "others")}
                 for entry in entries]
        by_word: dict[str, list[tuple[str, dict[str, Any], tuple[str, ...]]]] = {}
        symbols: list[tuple[str, dict[str, Any]]] = []  # terms with no letters: emoji
        hashtags: list[tuple[str, dict[str, Any]]] = []  # "#balanceton*": the hashtags beginning so
        for entry, term in zip(entries, terms):
            for form, anchor, others in zip(entry["forms"], entry["anchors"], entry["others"]):
                if _HASHTAG_PREFIX.fullmatch(form):
                    hashtags.append((form, term))
                elif anchor is None:
                    symbols.append((form, term))
                else:
                    by_word.setdefault(anchor, []).append((form, term, others))
        prepared["lexicons"] = files
        prepared["entries"] = pack(dict(enumerate(terms)))
        prepared["index"] = {"anchors": frozenset(by_word), "by_word": pack(by_word), "symbols": symbols,
                             "hashtags": hashtags,
                             # The scoring shortcut is exact only without `requires` and weights of 0 or less.
                             "plain": all(term["weight"] > 0 and not term["requires"] for term in terms)}
        return prepared

    def __init__(self, rule, options: LexiconOptions, config) -> None:
        super().__init__(rule, options, config)
        index = options.index
        self.anchors: frozenset[str] = index["anchors"]
        self.by_word: dict[str, list[tuple[str, dict[str, Any], tuple[str, ...]]]] = Packed(index["by_word"])
        self.symbols: list[tuple[str, dict[str, Any]]] = index["symbols"]
        self.ascii_symbols = any(form.isascii() for form, _ in self.symbols)  # else only emoji
        self.hashtags: list[tuple[str, dict[str, Any]]] = index.get("hashtags", [])
        self.hashtag_starts = tuple(sorted({form[:-1] for form, _ in self.hashtags}))
        self._patterns: dict[tuple[str, bool], regex.Pattern[str]] = {}
        self.plain: bool = index["plain"]
        # For each word, what the terms it indexes need besides it, their categories and what
        # they could add to the score: a bound that spares the search to texts whose words cannot
        # flag them (weak cues of one kind alone, a common word or two). Made on first look-up.
        by_word = self.by_word
        self.word_needs = Memo(lambda word: _needs(by_word[word]))
        self.word_categories = Memo(lambda word: _categories(by_word[word]))
        self.word_weights = Memo(lambda word: _weights(by_word[word]))

    def _pattern(self, form: str, underscores: bool = False) -> regex.Pattern[str]:
        key = (form, underscores)
        pattern = self._patterns.get(key)
        if pattern is None:
            import regex  # here: a run whose texts hold no term never needs it (~8 ms to import)

            if form.endswith("*"):  # a hashtag's beginning ("#balanceton*"): the rest may follow
                pattern = regex.compile(rf"(?<!\w){regex.escape(form[:-1])}\w*")
            elif underscores:  # "_" separates words and ends them, as a space does
                body = r"[\s_]+".join(regex.escape(part) for part in form.split())
                pattern = regex.compile(rf"(?<![^\W_]){body}(?![^\W_])")
            else:
                body = r"\s+".join(regex.escape(part) for part in form.split())
                pattern = regex.compile(rf"(?<!\w){body}(?!\w)")
            self._patterns[key] = pattern
        return pattern

    def run(self, subject) -> list[Hit]:
        anchors, needs, underscores = self.anchors, self.word_needs, self.options.underscores
        texts = []
        hits: set[str] = set()  # the words that index terms the texts may hold
        bounded = not self.symbols  # without emoji terms, the words tell which terms may be there
        starts = self.hashtag_starts
        for field_name, view in subject.texts(self.options.fields):
            text = view.text
            if (underscores and "_" in text) or (starts and "#" in text and _begins_hashtag(view.folded.text, starts)):
                bounded = False  # words joined by underscores or in a hashtag: the words do not tell
            elif bounded:
                variant_words = view.variant_words
                if anchors.isdisjoint(variant_words[0]) and (len(variant_words) == 1 or all(
                        map(anchors.isdisjoint, variant_words))):
                    continue  # most texts: none of the terms' words
                for words in variant_words:
                    hits.update(word for word in anchors.intersection(words) if words.issuperset(needs[word]))
            texts.append((field_name, view))
        # Most texts with a term's word stop here: a common word or two that cannot flag the
        # post (weak cues of one kind alone), at the cost of a few set operations.
        if not texts or (bounded and (not hits or self._bound(hits) < self.options.min_score)):
            return []
        lang = subject.post.lang
        fields = [(field_name, view, self._candidates(view, lang)) for field_name, view in texts]
        # The regular expressions run only when the terms the words allow could reach the score.
        possible = {entry["term"]: entry for *_, by_variant in fields for _, forms in by_variant
                    for _, entry in forms}
        if self._score(possible.values()) < self.options.min_score:
            return []
        found: list[tuple[int, int, str, dict[str, Any]]] = []
        for field_name, view, by_variant in fields:
            found.extend(self._matches(view, field_name, by_variant))
        counted = self._counted([entry for *_, entry in found])
        weights = {entry["term"]: entry["weight"] for entry in counted}
        score = sum(weights.values())
        if not counted or score < self.options.min_score:
            return []
        reported = {id(entry) for entry in counted if entry["weight"] > 0}
        found = sorted((item for item in found if id(item[3]) in reported),
                       key=lambda item: (item[2] != "text", item[0]))
        cues = ", ".join(dict.fromkeys(f"{entry['term']} ({entry['category']})" for *_, entry in found))
        return [Hit(start, end, field_name, {"term": entry["term"], "category": entry["category"],
                                             "cues": cues, "score": score})
                for start, end, field_name, entry in (found[:1] if self.options.report == "first" else found)]

    def _bound(self, words: set[str]) -> float:
        """The most the terms indexed by these words could score together."""
        categories = frozenset().union(*map(self.word_categories.__getitem__, words))
        return sum(weight for word in words for requires, weight in self.word_weights[word]
                   if not requires or not requires.isdisjoint(categories))

    def _counted(self, entries) -> list[dict[str, Any]]:
        """The entries that count: those whose `requires` is met by another term found."""
        if self.plain:
            return list(entries)
        entries = list(entries)
        categories = {entry["category"] for entry in entries}
        return [entry for entry in entries
                if not entry["requires"] or not categories.isdisjoint(entry["requires"])]

    def _score(self, entries) -> float:
        """The score of these entries, each term once."""
        weights = {entry["term"]: entry["weight"] for entry in self._counted(entries)}
        return sum(weight for weight in weights.values() if weight > 0)

    def _candidates(self, view, lang: str | None) -> list[tuple[bool, list[tuple[str, dict[str, Any]]]]]:
        """For each variant of a text, whether underscores split its words, and the forms its
        words allow (all their words are there)."""
        by_variant = []
        for variant, words in zip(view.variants, view.variant_words):
            split = self.options.underscores and "_" in variant.text
            if split:
                words = words.union(part for word in words if "_" in word for part in word.split("_"))
            forms = [(form, entry) for word in self.anchors.intersection(words)
                     for form, entry, others in self.by_word[word] if words.issuperset(others)]
            if self.symbols and (view.non_ascii or self.ascii_symbols):
                forms.extend((form, entry) for form, entry in self.symbols if form in variant.text)
            if self.hashtags and "#" in variant.text:
                forms.extend((form, entry) for form, entry in self.hashtags if form[:-1] in variant.text)
            by_variant.append((split, [(form, entry) for form, entry in forms
                                       if not (lang and entry["language"] and entry["language"] != lang)]))
        return by_variant

    def _matches(self, view, field_name: str, by_variant) -> list[tuple[int, int, str, dict[str, Any]]]:
        """The terms found in one text, without overlaps: (start, end, field, entry)."""
        candidates: list[tuple[int, int, dict[str, Any]]] = []
        for variant, (split, forms) in zip(view.variants, by_variant):
            text = variant.text
            for form, entry in forms:
                for match in self._pattern(form, split).finditer(text):
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


def _begins_hashtag(text: str, starts: tuple[str, ...]) -> bool:
    """Whether a hashtag of the text begins with one of ``starts`` ("#balanceton"): a look at each
    "#", in C, rather than a search of the text for each term."""
    at = text.find("#")
    while at >= 0:
        if text.startswith(starts, at):
            return True
        at = text.find("#", at + 1)
    return False


def _needs(forms: list) -> frozenset[str]:
    """The words every form indexed by a word needs besides it."""
    return frozenset.intersection(*(frozenset(others) for _, _, others in forms))


def _categories(forms: list) -> frozenset[str]:
    return frozenset(entry["category"] for _, entry, _ in forms)


def _weights(forms: list) -> tuple[tuple[frozenset[str], float], ...]:
    """What the terms of these forms could add to the score, by the categories they require."""
    weights: dict[frozenset[str], dict[str, float]] = {}
    for _, entry, _ in forms:
        if entry["weight"] > 0:
            weights.setdefault(frozenset(entry["requires"]), {})[entry["term"]] = entry["weight"]
    return tuple((requires, sum(terms.values())) for requires, terms in weights.items())


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
                            "weight": spec["weight"], "language": spec["language"] or language,
                            "requires": list(spec.get("requires") or ())})
    return entries


def read_entries(names: list[str], folder: Path, *inline: dict[str, Any]) -> tuple[list[str], list[dict[str, Any]]]:
    """The lexicon files named (their absolute paths) and every term of them and of the
    ``inline`` categories, with its forms, category, weight and language."""
    files, lexicons = read_lexicons(names, folder)
    entries = [entry for language, categories in lexicons for entry in _entries(categories, language)]
    for categories in inline:
        entries.extend(_entries(categories, None))
    return files, entries


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
