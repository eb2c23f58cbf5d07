"""A plain CSV of accounts, for lists that come from anywhere else (a spreadsheet, a tool's export):
a header row, then one account a row.

    handle,name,bio,followers,following,url
    @dinum@social.numerique.gouv.fr,DINUM,Direction interministérielle du numérique,8200,310,https://numerique.gouv.fr
    @jdupont,Jeanne Dupont,Journaliste politique,48 000,1 200,

Columns, in any order, names in any case: ``handle`` (required: ``@user``, ``@user@instance``,
``user@instance`` or a profile address), ``name``, ``bio``, ``followers``, ``following``,
``url`` (the website), and optionally ``platform`` (twitter or mastodon) and ``id``. A few other
spellings are understood (``display_name``, ``description``, ``followers_count``, ``website``,
...). An unknown column is an error, as a misspelt one would silently lose its data. Counts may
be written ``12345``, ``12 345``, ``12,345`` or ``12.5k``; empty cells are unknown values. A row
with only a handle is an account to look up (see the unassessed-account rule).
"""

from __future__ import annotations

from ..errors import SocialrulesError
from ..models import Account, Platform
from ._accounts import CsvError, csv_records, parse_count, source

OPTIONS = ()
_COLUMNS = {
    "handle": "handle", "account": "handle", "acct": "handle", "username": "handle",
    "account address": "handle", "name": "display_name", "display_name": "display_name",
    "display name": "display_name", "bio": "bio", "description": "bio", "note": "bio",
    "followers": "followers", "followers_count": "followers", "following": "following",
    "following_count": "following", "friends_count": "following", "url": "url",
    "website": "url", "site": "url", "platform": "platform", "id": "id",
}
KNOWN = "handle, name, bio, followers, following, url, and optionally platform and id"


def looks_like(first_line: str) -> bool:
    """Whether a CSV file's first line is this format's header (it names a `handle` column)."""
    cells = [cell.strip().strip('"').casefold() for cell in first_line.split(",")]
    return "handle" in cells and all(cell in _COLUMNS for cell in cells if cell)


def read(text: str, shown: str) -> list[Account]:
    accounts = []
    names: list[str | None] | None = None
    try:
        for record, line in csv_records(text):
            if names is None:
                names = _header(record, shown, line)
                continue
            values = {name: cell.strip() for name, cell in zip(names, record) if name}
            if len(record) > len(names) and any(cell.strip() for cell in record[len(names):]):
                raise SocialrulesError(f"this row has {len(record)} cells, the header {len(names)}",
                                       shown, line, 1)
            accounts.append(_account(values, shown, line))
    except CsvError as error:
        raise SocialrulesError(f"invalid CSV: {error}", shown, error.line) from None
    return accounts


def _header(record: list[str], shown: str, line: int) -> list[str | None]:
    names: list[str | None] = []
    for cell in record:
        label = cell.strip().casefold()
        if not label:
            names.append(None)
            continue
        if label not in _COLUMNS:
            raise SocialrulesError(f"unknown column {cell.strip()!r}: an accounts CSV has the "
                                   f"columns {KNOWN}", shown, line, 1)
        names.append(_COLUMNS[label])
    if "handle" not in names:
        raise SocialrulesError(f"an accounts CSV needs a `handle` column (columns: {KNOWN})", shown, line, 1)
    return names


def _account(values: dict[str, str], shown: str, line: int) -> Account:
    handle = values.get("handle", "")
    identifier = values.get("id") or None
    if not handle and not identifier:
        raise SocialrulesError("this row has no handle", shown, line, 1)
    counts = {}
    for name in ("followers", "following"):
        try:
            counts[name] = parse_count(values.get(name, ""))
        except ValueError:
            raise SocialrulesError(f"{name}: {values[name]!r} is not a count (write 12345, "
                                   "12 345 or 12.5k)", shown, line, 1) from None
    platform = values.get("platform", "").casefold() or None
    if platform is not None and platform not in ("twitter", "mastodon"):
        raise SocialrulesError(f"platform: {values['platform']!r} is neither twitter nor mastodon",
                               shown, line, 1)
    if not handle:
        handle = f"https://twitter.com/intent/user?user_id={identifier}"
    elif "/" not in handle:
        handle = "@" + handle.lstrip("@")
    return Account(
        handle=handle, display_name=values.get("display_name") or None, bio=values.get("bio") or None,
        url=values.get("url") or None, followers=counts["followers"], following=counts["following"],
        source=source(shown, line), id=identifier, platform=Platform(platform) if platform else None,
    )
