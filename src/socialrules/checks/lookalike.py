"""`lookalike`: an account whose handle or display name imitates the team's own, in a follow
list or mentioned in a post.

The team is who its profile says (``[team] accounts`` and ``names``). A handle or a display name
imitates it when, once case, accents and separators are set aside, it is:

- the same name on another instance (``@mesaides@mastodon.social`` for ``@mesaides@social...``);
- the same name in look-alike characters: Unicode's confusables (UTS #39 skeletons: Cyrillic
  ``е`` for ``e``, ``rn`` for ``m``, ``0`` for ``o``, ``1`` for ``l``), or digits for letters
  (``m3saides``);
- the name with words added that make it look official (``_officiel``, ``_fr``, ``real``,
  ``support``, digits: the rule's ``affixes``);
- one edit away from the name (a letter added, dropped, changed or two swapped), for names of
  ``min_length`` characters or more;
- for a display name, the name itself on an account that is not the team's.

The team's own accounts and its allies (``[team] allies``) are never flagged. A finding names
the account imitated and the cues, in both languages (``{cues}`` in English, ``{cues_fr}`` in
French).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable, Iterator

from ..handles import Allies, account_status, home_instance, is_handle, normalize_handle, split_handle
from ..text.confusables import skeleton
from ..text.lazy import lazy_re
from ..models import DataclassMethods
from . import OPTIONS_CONFIG, Check, Hit, OptionsBase, register

_SEPARATORS = lazy_re(r"[\W_]+")
_LEET = str.maketrans("0134578@$", "oieastbas")
_BADGES = frozenset("✓✔☑✅🔵🔷")
# The letters an ASCII name may stand for: its skeleton's (m is rn, 0 is o, 1 is l) and its
# digits read as letters; the same test as on keys, without building one.
_ASCII_LETTERS = str.maketrans({"m": "mrn", "0": "oo", "1": "li", "3": "e", "4": "a", "5": "s",
                                "7": "t", "8": "b", "9": "g", "@": "a", "$": "s"})


@dataclass(slots=True, repr=False, eq=False)  # see OptionsBase
class LookalikeOptions(OptionsBase):
    """Options of the `lookalike` check kind."""

    __pydantic_config__ = OPTIONS_CONFIG

    affixes: list[str] = field(default_factory=lambda: [
        "officiel", "officielle", "official", "offical", "fr", "france", "real", "the", "vrai",
        "vraie", "team", "equipe", "équipe", "support", "help", "helpdesk", "aide", "assistance", "sav",
        "info", "infos", "news", "actu", "hq", "app", "compte", "account", "service", "contact",
        "admin", "staff", "gouv", "gov", "bot"])
    """Words an impersonator adds to a name to make it look official (letters and digits only)."""
    min_length: int = 5
    """Names this long or longer are also imitated one edit away (shorter ones: exact look-alikes)."""
    fields: list[str] = field(default_factory=lambda: ["text", "spoiler_text"])
    """The texts of a post whose mentions are checked."""


@dataclass(frozen=True, slots=True, repr=False, eq=False)  # see DataclassMethods
class _Target(DataclassMethods):
    """One identity of the team (an account or a name) that impersonators imitate."""

    label: str      # how the team's identity is shown: @mesaides
    name: str       # ... when a display name imitates it: Mes Aides
    plain: str      # its letters and digits, folded
    key: str        # the skeleton of that
    near: frozenset[str]  # key with one character deleted, for edit-distance candidates
    letters: frozenset[str]  # the letters of key


@register
class Lookalike(Check):
    name = "lookalike"
    Options = LookalikeOptions
    placeholders = frozenset({"handle", "target", "cues", "cues_fr"})
    accounts = True

    def __init__(self, rule, options: LookalikeOptions, config) -> None:
        super().__init__(rule, options, config)
        team = config.team
        self.home = home_instance(team)
        self.own = {normalize_handle(account) for account in team.accounts}
        # User name -> the team's account of that name; its Mastodon account (with an instance)
        # is the one a handle on another instance imitates.
        self.own_users: dict[str, str] = {}
        for handle in sorted(self.own, key=lambda h: (split_handle(h)[1] is None, h)):
            self.own_users.setdefault(split_handle(handle)[0], handle)
        self.allies = Allies(team.allies)
        shown: dict[str, list[str]] = {}  # key -> [handle label, name label]
        plains: dict[str, str] = {}
        for label in [*team.accounts, *team.names]:
            is_account = label.startswith("@")
            user = split_handle(normalize_handle(label))[0] if is_account else label
            plain = _plain(user)
            if not plain:
                continue
            key = _key(plain)
            plains.setdefault(key, plain)
            labels = shown.setdefault(key, [None, None])
            index = 0 if is_account else 1
            labels[index] = labels[index] or ("@" + user if is_account else label)
        self.targets = [_Target(labels[0] or labels[1], labels[1] or labels[0], plains[key], key,
                                frozenset(_deletions(key)), frozenset(key)) for key, labels in shown.items()]
        self._seen: dict[str, tuple | None] = {}  # mentions: the same few handles recur

    # The affixes are folded when a first name is judged: without a team profile, never (and a
    # command-line run would pay for it at every start).
    @cached_property
    def affixes(self) -> frozenset[str]:
        return frozenset(_plain(a) for a in self.options.affixes) - {""}

    @cached_property
    def _affix_run(self) -> re.Pattern[str]:
        alternatives = "|".join(map(re.escape, sorted(self.affixes, key=len, reverse=True))) or "(?!)"
        return re.compile(rf"(?:{alternatives}|\d+)*")

    # --- posts: mentions ---------------------------------------------------------------------

    def run(self, subject) -> Iterable[Hit]:
        # Most posts mention no one: an empty tuple, cheaper than a generator.
        if not self.targets or (subject.text_only and "@" not in subject.post.text):
            return ()
        return self._judge_mentions(subject)

    def _judge_mentions(self, subject) -> Iterator[Hit]:
        for field_name, view in subject.texts(self.options.fields):
            if "@" not in view.text:
                continue
            for start, end in view.mentions:
                mention = view.text[start:end]
                verdict = self._seen.get(mention)
                if verdict is None and mention not in self._seen:
                    if len(self._seen) > 10_000:
                        self._seen.clear()
                    verdict = self._seen[mention] = self._judge_handle(mention, self.home, None)
                if verdict:
                    yield Hit(start, end, field_name, _values(mention, *verdict))

    # --- accounts ----------------------------------------------------------------------------

    def run_account(self, subject) -> Iterator[Hit]:
        account = subject.account
        if not self.targets:
            return
        status = account_status(account, self.config.team)
        if status.own or status.ally:
            return
        home = self.home if account.platform == "mastodon" else None
        verdict = self._judge_handle(account.handle, home, status.handle) if is_handle(status.handle) else None
        if verdict:
            yield Hit(0, len(account.handle), "handle", _values(account.handle, *verdict))
            return
        name = account.display_name
        if name:
            verdict = self._judge_name(name, handle=False)
            if verdict:
                target, cues = verdict
                cues = [("display name", "nom affiché"), *cues]
                if _BADGES.intersection(name):
                    cues.append(("a check mark in the name", "une coche dans le nom"))
                yield Hit(0, len(name), "display_name", _values(account.handle, target.name, cues))

    def cues(self, subject) -> list[str]:
        """The cue ids of the account's finding (for --statistics)."""
        return [cue for hit in self.run_account(subject) for cue in hit.values["cue_list"]]

    # --- judging -----------------------------------------------------------------------------

    def _judge_handle(self, written: str, home: str | None, handle: str | None):
        """(what it imitates, as shown, cues) for a handle, or None."""
        handle = handle or normalize_handle(written, home)
        # A bare handle is the team's Twitter account, or a local account of its instance.
        if handle in self.own or (home and "@" not in written.lstrip("@") and normalize_handle(written) in self.own):
            return None
        if self.allies and handle in self.allies.handles:
            return None
        user, domain = split_handle(handle)
        if user in self.own_users:
            own = self.own_users[user]
            _, own_domain = split_handle(own)
            if domain and domain != own_domain:
                return own, [(f"the same name on another instance: {domain}",
                              f"le même nom sur une autre instance : {domain}")]
            if domain is None or own_domain is None:
                return None  # the same user name, on Twitter and on Mastodon: the team's
        verdict = self._judge_name(user)
        return (verdict[0].label, verdict[1]) if verdict else None

    def _judge_name(self, name: str, handle: bool = True):
        """(the team identity imitated, cues) for a user name or a display name, or None."""
        if name.isascii():
            folded = name.lower()
            # Most names share too few letters with the team's to be near it: a cheap test first.
            letters = set(folded.translate(_ASCII_LETTERS))
            if all(len(target.letters - letters) > 1 for target in self.targets):
                return None
        else:
            folded = unicodedata.normalize("NFKC", name).casefold()
        tokens = [t for t in _SEPARATORS.split(folded) if t]
        if not tokens:
            return None
        full = "".join(tokens)
        key_full = _key(full)
        if not name.isascii():
            letters = set(key_full)
            letters.update(key_full.translate(_LEET))
            if all(len(target.letters - letters) > 1 for target in self.targets):
                return None
        added = [t for t in tokens if t in self.affixes or t.isdigit()]
        core = "".join(t for t in tokens if t not in self.affixes and not t.isdigit()) if added else full
        # Affixes written without separators around the name itself: realmesaides, mesaides2024.
        for target in self.targets:
            at = core.find(target.plain)
            if at >= 0 and len(core) > len(target.plain):
                before, after = core[:at], core[at + len(target.plain):]
                if self._affix_run.fullmatch(before) and self._affix_run.fullmatch(after):
                    return target, self._cues([*added, *(w for w in (before, after) if w)], "same", name, handle)
        candidates = [(full, [])] + ([(core, added)] if added and core else [])
        for candidate, extra in candidates:
            key = key_full if candidate is full else _key(candidate)
            for target in self.targets:
                cue = self._compare(candidate, key, target)
                if cue is not None:
                    return target, self._cues(extra, cue, name, handle)
        return None

    @staticmethod
    def _cues(added: list[str], cue, name: str, handle: bool) -> list[tuple[str, str]]:
        cues = []
        if added:
            words = list(dict.fromkeys(added))
            cues.append(("added " + ", ".join(f"'{word}'" for word in words),
                         "ajout de " + ", ".join(f"« {word} »" for word in words)))
        if cue != "same":
            cues.append(cue)
        elif not cues:
            written_otherwise = handle and _plain(name) != name.casefold().lstrip("@")
            cues.append(("the same name, written differently", "le même nom, écrit autrement")
                        if written_otherwise else ("the same name", "le même nom"))
        return cues

    def _compare(self, candidate: str, key: str, target: _Target):
        """'same', a (en, fr) cue, or None."""
        if candidate == target.plain:
            return "same"
        if abs(len(key) - len(target.key)) > 1:
            return None  # neither a look-alike nor one edit away (digits for letters keep lengths)
        if key == target.key:
            return ("look-alike characters", "caractères qui se ressemblent")
        if not candidate.isalpha() and _key(candidate.translate(_LEET)) == target.key:
            return ("digits for letters", "chiffres à la place de lettres")
        if len(target.key) >= self.options.min_length and _one_edit(key, target.key, target.near):
            return ("one letter away", "à une lettre près")
        return None


_CUE_IDS = {"display name": "display-name", "look-alike characters": "confusable",
            "digits for letters": "digits-for-letters", "one letter away": "one-edit",
            "the same name": "same-name", "the same name, written differently": "same-name",
            "a check mark in the name": "check-mark"}


def _values(handle: str, target: str, cues: list[tuple[str, str]]) -> dict:
    return {"handle": handle, "target": target,
            "cues": "; ".join(en for en, _ in cues), "cues_fr": " ; ".join(fr for _, fr in cues),
            "cue_list": [_cue_id(en) for en, _ in cues]}


def _cue_id(english: str) -> str:
    if english.startswith("added "):
        return "added-words"
    if english.startswith("the same name on another instance"):
        return "other-instance"
    return _CUE_IDS.get(english, english)


def _plain(text: str) -> str:
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", text).casefold())


def _key(plain: str) -> str:
    """The skeleton of folded letters and digits, without marks, lower-cased."""
    if plain.isascii():
        return skeleton(plain).lower()  # letters and digits stay letters
    shape = skeleton(plain)
    if not shape.isascii():
        shape = "".join(c for c in unicodedata.normalize("NFD", shape) if not unicodedata.combining(c))
    return _SEPARATORS.sub("", shape.casefold())


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _one_edit(word: str, target: str, target_near: frozenset[str]) -> bool:
    """Whether ``word`` is one insertion, deletion, substitution or swap of neighbours from ``target``."""
    if word == target:
        return True
    if len(word) + 1 == len(target):
        return word in target_near
    if len(word) == len(target) + 1:
        return target in _deletions(word)
    if len(word) != len(target):
        return False
    differences = [i for i, (a, b) in enumerate(zip(word, target)) if a != b]
    if len(differences) == 1:
        return True
    first, second = (differences + [0, 0])[:2]
    return (len(differences) == 2 and second == first + 1
            and word[first] == target[second] and word[second] == target[first])
