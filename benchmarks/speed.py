"""Speed of socialrules, run by hand: `python benchmarks/speed.py`.

1. The command line on one 280-character draft: median wall time of `socialrules check --text`,
   with a warm cache (the state of a pre-commit hook after its first run), and cold.
2. Library throughput: posts per second through Linter.check_posts with every built-in rule, on
   realistic 100-500 character posts, on one core.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DRAFT = ("Nouvelle version du simulateur ! Estimez en 5 minutes vos droits à la prime d'activité, "
         "aux aides au logement et au RSA, sans créer de compte. Merci @betagouv pour l'accueil 🎉 "
         "Tous les détails : https://example.gouv.fr/simulateur/nouveautes #ServicePublic #Numérique")[:280]

WORDS = ("le la les un une des nouvelle version simulateur aides droits logement prime activité RSA "
         "merci équipe usagers démarche en ligne formulaire simplifié rendez-vous atelier ouvert code "
         "données publiques the new release helps people check their benefits in minutes thanks team "
         "today open data service public numérique accessible mobile compte").split()
EXTRAS = ["https://example.gouv.fr/page", "@betagouv", "@mesaides@social.example", "#ServicePublic",
          "#OpenData", "🎉", "👏", "🇫🇷", "C'est génial !", "n'hésitez pas", "(1/3)", "RSA", "CAF"]


def realistic_posts(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    posts = []
    for _ in range(count):
        target = rng.randint(100, 500)
        words: list[str] = []
        while sum(len(w) + 1 for w in words) < target:
            words.append(rng.choice(EXTRAS) if rng.random() < 0.05 else rng.choice(WORDS))
        posts.append(" ".join(words)[:target])
    return posts


def cli_times(runs: int, cold: bool) -> list[float]:
    script = shutil.which("socialrules")
    # pyenv's shim is a shell script that adds ~50 ms: time the real console script.
    real = Path(sys.executable).parent / "socialrules"
    command = [str(real if real.exists() else script), "check", "--text", DRAFT]
    times = []
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "SOCIALRULES_CACHE_DIR": folder}
        subprocess.run(command, env=env, capture_output=True, cwd=folder)  # fills the cache
        for _ in range(runs):
            if cold:
                shutil.rmtree(Path(folder) / "socialrules", ignore_errors=True)
            start = time.perf_counter()
            subprocess.run(command, env=env, capture_output=True, cwd=folder)
            times.append(time.perf_counter() - start)
    return times


def baseline_times(runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def throughput(make_posts, repeats: int = 5) -> list[float]:
    """Posts per second through one Linter with every built-in rule; fresh posts each run (a
    post's analysed texts are cached on it)."""
    from socialrules import Linter

    linter = Linter.from_config(discover=False)
    linter.check_posts(make_posts()[:100])  # first-use costs (regex compiles) are start-up's
    rates = []
    for _ in range(repeats):
        batch = make_posts()
        start = time.perf_counter()
        linter.check_posts(batch)
        rates.append(len(batch) / (time.perf_counter() - start))
    return rates


def corpus_posts() -> list:
    """The labelled development corpus: hard cases, half of them with something to flag."""
    import yaml

    from socialrules import Post, PostKind

    entries = yaml.safe_load((Path(__file__).parent.parent / "fixtures/corpus/posts.yaml").read_text())
    return [Post(text=e.get("text") or "", kind=PostKind(e["kind"]), quoted=e.get("quoted"),
                 lang=e["lang"], id=e["id"]) for e in entries]


def main() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {0})  # one core, children included
    runs = 21
    python = statistics.median(baseline_times(runs))
    warm = statistics.median(cli_times(runs, cold=False))
    cold = statistics.median(cli_times(7, cold=True))
    print(f"python -c pass            median {python * 1000:6.1f} ms")
    print(f"check --text (warm cache) median {warm * 1000:6.1f} ms  ({warm / python:.1f}x bare python)")
    print(f"check --text (cold cache) median {cold * 1000:6.1f} ms")
    from socialrules import Post
    from socialrules.loader import builtin_rules_dir, load_rules

    texts = realistic_posts(20_000)
    rates = throughput(lambda: [Post(text=text) for text in texts])
    rules = len(load_rules([builtin_rules_dir()]))
    print(f"library, realistic posts: {statistics.median(rates):,.0f} posts/s median of {len(rates)} runs "
          f"({len(texts):,} posts of 100-500 characters, {rules} built-in rules, one core)")
    corpus = corpus_posts()
    rates = throughput(corpus_posts)
    print(f"library, labelled corpus: {statistics.median(rates):,.0f} posts/s median of {len(rates)} runs "
          f"({len(corpus)} hard cases, half with findings)")


if __name__ == "__main__":
    main()
