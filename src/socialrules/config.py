"""Finding and reading the configuration: socialrules.toml or [tool.socialrules] in pyproject.toml."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .cache import cached
from .errors import SocialrulesError
from .models import Config

CONFIG_NAMES = ("socialrules.toml", ".socialrules.toml", "pyproject.toml")


def find_config(start: Path | None = None) -> Path | None:
    """The nearest configuration file from ``start`` (the current folder) upwards.

    A pyproject.toml counts only when it has a [tool.socialrules] table.
    """
    folder = (start or Path.cwd()).resolve()
    for candidate_folder in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = candidate_folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_our_table(candidate)):
                return candidate
    return None


def _has_our_table(pyproject: Path) -> bool:
    try:
        return "[tool.socialrules" in pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


def load_config(path: Path | None) -> Config:
    """The configuration in ``path``, or the defaults when there is none."""
    if path is None:
        return Config()
    path = path.resolve()
    if not path.is_file():
        raise SocialrulesError("configuration file not found", str(path))
    return cached(f"config:{path}", [path], lambda: _read_config(path))


def _read_config(path: Path) -> Config:
    import tomllib

    from pydantic import ValidationError

    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as error:
        raise SocialrulesError(f"cannot read configuration: {error}", str(path)) from None
    except tomllib.TOMLDecodeError as error:
        # tomllib says "... (at line 3, column 7)" itself.
        raise SocialrulesError(f"invalid TOML: {error}", str(path)) from None
    prefix: tuple[str, ...] = ()
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("socialrules", {})
        prefix = ("tool", "socialrules")
    try:
        config = Config.model_validate(data)
    except ValidationError as error:
        problems = []
        for problem in error.errors(include_url=False):
            key = ".".join(str(part) for part in prefix + tuple(problem["loc"]))
            wording = "unknown key" if problem["type"] == "unexpected_keyword_argument" else problem["msg"]
            problems.append(f"{key}: {wording}")
        line = _line_of_key(text, str(error.errors()[0]["loc"][-1]))
        raise SocialrulesError("; ".join(problems), str(path), line) from None
    # Rule folders are relative to the configuration file.
    folders = tuple(str((path.parent / folder).resolve()) for folder in config.rule_dirs)
    return replace(config, rule_dirs=folders, path=str(path))


def _line_of_key(text: str, key: str) -> int | None:
    """tomllib gives no positions for valid TOML: find the line that sets ``key``."""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith((key, f'"{key}"')) and "=" in stripped:
            return number
        if stripped.startswith("[") and stripped.rstrip("]").endswith(key):
            return number
    return None
