"""Readers: one module per input format, each turning a file into posts with their positions."""

from __future__ import annotations

from pathlib import Path

from ..errors import SocialrulesError

MAX_FILE_BYTES = 64 * 1024 * 1024


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
