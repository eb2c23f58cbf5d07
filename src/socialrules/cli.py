"""The command line: a thin shell over the library.

Exit status, as ruff: 0 nothing at or above the --fail-on level, 1 findings, 2 a usage,
configuration, rule-file or input error (the message on stderr).
"""

from __future__ import annotations

import atexit
import gc
import os
import sys
from pathlib import Path

import click

from . import __version__
from .errors import SocialrulesError
from .readers import FORMATS
from .reporters import FORMATS as REPORT_FORMATS

_PLATFORMS = click.Choice(["twitter", "mastodon"])
_KINDS = click.Choice(["post", "reply", "boost", "quote"])
_LANGS = click.Choice(["fr", "en"])
_FAIL_ON = ("error", "warning", "info", "never")
# One instance for every file option (click looks up a translation for each one it makes).
_FILE = click.Path(dir_okay=False, path_type=Path)



class _Group(click.Group):
    """Turns a SocialrulesError raised anywhere below into its message and exit status 2."""

    def main(self, args=None, *rest, **options):
        if args is None:  # a command line of its own, not a test runner's call in its process
            _one_short_run()
        return super().main(args, *rest, **options)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except SocialrulesError as error:
            _error(str(error))
            ctx.exit(2)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except Exception as error:  # a bug of ours: say so plainly, exit 2, no traceback
            if os.environ.get("SOCIALRULES_DEBUG"):
                raise
            _error(f"internal error ({type(error).__name__}: {error}); please report it, "
                   "with SOCIALRULES_DEBUG=1 set for the details")
            ctx.exit(2)


def _one_short_run() -> None:
    """The rules, their tables and the findings hold no reference cycles worth collecting: the
    cyclic garbage collector would only walk them again and again during the run, and all of
    them once more at exit (~15 ms of a ~100 ms run). The process ends with the command."""
    gc.disable()
    atexit.register(gc.freeze)


def _error(message: str) -> None:
    click.echo(f"socialrules: error: {message}", err=True)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="socialrules")
def main() -> None:
    """Check social-media posts against a team's posting rules, before they go out."""


def _linter_options(function):
    for option in reversed([
        click.option("--config", "config_path", type=_FILE,
                     help="Configuration file (default: the nearest socialrules.toml or pyproject.toml "
                          "with [tool.socialrules], from the current folder up)."),
        click.option("--isolated", is_flag=True, help="Ignore every configuration file."),
        click.option("--select", multiple=True, metavar="RULE",
                     help="Only these rules (ids or patterns such as '*-length'); repeatable or comma-separated."),
        click.option("--ignore", multiple=True, metavar="RULE",
                     help="Not these rules; repeatable or comma-separated."),
        click.option("--lang", type=_LANGS, help="Language of messages (default: the config's, else the locale's)."),
    ]):
        function = option(function)
    return function


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _make_linter(config_path, isolated, select, ignore, lang, now=None):
    from .engine import Linter

    return Linter.from_config(config_path, discover=not isolated, select=_split(select),
                              ignore=_split(ignore), lang=lang, now=now)


def _parse_now(ctx, param, value):
    if value is None:
        return None
    import datetime as dt

    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter("an ISO 8601 date and time, such as 2026-12-01T09:00:00+01:00") from None
    # A moment without a zone is taken in the machine's zone, as a person typing it means.
    return moment if moment.tzinfo else moment.astimezone()


def _color() -> bool | None:
    # None lets click colour only a terminal; NO_COLOR (no-color.org) and FORCE_COLOR win.
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return None


@main.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path, allow_dash=True))
@click.option("--text", "texts", multiple=True, metavar="TEXT", help="A draft to check (repeatable).")
@click.option("--platform", "platforms", multiple=True, type=_PLATFORMS,
              help="Check for this platform (repeatable; default: the config's, else both).")
@click.option("--kind", type=_KINDS, default="post", show_default=True, help="What the draft is.")
@click.option("--quoted", metavar="TEXT", help="The boosted or quoted post's text (with --kind boost or quote).")
@click.option("--content-warning", "--cw", "spoiler_text", default="", metavar="TEXT",
              help="The content warning (counts towards Mastodon's length).")
@click.option("--input-format", type=click.Choice(sorted(FORMATS)),
              help="The files' format (default: from each file's name).")
@click.option("--output-format", "output_format", default="text", show_default=True,
              type=click.Choice(REPORT_FORMATS), help="How to print findings.")
@click.option("--output", "-o", "output", type=_FILE,
              help="Write the report to this file instead of standard output.")
@click.option("--date-order", type=click.Choice(["dmy", "mdy"]),
              help="How a scheduler's CSV (Hootsuite, Sprout Social) writes dates: dmy (day first, the default) or mdy.")
@click.option("--timezone", metavar="ZONE",
              help="Time zone of a scheduler CSV's times, e.g. Europe/Paris (default: this computer's).")
@click.option("--now", callback=_parse_now, metavar="DATETIME",
              help="The time schedules are judged against (default: the clock), ISO 8601.")
@click.option("--fail-on", type=click.Choice(_FAIL_ON),
              help="Exit 1 when a finding is at least this severe (default: the config's, else info).")
@click.option("--statistics", is_flag=True,
              help="Print a count per rule (and per cue, for account rules) instead of the findings "
                   "(text, concise or json).")
@click.option("--accounts", "profile_files", multiple=True, metavar="FILE",
              type=_FILE,
              help="Profiles to join to a follow list that lacks them (repeatable): Mastodon API "
                   "accounts JSON (joined by handle), Twitter API users JSON (joined by id).")
@_linter_options
def check(files, texts, platforms, kind, quoted, spoiler_text, input_format, output_format, output,
          date_order, timezone, now, fail_on, statistics, profile_files, config_path, isolated, select,
          ignore, lang):
    """Check FILES of posts (plain-text drafts, posts files, ...) or of accounts (follow lists:
    Mastodon exports, Twitter archives' following.js, API JSON, accounts CSV), '-' for standard
    input, or --text."""
    from .models import Platform, Post, PostKind, Severity, Source
    from .readers import decode, read_file, read_text
    from .reporters import ReportContext, render

    if not files and not texts:
        raise click.UsageError("give a draft: FILES, '-' for standard input, or --text TEXT")
    if statistics and output_format not in ("text", "concise", "json"):
        raise click.UsageError(f"--statistics works with the text, concise and json formats, not {output_format}")
    linter = _make_linter(config_path, isolated, select, ignore, lang, now)
    fields = {"platforms": tuple(Platform(p) for p in platforms), "kind": PostKind(kind),
              "quoted": quoted, "spoiler_text": spoiler_text}
    reader_options = {key: value for key, value in (("date_order", date_order), ("timezone", timezone)) if value}
    posts, accounts, errors = [], [], 0
    for text in texts:
        _check_argument(text, "--text")
        posts.append(Post(text=text, source=Source(path="<text>"), **fields))
    for path in files:
        try:
            if str(path) == "-":
                text = decode(sys.stdin.buffer.read(), "<stdin>")
                items = read_text(text, "<stdin>", input_format or "text", options=reader_options, **fields)
            else:
                items = read_file(path, input_format, options=reader_options, **fields)
        except SocialrulesError as error:
            _error(str(error))
            errors += 1
            continue
        # A reader gives posts, or the accounts of a follow list.
        (accounts if items and not isinstance(items[0], Post) else posts).extend(items)
    if profile_files:
        accounts, profile_errors = _join_profiles(accounts, profile_files, linter.config, errors)
        errors += profile_errors
    if accounts:
        from .accounts import drop_duplicates

        accounts, notes = drop_duplicates(accounts, linter.config)
        for note in notes:
            click.echo(f"socialrules: warning: {note}", err=True)
    findings = linter.check_posts(posts)
    if accounts:
        findings = sorted(findings + linter.check_accounts(accounts), key=_order)
    context = ReportContext(rules=linter.rules, lang=linter.lang, files_checked=len(posts) + len(accounts),
                            color=output is None, unreadable=errors)
    if statistics:
        from .reporters import statistics as statistics_report

        report = statistics_report.report(findings, context, output_format)
        if accounts:
            report = _with_cues(report, output_format, linter, accounts, findings)
    else:
        report = render(output_format, findings, context)
    if output is not None:
        try:
            output.write_text(report, encoding="utf-8")
        except OSError as error:
            raise SocialrulesError(f"cannot write the report: {error.strerror or error}", str(output)) from None
    else:
        click.echo(report, nl=False, color=_color())  # click strips colour off a non-terminal
    if errors:
        sys.exit(2)
    level = fail_on or linter.config.fail_on
    if level != "never" and any(f.severity.rank >= Severity(level).rank for f in findings):
        sys.exit(1)


def _join_profiles(accounts, profile_files, config, errors):
    """The follow list's accounts with the profiles of the --accounts files joined; and how many
    of those files could not be read."""
    from .accounts import join_profiles
    from .readers import ACCOUNT_FORMATS, decode, detect, read_bytes, read_text

    if not accounts and not errors:
        raise click.UsageError("--accounts joins profiles to a follow list: give one (following_accounts.csv, "
                               "following.js, ...) as FILES")
    profiles, failed = [], 0
    for path in profile_files:
        try:
            text = decode(read_bytes(path), str(path))
            input_format = detect(path, text)
            if input_format not in ACCOUNT_FORMATS:
                raise SocialrulesError("--accounts takes profiles: Mastodon API accounts JSON, Twitter "
                                       "API users JSON or an accounts CSV", str(path))
            profiles.extend(read_text(text, str(path), input_format))
        except SocialrulesError as error:
            _error(str(error))
            failed += 1
    return join_profiles(accounts, profiles, config), failed


def _order(finding):
    # The engine's order: by place, then rule.
    location = finding.location
    return (location.path or "", location.line, location.column, finding.rule,
            finding.platform or "", location.end_line, location.end_column)


def _with_cues(report: str, output_format: str, linter, accounts, findings) -> str:
    """The statistics with, under each account rule, a count per cue (the cues are what made the
    call: press words, a media link, an audience over the threshold, look-alike characters...)."""
    from .accounts import cue_counts

    counts = cue_counts(linter, accounts, findings)
    if not counts:
        return report
    if output_format == "json":
        import json

        rows = json.loads(report)
        for row in rows:
            if row["rule"] in counts:
                row["cues"] = dict(sorted(counts[row["rule"]].items(), key=lambda item: (-item[1], item[0])))
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    lines = report.rstrip("\n").split("\n")
    width = max((len(line.split("\t")[0]) for line in lines[:-1]), default=1)
    out = []
    for line in lines[:-1]:
        out.append(line)
        rule = line.split("\t")[1].strip() if line.count("\t") >= 2 else ""
        for cue, count in sorted(counts.get(rule, {}).items(), key=lambda item: (-item[1], item[0])):
            out.append(f"{count:>{width}}\t  {rule}: {cue}")
    out.append(lines[-1])
    return "\n".join(out) + "\n"


def _check_argument(text: str, name: str) -> None:
    # Bytes that are not UTF-8 reach Python's argv as lone surrogates.
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise SocialrulesError(f"{name}: invalid UTF-8 at character {error.start + 1}") from None


@main.command("rules")
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_linter_options
def list_rules(output_format, config_path, isolated, select, ignore, lang):
    """List the rules in force: id, severity, what each checks."""
    linter = _make_linter(config_path, isolated, select, ignore, lang)
    if output_format == "json":
        import json

        rows = [{"id": r.id, "severity": r.severity.value, "check": r.check,
                 "summary": r.summary.get(linter.lang), "path": r.path} for r in linter.rules]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    width = max((len(rule.id) for rule in linter.rules), default=0)
    for rule in linter.rules:
        click.echo(f"{rule.id:<{width}}  {rule.severity.value:<7}  {rule.summary.get(linter.lang)}")


@main.command()
@click.argument("rule_id", metavar="RULE")
@_linter_options
def explain(rule_id, config_path, isolated, select, ignore, lang):
    """Explain a rule: the guideline behind it, its options, its examples."""
    from .explain import explain_rule

    linter = _make_linter(config_path, isolated, (), (), lang)
    rule = linter.rule(rule_id)
    if rule is None:
        known = ", ".join(r.id for r in linter.rules)
        raise SocialrulesError(f"no rule {rule_id!r} (rules: {known})")
    click.echo(explain_rule(rule, linter.lang))


@main.command()
@click.option("--output", "-o", "output", type=_FILE,
              default=Path("socialrules.toml"), show_default=True, help="The configuration file to write.")
@click.option("--force", is_flag=True, help="Overwrite the file if it exists.")
@click.option("--no-input", is_flag=True, help="Ask nothing: take the flags' answers, the defaults for the rest.")
@click.option("--lang", type=_LANGS, help="Language of the questions and of the file's comments (default: the locale's).")
@click.option("--name", "names", multiple=True, metavar="NAME", help="A name of the team or of its products.")
@click.option("--platform", "platforms", multiple=True, type=_PLATFORMS, help="A platform the team publishes on.")
@click.option("--twitter-account", multiple=True, metavar="@USER", help="A team account on Twitter.")
@click.option("--mastodon-account", multiple=True, metavar="@USER@INSTANCE", help="A team account on Mastodon.")
@click.option("--mastodon-limit", type=click.IntRange(min=1), help="The Mastodon instance's post length limit.")
@click.option("--ally", "allies", multiple=True, metavar="ALLY",
              help="An account or domain of the ecosystem: @handle, @user@instance, *.gouv.fr, *@instance.")
@click.option("--tool", "tools", multiple=True, metavar="TOOL", help="An approved publishing tool (default: TweetDeck).")
@click.option("--comms-contact", metavar="CONTACT", help="How to reach the communication service.")
@click.option("--twitter-cadence", type=click.FloatRange(min=0), metavar="N", help="Posts planned per week on Twitter.")
@click.option("--mastodon-cadence", type=click.FloatRange(min=0), metavar="N",
              help="Posts planned per week on Mastodon.")
@click.option("--audience", "audiences", multiple=True, metavar="AUDIENCE", help="Who the posts are for.")
@click.option("--goal", "goals", multiple=True, metavar="GOAL", help="What the team wants from its accounts.")
@click.option("--editorial-line", metavar="TEXT", help="What the team publishes, and why.")
@click.option("--tone", metavar="TEXT", help="The style the team adopts.")
def init(output, force, no_input, lang, names, platforms, twitter_account, mastodon_account, mastodon_limit, allies,
         tools, comms_contact, twitter_cadence, mastodon_cadence, audiences, goals, editorial_line, tone):
    """Write a commented socialrules.toml from the guideline's BuzzForm questions (strategy, team, accounts)."""
    from . import init as buzzform
    from .engine import default_lang

    lang = lang or default_lang()
    words = buzzform.texts(lang)
    if output.name == "pyproject.toml":
        raise click.UsageError("init writes a socialrules.toml; to keep the settings in pyproject.toml, "
                               "copy its keys under [tool.socialrules]")
    if output.exists() and not force:  # say so before the questions, not after
        raise SocialrulesError(words["exists"], str(output))
    given = {"names": names, "platforms": platforms, "accounts.twitter": twitter_account,
             "accounts.mastodon": mastodon_account, "mastodon_limit": mastodon_limit, "allies": allies,
             "tools": tools, "comms_contact": comms_contact, "cadence.twitter": twitter_cadence,
             "cadence.mastodon": mastodon_cadence, "audiences": audiences, "goals": goals,
             "editorial_line": editorial_line, "tone": tone}

    def ask(key, default, parse):
        def value_proc(value):
            try:
                return parse(value)
            except ValueError as error:
                raise click.BadParameter(str(error)) from None

        return click.prompt(words[key], default=default, show_default=bool(default), value_proc=value_proc)

    if not no_input:
        click.echo(words["intro"].format(path=output) + "\n")
    try:
        answers = buzzform.questionnaire(given, lang, None if no_input else ask)
    except ValueError as error:  # a flag's value
        raise click.UsageError(str(error)) from None
    text = buzzform.render(answers)
    buzzform.validate(text)
    buzzform.write(output, text, force, lang)
    contact = f" ({answers.comms_contact})" if answers.comms_contact else ""
    click.echo(words["written"].format(path=output))
    click.echo(words["send"].format(contact=contact))


if __name__ == "__main__":  # pragma: no cover
    main()
