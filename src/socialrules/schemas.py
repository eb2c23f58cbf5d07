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


SCHEMAS = {"findings.schema.json": findings_schema}


def dump(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main(argv: list[str]) -> None:
    folder = Path(argv[0] if argv else "schemas")
    folder.mkdir(parents=True, exist_ok=True)
    for name, build in SCHEMAS.items():
        (folder / name).write_text(dump(build()), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
