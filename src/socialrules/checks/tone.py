"""`tone`: an aggressive tone aimed at a person or a group: insults, contempt, mockery, threats,
dehumanising words, shouting, rude emoji. Strong words aimed at things, swearing with no target,
self-mockery, negated insults and reported insults are left alone.

Words decide nothing by themselves: the target does. The check works in two steps.

1. Cues: terms of lexicon files (per language, each in a category with a weight), matched as
   whole words on the folded text and its de-obfuscated variants (l33t, spaced or dotted letters,
   look-alike letters, invisible characters). An asterisk-masked word is read as the cue word it
   can stand for, preferring one that completes a cue with the other words ("ferme ta g**le",
   "c0nn*rd"); so is a Latin word with one letter of another script that folding did not read as
   a look-alike ("abrіtie" with a Cyrillic і). A clean post costs set intersections per variant (each form of each term is
   indexed by its two rarest words), a look at its few non-ASCII characters for emoji, and a
   capitals test only when "TU", "VOUS", "YOU" are there: about 8 µs.
2. Judgement, only for posts with cues: the words around each cue are read for its target
   (second person, an @mention, "espèce de", "bande de", "quel", "what a", a plural determiner,
   people nouns, a vocative standing alone) against what lets it off (a thing noun, the team
   itself, a negation, quotation marks or "called us", an affectionate frame).

How a category is judged is its `aim`:

    person       an insult noun: counts unless aimed at a thing or at ourselves
    explicit     weak insults, dehumanising words: need a person (you, a group, people nouns)
    litotes      praise denied ("t'es pas une lumière"): as explicit, or to whom a reply answers
    direct       "fraudeur", "crook", "gourde": said straight at someone ("Escroc.", "comme vous",
                 "espèce de"), not "attention aux escrocs"
    addressed    words that also fit things ("une honte"): need "t'es", "vous êtes", "you're",
                 or people as the subject ("les élus sont une honte")
    sarcastic    mock titles ("Einstein", "le génie"): said to someone, as a vocative
    at-someone   sarcasm, rude emoji, weary contempt: need an addressee (you, a reply)
    in-reply     condescension, veiled threats that read as advice ("faites gaffe", "lire n'est
                 pas votre fort"): as at-someone, but only in a reply or to an @mention
    profane      swear words: count only when said to "you"
    any          threats, hostile commands, contemptuous phrases: count as they are

Other categories are the grammar the judgement reads (per language, so a team can add one):
`you`, `self`, `own`, `collective`, `negator`, `group`, `intro`, `filler`, `greeting`,
`person-noun`, `thing`, `thing-pronoun`, `report`, `apophasis`, `endorse`, `distance`,
`affection`, `joy`, `innocent`, `common`, `invitation` (an event beside a threat-shaped phrase
makes it an invitation: "we're coming for you, Lyon: booth 42"), `mirror` (a thing said to be
like its maker stands for the maker: "votre livrable est une daube, à l'image de votre équipe",
"rubbish, just like its author"), `workplace` (after "de", "of", a place where people work
names those people, not a thing: "les planqués du guichet"), `pest-control` (bugs hunted or
squashed: pest words in that sentence are about the bugs, "chasse aux nuisibles : 23 bugs
écrasés"), `time` (a time is no subject), and `praise`, `failure`, `repair`, `eyeroll` (praise said to someone over a failure that nobody repaired is mock praise,
half a cue: "Bravo @x, trois jours de panne"; a whole one with applause, with rolled eyes, when
the failure is what the praise is for, "Merci @x pour cette soirée perdue", or when the praise
stands bare after it, "…qui ne marche pas. Bravo @x, vraiment.", or in a later sentence when
the thanks were for the failure, "…pour finir par « voyez votre CAF ». Super utile."; applause
counts as praise; "to the X team" is said to people; a repair only asked about, "on attend la
rentrée pour réparer ?", is none; praise after a text that opened by hailing someone is said to
them).

In a reply, a group mocked by an at-someone cue ("les vieux qui ne savent pas cliquer") is half a
cue, none when "pour", "for" introduce it as whom help is for; a half retort ("venant de quelqu'un
qui…") is whole when the one we answer threw an insult at us in the text ("vous nous traitez
d'amateurs ?"); an in-reply cue in a sentence about ourselves first ("notre FAQ se lit comme…")
and speaking to no one is about us; an idiom for a person standing alone after a thing named
before a colon is about the thing ("la migration : une catastrophe ambulante").

Targets also read apposition ("@julien, cette tanche, a…", "absolute liability, that kid"),
what someone says standing for them ("ton avis est une blague"), an exclamation after a thing
named first ("ce bug d'arrondi, quel enfoiré" is about the bug), an insult echoed about
ourselves ("Incompétents, nous ?"), "who" said of people ("the parasites who spam us"), what
follows a colon as a statement of its own ("Désolés pour la panne : notre stagiaire, …"), the
subject after an apophasis ("je ne dis pas que les devs sont…"), and a text that opens by
hailing someone ("Wow @x, … Truly visionary.") as speaking to them. A time is not a subject
("Week three of waiting for the jobsworths"), a short quotation does not end the sentence it
sits in, a capitalised word hyphened into a place name is a name ("Cons-la-Grandville"), words
in apposition to ourselves or named then said to be us are about us ("Nous, juristes du dimanche,
avons relu…", "Les économistes du dimanche, c'est nous").

Terms: "(x)" is optional, "(a|b)" one of, "(a|b|)" optionally one of, "…" up to three words,
"$" the end of a clause ("ferme-la $" is not "ferme la porte"), "^" the start of one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Mapping


from ..errors import SocialrulesError
from ..text.lazy import Memo, lazy_regex
from ..text.normalize import Folded, fold
from . import OPTIONS_CONFIG, Check, Hit, OptionsBase, Packed, pack, register
from .lexicon import read_lexicons

# Which targets each aim accepts (see the module docstring). None: any but a thing or ourselves.
AIMS: dict[str, frozenset[str] | None] = {
    "person": None,
    "explicit": frozenset({"address", "intro", "you", "you-after", "group", "person", "predicate",
                           "vocative"}),
    # Praise denied ("pas vraiment la lumière du groupe"): as explicit, and to whoever a reply answers.
    "litotes": frozenset({"address", "intro", "you", "you-after", "group", "person", "predicate",
                          "vocative", "reply"}),
    "direct": frozenset({"address", "intro", "you-after", "vocative", "predicate"}),
    "addressed": frozenset({"address", "predicate"}),
    "sarcastic": frozenset({"address", "intro", "vocative"}),
    "at-someone": frozenset({"address", "intro", "you", "you-after", "person", "predicate", "vocative",
                             "reply"}),
    "profane": frozenset({"address", "you", "you-after"}),
    "any": frozenset(),
    # Only in a reply (or to an @mention in the same sentence), then at whoever is addressed:
    # "vous" in a post speaks to the public ("On va vous faire un dessin 👇" is an infographic).
    "in-reply": None,
}
MARKERS = frozenset({
    "you", "self", "own", "collective", "negator", "group", "intro", "filler", "greeting",
    "person-noun", "thing", "thing-pronoun", "report", "apophasis", "endorse", "distance", "affection", "joy",
    "innocent", "common", "praise", "failure", "repair", "eyeroll", "invitation", "mirror", "workplace",
    "pest-control", "time",
})
# A category named like an aim or a marker needs no `aim:`.
DEFAULT_AIMS = {
    "insult": "person", "insult-weak": "explicit", "dehumanising": "explicit",
    "litotes": "litotes", "accusation": "direct", "insult-mild": "direct", "disparaging": "addressed",
    "mock-title": "sarcastic", "sarcasm": "at-someone", "contempt-weak": "at-someone",
    "angry-emoji": "at-someone", "profanity": "profane", "hostile": "any", "threat": "any",
    "contempt": "any", **{name: name for name in MARKERS},
}
GAP = "..."  # in a term: up to three words
END = "$"  # in a term: the end of a clause
START = "^"  # in a term: the start of a clause
_GAP_WORDS = 3

# Tokens of a text (and of a term): words, emoji, punctuation that closes a clause or a sentence.
_TOKENS = lazy_regex(
    r"(?P<w>\w+)"
    r"|(?P<e>[\p{Extended_Pictographic}\p{Emoji_Presentation}]|<3)\ufe0f?"
    r"|(?P<g>\.\.\.)|(?P<end>\$(?!\w))|(?P<start>\^)"
    r"|(?P<s>[.!?;\n()\[\]]|(?<=\s)[-–—](?=\s))"
    r"|(?P<c>[,:])"
)
_PLAIN_WORD = lazy_regex(r"\w+")
# Whether a token of a lexicon form is a plain word: asked millions of times while the tables are
# built, of a few tens of thousands of tokens.
_IS_PLAIN = Memo(lambda token: _PLAIN_WORD.fullmatch(token) is not None)
_STARTS_WORD = Memo(lambda token: _PLAIN_WORD.match(token) is not None)
_QUOTES = lazy_regex(r"«[^«»]*»|“[^“”]*”|\"[^\"\n]*\"|(?<!\w)'[^'\n]{2,120}'(?!\w)")
_CODE = lazy_regex(r"`[^`\n]*`")
_URL = lazy_regex(r"\b(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:fr|com|org|net|io|eu|uk|gouv)\b\S*")
_LEADING_MENTIONS = lazy_regex(r"\s*(?:@[\w.]+(?:@[\w.-]+)?[\s,:]*)+")
# Asterisk-masked words ("c*nnard", "f**k"): letters and at least one asterisk inside or at the end.
_MASKED = lazy_regex(r"(?<![\w*])\w*[^\W\d_]\**\*[\w*]*(?![\w*])")
# A letter of a script that Latin words borrow look-alikes from (Cyrillic, Greek).
_FOREIGN_LETTER = lazy_regex(r"[\p{Cyrillic}\p{Greek}]")
# The same letters as a set, for a test in C on a text's non-ASCII characters.
_FOREIGN_CHARS = frozenset(chr(code) for code in (*range(0x370, 0x400), *range(0x400, 0x530), *range(0x1F00, 0x2000))
                           if chr(code).isalpha())
# Capitalised words, for shouting.
_CAPS_WORD = lazy_regex(r"\b\p{Lu}[\p{Lu}'’\-]*\p{Lu}\b")
_CAPS_PAIR = lazy_regex(r"\p{Lu}{2}")
_CLAP = "\U0001f44f"  # 👏

QUOTED, CODE, MENTION, URL, LEADING = 1, 2, 4, 8, 16
_Form = tuple[list[str], list[str], int]
# Digits for letters inside an asterisk-masked word ("c0nn*rd"): what each may stand for.
_LEET = {"0": "o", "1": "[il]", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g"}  # the words and the emoji a form of a cue needs, the cue
_SCOPE_BREAKERS = frozenset({"que", "qu", "comme", "like", "than", "but", "mais", "sauf", "only", "seulement"})
# A negator's word that negates nothing: "n'importe quoi".
_NOT_NEGATIONS = frozenset({("n", "importe")})
# Words that strengthen a negation without moving its scope: "pas du tout", "not at all".
_NEGATION_INTENSIFIERS = frozenset({"du", "tout", "absolument", "at", "all", "whatsoever", "nullement"})
_REDIRECT_AFTER = (("comme", "les", "autres"), ("comme", "ces"), ("like", "the", "others"),
                   ("like", "the", "rest"), ("unlike", "the"), ("contrairement", "aux"))


@dataclass(slots=True, repr=False, eq=False)  # see OptionsBase
class ToneCategory(OptionsBase):
    """A category of terms, in a lexicon file or inline in a tone rule's options."""

    __pydantic_config__ = OPTIONS_CONFIG

    terms: list[str]
    weight: float = 1.0
    aim: str | None = None
    """How the terms are judged (person, explicit, accusation, addressed, sarcastic, at-someone,
    profane, any) or the grammar role they play (you, self, negator, thing, ...); default: the
    category's name when it is one of these or a known category (insult, threat, ...)."""
    language: str | None = None
    """fr, en, ...: the post languages the terms are looked for in; None: the file's language."""
    negatable: bool = True
    """False for terms that carry their own negation ("pas une lumière", "not the sharpest")."""


@dataclass(slots=True, repr=False, eq=False)  # see OptionsBase
class ToneOptions(OptionsBase):
    """Options of the `tone` check kind."""

    __pydantic_config__ = OPTIONS_CONFIG

    lexicons: list[str] = field(default_factory=list)
    """Lexicon files, relative to the rule's folder (or to the configuration file)."""
    terms: dict[str, ToneCategory] = field(default_factory=dict)
    """Inline categories of terms, as in a lexicon file."""
    extend_terms: dict[str, ToneCategory] = field(default_factory=dict)
    """More categories, added to the others (handy in a configuration override)."""
    exclude_terms: list[str] = field(default_factory=list)
    """Terms to drop from the lexicons, as written there (a team's own false alarms)."""
    fields: list[str] = field(default_factory=lambda: ["text", "spoiler_text", "quoted"])
    """Which texts of the post: text, spoiler_text, quoted (a boost publishes it), alt."""
    min_score: float = 1.0
    """A text is flagged when the weights of the distinct cues aimed at someone add up to this."""
    shouting: bool = True
    """Flag capitals aimed at someone (three capitalised words or more, in a reply or with "you")."""
    entries: Mapping[int, bytes] = field(default_factory=dict)
    """Filled when the rule is read: every cue term with its token sequences, by number, pickled
    (see `Packed`)."""
    index: dict[str, Any] = field(default_factory=dict)
    """Filled when the rule is read: the look-up tables built from the entries."""


@register
class Tone(Check):
    name = "tone"
    Options = ToneOptions
    placeholders = frozenset({"cues", "target", "score"})

    @classmethod
    def prepare(cls, options: dict[str, Any], folder: Path) -> dict[str, Any]:
        options = {key: value for key, value in options.items() if key not in ("entries", "index")}
        prepared = super().prepare(options, folder)
        files, lexicons = read_lexicons(prepared["lexicons"], folder, ToneCategory)
        categories: list[tuple[str, dict[str, Any], str | None]] = [
            (category, spec, language) for language, found in lexicons for category, spec in found.items()]
        for table in ("terms", "extend_terms"):
            categories.extend((category, spec, None) for category, spec in prepared[table].items())
        excluded = set(prepared["exclude_terms"])
        entries = [entry for category, spec, language in categories
                   for entry in _entries(category, spec, language) if entry["term"] not in excluded]
        if not any(entry["aim"] in AIMS for entry in entries):
            raise SocialrulesError("a tone rule needs cue terms (`lexicons` or `terms`)")
        # Grammar words are frequent: a term is looked for through its other words.
        frequent = {seq[0] for entry in entries if entry["aim"] in MARKERS and entry["aim"] != "innocent"
                    for seq in entry["seqs"] if len(seq) == 1}
        common = {seq[0] for entry in entries if entry["aim"] == "common" for seq in entry["seqs"]}
        for entry in entries:
            entry["anchors"] = [_anchor(seq, frequent, common) for seq in entry["seqs"]]
            # The second-rarest word of each form: a clean post that has a frequent anchor
            # ("people") is let go by one more intersection, not by a subset test per form.
            entry["seconds"] = [_anchor(tuple(w for w in seq if w != anchor), frequent, common)
                                if sum(1 for w in seq if _IS_PLAIN[w] and w != anchor) else None
                                for seq, anchor in zip(entry["seqs"], entry["anchors"])]
            if entry["aim"] in AIMS:
                # Each form's plain words and emoji, sorted out once here rather than at each start.
                entry["parts"] = [
                    (sorted({w for w in seq if _IS_PLAIN[w]}),
                     [w for w in seq if not _STARTS_WORD[w] and w not in _SPECIAL])
                    for seq in entry["seqs"]]
        prepared["lexicons"] = files
        index = prepared["index"] = _index(entries)
        # Only the cue terms are needed once the tables are built, and not their build-only parts.
        cues = [{key: value for key, value in entry.items() if key not in ("anchors", "seconds", "parts")}
                for entry in entries if entry["aim"] in AIMS]
        # The two big tables (~20,000 forms) stay pickled per key until a post looks one up.
        index["by_anchor"] = pack(index["by_anchor"])
        prepared["entries"] = pack(dict(enumerate(cues)))
        # The grammar markers' roles as sets, and the words shouting and "you" tests look for:
        # built here, once, rather than at every start (~0.7 ms).
        singles = index["singles"] = {language: {word: set(roles) for word, roles in words.items()}
                                      for language, words in index["singles"].items()}
        index["you_words"] = frozenset(word for table in singles.values()
                                       for word, roles in table.items() if "you" in roles)
        index["shout_words"] = frozenset(
            word for table in singles.values() for word, roles in table.items()
            if roles & {"common", "you", "self", "negator", "filler", "group", "intro"})
        # The words of each failure and praise phrase, under the rarest: without all those of a
        # failure, praise cannot be mock praise, and a clean post with "merci" or 👏 is not read
        # further. None if a phrase has no word (then any text may hold one).
        # Packed by word (see `Packed`): thousands of small sets are slow to unpickle at each start.
        index["failure_words"] = _packed_phrases(_phrase_words(singles, index["multis"], "failure", frequent, common))
        index["praise_words"] = _packed_phrases(_phrase_words(singles, index["multis"], "praise", frequent, common))
        index["mask_words"] = pack(index["mask_words"])
        index["eyerolls"] = sorted(word for table in singles.values() for word, roles in table.items()
                                   if "eyeroll" in roles and not _PLAIN_WORD.match(word))
        # The grammar tables of each language stay pickled until a post in that language needs them.
        index["singles"] = pack(singles)
        # The words the phrases of each language are filed under (see _Context).
        index["multi_keys"] = {language: frozenset(table) for language, table in index["multis"].items()}
        index["multis"] = pack(index["multis"])
        return prepared

    def __init__(self, rule, options: ToneOptions, config) -> None:
        super().__init__(rule, options, config)
        # The look-up tables were built when the rule was read (and cached): see _index().
        self.cues: dict[int, dict[str, Any]] = Packed(options.entries)
        table = options.index
        # Each form of each cue term, under its anchor word: the forms it alone completes, and
        # the others under their second word (see _index): (words it needs, emoji it needs, cue).
        self.by_anchor: dict[str, tuple[list[_Form], dict[str, list[_Form]], frozenset[str]]] = Packed(
            table["by_anchor"])
        self.symbols: dict[str, list[int]] = table["symbols"]  # cues that are only emoji: matched by `in`
        # Their characters, looked for among the text's non-ASCII ones; and those in ASCII ("<3").
        self.symbol_chars = frozenset(char for symbol in self.symbols for char in symbol if not char.isascii())
        self.ascii_symbols = [symbol for symbol in self.symbols if symbol.isascii()]
        # The words of the cue terms by first letter: what an asterisk-masked word can stand for.
        self.mask_words: dict[str, dict[str, frozenset[str | None]]] = Packed(table["mask_words"])
        # Grammar markers, per language (None: any): word -> roles, and first word -> the
        # multi-word forms starting with it, with the words they need.
        self.singles: dict[str | None, dict[str, set[str]]] = Packed(table["singles"])
        self.multis: dict[str | None, dict[str, list[tuple[tuple[str, ...], str, list[str]]]]] = Packed(table["multis"])
        self.multi_keys: dict[str | None, frozenset[str]] = table["multi_keys"]
        common: dict[str | None, list[str]] = table["common"]
        self.common = {language: frozenset(words) for language, words in common.items() if language}
        self.anchors = frozenset(table["by_anchor"])
        # The anchors whose forms all need a second word: what a set of them needs (see _lookup).
        self.solo: frozenset[str] = table["solo"]
        self._seconds: dict[frozenset[str], frozenset[str] | None] = {}

        self.you_words: frozenset[str] = table["you_words"]
        self.you_upper = {word: word.upper() for word in self.you_words}
        self.caps_you = lazy_regex(r"\b(?:%s)\b" % "|".join(
            re.escape(word.upper()) for word in sorted(self.you_words, key=len, reverse=True)))
        self.shout_words: frozenset[str] = table["shout_words"]
        self.failure_words: tuple[frozenset[str], dict[str, Any]] | None = _unpacked_phrases(table["failure_words"])
        self.praise_words: tuple[frozenset[str], dict[str, Any]] | None = _unpacked_phrases(table["praise_words"])
        self.eyerolls = frozenset(char for symbol in table["eyerolls"] for char in symbol if not char.isascii())

    # --- running --------------------------------------------------------------------------

    def run(self, subject) -> list[Hit] | tuple[()]:
        # A list or an empty tuple, not a generator: cheaper for the usual post, which has none.
        post = subject.post
        fired: list[tuple[int, int, str, str, str, float, str]] = []
        for field_name, view in subject.texts(self.options.fields):
            found = self._judge(view, post.lang)
            if found and field_name == "quoted" and post.kind == "quote" and post.text:
                # A quote that answers, corrects or reports the quoted post distances itself.
                comment = subject.view("text")
                comment = _Context(self, comment, 0, self._languages(comment, post.lang))
                if comment.spans.get("distance"):
                    continue
            fired.extend((start, end, field_name, *rest) for start, end, *rest in found)
        if not fired:
            return ()
        weights: dict[str, float] = {}
        for *_, label, weight, _target in fired:
            weights[label] = max(weight, weights.get(label, 0.0))
        score = sum(weights.values())
        if score < self.options.min_score:
            return ()
        # The finding points at the heaviest cue, the most specific (shortest) first.
        fired.sort(key=lambda item: (item[2] != "text", -item[5], item[1] - item[0], item[0]))
        start, end, field_name, _term, _label, _weight, target = fired[0]
        cues = ", ".join(weights)
        return [Hit(start, end, field_name, {"cues": cues, "target": target, "score": round(score, 2)})]

    def _languages(self, view, lang: str | None) -> tuple[str | None, ...]:
        """The languages whose terms apply: the post's, else a guess from common words."""
        if lang is None and self.common:
            words = view.variant_words[0]
            counts = sorted(((len(words & common), language) for language, common in self.common.items()
                             if language), reverse=True)
            if counts and counts[0][0] >= 2 and (len(counts) == 1 or counts[0][0] > counts[1][0]):
                lang = counts[0][1]
        return (None,) if lang is None else (lang, None)

    def _judge(self, view, lang: str | None) -> list[tuple[int, int, str, str, float, str]]:
        """The cues of one text that are aimed at someone: (start, end, term, label, weight,
        target as written)."""
        text = view.text
        # The cheap part, for every post: which terms have all the words of one of their forms in
        # a variant (a set intersection, then subset tests, in C); emoji are looked for among the
        # text's distinct non-ASCII characters, a small set.
        candidates = [self._lookup(words, text) for words in view.variant_words]
        non_ascii = view.non_ascii
        symbols = ()
        if (non_ascii and not self.symbol_chars.isdisjoint(non_ascii)) or self.ascii_symbols:
            symbols = [symbol for symbol in self.symbols if symbol in text]
        masks = self._masks(view, lang, candidates[0]) if "*" in text or (
            non_ascii and not _FOREIGN_CHARS.isdisjoint(non_ascii)) else []
        if masks:  # "ferme ta g**le": the words the masks stand for complete cues of several words
            candidates[0] = self._lookup(view.variant_words[0].union(word for _s, _e, word in masks), text)
        shouting = self.options.shouting and self._may_shout(text, view.variant_words[0])
        # Applause or praise may be mock praise, over a failure or with rolled eyes ("Merci @x
        # pour cette soirée perdue", "@x Amazing work 👏 Three days of downtime").
        words = view.variant_words[0]
        clap = _CLAP in non_ascii
        mocking = False
        if clap or self.praise_words is None or not self.praise_words[0].isdisjoint(words):
            failures = self.failure_words  # (the cheap test inline: most posts have no failure word)
            mocking = (failures is None or (not failures[0].isdisjoint(words) and _has_phrase(words, failures))
                       or not self.eyerolls.isdisjoint(non_ascii))
        clap = clap and mocking
        if not (symbols or shouting or mocking or any(candidates)):
            return []
        languages = self._languages(view, lang)
        contexts: list[_Context] = []
        cues: list[tuple[int, int, int, int, int, dict[str, Any]]] = []  # start, end, ctx, i, j, entry
        for index, variant in enumerate(view.variants):
            found = candidates[index]
            if not (found or (index == 0 and symbols)):
                continue
            context = _Context(self, view, index, languages, masks if index == 0 else ())
            contexts.append(context)
            entries = set(found)
            entries.update(i for symbol in symbols for i in self.symbols[symbol])
            for entry_index in sorted(entries):
                entry = self.cues[entry_index]
                if not _speaks(entry, languages):
                    continue
                for i, j in context.find(entry["seqs"]):
                    start, end = context.original_span(i, j)
                    cues.append((start, end, len(contexts) - 1, i, j, entry))
        for context_index, context in enumerate(contexts):
            # Insult nouns name people: they can be the subject another cue is said of.
            context.people = {i for _s, _e, c, i, _j, entry in cues
                              if c == context_index and entry["aim"] in ("person", "direct")}
            # "je", "on" inside a cue ("on sent toute la réflexion derrière", "shall I use
            # smaller words") are part of the phrase, not whom the sentence is about.
            context.cued = {k for _s, _e, c, i, j, _entry in cues if c == context_index for k in range(i, j)}
        judged = []
        for start, end, context_index, i, j, entry in cues:
            context = contexts[context_index]
            verdict = context.judge(i, j, entry, cues, contexts)
            if verdict is not None:
                judged.append((start, end, context, i, j, entry, verdict))
        # The same words found in several variants or by several terms: the heaviest, then the
        # longest, wins.
        judged.sort(key=lambda cue: (-cue[5]["weight"], cue[0] - cue[1], cue[0]))
        fired = []
        for start, end, context, i, j, entry, verdict in judged:
            if any(start < other[1] and other[0] < end for other in fired):
                continue
            label = f"{_as_written(context, start, end)} ({entry['category']})"
            weight = entry["weight"] * (0.5 if (i, j) in context.halved else 1.0)
            if weight < 1.0 and entry["category"].startswith("retort") and context.reports_insult(cues, contexts):
                # "Vous nous traitez d'amateurs ? Venant de quelqu'un qui…": a retort to an
                # insult reported at us is the insult thrown back, a whole cue.
                weight = 1.0
            fired.append((start, end, entry["term"], label, weight, verdict))
        if fired or mocking:
            # Applause over an unrepaired failure is mock praise in full ("@x Amazing work 👏 Three
            # days of downtime"); without it, half a cue that only adds to others.
            context = contexts[0] if contexts and contexts[0].variant_index == 0 else _Context(self, view, 0, languages)
            mock = context.mock_praise()
            if mock is not None:
                i, j, target, aimed = mock
                start, end = context.original_span(i, j)
                fired.append((start, end, "mock praise", f"{view.text[start:end]} (sarcasm)",
                              1.0 if clap or aimed else 0.5, target))
        if shouting:
            shout = self._shouting(view, languages, contexts)
            if shout is not None:
                fired.append(shout)
        return fired

    def _lookup(self, words: frozenset[str], text: str) -> set[int] | tuple[()]:
        """The cues one of whose forms has all its words in ``words`` (and its emoji in ``text``):
        set operations in C, and a subset test only for forms whose two rarest words are there."""
        found = self.anchors.intersection(words)
        if not found:
            return ()
        # Most texts hold a common word or two that anchor forms of several words ("merci pour
        # rien", "you people") and none of the second words those forms need: the second words a
        # set of anchors needs are worked out once per set (texts share a few such sets), and
        # one more intersection lets the text go.
        seconds = self._seconds.get(found, _UNSEEN)
        if seconds is _UNSEEN:
            seconds = self._seconds_of(found)
        if seconds is not None and seconds.isdisjoint(words):
            return ()
        hits = set()
        by_anchor = self.by_anchor
        for word in found:
            alone, by_second, seconds = by_anchor[word]
            for _need, symbols, index in alone:
                if not symbols or all(symbol in text for symbol in symbols):
                    hits.add(index)
            for second in seconds.intersection(words):
                for need, symbols, index in by_second[second]:
                    if words.issuperset(need) and all(symbol in text for symbol in symbols):
                        hits.add(index)
        return hits

    def _seconds_of(self, found: frozenset[str]) -> frozenset[str] | None:
        """The second words the forms under these anchors need, one of which a text must hold
        for any of them to match; None if one of them alone is a form. Remembered (a bounded
        number of sets: a long run of varied texts starts afresh)."""
        if not found.isdisjoint(self.solo):
            seconds = None
        else:
            seconds = frozenset().union(*(self.by_anchor[word][2] for word in found))
        if len(self._seconds) >= _SECONDS_KEPT:
            self._seconds.clear()
        self._seconds[found] = seconds
        return seconds

    def _masks(self, view, lang: str | None, found) -> list[tuple[int, int, str]]:
        """The asterisk-masked words of the folded text ("c*nnard", "g**le", "f***") with the cue
        word each stands for: (start, end, word). Of the words a mask may stand for (each asterisk
        a letter, give or take two), the one that completes a cue with the other words of the text
        wins ("ferme ta g*****e": "gueule"), then a word of the post's language, then the closest
        in length."""
        import regex  # here: only texts with an asterisk need it (~8 ms to import)

        folded, words, text = view.variants[0].text, view.variant_words[0], view.text
        languages = self._languages(view, lang)
        masks = []
        for start, end, word in self._masked_words(view, folded):
            letters = word.replace("*", "")
            if len(letters) < 2 or len(word) < 3:
                continue
            pattern = regex.compile("".join(
                "[a-z]{%d,%d}" % (max(1, len(run) - 2), len(run) + 2) if run[0] == "*"
                else "".join(_LEET.get(char, regex.escape(char)) for char in run)  # "c0nn*rd"
                for run in regex.findall(r"\*+|[^*]+", word)))
            first = _LEET.get(word[0], word[0])
            pool = self.mask_words.get(first, {}) if len(first) == 1 and first != "*" else {
                form: spoken for forms in self.mask_words.values() for form, spoken in forms.items()}
            ranked = []
            for form, spoken in pool.items():
                if not pattern.fullmatch(form):
                    continue
                completed = set(self._lookup(words | {form}, text)).difference(found)
                alone = self._lookup(frozenset((form,)), text)
                ranked.append((not completed.difference(alone), not completed,
                               languages != (None,) and not spoken.intersection(languages),
                               abs(len(form) - len(word)), form))
            if ranked:
                masks.append((start, end, min(ranked)[-1]))
        return masks

    def _masked_words(self, view, folded: str) -> Iterator[tuple[int, int, str]]:
        """The masked words of the folded text, each mask an asterisk: asterisks as written, and
        in a Latin word, one letter of another script that folding did not read as a Latin
        look-alike ("abrіtie" with a Cyrillic і for "u"): a mask too."""
        if "*" in folded:
            for match in _MASKED.finditer(folded):
                yield match.start(), match.end(), match.group()
        if not _FOREIGN_LETTER.search(view.text):
            return
        variant = view.variants[0]
        for match in _PLAIN_WORD.finditer(folded):
            word = match.group()
            # Two letters or more left outside ASCII, whichever is the mask: not a Latin word (a
            # Russian or Greek text's words leave here, without a search per letter).
            if len(word) < 4 or word.isdigit() or len(word.encode("ascii", "ignore")) < len(word) - 1:
                continue
            foreign: list[int] = []
            for k in range(len(word)):
                if _FOREIGN_LETTER.search(view.text, *variant.original_span(match.start() + k, match.start() + k + 1)):
                    foreign.append(k)
                    if len(foreign) > 1:
                        break
            if len(foreign) != 1 or word in self.mask_words.get(word[0], ()):
                continue  # a word already read as a cue word, or a foreign word
            k = foreign[0]
            if not (word[:k] + word[k + 1:]).isascii():
                continue
            yield match.start(), match.end(), word[:k] + "*" + word[k + 1:]

    def _may_shout(self, text: str, words: frozenset[str]) -> bool:
        """Three capitalised words and an addressee (a reply, or "TU", "YOU"...), cheaply: most
        posts have no capitals but an acronym or two, and no "tu", "you" at all."""
        if text.lstrip().startswith("@"):
            match = _CAPS_PAIR.search(text)
        else:
            for word in self.you_words.intersection(words):
                if self.you_upper[word] in text:
                    break
            else:
                return False  # no "TU", "VOUS", "YOU" in capitals
            match = self.caps_you.search(text)
        return match is not None and len(_CAPS_WORD.findall(text)) >= 3

    def _shouting(self, view, languages, contexts) -> tuple[int, int, str, str, float, str] | None:
        """Capitals aimed at someone: three capitalised words or more, two of them ordinary words
        (not acronyms), in a reply or with a second person among them, and not cheering."""
        text = view.text
        words = [match for match in _CAPS_WORD.finditer(text)]
        if len(words) < 3:
            return None
        folded = [fold(match.group()).text for match in words]
        tokens = [token for word in folded for token in _PLAIN_WORD.findall(word)]
        if sum(1 for token in tokens if token in self.shout_words or len(token) >= 7) < 2:
            return None
        if not (text.lstrip().startswith("@") or self.you_words.intersection(tokens)):
            return None  # no addressee: capitals of a label, of joy, or at ourselves
        context = contexts[0] if contexts and contexts[0].variant_index == 0 else _Context(self, view, 0, languages)
        # A word of joy closing a sentence after a comma is exasperation, not joy: "LISEZ LES
        # CONSIGNES, ENFIN !", "READ IT, FINALLY!".
        tokens = [token for word in folded for token in _PLAIN_WORD.findall(word)
                  if not context.exasperated(token)]
        roles = context.roles_of_words(tokens)
        if "joy" in roles or any(not _PLAIN_WORD.match(context.words[i])
                                 for i, _ in context.spans.get("joy", ())):
            return None  # capitals of joy: "ON EST EN PROD !!! 🎉"
        addressee = None
        if "you" in roles:
            addressee = next(match.group() for match, word in zip(words, folded)
                             if context.roles_of_words(_PLAIN_WORD.findall(word)) & {"you"})
        elif context.reply:
            addressee = context.reply
        if addressee is None:
            return None
        start, end = _longest_run(text, words)
        label = f"{text[start:end]} (shouting)"
        return start, end, "shouting", label, 1.0, addressee


class _Context:
    """One variant of one text, in tokens, with the grammar markers found in it."""

    def __init__(self, check: Tone, view, variant_index: int, languages,
                 masks: list[tuple[int, int, str]] | tuple[()] = ()) -> None:
        variant: Folded = view.variants[variant_index]
        self.variant_index = variant_index
        self.view = view
        self.folded = variant
        self.text = text = variant.text
        self.words: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.sentence: list[int] = []
        self.clause: list[int] = []
        self.statement: list[int] = []  # sentences, and what follows a colon ("Désolés : notre stagiaire…")
        self.flags: list[int] = []
        sentence = clause = statement = 0
        spans = [(m.start(), m.end(), QUOTED) for m in _QUOTES.finditer(text)]
        spans += [(m.start(), m.end(), CODE) for m in _CODE.finditer(text)]
        spans += [(m.start(), m.end(), URL) for m in _URL.finditer(text)]
        leading = _LEADING_MENTIONS.match(text)
        lead_end = leading.end() if leading and text.lstrip().startswith("@") else 0
        for match in _TOKENS.finditer(text):
            kind = match.lastgroup
            if kind == "end" or kind == "start":
                continue
            if kind == "s" or kind == "g":
                if any(low < match.start() and match.end() < high - 1 and high - low < 80 and high < len(text) - 2
                       for low, high, kind_flag in spans if kind_flag == QUOTED):
                    clause += 1  # "?" of a short quotation inside a sentence: « ça marche pour moi ? »
                    continue
                sentence += 1
                clause += 1
                statement += 1
                continue
            if kind == "c":
                clause += 1
                statement += match.group() == ":"
                continue
            word, start, end = match.group(), match.start(), match.end()
            mask = next((mask for mask in masks if mask[0] <= start < mask[1]), None) if masks else None
            if mask is not None:  # "g**le" is one word, "gueule", not "g" and "le"
                if self.ends and self.ends[-1] == mask[1]:
                    continue
                start, end, word = mask
            elif kind == "e":
                word = word.rstrip("\ufe0f")
            elif word == "t" and start and text[start - 1] in "'-":
                # "don't" -> "n't" (a negation), "faudra-t-il" -> not "t'" (you).
                word = "n't" if text[start - 1] == "'" else "-t-"
            flag = 0
            for low, high, kind_flag in spans:
                if low <= start < high:
                    flag |= kind_flag
            if start and text[start - 1] == "@":
                flag |= MENTION
            if start < lead_end:
                flag |= LEADING
            self.words.append(word)
            self.starts.append(start)
            self.ends.append(end)
            self.sentence.append(sentence)
            self.clause.append(clause)
            self.statement.append(statement)
            self.flags.append(flag)
        self.people: set[int] = set()
        self.cued: set[int] = set()
        self.halved: set[tuple[int, int]] = set()  # cues judged at half their weight
        self.positions: dict[str, list[int]] = {}
        for index, word in enumerate(self.words):
            self.positions.setdefault(word, []).append(index)
        leading_text = view.text[: variant.original_span(0, lead_end)[1]] if lead_end else ""
        self.reply = leading_text.strip(" ,:") or None
        # Grammar markers: roles per token, and the spans of each role.
        self.roles: list[set[str]] = [set() for _ in self.words]
        self.spans: dict[str, list[tuple[int, int]]] = {}
        keys = list(check.singles) if languages == (None,) else [l for l in languages if l in check.singles]
        self._singles = [check.singles[key] for key in keys]
        present = frozenset(self.words)
        for index, word in enumerate(self.words):
            for table in self._singles:
                roles = table.get(word)
                if roles:
                    self.roles[index].update(roles)
                    for role in roles:
                        self.spans.setdefault(role, []).append((index, index + 1))
        # Phrases, under their rarest word: only those whose words are all in the text are matched.
        for key in keys:
            anchors = check.multi_keys.get(key)
            found = anchors.intersection(present) if anchors else ()
            if not found:
                continue
            table = check.multis[key]
            for anchor in found:
                for seq, role, need in table[anchor]:
                    if present.issuperset(need):
                        for index, end in self.find((seq,)):
                            self.spans.setdefault(role, []).append((index, end))
                            for k in range(index, end):
                                self.roles[k].add(role)
        for found_spans in self.spans.values():
            found_spans.sort()

    # --- matching ---

    def _match(self, seq: tuple[str, ...], at: int, index: int, sentence: int | None = None) -> int:
        """The end of ``seq`` matched from token ``index`` (within one sentence), else -1."""
        words = self.words
        if sentence is None:
            if index >= len(words):
                return -1
            sentence = self.sentence[index]
        if at == len(seq):
            return index
        item = seq[at]
        if item == START:
            if index == 0 or self.clause[index] != self.clause[index - 1] \
                    or self.flags[index - 1] & LEADING:
                return self._match(seq, at + 1, index, sentence)
            return -1
        if item == END:
            if index == len(words) or (index and self.clause[index] != self.clause[index - 1]):
                return self._match(seq, at + 1, index, sentence)
            return -1
        if item == GAP:
            for skip in range(_GAP_WORDS + 1):
                if index + skip > len(words) or (skip and self.sentence[index + skip - 1] != sentence):
                    break
                end = self._match(seq, at + 1, index + skip, sentence)
                if end >= 0:
                    return end
            return -1
        if index < len(words) and words[index] == item and self.sentence[index] == sentence:
            return self._match(seq, at + 1, index + 1, sentence)
        return -1

    def find(self, seqs) -> Iterator[tuple[int, int]]:
        positions = self.positions
        for seq in seqs:
            first = seq[1] if seq[0] == START else seq[0]
            starts = positions.get(first)
            # A term of many forms ("pas … (le|la) (couteau|lame|…) …"): only those whose last
            # word is in the text are worth matching.
            if not starts or (seq[-1] not in positions and seq[-1] not in _SPECIAL):
                continue
            for index in starts:
                if seq[0] == START:
                    end = self._match(seq[1:], 0, index)
                    if end > 0 and self._match((START,), 0, index) >= 0:
                        yield index, end
                    continue
                end = self._match(seq, 0, index)
                if end > 0:
                    yield index, end

    def original_span(self, i: int, j: int) -> tuple[int, int]:
        return self.folded.original_span(self.starts[i], self.ends[j - 1])

    def exasperated(self, word: str) -> bool:
        """Whether every use of ``word`` is a word of joy closing its sentence after a comma
        ("…, enfin !"): exasperation, not joy."""
        places = self.positions.get(word)
        if not places or not self.has(places[0], "joy"):
            return False
        return all(k > 0 and self.sentence[k - 1] == self.sentence[k] and self.clause[k - 1] != self.clause[k]
                   and (k + 1 == len(self.words) or self.sentence[k + 1] != self.sentence[k])
                   for k in places)

    def token_at(self, offset: int) -> int | None:
        for index, start in enumerate(self.starts):
            if start <= offset < self.ends[index]:
                return index
        return None

    def roles_of_words(self, words: list[str]) -> set[str]:
        roles: set[str] = set()
        for word in words:
            for table in self._singles:
                roles.update(table.get(word, ()))
        return roles

    def has(self, index: int, role: str) -> bool:
        return 0 <= index < len(self.words) and role in self.roles[index]

    def in_sentence(self, role: str, sentence: int) -> bool:
        return any(self.sentence[i] == sentence for i, _ in self.spans.get(role, ()))

    def evidence(self, i: int, j: int | None = None) -> str:
        """The original text of tokens i..j, for the message."""
        start, end = self.original_span(i, (j or i + 1))
        return self.view.text[start:end]

    # --- judging ---

    def judge(self, i: int, j: int, entry: dict[str, Any], cues, contexts) -> str | None:
        """Why the cue at tokens i..j is aimed at someone (the target, as written), or None."""
        # (A mention inside a cue is what a gap skipped: "recommend @x if you enjoy filling…".)
        if any(self.flags[k] & (CODE | URL) for k in range(i, j)) or self.flags[i] & MENTION \
                or self.flags[j - 1] & MENTION:
            return None
        if any(low < j and i < high for low, high in self.spans.get("innocent", ())):
            return None
        if j - i == 1 and self._place_name(i):
            return None  # "Cons-la-Grandville", "Saint-Con": a word of a place name
        aim = entry["aim"]
        sentence = self.sentence[i]
        apophasis = self.in_sentence("apophasis", sentence)
        endorsed = self._endorsed()
        if self.flags[i] & QUOTED and not endorsed:
            return None
        if not apophasis and self._reported(i):
            if not endorsed:
                return None
            # An insult reported, then agreed with ("Quelqu'un vous a traitée de cruche. On est
            # d'accord avec lui."): it is ours, aimed at whom it was said of.
            target = self._you_in_sentence(sentence)
            if target is not None and aim != "any":
                return self.evidence(target)
        if self.spans.get("affection") and aim != "any":
            return None  # banter: "bande de copieurs 😘", "you absolute legends ❤️"
        if "threat" in entry["category"] and (
                (self.spans.get("invitation") and self._invited(i)) or self._to_a_thing(j)):
            return None
        if aim == "any":
            target = self._you_in_sentence(sentence)
            return self.evidence(target) if target is not None else (self.reply or self.evidence(i, j))
        if aim == "in-reply" and self.reply is None and not (
                # a text that hails @x speaks to @x, but a "vous" there may be the public:
                # "Merci @x ! On vous fait un petit dessin 👇"
                self._hailed() is not None and self._you_in_sentence(sentence) is None) and not any(
                self.sentence[k] == sentence and self.flags[k] & MENTION and not self.flags[k] & QUOTED
                for k in range(len(self.words))):
            return None  # a post speaks to the public, not to one person
        if entry["negatable"] and not apophasis and self._negated(i, j):
            return None
        kind, where = self._target(i, j)
        if kind not in ("self", "address", "predicate", "you-after") and aim != "in-reply":
            # "votre livrable est une daube, à l'image de votre équipe": the thing stands for its maker.
            mirror = self._mirror(sentence)
            if mirror is not None:
                kind, where = "predicate", mirror
            elif kind not in ("you", "intro") and self._pest_control(sentence):
                return None  # "chasse aux nuisibles : 23 bugs écrasés": the pests are the bugs
        if aim == "in-reply" and kind != "self" and self._ours_first(i):
            return None  # "@x Notre vieille FAQ se lisait comme si un robot l'avait écrite": about us
        if aim == "in-reply" and kind != "self":
            # The phrase names its own object ("c'est trop demander", "that's a lot of confidence
            # for someone who..."): in a reply it is said to the addressee, whatever its subject.
            return self.evidence(*where) if where is not None and kind != "thing" else (
                self.reply or self.evidence(i, j))
        if kind in ("self", "thing"):
            return None
        if kind not in ("address", "intro", "you", "you-after") and self._echo(i, j, entry, cues, contexts):
            return None
        if aim == "at-someone" and kind in ("group", "person") and where is not None and self._for_whom(where[0]):
            return None  # "Pour les personnes qui ne savent pas cliquer : le 3939": whom we help
        accepted = AIMS[aim]
        if accepted is not None and kind not in accepted:
            if not (kind == "group" and aim == "at-someone" and self.reply is not None):
                return None
            # In a reply, a group mocked for what it cannot do may be the addressee's kind ("@x
            # Les vieux qui ne savent pas cliquer, on ne peut rien pour eux"), or whom we offer
            # help ("Pour les personnes qui ne savent pas cliquer : le 3939"): half a cue.
            self.halved.add((i, j))
        if where is not None:
            return self.evidence(*where)
        return self.reply or self.evidence(i, j)

    def _then_us(self, j: int) -> bool:
        """Whether the clause after the cue ending at token ``j`` (in its sentence) opens with
        "c'est nous", "that's us": what the cue names is ourselves."""
        if j >= len(self.words) or self.sentence[j] != self.sentence[j - 1] or self.clause[j] == self.clause[j - 1]:
            return False
        return any(tuple(self.words[j : j + len(phrase)]) == phrase for phrase in _IT_IS_US)

    def _after_lone_self(self, i: int) -> bool:
        """Whether the clause of token ``i`` follows, in its sentence, a clause that is only
        "nous", "moi", "we": the words stand in apposition to ourselves."""
        k = i
        while k > 0 and self.clause[k - 1] == self.clause[i]:
            k -= 1
        return (k > 0 and self.sentence[k - 1] == self.sentence[i] and self.has(k - 1, "self")
                and (k == 1 or self.clause[k - 2] != self.clause[k - 1]))

    def _place_name(self, i: int) -> bool:
        """A capitalised word hyphened to a place-name particle ("Cons-la-Grandville") or after
        "Saint-", "Mont-"...: part of a name."""
        start, end = self.original_span(i, i + 1)
        text = self.view.text
        if not text[start:end][:1].isupper():
            return False
        return _PLACE_AFTER.match(text, end) is not None or _PLACE_BEFORE.search(text[max(0, start - 12):start]) is not None

    def mock_praise(self) -> tuple[int, int, str, bool] | None:
        """Praise said to someone (you, an @mention, the addressee of a reply) in a text about a
        failure nobody repaired, or with an eye-roll; not praise of ourselves ("Bravo nous 👏 on a
        cassé la préprod"). Said to a team by name, it is said to the people of that team
        ("Congratulations to the X team for…"). The last value says whether it is mock praise
        whole, not half a cue: rolled eyes ("Bravo @x 🙄"), the failure is what the praise is for
        ("Merci @x pour cette soirée perdue", "Congrats @x on a weekend offline"), or the praise
        stands bare after the failure ("Encore un site qui ne marche pas. Bravo @x, vraiment.")."""
        failures = self.spans.get("failure", ())
        rolled = bool(self.spans.get("eyeroll"))
        # A repair asked about is no repair: "on attend la fin des vacances pour réparer ?".
        if not (failures or rolled) or any(not self.question(self.sentence[low])
                                           for low, _high in self.spans.get("repair", ())):
            return None
        # Applause alone is praise too ("Encore en rade. 👏👏👏 @x").
        praises = sorted([*self.spans.get("praise", ()), *((k, k + 1) for k in self.positions.get(_CLAP, ()))])
        for i, j in praises:
            if self.flags[i] & QUOTED or self.has(j, "self") or self.has(j + 1, "self"):
                continue
            target = None
            for k in range(len(self.words)):
                if self.sentence[k] == self.sentence[i] and self._is_you(k) and not self.flags[k] & QUOTED:
                    target = self.evidence(k)
                    break
            if target is None:
                target = self._named_recipient(j)
            if target is None and i > 0 and self.reply is None:
                # The text opened by hailing someone, and the praise comes later: "Alors @x, on
                # attend la fin des vacances ? Ça tourne dans le vide. Chapeau 👏".
                hailed = self._hailed()
                target = self.evidence(hailed) if hailed is not None and self.sentence[hailed] < self.sentence[i] else None
            if target is not None:  # said to someone named: "Merci @x pour…", "Bravo à l'équipe X"
                return i, j, target, (rolled or self._praised_for(j, failures) or self._bare(i, j, failures)
                                      or self._bare_after(i, praises, failures))
            if self.reply and not any(
                    self.has(k, "self") for k in range(len(self.words)) if self.sentence[k] == self.sentence[i]):
                # To the one we answer, thanks are mostly for a report ("Le lien ne marche pas ?
                # Merci, on regarde"): mock praise in full only with rolled eyes.
                return i, j, self.reply, rolled
        return None

    def _for_whom(self, k: int) -> bool:
        """Whether the people at token ``k`` are introduced by "pour", "for" (a determiner
        between): whom something is for, not whom the sentence mocks."""
        m = k
        while m > 0 and self.has(m - 1, "group") and k - m < 2:
            m -= 1  # "pour les personnes", "for those people"
        return m > 0 and self.words[m - 1] in ("pour", "for") and self.sentence[m - 1] == self.sentence[k]

    def _ours_first(self, i: int) -> bool:
        """Whether the sentence of token ``i`` is about us or ours ("notre FAQ", "our guide",
        "we") before the cue, and speaks to nobody."""
        sentence = self.sentence[i]
        here = [k for k in range(len(self.words)) if self.sentence[k] == sentence]
        if any(self._is_you(k) for k in here):
            return False
        first = next((k for k in here if k < i and k not in self.cued and not self.flags[k] & LEADING
                      and self.roles[k] & {"own", "self", "thing", "person-noun"}), None)
        return first is not None and bool(self.roles[first] & {"own", "self"})

    def question(self, sentence: int) -> bool:
        """Whether the sentence ends with a question mark."""
        last = max((k for k, s in enumerate(self.sentence) if s == sentence), default=None)
        return last is not None and self.text[self.ends[last]:].lstrip(" \"'»”)")[:1] == "?"

    def reports_insult(self, cues, contexts) -> bool:
        """Whether an insult is reported in this text, at us ("vous nous traitez d'amateurs",
        "you call us clowns"): a report marker, an insult cue just after it or said of us."""
        # (Said by the one we answer: "vous nous traitez de…", "you call us…"; "on nous a traités
        # de…" told by us is not thrown back at anyone.)
        reports = [(low, high) for low, high in self.spans.get("report", ()) if not self.flags[low] & QUOTED
                   and self._you_in_sentence(self.sentence[low]) is not None]
        if not reports:
            return False
        return any(contexts[c] is self and entry["aim"] in ("person", "explicit", "direct")
                   and any(high <= i and i - high <= 3 and self.sentence[low] == self.sentence[i]
                           for low, high in reports)
                   for _s, _e, c, i, _j, entry in cues)

    def _named_recipient(self, j: int) -> str | None:
        """"Félicitations à l'équipe X", "Congratulations to the X team": people named after the
        praise, in its clause (not our own: "bravo à notre équipe")."""
        if j >= len(self.words) or self.words[j] not in _TO:
            return None
        for k in range(j + 1, min(len(self.words), j + 6)):
            if self.clause[k] != self.clause[j] or self.words[k] in _FOR:
                return None
            if self.has(k, "own") or self.has(k, "self"):
                return None
            if self.has(k, "person-noun") or self.has(k, "collective"):
                return self.evidence(j + 1, k + 1)
        return None

    def _bare(self, i: int, j: int, failures) -> bool:
        """Praise alone in its sentence (but for whom it goes to and "vraiment", "truly"), after a
        sentence that tells a failure: "…qui ne marche pas sur mobile. Bravo @x, vraiment."; or
        ending a sentence whose failure comes first, nobody of ours in it: "Simulateur en rade
        depuis trois jours 👏👏 @x"."""
        sentence = self.sentence[i]

        def bare(k: int) -> bool:
            return (i <= k < j or self._is_you(k) or bool(self.flags[k] & LEADING) or self.words[k] in _BARE
                    or bool(self.roles[k] & {"greeting", "praise", "joy"}) or not _PLAIN_WORD.match(self.words[k]))

        here = [k for k in range(len(self.words)) if self.sentence[k] == sentence]
        if any(self.sentence[low] < sentence for low, _high in failures):
            return all(bare(k) for k in here)
        if any(self.sentence[low] == sentence and high <= i for low, high in failures):
            return all(bare(k) for k in here if k >= i) and not any(
                self.has(k, "self") and k not in self.cued for k in here if k < i)
        return False

    def _bare_after(self, i: int, praises, failures) -> bool:
        """Praise said to someone in a sentence that tells a failure, then praise standing bare
        in a later one: "Merci @x de m'avoir fait remplir 40 questions pour finir par « voyez
        votre CAF ». Super utile."; the failure may have a sentence of its own between them:
        "Merci @x de m'avoir promis 300 €. La CAF m'a versé zéro. Top."."""
        sentence = self.sentence[i]
        told = [self.sentence[low] for low, _high in failures if low > i]
        if not told:
            return False
        # (A word of joy will do there: "… Génial.", "… Amazing.")
        return any(self.sentence[low] > sentence and self.sentence[low] >= min(told)
                   and self._bare(low, high, failures)
                   for low, high in [*praises, *self.spans.get("joy", ())])

    def _praised_for(self, j: int, failures) -> bool:
        """Whether the praise ending at token ``j`` is for a failure: "pour", "for", "on" in its
        clause, then the failure a few words later ("pour cette soirée perdue")."""
        clause = self.clause[j - 1]
        for k in range(j, min(len(self.words), j + 8)):
            if self.clause[k] != clause:
                return False
            if self.words[k] in _FOR and any(k <= low and self.clause[low] == clause
                                             and self._distance(k, low) <= _MOCK_REACH
                                             for low, _high in failures):
                return True
        return False

    def _distance(self, k: int, m: int) -> int:
        """Words from token k to token m, a hyphenated word counting once ("week-end")."""
        return sum(1 for n in range(k, m) if self.text[self.ends[n]:self.starts[n + 1]] != "-")

    def _endorsed(self) -> bool:
        """Quoted words that the text endorses ("tellement vrai", "can confirm") count."""
        return any(not self.flags[k] & QUOTED for k, _ in self.spans.get("endorse", ()))

    def _reported(self, i: int) -> bool:
        """Just after "traité de", "called us", "lit-on"... in the same sentence."""
        return any(end <= i and i - end <= 3 and self.sentence[start] == self.sentence[i]
                   for start, end in self.spans.get("report", ()))

    def _negated(self, i: int, j: int) -> bool:
        clause = self.clause[i]
        # (Intensifiers of the negation do not count towards its reach: "ce n'est pas du tout
        # une question idiote", "not at all a stupid question".)
        reach = 4 + sum(1 for k in range(max(0, i - 7), i) if self.words[k] in _NEGATION_INTENSIFIERS)
        for k in range(i - 1, max(-1, i - 1 - reach), -1):
            if self.clause[k] != clause or self.words[k] in _SCOPE_BREAKERS:
                return False
            if self.has(k, "negator") and tuple(self.words[k : k + 2]) not in _NOT_NEGATIONS:
                after = tuple(self.words[j : j + 3])
                return not any(after[: len(redirect)] == redirect for redirect in _REDIRECT_AFTER)
        return False

    def _echo(self, i: int, j: int, entry, cues, contexts) -> bool:
        """The same term quoted or reported elsewhere in a text that addresses no one: this one
        echoes it ("the clowns fixed the bug" after "a website built by clowns"). Said to
        someone, it is thrown back ("you call us clowns? coming from the biggest clown...")."""
        if any(self._is_you(k) and not self.flags[k] & QUOTED for k in range(len(self.words))):
            return False
        for _s, _e, context_index, a, _b, other in cues:
            context = contexts[context_index]
            if other["term"] == entry["term"] and (context is not self or a != i):
                if context.flags[a] & QUOTED or context._reported(a):
                    return True
        return False

    def _apposed_to(self, i: int) -> tuple[int, int] | None:
        """"@julien, cette tanche, a cassé la prod", "notre dev back, ce boulet, …": the person a
        demonstrative insult stands beside, at the end of the clause just before."""
        k = i - 1
        while k >= 0 and self.clause[k] == self.clause[i] and self.has(k, "filler") and k > i - 3:
            k -= 1
        if k < 1 or self.words[k] not in _DEMONSTRATIVES or self.clause[k] != self.clause[i] \
                or self.clause[k - 1] == self.clause[k] or self.sentence[k - 1] != self.sentence[k]:
            return None
        for m in range(k - 1, max(-1, k - 4), -1):
            if self.clause[m] != self.clause[k - 1]:
                break
            if self.has(m, "person-noun") or m in self.people or self.flags[m] & MENTION:
                # the whole of a noun of several words: "notre chef de projet, ce boulet"
                return next(((low, high) for low, high in self.spans.get("person-noun", ()) if low <= m < high),
                            (m, m + 1))
        return None

    def _hailed(self) -> int | None:
        """The account a text opens by hailing ("Wow @x, …", "Bravo @x :", "Dear @x"): the
        whole text speaks to it, as a reply does."""
        for k, word in enumerate(self.words):
            if self.clause[k] != 0:
                return None
            if self.flags[k] & MENTION:
                return k if not self.flags[k] & QUOTED else None
            if not (self.roles[k] & {"greeting", "joy", "praise"}):
                return None
        return None

    def _mirror(self, sentence: int) -> tuple[int, int] | None:
        """A "mirror" phrase in the sentence ("à l'image de votre équipe", "like its author",
        "as … as your thinking"): the maker it names, whom the sentence's insult is then about."""
        for low, high in self.spans.get("mirror", ()):
            if self.sentence[low] == sentence and not self.flags[low] & QUOTED:
                return low, high
        return None

    def _pest_control(self, sentence: int) -> bool:
        """Bugs hunted or squashed in the sentence, and nobody in it: pest words are about bugs."""
        if not any(self.sentence[low] == sentence for low, _ in self.spans.get("pest-control", ())):
            return False
        return not any(self.sentence[k] == sentence and (self._is_you(k) or self.has(k, "person-noun"))
                       for k in range(len(self.words)))

    def _thing_before(self, k: int, sentence: int) -> bool:
        """Whether the sentence began, in an earlier clause, with a thing nobody is said to be
        behind: what an exclamation after it ("quel enfoiré") is about."""
        for m in range(k):
            if self.sentence[m] != sentence or self.clause[m] == self.clause[k]:
                continue
            if self._is_you(m) or self.has(m, "person-noun") or m in self.people or self.has(m, "self"):
                return False
            if self.has(m, "thing"):
                return True
        return False

    def _to_a_thing(self, j: int) -> bool:
        """A threat-shaped phrase said to a thing, named just after it: "we're coming for you,
        paperwork", "on arrive, les bugs"."""
        for k in (j, j + 1):
            if k >= len(self.words) or self.sentence[k] != self.sentence[j - 1] or self.clause[k] == self.clause[j - 1]:
                return False
            if self.has(k, "thing"):
                return True
            if not (self.has(k, "greeting") or self.has(k, "filler")):
                return False
        return False

    def _invited(self, i: int) -> bool:
        """A threat-shaped phrase next to an event ("we're coming for you: booth 42", "on vient
        vous chercher au salon") is an invitation."""
        sentence = self.sentence[i]
        return any(abs(self.sentence[k] - sentence) <= 1 for k, _ in self.spans.get("invitation", ()))

    def _you_in_sentence(self, sentence: int) -> int | None:
        for k, _ in self.spans.get("you", ()):
            if self.sentence[k] == sentence:
                return k
        return None

    def _is_you(self, k: int) -> bool:
        return self.has(k, "you") or bool(self.flags[k] & MENTION and not self.flags[k] & LEADING)

    def _skip_back(self, i: int, scope: list[int], limit: int, stop: frozenset[str]) -> int:
        """The token before ``i`` once fillers are skipped (within ``scope``, at most ``limit``
        tokens back, stopping at a second person or at a word of a role in ``stop``), or -1."""
        k = i - 1
        while k >= 0 and scope[k] == scope[i] and i - k <= limit and self.has(k, "filler") \
                and not self._is_you(k) and not self.roles[k] & stop:
            k -= 1
        return k if k >= 0 and scope[k] == scope[i] else -1

    def _target(self, i: int, j: int) -> tuple[str, tuple[int, int] | None]:
        """What the cue at tokens i..j is aimed at, and the tokens that say so."""
        words, clause, sentence = self.words, self.clause[i], self.sentence[i]
        # 0. A phrase that names its target: "on faisait sans toi", "même vous".
        for k in range(i, j):
            if self._is_you(k):
                return "address", (k, k + 1)
        # 1. "t'es un", "you absolute", "vous êtes des": a second person, then only fillers.
        k = self._skip_back(i, self.clause, 5, _STOP_ADDRESS)
        if k >= 0 and self._is_you(k) and words[k] not in _POSSESSIVE:
            return "address", (k, k + 2 if k + 1 < i and words[k + 1] in _COPULAS else k + 1)
        # 1b. "ton avis est une blague", "your take is a joke": what someone says stands for them.
        if k >= 1 and words[k] in _SAYINGS and words[k - 1] in _POSSESSIVE and self._is_you(k - 1) \
                and any(words[m] in _COPULAS for m in range(k + 1, i)):
            return "address", (k - 1, k + 1)
        # 2. A thing right next to it: "ce bug idiot", "putain de bug", "this stupid form".
        neighbours = [i - 1, j] if j - i == 1 else []  # a word, not a phrase, qualifies a noun
        if neighbours and j + 1 < len(words) and words[j] in ("de", "d", "of", "du") \
                and not self.has(j + 1, "workplace"):  # "les planqués du guichet" are people
            neighbours.append(j + 1)
        neighbours = [k for k in neighbours if 0 <= k < len(words) and self.clause[k] == clause]
        if any(self.has(k, "thing") for k in neighbours):
            return "thing", None
        # 2a. "the parasites who spam us": a relative "who" is said of people.
        if j < len(words) and words[j] in _WHO and self.clause[j] == clause:
            return "group", (i, j + 1)
        # 2b. Ourselves, exclaimed: "quelle bande de bras cassés on fait", "what idiots we are".
        if j + 1 < len(words) and self.clause[j] == clause and self.has(j, "self") \
                and words[j + 1] in _SELF_VERBS:
            return "self", None
        # 3. "espèce de", "quel", "what a", "bande de", "sale": up to three words before (unless
        # we are the bunch: "on est une bande de bras cassés", "we felt like a bunch of muppets").
        for k in range(i - 1, max(-1, i - 4), -1):
            if self.sentence[k] != sentence or (k < i - 1 and not self.has(i - 1, "filler")):
                break
            if self.has(k, "intro"):
                first = k
                while self.has(first - 1, "intro") and self.clause[first - 1] == clause:
                    first -= 1
                before = self._skip_back(first, self.clause, 4, _STOP_SELF)
                if before >= 0 and self.has(before, "self"):
                    return "self", None
                if self._thing_before(first, sentence):
                    return "thing", None  # "ce bug d'arrondi, quel enfoiré"
                return "intro", (k, i)
        # 4. A second person just after: "fraudeurs comme vous", "clown de ton calibre", "idiot, toi".
        k = j
        if k < len(words) and words[k] in _YOU_LINKS and self.sentence[k] == sentence:
            k += 1
        linked = k > j
        if k < len(words) and self.sentence[k] == sentence and self._is_you(k) and (
                (linked and (words[j] not in _OF or words[k] in _POSSESSIVE))
                or (not linked and (self.clause[k] == clause
                                    or k + 1 == len(words) or self.clause[k + 1] != self.clause[k]))):
            return "you-after", (k, k + 1)
        # 4b. A question tag: "not the sharpest tool, are you?", "pas très malin, hein, toi ?".
        last = max((k for k in range(j, len(words)) if self.sentence[k] == sentence), default=None)
        if last is not None and self.text[self.ends[last]:].lstrip()[:1] == "?":
            for k in range(j, last + 1):
                if self.clause[k] == self.clause[last] and self._is_you(k):
                    return "you-after", (k, k + 1)
        # 4c. Named, then said to be us: "Les économistes du dimanche, c'est nous ce week-end".
        if self._then_us(j):
            return "self", None
        # 5. Ourselves: "🤡 nous", "bravo nous", "on est nuls", "we're terrible", "nous sommes des
        # comiques". (Only a word with no grammar of its own is followed by its target: "ces élus
        # incompétents nous font perdre du temps" is not about us.)
        if j < len(words) and self.clause[j] == clause and self.has(j, "self") \
                and (not _PLAIN_WORD.match(words[i]) or self.has(i, "greeting")):
            return "self", None
        if j + 1 < len(words) and words[j] in _TO_SELF and self.has(j + 1, "self") \
                and self.clause[j + 1] == clause:
            return "self", None  # "slow clap pour nous", "a round of applause for us"
        k = self._skip_back(i, self.clause, 4, _STOP_SELF)
        if k >= 0 and self.has(k, "self"):
            return "self", None
        # 6. People right next to it: "fonctionnaires planqués", "useless intern"; or named just
        # after, in apposition: "quel boulet, ce stagiaire", "absolute liability, that kid".
        for k in neighbours:
            if self.has(k, "person-noun") or k in self.people:
                return "person", (k, k + 1)
        if j + 1 < len(words) and self.sentence[j] == sentence and self.clause[j] != clause \
                and words[j] in _DEMONSTRATIVES and self.clause[j + 1] == self.clause[j] \
                and (self.has(j + 1, "person-noun") or (j + 1) in self.people):
            return "predicate", (j, j + 2)
        named = self._apposed_to(i)
        if named is not None:
            return "predicate", named
        # 7. The subject of the sentence: the first noun or pronoun that says who or what. A
        # thing there makes the sentence about the thing ("our prototype was, frankly, garbage").
        # (After "je ne dis pas que", "not saying that", the subject is what follows it.)
        begin = max((high for low, high in self.spans.get("apophasis", ())
                     if high <= i and self.sentence[low] == sentence), default=0)
        # (After a colon, what follows says its own subject: "Désolés pour la panne : notre
        # stagiaire, …". A time is not a subject: "Week three of waiting for the jobsworths".)
        first = next((k for k in range(begin, i) if self.statement[k] == self.statement[i] and (
            self.roles[k] & {"thing", "self", "person-noun"} and not self.has(k, "time")
            and not (k in self.cued and self.has(k, "self")) or k in self.people
            or (self.has(k, "thing-pronoun") and self.has(k + 1, "filler") and k + 1 < i))), None)
        if first is not None and self.roles[first] & {"thing", "thing-pronoun"} \
                and not any(self._is_you(k) for k in range(first - 1, i)):
            return "thing", None  # (but "ton tweet", "your take" stand for the person)
        # 8. Alone in its clause but for greetings: a vocative ("Minable.", "Merci Ducon",
        # "Dégage, troll.", "Va te coucher, gamin.", "Bravo le génie").
        if all(self.clause[k] != clause or i <= k < j or self.flags[k] & LEADING
               or self.roles[k] & {"greeting", "intro"} or not _PLAIN_WORD.match(words[k])
               for k in range(len(words))):
            if self.has(j, "self") and self.sentence[j] == sentence and (
                    j + 1 == len(words) or self.sentence[j + 1] != sentence) \
                    and self.text[self.ends[j]:].lstrip()[:1] == "?":
                return "self", None  # "Incompétents, nous ?": the insult echoed, about ourselves
            if self._after_lone_self(i):
                return "self", None  # "Nous, juristes du dimanche, avons relu…": said of ourselves
            if self._thing_before(i, sentence):
                return "thing", None  # "La migration de vendredi : une catastrophe ambulante"
            return "vocative", None
        # 9. A second person before it in the sentence.
        for k in range(i - 1, -1, -1):
            if self.sentence[k] != sentence:
                break
            if self._is_you(k):
                return "you", (k, k + 1)
        # 10. "Les gars de X sont des escrocs": said of the people the sentence is about.
        if first is not None and (self.has(first, "person-noun") or first in self.people) \
                and not (self.has(first, "collective") and self.has(first - 1, "own")):
            k = self._skip_back(i, self.clause, 5, _STOP_ADDRESS)
            if any(words[m] in _COPULAS for m in range(max(k + 1, first + 1), i)):
                return "predicate", (first, first + 1)
        # 11. A plural determiner: "les tocards", "aux parasites", "those losers".
        k = self._skip_back(i, self.sentence, 2, _STOP_GROUP)
        if k >= 0 and self.has(k, "group"):
            if j + 1 < len(words) and words[j] in _PLACE and any(
                    self.has(m, "thing") and not self.has(m, "workplace")
                    for m in range(j + 1, min(j + 4, len(words)))):
                return "thing", None  # "chasse aux parasites dans le code"
            if k and words[k - 1 : k + 1] == ["comme", "des"] and first is not None and self.has(first, "self"):
                return "self", None  # "on s'est comportés comme des bras cassés"
            return "group", (k, j)
        # 12. Whoever the sentence is about; else the addressee of a reply.
        if first is not None:
            if self.has(first, "self") or (self.has(first, "collective") and self.has(first - 1, "own")):
                return "self", None
            return "person", (first, first + 1)
        if self.reply:
            return "reply", None
        return "none", None


# "…, c'est nous", "…, that's us": what was named is ourselves.
_IT_IS_US = (("c", "est", "nous"), ("c", "est", "moi"), ("ce", "sont", "nous"), ("cest", "nous"),
             ("that", "s", "us"), ("it", "s", "us"), ("that", "s", "me"), ("that", "is", "us"))
_UNSEEN = object()  # a set of anchors not looked up yet (see Tone._lookup)
_SECONDS_KEPT = 4096  # how many sets of anchors Tone._lookup remembers
_WHO = frozenset({"who", "whom", "whose"})
_TO_SELF = frozenset({"pour", "a", "for", "to"})
# Place names: "Cons-la-Grandville", "Bourg-lès-Valence", "Saint-Con", "Mont-Connard".
_PLACE_AFTER = lazy_regex(r"-(?:la|le|les|l'|sur|sous|en|de|du|des|d'|lès|lez|aux|et|upon|on|in)(?:-|\b)",
                          re.IGNORECASE)
_PLACE_BEFORE = lazy_regex(r"\b(?:Saint|Sainte|St|Ste|Mont|Port|Fort|Pont|Val|Villers|Bourg|Castel|Ville)-$")
_YOU_LINKS = frozenset({"comme", "like", "de", "d", "of", "que", "qu", "than"})
# Praise "for" something: "merci @x pour", "congrats @x on", "bravo @x d'avoir".
_FOR = frozenset({"pour", "de", "d", "for", "on", "of"})
_TO = frozenset({"a", "au", "aux", "to"})
# What may stand beside bare mock praise: "Bravo @x, vraiment.", "Well done, truly."
_BARE = frozenset({"vraiment", "sincerement", "franchement", "encore", "serieusement", "really", "truly",
                   "seriously", "honestly", "sincerely", "again", "indeed", "so", "much", "very", "well",
                   "done", "a", "tous", "toutes", "all", "you", "vous",
                   # "Super utile.", "Very helpful.", "Stellar work 👏"
                   "super", "tres", "trop", "hyper", "utile", "pratique", "efficace", "travail", "boulot", "helpful",
                   "useful", "handy", "work", "job", "stuff"})
_MOCK_REACH = 4  # how many words after "pour", "for" the failure may start
_DEMONSTRATIVES = frozenset({"ce", "cet", "cette", "ces", "that", "this", "those", "these"})
_OF = frozenset({"de", "d", "of"})
_STOP_ADDRESS = frozenset({"self", "intro"})
_SPECIAL = frozenset({GAP, END, START})
_PLACE = frozenset({"dans", "du", "de", "d", "des", "in", "of", "from", "inside"})
_STOP_SELF = frozenset({"you", "intro"})
# After an insult, "on fait", "we are": the insult is said of ourselves.
_SELF_VERBS = frozenset({"est", "etait", "fait", "faisait", "sommes", "etions", "faisons", "suis", "fais",
                         "are", "were", "re", "am", "was"})
_STOP_GROUP = frozenset({"group", "you", "self", "intro"})
_COPULAS = frozenset({"es", "est", "etes", "etais", "etait", "sont", "etaient", "re", "r", "are", "is",
                      "s", "m", "am", "was", "were"})
# What someone says or thinks, that stands for them: "ton avis est une blague".
_SAYINGS = frozenset({"avis", "opinion", "tweet", "tweets", "message", "messages", "argument", "arguments",
                      "raisonnement", "commentaire", "commentaires", "remarque", "reponse", "theorie",
                      "logique", "idee", "propos", "post", "posts", "take", "comment", "comments", "reply",
                      "replies", "argumentation", "theory", "logic", "idea", "point", "thread", "analyse",
                      "analysis", "question"})
# After "de"/"of", only a possessive makes the person the target: "clown de ton calibre", not
# "inutile de vous déplacer".
_POSSESSIVE = frozenset({"ton", "ta", "tes", "votre", "vos", "your", "ur"})


def _longest_run(text: str, words: list) -> tuple[int, int]:
    """The span of the longest run of capitalised words with nothing but spaces and
    punctuation between them, for the finding."""
    best = run = (words[0].start(), words[0].end(), 1)
    for previous, word in zip(words, words[1:]):
        if any(char.isalpha() for char in text[previous.end():word.start()]):
            run = (word.start(), word.end(), 1)
        else:
            run = (run[0], word.end(), run[2] + 1)
        if run[2] > best[2]:
            best = run
    return best[0], best[1]


def _phrase_words(singles, multis, role: str, frequent: set[str], common: set[str]
                  ) -> tuple[frozenset[str], dict[str, tuple[bool, frozenset[str], dict[str, list[frozenset[str]]]]]] | None:
    """The words of each phrase of a grammar role, under its rarest word, then its second rarest
    (a phrase of common words, "trois jours sans service", is let go by a second set test, not
    by a subset test per phrase); None if a phrase has no word (an emoji): then any text may
    hold one. Per rarest word: whether it alone is a phrase, the second words, the phrases."""
    phrases = [(word,) for table in singles.values() for word, roles in table.items() if role in roles]
    phrases += [seq for table in multis.values() for forms in table.values() for seq, aim, _need in forms
                if aim == role]
    table: dict[str, tuple[list[bool], dict[str, set[frozenset[str]]]]] = {}
    for phrase in phrases:
        words = frozenset(part for token in phrase for part in _PLAIN_WORD.findall(token))
        if not words:
            return None
        anchor = _anchor(tuple(sorted(words)), frequent, common)
        alone, by_second = table.setdefault(anchor, ([False], {}))
        rest = tuple(sorted(words - {anchor}))
        if not rest:
            alone[0] = True
            continue
        by_second.setdefault(_anchor(rest, frequent, common), set()).add(words)
    return frozenset(table), {
        anchor: (alone[0], frozenset(by_second), {second: sorted(needs, key=sorted) for second, needs in by_second.items()})
        for anchor, (alone, by_second) in table.items()}


def _packed_phrases(table):
    """A _phrase_words table with its per-word part packed (None stays None)."""
    return None if table is None else (table[0], pack(table[1]))


def _unpacked_phrases(table):
    """A packed _phrase_words table as the check reads it: its per-word part unpickled on demand."""
    return None if table is None else (table[0], Packed(table[1]))


def _has_phrase(words: frozenset[str], table) -> bool:
    """Whether ``words`` hold all the words of one of the phrases of ``table`` (see _phrase_words)."""
    if table is None:
        return True
    anchors, needs = table
    if anchors.isdisjoint(words):
        return False
    for anchor in anchors.intersection(words):
        alone, seconds, by_second = needs[anchor]
        if alone:
            return True
        for second in seconds.intersection(words):
            if any(words.issuperset(need) for need in by_second[second]):
                return True
    return False


def _speaks(entry: dict[str, Any], languages: tuple[str | None, ...]) -> bool:
    """Whether a term applies to a text in ``languages`` ((None,): unknown, all apply)."""
    return languages == (None,) or entry["language"] in languages


def _as_written(context: _Context, start: int, end: int) -> str:
    """A cue as written in the post (c0nn4rd), for the message."""
    return context.view.text[start:end]


# --- reading the lexicons ---------------------------------------------------------------------


def _index(entries: list[dict[str, Any]]) -> dict[str, Any]:
    """The tables the check looks terms up in, from its entries: plain lists and dicts, built
    once when the rule is read, so that starting a run costs no more than reading them."""
    by_anchor: dict[str, tuple[list, dict[str, list], set[str]]] = {}
    symbols: dict[str, list[int]] = {}
    mask_words: dict[str, dict[str, set[str | None]]] = {}
    singles: dict[str | None, dict[str, list[str]]] = {}
    multis: dict[str | None, dict[str, list]] = {}
    common: dict[str | None, list[str]] = {}
    cue_index = 0
    for entry in entries:
        aim, language = entry["aim"], entry["language"]
        if aim in AIMS:
            for anchor, second, (plain, emoji) in zip(entry["anchors"], entry["seconds"], entry["parts"]):
                if not plain:
                    symbols.setdefault(anchor, []).append(cue_index)
                    continue
                alone, by_second, seconds = by_anchor.setdefault(anchor, ([], {}, set()))
                if second is None:
                    alone.append((plain, emoji, cue_index))
                else:
                    by_second.setdefault(second, []).append((plain, emoji, cue_index))
                    seconds.add(second)
                for word in plain:
                    if len(word) >= 2:
                        mask_words.setdefault(word[0], {}).setdefault(word, set()).add(language)
            cue_index += 1
            continue
        for seq, anchor in zip(entry["seqs"], entry["anchors"]):
            if len(seq) == 1:
                roles = singles.setdefault(language, {}).setdefault(seq[0], [])
                if aim not in roles:
                    roles.append(aim)
            else:
                need = sorted({w for w in seq if w not in _SPECIAL})
                multis.setdefault(language, {}).setdefault(anchor, []).append((seq, aim, need))
        if aim == "common":
            common.setdefault(language, []).extend(seq[0] for seq in entry["seqs"])
    by_anchor = {anchor: (alone, by_second, frozenset(seconds))
                 for anchor, (alone, by_second, seconds) in by_anchor.items()}
    return {"by_anchor": by_anchor, "symbols": symbols,
            "solo": frozenset(anchor for anchor, (alone, _, _) in by_anchor.items() if alone),
            "mask_words": {letter: {word: frozenset(spoken) for word, spoken in sorted(words.items())}
                           for letter, words in mask_words.items()},
            "singles": singles, "multis": multis, "common": common}


def _entries(category: str, spec: dict[str, Any], language: str | None) -> list[dict[str, Any]]:
    aim = spec.get("aim") or DEFAULT_AIMS.get(category)
    if aim is None:
        raise SocialrulesError(f"tone category {category!r} needs an `aim:` "
                               f"({', '.join(sorted(AIMS))}, or a grammar role)")
    if aim not in AIMS and aim not in MARKERS:
        raise SocialrulesError(f"unknown aim {aim!r} for tone category {category!r}")
    entries = []
    for term in spec["terms"]:
        seqs = sorted({seq for form in expand(fold(term).text) if (seq := _strip_gaps(tokens_of(form)))})
        if not seqs:
            raise SocialrulesError(f"tone term {term!r} has no word or emoji")
        if any(seq[0] in (GAP, END) or (seq[0] == START and len(seq) == 1) for seq in seqs):
            raise SocialrulesError(f"tone term {term!r} starts with a gap or an end")
        entries.append({"term": term, "category": category, "aim": aim, "weight": spec["weight"],
                        "language": spec["language"] or language, "negatable": spec["negatable"],
                        "seqs": seqs})
    return entries


def _strip_gaps(seq: tuple[str, ...]) -> tuple[str, ...]:
    """A gap at the end of a term matches nothing more: "on verra combien de temps ton …"."""
    while seq and seq[-1] == GAP:
        seq = seq[:-1]
    return seq


def tokens_of(form: str) -> tuple[str, ...]:
    """A folded form as the tokens a text is cut into (words, emoji, gaps)."""
    tokens = []
    for match in _TOKENS.finditer(form):
        kind, word = match.lastgroup, match.group()
        if kind == "w":
            if word == "t" and match.start() and form[match.start() - 1] == "'":
                word = "n't"
            tokens.append(word)
        elif kind == "e":
            tokens.append(word.rstrip("\ufe0f"))
        elif kind == "g":
            tokens.append(GAP)
        elif kind == "end":
            tokens.append(END)
        elif kind == "start":
            tokens.append(START)
    return tuple(tokens)


def expand(term: str, limit: int | None = 4096) -> list[str]:
    """Every form of a term: "(x)" optional, "(a|b)" one of, "(a|b|)" optionally one of (at
    most ``limit`` forms: a typo in a long term can multiply them beyond use; None: no limit)."""
    depth, start = 0, -1
    for index, char in enumerate(term):
        if char == "(":
            if depth == 0:
                start = index
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                break
            if depth == 0:
                head, inner, tail = term[:start], term[start + 1 : index], term[index + 1 :]
                choices = _split_alternatives(inner)
                if len(choices) == 1:
                    choices = ["", choices[0]]
                forms = list(dict.fromkeys(head + choice + rest for option in choices
                                           for choice in expand(option, limit) for rest in expand(tail, limit)))
                if limit is not None and len(forms) > limit:
                    raise SocialrulesError(f"term {term!r} has more than {limit} forms")
                return forms
    if depth != 0:
        raise SocialrulesError(f"unbalanced parentheses in term {term!r}")
    return [term]


def _split_alternatives(inner: str) -> list[str]:
    parts, depth, current = [], 0, []
    for char in inner:
        if char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        depth += char == "("
        depth -= char == ")"
        current.append(char)
    parts.append("".join(current))
    return parts


def _anchor(seq: tuple[str, ...], frequent: set[str], common: set[str]) -> str:
    """The token a text must contain for ``seq`` to match: its rarest-looking word (not a
    grammar word, not one of the most frequent words, then the longest)."""
    words = [token for token in seq if _IS_PLAIN[token]]
    if not words:
        return next(token for token in seq if token not in _SPECIAL)
    return max(words, key=lambda word: (word not in frequent, word not in common, len(word)))


