"""What keeps `socialrules check --text` quick to start: patterns compiled on first use, tables
unpickled on first look-up, and nothing imported that a draft does not need."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import regex

from socialrules import Linter, Post
from socialrules.checks import Packed, pack
from socialrules.loader import builtin_rules_dir, load_rules
from socialrules.text.lazy import lazy_re, lazy_regex


def test_lazy_patterns_behave_as_compiled_ones():
    word = lazy_re(r"(?P<w>\w+)")
    assert word.pattern == r"(?P<w>\w+)"
    assert word.search("  hello").group("w") == "hello"
    assert [m.group() for m in word.finditer("a bc")] == ["a", "bc"]
    assert word.sub("x", "a bc") == "x x" and word.groupindex == {"w": 1}
    letters = lazy_regex(r"\p{L}+", regex.IGNORECASE)
    assert letters.findall("Été 2024 ok") == regex.compile(r"\p{L}+", regex.I).findall("Été 2024 ok")
    assert lazy_re("a", re.IGNORECASE).fullmatch("A")


def test_packed_table_unpickles_what_is_looked_up():
    table = Packed(pack({"merci": [("merci", 1)], "bravo": [("bravo", 2)]}))
    assert table["merci"] == [("merci", 1)]
    assert "bravo" in table and "nope" not in table
    assert table.get("bravo") == [("bravo", 2)] and table.get("nope", 0) == 0
    assert list(table) == ["merci", "bravo"] and len(table) == 2
    assert table.items() == [("merci", [("merci", 1)]), ("bravo", [("bravo", 2)])]


def test_rules_read_from_the_cache_are_the_rules_read_afresh(tmp_path, monkeypatch):
    # The cache maps its big tables into memory rather than reading them: what it gives back
    # must be what reading the rule files gives, tables included.
    monkeypatch.setenv("SOCIALRULES_CACHE_DIR", str(tmp_path))
    fresh = load_rules([builtin_rules_dir()])  # read, then written to the cache
    cached = load_rules([builtin_rules_dir()])
    assert cached == fresh
    draft = Post(text="@jean_b espèce de crétin, tu vas voir")
    assert Linter(cached).check_post(draft) == Linter(fresh).check_post(draft) != []


def test_a_draft_imports_neither_pydantic_nor_yaml(tmp_path):
    code = (
        "import json, sys\n"
        "from socialrules.cli import main\n"
        "try:\n"
        "    main(args=['check', '--isolated', '--text', 'Nouvelle version ! Merci @betagouv 🎉'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    def run() -> set[str]:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              cwd=tmp_path, check=True)
        return set(json.loads(done.stdout.splitlines()[-1]))

    run()  # fills the cache of validated rules
    modules = run()
    assert "socialrules.checks.tone" in modules  # the rules did run
    assert not {name for name in modules if name.split(".")[0] in ("pydantic", "yaml", "emoji")}
    # nor the kinds that judge accounts only
    assert not {"socialrules.checks.influencer", "socialrules.checks.unassessed"} & modules


def test_every_built_in_rule_stays_small_in_the_cache():
    # The rules are cached prepared (lexicons expanded, tables built): a table that copies each
    # term's forms under every key once made a 700 MB cache file, written at every change.
    import pickle

    from socialrules.loader import builtin_rules_dir, load_rules

    sizes = {rule.id: len(pickle.dumps(rule, pickle.HIGHEST_PROTOCOL)) for rule in load_rules([builtin_rules_dir()])}
    assert max(sizes.values()) < 30_000_000, sorted(sizes.items(), key=lambda item: -item[1])[:3]
