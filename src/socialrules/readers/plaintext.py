"""A plain-text draft: the whole file is one post."""

from __future__ import annotations

from ..models import Post, Source


def read(text: str, shown: str) -> list[Post]:
    # Editors end files with a newline; platforms drop trailing whitespace, so do we.
    return [Post(text=text.rstrip(), source=Source(path=shown))]
