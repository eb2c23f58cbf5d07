"""The engine: builds each rule's check once, runs them over posts, turns hits into findings.

It knows no rule by name: a rule is data (see loader.py) naming a check kind (see checks/).
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import gc
import os
from dataclasses import replace
from operator import itemgetter
from pathlib import Path
from typing import Any, Iterable, Sequence

from .checks import Check, Hit, Traits, get_kind, kind_traits
from .errors import SocialrulesError
from .models import (Account, Config, Finding, Platform, Post, PostKind, Rule, Severity,
                     Source, new_finding, new_location)
from .text.analysis import TextView

ALL_PLATFORMS = (Platform.TWITTER, Platform.MASTODON)
_NO_SOURCE = Source(path="")
_HITS = itemgetter(1)  # (index, hits) pairs with hits
_SLICE = 256  # posts checked together by each rule in turn (see Linter._check_posts)


class Subject:
    """One post as the checks see it: its texts, each analysed once, on demand, and the platform
    the current rule checks it for (None for a rule that applies to every platform)."""

    __slots__ = ("post", "platforms", "platform", "config", "now", "rules_in_force",
                 "used_suppressions", "_views", "text_only", "_only_text")

    def __init__(self, post: Post, platforms: tuple[Platform, ...], config: Config,
                 now: dt.datetime | None = None) -> None:
        self.post = post
        self.now = now
        self.platforms = platforms
        self.platform: Platform | None = None
        self.config = config
        self.used_suppressions: set[str] = set()
        self.rules_in_force: frozenset[str] = frozenset()
        self._views: dict[str, TextView] = {}
        self.text_only = not (post.spoiler_text or post.quoted or post.media)
        """The usual post: a text and nothing else to read (no warning, quote or media)."""
        self._only_text: tuple[tuple[str, TextView]] | None = None  # texts() of such a post

    def view(self, field: str = "text") -> TextView:
        view = self._views.get(field)
        if view is None:
            view = self._views[field] = TextView(self.field_text(field))
        return view

    def field_text(self, field: str) -> str:
        post = self.post
        if field == "text":
            return post.text
        if field == "spoiler_text":
            return post.spoiler_text
        if field == "quoted":
            return post.quoted or ""
        if field == "tool":
            return post.tool or ""
        if field.startswith("media[") and field.endswith("].alt"):
            return post.media[int(field[6 : field.index("]")])].alt or ""
        # Fields without text (scheduled_at, account, a media entry, a suppression): a finding
        # on them is placed by the post's field_sources.
        return ""

    def texts(self, fields: Sequence[str]) -> Sequence[tuple[str, TextView]]:
        """(field name, view) for each non-empty text among ``fields`` ("alt" means every media
        description, named "media[N].alt")."""
        post = self.post
        if self.text_only and "tool" not in fields:  # the usual post: rules ask post after post
            if not post.text or "text" not in fields:
                return ()
            if self._only_text is None:
                self._only_text = (("text", self.view("text")),)
            return self._only_text
        found: list[tuple[str, TextView]] = []
        for field in fields:
            if field == "alt":
                found.extend((f"media[{index}].alt", self.view(f"media[{index}].alt"))
                             for index, media in enumerate(post.media) if media.alt)
            elif self.field_text(field):
                found.append((field, self.view(field)))
        return found


class AccountSubject:
    """One account as the checks see it: its texts (handle, display name, bio, url, profile
    fields), each analysed once, on demand."""

    __slots__ = ("account", "config", "_views")

    def __init__(self, account: Account, config: Config) -> None:
        self.account = account
        self.config = config
        self._views: dict[str, TextView] = {}

    def view(self, field: str) -> TextView:
        view = self._views.get(field)
        if view is None:
            view = self._views[field] = TextView(self.field_text(field))
        return view

    def field_text(self, field: str) -> str:
        account = self.account
        if field in ("handle", "display_name", "bio", "url"):
            return getattr(account, field) or ""
        if field.startswith("fields[") and field.endswith("]"):
            return account.fields.get(field[7:-1], "")
        return ""


class _Values(dict):
    """Message values; a placeholder with no value prints as itself rather than failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def default_lang() -> str:
    """French when the user's locale is French, else English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


def rule_selected(rule_id: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    """`select` and `ignore` take rule ids or shell-style patterns (`*-length`)."""
    def matches(patterns: Sequence[str]) -> bool:
        return any(fnmatch.fnmatchcase(rule_id, pattern) for pattern in patterns)

    return (not select or matches(select)) and not matches(ignore)


class Linter:
    """Rules built once, for checking many posts.

    >>> linter = Linter.from_config()              # the built-in rules, nearest socialrules.toml
    >>> findings = linter.check("Bonjour !", platform="twitter")
    """

    def __init__(self, rules: Sequence[Rule], config: Config | None = None, *,
                 lang: str | None = None, now: dt.datetime | None = None) -> None:
        self.config = config or Config()
        self.now = now
        """The time schedules are judged against; None: the clock, at each check."""
        self.lang = lang or self.config.lang or default_lang()
        self.rules: list[Rule] = []
        # Each rule with its kind's traits: a kind's module is imported only to build a check.
        self._kinds: list[tuple[Rule, Traits]] = []
        for rule in rules:
            if not rule_selected(rule.id, self.config.select, self.config.ignore):
                continue
            severity = self.config.severity.get(rule.id)
            if severity is not None:
                rule = replace(rule, severity=Severity(severity))
            self.rules.append(rule)
            self._kinds.append((rule, _traits(rule)))
        self._rule_ids = frozenset(rule.id for rule in self.rules)
        self._templates: dict[str, tuple[str, str, str | None]] = {}  # lang, message, fix
        # Checks are built on first use: checking posts never pays for the account rules'
        # tables, nor checking accounts for the post rules'.
        self._built: dict[str, Check] = {}

    def _checks_where(self, wanted) -> list[tuple[Rule, Check]]:
        found = []
        for rule, traits in self._kinds:
            if wanted(traits):
                check = self._built.get(rule.id)
                if check is None:
                    check = self._built[rule.id] = _build(rule, _kind(rule), self.config)
                found.append((rule, check))
        return found

    @property
    def checks(self) -> list[tuple[Rule, Check]]:
        """Every rule in force with its built check."""
        return self._checks_where(lambda kind: True)

    @classmethod
    def from_config(cls, path: str | Path | None = None, *, discover: bool = True,
                    select: Sequence[str] = (), ignore: Sequence[str] = (),
                    lang: str | None = None, builtin: bool = True,
                    now: dt.datetime | None = None) -> Linter:
        """A linter with the built-in rules and those of the configuration.

        ``path`` names a configuration file; without it, and with ``discover``, the nearest
        socialrules.toml (or pyproject.toml with [tool.socialrules]) from the current folder up
        is used. ``select`` and ``ignore`` add to the configuration's.
        """
        from .config import find_config, load_config
        from .loader import builtin_rules_dir, load_rules

        config_path = Path(path) if path is not None else (find_config() if discover else None)
        config = load_config(config_path)
        if select or ignore:
            config = replace(config, select=tuple(select) or config.select,
                             ignore=config.ignore + tuple(ignore))
        folders = ([builtin_rules_dir()] if builtin else []) + [Path(d) for d in config.rule_dirs]
        return cls(load_rules(folders), config, lang=lang, now=now)

    def rule(self, rule_id: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.id == rule_id), None)

    def check(self, text: str, *, platform: str | Platform | None = None,
              kind: str | PostKind = PostKind.POST, quoted: str | None = None,
              spoiler_text: str = "") -> list[Finding]:
        """Check one draft. Without ``platform``, for every platform of the configuration."""
        post = Post(text=text, platforms=(Platform(platform),) if platform else (),
                    kind=PostKind(kind), quoted=quoted, spoiler_text=spoiler_text)
        return self.check_post(post)

    def check_post(self, post: Post, index: int | None = None) -> list[Finding]:
        """The findings for one post, ordered by position then rule."""
        return self.check_posts([post], start=index or 0)

    def check_posts(self, posts: Iterable[Post], *, start: int = 0) -> list[Finding]:
        """The findings for posts checked together (a schedule, an archive): each post alone,
        then the rules that compare posts (duplicates, collisions), then suppressions."""
        # Checking allocates many small objects and no cycles: the cyclic garbage collector
        # would only walk them again and again (a third of the time on a large schedule).
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._check_posts(posts, start)
        finally:
            if collecting:
                gc.enable()

    def _check_posts(self, posts: Iterable[Post], start: int) -> list[Finding]:
        now = self.now or dt.datetime.now(dt.timezone.utc)
        default_platforms = self.config.platforms or ALL_PLATFORMS
        subjects = [Subject(post, post.platforms or default_platforms, self.config, now) for post in posts]
        threads: dict[str, set[str]] = {}
        for subject in subjects:
            subject.rules_in_force = self._rule_ids
            if subject.post.thread_id is not None:
                # A thread's parts share its suppressions: used by one part is used.
                subject.used_suppressions = threads.setdefault(subject.post.thread_id, set())
        found: list[list[Finding]] = [[] for _ in subjects]
        # Rule after rule over a slice of the posts at a time, not over all of them: the slice's
        # posts and analysed texts then stay in the processor's caches from one rule to the next
        # (a large schedule's are tens of megabytes).
        each_post = self._checks_where(lambda kind: kind.scope == "post")
        for low in range(0, len(subjects), _SLICE):
            self._run_each(each_post, subjects, range(low, min(low + _SLICE, len(subjects))), found, start)
        for rule, check in self._checks_where(lambda kind: kind.scope == "posts"):
            targets = _of_kinds(rule, subjects, range(len(subjects)))
            for index, hit in check.run_all([subjects[i] for i in targets]):
                i = targets[index]
                found[i].append(self._finding(rule, subjects[i], hit, start + i))
        for subject, findings in zip(subjects, found):
            findings[:] = self._suppress(subject, findings)
        self._run_each(self._checks_where(lambda kind: kind.scope == "review"), subjects,
                       range(len(subjects)), found, start)
        findings = [finding for post_findings in found for finding in post_findings]
        findings.sort(key=_order)
        return findings

    def _run_each(self, checks: list[tuple[Rule, Check]], subjects: list[Subject], indices: range,
                  found: list[list[Finding]], start: int) -> None:
        """Run checks that see one post at a time over the posts at ``indices``."""
        for rule, check in checks:
            targets = _of_kinds(rule, subjects, indices)
            run = check.run
            if not rule.applies_to.platforms:  # most rules: once a post, for every platform
                chosen = (subjects[indices.start : indices.stop] if targets is indices
                          else map(subjects.__getitem__, targets))
                # Most posts get no hit, an empty tuple or list: filtered out in C.
                for i, hits in filter(_HITS, zip(targets, map(run, chosen))):
                    for hit in hits:
                        found[i].append(self._finding(rule, subjects[i], hit, start + i))
                continue
            # Once per platform of each post: the posts grouped by their platforms (a schedule has
            # one or two groups), each group run once per platform the rule applies to.
            by_platforms: dict[tuple[Platform, ...], list[int]] = {}
            for i in targets:
                by_platforms.setdefault(subjects[i].platforms, []).append(i)
            for platforms, members in by_platforms.items():
                chosen = [subjects[i] for i in members]
                for platform in platforms:
                    if platform not in rule.applies_to.platforms:
                        continue
                    for subject in chosen:
                        subject.platform = platform
                    for i, hits in filter(_HITS, zip(members, map(run, chosen))):
                        for hit in hits:
                            found[i].append(self._finding(rule, subjects[i], hit, start + i))
                for subject in chosen:
                    subject.platform = None  # what the other rules see

    def check_accounts(self, accounts: Iterable[Account], *, start: int = 0) -> list[Finding]:
        """The findings for accounts (a follow list): the rules whose kind judges accounts."""
        findings: list[Finding] = []
        judges = self._checks_where(lambda kind: kind.accounts)
        for index, account in enumerate(accounts, start=start):
            subject = AccountSubject(account, self.config)
            for rule, check in judges:
                for hit in check.run_account(subject):
                    findings.append(self._account_finding(rule, subject, hit, index))
        findings.sort(key=_order)
        return findings

    def _account_finding(self, rule: Rule, subject: AccountSubject, hit: Hit, index: int) -> Finding:
        account = subject.account
        text = subject.field_text(hit.field)
        source = account.source or _NO_SOURCE
        # An account is one line of its file (or one object): the finding is at its start.
        line, column = source.position("", 0)
        match = text[hit.start : hit.end]
        message, fix = self._texts(rule, {"match": match, "handle": account.handle, **hit.values})
        return new_finding(rule.id, rule.severity, message, rule.guideline,
                           new_location(source.path or None, line, column, line, column), match,
                           fix, account.handle, None, hit.field, hit.start, hit.end)

    @staticmethod
    def _suppress(subject: Subject, findings: list[Finding]) -> list[Finding]:
        """Drop what the post's suppressions silence, and note which of them were used."""
        suppressions = subject.post.suppressions
        if not suppressions:
            return findings
        kept = []
        for finding in findings:
            if finding.rule in suppressions:
                subject.used_suppressions.add(finding.rule)
            else:
                kept.append(finding)
        return kept

    def _finding(self, rule: Rule, subject: Subject, hit: Hit, index: int) -> Finding:
        post = subject.post
        field, start, end = hit.field, hit.start, hit.end
        if field == "text":  # most findings
            text, source = post.text, post.source or _NO_SOURCE
        else:
            text = subject.field_text(field)
            source = post.field_sources.get(field) or post.source or _NO_SOURCE
        line, column = source.position(text, start)
        match = text[start:end]
        if source.anchors or "\n" in match:
            end_line, end_column = source.position(text, end)
        else:  # on the same line: no need to count the lines again
            end_line, end_column = line, column + end - start
        values = hit.values
        if "match" in values:
            # A check may show something else than the text as the match: a secret, masked, so
            # that reports and CI logs do not spread it.
            match = values["match"]
        else:
            values = {**values, "match": match}
        message, fix = self._texts(rule, values)
        return new_finding(rule.id, rule.severity, message, rule.guideline,
                           new_location(source.path or None, line, column, end_line, end_column),
                           match, fix, post.id if post.id is not None else index,
                           subject.platform, field, start, end)

    def _texts(self, rule: Rule, values: dict[str, Any]) -> tuple[str, str | None]:
        """The rule's message and fix in the user's language, filled with ``values``."""
        lang = self.lang
        templates = self._templates.get(rule.id)
        if templates is None or templates[0] != lang:
            templates = self._templates[rule.id] = (
                lang, rule.message.get(lang), rule.fix.get(lang) if rule.fix else None)
        _, message, fix = templates
        try:
            # A plain dict: a dict subclass's items are looked up through Python, ~3x slower.
            if "{" in message:
                message = message.format_map(values)
            if fix is not None and "{" in fix:
                fix = fix.format_map(values)
        except KeyError:  # a value the check did not give: its placeholder prints as itself
            values = _Values(values)
            message, fix = templates[1].format_map(values), fix and templates[2].format_map(values)
        return message, fix


def _of_kinds(rule: Rule, subjects: list[Subject], indices: range) -> Sequence[int]:
    """The indices of the posts of the kinds the rule applies to."""
    kinds = rule.applies_to.kinds
    return [i for i in indices if subjects[i].post.kind in kinds] if kinds else indices


def _order(finding: Finding) -> tuple:
    location = finding.location
    return (location.path or "", location.line, location.column, finding.rule,
            finding.platform or "", location.end_line, location.end_column)


def _kind(rule: Rule) -> type[Check]:
    kind = get_kind(rule.check)
    if kind is None:
        raise SocialrulesError(f"unknown check kind {rule.check!r}", rule.path)
    return kind


def _traits(rule: Rule) -> Traits:
    traits = kind_traits(rule.check)
    if traits is None:
        raise SocialrulesError(f"unknown check kind {rule.check!r}", rule.path)
    return traits


def _build(rule: Rule, kind: type[Check], config: Config) -> Check:
    options = rule.options
    override = config.rules.get(rule.id)
    if override:
        # Data files an override names are relative to the configuration file.
        from pydantic import ValidationError

        folder = Path(config.path).parent if config.path else Path.cwd()
        try:
            options = kind.prepare({**rule.options, **override}, folder)
        except ValidationError as error:
            problem = error.errors(include_url=False)[0]
            key = ".".join(str(part) for part in problem["loc"])
            raise SocialrulesError(f"rules.{rule.id}.{key}: {problem['msg']}", config.path) from None
        except SocialrulesError as error:  # a kind's own check of its options
            raise SocialrulesError(f"rules.{rule.id}: {error.message}", config.path) from None
    return kind(rule, kind.Options(**options), config)
