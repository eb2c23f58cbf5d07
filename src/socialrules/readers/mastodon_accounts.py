"""Mastodon accounts as its API gives them: a JSON array of Account entities, such as
``GET /api/v1/accounts/:id/following`` (or ``/followers``, ``/api/v1/blocks``, ...) returns; one
page, or several pages saved one after the other (``[...][...]``, or one a line); a single Account
(``GET /api/v1/accounts/:id``) is read too.

    [{"id": "109", "username": "dinum", "acct": "dinum@social.numerique.gouv.fr",
      "display_name": "DINUM", "note": "<p>Direction interministérielle du numérique</p>",
      "url": "https://social.numerique.gouv.fr/@dinum", "followers_count": 8200,
      "following_count": 310, "bot": false, "group": false,
      "fields": [{"name": "Site", "value": "<a href=\\"https://numerique.gouv.fr\\">numerique.gouv.fr</a>"}]}]

What this is based on: Mastodon's Account entity (mastodon/documentation,
content/en/entities/Account.md): ``acct`` is "the Webfinger account URI. Equal to `username` for
local users, or `username@domain` for remote users"; ``url`` is the profile page; ``note`` (the
bio) and the ``fields`` values are HTML; ``followers_count``, ``following_count``, ``bot`` and
``group`` as named.

A local account's ``acct`` has no domain: the domain is taken from its ``url`` (the instance that
answered), so that handles read here compare with those of an export (``user@domain`` always).
The note and field values become their visible text. Keys this reader does not use are left
alone (the entity grows); ``acct`` is required, and a count that is not a whole number is an
error at the account's line.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import SocialrulesError
from ..handles import host_of
from ..models import Account, Platform, Source
from ._accounts import count_field, html_text, json_values, text_field

OPTIONS = ()
_ACCT_KEY = re.compile(r'"acct"\s*:')


def looks_like(text: str) -> bool:
    """Whether a JSON file holds Mastodon Account entities (an ``acct`` key early on)."""
    head = text[:4096]
    return _ACCT_KEY.search(head) is not None and '"username"' in head


def read(text: str, shown: str) -> list[Account]:
    accounts = []
    for value, line, column in json_values(text, shown):
        if not isinstance(value, dict):
            raise SocialrulesError("expected Mastodon Account objects (the answer of GET "
                                   "/api/v1/accounts/:id/following), each with `acct`", shown, line, column)
        accounts.append(account(value, shown, line, column))
    return accounts


def account(data: dict[str, Any], shown: str, line: int, column: int) -> Account:
    get = data.get
    acct, url, display_name, note = get("acct"), get("url"), get("display_name"), get("note")
    if not isinstance(acct, str) or not acct.strip():
        raise SocialrulesError("a Mastodon Account needs `acct` (user or user@domain)", shown, line, column)
    if not (type(url) in _TEXT and type(display_name) in _TEXT and type(note) in _TEXT):
        for name in ("url", "display_name", "note"):
            text_field(get(name), name, shown, line, column)
    followers, following = get("followers_count"), get("following_count")
    if not (type(followers) in _COUNT and type(following) in _COUNT):
        followers = count_field(followers, "followers_count", shown, line, column)
        following = count_field(following, "following_count", shown, line, column)
    handle = acct.strip().lstrip("@")
    if "@" not in handle and url:
        host = host_of(url)
        if host:
            handle = f"{handle}@{host}"  # a local account: the instance that answered
    fields = {}
    entries = get("fields")
    for entry in entries if isinstance(entries, list) else ():
        if isinstance(entry, dict) and isinstance(entry.get("name"), str):
            fields[entry["name"]] = html_text(str(entry.get("value") or ""))
    identifier, bot, group = get("id"), get("bot"), get("group")
    return Account(
        handle="@" + handle, display_name=display_name or None, bio=html_text(note) if note else None,
        url=url, followers=followers, following=following,
        bot=bot if type(bot) is bool else None, group=group if type(group) is bool else None,
        fields=fields, source=Source(shown, line, column),
        id=str(identifier) if type(identifier) in (str, int) else None, platform=Platform.MASTODON,
    )


_TEXT = (str, type(None))
_COUNT = (int, type(None))
