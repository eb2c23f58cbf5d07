"""Regular expressions compiled on first use.

A command-line run checks one post, so every pattern compiled at import time is paid for even when
no post needs it; `regex` compiles slowly (its parser is Python code, ~0.2-5 ms a pattern), the
standard `re` several times faster. Module constants are therefore written

    _WORD = lazy_re(r"\\w+")                    # the standard engine, for plain patterns
    _EMOJI = lazy_regex(r"\\p{Extended_Pictographic}")   # `regex`, for what only it can do

and used as compiled patterns (`_WORD.finditer(text)`): the first use compiles, later uses cost
what a compiled pattern's costs.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Callable, cast

if TYPE_CHECKING:
    import regex

__all__ = ["Memo", "lazy_re", "lazy_regex"]

_COPIED = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split",
           "groupindex", "groups")


class _Lazy:
    def __init__(self, pattern: str, flags: int, engine: str) -> None:
        self.pattern = pattern
        self._flags = flags
        self._engine = engine

    def __getattr__(self, name: str) -> Any:
        # Called only for what the object lacks: the first use compiles, and puts the compiled
        # pattern's methods on the object, found directly from then on.
        if name.startswith("_"):
            raise AttributeError(name)
        if self._engine == "regex":
            import regex as engine
        else:
            engine = re
        compiled = engine.compile(self.pattern, self._flags)
        for attribute in _COPIED:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_{self._engine}({self.pattern!r})"


def lazy_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done on first use."""
    return cast("re.Pattern[str]", _Lazy(pattern, flags, "re"))


def lazy_regex(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, done on first use: for \\p{..} classes, \\X,
    variable-width look-behinds, possessive quantifiers, and `regex`'s Unicode word rules."""
    return cast("regex.Pattern[str]", _Lazy(pattern, flags, "regex"))


class Memo(dict):
    """A table that works out a missing entry with ``function`` the first time it is asked
    for: what each character is, learnt as texts show them (a text uses a few dozen)."""

    def __init__(self, function: Callable[[Any], Any]) -> None:
        super().__init__()
        self.function = function

    def __missing__(self, key: Any) -> Any:
        value = self[key] = self.function(key)
        return value
