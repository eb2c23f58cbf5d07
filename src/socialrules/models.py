"""The domain models: Post, Account, Finding, Rule, Config and their parts.

They are standard-library dataclasses that pydantic v2 validates (``Model.model_validate``) and
describes (``Model.model_json_schema``) on demand. Importing pydantic costs ~60 ms, more than half of
the budget of a pre-commit run, so the hot path (build posts, run checks, print findings) never
imports it; every input from outside (rule files, config, posts files) goes through pydantic.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import reprlib
import sys
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from typing import Any, ClassVar, Literal

__all__ = [
    "Account", "AccountThresholds", "AppliesTo", "Config", "Example", "Examples", "Finding",
    "Guideline", "Limits", "Localized", "Location", "Media", "Platform", "Post", "PostEntry",
    "PostKind", "Rule", "Severity", "Source", "Strategy", "Suppression", "TeamProfile",
]


def _kebab(name: str) -> str:
    return name.replace("_", "-")


# pydantic reads this from a dataclass without pydantic being imported here.
_STRICT = {"extra": "forbid", "use_attribute_docstrings": True,
           "json_schema_serialization_defaults_required": True}
_STRICT_KEBAB = {**_STRICT, "alias_generator": _kebab, "populate_by_name": True}


class DataclassMethods:
    """The ``__repr__``, ``__eq__`` and ``__hash__`` that ``@dataclass`` generates, written once.

    Generated, they are compiled for each class at every start (~0.1 ms a method, ~3 ms for this
    module alone), paid for by a command line that checks one draft. A frozen dataclass declared
    ``@dataclass(frozen=True, slots=True, repr=False, eq=False)`` inherits the three; a mutable
    one declared ``repr=False`` keeps its generated ``__eq__``, which makes it unhashable.
    """

    __slots__ = ()

    @reprlib.recursive_repr()
    def __repr__(self) -> str:
        shown = [f"{name}={getattr(self, name)!r}" for name in _field_names(type(self))[0]]
        return f"{type(self).__qualname__}({', '.join(shown)})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        compared = _field_names(type(self))[1]
        return _values(self, compared) == _values(other, compared)

    def __hash__(self) -> int:
        return hash(_values(self, _field_names(type(self))[2]))

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        # Unpickled by calling the class: twice as quick as @dataclass's __setstate__ for frozen
        # classes with slots (the cache of rules holds hundreds, in their examples).
        return type(self), _values(self, _field_names(type(self))[3])


class Model(DataclassMethods):
    """pydantic's model API for the dataclasses below, pydantic imported on first use."""

    __slots__ = ()
    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    @classmethod
    def model_validate(cls, data: Any):
        """Validate ``data`` (a mapping as read from YAML, TOML or JSON) into an instance."""
        return _adapter(cls).validate_python(data)

    @classmethod
    def model_json_schema(cls, mode: Literal["validation", "serialization"] = "serialization"):
        return _adapter(cls).json_schema(mode=mode)

    def model_dump(self) -> dict[str, Any]:
        """A JSON-ready dict (enums as their values, datetimes as ISO 8601 strings)."""
        return dataclasses.asdict(self, dict_factory=_json_ready)


@cache
def _adapter(cls: type):
    from pydantic import TypeAdapter

    return TypeAdapter(cls)


@cache
def _field_names(cls: type) -> tuple[tuple[str, ...], ...]:
    """The fields a dataclass shows in its repr, compares, and hashes, as @dataclass picks them;
    and all of them, in order, as its __init__ takes them (every field is an argument)."""
    fields = dataclasses.fields(cls)
    assert all(f.init for f in fields), f"{cls.__name__}: every field must be an __init__ argument"
    return (tuple(f.name for f in fields if f.repr), tuple(f.name for f in fields if f.compare),
            tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash)),
            tuple(f.name for f in fields))


def _values(instance: DataclassMethods, names: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple([getattr(instance, name) for name in names])


def _json_ready(items: list[tuple[str, Any]]) -> dict[str, Any]:
    return {key: _json_value(value) for key, value in items}


def _json_value(value: Any) -> Any:
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_json_value(v) for v in value]
    return value


class Platform(StrEnum):
    TWITTER = "twitter"
    MASTODON = "mastodon"


class PostKind(StrEnum):
    POST = "post"
    REPLY = "reply"
    BOOST = "boost"  # a retweet or a Mastodon boost: `quoted` holds the boosted text
    QUOTE = "quote"  # our text plus the quoted post in `quoted`


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe; used for --fail-on and sorting."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Localized(Model):
    """A text in French and English; findings are printed in the language the user picks."""

    fr: str
    en: str

    def get(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en


# --- where text comes from --------------------------------------------------------------------


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Source(Model):
    """Where a text sits in a file, so that offsets in the text become file lines and columns.

    By default the text starts at ``line``:``column`` and its own lines follow in the file, each
    from column 1 (a plain draft file). A text taken from a structured file (an indented YAML
    block, a folded or quoted scalar) gives ``anchors`` instead: (offset in the text, file line,
    file column) where a piece of the text starts; an offset is placed from the last anchor
    at or before it. Lines and columns are 1-based; columns count characters.
    """

    path: str
    line: int = 1
    column: int = 1
    anchors: tuple[tuple[int, int, int], ...] = ()

    def position(self, text: str, offset: int) -> tuple[int, int]:
        """The file (line, column) of ``text[offset]``."""
        if self.anchors:
            index = bisect.bisect_right(self.anchors, (offset, sys.maxsize, sys.maxsize)) - 1
            anchor_offset, line, column = self.anchors[max(index, 0)]
            return line, column + offset - anchor_offset
        line_index = text.count("\n", 0, offset)
        if line_index == 0:
            return self.line, self.column + offset
        return self.line + line_index, offset - text.rfind("\n", 0, offset)


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Location(Model):
    """A span in a file; ``end_column`` is the column just after the last character (as SARIF)."""

    path: str | None
    line: int
    column: int
    end_line: int
    end_column: int


# --- what is checked ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Media(Model):
    """An attached image, video or sound, with the description screen readers read."""

    file: str | None = None
    alt: str | None = None
    type: str | None = None


@dataclass(slots=True, repr=False)
class Post(Model):
    """One post to check: a draft, a scheduled post, or a post from an archive."""

    text: str
    """The post's own text (for a boost, usually empty: the boosted text is `quoted`)."""
    platforms: tuple[Platform, ...] = ()
    """Where it will be published; empty means every platform of the configuration."""
    kind: PostKind = PostKind.POST
    spoiler_text: str = ""
    """The content warning (Mastodon); it counts towards Mastodon's length."""
    quoted: str | None = None
    """The text of the boosted, retweeted or quoted post."""
    quoted_author: str | None = None
    media: tuple[Media, ...] = ()
    scheduled_at: dt.datetime | None = None
    tool: str | None = None
    """The publishing tool (a scheduled post's `tool`, an archive's source or application)."""
    account: str | None = None
    lang: str | None = None
    id: str | None = None
    in_reply_to: str | None = None
    suppressions: dict[str, str] = field(default_factory=dict)
    """Rules silenced for this post, each with its reason (`ignore` in a posts file)."""
    thread_id: str | None = None
    """The first post's id, for every part of a thread."""
    thread_position: int | None = None
    """1 for the first part of a thread, 2 for the next, ..."""
    thread_size: int | None = None
    source: Source | None = None
    """Where `text` sits in a file; None for text given on the command line or to the library."""
    field_sources: dict[str, Source] = field(default_factory=dict)
    """Where the other checked fields (spoiler_text, quoted, media alts) sit in a file."""


@dataclass(slots=True, repr=False)
class Account(Model):
    """An account in a follow list, or mentioned in a post."""

    handle: str
    display_name: str | None = None
    bio: str | None = None
    url: str | None = None
    followers: int | None = None
    following: int | None = None
    bot: bool | None = None
    group: bool | None = None
    fields: dict[str, str] = field(default_factory=dict)
    source: Source | None = None
    id: str | None = None
    """The platform's account id (a Twitter archive's `accountId`, the API's `id`)."""
    platform: Platform | None = None
    """Where the account lives, when its file says so; None for a plain list of handles."""


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Suppression(Model):
    """A rule silenced for one post, and why."""

    rule: str
    reason: str


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class PostEntry(Model):
    """One entry of a native posts file (YAML, JSON or JSON Lines)."""

    text: str = ""
    """The post's text. For a thread, the first part."""
    id: str | None = None
    """Unique in the file; findings name it."""
    platforms: tuple[Platform, ...] = ()
    """twitter, mastodon; empty: the configuration's."""
    kind: PostKind = PostKind.POST
    spoiler_text: str = ""
    """The content warning (Mastodon)."""
    quoted: str | None = None
    """For a boost or a quote: the boosted or quoted post's text."""
    quoted_author: str | None = None
    in_reply_to: str | None = None
    """The id or URL of the post this one answers."""
    thread: tuple[str, ...] = ()
    """The next parts of a thread, after `text`."""
    media: tuple[Media, ...] = ()
    scheduled_at: dt.datetime | None = None
    """ISO 8601 with a time zone: 2026-12-01T09:30:00+01:00."""
    tool: str | None = None
    """The publishing tool that will send it."""
    account: str | None = None
    """The account it is published from: @user or @user@instance."""
    lang: str | None = None
    """fr, en, ..."""
    ignore: tuple[Suppression, ...] = ()
    """Rules silenced for this post, each with its reason."""

    def __post_init__(self) -> None:
        # pydantic gives its own tzinfo class; the standard one keeps posts (and the cache of
        # rules, whose examples hold posts) free of pydantic.
        when = self.scheduled_at
        if when is not None and when.tzinfo is not None and type(when.tzinfo) is not dt.timezone:
            zone = dt.timezone(when.utcoffset())
            object.__setattr__(self, "scheduled_at", when.replace(tzinfo=zone))


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Guideline(Model):
    """The guideline sentence a rule enforces, quoted, and what it means for the rule."""

    quote: str
    """The sentence, in French, exactly as the guideline writes it."""
    section: str
    explanation: Localized
    url: str | None = None
    document: str = "reseaux-sociaux.txt"
    """The guideline document the quote comes from."""


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Finding(Model):
    """One problem found: where, what, why (the guideline) and how to fix it."""

    rule: str
    severity: Severity
    message: str
    guideline: Guideline
    location: Location
    match: str
    """The exact text the finding is about, as the span of the original text gives it; a secret
    (secret-in-post) is shown masked, its span still pointing at it."""
    fix: str | None = None
    post: str | int | None = None
    """The post's id, or its index (from 0) in its file."""
    platform: Platform | None = None
    field: str = "text"
    """Which part of the post: text, spoiler_text, quoted, media[N].alt, tool, ..."""
    start: int = 0
    """The span in that field's text, as str indices (end exclusive)."""
    end: int = 0


# --- findings, made quickly ----------------------------------------------------------------------
# A frozen dataclass's __init__ sets each field through object.__setattr__, which costs five times
# a plain assignment: ~20,000 instructions for a Finding, 10,000 for its Location, and a large
# schedule or archive has thousands of findings. The engine makes them as drafts instead: a
# subclass that adds no field and allows assignment, whose instances then become the frozen class
# (the same memory layout, so Python allows the change of class).


def _draft(frozen: type) -> type:
    # Both of object's methods, not only __setattr__: Python then sets attributes directly, in C.
    return type(f"_{frozen.__name__}Draft", (frozen,),
                {"__slots__": (), "__setattr__": object.__setattr__, "__delattr__": object.__delattr__})


_LocationDraft = _draft(Location)
_FindingDraft = _draft(Finding)


def new_location(path: str | None, line: int, column: int, end_line: int, end_column: int) -> Location:
    """``Location(...)``, quicker."""
    location = _LocationDraft.__new__(_LocationDraft)
    location.path, location.line, location.column = path, line, column
    location.end_line, location.end_column = end_line, end_column
    location.__class__ = Location
    return location


def new_finding(rule: str, severity: Severity, message: str, guideline: Guideline,
                location: Location, match: str, fix: str | None, post: str | int | None,
                platform: Platform | None, field: str, start: int, end: int) -> Finding:
    """``Finding(...)`` with every field given, quicker."""
    finding = _FindingDraft.__new__(_FindingDraft)
    finding.rule, finding.severity, finding.message, finding.guideline = rule, severity, message, guideline
    finding.location, finding.match, finding.fix, finding.post = location, match, fix, post
    finding.platform, finding.field, finding.start, finding.end = platform, field, start, end
    finding.__class__ = Finding
    return finding


# --- rules -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class AppliesTo(Model):
    """What a rule looks at; empty means all."""

    platforms: tuple[Platform, ...] = ()
    kinds: tuple[PostKind, ...] = ()


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Example(Model):
    """A rule's example post: the post's fields, and for a failing one what should match."""

    text: str = ""
    platform: Platform | None = None
    kind: PostKind = PostKind.POST
    spoiler_text: str = ""
    quoted: str | None = None
    quoted_author: str | None = None
    media: tuple[Media, ...] = ()
    tool: str | None = None
    lang: str | None = None
    match: str | None = None
    """For a failing example: the text a finding must point at."""
    note: str | None = None
    posts: tuple[PostEntry, ...] = ()
    """For rules that compare posts: a schedule, as in a posts file (the other fields unused)."""
    account: Account | None = None
    """For rules that judge accounts (follow lists): the account (the post fields unused)."""

    def to_accounts(self) -> list[Account]:
        return [self.account] if self.account is not None else []

    def to_posts(self) -> list[Post]:
        if self.posts:
            from .readers.native import posts_from_entries

            return posts_from_entries(self.posts)
        return [self.to_post()]

    def to_post(self) -> Post:
        return Post(
            text=self.text, platforms=(self.platform,) if self.platform else (), kind=self.kind,
            spoiler_text=self.spoiler_text, quoted=self.quoted, quoted_author=self.quoted_author,
            media=self.media, tool=self.tool, lang=self.lang,
        )


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Examples(Model):
    # `pass` is a keyword: the field is `pass_`, written `pass` in rule files.
    __pydantic_config__: ClassVar[dict[str, Any]] = {
        **_STRICT, "alias_generator": lambda name: name.rstrip("_"), "populate_by_name": True,
    }

    fail: tuple[Example, ...] = ()
    pass_: tuple[Example, ...] = ()
    team: TeamProfile | None = None
    """The team profile the examples assume (the configuration's [team])."""
    strategy: Strategy | None = None
    """The strategy the examples assume (the configuration's [strategy])."""


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Rule(Model):
    """A rule as its YAML file declares it; the file name (without .yaml) is its id."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT_KEBAB

    id: str
    check: str
    """The check kind that runs it (lexicon, pattern, metric, ...)."""
    severity: Severity
    summary: Localized
    """One line, shown by `socialrules rules`."""
    message: Localized
    """A template: {match} and the fields the check kind gives (see `socialrules explain`)."""
    guideline: Guideline
    examples: Examples
    fix: Localized | None = None
    applies_to: AppliesTo = AppliesTo()
    options: dict[str, Any] = field(default_factory=dict)
    path: str | None = None
    """The file the rule was read from."""


# --- configuration -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class TeamProfile(Model):
    """Who the team is: what the guideline rules compare posts and accounts with."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT_KEBAB

    names: tuple[str, ...] = ()
    """How people name the team and its products ("Mes Aides")."""
    accounts: tuple[str, ...] = ()
    """The team's own accounts: @user (Twitter) and @user@instance (Mastodon)."""
    allies: tuple[str, ...] = ()
    """Accounts and domains of the ecosystem: @handle, *.gouv.fr, *@instance."""
    tools: tuple[str, ...] = ()
    """The approved publishing tools ("TweetDeck")."""
    comms_contact: str | None = None
    """How to reach the communication service, quoted in escalation findings."""


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class AccountThresholds(Model):
    """When an account's audience counts as a cue of influence (`[accounts]` in the configuration)."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT_KEBAB

    followers: int = 10_000
    """An audience of at least this many followers is a cue."""
    ratio: float = 20.0
    """At least this many followers per account followed is a cue..."""
    ratio_min_followers: int = 1_000
    """... for accounts with at least this many followers (a new account's ratio means little)."""


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Limits(Model):
    """Length limits per platform (a Mastodon instance may raise its own)."""

    twitter: int = 280
    mastodon: int = 500


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Strategy(Model):
    """The team's social-media strategy, as the guideline's BuzzForm asks to define it
    (`socialrules init` writes it); rules may compare posts with it."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT_KEBAB

    audiences: tuple[str, ...] = ()
    """Who the posts are for ("job seekers", "social workers")."""
    goals: tuple[str, ...] = ()
    """What the team wants from its accounts ("announce new features")."""
    editorial_line: str | None = None
    """What the team publishes and why, in a sentence or two."""
    tone: str | None = None
    """The style the team adopts ("friendly, plain words, no jargon")."""
    cadence: dict[str, float] = field(default_factory=dict)
    """Posts planned per week, per platform: {twitter = 3, mastodon = 2}."""


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class Config(Model):
    """A `socialrules.toml` (or `[tool.socialrules]` in pyproject.toml)."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT_KEBAB

    rule_dirs: tuple[str, ...] = ()
    """Folders of extra rule files, relative to the config file."""
    select: tuple[str, ...] = ()
    """Only these rules (ids or prefixes); empty means all."""
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    """Severity overrides by rule id."""
    platforms: tuple[Platform, ...] = ()
    """Where the team publishes; empty means both."""
    lang: Literal["fr", "en"] | None = None
    """Language of messages."""
    fail_on: Literal["error", "warning", "info", "never"] = "info"
    limits: Limits = Limits()
    team: TeamProfile = TeamProfile()
    strategy: Strategy = Strategy()
    """The team's strategy (audiences, goals, editorial line, tone, cadence)."""
    accounts: AccountThresholds = AccountThresholds()
    """When a followed account's audience is a cue of influence (followers, ratio)."""
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Per-rule option overrides: [rules.emoji-overuse] max = 5."""
    path: str | None = None
    """The file the configuration was read from."""
