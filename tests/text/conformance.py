"""The reference data in ../shared/conformance, read in place. A missing folder must fail the
run, not skip it."""

from __future__ import annotations

from pathlib import Path

import yaml

FOLDER = Path(__file__).resolve().parents[2].parent / "shared" / "conformance"


def read(*parts: str) -> str:
    path = FOLDER.joinpath(*parts)
    if not path.is_file():
        raise FileNotFoundError(f"conformance data missing: {path} (expected beside the repository)")
    return path.read_text(encoding="utf-8")


def twitter_tests(name: str) -> dict:
    """The `tests` groups of one of twitter-text's conformance files."""
    return yaml.safe_load(read("twitter-text", name))["tests"]
