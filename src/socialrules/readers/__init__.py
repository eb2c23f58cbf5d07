"""Readers: one module per input format, each turning a file into posts, or into accounts (a
follow list), with their positions.

A reader module has ``read(text, shown, **options) -> list[Post]`` (or ``list[Account]`` for an
account list: ``ACCOUNT_FORMATS``); ``FORMATS`` maps each format name to its module and options,
and ``detect`` picks one from a file's name, and from its content where the name leaves it open
(a ``.json`` file is a native posts file, Mastodon's scheduled statuses, Mastodon accounts or
Twitter users; a ``.csv`` file Hootsuite's or Sprout Social's bulk file, a Mastodon export's
account list or a plain accounts CSV).

Some readers take options from the user (``READER_OPTIONS``: the date order and the time zone of
a scheduler's CSV); a reader module lists those it reads in ``OPTIONS``, and ``read_file`` and
``read_text`` give each reader only its own.
"""

from __future__ import annotations

import importlib
from dataclasses import replace
from pathlib import Path

from ..errors import SocialrulesError
from ..models import Account, Post

MAX_FILE_BYTES = 64 * 1024 * 1024

# format name -> (reader module, keyword arguments for its read())
FORMATS: dict[str, tuple[str, dict]] = {
    "text": ("plaintext", {}),
    "yaml": ("native", {"syntax": "yaml"}),
    "json": ("native", {"syntax": "json"}),
    "jsonl": ("native", {"syntax": "jsonl"}),
    "tweet": ("together", {"platform": "twitter"}),
    "toot": ("together", {"platform": "mastodon"}),
    "markdown": ("markdown", {}),
    "hootsuite": ("hootsuite", {}),
    "sprout": ("sprout", {}),
    "mastodon-scheduled": ("mastodon_scheduled", {}),
    # account lists (follow lists, followers, blocks) and profiles
    "mastodon-export": ("mastodon_export", {}),
    "mastodon-accounts": ("mastodon_accounts", {}),
    "twitter-archive": ("twitter_follows", {}),
    "twitter-users": ("twitter_users", {}),
    "accounts-csv": ("accounts_csv", {}),
}
ACCOUNT_FORMATS = frozenset({"mastodon-export", "mastodon-accounts", "twitter-archive",
                             "twitter-users", "accounts-csv"})
# file name ending -> format; the longest ending wins
SUFFIXES: dict[str, str] = {
    ".txt": "text", "": "text",
    ".yaml": "yaml", ".yml": "yaml", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".tweet": "tweet", ".toot": "toot", ".md": "markdown", ".markdown": "markdown",
    ".csv": "hootsuite", ".js": "twitter-archive",
}
# Options the user gives readers (the CLI's --date-order and --timezone): name -> meaning.
READER_OPTIONS: dict[str, str] = {
    "date_order": "dmy (day first) or mdy (month first): how a scheduler's CSV writes dates",
    "timezone": "the IANA time zone of a scheduler's zoneless times (default: this computer's)",
}


def detect(path: Path, text: str | None = None) -> str:
    """The format of a file from its name, and from its ``text`` where the name leaves it open."""
    name = path.name.lower()
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if suffix and name.endswith(suffix):
            if text is not None and suffix in _SNIFFERS:
                return _SNIFFERS[suffix](text, str(path))
            return SUFFIXES[suffix]
    if "." not in name.lstrip("."):
        return "text"
    raise SocialrulesError(
        f"unknown file format {path.suffix!r}; name the format with --input-format "
        f"({', '.join(FORMATS)})", str(path))


def _sniff_json(text: str, shown: str) -> str:
    from . import mastodon_accounts, twitter_users
    from .mastodon_scheduled import looks_like

    if looks_like(text):
        return "mastodon-scheduled"
    if mastodon_accounts.looks_like(text):
        return "mastodon-accounts"
    if twitter_users.looks_like(text):
        return "twitter-users"
    return "json"


def _sniff_csv(text: str, shown: str) -> str:
    from . import accounts_csv, hootsuite, mastodon_export, sprout

    first_line = text.lstrip("\n\r").partition("\n")[0].rstrip("\r")
    if first_line and mastodon_export.looks_like(first_line):
        return "mastodon-export"
    if first_line and accounts_csv.looks_like(first_line):
        return "accounts-csv"
    if sprout.looks_like(text):
        return "sprout"
    if hootsuite.looks_like(text) or not text.strip():
        return "hootsuite"
    raise SocialrulesError(
        "a CSV file in no layout known here: Hootsuite's bulk file has no header and starts each "
        "row with a date and time (01/12/2026 09:30), Sprout Social's has a header row with date, "
        "time_24hr and message_text; a Mastodon export's account list starts with `Account "
        "address` (or an address user@instance), an accounts list with a header naming `handle` "
        f"({accounts_csv.KNOWN}); name the format with --input-format", shown, 1, 1)


_SNIFFERS = {".json": _sniff_json, ".csv": _sniff_csv}


def read_file(path: Path, input_format: str | None = None, shown: str | None = None, *,
              options: dict | None = None, **fields) -> list[Post] | list[Account]:
    """The posts of a file, or its accounts for an account list; ``fields`` (platforms, kind, ...)
    apply to posts that lack them; ``options`` (see READER_OPTIONS) go to the readers that read
    them."""
    shown = shown or str(path)
    if input_format is None:
        detect(path)  # an unknown name fails before the file is read
    text = decode(read_bytes(path), shown)
    return read_text(text, shown, input_format or detect(path, text), options=options, **fields)


def read_text(text: str, shown: str, input_format: str = "text", *, options: dict | None = None,
              **fields) -> list[Post] | list[Account]:
    module_name, arguments = FORMATS[input_format]
    module = importlib.import_module(f"{__name__}.{module_name}")
    if options:
        accepted = getattr(module, "OPTIONS", ())
        arguments = {**arguments, **{key: value for key, value in options.items()
                                      if key in accepted and value is not None}}
    posts = module.read(text, shown, **arguments)
    if input_format in ACCOUNT_FORMATS or not fields:
        return posts
    return [_with_defaults(post, fields) for post in posts]


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
