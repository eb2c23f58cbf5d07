"""Speed of the platform-counting text modules, run by hand: `python benchmarks/text_speed.py`.

For each public function of socialrules.text.urls, .twitter, .mastodon and .entities:

1. import: a fresh interpreter imports what the command line and the library always have
   loaded before these modules (`regex`, which the text views and the folding import, and
   `dataclasses`, which the models do), then `socialrules.text`, then times importing the
   function's module (with the modules of socialrules.text it imports);
2. first call: in a fresh interpreter, with the module imported, the first call of the function
   on a French draft with a URL, a mention, two hashtags and an emoji (the lazy builds of
   tables and regexes included);
3. per call: the mean over 300 posts of 100-500 characters, median of several timeit repeats:
   clean posts (words and punctuation only), mixed ones (about one word in twelve a URL, a
   mention, a hashtag or an emoji), and the draft itself.

Times are CPU times of the measuring process (time.process_time): other processes on a busy
machine inflate them less than wall times. The fresh interpreters import from bytecode, as an
installed package does (PYTHONDONTWRITEBYTECODE, if set, would make them compile every module
from source: an import figure of the compiler).

`--against DIR` measures the socialrules package in DIR too (e.g. an older copy of src/), every
figure interleaved with this checkout's, to compare them in one run. `--quick`: fewer repeats.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import importlib.util
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import timeit
from typing import Any, Callable

DRAFT = ("Nouvelle version du simulateur ! Estimez en 5 minutes vos droits à la prime d'activité, "
         "aux aides au logement et au RSA, sans créer de compte. Merci @betagouv pour l'accueil 🎉 "
         "Tous les détails : https://example.gouv.fr/simulateur/nouveautes #ServicePublic "
         "#Numérique")[:280]

WORDS = ("le la les un une des nouvelle version simulateur aides droits logement prime activité "
         "RSA merci équipe usagers démarche en ligne formulaire simplifié rendez-vous atelier "
         "ouvert code données publiques the new release helps people check their benefits in "
         "minutes thanks team today open data service public numérique accessible mobile compte, "
         ": ! ? 2024 l'équipe c'est qu'il compte. ligne. minutes. (voir) « données » - 3,5 % "
         "10h30").split()
EXTRAS = ["https://example.gouv.fr/page", "@betagouv", "@mesaides@social.example",
          "#ServicePublic", "#OpenData", "🎉", "👏", "🇫🇷", "C'est génial !", "n'hésitez pas"]

# (label, module under socialrules.text, function, keyword arguments)
FUNCTIONS = [
    ("find_urls", "urls", "find_urls", {}),
    ("find_urls(require_scheme=False)", "urls", "find_urls", {"require_scheme": False}),
    ("twitter_length", "twitter", "twitter_length", {}),
    ("mastodon_length", "mastodon", "mastodon_length", {}),
    ("find_mentions", "mastodon", "find_mentions", {}),
    ("find_hashtags", "entities", "find_hashtags", {}),
    ("find_twitter_mentions", "entities", "find_twitter_mentions", {}),
]
PRELOADED = "import time, importlib, dataclasses, regex, socialrules.text"


def posts(count: int, extras: float, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        target = rng.randint(100, 500)
        words: list[str] = []
        while sum(len(w) + 1 for w in words) < target:
            words.append(rng.choice(EXTRAS) if rng.random() < extras else rng.choice(WORDS))
        out.append(" ".join(words)[:target])
    return out


class Tree:
    """One socialrules package to measure: this checkout's, or the one in a folder."""

    def __init__(self, name: str, folder: str | None, cache: str) -> None:
        self.name = name
        self.env = dict(os.environ)
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.env["PYTHONPYCACHEPREFIX"] = os.path.join(cache, name)
        package = "socialrules"
        if folder:
            folder = os.path.abspath(folder)
            self.env["PYTHONPATH"] = folder + os.pathsep + self.env.get("PYTHONPATH", "")
            # In this process, under another name, beside this checkout's.
            package = f"socialrules_{name}"
            spec = importlib.util.spec_from_file_location(
                package, os.path.join(folder, "socialrules", "__init__.py"),
                submodule_search_locations=[os.path.join(folder, "socialrules")])
            assert spec and spec.loader
            module = importlib.util.module_from_spec(spec)
            sys.modules[package] = module
            spec.loader.exec_module(module)
        self.where = os.path.dirname(importlib.import_module(package).__file__ or "")
        self.functions: dict[str, Callable[[str], Any]] = {}
        for label, module, function, kwargs in FUNCTIONS:
            found = getattr(importlib.import_module(f"{package}.text.{module}"), function)
            self.functions[label] = functools.partial(found, **kwargs) if kwargs else found
        # Fill the bytecode cache of the fresh interpreters.
        self.fresh(f"{PRELOADED}\n" + "".join(f"import socialrules.text.{m}\n"
                                              for _, m, _, _ in FUNCTIONS) + "print(0, 0)")

    def fresh(self, code: str) -> tuple[float, float]:
        """Run `code` in a fresh interpreter; it prints a CPU time and a wall time."""
        result = subprocess.run([sys.executable, "-c", code], env=self.env, capture_output=True,
                                text=True, check=True)
        cpu, wall = result.stdout.strip().splitlines()[-1].split()
        return float(cpu), float(wall)

    def import_time(self, module: str) -> tuple[float, float]:
        return self.fresh(textwrap.dedent(f"""
            {PRELOADED}
            c, w = time.process_time(), time.perf_counter()
            import socialrules.text.{module}
            print(time.process_time() - c, time.perf_counter() - w)
        """))

    def first_call_time(self, module: str, function: str, kwargs: dict) -> tuple[float, float]:
        return self.fresh(textwrap.dedent(f"""
            {PRELOADED}
            from socialrules.text.{module} import {function}
            text = {DRAFT!r}
            c, w = time.process_time(), time.perf_counter()
            {function}(text, **{kwargs!r})
            print(time.process_time() - c, time.perf_counter() - w)
        """))

    def per_call(self, label: str, texts: list[str]) -> float:
        """The mean CPU time of one call over `texts` (one timeit run)."""
        function = self.functions[label]
        seconds = timeit.timeit(lambda: [function(text) for text in texts], number=5,
                                timer=time.process_time)
        return seconds / 5 / len(texts)


def interleaved(trees: list[Tree], runs: int, measure: Callable[[Tree], Any]) -> list[Any]:
    """Median of `runs` measures of each tree, the trees taking turns."""
    values: list[list[Any]] = [[] for _ in trees]
    for _ in range(runs):
        for i, tree in enumerate(trees):
            values[i].append(measure(tree))
    if isinstance(values[0][0], tuple):
        return [tuple(statistics.median(v[k] for v in tree_values) for k in range(2))
                for tree_values in values]
    return [statistics.median(tree_values) for tree_values in values]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", metavar="DIR",
                        help="a folder holding another socialrules package, to compare with")
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {0})  # one core, children included
    fresh_runs, repeats = (5, 5) if args.quick else (11, 9)
    cache = tempfile.mkdtemp(prefix="text_speed_pyc_")
    try:
        trees = ([Tree("before", args.against, cache)] if args.against else [])
        trees.append(Tree("after" if args.against else "this", None, cache))
        corpora = {"clean": posts(300, 0.0, seed=1), "mixed": posts(300, 0.08, seed=7),
                   "draft": [DRAFT] * 100}
        bare = statistics.median(
            trees[-1].fresh("import time; print(time.process_time(), time.perf_counter())")[0]
            for _ in range(3))
        for tree in trees:
            print(f"{tree.name}: {tree.where}")
        print(f"(a fresh interpreter's own CPU time before its first line: {bare * 1000:.1f} ms)")
        print(f"{'':34}{'':7} {'import ms':>15} {'1st call ms':>15} "
              f"{'clean µs':>9} {'mixed µs':>9} {'draft µs':>9}")
        print(f"{'':34}{'':7} {'cpu / wall':>15} {'cpu / wall':>15} {'cpu':>9} {'cpu':>9} {'cpu':>9}")
        report: dict[str, dict[str, dict[str, float]]] = {tree.name: {} for tree in trees}
        imports: dict[str, list[tuple[float, float]]] = {}
        for label, module, function, kwargs in FUNCTIONS:
            if module not in imports:
                imports[module] = interleaved(trees, fresh_runs, lambda t: t.import_time(module))
            first = interleaved(trees, fresh_runs,
                                lambda t: t.first_call_time(module, function, kwargs))
            for tree in trees:  # warm up (lazy builds, memos)
                tree.per_call(label, corpora["mixed"])
            calls = {name: interleaved(trees, repeats, lambda t: t.per_call(label, texts))
                     for name, texts in corpora.items()}
            for i, tree in enumerate(trees):
                figures = {
                    "import_ms": imports[module][i][0] * 1000,
                    "import_wall_ms": imports[module][i][1] * 1000,
                    "first_call_ms": first[i][0] * 1000,
                    "first_call_wall_ms": first[i][1] * 1000,
                    **{f"{name}_us": values[i] * 1e6 for name, values in calls.items()},
                }
                report[tree.name][label] = figures
                shown = f"{figures['import_ms']:6.2f} / {figures['import_wall_ms']:6.2f}"
                print(f"{label if i == 0 else '':34}{tree.name:>7} {shown:>15} "
                      f"{figures['first_call_ms']:6.2f} / {figures['first_call_wall_ms']:6.2f} "
                      f"{figures['clean_us']:9.2f} {figures['mixed_us']:9.2f} "
                      f"{figures['draft_us']:9.2f}")
        if args.json:
            print(json.dumps(report, indent=1))
    finally:
        shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
