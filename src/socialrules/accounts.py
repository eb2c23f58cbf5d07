"""Follow lists before they are checked: profiles joined to the accounts that lack them, the same
account listed twice judged once, and the cues behind account findings counted.

A Mastodon export (``following_accounts.csv``) names accounts without their profiles; the API's
Account JSON has them. A Twitter archive (``following.js``) gives ids; the API's users JSON has
the profiles. :func:`join_profiles` gives each account of a list the profile that matches it:
by id for Twitter, by handle otherwise, handles normalised first (case, a leading ``@``, a local
``user`` of the team's own instance written ``user@instance``).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Iterable, Sequence

from .handles import home_instance, is_handle, normalize_handle

from .models import Account

if TYPE_CHECKING:
    from .engine import Linter
    from .models import Config, Finding


def canonical(account: Account, home: str | None) -> str:
    """The account's handle, normalised; a Mastodon account's local handle gets ``home``."""
    return normalize_handle(account.handle, home if account.platform == "mastodon" else None)


def join_profiles(accounts: Iterable[Account], profiles: Iterable[Account],
                  config: Config) -> list[Account]:
    """``accounts`` (a follow list, in order), each with the matching profile's data when it has
    none; the account keeps its place in its file, and its handle unless it had only an id."""
    home = home_instance(config.team)
    by_id: dict[str, Account] = {}
    by_handle: dict[str, Account] = {}
    for profile in profiles:
        # Ids join Twitter accounts (an archive gives nothing else); Mastodon ids are the
        # instance's own and are not shared between instances: Mastodon joins by handle.
        if profile.id is not None and profile.platform != "mastodon":
            by_id.setdefault(profile.id, profile)
        by_handle.setdefault(canonical(profile, home), profile)
    joined = []
    for account in accounts:
        profile = None
        if account.id is not None and account.platform != "mastodon":
            profile = by_id.get(account.id)
        if profile is None:
            profile = by_handle.get(canonical(account, home))
            if profile is None and account.platform != "mastodon" and home:
                # A plain list's bare handle may be a local account of the team's instance.
                profile = by_handle.get(normalize_handle(account.handle, home))
        joined.append(account if profile is None or _has_profile(account) else _merged(account, profile))
    return joined


def _has_profile(account: Account) -> bool:
    return bool(account.display_name or account.bio or account.url or account.fields
                or account.followers is not None or account.following is not None)


def _merged(account: Account, profile: Account) -> Account:
    # An archive's account has a link for a handle ("/" in it): the profile's handle replaces it.
    handle = profile.handle if "/" in account.handle else account.handle
    return Account(handle=handle, display_name=profile.display_name, bio=profile.bio, url=profile.url,
                   followers=profile.followers, following=profile.following, bot=profile.bot,
                   group=profile.group, fields=profile.fields, source=account.source,
                   id=account.id or profile.id, platform=account.platform or profile.platform)


def drop_duplicates(accounts: Iterable[Account], config: Config) -> tuple[list[Account], list[str]]:
    """Each account once, at its first place; and a note for every repeat (``file:line: ...``)."""
    home = home_instance(config.team)
    first: dict[str, Account] = {}
    kept, notes = [], []
    for account in accounts:
        handle = canonical(account, home)
        key = handle if is_handle(handle) else f"id:{account.platform or ''}:{account.id or handle}"
        seen = first.get(key)
        if seen is None:
            first[key] = account
            kept.append(account)
            continue
        where = _where(account)
        earlier = _where(seen)
        notes.append(f"{where}: {account.handle} is listed again (first at {earlier}); judged once")
    return kept, notes


def _where(account: Account) -> str:
    source = account.source
    if source is None:
        return "<accounts>"
    return f"{source.path}:{source.line}"


def cue_counts(linter: Linter, accounts: Sequence[Account], findings: Iterable[Finding]) -> dict[str, Counter]:
    """For each account rule that fired: how many of its findings each cue took part in.

    The cues are asked again of the rule's check (its ``cues(subject)``), for the flagged
    accounts only.
    """
    from .engine import AccountSubject

    checks = {rule.id: check for rule, check in linter.checks if hasattr(check, "cues")}
    by_handle: dict[str, Account] = {}
    for account in accounts:
        by_handle.setdefault(account.handle, account)
    counts: dict[str, Counter] = {}
    for finding in findings:
        check = checks.get(finding.rule)
        account = by_handle.get(str(finding.post)) if check is not None else None
        if account is None:
            continue
        counts.setdefault(finding.rule, Counter()).update(check.cues(AccountSubject(account, linter.config)))
    return counts
