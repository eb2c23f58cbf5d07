"""`socialrules init`: the guideline's BuzzForm as a questionnaire, written as a commented
socialrules.toml that `socialrules check` then reads.

The BuzzForm asks a team to pin down its strategy: the networks it uses, who it speaks to,
what for, how often, its editorial line and its tone. The answers fill the configuration's
[team] (names, own accounts, allies, publishing tools, the communication service's contact),
[limits] (the Mastodon instance's length limit) and [strategy] tables. Every question has a
command-line flag, so that a script can answer them all with --no-input.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .errors import SocialrulesError

PLATFORMS = ("twitter", "mastodon")
DEFAULT_TOOLS = ("TweetDeck",)
DEFAULT_MASTODON_LIMIT = 500


@dataclass
class Answers:
    """The BuzzForm's answers; ``None`` or empty for a question left blank."""

    lang: str = "en"
    names: list[str] = field(default_factory=list)
    platforms: list[str] = field(default_factory=lambda: list(PLATFORMS))
    accounts: dict[str, list[str]] = field(default_factory=dict)
    """The team's own accounts, per platform."""
    allies: list[str] = field(default_factory=list)
    tools: list[str] = field(default_factory=lambda: list(DEFAULT_TOOLS))
    comms_contact: str | None = None
    mastodon_limit: int | None = DEFAULT_MASTODON_LIMIT
    cadence: dict[str, float] = field(default_factory=dict)
    """Posts planned per week, per platform."""
    audiences: list[str] = field(default_factory=list)
    goals: list[str] = field(default_factory=list)
    editorial_line: str | None = None
    tone: str | None = None


# --- the questions and the comments, in both languages ----------------------------------------

_TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "intro": "The guideline's BuzzForm helps you set out your social-media strategy: where you "
                 "publish, who you speak to, what for, how often and in what tone. Press Enter to keep "
                 "the answer in brackets; give lists separated by commas, \"-\" for none. The answers "
                 "go to {path}, which `socialrules check` then reads.",
        "names": "Names of the team and its products (how people call you)",
        "platforms": "Platforms you publish on (twitter, mastodon)",
        "accounts.twitter": "Your own Twitter accounts (@user)",
        "accounts.mastodon": "Your own Mastodon accounts (@user@instance)",
        "mastodon_limit": "Most characters a post may have on your Mastodon instance",
        "allies": "Accounts and domains of your ecosystem (@handle, @user@instance, *.gouv.fr, *@instance)",
        "tools": "Publishing tools the team approved",
        "comms_contact": "How to reach the communication service (e-mail address, name)",
        "cadence.twitter": "Posts planned per week on Twitter (empty: none planned)",
        "cadence.mastodon": "Posts planned per week on Mastodon (empty: none planned)",
        "audiences": "Who are your posts for (audiences)",
        "goals": "What do you want from your accounts (goals)",
        "editorial_line": "Your editorial line: what you publish, and why",
        "tone": "Your tone: the style you adopt, the content you prefer",
        "written": "Wrote {path}. `socialrules check` now uses it; edit it as your strategy changes.",
        "send": "The guideline asks you to send your BuzzForm to the communication service{contact}: "
                "it helps them plan institutional campaigns and press announcements with you.",
        "exists": "already exists; use --force to overwrite it, or --output to write elsewhere",
        "bad_twitter": "{value!r} is not a Twitter account: @ then 1 to 15 letters, digits or _",
        "bad_mastodon": "{value!r} is not a Mastodon account: @user@instance.example",
        "bad_platform": "{value!r} is not a platform (twitter, mastodon)",
        "no_platform": "name at least one platform",
        "bad_number": "{value!r} is not a number of posts per week (0 or more)",
        "bad_limit": "{value!r} is not a number of characters (a whole number, 1 or more)",
        "bad_text": "invalid characters (not UTF-8)",
        "bad_item": "{value!r} has a space in it; separate items with commas",
        # the file's comments
        "c.head": "socialrules configuration, written by `socialrules init` from the answers to the\n"
                  "guideline's BuzzForm. `socialrules check` finds it in this folder or any folder below.\n"
                  "Every key is optional: edit, add or remove any of them. Unknown keys are errors.",
        "c.lang": "Language of the findings' messages: \"fr\" or \"en\".",
        "c.platforms": "Where the team publishes: \"twitter\", \"mastodon\". Drafts are checked for each.",
        "c.fail_on": "The least severe finding that makes `socialrules check` fail (exit status 1):\n"
                     "\"error\", \"warning\", \"info\" (the default) or \"never\".",
        "c.rule_dirs": "Folders of the team's own rules (one YAML file a rule), relative to this file.",
        "c.limits": "Length limits. Mastodon's is the instance's own (its\n"
                    "configuration.statuses.max_characters, 500 unless the instance raised it).",
        "c.team": "Who the team is: the guideline's rules compare posts and accounts with it.",
        "c.names": "How people name the team and its products.",
        "c.accounts": "The team's own accounts: @user on Twitter, @user@instance on Mastodon.",
        "c.allies": "Accounts and domains of the ecosystem (members, partners): @handle, @user@instance,\n"
                    "*.gouv.fr (a domain and its subdomains), *@instance (every account there).",
        "c.tools": "The publishing tools the team approved: every post goes through one of them.",
        "c.comms_contact": "How to reach the communication service; findings that call for it\n"
                           "(bad buzz, a journalist, an event or campaign request) quote it.",
        "c.accounts_table": "When an account's audience is a cue of influence (influencer-follow):\n"
                            "the guideline asks to follow the ecosystem, not influencers.",
        "c.followers": "At least this many followers is a cue.",
        "c.ratio": "At least this many followers per account followed is a cue...",
        "c.ratio_min_followers": "... for accounts with at least this many followers.",
        "c.strategy": "The team's strategy, as the BuzzForm defines it. Refer to it when in doubt.",
        "c.audiences": "Who the posts are for.",
        "c.goals": "What the team wants from its accounts, and how they serve the project.",
        "c.editorial_line": "The editorial line: what the team publishes, and why.",
        "c.tone": "The tone: the style the team adopts, the content it prefers.",
        "c.cadence": "Posts planned per week, per platform.",
    },
    "fr": {
        "intro": "Le BuzzForm de la règle d'usage vous aide à définir votre stratégie sur les réseaux "
                 "sociaux : où vous publiez, à qui vous vous adressez, dans quel but, à quelle fréquence "
                 "et sur quel ton. Entrée garde la réponse entre crochets ; séparez les éléments d'une "
                 "liste par des virgules, « - » pour aucun. Les réponses vont dans {path}, que "
                 "`socialrules check` lit ensuite.",
        "names": "Noms de l'équipe et de ses produits (comment on vous appelle)",
        "platforms": "Réseaux où vous publiez (twitter, mastodon)",
        "accounts.twitter": "Vos comptes Twitter (@compte)",
        "accounts.mastodon": "Vos comptes Mastodon (@compte@instance)",
        "mastodon_limit": "Nombre maximal de caractères d'un post sur votre instance Mastodon",
        "allies": "Comptes et domaines de votre écosystème (@compte, @compte@instance, *.gouv.fr, *@instance)",
        "tools": "Outils de publication validés par l'équipe",
        "comms_contact": "Comment joindre le service communication (adresse e-mail, nom)",
        "cadence.twitter": "Posts prévus par semaine sur Twitter (vide : aucun prévu)",
        "cadence.mastodon": "Posts prévus par semaine sur Mastodon (vide : aucun prévu)",
        "audiences": "À qui s'adressent vos posts (publics)",
        "goals": "Qu'attendez-vous de vos comptes (objectifs)",
        "editorial_line": "Votre ligne éditoriale : ce que vous publiez, et pourquoi",
        "tone": "Votre ton : le style que vous adoptez, les contenus que vous préférez",
        "written": "{path} écrit. `socialrules check` l'utilise désormais ; modifiez-le quand votre "
                   "stratégie évolue.",
        "send": "La règle d'usage demande d'envoyer votre BuzzForm au service communication{contact} : "
                "cela l'aide à prévoir avec vous campagnes institutionnelles et annonces à la presse.",
        "exists": "existe déjà ; --force pour l'écraser, ou --output pour écrire ailleurs",
        "bad_twitter": "{value!r} n'est pas un compte Twitter : @ puis 1 à 15 lettres, chiffres ou _",
        "bad_mastodon": "{value!r} n'est pas un compte Mastodon : @compte@instance.exemple",
        "bad_platform": "{value!r} n'est pas un réseau (twitter, mastodon)",
        "no_platform": "indiquez au moins un réseau",
        "bad_number": "{value!r} n'est pas un nombre de posts par semaine (0 ou plus)",
        "bad_limit": "{value!r} n'est pas un nombre de caractères (entier, 1 ou plus)",
        "bad_text": "caractères invalides (pas de l'UTF-8)",
        "bad_item": "{value!r} contient une espace ; séparez les éléments par des virgules",
        "c.head": "Configuration de socialrules, écrite par `socialrules init` à partir des réponses au\n"
                  "BuzzForm de la règle d'usage. `socialrules check` la trouve dans ce dossier et ses\n"
                  "sous-dossiers. Toutes les clés sont facultatives : modifiez, ajoutez ou retirez-en.\n"
                  "Une clé inconnue est une erreur.",
        "c.lang": "Langue des messages : \"fr\" ou \"en\".",
        "c.platforms": "Où l'équipe publie : \"twitter\", \"mastodon\". Les brouillons sont vérifiés pour chacun.",
        "c.fail_on": "La gravité à partir de laquelle `socialrules check` échoue (code de sortie 1) :\n"
                     "\"error\", \"warning\", \"info\" (par défaut) ou \"never\".",
        "c.rule_dirs": "Dossiers des règles propres à l'équipe (un fichier YAML par règle), relatifs à ce fichier.",
        "c.limits": "Limites de longueur. Celle de Mastodon est celle de votre instance (son\n"
                    "configuration.statuses.max_characters, 500 sauf si l'instance l'a relevée).",
        "c.team": "Qui est l'équipe : les règles d'usage y comparent les posts et les comptes.",
        "c.names": "Comment on nomme l'équipe et ses produits.",
        "c.accounts": "Les comptes de l'équipe : @compte sur Twitter, @compte@instance sur Mastodon.",
        "c.allies": "Comptes et domaines de l'écosystème (membres, partenaires) : @compte, @compte@instance,\n"
                    "*.gouv.fr (un domaine et ses sous-domaines), *@instance (tous les comptes de l'instance).",
        "c.tools": "Les outils de publication validés : chaque post passe par l'un d'eux.",
        "c.comms_contact": "Comment joindre le service communication ; les constats qui demandent de le\n"
                           "saisir (bad buzz, journaliste, demande d'événement ou de campagne) le citent.",
        "c.accounts_table": "Quand l'audience d'un compte est un indice d'influence (influencer-follow) :\n"
                            "la règle d'usage demande de suivre l'écosystème, pas les influenceurs.",
        "c.followers": "Au moins ce nombre d'abonnés est un indice.",
        "c.ratio": "Au moins ce nombre d'abonnés par compte suivi est un indice...",
        "c.ratio_min_followers": "... pour les comptes d'au moins ce nombre d'abonnés.",
        "c.strategy": "La stratégie de l'équipe, telle que le BuzzForm la définit. Référez-vous-y en cas de doute.",
        "c.audiences": "À qui s'adressent les posts.",
        "c.goals": "Ce que l'équipe attend de ses comptes, et comment ils servent le projet.",
        "c.editorial_line": "La ligne éditoriale : ce que l'équipe publie, et pourquoi.",
        "c.tone": "Le ton : le style adopté, les contenus préférés.",
        "c.cadence": "Posts prévus par semaine, par réseau.",
    },
}


def texts(lang: str) -> dict[str, str]:
    return _TEXTS.get(lang, _TEXTS["en"])


# --- parsing answers (from a prompt or a flag); each raises ValueError with a message --------------

_TWITTER = re.compile(r"@?([A-Za-z0-9_]{1,15})")
_MASTODON = re.compile(r"@?([A-Za-z0-9_][A-Za-z0-9_.-]*)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")


def _text(value: str, lang: str) -> str:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # undecodable terminal bytes arrive as lone surrogates
        raise ValueError(texts(lang)["bad_text"]) from None
    return " ".join(value.split())


def parse_list(value: str | list[str] | tuple[str, ...], lang: str) -> list[str]:
    """Items separated by commas (a flag may be repeated too), trimmed, blanks and repeats dropped;
    a lone "-" is the empty list (to clear a default such as TweetDeck)."""
    if isinstance(value, str) and value.strip() == "-":
        return []
    parts = value.split(",") if isinstance(value, str) else [p for v in value for p in v.split(",")]
    items: list[str] = []
    for part in parts:
        item = _text(part, lang)
        if item and item not in items:
            items.append(item)
    return items


def parse_handles(value, lang: str) -> list[str]:
    """Handles and domains: one word each."""
    items = parse_list(value, lang)
    for item in items:
        if " " in item:
            raise ValueError(texts(lang)["bad_item"].format(value=item))
    return items


def parse_accounts(value, platform: str, lang: str) -> list[str]:
    accounts = []
    for item in parse_list(value, lang):
        if platform == "twitter":
            match = _TWITTER.fullmatch(item)
            if not match:
                raise ValueError(texts(lang)["bad_twitter"].format(value=item))
            accounts.append("@" + match.group(1))
        else:
            match = _MASTODON.fullmatch(item)
            if not match:
                raise ValueError(texts(lang)["bad_mastodon"].format(value=item))
            accounts.append(f"@{match.group(1)}@{match.group(2).lower()}")
    return accounts


def parse_platforms(value, lang: str) -> list[str]:
    platforms = [item.lower() for item in parse_list(value, lang)]
    for platform in platforms:
        if platform not in PLATFORMS:
            raise ValueError(texts(lang)["bad_platform"].format(value=platform))
    if not platforms:
        raise ValueError(texts(lang)["no_platform"])
    return [p for p in PLATFORMS if p in platforms]


def parse_cadence(value: str | float | None, lang: str) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(value.strip().replace(",", ".")) if isinstance(value, str) else float(value)
    except ValueError:
        number = -1.0
    if not math.isfinite(number) or number < 0:
        raise ValueError(texts(lang)["bad_number"].format(value=value))
    return number


def parse_limit(value: str | int, lang: str) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        number = 0
    if number < 1:
        raise ValueError(texts(lang)["bad_limit"].format(value=value))
    return number


def parse_optional_text(value: str | None, lang: str) -> str | None:
    if value is None or value.strip() == "-":
        return None
    return _text(value, lang) or None


# --- the questionnaire ---------------------------------------------------------------------------

Ask = Callable[[str, str, Callable[[str], object]], object]
"""ask(key, default shown, parse) -> the parsed answer; the CLI's is a click prompt."""


def questionnaire(given: dict, lang: str, ask: Ask | None) -> Answers:
    """The answers: each from ``given`` (the flags) when there, else from ``ask``, else the default.

    ``given`` holds raw flag values by Answers field ("accounts.twitter", "cadence.mastodon" for
    the per-platform ones); ``ask`` is None with --no-input.
    """
    answers = Answers(lang=lang)

    def answer(key: str, default: str, parse: Callable[[str], object], fallback):
        if key in given and given[key] not in (None, (), []):
            return parse(given[key])
        if ask is None:
            return fallback
        return ask(key, default, parse)

    answers.names = answer("names", "", lambda v: parse_list(v, lang), [])
    answers.platforms = answer("platforms", ", ".join(PLATFORMS), lambda v: parse_platforms(v, lang),
                               list(PLATFORMS))
    for platform in answers.platforms:
        answers.accounts[platform] = answer(f"accounts.{platform}", "",
                                            lambda v, p=platform: parse_accounts(v, p, lang), [])
    if "mastodon" in answers.platforms:
        answers.mastodon_limit = answer("mastodon_limit", str(DEFAULT_MASTODON_LIMIT),
                                        lambda v: parse_limit(v, lang), DEFAULT_MASTODON_LIMIT)
    else:
        answers.mastodon_limit = None
    answers.allies = answer("allies", "", lambda v: parse_handles(v, lang), [])
    answers.tools = answer("tools", ", ".join(DEFAULT_TOOLS), lambda v: parse_list(v, lang), list(DEFAULT_TOOLS))
    answers.comms_contact = answer("comms_contact", "", lambda v: parse_optional_text(v, lang), None)
    for platform in answers.platforms:
        cadence = answer(f"cadence.{platform}", "", lambda v: parse_cadence(v, lang), None)
        if cadence is not None:
            answers.cadence[platform] = cadence
    answers.audiences = answer("audiences", "", lambda v: parse_list(v, lang), [])
    answers.goals = answer("goals", "", lambda v: parse_list(v, lang), [])
    answers.editorial_line = answer("editorial_line", "", lambda v: parse_optional_text(v, lang), None)
    answers.tone = answer("tone", "", lambda v: parse_optional_text(v, lang), None)
    return answers


# --- the file ------------------------------------------------------------------------------------


def _string(value: str) -> str:
    # A JSON string is a TOML basic string, but for DEL, which TOML wants escaped.
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _array(values: list[str]) -> str:
    return "[" + ", ".join(_string(v) for v in values) + "]"


def _number(value: float) -> str:
    return repr(float(value))


def _comment(text: str) -> list[str]:
    return [f"# {line}" if line else "#" for line in text.splitlines()]


def render(answers: Answers) -> str:
    """The commented socialrules.toml for these answers."""
    t = texts(answers.lang)
    lines = [*_comment(t["c.head"]), ""]

    def key(comment: str, name: str, value: str | None, example: str) -> None:
        lines.extend(_comment(t[comment]))
        lines.append(f"{name} = {value}" if value is not None else f"# {name} = {example}")
        lines.append("")

    key("c.lang", "lang", _string(answers.lang), '"fr"')
    key("c.platforms", "platforms", _array(answers.platforms), '["twitter", "mastodon"]')
    key("c.fail_on", "fail-on", None, '"warning"')
    key("c.rule_dirs", "rule-dirs", None, '["rules"]')

    lines += [*_comment(t["c.limits"]), "[limits]"]
    limit = answers.mastodon_limit
    lines += [f"mastodon = {limit}" if limit is not None else f"# mastodon = {DEFAULT_MASTODON_LIMIT}", ""]

    accounts = [a for platform in PLATFORMS for a in answers.accounts.get(platform, [])]
    lines += [*_comment(t["c.team"]), "[team]"]
    key("c.names", "names", _array(answers.names), '["Mes Aides"]')
    key("c.accounts", "accounts", _array(accounts), '["@mesaides", "@mesaides@social.example"]')
    key("c.allies", "allies", _array(answers.allies), '["@betagouv", "*.gouv.fr", "*@social.numerique.gouv.fr"]')
    key("c.tools", "tools", _array(answers.tools), '["TweetDeck"]')
    contact = answers.comms_contact
    key("c.comms_contact", "comms-contact", _string(contact) if contact else None, '"communication@example.gouv.fr"')

    # The thresholds are commented out with their defaults: a team changes them rarely, and an
    # uncommented copy would no longer follow the defaults.
    from .models import AccountThresholds

    lines += [*_comment(t["c.accounts_table"]), "[accounts]"]
    defaults = AccountThresholds()
    key("c.followers", "followers", None, repr(defaults.followers))
    key("c.ratio", "ratio", None, repr(defaults.ratio))
    key("c.ratio_min_followers", "ratio-min-followers", None, repr(defaults.ratio_min_followers))

    lines += [*_comment(t["c.strategy"]), "[strategy]"]
    key("c.audiences", "audiences", _array(answers.audiences), "[]")
    key("c.goals", "goals", _array(answers.goals), "[]")
    line = answers.editorial_line
    key("c.editorial_line", "editorial-line", _string(line) if line else None, '"..."')
    key("c.tone", "tone", _string(answers.tone) if answers.tone else None, '"..."')

    lines += [*_comment(t["c.cadence"]), "[strategy.cadence]"]
    for platform in answers.platforms:
        if platform in answers.cadence:
            lines.append(f"{platform} = {_number(answers.cadence[platform])}")
        else:
            lines.append(f"# {platform} = 3.0")
    return "\n".join(lines).rstrip("\n") + "\n"


def validate(text: str) -> None:
    """Check that ``text`` is a configuration `socialrules check` accepts (a bug of ours if not)."""
    import tomllib

    from .models import Config

    Config.model_validate(tomllib.loads(text))


def write(path: Path, text: str, force: bool, lang: str) -> None:
    """Write the file; an existing one only with ``force``."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w" if force else "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        raise SocialrulesError(texts(lang)["exists"], str(path)) from None
    except IsADirectoryError:
        raise SocialrulesError("is a folder", str(path)) from None
    except OSError as error:
        raise SocialrulesError(f"cannot write: {error.strerror or error}", str(path)) from None
