"""An installed wheel finds its built-in rules outside the repository."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest

from .conftest import ROOT


@pytest.mark.slow
def test_wheel_ships_the_rules_and_runs_outside_the_repository(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
                   check=True, capture_output=True)
    [wheel] = dist.glob("socialrules-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    shipped = {name.rsplit("/", 1)[-1] for name in names if name.startswith("socialrules/rules/")}
    in_repo = {path.name for path in (ROOT / "rules").rglob("*") if path.is_file()}
    assert in_repo <= shipped

    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target), "SOCIALRULES_NO_CACHE": "1"}
    code = ("import socialrules, sys; print(socialrules.__file__); "
            "from socialrules.cli import main; sys.argv = ['socialrules', 'check', '--text', 'TODO']; main()")
    result = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True)
    assert result.stdout.startswith(str(target)), result.stdout + result.stderr
    assert result.returncode == 1, result.stderr
    assert "<text>:1:1: accidental-post" in result.stdout
