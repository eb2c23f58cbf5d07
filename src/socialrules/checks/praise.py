"""`praise`: a boost, retweet or quote whose boosted text is praise of the team.

"On ne RT pas les contenus laudatifs": the team does not relay what others say in its favour. The
check reads the boosted text (a boost's or quote's `quoted`, or the part of a plain post that is a
manual retweet or an inline quote: "RT @x: …", "citant @x : « … »", "via @x : …", "quoting @x:
"…"", "« … » (via @x)") and flags it when its main point is to thank, congratulate, compliment or
recommend the team. In that text it weighs:

- praise cues from the lexicon files: every category not named below is praise, with its weight
  (thanks, congratulations, compliments, recommendations, awards, pride, slang, litotes such as
  "pas mal du tout" or an insult denied, "loin d'être nul", "far from clunky", testimonies,
  applause emoji, superiority: "fait mieux que les géants du privé", "runs circles around"...).
  Terms are written as in the other lexicons, with "(a|b)" for one of, and "…" for one to three
  words ("puts … to shame"). Some praise others by comparison: the team
  as the model ("ça devrait être la norme", "prendre exemple sur @mesaides", "enfin un service
  public qui…", "la preuve qu'on peut faire simple", "who said the state can't do simple?"), and
  the comparative, found without a praise word: a comparison whose standard is the team, set
  against everyone else, a wish or a "why" ("si seulement toutes les administrations marchaient
  comme @mesaides", "why can't every site be like this?");
- whom the praise is about: the team's names and accounts from the configuration's [team]. A
  thank-you or a bravo goes to whoever follows it ("merci à la CAF"), other praise to whom its
  sentence names; a sentence that names nobody praises what the text is about. Praise of somebody
  else (another account, a capitalised name, a link to another site, "les agents") is not praise of
  us, and "l'équipe", "the team" belong to whom the text names first ("DossierFacile passe le cap…
  lien vers Mes Aides. Bravo à toute l'équipe"). A second recipient counts too ("Félicitations
  @betagouv pour cette promo, et tout particulièrement à l'équipe Mes Aides"). Without a team
  profile, praise addressed to someone (a mention, "vous êtes", "your team") is taken as praise
  of the team, which is blunter. A team word is somebody else's when a name follows it ("l'équipe
  1jeune1solution"), when it is plural ("toutes les équipes lauréates") or "their", "ses"; and a
  name in brackets is an aside, not a recipient ("Kudos to their devs (@mesaides is plugged in)");
- what cancels it: sarcasm (a failure next to the praise: "panne", "outage", "0 €", "j'attends une
  réponse", or a lack that lasts or prevents: "plus de simulateur depuis 3 jours", "can't log in";
  what the team's tool said against what was paid, even where a partner is named: "m'annonce
  800 € et la CAF m'en verse 12", "the CAF said nothing"; an insult, unless it names someone else
  beside it: "alors que les bras cassés de ma mairie…"; 🙄 or 🙃; "merci pour rien"; a praise word
  in scare quotes), negation
  ("n'est pas génial", "wouldn't recommend"), questions ("quelqu'un peut me recommander… ?"),
  wishes ("ce serait super que…"), a caveat that carries the point ("pas mauvais, mais…");
- whose it is, further: an emoji opening a sentence closes the one before ("…pour son prix ! 🎉"),
  praise in brackets beside praise of a partner is an aside ("(et merci à @mesaides pour le
  lien)"), an insult after "pas comme", "unlike" or under a short topic question ("Les autres ?
  Des usines à gaz…") is aimed at the others, and on an inequality ("la CAF < Mes Aides") the
  praise goes to the greater side; an emoji is not negated by a negation before it ("que je
  connaissais même pas 🔥");
- the main-point test: information left once the praise is taken out (a release, an event, a
  job, a date) that outweighs the praise makes the praise incidental.

Signal categories (no praise) of the lexicon files: negation, negation-scope, conditional,
intensifier, copula, failure, hostile, sarcasm, repair, expectation, rescue, contrast, caveat,
complaint, mismatch, information, pointer, not-praise, addressee, team-words, product-words, pronoun-other,
others, audience, incidental, incidental-after, literal, comparison, comparand, capability,
deprivation, duration, usage. Their uses are described where they are read.

Only texts with a praise cue, or with both parts of a comparative, are analysed (set
intersections first); a plain post is looked at only when it contains "@" and a relay form.
"""

from __future__ import annotations

import re
import bisect
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Mapping


from ..errors import SocialrulesError
from ..text.lazy import lazy_regex
from ..text.normalize import Folded, fold
from . import OPTIONS_CONFIG, Check, Hit, OptionsBase, Packed, pack, register
from .lexicon import Category, _entries, read_lexicons
from .tone import expand

SIGNALS = frozenset({
    "negation", "negation-scope", "conditional", "intensifier", "copula", "failure", "hostile",
    "sarcasm", "repair", "expectation", "contrast", "caveat", "complaint", "mismatch", "information", "pointer",
    "not-praise", "addressee", "team-words", "product-words", "pronoun-other", "others",
    "audience", "incidental", "incidental-after", "literal", "comparison", "comparand",
    "capability", "deprivation", "duration", "usage", "rescue",
})
# They take a recipient: "merci à X", "prendre exemple sur X".
_DIRECTED = frozenset({"thanks", "congratulations", "emulation"})
# Praise said as a wish or a rhetorical question: "si seulement tout marchait comme Mes Aides",
# "why can't every site be like this?", "ça devrait être la norme".
_WISHFUL = frozenset({"comparative", "exemplar", "emulation", "rebuttal"})
_INTENSIFIABLE = frozenset({"quality", "compliment-weak"})  # "super simple", "so kind"
_VERBAL = frozenset({"thanks", "recommendation", "congratulations"})  # "jamais assez merci"

_WORD = lazy_regex(r"\w+")
_SYMBOLIC = lazy_regex(r"[^\w\s'\-]")  # forms such as "10/10", "#sarcasme", "0 €", "n°1"
_ELONGATED = lazy_regex(r"(\p{L})\1{2,}")
# Sentence and clause ends: terminal punctuation before a space, colons, dashes, arrows, lines.
_BOUNDARY = lazy_regex(r"[.!?…]+(?=[\s\"'»”)\]*]|$)|[:;](?=\s|$)|\n+|(?<=\s)[–-](?=\s)|[—→|]")
_EMOJI_CUT = lazy_regex(r"[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f]\s+(?=\p{Lu})")
_CLAUSE = lazy_regex(r"[,;(]")
_GAP, _GAP_WORDS = "...", 3  # "…" in a term (folded to three dots): up to three words
_TIME = lazy_regex(r"(?<!\w)(?:\d{1,2}\s?h(?:\s?\d\d)?|\d{1,2}(?::\d\d)?\s?(?:am|pm)|(?:19|20)\d\d)(?!\w)")
_MENTION = lazy_regex(r"(?<![\w@])@(\w+)(?:@([\w-]+(?:\.[\w-]+)+))?")
_CAPITALISED = lazy_regex(r"(?<![\w@#])\p{Lu}[\p{L}\p{N}]*")
_HASHTAG = lazy_regex(r"(?<![\w#])#(\w{6,})")
# Only a text with one of these can hold a link (find_urls costs ~10 µs).
_URL_HINTS = ("/", "www.", ".fr", ".com", ".org", ".net", ".io", ".eu", ".be", ".ch", ".ca",
              ".info", ".app", ".dev", ".social", ".gouv", ".uk", ".de")
_DEGREE = lazy_regex(r"(?<!\w)(?:assez|enough)(?!\w)")
# A praise word alone between quotation marks is mocked: le « génial » simulateur.
_QUOTATION = lazy_regex(r"«[^«»]*»|“[^“”]*”|\"[^\"\n]*\"")
_SCARE_QUOTES = lazy_regex(r"[«“\"]\s*(?:\w+[\s'-]*){1,2}\s*[»”\"]")
_RECIPIENT_STOP = frozenset({
    "pour", "for", "de", "d", "du", "on", "of", "avec", "with", "car", "because", "qui", "who",
    "that", "parce", "since", "sur", "about", "in",
})
# Common words, never the key of a phrase for the prefilter when the phrase has another word.
_COMMON = frozenset({
    "a", "au", "aux", "avec", "c", "ca", "comme", "d", "de", "des", "du", "en", "encore",
    "est", "et", "fait", "il", "j", "je", "jamais", "l", "la", "le", "les", "m", "ma", "mes", "mon",
    "n", "ne", "nous", "on", "pas", "plus", "pour", "que", "qui", "s", "sans", "si", "t", "ta",
    "tes", "ton", "tous", "tout", "tres", "trop", "un", "une", "vos", "votre", "vous", "vs", "1",
    "all", "an", "and", "are", "at", "be", "by", "do", "for", "i", "in", "is", "it", "me",
    "my", "no", "of", "on", "so", "that", "the", "this", "to", "u", "up", "we", "with", "you",
    "your",
})
_TO = frozenset({"a", "aux", "to"})
_COORDINATION = frozenset({"et", "puis", "donc", "and", "then"})  # a clause starts after them
_QUALIFIER = frozenset({"de", "du", "des", "d", "of", "at", "from"})  # "l'équipe de la CAF"
_LINKS = frozenset({"de", "du", "d", "l", "la", "le", "les", "of", "the", "s", "at"})
# What may stand before "team"/"équipe" without making it someone else's team.
_TEAM_DETERMINERS = frozenset({
    "the", "a", "an", "our", "my", "your", "whole", "entire", "this", "that", "same",
    "core", "l", "la", "une", "cette", "notre", "mon", "ma", "ton", "votre", "toute", "belle",
})
# Whose team: "their devs", "ses équipes" are somebody else's.
_THIRD_PERSON = frozenset({"their", "its", "his", "her", "leur", "leurs", "ses", "son", "sa"})
_GAP_BREAKS = frozenset(".()[]!?;")  # between a team word and a name, they part them
_MEMBER_LINKS = _LINKS | {"from", "chez", "at", "equipe", "team"}  # "Inès, de l'équipe Mes Aides"
_CAPS_STOP = frozenset({
    "i", "i'm", "i've", "i'd", "i'll", "ok", "okay", "psa", "rt", "mt", "faq", "pdf", "url", "gg",
    "france", "etat", "internet", "web", "dieu", "god", "lol", "mdr", "ptdr", "gps",
    # Benefits, not bodies: "plus de simulateur APL depuis lundi" is about the team's site.
    "apl", "als", "alf", "rsa", "aah", "ppa", "css", "cmu", "asf", "ars", "paje", "aspa", "ass", "cej",
    # Adjectives English capitalises: "the French state" names nobody.
    "french", "european", "english", "british", "german", "spanish", "italian", "belgian", "swiss",
})
_EMOJI_NOISE = str.maketrans("", "", "\ufe0f\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff")

_HANDLE = r"@\w+(?:@[\w-]+(?:\.[\w-]+)+)?"
_OPEN, _CLOSE = "«“\"„", "»”\""
# A plain post that relays someone: "RT @x: …" (the rest of the post), an introduced quote
# ("citant @x : « … »", "via @x : …", "quoting @x: "…"") or an attributed one ("« … » (via @x)").
_RELAY = lazy_regex(
    rf"(?P<rt>(?<![\w@])(?:RT|MT)\s*:?\s*{_HANDLE}\s*:?\s*)"
    rf"|(?P<intro>(?<![\w@])(?:en\s+)?(?:citant|cite|quoting|quote|via|selon|d['’]apr[eè]s"
    rf"|according\s+to|h/t)\s+{_HANDLE}(?:\s+(?:a\s+[ée]crit|[ée]crit|dit|says|said|wrote|writes))?"
    rf"\s*(?P<colon>:)?\s*(?P<open>[{_OPEN}])?\s*)"
    rf"|(?P<attr>[{_OPEN}]\s*(?P<q>[^{_OPEN}{_CLOSE}]+?)\s*[{_CLOSE}]\s*[(\[,—–-]?\s*"
    rf"(?:citant|cit[ée]e?\s+par|via|quoting|quoted\s+by|selon|d['’]apr[eè]s|by|par)?\s*{_HANDLE})",
    re.IGNORECASE,
)
# Cheap test before _RELAY (a regex search costs ~20 µs on a post): what precedes an "@" is a
# relay keyword ("RT @x", "via @x") or a closing quotation mark ("« … » (via @x)").
_RELAY_WORDS = frozenset({"rt", "mt", "citant", "cite", "quoting", "quote", "via", "selon",
                          "d'après", "d’après", "d'apres", "h/t", "par", "by", "to"})
_RELAY_PUNCTUATION = " \t:([,—–-"
_CLOSING = lazy_regex(rf"[{_CLOSE}]")
_LINE_END = lazy_regex(r"\n|\s[—–]\s|→")

# The comparative's equality form, on folded text: "aussi clair que", "as simple as".
_EQUALITY = lazy_regex(r"(?<!\w)(?:aussi|autant|as)\s+(?:\w+[\s'-]+)?\w+\s+(?:que|qu|as)(?!\w)")
# "Mes Aides > la CAF", "la CAF < Mes Aides" (not an arrow: "->", "=>", "<-").
_GREATER_AFTER = lazy_regex(r"\s*>+(?=\s)")
_LESS_BEFORE = lazy_regex(r"(?<=\s)<+\s*")
_ARROWS = lazy_regex(r"[-=]>|<[-=]")
_SIGNS = lazy_regex(r">+|<+")
_COMPARING = frozenset({"aussi", "autant", "as", "plus", "more"})  # for the prefilter
# What "like this", "comme ça" point at: what the text is about.
_DEICTIC = frozenset({"ca", "cela", "ceci", "celui", "celle", "this", "that", "it", "these", "those"})
_WHY = frozenset({"pourquoi", "why"})  # a question that is a complaint about everyone else
# How long a lack has lasted, when said with a number: "trois jours sans…", "for a week".
_LASTING = lazy_regex(
    r"(?<!\w)(?:(?:for|pendant)\s+(?:an?|one|une?)|\d+|two|three|four|five|six|seven|several|deux|"
    r"trois|quatre|cinq|six|sept|plusieurs)\s+"
    r"(?:days?|hours?|weeks?|months?|jours?|heures?|semaines?|mois)(?!\w)")
# A second recipient of a thank-you or a bravo: "…, et tout particulièrement à l'équipe Mes Aides".
_ALSO = frozenset({"et", "and", "mais", "but", "particulierement", "specialement", "surtout",
                   "notamment", "especially", "particularly", "specially"})
_TO_RECIPIENT = frozenset({"a", "au", "aux", "to"})
# Between the team and a feeling it has: "Mes Aides est ravi", "the Mes Aides team is thrilled".
_FEELS = frozenset({"est", "sont", "sommes", "etait", "etaient", "a", "ete", "se", "dit", "team",
                    "equipe", "is", "are", "am", "was", "were", "been", "has", "have", "re", "so",
                    "very", "tres", "vraiment", "really", "trop", "tellement", "absolument"})


@dataclass(slots=True, repr=False, eq=False)  # see OptionsBase
class PraiseOptions(OptionsBase):
    """Options of the `praise` check kind."""

    __pydantic_config__ = OPTIONS_CONFIG

    lexicons: list[str] = field(default_factory=list)
    """Lexicon files of praise cues and signals, relative to the rule's folder."""
    extend_terms: dict[str, Category] = field(default_factory=dict)
    """More categories of terms (a praise category, or one of the signal categories)."""
    min_score: float = 1.0
    """The summed weight of the distinct praise cues about the team that flags a boosted text."""
    entries: Mapping[int, bytes] = field(default_factory=dict)
    """Filled when the rule is read: every term with its forms, category, weight, language, by
    number, pickled (see `Packed`)."""
    index: dict[str, Any] = field(default_factory=dict)
    """Filled when the rule is read: the look-up tables built from the entries."""


@dataclass(slots=True)
class _Match:
    start: int  # in the folded text
    end: int
    entry: dict[str, Any]
    category: str


@dataclass(slots=True)
class _Ref:
    """Somebody a text speaks of: `team`, `other` (someone else), `incidental` (the team named
    in passing), `audience` ("tous"), or `you`/`crew` ("vous êtes", "l'équipe", "le simulateur"):
    the team only when nothing says otherwise."""

    start: int
    end: int
    kind: str


Sentence = tuple[int, int, str]  # start, end, terminator
_Verdict = tuple[int, int, dict[str, Any]]  # the span of the praise, the message values
Entry = dict[str, Any]  # a lexicon term: term, forms, category, weight, language
# For a first word: the entries of one-word forms, and the longer forms by their second word.
_Candidates = tuple[list[Entry], dict[str, list[tuple[tuple[str, ...], Entry]]]]


@register
class Praise(Check):
    name = "praise"
    Options = PraiseOptions
    placeholders = frozenset({"cues", "praise", "target", "score"})

    @classmethod
    def prepare(cls, options: dict[str, Any], folder: Path) -> dict[str, Any]:
        options = {key: value for key, value in options.items() if key not in ("entries", "index")}
        prepared = super().prepare(options, folder)
        files, lexicons = read_lexicons(prepared["lexicons"], folder)
        for path, (_language, categories) in zip(files, lexicons):
            for name, category in categories.items():
                if category["requires"]:  # a lexicon rule's option: praise has signals instead
                    raise SocialrulesError(f"category {name!r}: `requires` is not an option of praise lexicons", path)
        entries = [entry for language, categories in lexicons for entry in _entries(categories, language)]
        entries.extend(_entries(prepared["extend_terms"], None))
        for entry in entries:  # "(a|b)" one of, "(a|b|)" optionally one of
            if "|" in entry["term"]:
                entry["forms"] = sorted({" ".join(fold(form).text.split()) for form in expand(entry["term"], limit=None)}
                                        - {""})
        if not any(entry["category"] not in SIGNALS for entry in entries):
            raise SocialrulesError("a praise rule needs praise terms (`lexicons` or `extend_terms`)")
        prepared["lexicons"] = files
        index = prepared["index"] = _index(entries)
        # The phrase tables and the entries stay pickled per key until a post needs them (see
        # `Packed`): a post without praise cues, most of them, never does.
        index["phrases"] = pack(index["phrases"])
        index["tag_praise"] = pack(index["tag_praise"])
        prepared["entries"] = pack(dict(enumerate(entries)))
        return prepared

    def __init__(self, rule, options: PraiseOptions, config) -> None:
        super().__init__(rule, options, config)
        # The tables were built when the rule was read (and cached): see _index().
        table = options.index
        self.phrases: dict[str, _Candidates] = Packed(table["phrases"])
        self.symbolic = [(lazy_regex(source), entry) for source, entry in table["symbolic"]]
        self.by_char: dict[str, list[dict[str, Any]]] = table["by_char"]
        self.praise_words: frozenset[str] = table["praise_words"]
        self.tag_praise: dict[str, Entry] = Packed(table["tag_praise"])
        self.product_words: frozenset[str] = table["product_words"]
        self.target_words: frozenset[str] = table["target_words"]
        self.praise_chars: frozenset[str] = table["praise_chars"]
        self.known_words = frozenset(self.phrases)
        self._tables: dict[str | None, dict] = {}
        self.symbol_chars: frozenset[str] = table["symbol_chars"]
        self.praise_symbolic = lazy_regex(table["praise_symbolic"]) if table["praise_symbolic"] else None
        self.praise_symbols: frozenset[str] = table["praise_symbols"]
        # A comparison and what it sets against the team can praise it without a praise word.
        self.comparison_words: frozenset[str] = table["comparison_words"] | _COMPARING
        self.comparand_words: frozenset[str] = table["comparand_words"]
        self._team_setup(config.team)

    def table(self, lang: str | None) -> dict:
        """The phrase table for posts in ``lang`` (entries of that language or of none)."""
        table = self._tables.get(lang)
        if table is None:
            def keep(entry: dict[str, Any]) -> bool:
                return not lang or not entry["language"] or entry["language"] == lang

            table = self._tables[lang] = {
                word: ([entry for entry in singles if keep(entry)],
                       {second: [(words, entry) for words, entry in items if keep(entry)]
                        for second, items in longer.items()})
                for word, (singles, longer) in self.phrases.items()}
        return table

    # --- the team -----------------------------------------------------------------------------

    def _team_setup(self, team) -> None:
        """Names match whatever separates their words ("Mes Aides", "mes-aides", "mesaides");
        accounts whatever their case, with or without @, and @user@instance as @user."""
        self.profile = bool(team.names or team.accounts)
        self.any_instance: set[str] = set()  # accounts given as @user: on any instance
        self.instances: dict[str, set[str]] = {}  # user -> instances of @user@instance accounts
        for account in team.accounts:
            user, _, instance = fold(account.strip()).text.lstrip("@").partition("@")
            if user:
                if instance:
                    self.instances.setdefault(user, set()).add(instance)
                else:
                    self.any_instance.add(user)
        self.team_users = frozenset(self.any_instance | set(self.instances))
        self.joined_names = frozenset(
            {"".join(_WORD.findall(fold(name).text)) for name in team.names} | self.team_users) - {""}
        self.target_words |= self.team_users  # the names are looked for with team_regex
        parts = []
        if self.team_users:
            users = "|".join(map(re.escape, sorted(self.team_users)))
            parts.append(rf"@(?P<user>{users})(?:@(?P<instance>[\w-]+(?:\.[\w-]+)+))?")
        for name in team.names:
            words = _WORD.findall(fold(name).text)
            if words:
                parts.append(r"[\s_.'-]*".join(re.escape(word) for word in words))
        # A bare handle ("merci mesaides") only when too long to be an ordinary word.
        parts += [re.escape(user) for user in self.team_users if len(user) >= 5]
        parts.sort(key=len, reverse=True)
        self.team_regex = lazy_regex(rf"(?<![\w@])(?:{'|'.join(parts)})(?!\w)") if parts else None

    def _team_refs(self, text: str) -> list[_Ref]:
        refs: list[_Ref] = []
        if self.team_regex is None:
            return refs
        for match in self.team_regex.finditer(text):
            user = match.group("user") if self.team_users else None
            if user and not self.is_team_account(user, match.group("instance")):
                continue
            refs.append(_Ref(match.start(), match.end(), "team"))
        return refs

    def is_team_account(self, user: str, instance: str | None) -> bool:
        """@mesaides@elsewhere.social is not the team's @mesaides@its.instance; @mesaides given
        without an instance is the team on any instance."""
        if user not in self.team_users:
            return False
        return not instance or user in self.any_instance or instance in self.instances.get(user, ())

    # --- running ------------------------------------------------------------------------------

    def run(self, subject) -> list[Hit] | tuple[()]:
        # A list or an empty tuple, not a generator: cheaper for the usual post, which has none.
        post = subject.post
        if post.kind.value in ("boost", "quote") and post.quoted:
            view = subject.view("quoted")
            hit = self.judge(view.text, view.folded, post.lang)
            return () if hit is None else [Hit(hit[0], hit[1], "quoted", hit[2])]
        text = post.text
        # Every relay form names its author: most posts leave here.
        segments = relayed(text) if "@" in text and _may_relay(text) else []
        if not segments and post.kind.value == "boost" and text.strip():
            segments = [(0, len(text))]  # a boost given as its text
        for offset, end in segments:
            part = text[offset:end]
            hit = self.judge(part, fold(part), post.lang)
            if hit is not None:
                return [Hit(offset + hit[0], offset + hit[1], "text", hit[2])]
        return ()

    def judge(self, text: str, folded: Folded, lang: str | None = None) -> _Verdict | None:
        """The span of the praise in ``text`` and the message values, if ``text`` (a boosted
        text) is praise of the team."""
        ft = folded.text
        words = set(_WORD.findall(ft))
        tagged = "#" in ft  # #MerciMesAides hides its words from these tests
        if (self.praise_words.isdisjoint(words) and not tagged
                and (text.isascii() or self.praise_chars.isdisjoint(ft))
                and _ELONGATED.search(ft) is None
                and (self.praise_symbols.isdisjoint(ft) or not self.praise_symbolic.search(ft))
                and (self.comparison_words.isdisjoint(words) or self.comparand_words.isdisjoint(words))
                and ">" not in ft and "<" not in ft):  # "Mes Aides > la CAF"
            return None
        if (self.profile and self.target_words.isdisjoint(words) and not tagged
                and self.team_regex is not None and self.team_regex.search(ft) is None):
            return None  # praise, but of nobody who could be the team
        return _Analysis(self, text, folded, lang).verdict()


def _may_relay(text: str) -> bool:
    position = text.find("@")
    while position >= 0:
        before = text[max(0, position - 30) : position].rstrip(_RELAY_PUNCTUATION).lower()
        words = before.split()
        if before.endswith(("»", "”", '"')):
            return True
        if words and words[-1].lstrip(_RELAY_PUNCTUATION) in _RELAY_WORDS:
            return True
        position = text.find("@", position + 1)
    return False


def relayed(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` that relay someone else's words (see _RELAY)."""
    spans = []
    for match in _RELAY.finditer(text):
        if match.group("rt") is not None:
            spans.append((match.end(), len(text)))
            break  # the rest of the post is the retweet
        if match.group("attr") is not None:
            spans.append(match.span("q"))
            continue
        start = match.end()
        if match.group("open"):
            close = _CLOSING.search(text, start)
            spans.append((start, close.start() if close else len(text)))
        elif match.group("colon"):
            stop = _LINE_END.search(text, start)
            spans.append((start, stop.start() if stop else len(text)))
    trimmed = []
    for start, end in spans:
        part = text[start:end]
        start, end = start + len(part) - len(part.lstrip()), end - len(part) + len(part.rstrip())
        if end > start:
            trimmed.append((start, end))
    return trimmed


class _Analysis:
    """One boosted text with a praise cue, and everything the verdict weighs."""

    def __init__(self, check: Praise, text: str, folded: Folded, lang: str | None) -> None:
        self.check = check
        self.text = text
        self.folded = folded
        self.lang = lang
        ft = folded.text
        team_refs = check._team_refs(ft)
        self.mentions = list(_MENTION.finditer(ft)) if "@" in ft else []
        # Links and mentions are not words: "…/hidden-gem" and "@bravo_x" praise nobody.
        if "." in ft and any(hint in ft for hint in _URL_HINTS):
            from ..text.urls import find_urls

            self.urls = find_urls(ft, require_scheme=False)
        else:
            self.urls = []
        masked = ft
        for start, end in [*self.urls, *(m.span() for m in self.mentions)]:
            masked = masked[:start] + " " * (end - start) + masked[end:]
        self.masked = masked
        self.tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(masked)]
        self.token_starts = [start for start, _, _ in self.tokens]
        self.matches = self._find()
        if "#" in masked:
            self._hashtags(team_refs)
        self.by_category: dict[str, list[_Match]] = {}
        for match in self.matches:
            self.by_category.setdefault(match.category, []).append(match)
        self.sentences = self._sentences()
        self.sentence_ends = [end for _, end, _ in self.sentences]
        self.topic: str | None = None  # set by _entities: who the text names first
        self.refs = self._entities(team_refs)
        self.team_anywhere = any(r.kind == "team" for r in self.refs)
        self.other_anywhere = any(r.kind == "other" for r in self.refs)
        self.compared: dict[int, _Ref] = {}  # comparatives: where they are, the team they praise
        if self.of("comparand"):  # nothing is compared without it
            self._comparatives()
        self.lesser: list[tuple[int, int]] = []  # what the team is written greater than
        if ">" in ft or "<" in ft:
            self._inequalities()

    # --- finding ------------------------------------------------------------------------------

    def _find(self) -> list[_Match]:
        found = self._phrases(self.masked, self.tokens, None)
        if _ELONGATED.search(self.masked):  # "merciiii", "bravooo", "gooood"
            for keep in (1, 2):
                text, origin = _squeeze(self.masked, keep)
                tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
                found += self._phrases(text, tokens, origin)
        check, lang, masked = self.check, self.lang, self.masked
        if not check.symbol_chars.isdisjoint(masked):
            for pattern, entry in check.symbolic:
                if not lang or not entry["language"] or entry["language"] == lang:
                    found += [_Match(*m.span(), entry, entry["category"]) for m in pattern.finditer(masked)]
        if not self.text.isascii():
            for char in check.by_char.keys() & set(masked):
                position = masked.find(char)
                while position >= 0:
                    found += [_Match(position, position + len(char), entry, entry["category"])
                              for entry in check.by_char[char]
                              if not lang or not entry["language"] or entry["language"] == lang]
                    position = masked.find(char, position + 1)
        # The longest match wins where matches overlap ("merci pour rien" over "merci", "pas mal
        # de" over "pas mal"); matches of the very same span are all kept ("super": intensifier
        # and compliment).
        found.sort(key=lambda m: (m.start, m.start - m.end))
        kept: list[_Match] = []
        seen: set[tuple[int, int, str, str]] = set()
        reach = -1
        for match in found:
            key = (match.start, match.end, match.entry["term"], match.category)
            if key in seen:
                continue
            same = kept and (kept[-1].start, kept[-1].end) == (match.start, match.end)
            if match.start < reach and not same:
                continue
            seen.add(key)
            kept.append(match)
            reach = max(reach, match.end)
        return kept

    def _hashtags(self, team_refs: list[_Ref]) -> None:
        """#MerciMesAides: the team's name and a praise word glued in one hashtag."""
        check = self.check
        for tag in _HASHTAG.finditer(self.masked):
            word = tag.group(1)
            if any(name in word for name in check.joined_names):
                team_refs.append(_Ref(tag.start(), tag.end(), "team"))
            if any(m.start < tag.end() and tag.start() < m.end for m in self.matches):
                continue
            for size in range(len(word) - 1, 4, -1):
                entry = check.tag_praise.get(word[:size]) or check.tag_praise.get(word[-size:])
                if entry and (not self.lang or not entry["language"] or entry["language"] == self.lang):
                    self.matches.append(_Match(tag.start(), tag.end(), entry, entry["category"]))
                    break
        self.matches.sort(key=lambda m: m.start)

    def _comparatives(self) -> None:
        """"Si seulement toutes les administrations marchaient comme @mesaides", "why can't every
        site be like this?", "pourquoi les impôts ne font pas un simulateur aussi clair que Mes
        Aides ?": a comparison whose standard is the team, set against everyone else, a wish or a
        "why", is praise of the team (a comparative cue, weight 1). The team must not be what is
        compared ("Mes Aides, comme tous les simulateurs, …"), nor the comparison an example in a
        list ("tous les services, comme Mes Aides, doivent…")."""
        masked = self.masked
        markers = [(m.start, m.end) for m in self.of("comparison")]
        markers += [(m.start, m.end) for m in self.of("contrast")  # "ne sont pas comme Mes Aides"
                    if masked[m.start : m.end].split()[-1:] in (["comme"], ["like"])]
        markers += [found.span() for found in _EQUALITY.finditer(masked)]
        markers += [(m.start, m.end) for m in self.of("comparand")  # "il faudrait plus de Mes Aides"
                    if masked[m.start : m.end].split()[:1] in (["plus"], ["more"])]
        for start, end in sorted(markers):
            sentence = self.sentence(start)
            if masked[sentence[0] : start].rstrip().endswith(","):
                continue
            against = [m for m in self.of("comparand") if sentence[0] <= m.start and m.end <= start]
            if not against:
                continue
            if any(r.kind == "team" and sentence[0] <= r.start < start for r in self.refs):
                continue
            ref = self._standard(end, sentence)
            if ref is None:
                continue
            # The cue runs from what is set against the team to the comparison: "si seulement
            # toutes les administrations marchaient comme".
            term = " ".join(masked[against[0].start : end].split())
            entry = {"term": term, "forms": [term], "category": "comparative", "weight": 1.0,
                     "language": None}
            match = _Match(against[0].start, end, entry, "comparative")
            self.matches.append(match)
            self.by_category.setdefault("comparative", []).append(match)
            self.compared[match.start] = ref
        self.matches.sort(key=lambda m: m.start)

    def _inequalities(self) -> None:
        """"Mes Aides > la CAF", "la CAF < @mesaides": the team written greater than something
        else, as the sentence's claim, is praise by comparison (superiority, weight 1). A menu
        path ("Mes Aides > Simulateurs > APL", two signs or more) or an arrow ("->", "=>") is not."""
        masked = self.masked
        for ref in self.refs:
            if ref.kind != "team":
                continue
            start, end = self.sentence(ref.start)[:2]
            claim = masked[start:end]
            if len(_SIGNS.findall(claim)) > 1 or _ARROWS.search(claim):
                continue
            after = _GREATER_AFTER.match(masked, ref.end)
            before = _LESS_BEFORE.search(masked, start, ref.start)
            if after and not masked[start : ref.start].strip(" «“\"'"):
                span, lesser = (ref.start, after.end()), (after.end(), end)
            elif before and before.end() == ref.start:
                span, lesser = (before.start(), ref.end), (start, before.start())
            else:
                continue
            self.lesser.append(lesser)
            self.compared[span[0]] = ref
            entry = {"term": masked[span[0] : span[1]].strip(), "forms": [], "category": "superiority",
                     "weight": 1.0, "language": None}
            match = _Match(*span, entry, "superiority")
            self.matches.append(match)
            self.by_category.setdefault("superiority", []).append(match)
        self.matches.sort(key=lambda m: m.start)

    def _standard(self, end: int, sentence: Sentence) -> _Ref | None:
        """The team, if it is what a comparison ending at ``end`` compares to: named just after
        ("comme @mesaides", "comme le simulateur Mes Aides"), or pointed at ("like this", "comme
        ça") in a text about the team."""
        after = [r for r in self.refs if end <= r.start < sentence[1] and r.kind in ("team", "other", "you")]
        first_team = next((r for r in self.refs if r.kind == "team"), None)
        if after and len(self._words(end, after[0].start)) <= 4:
            if after[0].kind == "team":
                return after[0]
            return first_team if after[0].kind == "you" else None  # "comme vous"
        following = self._words(end, sentence[1])[:1]
        if (not following or following[0] in _DEICTIC) and self.topic == "team":
            return first_team
        return None

    def _phrases(self, text: str, tokens: list[tuple[int, int, str]], origin) -> list[_Match]:
        """Every lexicon phrase found word by word in ``tokens`` (words of ``text``)."""
        table = self.check.table(self.lang)
        found = []
        count = len(tokens)
        for index, (start, end, word) in enumerate(tokens):
            candidates = table.get(word)
            if candidates is None:
                continue
            singles, longer = candidates
            spans = [(entry, end) for entry in singles]
            for (head, tail), entry in longer.get(_GAP, ()):
                stop = self._gapped(text, tokens, index, head, tail)
                if stop is not None:
                    spans.append((entry, stop))
            if longer and index + 1 < count and _joined(text, end, tokens[index + 1][0]):
                for words, entry in longer.get(tokens[index + 1][2], ()):
                    size = len(words)
                    if index + size <= count and all(
                            tokens[index + k][2] == words[k]
                            and _joined(text, tokens[index + k - 1][1], tokens[index + k][0])
                            for k in range(2, size)):
                        spans.append((entry, tokens[index + size - 1][1]))
            for entry, stop in spans:
                if origin is not None:
                    found.append(_Match(origin[start], origin[stop - 1] + 1, entry, entry["category"]))
                else:
                    found.append(_Match(start, stop, entry, entry["category"]))
        return found

    @staticmethod
    def _gapped(text: str, tokens: list[tuple[int, int, str]], index: int, head: tuple[str, ...],
                tail: tuple[str, ...]) -> int | None:
        """The end of a phrase with a gap ("puts … to shame") whose head starts at token
        ``index``: one to three words between head and tail, all in one stretch of words."""
        size = len(head)
        if index + size > len(tokens) or any(tokens[index + k][2] != head[k] for k in range(size)):
            return None
        for gap in range(1, _GAP_WORDS + 1):
            first = index + size + gap
            last = first + len(tail) - 1
            if last >= len(tokens):
                return None
            if not _joined(text, tokens[first - 1][1], tokens[first][0]) and gap:
                return None  # the stretch of words ends before the tail
            if all(tokens[first + k][2] == tail[k] for k in range(len(tail))) and all(
                    _joined(text, tokens[k - 1][1], tokens[k][0]) for k in range(index + 1, last + 1)):
                return tokens[last][1]
        return None

    def _sentences(self) -> list[Sentence]:
        """Sentences, or clauses: colons and dashes end one too."""
        text = self.masked
        cuts = [(m.start(), m.end(), m.group()) for m in _BOUNDARY.finditer(text)]
        if not self.text.isascii():  # an emoji before a capital ends a sentence: "équipe 💪 Mes…"
            origin = self.folded.origin
            for match in _EMOJI_CUT.finditer(self.text):
                end = bisect.bisect_left(origin, match.end()) if origin else match.end()
                cuts.append((end, end, "emoji"))
            cuts.sort()
        sentences = []
        start = 0
        for cut_start, cut_end, terminator in cuts:
            if cut_start < start or terminator == "emoji" and not _WORD.search(text, start, cut_start):
                continue  # an emoji ends a sentence, it does not make one
            if _WORD.search(text, start, cut_start):
                sentences.append((start, cut_start, terminator))
            start = cut_end
        if _WORD.search(text, start) or not sentences:
            sentences.append((start, len(text), ""))
        return sentences

    def sentence(self, position: int) -> Sentence:
        index = bisect.bisect_right(self.sentence_ends, position)
        return self.sentences[min(index, len(self.sentences) - 1)]

    def of(self, *categories: str) -> list[_Match]:
        if len(categories) == 1:
            return self.by_category.get(categories[0], [])
        return [m for m in self.matches if m.category in categories]

    def _inside(self, matches: list[_Match], start: int, end: int) -> bool:
        return any(start <= m.start and m.end <= end for m in matches)

    def _words(self, start: int, end: int) -> list[str]:
        low = bisect.bisect_left(self.token_starts, start)
        high = bisect.bisect_left(self.token_starts, end)
        return [word for _, stop, word in self.tokens[low:high] if stop <= end]

    # --- who is spoken of ---------------------------------------------------------------------

    def _entities(self, team_refs: list[_Ref]) -> list[_Ref]:
        check = self.check
        refs: list[_Ref] = []
        for ref in team_refs:  # "@mesaides compris", "y compris Mes Aides": named in passing
            if self._near(ref.start, self.of("incidental"), before=True) or self._near(
                    ref.end, self.of("incidental-after"), before=False):
                ref.kind = "incidental"
            refs.append(ref)
        for mention in self.mentions:
            if any(r.start <= mention.start() < r.end for r in refs):
                continue
            # Without a team profile, whoever the text addresses stands for the team.
            team = check.is_team_account(mention.group(1), mention.group(2))
            kind = "team" if team or not check.profile else "other"
            refs.append(_Ref(mention.start(), mention.end(), kind))
        named = [r for r in refs if r.kind in ("team", "other")]  # by name, account, handle
        for match in self.of("others"):  # "les agents", "the community"
            refs.append(_Ref(match.start, match.end, "other"))
        for match in self.of("addressee"):  # "vous êtes", "your team": whom the text speaks to
            refs.append(_Ref(match.start, match.end, "you" if check.profile else "team"))
        for start, end in self.urls:  # a link to somebody else's site ("sur caf.fr")
            if not any(r.start < end and start < r.end for r in refs):
                refs.append(_Ref(start, end, "other"))
        for match in self.of("team-words"):
            refs.append(_Ref(match.start, match.end, self._crew(match, team_refs)))
        for match in self.of("product-words"):  # "le simulateur", "this tool": ours, unless named
            refs.append(_Ref(match.start, match.end, "crew" if check.profile else "team"))
        for match in self.of("audience"):  # "merci à tous": neither a partner nor us
            refs.append(_Ref(match.start, match.end, "audience"))
        names = self._names(refs)
        refs += names
        # What the text is about: whom it names first ("DossierFacile passe le cap… Bravo à
        # toute l'équipe" is about DossierFacile, even if it names Mes Aides in between). The
        # accounts a reply starts with are whom it answers: the team, if among them.
        named.sort(key=lambda r: r.start)
        leading = [r for r in named if not self.masked[: r.start].strip()]
        first = min((r for r in named + names if r not in leading), key=lambda r: r.start, default=None)
        if any(r.kind == "team" for r in leading):
            self.topic = "team"
        elif leading or first:
            self.topic = (leading or [first])[0].kind
        refs.sort(key=lambda r: r.start)
        for match in self.of("pronoun-other"):  # "merci à eux": the subject named before
            sentence = self.sentence(match.start)
            named = [r for r in refs if r.end <= match.start and r.kind in ("team", "other")]
            here = [r for r in named if r.start >= sentence[0]]
            if not here and named:  # the subject of the sentence that named someone last
                last = self.sentence(named[-1].start)[0]
                here = [r for r in named if r.start >= last]
            if here:
                refs.append(_Ref(match.start, match.end, here[0].kind))
        refs.sort(key=lambda r: r.start)
        return refs

    def _near(self, position: int, matches: list[_Match], *, before: bool) -> bool:
        """Whether one of ``matches`` is next to ``position`` (one word between at most)."""
        for match in matches:
            if before and match.end <= position:
                gap = (match.end, position)
            elif not before and match.start >= position:
                gap = (position, match.start)
            else:
                continue
            if gap[1] - gap[0] < 30 and len(self._words(*gap)) <= 1:
                return True
        return False

    def _crew(self, match: _Match, team_refs: list[_Ref]) -> str:
        """"l'équipe Mes Aides", "les devs de Mes Aides", "the Mes Aides team" are the team;
        "l'équipe de la CAF", "the 1jeune1solution team" are not; "l'équipe" alone may be."""
        masked = self.masked
        before = self._word_before(match.start)
        if before and fold(before).text in _THIRD_PERSON:
            return "other"  # "their devs", "ses équipes": somebody else's
        for ref in team_refs:
            gap = (match.end, ref.start) if ref.start >= match.end else (ref.end, match.start)
            if not 0 <= gap[1] - gap[0] < 32 or not _GAP_BREAKS.isdisjoint(masked[gap[0] : gap[1]]):
                continue  # "Kudos to their devs 👏 (@mesaides is already plugged in)": apart
            if set(self._words(*gap)) <= _LINKS | self.check.product_words:
                return "team"  # "l'équipe du simulateur Mes Aides"
        following = self._words(match.end, match.end + 20)[:1]
        if following and following[0] in _QUALIFIER:
            return "other"
        if self.masked[match.start : match.end].split()[-1:] in (["equipes"], ["teams"]):
            return "other"  # "toutes les équipes lauréates": many teams are not the team
        after = self._word_after(match.end)
        if after and (any(c.isdigit() for c in after) or _name_like(after) or (
                after[0].isupper() and fold(after).text not in self.check.known_words)):
            return "other"  # "l'équipe 1jeune1solution", "l'équipe DossierFacile"
        determiner = fold(before).text in _TEAM_DETERMINERS if before else False
        if before and (any(c.isdigit() for c in before) or (before[0].isupper() and not determiner)
                       or not determiner and fold(before).text not in self.check.known_words):
            return "other"  # "the CAF team", "the library team", "the 1jeune1solution team"
        return "crew" if self.check.profile else "team"

    def _word_after(self, position: int) -> str:
        """The word just after ``position``, as written, if only spaces separate them."""
        index = bisect.bisect_left(self.token_starts, position)
        if index >= len(self.tokens):
            return ""
        start, end, _ = self.tokens[index]
        if self.masked[position:start].strip():
            return ""
        return self.text[slice(*self.folded.original_span(start, end))]

    def _word_before(self, position: int) -> str:
        """The word just before ``position``, as written, if only spaces separate them."""
        index = bisect.bisect_left(self.token_starts, position) - 1
        if index < 0:
            return ""
        start, end, _ = self.tokens[index]
        if self.masked[end:position].strip():
            return ""
        return self.text[slice(*self.folded.original_span(start, end))]

    def _names(self, refs: list[_Ref]) -> list[_Ref]:
        """Capitalised words that are neither the first of a sentence nor ordinary words: names
        of people and organisations (CNAF, OpenFisca, Lyon), unless linked to the team."""
        text = self.text
        capitalised = list(_CAPITALISED.finditer(text))
        if sum(len(m.group()) > 1 and m.group().isupper() for m in capitalised) > 0.6 * len(self.tokens):
            return []  # shouting: capitals say nothing
        origin = self.folded.origin
        found = []
        for match in capitalised:
            start = bisect.bisect_left(origin, match.start()) if origin else match.start()
            end = bisect.bisect_left(origin, match.end()) if origin else match.end()
            word = self.folded.text[start:end]
            if len(word) < 2 or word in _CAPS_STOP or word in self.check.known_words:
                continue
            if self.masked[start:end].isspace() or any(r.start <= start < r.end for r in refs):
                continue
            first = not _WORD.search(self.masked, self.sentence(start)[0], start)
            if first and not _name_like(match.group()):
                continue  # the first word of a sentence, unless written as a name: DossierFacile, CNAF
            found.append(_Ref(start, end, self._member(end, refs)))
        return found

    def _member(self, end: int, refs: list[_Ref]) -> str:
        """"Inès, de l'équipe Mes Aides", "Ines from the Mes Aides team": one of the team."""
        for ref in refs:
            if ref.kind != "team" or not 0 <= ref.start - end < 40:
                continue
            same = self.sentence(ref.start) == self.sentence(end - 1)  # not "…DossierFacile. Mes Aides"
            if same and _GAP_BREAKS.isdisjoint(self.masked[end : ref.start]) \
                    and set(self._words(end, ref.start)) <= _MEMBER_LINKS:
                return "team"
        return "other"

    # --- judging ------------------------------------------------------------------------------

    def _window(self, position: int, count: int) -> int:
        """Where the clause of ``position`` starts, at most ``count`` words back."""
        start = self.sentence(position)[0]
        for cut in _CLAUSE.finditer(self.masked, start, position):
            start = cut.end()
        for caveat in self.of("caveat"):  # "… mais vous êtes top": a new clause
            if start <= caveat.start and caveat.end <= position:
                start = caveat.end
        index = bisect.bisect_left(self.token_starts, position)
        first = max(0, index - count)
        for back in range(index - 1, first - 1, -1):  # "je ne m'attendais à rien et…"
            if self.tokens[back][2] in _COORDINATION:
                first = back + 1
                break
        if first < index:
            start = max(start, self.token_starts[first])
        return start

    def negated(self, match: _Match, count: int = 5) -> bool:
        return self._inside(self.of("negation"), self._window(match.start, count), match.start)

    def _undone(self, repair: _Match) -> bool:
        """"toujours pas réglé", "still no fix": a repair that did not happen; "m'a trouvé 0 €":
        a help that did not help."""
        if self._inside(self.of("negation", "failure"), self._window(repair.start, 3), repair.start):
            return True
        return repair.category == "rescue" and any(
            0 <= m.start - repair.end and len(self._words(repair.end, m.start)) <= 2
            for m in self.of("failure"))

    @cached_property
    def sarcastic(self) -> bool:
        """Praise next to a failure, an insult or an eye-roll is mockery, not praise."""
        if self.of("sarcasm", "mismatch"):
            return True  # "merci pour rien"; "le simulateur m'annonce 800 € et la CAF m'en verse 12"
        praise = [m for m in self.matches if m.category not in SIGNALS]
        for quoted in _SCARE_QUOTES.finditer(self.masked):
            if any(quoted.start() < m.start and m.end < quoted.end() for m in praise):
                return True
        for match in [*self.of("failure", "hostile"), *self._lacks()]:
            sentence = self.sentence(match.start)
            if any(sentence[0] <= m.start < match.start for m in self.of("rebuttal")):
                continue  # "qui a dit que les sites publics étaient lents ?": the doubt answered
            if self.negated(match, 4):
                continue  # "sans bug", "vous n'êtes pas des feignasses"
            if self._inside(self.of("contrast"), self._window(match.start, 12), match.start) or (
                    match.category == "hostile"
                    and self._inside(self.of("contrast"), sentence[0], match.start)):
                continue  # "pas comme ces abrutis de la préfecture", "pas comme la conseillère
                # de mon agence, une incompétente": aimed elsewhere
            if match.category == "hostile" and (self._named_beside(match) or any(
                    low <= match.start < high for low, high in self.lesser)):
                continue  # "alors que les bras cassés de ma mairie m'ont baladée", "Mes Aides >
                # la CAF et ses guichetiers incompétents": someone else
            if match.category != "hostile" and any(
                    sentence[0] <= m.start < sentence[1] and not self._undone(m)
                    for m in self.of("repair", "expectation", "rescue")):
                continue  # "bug signalé à 9 h, corrigé à 10 h", "je m'attendais à une usine à gaz",
                # "j'étais en galère, Mes Aides m'a trouvé 300 €"
            # (Whom a quotation names is not whom the sentence is about: "pour finir par
            # « contactez votre CAF »".)
            begin = sentence[0]
            index = self.sentences.index(sentence)
            if match.category == "hostile" and index and self.sentences[index - 1][2][:1] == "?" \
                    and len(self._words(*self.sentences[index - 1][:2])) <= 3:
                begin = self.sentences[index - 1][0]  # "Les autres ? Des usines à gaz…": its topic
            inside = {r.kind for r in self.refs if begin <= r.start < sentence[1]
                      and not any(low < r.start < high for low, high in self._quotations)}
            if "other" in inside and "team" not in inside:
                continue  # "les potes en galère": not about us
            return True
        return False

    @cached_property
    def _quotations(self) -> list[tuple[int, int]]:
        return [m.span() for m in _QUOTATION.finditer(self.masked)] if not self.masked.isascii() or '"' in self.masked else []

    def _named_beside(self, match: _Match) -> bool:
        """An insult with someone other than the team named right after it ("les bras cassés de
        ma mairie", "the clowns at the council") or right before it ("la préfecture, ces
        incapables"): aimed at them."""
        sentence = self.sentence(match.start)
        after = [r for r in self.refs if match.end <= r.start < sentence[1]]
        if after and len(self._words(match.end, after[0].start)) <= 3:
            return after[0].kind == "other"
        before = [r for r in self.refs if sentence[0] <= r.start and r.end <= match.start]
        if before and len(self._words(before[-1].end, match.start)) <= 2:
            return before[-1].kind == "other"
        return False

    def _lacks(self) -> list[_Match]:
        """A failure told as a lack: "plus de simulateur depuis 3 jours", "can't log in since
        Monday", "impossible de se connecter": something missing, with how long it has lasted or
        what it prevents. ("Plus de 3 jours" is "more than"; "can't thank them enough" lasts no
        time and prevents nothing.)"""
        found = []
        for match in self.of("deprivation"):
            sentence = self.sentence(match.start)
            following = self._words(match.end, sentence[1])
            if following[:1] and following[0].isdigit():
                continue
            lasting = self._inside(self.of("duration"), sentence[0], sentence[1]) or _LASTING.search(
                self.masked, sentence[0], sentence[1]) is not None
            prevents = any(0 <= m.start - match.end and len(self._words(match.end, m.start)) <= 1
                           for m in self.of("usage"))
            if lasting or prevents:
                found.append(match)
        return found

    @cached_property
    def partner_sentences(self) -> set[Sentence]:
        """Sentences whose thank-you or bravo goes to someone else: they are about that partner."""
        found = set()
        for match in self.matches:
            if match.category in _DIRECTED:
                sentence = self.sentence(match.start)
                kinds = {r.kind for r in self._recipient(match, sentence)}
                if "other" in kinds and "team" not in kinds:
                    found.add(sentence)
        return found

    def _recipient(self, match: _Match, sentence: Sentence) -> list[_Ref]:
        """Who a thank-you or a bravo goes to: the names that follow it, up to "pour", "for"...;
        and a second recipient joined after that ("Félicitations @betagouv pour cette promo, et
        tout particulièrement à l'équipe Mes Aides")."""
        found = self._recipients_from(match.end, sentence)
        tokens = self.tokens
        index = bisect.bisect_left(self.token_starts, match.end)
        for position in range(index + 1, len(tokens)):
            start, end, word = tokens[position]
            if start >= sentence[1]:
                break
            if word in _TO_RECIPIENT and any(
                    tokens[back][2] in _ALSO for back in range(max(index, position - 3), position)):
                found += [r for r in self._recipients_from(end, sentence) if r not in found]
                break
        return found

    def _recipients_from(self, position: int, sentence: Sentence) -> list[_Ref]:
        end = sentence[1]
        index = bisect.bisect_left(self.token_starts, position)
        crew = False  # "le simulateur de la CAF": whose simulator follows "de"
        for count, (start, _, word) in enumerate(self.tokens[index:], 1):
            if start >= sentence[1]:
                break
            if crew and word in _QUALIFIER:
                crew = False
                continue
            if word in _RECIPIENT_STOP or count > 10:
                end = start
                break
            crew = any(r.start == start and r.kind == "crew" for r in self.refs)
        aside = self.masked.find("(", position, end)  # "Kudos to their devs (@mesaides is plugged in)"
        if aside >= 0:
            end = aside
        return [r for r in self.refs if position <= r.start < end]

    def target(self, match: _Match) -> _Ref | None:
        """The reference to the team that ``match`` praises; None if it praises someone else, or
        nobody known to be the team."""
        if match.category == "comparative" or (match.category == "superiority" and match.start in self.compared):
            return self.compared.get(match.start)  # "la CAF < Mes Aides": the greater side
        sentence = self.sentence(match.start)
        if not _WORD.search(self.masked, sentence[0], match.start) and match.end - match.start <= 2:
            index = self.sentences.index(sentence)
            if index and self.sentences[index - 1][2][:1] in ("!", ".", "…"):
                # An emoji opening a sentence closes the one before: "…pour son prix ! 🎉 (et…".
                sentence = self.sentences[index - 1]
        if sentence in self.partner_sentences and match.category not in _DIRECTED:
            return None  # "merci à Etalab pour ces données, super utiles à Mes Aides"
        if self._aside(match) and self.partner_sentences:
            return None  # "Félicitations à l'équipe X ! (et merci à @mesaides pour le module)"
        if match.category == "delight" and self._feels(match, sentence):
            return None  # "Mes Aides est ravi du partenariat": the team's joy, not praise of it
        refs = self.refs
        if match.category in _DIRECTED:
            recipient = self._recipient(match, sentence)
            team = [r for r in recipient if r.kind == "team"]
            if team:
                return team[0]
            if any(r.kind == "other" for r in recipient) or self._elsewhere(recipient):
                return None
            index = self.sentences.index(sentence)
            if not recipient and index and self.sentences[index - 1] in self.partner_sentences:
                return None  # "Bravo à DossierFacile ! Et merci pour le partage avec Mes Aides"
        elif sentence in self.partner_sentences:
            return None  # "merci à Etalab pour ces données, super utiles à Mes Aides"
        inside = [r for r in refs if sentence[0] <= r.start < sentence[1]]
        if match.category in ("recommendation", "recommendation-weak"):
            inside = [r for r in inside if not self._audience(match, r)]
        team = [r for r in inside if r.kind == "team"]
        before = [r.kind for r in inside if r.start < match.start and r.kind in ("team", "other")]
        if team and (not before or "team" in before):
            return team[0]
        if any(r.kind == "other" for r in inside):
            return None  # "les équipes de la CAF ont fait un travail remarquable pour Mes Aides"
        if self._elsewhere(inside):
            return None
        if self.team_anywhere and not self._inside(self.of("information"), sentence[0], sentence[1]):
            # A sentence that names nobody ("Pépite absolue.") praises what the text is about;
            # one that carries news ("Fermeture exceptionnelle lundi.") does not.
            return next(r for r in refs if r.kind == "team")
        if self.check.profile and not self.other_anywhere:
            addressed = [r for r in inside if r.kind in ("you", "crew")]
            if addressed:  # "vous êtes top", "l'équipe", "le simulateur", nobody else named
                return addressed[0]
        return None

    def _aside(self, match: _Match) -> bool:
        """Whether ``match`` stands in brackets: an aside to what the text says."""
        opening = self.masked.rfind("(", 0, match.start)
        return opening >= 0 and self.masked.find(")", opening, match.start) < 0

    def _feels(self, match: _Match, sentence: Sentence) -> bool:
        before = [r for r in self.refs if sentence[0] <= r.end <= match.start and r.kind in ("team", "crew")]
        return bool(before) and set(self._words(before[-1].end, match.start)) <= _FEELS

    def _elsewhere(self, refs: list[_Ref]) -> bool:
        """"DossierFacile passe le cap… (lien vers Mes Aides). Bravo à toute l'équipe !": "the
        team", "le simulateur" belong to whom the text is about, and that is someone else."""
        return self.topic == "other" and any(r.kind == "crew" for r in refs)

    def _audience(self, match: _Match, ref: _Ref) -> bool:
        """"je le conseille à tous mes élèves de BTS": whom a recommendation is made to."""
        if ref.kind != "other" or ref.start < match.end:
            return False
        return any(word in _TO for word in self._words(match.end, ref.start))

    def verdict(self) -> _Verdict | None:
        praise = [m for m in self.matches if m.category not in SIGNALS]
        if not praise or self.sarcastic:
            return None
        kept: list[tuple[_Match, float, _Ref]] = []
        for match in praise:
            if not self._stands(match):
                continue
            ref = self.target(match)
            if ref is None:
                continue
            weight = match.entry["weight"]
            if match.category in _INTENSIFIABLE and self._intensified(match):
                weight *= 2
            elif match.end - match.start <= 2 and self._repeated(match):
                weight *= 2  # "❤️❤️", "👏👏👏": a repeated emoji insists
            kept.append((match, weight, ref))
        if not kept:
            return None
        weights: dict[str, float] = {}
        for match, weight, _ in kept:
            term = match.entry["term"]
            weights[term] = max(weights.get(term, 0.0), weight)
        score = sum(weights.values())
        if score < self.check.options.min_score:
            return None
        if self._residue({self.sentence(m.start) for m, _, _ in kept}) > score:
            return None  # the main point is the information; the praise is in passing
        return self._values(kept, score)

    def _stands(self, match: _Match) -> bool:
        """Whether a praise cue says what it says: not asked, denied, wished or taken back."""
        sentence = self.sentence(match.start)
        # "Pourquoi tous les sites ne sont pas comme ça ?": a wish asked as a question.
        rhetorical = match.category in _WISHFUL and (
            match.category == "rebuttal" or self._rhetorical(sentence))
        if "?" in sentence[2] and "!" not in sentence[2] and not rhetorical:
            return False  # "quelqu'un peut me recommander… ?": asking, not praising
        if match.category in ("comparative", "proof") and self._inside(
                self.of("information"), sentence[0], sentence[1]):
            return False  # "more about tools like Mes Aides at the webinar", "le rapport montre que"
        if match.category == "proof" and not self._proven(match):
            return False  # "la preuve que" praises with what it proves can be done
        if match.category == "rebuttal" and len(self._words(sentence[0], match.start)) > 2:
            return False  # "Marie, who said Mes Aides helped her": reported, not a rebuttal
        if match.category not in ("litotes", "comparative", "rebuttal"):
            # (An emoji comments the whole sentence: "…que je connaissais même pas 🔥".)
            if self.negated(match) and not rhetorical and _WORD.search(self.masked, match.start, match.end) and not (
                    match.category in _VERBAL and _DEGREE.search(self.masked, sentence[0], sentence[1])):
                return False  # "n'est pas génial", but "je ne dirai jamais assez merci"
            if match.category not in _WISHFUL and self._inside(
                    self.of("conditional"), self._window(match.start, 3), match.start):
                return False  # "ce serait super que…", but "ça devrait être la norme"
            if self._inside(self.of("negation-scope"), sentence[0], match.start):
                return False  # "on ne peut pas dire que ce soit une réussite"
        if self._caveat_after(match):
            return False
        if match.entry["term"] == "🔥" and self._inside(self.of("literal"), sentence[0], sentence[1]):
            return False  # a real fire
        return True

    def _rhetorical(self, sentence: Sentence) -> bool:
        index = bisect.bisect_left(self.token_starts, sentence[0])
        return any(word in _WHY for _, _, word in self.tokens[index : index + 2])

    def _proven(self, match: _Match) -> bool:
        """"la preuve qu'on peut faire simple", "l'administration peut : Mes Aides en est la
        preuve": something shown possible, in the sentence or the one before."""
        sentence = self.sentence(match.start)
        index = self.sentences.index(sentence)
        start = self.sentences[index - 1][0] if index else sentence[0]
        return any(start <= m.start < sentence[1] and not self.negated(m, 3) for m in self.of("capability"))

    def _intensified(self, match: _Match) -> bool:
        """"très clair", "so kind"; and "c'est top", "vous êtes top", "it's great": a weak
        compliment said of something rather than of a noun ("super nouvelle", "great article")."""
        categories = ("intensifier",)
        if match.category == "compliment-weak":
            categories += ("copula", "addressee")
        before = [m for m in self.of(*categories) if m.end <= match.start]
        return bool(before) and not self.masked[before[-1].end : match.start].strip(" '-")

    def _repeated(self, match: _Match) -> bool:
        following = self.masked[match.end : match.end + 3].translate(_EMOJI_NOISE)
        return following[:1] == self.masked[match.start]

    def _caveat_after(self, match: _Match) -> bool:
        """"pas mauvais, mais il ne remplacera jamais…", "merci. Par contre, toujours pas réglé":
        the point is after the caveat."""
        for caveat in self.of("caveat"):
            if match.end <= caveat.start:
                end = self.sentence(caveat.start)[1]
                signals = self.of("negation", "failure", "complaint", "hostile", "negation-scope")
                return self._inside(signals, caveat.end, end)
        return False

    def _residue(self, praised: set[Sentence]) -> float:
        """The information of the sentences without praise: what is left once the praise is
        out. Links and words such as "article" or "today" only add to information found there:
        alone they point at the praise itself (« la pépite méconnue de l'État » : notre article)."""
        information = pointers = 0.0
        seen: set[str] = set()
        timed = False
        for sentence in self.sentences:
            if sentence in praised:
                continue
            start, end = sentence[0], sentence[1]
            for match in self.of("information", "pointer"):
                term = match.entry["term"]
                if start <= match.start < end and term not in seen:
                    seen.add(term)
                    if match.category == "information":
                        information += match.entry["weight"]
                    else:
                        pointers += match.entry["weight"]
            if not timed and _TIME.search(self.masked, start, end):
                timed = True  # a date or an hour, counted once
                information += 1
        for url_start, url_end in self.urls:
            path = self.folded.text[url_start:url_end].split("//", 1)[-1].rstrip("/")
            if "/" in path and self.sentence(url_start) not in praised:
                pointers += 0.5  # a link to a page, not to a home page
        return information + pointers if information else 0.0

    def _values(self, kept: list[tuple[_Match, float, _Ref]], score: float) -> _Verdict:
        folded, text = self.folded, self.text

        def written(start: int, end: int) -> str:
            return text[slice(*folded.original_span(start, end))]

        first = min(kept, key=lambda item: item[0].start)[0]
        start, end = folded.original_span(first.start, first.end)
        praise = dict.fromkeys(written(m.start, m.end) for m, _, _ in kept)
        # (?): no team profile, or only "vous êtes", "l'équipe", "le simulateur": a guess.
        guess = " (?)" if not self.check.profile else ""
        targets = dict.fromkeys(
            written(ref.start, ref.end) + (" (?)" if ref.kind in ("you", "crew") else guess)
            for _, _, ref in kept)
        cues = [f"{written(m.start, m.end)} ({m.category})" for m, _, _ in kept]
        cues += [f"{target} (team)" for target in targets]
        return start, end, {"praise": ", ".join(praise), "target": ", ".join(targets),
                            "cues": ", ".join(dict.fromkeys(cues)), "score": round(score, 2)}


def _index(entries: list[Entry]) -> dict[str, Any]:
    """The check's look-up tables, built from its entries when the rule is read (and cached)."""
    # Phrases indexed by their first word, matched word by word on the text's words; forms
    # with symbols ("10/10", "#sarcasme") by regex; emoji by their first character, without
    # variation selector or skin tone.
    phrases: dict[str, _Candidates] = {}
    symbolic: list[tuple[str, Entry]] = []  # (pattern, entry)
    by_char: dict[str, list[Entry]] = {}
    praise_words: set[str] = set()
    praise_chars: set[str] = set()
    singles = {form for entry in entries if entry["category"] not in SIGNALS
               for form in entry["forms"] if _WORD.fullmatch(form)}
    for entry in entries:
        praise = entry["category"] not in SIGNALS
        for form in entry["forms"]:
            words = tuple(_WORD.findall(form))
            if not words:
                char = form.translate(_EMOJI_NOISE)[:1]
                if char:
                    by_char.setdefault(char, []).append(entry)
                    if praise:
                        praise_chars.add(char)
                continue
            if _GAP in form:  # "puts … to shame": up to three words in between
                head, _, tail = form.partition(_GAP)
                head_words, tail_words = tuple(_WORD.findall(head)), tuple(_WORD.findall(tail))
                if praise:
                    praise_words.add(next((w for w in words if w in singles), None) or _key(words))
                _one_word, longer = phrases.setdefault(head_words[0], ([], {}))
                longer.setdefault(_GAP, []).append(((head_words, tail_words), entry))
                continue
            if _SYMBOLIC.search(form):
                body = r"\s*".join(re.escape(part) for part in form.split())
                symbolic.append((rf"(?<!\w){body}(?!\w)", entry))
                continue
            if praise:  # the prefilter's key: a praise word of the form, else its rarest
                praise_words.add(next((w for w in words if w in singles), None) or _key(words))
            one_word, longer = phrases.setdefault(words[0], ([], {}))
            if len(words) == 1:
                one_word.append(entry)
            else:
                longer.setdefault(words[1], []).append((words, entry))
    return {
        "phrases": phrases, "symbolic": symbolic, "by_char": by_char,
        "praise_words": frozenset(praise_words), "praise_chars": frozenset(praise_chars),
        # One-word praise that hashtags glue to other words: #MerciMesAides, #ThankYouMesAides.
        # Each key's entry is pickled apart (see pack): without its forms, which may be thousands.
        "tag_praise": {glued: slim for entry in entries if entry["category"] not in SIGNALS
                       for slim in ({key: value for key, value in entry.items() if key != "forms"},)
                       for glued in (form.replace(" ", "") for form in entry["forms"])
                       if len(glued) >= 5 and _WORD.fullmatch(glued)},
        # Words without which no praise can be about the team: "vous êtes", "l'équipe", "le
        # simulateur" (the team's names and handles are added by _team_setup).
        "product_words": frozenset(
            form for entry in entries if entry["category"] == "product-words"
            for form in entry["forms"] if _WORD.fullmatch(form)),
        "target_words": frozenset(
            _key(_WORD.findall(form)) for entry in entries
            if entry["category"] in ("addressee", "team-words", "product-words")
            for form in entry["forms"] if _WORD.search(form)),
        # The comparative's parts, for the prefilter.
        "comparison_words": _keys(entries, "comparison"),
        "comparand_words": _keys(entries, "comparand"),
        "symbol_chars": frozenset(char for entry in entries for form in entry["forms"]
                                  if _WORD.search(form) and _GAP not in form for char in _SYMBOLIC.findall(form)),
        # One search for all the praise written with symbols, when the text has such a symbol.
        "praise_symbolic": "|".join(source for source, entry in symbolic if entry["category"] not in SIGNALS),
        "praise_symbols": frozenset(
            char for entry in entries if entry["category"] not in SIGNALS
            for form in entry["forms"] if _WORD.search(form) and _GAP not in form
            for char in _SYMBOLIC.findall(form)),
    }


def _name_like(word: str) -> bool:
    """A capitalised word that is a name even at the start of a sentence: a capital inside
    (DossierFacile, OpenFisca) or an acronym (CAF, DINUM)."""
    if word.isupper():
        return 2 <= len(word) <= 6
    return any(char.isupper() for char in word[1:])


def _keys(entries: list[Entry], category: str) -> frozenset[str]:
    """A word without which each form of ``category`` cannot be found (see _key)."""
    return frozenset(_key(words) for entry in entries if entry["category"] == category
                     for words in (_WORD.findall(form) for form in entry["forms"]) if words)


def _key(words: list[str] | tuple[str, ...]) -> str:
    """The word a phrase cannot be found without that is likely the rarest: its longest that is
    not a common word (the last of equals). "le meilleur" -> "meilleur", "merci encore" ->
    "merci"."""
    rare = [word for word in words if word not in _COMMON] or list(words)
    return max(reversed(rare), key=len)


def _joined(text: str, end: int, start: int) -> bool:
    """Whether the words ending at ``end`` and starting at ``start`` belong to one phrase: only
    spaces, apostrophes or hyphens between them ("merci. Pour" is not "merci pour")."""
    gap = text[end:start]
    return gap == " " or not gap.strip(" '-")


def _squeeze(text: str, keep: int) -> tuple[str, list[int]]:
    """``text`` with letters repeated three times or more kept ``keep`` times, and where each
    character came from."""
    pieces: list[str] = []
    origin: list[int] = []
    position = 0
    for match in _ELONGATED.finditer(text):
        pieces.append(text[position : match.start()])
        origin.extend(range(position, match.start()))
        pieces.append(match.group(1) * keep)
        origin.extend([match.start()] * (keep - 1) + [match.end() - 1])
        position = match.end()
    pieces.append(text[position:])
    origin.extend(range(position, len(text)))
    origin.append(len(text))
    return "".join(pieces), origin
