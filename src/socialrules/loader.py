"""Reading rule files: one YAML file a rule, the file name being the rule's id."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .cache import cached, files_below
from .errors import SocialrulesError
from .models import Rule
from .text.lazy import lazy_re

_RULE_ID = lazy_re(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
RULE_SUFFIXES = (".yaml", ".yml")


def builtin_rules_dir() -> Path:
    """The rules shipped with socialrules: inside the installed package, or at the top of a
    source checkout."""
    package = Path(__file__).resolve().parent
    installed = package / "rules"
    return installed if installed.is_dir() else package.parent.parent / "rules"


def rule_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise SocialrulesError("rule folder not found" if not folder.exists() else "not a folder",
                               str(folder))
    return sorted(path for path in folder.iterdir() if path.suffix in RULE_SUFFIXES)


def load_rules(folders: list[Path]) -> list[Rule]:
    """Every rule of ``folders``, in order; a rule of a later folder replaces one with its id."""
    by_id: dict[str, Rule] = {}
    for folder in folders:
        for rule in load_folder(folder):
            by_id[rule.id] = rule
    return sorted(by_id.values(), key=lambda rule: rule.id)


def load_folder(folder: Path) -> list[Rule]:
    folder = folder.resolve()
    files = rule_files(folder)
    # Rules may read data files (lexicons) anywhere below their folder: all of it is the key.
    watched = files_below(folder)
    return cached(f"rules:{folder}", watched, lambda: [load_rule_file(path) for path in files])


def load_rule_file(path: Path) -> Rule:
    """Read and validate one rule file; any problem is a SocialrulesError at its line."""
    from pydantic import ValidationError

    from .checks import get_kind, known_kinds
    from .yamlfile import load_yaml, pydantic_errors

    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise SocialrulesError(f"cannot read rule file: {error}", shown) from None
    document = load_yaml(text, shown)
    data = document.data
    if not isinstance(data, dict):
        raise document.error("a rule file must be a mapping of keys (id, check, severity, ...)")
    rule_id = path.stem
    if not _RULE_ID.fullmatch(rule_id):
        raise document.error(f"rule file name {path.name!r} is not a kebab-case rule id")
    if data.setdefault("id", rule_id) != rule_id:
        raise document.error(f"id {data['id']!r} differs from the file name {rule_id!r}", ["id"])
    try:
        rule = Rule.model_validate({**data, "path": shown})
    except ValidationError as error:
        raise pydantic_errors(document, error) from None

    kind = get_kind(rule.check)
    if kind is None:
        raise document.error(
            f"unknown check kind {rule.check!r} (known: {', '.join(known_kinds())})", ["check"])
    try:
        options = kind.prepare(rule.options, path.parent)
    except ValidationError as error:
        raise pydantic_errors(document, error, ("options",)) from None
    except SocialrulesError as error:
        if error.path is None:
            line, column = document.position(["options"])
            raise SocialrulesError(error.message, shown, line, column) from None
        raise
    names = kind.placeholder_names(options)
    for lang in ("fr", "en"):
        for template, key in ((rule.message, "message"), (rule.fix, "fix")):
            if template is not None:
                _check_template(template.get(lang), names, document, [key, lang])
    return replace(rule, options=options)


def _check_template(template: str, allowed: frozenset[str], document, loc: list) -> None:
    import string  # here: rule files are read only when the cache lacks them

    try:
        names = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError as error:
        raise document.error(f"bad message template: {error}", loc) from None
    unknown = sorted(name for name in names if name.split(".")[0].split("[")[0] not in allowed | {"match"})
    if unknown:
        raise document.error(
            f"unknown placeholder {{{unknown[0]}}} (this check kind gives: "
            f"{', '.join(sorted(allowed | {'match'}))})", loc)
