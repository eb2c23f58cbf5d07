"""Account handles written one way, so that lists, profiles and the team's profile compare.

People and files write the same account in many ways: ``@MesAides``, ``mesaides``,
``@mesaides@Social.Numerique.Gouv.fr``, ``https://social.numerique.gouv.fr/@mesaides``,
``https://twitter.com/MesAides``. :func:`normalize_handle` gives one form for all of them:
``@user`` for an account without an instance (Twitter, or a list that does not say) and
``@user@domain`` for a Mastodon account, lower-cased. A Mastodon account local to the team's own
instance may be written without its domain (the API's ``acct`` is ``user`` for local accounts):
given ``home``, the team's instance, such a handle gets it. Normalising twice changes nothing.

:class:`Allies` says whether an account is one of the team's allies as its profile lists them:
``@handle`` (Twitter), ``@user@instance``, ``*@instance`` (every account of an instance) and
domain patterns such as ``*.gouv.fr`` (an account on such an instance, or whose website is there).
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from .models import DataclassMethods
from .text.lazy import lazy_re

if TYPE_CHECKING:
    from .models import Account, TeamProfile

__all__ = ["AccountStatus", "Allies", "account_domains", "account_status", "home_instance",
           "is_handle", "normalize_handle", "split_handle"]

# A profile's web address: https://instance/@user, https://instance/@user@other (a remote account
# seen from an instance), https://instance/users/user, https://twitter.com/user, https://x.com/user.
_PROFILE_URL = lazy_re(
    r"(?:https?://)?(?:www\.|mobile\.)?([^/@\s?#]+)/(@|users/)?([^/@\s?#]+)(?:@([^/@\s?#]+))?/?")
_TWITTER_HOSTS = frozenset({"twitter.com", "x.com"})
_HANDLE = lazy_re(r"@[^@\s/]+(?:@[^@\s/]+)?")
_HOST = lazy_re(r"(?:[a-z][a-z0-9+.-]*://)?([^/\s?#:@]+\.[^/\s?#:@]+)", re.IGNORECASE)


def normalize_handle(handle: str, home: str | None = None) -> str:
    """``@user`` or ``@user@domain``, lower-cased; a bare ``user`` gets ``@home`` when given.

    A profile URL becomes its handle; any other text comes back stripped and lower-cased (it is
    no handle: :func:`is_handle` says so).
    """
    text = handle.strip().casefold()
    if "/" in text:
        found = _PROFILE_URL.fullmatch(text)
        if found is None or "?" in text:
            return text  # twitter.com/intent/user?user_id=..., or no profile URL at all
        host, prefix, user, domain = found.groups()
        if host in _TWITTER_HOSTS:
            # A Twitter handle has no instance: in a Mastodon list (``home`` given) it is no handle.
            return text if domain or prefix or home else "@" + user
        if not prefix:
            return text  # a web page, not a profile
        return f"@{user}@{(domain or host).rstrip('.')}"
    text = text.lstrip("@")
    if not text:
        return "@"
    user, _, domain = text.partition("@")
    if not domain.endswith("."):
        if domain:
            return "@" + text
    else:
        domain = domain.rstrip(".")
    if not domain:
        return f"@{user}@{home.casefold()}" if home and user else "@" + user
    return f"@{user}@{domain}"


def is_handle(normalized: str) -> bool:
    """Whether a normalised handle is a real one (not a URL or an empty string)."""
    return _HANDLE.fullmatch(normalized) is not None and normalized != "@"


def split_handle(normalized: str) -> tuple[str, str | None]:
    """(user, domain or None) of a normalised handle."""
    user, _, domain = normalized.lstrip("@").partition("@")
    return user, domain or None


def home_instance(team: TeamProfile) -> str | None:
    """The team's own Mastodon instance: the domain of its first ``@user@instance`` account."""
    for account in team.accounts:
        _, domain = split_handle(normalize_handle(account))
        if domain:
            return domain
    return None


def host_of(url: str) -> str | None:
    """The host name of a web address, lower-cased, without ``www.``."""
    found = _HOST.match(url.strip())
    if found is None:
        return None
    host = found.group(1).casefold().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def account_domains(account: Account, handle: str) -> list[str]:
    """The domains an account is on: its instance, its website, the links of its profile fields."""
    domains = []
    _, instance = split_handle(handle)
    if instance:
        domains.append(instance)
    for url in (account.url, *account.fields.values()) if account.fields else (account.url,):
        if url:
            if instance and url.startswith(f"https://{instance}/@"):
                continue  # a Mastodon profile's own address: its instance, already there
            for found in _HOST.finditer(url):
                if found.start() == 0 or not url[found.start() - 1].isalnum():
                    host = found.group(1).casefold().rstrip(".")
                    domains.append(host[4:] if host.startswith("www.") else host)
    return domains


class Allies:
    """The team's allies, as its profile lists them (``[team] allies``)."""

    def __init__(self, allies: Iterable[str]) -> None:
        self.handles: set[str] = set()
        self.instances: set[str] = set()
        self.domains: list[str] = []
        for ally in allies:
            ally = ally.strip().casefold()
            if ally.startswith("*@"):
                self.instances.add(ally[2:].rstrip("."))
            elif ally.startswith("@") or "/" in ally:
                self.handles.add(normalize_handle(ally))
            elif ally:
                self.domains.append(ally.rstrip("."))
        # One regex for every domain entry: "*.gouv.fr" is a pattern; "beta.gouv.fr" also stands
        # for its subdomains.
        alternatives = [fnmatch.translate(pattern) if "*" in pattern or "?" in pattern or "[" in pattern
                        else rf"(?:.*\.)?{re.escape(pattern)}\Z" for pattern in self.domains]
        self._domains = lazy_re("|".join(alternatives)) if alternatives else None

    def __bool__(self) -> bool:
        return bool(self.handles or self.instances or self.domains)

    def matches(self, account: Account, handle: str, domains: list[str] | None = None) -> str | None:
        """The ally entry an account matches (for messages), or None. ``handle`` is normalised;
        ``domains`` are the account's (:func:`account_domains`) when already known."""
        if handle in self.handles:
            return handle
        _, instance = split_handle(handle)
        if instance and instance in self.instances:
            return "*@" + instance
        if self._domains is not None:
            for domain in account_domains(account, handle) if domains is None else domains:
                if self._domains.match(domain):
                    return next((pattern for pattern in self.domains if fnmatch.fnmatchcase(domain, pattern)
                                 or domain == pattern or domain.endswith("." + pattern)), domain)
        return None


@dataclass(frozen=True, slots=True, repr=False, eq=False)  # see DataclassMethods
class TeamHandles(DataclassMethods):
    """What a team profile says about handles: its instance, its own accounts, its allies."""

    home: str | None
    own: frozenset[str]
    allies: Allies


@lru_cache(maxsize=8)
def team_handles(team: TeamProfile) -> TeamHandles:
    return TeamHandles(home_instance(team), frozenset(normalize_handle(a) for a in team.accounts),
                       Allies(team.allies))


@dataclass(frozen=True, slots=True, repr=False, eq=False)  # see DataclassMethods
class AccountStatus(DataclassMethods):
    """Who an account is to the team (see :func:`account_status`)."""

    handle: str
    """The account's handle, normalised (a Mastodon account's local handle with the team's instance)."""
    domains: tuple[str, ...]
    """Its instance, website and profile links' domains."""
    own: bool
    """One of the team's own accounts."""
    ally: str | None
    """The ally entry it matches, if any."""


# (account, team, what of it the status depends on, status): the checks of one account run in a
# row. An Account may be changed in place between two checks: what the status reads is compared.
_LAST: list = [None, None, None, None]


def account_status(account: Account, team: TeamProfile) -> AccountStatus:
    """Who an account is to the team: its normalised handle, its domains, whether it is the
    team's own or an ally. Asked by every account rule of the same account in turn: the last
    answer is kept."""
    basis = (account.handle, account.platform, account.url, len(account.fields), *account.fields.values())
    if _LAST[0] is account and _LAST[1] is team and _LAST[2] == basis:
        return _LAST[3]
    known = team_handles(team)
    handle = normalize_handle(account.handle, known.home if account.platform == "mastodon" else None)
    domains = account_domains(account, handle)
    own = handle in known.own or (handle != account.handle and normalize_handle(account.handle) in known.own)
    ally = None if own else known.allies.matches(account, handle, domains)
    status = AccountStatus(handle, tuple(domains), own, ally)
    _LAST[:] = [account, team, basis, status]
    return status
