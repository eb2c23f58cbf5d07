"""Speed of the account rules, run by hand: `python benchmarks/accounts_speed.py [--count 50000]`.

Generates follow lists of COUNT accounts (realistic profiles: members, institutions,
journalists, influencers, impersonators, accounts without a profile) and times
`socialrules check` on them, the whole command line (start-up, reading, the three account rules,
the text report), median wall time of a few runs with a warm cache:

1. a plain accounts CSV (handle, name, bio, followers, following, url);
2. a Mastodon export (following_accounts.csv) joined with `--accounts` to the API's Account JSON;
3. a Twitter archive's following.js joined with `--accounts` to the API v2 users JSON.

The goal: at most 3 s for 50,000 accounts.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

TEAM = """[team]
names = ["Mes Aides"]
accounts = ["@mesaides", "@mesaides@social.numerique.gouv.fr"]
allies = ["@betagouv", "*.gouv.fr", "*@social.numerique.gouv.fr"]
"""
FIRST = "Nadia Thomas Julie Paul Sarah Karim Lucie Marc Camille Benoît Sophie Yanis Hélène Léa Hugo".split()
LAST = "Benali Girard Martin Kader Ferrand Olivier Roux Morel Caron Fontaine Vidal Renard".split()
# (kind, bio, followers range, following range), drawn with WEIGHTS: mostly members.
BIOS = [
    ("member", "Développeuse dans une startup d'État. Accès aux droits, accessibilité, logiciel libre.", (300, 3000), (200, 2000)),
    ("member", "Designer de services publics. Je dessine des formulaires que les gens comprennent.", (300, 5000), (300, 2000)),
    ("member", "Travailleuse sociale en CCAS. Non-recours, accès aux droits, et beaucoup de paperasse.", (100, 2000), (100, 1500)),
    ("member", "Dev Python, vélo-taf, pain au levain. Avis personnels.", (50, 1500), (50, 1500)),
    ("member", "Open data, civic tech, and too much coffee.", (500, 20000), (300, 2000)),
    ("institution", "Compte officiel de la branche Famille de la Sécurité sociale. Actualités, prestations.", (20000, 300000), (300, 2000)),
    ("institution", "Association qui agit pour l'inclusion numérique des personnes en précarité.", (2000, 50000), (500, 3000)),
    ("journalist", "Journaliste au service Société de @lemondefr. Protection sociale, logement.", (5000, 90000), (800, 3000)),
    ("journalist", "Social affairs correspondent. Tips welcome: Signal or DM.", (3000, 60000), (800, 3000)),
    ("influencer", "Créatrice de contenu voyage & lifestyle 🌍 Collabs en DM 💌 Code promo LEA10", (20000, 500000), (100, 1500)),
    ("influencer", "Personal branding pour entrepreneurs. Keynote speaker. DM for collabs.", (20000, 300000), (100, 3000)),
    ("impersonator", "Toutes vos aides en un clic ! Écrivez-nous en DM pour votre dossier.", (5, 2000), (300, 5000)),
]
WEIGHTS = [14, 14, 12, 12, 8, 8, 7, 4, 4, 4, 4, 1]
INSTANCES = ["mastodon.social", "piaille.fr", "framapiaf.org", "social.coop", "journa.host",
             "social.numerique.gouv.fr", "mamot.fr"]


def profiles(count: int, seed: int = 11) -> list[dict]:
    rng = random.Random(seed)
    people = []
    for index in range(count):
        kind, bio, followers, following = rng.choices(BIOS, WEIGHTS)[0]
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        user = f"{unicodedata.normalize('NFKD', name.split()[0].lower()).encode('ascii', 'ignore').decode()}_{index}"
        if kind == "impersonator":
            user = rng.choice(["mesaides_officiel", "mesaides_fr", "mes_aides", "realmesaides", "mesaide"]) + str(index)
            name = "Mes Aides ✅"
        people.append({
            "user": user, "instance": rng.choice(INSTANCES), "name": name, "bio": bio,
            "followers": rng.randint(*followers), "following": rng.randint(*following),
            "url": "https://www.lemonde.fr" if kind == "journalist" and rng.random() < 0.5 else "",
            "bare": rng.random() < 0.05,  # no profile: a handle alone
            "id": str(10**15 + index),
        })
    return people


def write_files(folder: Path, people: list[dict]) -> dict[str, list[str]]:
    (folder / "socialrules.toml").write_text(TEAM, encoding="utf-8")
    with open(folder / "accounts.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["handle", "name", "bio", "followers", "following", "url"])
        for p in people:
            writer.writerow([f"@{p['user']}"] + (["", "", "", "", ""] if p["bare"] else
                            [p["name"], p["bio"], p["followers"], p["following"], p["url"]]))
    with open(folder / "following_accounts.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Account address", "Show boosts", "Notify on new posts", "Languages"])
        for p in people:
            writer.writerow([f"{p['user']}@{p['instance']}", "true", "false", ""])
    mastodon = [{"id": p["id"], "username": p["user"], "acct": f"{p['user']}@{p['instance']}",
                 "display_name": p["name"], "note": f"<p>{p['bio']}</p>",
                 "url": f"https://{p['instance']}/@{p['user']}", "followers_count": p["followers"],
                 "following_count": p["following"], "bot": False, "group": False,
                 "fields": [{"name": "Site", "value": p["url"], "verified_at": None}] if p["url"] else []}
                for p in people if not p["bare"]]
    (folder / "mastodon_accounts.json").write_text(json.dumps(mastodon, ensure_ascii=False, indent=1), encoding="utf-8")
    entries = [{"following": {"accountId": p["id"], "userLink": f"https://twitter.com/intent/user?user_id={p['id']}"}}
               for p in people]
    (folder / "following.js").write_text("window.YTD.following.part0 = " + json.dumps(entries, indent=2), encoding="utf-8")
    users = {"data": [{"id": p["id"], "username": p["user"], "name": p["name"], "description": p["bio"],
                       "url": p["url"] or None,
                       "public_metrics": {"followers_count": p["followers"], "following_count": p["following"]}}
                      for p in people if not p["bare"]]}
    (folder / "twitter_users.json").write_text(json.dumps(users, ensure_ascii=False, indent=1), encoding="utf-8")
    return {
        "plain accounts CSV": ["accounts.csv"],
        "Mastodon export + API accounts JSON": ["following_accounts.csv", "--accounts", "mastodon_accounts.json"],
        "Twitter following.js + API users JSON": ["following.js", "--accounts", "twitter_users.json"],
    }


def time_command(arguments: list[str], folder: Path, runs: int) -> tuple[list[float], str]:
    real = Path(sys.executable).parent / "socialrules"
    command = [str(real), "check", *arguments, "--output", "report.txt"]
    env = {**os.environ, "SOCIALRULES_CACHE_DIR": str(folder / "cache")}
    subprocess.run(command, env=env, cwd=folder, capture_output=True)  # warms the cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(command, env=env, cwd=folder, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if result.returncode not in (0, 1):
            raise SystemExit(f"socialrules failed ({result.returncode}): {result.stderr[:500]}")
    summary = (folder / "report.txt").read_text(encoding="utf-8").rstrip().rsplit("\n", 1)[-1]
    return times, summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        inputs = write_files(folder, profiles(args.count))
        print(f"{args.count:,} accounts, median of {args.runs} runs (min-max), the whole command line:")
        for label, arguments in inputs.items():
            times, summary = time_command(arguments, folder, args.runs)
            print(f"  {label:<40} {statistics.median(times):6.2f} s ({min(times):.2f}-{max(times):.2f})  {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
