"""Rules that look at posts together: duplicates, dates, collisions, threads, cadence, suppressions."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest
from click.testing import CliRunner

from socialrules import Linter
from socialrules.cli import main
from socialrules.models import Config, Strategy
from socialrules.readers.native import read

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.timezone.utc)


def check(yaml_text: str, *rules: str, config: Config | None = None):
    linter = Linter.from_config(discover=False, select=rules, now=NOW)
    if config is not None:
        linter = Linter(linter.rules, config, now=NOW)
    return linter.check_posts(read(textwrap.dedent(yaml_text), "p.yaml"))


def test_duplicate_names_the_first_post_and_its_line():
    [finding] = check("""\
        - id: a
          text: "Nouvelle version du simulateur, estimez vos droits en cinq minutes https://x.gouv.fr/1"
        - id: b
          text: "NOUVELLE version du simulateur : estimez vos droits en cinq minutes !! https://x.gouv.fr/2"
        """, "duplicate-post")
    assert (finding.post, finding.location.line) == ("b", 4)
    assert "post a (line 2" in finding.message


def test_duplicates_are_found_in_a_large_schedule_without_false_alarms():
    lines = [f"- id: p{i}\n  text: \"Atelier numéro {i} sur le thème {i * 7 % 13} le jour {i % 28}, salle {i % 5}, inscriptions ouvertes\"\n"
             for i in range(400)]
    lines.append("- id: copy\n  text: \"Atelier numéro 17 sur le thème 2 le jour 17, salle 2, inscriptions ouvertes\"\n")
    findings = check("".join(lines), "duplicate-post")
    assert [(f.post, f.message.split(" (")[0]) for f in findings] == [("copy", "This text repeats post p17")]


def test_schedule_in_past_uses_now():
    text = """\
        - id: old
          text: Bonjour
          scheduled_at: 2026-11-25T12:59:00+02:00
        - id: new
          text: Bonjour à nouveau
          scheduled_at: 2026-11-25T13:01:00+01:00
        """
    [finding] = check(text, "schedule-in-past")
    assert (finding.post, finding.location.line, finding.location.column) == ("old", 3, 17)


def test_collision_per_account_and_platform():
    findings = check("""\
        - {id: a, text: Un, account: "@mesaides", platforms: [twitter], scheduled_at: "2026-12-01T09:00:00+01:00"}
        - {id: b, text: Deux, account: "@MesAides", platforms: [twitter], scheduled_at: "2026-12-01T09:04:00+01:00"}
        - {id: c, text: Trois, account: "@mesaides", platforms: [mastodon], scheduled_at: "2026-12-01T09:04:00+01:00"}
        - {id: d, text: Quatre, account: "@autre", platforms: [twitter], scheduled_at: "2026-12-01T09:05:00+01:00"}
        """, "schedule-collision")
    assert [(f.post, f.message) for f in findings] == [
        ("b", "4 min after post a on twitter (@mesaides), closer than 10 min")]


@pytest.mark.parametrize(("parts", "flagged"), [
    (["1/3 Un", "2/3 Deux", "3/3 Trois"], []),
    (["Un", "Deux", "Trois"], []),
    (["1/3 Un", "2/3 Deux", "Trois"], [("fil#3", "-")]),
    (["1/2 Un", "2/2 Deux", "3/2 Trois"], [("fil", "1/2"), ("fil#2", "2/2"), ("fil#3", "3/2")]),
    (["🧵 1/ Un", "2/ Deux", "3/ Trois"], []),
    (["Un (1/3)", "Deux (2/3)", "Trois (3/3)"], []),
])
def test_thread_numbering(parts, flagged):
    first, *rest = parts
    text = f"- id: fil\n  text: \"{first}\"\n  thread: [{', '.join(repr(p) for p in rest)}]\n"
    findings = check(text, "thread-numbering")
    assert [(f.post, f.match or "-") for f in findings] == flagged


def test_cadence_against_the_strategy():
    text = "".join(f"- {{id: p{i}, text: 'Post {i}', platforms: [twitter], scheduled_at: '2026-12-0{i + 1}T09:00:00+01:00'}}\n"
                   for i in range(5))
    assert check(text, "cadence") == []  # no cadence planned: nothing to compare with
    findings = check(text, "cadence", config=Config(strategy=Strategy(cadence={"twitter": 2})))
    assert [(f.post, f.message) for f in findings] == [
        ("p3", "5 posts on twitter in week 2026-W49, planned 2 a week (more than planned)")]


def test_unused_suppression_and_selection():
    text = """\
        - id: a
          text: Rien à signaler
          # socialrules: ignore[accidental-post] ancien brouillon
        - id: b
          text: TODO voulu
          ignore: [{rule: accidental-post, reason: formation}]
        - id: c
          text: Bonjour
          ignore: [{rule: no-such-rule, reason: faute de frappe}]
        """
    findings = check(text, "accidental-post", "unused-suppression")
    assert [(f.post, f.location.line, f.match) for f in findings] == [("a", 3, ""), ("c", 9, "")]
    # A rule left out of the run may still need its suppression; an unknown one never does.
    findings = check(text, "unused-suppression")
    assert [f.post for f in findings] == ["c"]


def test_cli_now_option(tmp_path):
    path = tmp_path / "week.posts.yaml"
    path.write_text("- {id: a, text: Bonjour, scheduled_at: '2026-12-01T09:00:00+01:00'}\n")
    args = ["check", "--isolated", str(path), "--select", "schedule-in-past", "--output-format", "concise"]
    assert CliRunner().invoke(main, [*args, "--now", "2026-11-30T09:00:00+01:00"]).exit_code == 0
    late = CliRunner().invoke(main, [*args, "--now", "2026-12-02T09:00:00+01:00"])
    assert late.exit_code == 1 and f"{path}:1:40: schedule-in-past" in late.output
    assert CliRunner().invoke(main, [*args, "--now", "mardi"]).exit_code == 2
