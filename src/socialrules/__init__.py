"""socialrules: check social-media posts against a team's posting rules before they go out.

    >>> import socialrules
    >>> findings = socialrules.check("Nouvelle version du simulateur !", platform="mastodon")
    >>> linter = socialrules.Linter.from_config()   # build the rules once, check many posts

Findings (:class:`socialrules.Finding`) say where (line, column), what, why (the guideline they
enforce) and how to fix.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = [
    "Account", "Config", "Finding", "Linter", "Location", "Media", "Platform", "Post", "PostKind",
    "Rule", "Severity", "SocialrulesError", "check",
]

if TYPE_CHECKING:
    from .engine import Linter
    from .errors import SocialrulesError
    from .models import (Account, Config, Finding, Location, Media, Platform, Post, PostKind, Rule,
                         Severity)

_linters: dict[str, Any] = {}  # by working folder: the configuration found depends on it


def check(text: str, *, platform: str | None = None, kind: str = "post", quoted: str | None = None,
          spoiler_text: str = "", config: str | None = None, lang: str | None = None) -> list[Finding]:
    """Check one draft with the built-in rules and the configuration ``config`` (a path; by
    default the nearest socialrules.toml from the current folder up).

    Without ``platform``, the draft is checked for every platform of the configuration (both
    Twitter and Mastodon without one). For many posts, build a :class:`Linter` once instead.
    """
    from .engine import Linter

    if config is not None or lang is not None:
        linter = Linter.from_config(config, lang=lang)
    else:
        import os

        linter = _linters.get(os.getcwd())
        if linter is None:
            linter = _linters[os.getcwd()] = Linter.from_config()
    return linter.check(text, platform=platform, kind=kind, quoted=quoted, spoiler_text=spoiler_text)


def __getattr__(name: str) -> Any:
    # Lazy, so that `import socialrules` stays cheap for the command line.
    if name == "Linter":
        from .engine import Linter

        return Linter
    if name == "SocialrulesError":
        from .errors import SocialrulesError

        return SocialrulesError
    if name in __all__:
        from . import models

        return getattr(models, name)
    raise AttributeError(f"module 'socialrules' has no attribute {name!r}")
