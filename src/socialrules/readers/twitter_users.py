"""Twitter (X) users as its API v2 gives them: ``{"data": [User, ...], "errors": [...]}``, the
answer of ``GET /2/users?ids=...`` (users lookup) or ``GET /2/users/:id/following``; several
answers saved one after the other are read in turn. A v1.1 user object (``screen_name``,
``followers_count``, ``friends_count``) is read too, alone or in a list.

    {"data": [{"id": "2244994945", "username": "XDevelopers", "name": "Developers",
               "description": "The voice of the X Dev team",
               "url": "https://t.co/3ZV6wrtTsd",
               "entities": {"url": {"urls": [{"url": "https://t.co/3ZV6wrtTsd",
                                              "expanded_url": "https://developer.x.com"}]}},
               "public_metrics": {"followers_count": 570000, "following_count": 2000}}],
     "errors": [{"value": "1", "detail": "Could not find user with ids: [1].",
                 "title": "Not Found Error", "resource_type": "user", "parameter": "ids",
                 "resource_id": "1", "type": "https://api.twitter.com/2/problems/resource-not-found"}]}

What this is based on: X's documentation of the users lookup (docs.x.com, X API v2, Users,
"User lookup" integration guide: the default fields ``id``, ``name``, ``username``; the
``user.fields`` ``description``, ``entities``, ``public_metrics`` (follower and following counts),
``url``, ``verified``; a multi-user lookup leaves suspended or deleted users out of ``data`` and
lists them in an ``errors`` array) and the v1.1 user object (developer.x.com, GET users/lookup).

The website is the ``url`` field's expanded address (``entities.url.urls``) when there is one;
the t.co links of the description are replaced by their expanded addresses too. ``errors`` are
not accounts: an id they name stays unresolved when joined to a follow list.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import SocialrulesError
from ..models import Account, Platform, Source
from ._accounts import count_field, json_values, text_field

OPTIONS = ()
_DATA_KEY = re.compile(r'"data"\s*:')


def looks_like(text: str) -> bool:
    """Whether a JSON file holds Twitter users (a ``data`` key and a ``username``, or v1.1's
    ``screen_name``)."""
    head = text[:4096]
    return (_DATA_KEY.search(head) is not None and '"username"' in head) or '"screen_name"' in head


def read(text: str, shown: str) -> list[Account]:
    accounts = []
    for value, line, column in json_values(text, shown, unwrap="data"):
        if isinstance(value, dict) and value.keys() <= {"errors", "meta", "includes"}:
            continue  # an answer without users: the API found none of them (its `errors` say why)
        accounts.append(user(value, shown, line, column))
    return accounts


def user(data: Any, shown: str, line: int, column: int) -> Account:
    if not isinstance(data, dict):
        raise SocialrulesError("expected Twitter users: {\"data\": [...]} as the API v2 users lookup "
                               "answers, or user objects", shown, line, column)
    get = data.get
    username = get("username") or get("screen_name")
    if not isinstance(username, str) or not username.strip():
        raise SocialrulesError("a Twitter user needs `username`", shown, line, column)
    identifier = get("id_str") or get("id")
    metrics = get("public_metrics")
    if metrics is not None and not isinstance(metrics, dict):
        raise SocialrulesError("`public_metrics` should be an object", shown, line, column)
    metrics = metrics or {}
    followers = metrics.get("followers_count", get("followers_count"))
    following = metrics.get("following_count", get("friends_count"))
    if not (type(followers) in _COUNT and type(following) in _COUNT):
        followers = count_field(followers, "followers_count", shown, line, column)
        following = count_field(following, "following_count", shown, line, column)
    url, name, description = get("url"), get("name"), get("description")
    if not (type(url) in _TEXT and type(name) in _TEXT and type(description) in _TEXT):
        for key in ("url", "name", "description"):
            text_field(get(key), key, shown, line, column)
    entities = get("entities")
    if isinstance(entities, dict):
        links = _expansions(entities.get("url"))
        url = links.get(url, url) if url else None
        if description:
            for short, long in _expansions(entities.get("description")).items():
                description = description.replace(short, long)
    return Account(
        handle="@" + username.strip().lstrip("@"), display_name=name or None, bio=description or None,
        url=url or None, followers=followers, following=following, source=Source(shown, line, column),
        id=str(identifier) if type(identifier) in (str, int) else None, platform=Platform.TWITTER,
    )


_TEXT = (str, type(None))
_COUNT = (int, type(None))


def _expansions(entity: Any) -> dict[str, str]:
    """t.co address -> expanded address, from an ``entities.url`` or ``entities.description``."""
    if not isinstance(entity, dict) or not isinstance(entity.get("urls"), list):
        return {}
    return {item["url"]: item["expanded_url"] for item in entity["urls"]
            if isinstance(item, dict) and isinstance(item.get("url"), str)
            and isinstance(item.get("expanded_url"), str)}
