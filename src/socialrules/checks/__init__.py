"""Check kinds: what a rule file's `check:` names. One module each, registering itself.

A check kind is a class with a ``name``, an ``Options`` dataclass (validated by pydantic when a
rule file is read; its docstrings are what `socialrules explain` shows) and a ``run`` method that
yields :class:`Hit` for a post. It is built once per rule and run over every post. The engine finds
the module ``socialrules.checks.<name>`` on first use, so adding a kind is adding one module.
"""

from __future__ import annotations

import dataclasses
import importlib
import pickle
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Iterable

if TYPE_CHECKING:
    from ..engine import AccountSubject, Subject
    from ..models import Config, Rule

__all__ = ["OPTIONS_CONFIG", "Check", "Hit", "Packed", "get_kind", "pack", "register"]

# For every Options dataclass: unknown options are errors; attribute docstrings document them.
OPTIONS_CONFIG = {"extra": "forbid", "use_attribute_docstrings": True}


@dataclass(slots=True)
class Hit:
    """What a check found: a span of one field of the post, and values for the message."""

    start: int
    end: int
    field: str = "text"
    values: dict[str, Any] = dataclasses.field(default_factory=dict)


class Check:
    """Base class of check kinds."""

    name: ClassVar[str]
    Options: ClassVar[type]
    placeholders: ClassVar[frozenset[str]] = frozenset()
    """The names a kind gives to message templates, besides {match}."""
    accounts: ClassVar[bool] = False
    """Whether the kind also judges accounts (follow lists): then it implements `run_account`."""
    scope: ClassVar[str] = "post"
    """post: `run` sees one post at a time. posts: `run_all` sees every post checked together
    (a schedule, an archive) to compare them. review: `run` sees one post after the other rules
    and the post's suppressions have been applied (`subject.used_suppressions`). none: the kind
    judges accounts only."""

    def __init__(self, rule: Rule, options: Any, config: Config) -> None:
        self.rule = rule
        self.options = options
        self.config = config

    @classmethod
    def prepare(cls, options: dict[str, Any], folder: Path) -> dict[str, Any]:
        """Validate a rule's options, reading any data file they name (relative to ``folder``).

        Runs when a rule file is read; its result is cached and given back to ``Options(**...)``.
        """
        from ..models import _adapter

        return asdict(_adapter(cls.Options).validate_python(options))

    @classmethod
    def placeholder_names(cls, options: dict[str, Any]) -> frozenset[str]:
        """The names a rule's message may use, besides {match}."""
        return cls.placeholders

    def run(self, subject: Subject) -> Iterable[Hit]:
        raise NotImplementedError

    def run_account(self, subject: AccountSubject) -> Iterable[Hit]:
        """For kinds with ``accounts``: hits in the account's texts (field handle, display_name,
        bio, url, or fields[NAME])."""
        raise NotImplementedError

    def run_all(self, subjects: list[Subject]) -> Iterable[tuple[int, Hit]]:
        """For scope "posts": (index in ``subjects``, hit) pairs."""
        raise NotImplementedError


def pack(table: dict[Any, Any]) -> dict[Any, bytes]:
    """A table with each value pickled apart: for `prepare` to return, and for the check to read
    through :class:`Packed`."""
    return {key: pickle.dumps(value, pickle.HIGHEST_PROTOCOL) for key, value in table.items()}


class Packed(dict):
    """A packed table (see :func:`pack`) whose values are unpickled when first looked up.

    Prepared options are cached, and loading them is paid at every start: a table of thousands of
    lists costs milliseconds to unpickle, while a post looks up a handful of its keys. It is for
    look-ups by key (``table[key]``, ``key in table``, ``get``); iterate over ``packed`` instead.
    """

    __slots__ = ("packed",)

    def __init__(self, packed: dict[Any, bytes]) -> None:
        super().__init__()
        self.packed = packed

    def __missing__(self, key: Any) -> Any:
        value = self[key] = pickle.loads(self.packed[key])
        return value

    def __contains__(self, key: object) -> bool:
        return key in self.packed

    def get(self, key: Any, default: Any = None) -> Any:
        return self[key] if key in self.packed else default


_KINDS: dict[str, type[Check]] = {}


def register(kind: type[Check]) -> type[Check]:
    """Class decorator: make a check kind available to rule files under its ``name``."""
    _KINDS[kind.name] = kind
    return kind


def get_kind(name: str) -> type[Check] | None:
    """The check kind called ``name``, importing its module on first use; None if none exists."""
    if name not in _KINDS and name.isidentifier():
        try:
            importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"{__name__}.{name}":
                raise
    return _KINDS.get(name)


def known_kinds() -> list[str]:
    """Every check kind shipped with socialrules."""
    import pkgutil

    return sorted(module.name for module in pkgutil.iter_modules(__path__) if module.name[0] != "_")
