from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GUIDELINE = SHARED / "guideline" / "reseaux-sociaux.txt"


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    # Tests never read or write the user's cache, and each test session starts without one.
    monkeypatch.setenv("SOCIALRULES_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.delenv("SOCIALRULES_NO_CACHE", raising=False)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    """Run in an empty folder, so that no configuration above the repository is found."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def pytest_report_header(config):
    return f"shared conformance data: {SHARED} ({'found' if SHARED.is_dir() else 'MISSING'})"


os.environ.setdefault("SOCIALRULES_CACHE_DIR", str(ROOT / ".pytest_cache" / "socialrules"))
