"""`unassessed`: an account of a follow list that no rule could judge, for lack of a profile.

A Mastodon export or a plain list of handles names accounts without saying who they are; a
Twitter archive gives only ids, until a users file joins them (``--accounts``). Such an account
is reported, so that a list is never passed as clean when it was not looked at: its handle alone
(or its id) is no profile. The team's own accounts and its allies need no profile and are not
reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..handles import account_status, is_handle
from . import OPTIONS_CONFIG, Check, Hit, OptionsBase, register


@dataclass(slots=True, repr=False, eq=False)  # see OptionsBase
class UnassessedOptions(OptionsBase):
    """Options of the `unassessed` check kind."""

    __pydantic_config__ = OPTIONS_CONFIG


@register
class Unassessed(Check):
    name = "unassessed"
    Options = UnassessedOptions
    placeholders = frozenset({"handle", "reason", "reason_fr"})
    accounts = True
    scope = "none"

    def run_account(self, subject) -> Iterator[Hit]:
        account = subject.account
        if (account.display_name or account.bio or account.url or account.fields
                or account.followers is not None or account.following is not None):
            return
        status = account_status(account, self.config.team)
        if status.own or status.ally:
            return
        if is_handle(status.handle):
            values = {"reason": "only its handle", "reason_fr": "seulement son identifiant",
                      "cue_list": ["handle-only"]}
        else:
            number = account.id or account.handle
            values = {"reason": f"only its id ({number})", "reason_fr": f"seulement son numéro ({number})",
                      "cue_list": ["id-only"]}
        yield Hit(0, len(account.handle), "handle", {"handle": account.handle, **values})

    def cues(self, subject) -> list[str]:
        return [cue for hit in self.run_account(subject) for cue in hit.values["cue_list"]]
