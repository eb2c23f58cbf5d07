"""Readers: one module per input format, each turning a file into posts with their positions.

A reader module has ``read(text, shown, **options) -> list[Post]``; ``FORMATS`` maps each
format name to its module and options, and ``detect`` picks one from a file's name.
"""

from __future__ import annotations

import importlib
from dataclasses import replace
from pathlib import Path

from ..errors import SocialrulesError
from ..models import Post

MAX_FILE_BYTES = 64 * 1024 * 1024

# format name -> (reader module, keyword arguments for its read())
FORMATS: dict[str, tuple[str, dict]] = {
    "text": ("plaintext", {}),
    "yaml": ("native", {"syntax": "yaml"}),
    "json": ("native", {"syntax": "json"}),
    "jsonl": ("native", {"syntax": "jsonl"}),
}
# file name ending -> format; the longest ending wins
SUFFIXES: dict[str, str] = {
    ".txt": "text", "": "text",
    ".yaml": "yaml", ".yml": "yaml", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
}


def detect(path: Path) -> str:
    name = path.name.lower()
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if suffix and name.endswith(suffix):
            return SUFFIXES[suffix]
    if "." not in name.lstrip("."):
        return "text"
    raise SocialrulesError(
        f"unknown file format {path.suffix!r}; name the format with --input-format "
        f"({', '.join(FORMATS)})", str(path))


def read_file(path: Path, input_format: str | None = None, shown: str | None = None, **fields) -> list[Post]:
    """The posts of a file; ``fields`` (platforms, kind, ...) apply to posts that lack them."""
    shown = shown or str(path)
    input_format = input_format or detect(path)
    module_name, options = FORMATS[input_format]
    module = importlib.import_module(f"{__name__}.{module_name}")
    posts = module.read(decode(read_bytes(path), shown), shown, **options)
    return [_with_defaults(post, fields) for post in posts] if fields else posts


def read_text(text: str, shown: str, input_format: str = "text", **fields) -> list[Post]:
    module_name, options = FORMATS[input_format]
    module = importlib.import_module(f"{__name__}.{module_name}")
    posts = module.read(text, shown, **options)
    return [_with_defaults(post, fields) for post in posts] if fields else posts


def _with_defaults(post: Post, fields: dict) -> Post:
    changes = {key: value for key, value in fields.items()
               if value and not getattr(post, key) and key != "kind"}
    if fields.get("kind") and post.kind == "post" and fields["kind"] != "post":
        changes["kind"] = fields["kind"]
    return replace(post, **changes) if changes else post


def read_bytes(path: Path) -> bytes:
    """A file's bytes, or a SocialrulesError saying plainly why not."""
    shown = str(path)
    try:
        if path.is_dir():
            raise SocialrulesError("is a folder, not a file of posts", shown)
        if path.stat().st_size > MAX_FILE_BYTES:
            raise SocialrulesError(f"file larger than {MAX_FILE_BYTES // 2**20} MiB", shown)
        return path.read_bytes()
    except FileNotFoundError:
        raise SocialrulesError("no such file", shown) from None
    except PermissionError:
        raise SocialrulesError("permission denied", shown) from None
    except OSError as error:
        raise SocialrulesError(f"cannot read: {error.strerror or error}", shown) from None


def decode(data: bytes, shown: str) -> str:
    """UTF-8 text (a leading BOM is dropped); bad bytes and NUL bytes are errors at their place."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, column = _position(data[: error.start].decode("utf-8", "replace"))
        raise SocialrulesError(
            f"invalid UTF-8 (byte 0x{data[error.start]:02x}); save the file as UTF-8", shown,
            line, column) from None
    nul = text.find("\0")
    if nul >= 0:
        line, column = _position(text[:nul])
        raise SocialrulesError("NUL byte in a text file (is it binary?)", shown, line, column)
    return text


def _position(prefix: str) -> tuple[int, int]:
    return prefix.count("\n") + 1, len(prefix) - (prefix.rfind("\n") + 1) + 1
