"""A plain-text draft: the whole file is one post."""

from __future__ import annotations

from pathlib import Path

from ..models import Post, Source
from . import decode, read_bytes


def read(path: Path, shown: str | None = None, **fields) -> list[Post]:
    shown = shown or str(path)
    return [from_text(decode(read_bytes(path), shown), shown, **fields)]


def from_text(text: str, shown: str, **fields) -> Post:
    # Editors end files with a newline; platforms drop trailing whitespace, so do we.
    return Post(text=text.rstrip(), source=Source(path=shown), **fields)
