"""Precision, recall and F1 of the judgement rules on the labelled corpora in fixtures/.

    python benchmarks/quality.py            # the tables
    python benchmarks/quality.py --errors   # and every misjudged entry, for rule authors

The posts corpus and its labelling guide: fixtures/corpus/ (posts.yaml, GUIDE.md, team.toml);
hold-out batches beside it (holdout-*.yaml), and the escalate-to-comms corpora (escalate*.yaml):
`--corpus fixtures/corpus/escalate.yaml`.
The accounts fixture (follow lists, and posts that mention accounts): fixtures/accounts/
(accounts.yaml, GUIDE.md, team.toml).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fixtures" / "corpus"
ACCOUNTS = ROOT / "fixtures" / "accounts"


@dataclass(frozen=True)
class Task:
    rule: str
    applies: Callable[[dict], bool]   # which entries are judged
    positive: Callable[[dict], bool]  # the gold label


TASKS = [
    Task("aggressive-tone", lambda e: "tone" in e, lambda e: e["tone"] == "aggressive"),
    Task("praise-boost", lambda e: "praise" in e, lambda e: bool(e["praise"])),
    # escalate.yaml and escalate-holdout.yaml: bad-buzz, press, campaign or none.
    Task("escalate-to-comms", lambda e: "escalate" in e, lambda e: e["escalate"] != "none"),
]


# Account rules: (rule, label in accounts.yaml). lookalike-account also judges the posts of
# `mentions`.
ACCOUNT_TASKS = [("influencer-follow", "influencer"), ("lookalike-account", "lookalike"),
                 ("unassessed-account", "unassessed")]


def account_of(entry: dict):
    from socialrules.models import Account, Platform

    return Account(handle=entry["handle"], display_name=entry.get("display_name"), bio=entry.get("bio"),
                   url=entry.get("url"), followers=entry.get("followers"), following=entry.get("following"),
                   bot=entry.get("bot"), group=entry.get("group"), fields=entry.get("fields") or {},
                   id=entry.get("account_id"),
                   platform=Platform(entry["platform"]) if entry.get("platform") else None)


def account_table(corpus: Path, config: Path, errors: bool) -> None:
    from socialrules import Linter, Post

    data = yaml.safe_load(corpus.read_text(encoding="utf-8"))
    entries, mentions = data["accounts"], data.get("mentions", [])
    linter = Linter.from_config(config, select=[rule for rule, _ in ACCOUNT_TASKS], lang="en")
    flagged: dict[str, set[str]] = defaultdict(set)
    messages: dict[tuple[str, str], str] = {}
    accounts = [account_of(entry) for entry in entries]
    for finding in linter.check_accounts(accounts):
        entry = entries[[a.handle for a in accounts].index(finding.post)]
        flagged[entry["id"]].add(finding.rule)
        messages.setdefault((entry["id"], finding.rule), finding.message)
    for entry in mentions:
        for finding in linter.check_post(Post(text=entry["text"], id=entry["id"])):
            flagged[entry["id"]].add(finding.rule)
            messages.setdefault((entry["id"], finding.rule), finding.message)

    print(f"\n{'account rule':<19} {'judged on':<9} {'precision':>9} {'recall':>7} {'F1':>6} {'n':>5}")
    for rule, label in ACCOUNT_TASKS:
        subsets = [("accounts", entries)] + ([("mentions", mentions)] if rule == "lookalike-account" else [])
        if len(subsets) > 1:
            subsets.append(("all", entries + mentions))
        for name, subset in subsets:
            pairs = [(bool(e[label]), rule in flagged[e["id"]]) for e in subset]
            precision, recall, f1, n = scores(pairs)
            print(f"{rule:<19} {name:<9} {precision:9.3f} {recall:7.3f} {f1:6.3f} {n:5d}")
        if errors:
            for entry in entries + (mentions if rule == "lookalike-account" else []):
                gold, got = bool(entry[label]), rule in flagged[entry["id"]]
                if gold != got:
                    kind = "missed" if gold else "false alarm"
                    shown = entry.get("text") or f"{entry['handle']} {entry.get('display_name') or ''} | {entry.get('bio') or ''}"
                    why = messages.get((entry["id"], rule), "")
                    print(f"  {kind:<11} {entry['id']:<9} [{entry.get('pitfall', '-')}] {shown[:110]!r} {why[:140]}")


def post_of(entry: dict):
    from socialrules import Post, PostKind

    return Post(text=entry.get("text") or "", kind=PostKind(entry.get("kind", "post")),
                quoted=entry.get("quoted"), quoted_author=entry.get("quoted_author"),
                lang=entry.get("lang"), id=entry["id"])


def scores(pairs: list[tuple[bool, bool]]) -> tuple[float, float, float, int]:
    tp = sum(1 for gold, got in pairs if gold and got)
    fp = sum(1 for gold, got in pairs if not gold and got)
    fn = sum(1 for gold, got in pairs if gold and not got)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, len(pairs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the misjudged entries")
    parser.add_argument("--corpus", type=Path, default=CORPUS / "posts.yaml")
    parser.add_argument("--config", type=Path, default=CORPUS / "team.toml")
    parser.add_argument("--accounts-corpus", type=Path, default=ACCOUNTS / "accounts.yaml")
    parser.add_argument("--accounts-config", type=Path, default=ACCOUNTS / "team.toml")
    args = parser.parse_args(argv)

    from socialrules import Linter

    entries = yaml.safe_load(args.corpus.read_text(encoding="utf-8"))
    known = {rule.id for rule in Linter.from_config(args.config).rules}
    tasks = [task for task in TASKS if task.rule in known]
    linter = Linter.from_config(args.config, select=[task.rule for task in tasks], lang="en")
    flagged: dict[str, set[str]] = defaultdict(set)
    messages: dict[tuple[str, str], str] = {}
    for entry in entries:
        for finding in linter.check_post(post_of(entry)):
            flagged[entry["id"]].add(finding.rule)
            messages.setdefault((entry["id"], finding.rule), finding.message)

    print(f"{'rule':<18} {'lang':<4} {'precision':>9} {'recall':>7} {'F1':>6} {'n':>5}")
    for task in tasks:
        judged = [e for e in entries if task.applies(e)]
        for lang in ("all", "fr", "en") if judged else ():
            subset = [e for e in judged if lang == "all" or e["lang"] == lang]
            pairs = [(task.positive(e), task.rule in flagged[e["id"]]) for e in subset]
            precision, recall, f1, n = scores(pairs)
            print(f"{task.rule:<18} {lang:<4} {precision:9.3f} {recall:7.3f} {f1:6.3f} {n:5d}")
        if not judged:
            continue
        if task.rule == "aggressive-tone":
            impertinent = [e for e in entries if e.get("tone") == "impertinent"]
            share = sum(1 for e in impertinent if task.rule in flagged[e["id"]]) / max(1, len(impertinent))
            print(f"{'':<18} impertinent posts flagged: {share:.1%} of {len(impertinent)}")
        if task.rule == "escalate-to-comms":
            for situation in ("bad-buzz", "press", "campaign"):
                cases = [e for e in judged if e["escalate"] == situation]
                found = sum(1 for e in cases if task.rule in flagged[e["id"]])
                print(f"{'':<18} {situation}: {found} of {len(cases)} found")
        if args.errors:
            for entry in judged:
                gold, got = task.positive(entry), task.rule in flagged[entry["id"]]
                if gold != got:
                    kind = "missed" if gold else "false alarm"
                    shown = (entry.get("text") or "") + (f"  «{entry['quoted']}»" if entry.get("quoted") else "")
                    why = messages.get((entry["id"], task.rule), "")
                    print(f"  {kind:<11} {entry['id']:<14} [{entry.get('pitfall', '-')}] {shown[:160]!r} {why[:120]}")
    account_table(args.accounts_corpus, args.accounts_config, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
