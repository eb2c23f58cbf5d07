"""The JSON Schemas socialrules publishes, generated from the models.

Regenerate the files in `schemas/` with `python -m socialrules.schemas schemas/`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def findings_schema() -> dict:
    from .reporters.json import schema

    return schema()


def posts_schema() -> dict:
    """A native posts file: a list of entries (or a mapping with a `posts` list)."""
    from pydantic import TypeAdapter

    from .models import PostEntry

    entries = TypeAdapter(list[PostEntry]).json_schema(mode="validation")
    definitions = entries.pop("$defs", {})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "socialrules posts file",
        "$defs": {**definitions, "Entries": entries},
        "anyOf": [
            {"$ref": "#/$defs/Entries"},
            {"type": "object", "properties": {"posts": {"$ref": "#/$defs/Entries"}},
             "required": ["posts"], "additionalProperties": False},
        ],
    }


SCHEMAS = {"findings.schema.json": findings_schema, "posts.schema.json": posts_schema}


def dump(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main(argv: list[str]) -> None:
    folder = Path(argv[0] if argv else "schemas")
    folder.mkdir(parents=True, exist_ok=True)
    for name, build in SCHEMAS.items():
        (folder / name).write_text(dump(build()), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
