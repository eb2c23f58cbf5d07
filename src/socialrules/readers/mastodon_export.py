"""The account lists of a Mastodon data export (Preferences > Import and export > Data export):
``following_accounts.csv``, ``muted_accounts.csv``, ``blocked_accounts.csv`` and ``lists.csv``.

    Account address,Show boosts,Notify on new posts,Languages
    dinum@social.numerique.gouv.fr,true,false,
    someone@mastodon.social,true,false,"fr, en"

What this is based on: Mastodon's own writer and reader of these files (mastodon/mastodon,
app/models/export.rb: the following file's header ``Account address,Show boosts,Notify on new
posts,Languages``, the muted file's ``Account address,Hide notifications``, the blocked file
and the lists file (``list title,account``) without a header, every account written
``user@domain``, the local ones with the instance's domain; app/models/form/import.rb: the
headers it expects, and that a file whose first cell is no known header is read as having none,
its first column being the account).

Each row is an account, placed at its line; the other columns (boosts, notifications,
languages) say nothing about who the account is and are not read. A cell that is no account
address is an error at its line.
"""

from __future__ import annotations

import re

from ..errors import SocialrulesError
from ..models import Account, Platform
from ._accounts import CsvError, csv_records, source

OPTIONS = ()
HEADERS = {"Account address": 0, "List name": 1}  # first header cell -> the account's column
_ACCT = re.compile(r"@?[A-Za-z0-9_]+(?:[.-]+[A-Za-z0-9_]+)*(?:@[^\s@,]+)?")


def looks_like(first_line: str) -> bool:
    """Whether a CSV file is a Mastodon export: its header, or a first row of account addresses."""
    cells = [cell.strip().strip('"') for cell in first_line.split(",")]
    if cells[0] in HEADERS:
        return True
    return 1 <= len(cells) <= 2 and "@" in cells[-1] and _ACCT.fullmatch(cells[-1]) is not None


def read(text: str, shown: str) -> list[Account]:
    accounts = []
    column = None
    try:
        for record, line in csv_records(text):
            if column is None:
                column = HEADERS.get(record[0].strip())
                if column is not None:
                    continue  # the header
                # No header: a blocked_accounts.csv (the account) or a lists.csv (list, account).
                column = 0 if len(record) == 1 else 1
                if len(record) > 2 or "@" not in record[column].strip().lstrip("@"):
                    raise SocialrulesError(
                        "not a Mastodon export: its first row should be the header `Account "
                        "address,...` (following_accounts.csv, muted_accounts.csv) or, without a "
                        "header, an account address user@instance (blocked_accounts.csv, lists.csv)",
                        shown, line, 1)
            if len(record) <= column:
                raise SocialrulesError("this row has no account address", shown, line, 1)
            acct = record[column].strip()
            if not _ACCT.fullmatch(acct):
                raise SocialrulesError(
                    f"{acct!r} is not an account address (user@instance), as a Mastodon export "
                    "writes them", shown, line, 1)
            accounts.append(Account(handle="@" + acct.lstrip("@"), source=source(shown, line),
                                    platform=Platform.MASTODON))
    except CsvError as error:
        raise SocialrulesError(f"invalid CSV: {error}", shown, error.line) from None
    return accounts
