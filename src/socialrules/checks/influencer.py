"""`influencer`: a followed account that is an influencer or a journalist (or a media outlet)
rather than a member or an ally of the team's ecosystem.

Cues, each with a weight; the account is flagged when they add up to ``min_score``:

- words of its profile (display name, bio, profile fields), from lexicon files in the lexicon
  kind's format: a category with a positive weight is a cue (``press``: journaliste, reporter,
  rédacteur en chef; ``influence``: influenceur, créateur de contenu, "collab en DM"); a category
  of weight 0 names institutions and ecosystem members (ministère, association, agent public):
  their audience is no cue;
- a link to a media outlet (``media_domains``: its website or its Mastodon instance) or a
  mention of one in the bio (``media_accounts``: "Journaliste @libe");
- a link-in-bio or creator-support page (``creator_domains``: linktr.ee, patreon.com);
- its audience: at least ``[accounts] followers`` followers, and at least ``[accounts] ratio``
  followers per account it follows (for accounts with ``[accounts] ratio-min-followers``
  followers or more), thresholds from the configuration.

The team's own accounts and its allies (``[team] allies``: handles, ``*.gouv.fr``, whole
instances) are never flagged. The message names the cues, in English (``{cues}``) and in French
(``{cues_fr}``), and what the account looks like (``{kind}``, ``{kind_fr}``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from ..handles import account_status, host_of
from ..text.lazy import lazy_re
from ..text.normalize import fold
from . import OPTIONS_CONFIG, Check, Hit, OptionsBase, register

_WORD = lazy_re(r"\w+")
_MENTION = lazy_re(r"(?<![\w@])@(\w{1,30})(?![\w@])")
_URL = lazy_re(r"(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)  # a link written in a bio


@dataclass(slots=True, repr=False, eq=False)  # see OptionsBase
class InfluencerOptions(OptionsBase):
    """Options of the `influencer` check kind."""

    __pydantic_config__ = OPTIONS_CONFIG

    lexicons: list[str] = field(default_factory=list)
    """Lexicon files of profile words, relative to the rule's folder; weight 0: institutions."""
    media_domains: list[str] = field(default_factory=list)
    """Websites (and Mastodon instances) of media outlets: lemonde.fr, bbc.co.uk."""
    media_accounts: list[str] = field(default_factory=list)
    """Handles of media outlets, as bios mention them: lemondefr, libe, afpfr."""
    creator_domains: list[str] = field(default_factory=list)
    """Link-in-bio and creator-support sites: linktr.ee, patreon.com."""
    weights: dict[str, float] = field(default_factory=lambda: {
        "media-link": 0.5, "media-account": 0.5, "creator-link": 0.5, "audience": 0.5, "ratio": 0.5})
    """The weight of each cue that is not a profile word."""
    min_score: float = 1.0
    """The account is flagged when the weights of its cues add up to this."""
    journalist_categories: list[str] = field(default_factory=lambda: ["press", "media"])
    """Word categories that make an account look like a journalist or a media outlet."""
    entries: list[dict[str, Any]] = field(default_factory=list)
    """Filled when the rule is read: every term with its forms, category and weight."""


@register
class Influencer(Check):
    name = "influencer"
    Options = InfluencerOptions
    placeholders = frozenset({"handle", "cues", "cues_fr", "kind", "kind_fr", "score"})
    accounts = True
    scope = "none"

    @classmethod
    def prepare(cls, options: dict[str, Any], folder: Path) -> dict[str, Any]:
        from .lexicon import read_entries

        options = {key: value for key, value in options.items() if key != "entries"}
        prepared = super().prepare(options, folder)
        if prepared["lexicons"]:
            prepared["lexicons"], prepared["entries"] = read_entries(prepared["lexicons"], folder)
        return prepared

    def __init__(self, rule, options: InfluencerOptions, config) -> None:
        super().__init__(rule, options, config)
        self.thresholds = config.accounts
        # Terms indexed by their first word: a profile is searched only for the terms whose first
        # word it has (a set intersection), and only when it has all their words. Institutions'
        # terms (weight 0) apart: for them, one found is enough.
        self.by_first_word: dict[str, list[tuple[re.Pattern[str], dict[str, Any], frozenset[str]]]] = {}
        self.institutions: dict[str, list[tuple[re.Pattern[str], frozenset[str]]]] = {}
        for entry in options.entries:
            for form in entry["forms"]:
                words = _WORD.findall(form)
                if words:
                    body = r"\s+".join(re.escape(part) for part in form.split())
                    pattern = lazy_re(rf"(?<!\w){body}(?!\w)")
                    if entry["weight"] <= 0:
                        self.institutions.setdefault(words[0], []).append((pattern, frozenset(words)))
                    else:
                        self.by_first_word.setdefault(words[0], []).append((pattern, entry, frozenset(words)))
        self.first_words = frozenset(self.by_first_word)
        self.institution_words = frozenset(self.institutions)
        self.media_domains = _domains(options.media_domains)
        self.creator_domains = _domains(options.creator_domains)
        self.media_accounts = frozenset(handle.lstrip("@").casefold() for handle in options.media_accounts)
        self.journalist = frozenset(options.journalist_categories)
        self._known: dict[tuple[str, frozenset[str]], bool] = {}

    def run_account(self, subject) -> Iterator[Hit]:
        judged = self.judge(subject)
        if judged is not None:
            yield judged

    def cues(self, subject) -> list[str]:
        """The cue ids of the account's finding (for --statistics)."""
        judged = self.judge(subject)
        return judged.values["cue_list"] if judged else []

    def judge(self, subject) -> Hit | None:
        account = subject.account
        status = account_status(account, self.config.team)
        if status.own or status.ally:
            return None
        domains = list(status.domains)
        # 1. The cues and their weights (cheap); 2. for a flagged account only, the message.
        found, institution = self._words(account)
        institution = institution or bool(account.group)  # a Mastodon group is a community
        weights = {term: entry["weight"] for term, (entry, *_) in found.items()}
        bio = account.bio or ""
        if "http" in bio or "www." in bio:
            domains += [host for host in (host_of(url) for url in _URL.findall(bio)) if host]
        media = self._first_match(domains, self.media_domains)
        creator = self._first_match(domains, self.creator_domains)
        outlets = []
        if "@" in bio and self.media_accounts:
            outlets = list(dict.fromkeys(m for m in _MENTION.findall(bio) if m.casefold() in self.media_accounts))
        journalist = bool(media or outlets) or any(
            entry["category"].removesuffix("-weak") in self.journalist for entry, *_ in found.values())
        # An institution's audience is no cue, unless the account is the press (a journalist
        # writes about public services; a public broadcaster is still a media outlet).
        audience = self._audience(account.followers, account.following) if journalist or not institution else []
        score = (sum(weights.values()) + sum(weight for _, weight in audience)
                 + (self._weight("media-link") if media else 0) + (self._weight("creator-link") if creator else 0)
                 + (self._weight("media-account") if outlets else 0))
        if score < self.options.min_score or score <= 0:
            return None

        cues: list[tuple[str, str, str]] = []  # (id, English, French)
        kinds: dict[str, list[str]] = {}  # "press" and "press-weak" together, words as written
        for entry, written, _ in found.values():
            kinds.setdefault(entry["category"].removesuffix("-weak"), []).append(written)
        for kind, words in kinds.items():
            en, fr = _WORD_CUES.get(kind, (f"{kind} words", f"mots « {kind} »"))
            cues.append((f"words:{kind}", f"{en} in the profile: " + ", ".join(f"'{w}'" for w in words),
                         f"{fr} dans le profil : " + ", ".join(f"« {w} »" for w in words)))
        if media:
            cues.append(("media-link", f"a media outlet's site or instance ({media})",
                         f"le site ou l'instance d'un média ({media})"))
        if creator:
            cues.append(("creator-link", f"a link-in-bio or creator page ({creator})",
                         f"une page de liens ou de créateur ({creator})"))
        if outlets:
            names = ", ".join("@" + m for m in outlets)
            cues.append(("media-account", f"mentions a media outlet ({names})", f"cite un média ({names})"))
        cues.extend(self._describe_audience(cue, account.followers, account.following) for cue, _ in audience)
        first = next(iter(found.values()), None)
        if first is not None:
            start, end, field_name = first[2]
        elif media and account.url and media in account.url.casefold():
            start, end, field_name = 0, len(account.url), "url"
        else:
            start, end, field_name = 0, len(account.handle), "handle"
        return Hit(start, end, field_name, {
            "handle": account.handle, "score": round(score, 2),
            "cues": "; ".join(cue[1] for cue in cues), "cues_fr": " ; ".join(cue[2] for cue in cues),
            "kind": "a journalist or a media outlet" if journalist else "an influencer",
            "kind_fr": "un·e journaliste ou un média" if journalist else "un·e influenceur·se",
            "cue_list": [cue[0] for cue in cues],
        })

    def _words(self, account) -> tuple[dict[str, tuple[dict[str, Any], str, tuple[int, int, str]]], bool]:
        """The profile's words from the lexicons: term -> (entry, as written, (start, end, field)),
        the bio's first; and whether an institution's words are among them."""
        if account.fields:
            parts = [(name, text) for name, text in (
                ("bio", account.bio), ("display_name", account.display_name),
                *((f"fields[{key}]", value) for key, value in account.fields.items())) if text]
        elif account.bio and account.display_name:
            parts = [("bio", account.bio), ("display_name", account.display_name)]
        elif account.bio or account.display_name:
            parts = [("bio", account.bio)] if account.bio else [("display_name", account.display_name)]
        else:
            return {}, False
        # One text for all the fields (folded once); NUL between them stops any term.
        combined = "\0".join(text for _, text in parts)
        folded = fold(combined)
        text = folded.text
        present = set(_WORD.findall(text))
        institution = False
        for word in self.institution_words.intersection(present):
            for pattern, needed in self.institutions[word]:
                if needed <= present and pattern.search(text) is not None:
                    institution = True
                    break
            if institution:
                break
        words = self.first_words.intersection(present)
        if not words:
            return {}, institution
        spans = [(match.start(), match.end(), entry) for word in words
                 for pattern, entry, needed in self.by_first_word[word] if needed <= present
                 for match in pattern.finditer(text)]
        if not spans:
            return {}, institution
        # Overlapping terms ("keynote speaker", "speaker"): the earliest, then longest, counts.
        spans.sort(key=lambda item: (item[0], item[0] - item[1], item[2]["term"]))
        starts, offset = [], 0
        for _, part in parts:
            starts.append(offset)
            offset += len(part) + 1
        found: dict[str, tuple[dict[str, Any], str, tuple[int, int, str]]] = {}
        end_of_last = -1
        for start, end, entry in spans:
            if start < end_of_last:
                continue
            end_of_last = end
            if entry["term"] not in found:
                begin, finish = folded.original_span(start, end)
                index = bisect.bisect_right(starts, begin) - 1
                place = (begin - starts[index], finish - starts[index], parts[index][0])
                found[entry["term"]] = (entry, " ".join(combined[begin:finish].split()), place)
        return found, institution

    def _first_match(self, domains: list[str], known: frozenset[str]) -> str | None:
        """The first of ``domains`` that is one of ``known`` or a subdomain of one (the same
        instances and sites recur in a list: each is looked up once)."""
        for domain in domains:
            verdict = self._known.get((domain, known))
            if verdict is None:
                if len(self._known) > 10_000:
                    self._known.clear()
                verdict = self._known[(domain, known)] = _is_known(domain, known)
            if verdict:
                return domain
        return None

    def _weight(self, cue: str) -> float:
        return self.options.weights.get(cue, 0.5)

    def _audience(self, followers: int | None, following: int | None) -> list[tuple[str, float]]:
        """The audience cues that fire: (id, weight)."""
        limits = self.thresholds
        if followers is None:
            return []
        cues = []
        if followers >= limits.followers:
            cues.append(("audience", self._weight("audience")))
        if (following is not None and followers >= limits.ratio_min_followers
                and (not following or followers / following >= limits.ratio)):
            cues.append(("ratio", self._weight("ratio")))
        return cues

    def _describe_audience(self, cue: str, followers: int, following: int) -> tuple[str, str, str]:
        limits = self.thresholds
        if cue == "audience":
            return ("audience", f"{followers:,} followers (threshold {limits.followers:,})",
                    f"{_fr(followers)} abonnés (seuil {_fr(limits.followers)})")
        if not following:
            shown, shown_fr = "no account followed", "ne suit aucun compte"
        else:
            shown = f"{followers / following:,.0f} followers per account followed"
            shown_fr = f"{_fr(round(followers / following))} abonnés par compte suivi"
        return ("ratio", f"{shown} (threshold {limits.ratio:g})", f"{shown_fr} (seuil {_fr(limits.ratio)})")


_WORD_CUES = {"press": ("press words", "mots de la presse"),
              "media": ("media-outlet words", "mots d'un média"),
              "influence": ("influencer words", "mots d'influenceur")}


def _fr(number: float) -> str:
    """A number as French writes it: 48 000, 2,5."""
    if float(number).is_integer():
        return f"{int(number):,}".replace(",", "\u202f")
    return f"{number:g}".replace(".", ",")


def _domains(names: list[str]) -> frozenset[str]:
    return frozenset(name.strip().casefold().removeprefix("www.") for name in names if name.strip())


def _is_known(domain: str, known: frozenset[str]) -> bool:
    """Whether ``domain`` is one of ``known`` or a subdomain of one."""
    if domain in known:
        return True
    parts = domain.split(".")
    return any(".".join(parts[index:]) in known for index in range(1, len(parts) - 1))
