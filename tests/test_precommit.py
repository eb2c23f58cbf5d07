"""The pre-commit hook, end to end with the real `pre-commit` tool.

`pre-commit try-repo` clones the hook repository's HEAD (plus uncommitted changes to tracked
files, not new files) and pip-installs it into a fresh virtualenv. So the test copies the
working tree's package files into a temporary git repository of its own and commits them:
it tests the hook as the tree is now, and never touches the project's own git state. The
install needs PyPI (for the dependencies); PRE_COMMIT_HOME is a temporary folder.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from .conftest import ROOT

HOOKS = ROOT / ".pre-commit-hooks.yaml"
BAD = """\
- id: launch
  text: |
    Bonjour {{prenom}} !
    Le simulateur est en ligne.
"""
GOOD = """\
- id: launch
  text: Nouvelle version du simulateur.
"""


def test_the_hook_is_declared_for_posts_files():
    [hook] = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert hook["id"] == "socialrules" and hook["entry"] == "socialrules check"
    assert hook["language"] == "python" and hook["require_serial"] is False and hook["types"] == ["text"]
    files = re.compile(hook["files"])
    for path in ("a.posts.yaml", "x/b.posts.yml", "c.posts.json", "d.posts.jsonl", "e.tweet", "f/g.toot",
                 "posts/launch.txt", "site/posts/2026/a.md", "tweets/draft"):
        assert files.search(path), path
    for path in ("a.yaml", "config.json", "posts.yaml", "reposts/x.txt", "a.posts.yaml.bak", "README.md"):
        assert not files.search(path), path


def _git(*args: str, cwd) -> None:
    subprocess.run(["git", "-c", "user.name=test", "-c", "user.email=test@example.org",
                    "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
                   cwd=cwd, check=True, capture_output=True)


@pytest.mark.slow
def test_pre_commit_fails_a_bad_posts_file_and_passes_a_good_one(tmp_path):
    hook_repo = tmp_path / "hook"
    hook_repo.mkdir()
    for name in ("src", "rules"):
        shutil.copytree(ROOT / name, hook_repo / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(ROOT / name, hook_repo / name)
    _git("init", "-q", cwd=hook_repo)
    _git("add", "-A", cwd=hook_repo)
    _git("commit", "-q", "-m", "hook", cwd=hook_repo)

    target = tmp_path / "team"
    (target / "tweets").mkdir(parents=True)
    (target / "socialrules.toml").write_text('lang = "en"\n', encoding="utf-8")
    (target / "bad.posts.yaml").write_text(BAD, encoding="utf-8")
    (target / "good.posts.yaml").write_text(GOOD, encoding="utf-8")
    (target / "tweets" / "draft.txt").write_text("Lorem ipsum, le lien arrive.\n", encoding="utf-8")
    (target / "notes.md").write_text("TODO: not a post, not checked\n", encoding="utf-8")
    _git("init", "-q", cwd=target)
    _git("add", "-A", cwd=target)

    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "SOCIALRULES_NO_CACHE": "1",
           "PIP_DISABLE_PIP_VERSION_CHECK": "1", "NO_COLOR": "1"}

    def try_repo(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "socialrules",
                               "--color", "never", *args],
                              cwd=target, env=env, capture_output=True, text=True, timeout=300)

    good = try_repo("--files", "good.posts.yaml")
    assert good.returncode == 0, good.stdout + good.stderr
    assert re.search(r"socialrules \(posting rules\)\.+Passed", good.stdout)

    bad = try_repo("--files", "bad.posts.yaml")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert re.search(r"socialrules \(posting rules\)\.+Failed", bad.stdout)
    assert "bad.posts.yaml:3:13: accidental-post '{{prenom}}' looks like a draft" in bad.stdout

    # Every matching file of the repository: posts files and the tweets/ folder, not notes.md.
    everything = try_repo("--all-files")
    assert everything.returncode == 1
    assert "tweets/draft.txt:1:1: accidental-post 'Lorem ipsum'" in everything.stdout
    assert "bad.posts.yaml:3:13" in everything.stdout and "notes.md" not in everything.stdout
