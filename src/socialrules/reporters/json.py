"""A JSON array of findings; its schema is `schemas/findings.schema.json`."""

from __future__ import annotations

import json
from typing import Sequence

from ..models import Finding
from . import ReportContext


def report(findings: Sequence[Finding], context: ReportContext) -> str:
    return json.dumps([finding.model_dump() for finding in findings], ensure_ascii=False, indent=2) + "\n"


def schema() -> dict:
    """The JSON Schema of this output, generated from the Finding model."""
    from pydantic import TypeAdapter

    document = TypeAdapter(list[Finding]).json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "socialrules findings", **document}
