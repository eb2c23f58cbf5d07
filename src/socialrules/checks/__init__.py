"""Check kinds: what a rule file's `check:` names. One module each, registering itself.

A check kind is a class with a ``name``, an ``Options`` dataclass (validated by pydantic when a
rule file is read; its docstrings are what `socialrules explain` shows; quicker to define as a
subclass of :class:`OptionsBase`) and a ``run`` method that yields :class:`Hit` for a post. It is
built once per rule and run over every post. The engine finds the module
``socialrules.checks.<name>`` on first use, so adding a kind is adding one module.
"""

from __future__ import annotations

import dataclasses
import importlib
import pickle
from array import array
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import (TYPE_CHECKING, Any, ClassVar, Iterable, Iterator, KeysView, NamedTuple,
                    SupportsIndex)

from ..models import DataclassMethods

if TYPE_CHECKING:
    from ..engine import AccountSubject, Subject
    from ..models import Config, Rule

__all__ = ["OPTIONS_CONFIG", "Check", "Hit", "OptionsBase", "Packed", "PackedValues", "Traits",
           "get_kind", "kind_traits", "pack", "register"]

# For every Options dataclass: unknown options are errors; attribute docstrings document them.
OPTIONS_CONFIG = {"extra": "forbid", "use_attribute_docstrings": True}


class OptionsBase:
    """Base of the kinds' Options dataclasses, declared ``@dataclass(slots=True, repr=False,
    eq=False)`` with a docstring: that is ~0.2 ms less a kind at every start than @dataclass's
    own methods and signature-made docstring, with the same ``__repr__`` and ``__eq__``."""

    __slots__ = ()
    __repr__ = DataclassMethods.__repr__
    __eq__ = DataclassMethods.__eq__
    __hash__ = None  # type: ignore[assignment]  # mutable: unhashable, as @dataclass makes it


@dataclass(slots=True)
class Hit:
    """What a check found: a span of one field of the post, and values for the message. A
    ``match`` value replaces the spanned text as the finding's match (a secret, masked)."""

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


def pack(table: dict[Any, Any]) -> PackedValues:
    """A table with each value pickled apart: for `prepare` to return, and for the check to read
    through :class:`Packed`."""
    blob = bytearray()
    ends = array("Q")
    for value in table.values():
        blob += pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        ends.append(len(blob))
    return PackedValues(tuple(table), ends, bytes(blob))


class PackedValues(Mapping[Any, bytes]):
    """Pickled values by key, end to end in one buffer (what :func:`pack` makes).

    Pickled with protocol 5, the buffer goes out of band: the cache stores it apart and maps it
    into memory rather than reading it (see cache.py), so that a run reads only the values its
    posts look up, not megabytes of tables.
    """

    __slots__ = ("_index", "_ends", "_blob")

    def __init__(self, keys: tuple[Any, ...], ends: array[int], blob: bytes | memoryview) -> None:
        self._index = dict(zip(keys, range(len(keys))))
        self._ends = ends
        self._blob = blob

    def __getitem__(self, key: Any) -> bytes | memoryview:
        index = self._index[key]
        return self._blob[self._ends[index - 1] if index else 0 : self._ends[index]]

    def __contains__(self, key: object) -> bool:
        return key in self._index

    def __iter__(self) -> Iterator[Any]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def __repr__(self) -> str:
        return f"<{len(self)} packed values>"

    def __reduce_ex__(self, protocol: SupportsIndex) -> tuple[Any, ...]:
        blob = pickle.PickleBuffer(self._blob) if int(protocol) >= 5 else bytes(self._blob)
        return PackedValues, (tuple(self._index), self._ends, blob)


class Packed(dict):
    """A packed table (see :func:`pack`) whose values are unpickled when first looked up.

    Prepared options are cached, and loading them is paid at every start: a table of thousands of
    lists costs milliseconds to unpickle, while a post looks up a handful of its keys. It reads as
    the table it packs: look-ups by key (``table[key]``, ``key in table``, ``get``), and its keys
    and length without unpickling; ``items()`` and ``values()`` (lists) unpickle every value.
    """

    __slots__ = ("packed",)

    def __init__(self, packed: Mapping[Any, bytes]) -> None:
        super().__init__()
        self.packed = packed

    def __missing__(self, key: Any) -> Any:
        value = self[key] = pickle.loads(self.packed[key])
        return value

    def __contains__(self, key: object) -> bool:
        return key in self.packed

    def get(self, key: Any, default: Any = None) -> Any:
        return self[key] if key in self.packed else default

    def __iter__(self) -> Iterator[Any]:
        return iter(self.packed)

    def __len__(self) -> int:
        return len(self.packed)

    def keys(self) -> KeysView[Any]:  # type: ignore[override]
        return self.packed.keys()

    def values(self) -> list[Any]:  # type: ignore[override]
        return [self[key] for key in self.packed]

    def items(self) -> list[tuple[Any, Any]]:  # type: ignore[override]
        return [(key, self[key]) for key in self.packed]


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


class Traits(NamedTuple):
    """What the engine needs to know of a kind to pick the rules that run on posts or accounts."""

    scope: str
    accounts: bool


def kind_traits(name: str) -> Traits | None:
    """The traits of the check kind called ``name``; None if none exists.

    A kind shipped with socialrules is not imported for this: its traits are read from a table
    kept in the cache (see :func:`_shipped_traits`), so that checking a draft does not import the
    modules of the kinds that judge only accounts, nor checking accounts those of post kinds.
    """
    kind = _KINDS.get(name)
    if kind is None or kind.__module__ == f"{__name__}.{name}":
        # (asked even when the kind is imported: a first run writes the table for the next)
        shipped = _shipped_traits().get(name)
        if shipped is not None:
            return shipped
        kind = get_kind(name)
        if kind is None:
            return None
    return Traits(kind.scope, kind.accounts)


_SHIPPED_TRAITS: dict[str, Traits] | None = None


def _shipped_traits() -> dict[str, Traits]:
    """The traits of every kind of this package, by name. They change only with its modules,
    which are part of every cache key: the table is built once (importing every kind) and read
    from the cache afterwards."""
    global _SHIPPED_TRAITS
    if _SHIPPED_TRAITS is None:
        from ..cache import cached

        def build() -> dict[str, Traits]:
            kinds = {name: get_kind(name) for name in known_kinds()}
            # Only kinds defined by their own module here: one registered from elsewhere (a
            # plug-in's @register) may be missing from a later process.
            return {name: Traits(kind.scope, kind.accounts) for name, kind in kinds.items()
                    if kind is not None and kind.__module__ == f"{__name__}.{name}"}

        _SHIPPED_TRAITS = cached("kinds", [], build)
    return _SHIPPED_TRAITS


def known_kinds() -> list[str]:
    """Every check kind shipped with socialrules."""
    import pkgutil

    return sorted(module.name for module in pkgutil.iter_modules(__path__) if module.name[0] != "_")
