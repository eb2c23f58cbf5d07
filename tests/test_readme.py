"""The README's examples run as written."""

from __future__ import annotations

import re
import shlex
import shutil

import pytest
from click.testing import CliRunner

from socialrules.cli import main

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
PYTHON_BLOCKS = re.findall(r"```python\n(.*?)```", README, re.S)
COMMANDS = [line.strip() for block in re.findall(r"```sh\n(.*?)```", README, re.S)
            for line in block.splitlines() if "socialrules " in line and "pip install" not in line
            and "python " not in line]
TOML_BLOCKS = re.findall(r"```toml\n(.*?)```", README, re.S)


@pytest.fixture
def sandbox(in_tmp):
    shutil.copytree(ROOT / "examples", in_tmp / "examples")
    (in_tmp / "draft.txt").write_text("Un brouillon.\n", encoding="utf-8")
    return in_tmp


@pytest.mark.parametrize("code", PYTHON_BLOCKS, ids=lambda code: code.splitlines()[0][:40])
def test_python_examples_run(sandbox, code):
    exec(compile(code, "README.md", "exec"), {})


@pytest.mark.parametrize("command", COMMANDS)
def test_shell_examples_run(sandbox, command):
    stdin = None
    if " | " in command:
        producer, command = command.split(" | ")
        stdin = shlex.split(producer)[1] + "\n"
    args = shlex.split(command, comments=True)
    assert args[0] == "socialrules"
    result = CliRunner().invoke(main, args[1:], input=stdin)
    assert result.exit_code in (0, 1), result.output + result.stderr


def test_first_lines_are_the_two_commands():
    first = README.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
    assert first[0].startswith("pip install . && socialrules check ")
    assert first[1].startswith("pip install -e '.[test]' && pytest")
    assert "pip install . && socialrules check examples/draft.txt" in (ROOT / ".ci" / "run").read_text()


def test_toml_example_is_a_valid_configuration(in_tmp):
    from socialrules.config import load_config

    (in_tmp / "rules").mkdir()
    for block in TOML_BLOCKS:
        if "[team]" in block and "platforms" in block:
            (in_tmp / "socialrules.toml").write_text(block, encoding="utf-8")
            assert load_config(in_tmp / "socialrules.toml").team.names == ("Mes Aides",)
            return
    pytest.fail("the README lost its configuration example")


def test_rule_example_is_a_valid_rule(tmp_path):
    from socialrules import Linter
    from socialrules.loader import load_rule_file

    block = re.search(r"```yaml\n# rules/no-lol.yaml\n(.*?)```", README, re.S).group(1)
    (tmp_path / "no-lol.yaml").write_text(block, encoding="utf-8")
    rule = load_rule_file(tmp_path / "no-lol.yaml")
    [finding] = Linter([rule]).check("mdr le formulaire", platform="twitter")
    assert finding.match == "mdr"


def test_rules_table_lists_every_builtin_rule():
    from socialrules.loader import builtin_rules_dir, load_rules

    table = README.split("## Built-in rules", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"^\| `([a-z0-9-]+)` \|", table, re.M))
    assert listed == {rule.id for rule in load_rules([builtin_rules_dir()])}


def test_posts_file_example_reads_and_matches_the_schema(tmp_path):
    import json

    import jsonschema
    import yaml

    from socialrules.readers.native import read

    block = re.search(r"```yaml\n(# posts/2026-12.posts.yaml\n.*?)```", README, re.S).group(1)
    posts = read(block, "2026-12.posts.yaml")
    assert [post.id for post in posts] == ["launch", "launch#2", "reminder"]
    assert posts[-1].suppressions == {"duplicate-post": "relance volontaire"}
    schema = json.loads((ROOT / "schemas" / "posts.schema.json").read_text())
    data = json.loads(json.dumps(yaml.safe_load(block), default=str))
    jsonschema.validate(data, schema)
