"""The account lists of a Twitter (X) archive: ``data/following.js`` (accounts the archive's owner
follows), ``data/follower.js`` (its followers), ``data/block.js`` and ``data/mute.js``.

    window.YTD.following.part0 = [
      {
        "following" : {
          "accountId" : "1111111111111111111",
          "userLink" : "https://twitter.com/intent/user?user_id=1111111111111111111"
        }
      }
    ]

What this is based on: the README.txt every archive carries (following.js: "accountId: unique
identifier for the account", "userLink: link to information about the user's profile"; the
same fields for follower.js, block.js and mute.js) and archives as they are: a JavaScript
assignment to ``window.YTD.<name>.part<N>`` of a JSON array whose entries wrap the account in a
key (``following``, ``follower``, ``blocking``, ``muting``).

The archive gives ids only, no handle nor profile: each account's handle is its ``userLink`` (a
link that opens the profile) until ``--accounts`` joins a users file to it by id. Another file
of the archive (tweets.js, like.js, ...) is an error that names the files read here.
"""

from __future__ import annotations

import re

from ..errors import SocialrulesError
from ..models import Account, Platform, Source
from ._accounts import json_values

OPTIONS = ()
_WRAPPER = re.compile(r"\s*window\.YTD\.(\w+)\.part\d+\s*=\s*")
# file's global name -> the key that wraps each entry
_LISTS = {"following": "following", "follower": "follower", "block": "blocking", "mute": "muting"}


def looks_like(text: str) -> bool:
    found = _WRAPPER.match(text)
    return found is not None and found.group(1) in _LISTS


def read(text: str, shown: str) -> list[Account]:
    found = _WRAPPER.match(text)
    if found is None:
        raise SocialrulesError(
            "not a file of a Twitter archive: it should start with `window.YTD.following.part0 = [` "
            "(data/following.js, follower.js, block.js or mute.js)", shown, 1, 1)
    name = found.group(1)
    if name not in _LISTS:
        raise SocialrulesError(
            f"this archive file holds {name!r}, not accounts: socialrules reads following.js, "
            "follower.js, block.js and mute.js", shown, 1, found.start(1) + 1)
    key = _LISTS[name]
    # The JSON after the assignment, every character kept in its place for line numbers.
    body = " " * found.end() + text[found.end():]
    stripped = body.rstrip()
    if stripped.endswith(";"):
        body = stripped[:-1]
    if not body[found.end():].lstrip().startswith("["):
        raise SocialrulesError(f"expected a list after `window.YTD.{name}...=`", shown, 1, found.end() + 1)
    accounts = []
    for entry, line, column in json_values(body, shown):
        inner = entry.get(key) if type(entry) is dict else None
        identifier = inner.get("accountId") if type(inner) is dict else None
        if type(identifier) is int:
            identifier = str(identifier)
        if type(identifier) is not str or not identifier.strip().isdigit():
            raise SocialrulesError(f'an entry should be {{"{key}": {{"accountId": "123...", '
                                   f'"userLink": "..."}}}}', shown, line, column)
        identifier = identifier.strip()
        link = inner.get("userLink")
        if type(link) is not str or not link.strip():
            link = f"https://twitter.com/intent/user?user_id={identifier}"
        accounts.append(Account(handle=link.strip(), source=Source(shown, line, column),
                                id=identifier, platform=Platform.TWITTER))
    return accounts
