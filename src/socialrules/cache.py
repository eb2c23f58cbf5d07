"""A small on-disk cache of validated rules and configuration.

Validating rule files needs PyYAML and pydantic, which cost more than the whole budget of a
pre-commit run; their validated result only changes when the files do. An entry is keyed by the
socialrules version, its own modules, and the path, size and modification time of every file it
was built from, and is rebuilt whenever one of them changes. The cache is an optimisation only: any problem reading or
writing it (no home folder, read-only disk, a stale or corrupt entry) means building afresh.
Set SOCIALRULES_NO_CACHE=1 to bypass it.
"""

from __future__ import annotations

import gc
import os
import pickle
import sys
import zlib
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable, TypeVar

T = TypeVar("T")
_FORMAT = 2


def cache_dir() -> Path:
    base = os.environ.get("SOCIALRULES_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    return Path(base) / "socialrules" if base else Path.home() / ".cache" / "socialrules"


def _fingerprint(files: Iterable[Path | str]) -> list[tuple[str, int, int]]:
    stamps = []
    for file in files:
        stat = os.stat(file)
        stamps.append((str(file), stat.st_size, stat.st_mtime_ns))
    return stamps


def files_below(folder: Path, suffix: str = "") -> list[str]:
    """The files under ``folder`` whose name ends with ``suffix``, sorted (os.walk: a few times
    quicker than Path.rglob, which counts in a run of ~100 ms)."""
    return sorted(os.path.join(root, name) for root, _, names in os.walk(folder)
                  for name in names if name.endswith(suffix))


_CODE_STAMP: list | None = None


def _code_stamp() -> list[tuple[str, int, int]]:
    """The package's own modules: cached objects are pickled instances of its classes."""
    global _CODE_STAMP
    if _CODE_STAMP is None:
        _CODE_STAMP = _fingerprint(files_below(Path(__file__).parent, ".py"))
    return _CODE_STAMP


def cached(name: str, files: list[Path], build: Callable[[], T]) -> T:
    """``build()``, or its result from the cache if none of ``files`` changed since."""
    from . import __version__

    if os.environ.get("SOCIALRULES_NO_CACHE"):
        return build()
    try:
        key = (_FORMAT, __version__, sys.version_info[:2], _code_stamp(), _fingerprint(files))
        # Any checksum names the file (the key inside tells entries apart): zlib's is at hand,
        # hashlib costs ~3 ms to import.
        entry = cache_dir() / f"{name.split(':')[0]}-{zlib.crc32(name.encode()):08x}.pickle"
    except OSError:
        return build()
    try:
        # Unpickling makes many small containers: the cyclic garbage collector would walk them
        # again and again (3x the time) although they hold no cycles.
        collecting = gc.isenabled()
        gc.disable()
        try:
            stored_key, value = _read(entry)
        finally:
            if collecting:
                gc.enable()
        if stored_key == key:
            return value
    except Exception:  # a missing, stale or unreadable entry: rebuild it
        pass
    value = build()
    try:
        import tempfile

        entry.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=entry.parent, delete=False) as stream:
            _write(stream, (key, value))
        os.replace(stream.name, entry)
    except OSError:
        pass
    return value


# An entry is a mark, then the pickle (protocol 5) of (key, value) and its out-of-band buffers,
# end to end, after their count and sizes (8 bytes each). The buffers are big tables of pickled
# values (checks.PackedValues): mapped into memory rather than read, they cost a run only the
# pages its posts look up (reading and copying them cost ~4 ms a run, for megabytes of lexicons).
_MARK = b"socialrules cache\n"


def _write(stream: BinaryIO, item: object) -> None:
    buffers: list[pickle.PickleBuffer] = []
    data = pickle.dumps(item, protocol=5, buffer_callback=buffers.append)
    parts = [memoryview(data), *(buffer.raw() for buffer in buffers)]
    stream.write(_MARK)
    stream.write(len(parts).to_bytes(8, "little"))
    stream.write(b"".join(part.nbytes.to_bytes(8, "little") for part in parts))
    for part in parts:
        stream.write(part)


def _read(entry: Path) -> Any:
    import mmap

    with entry.open("rb") as stream:
        if stream.read(len(_MARK)) != _MARK:
            raise ValueError("not an entry of this format")
        # The mapping outlives the file object; it is never unmapped while a table is in use,
        # and a new entry replaces the file rather than rewrite it (the mapped one stays whole).
        view = memoryview(mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ))[len(_MARK):]
    count = int.from_bytes(view[:8], "little")
    start = 8 * (count + 1)
    if start > len(view):
        raise ValueError("a truncated entry")
    sizes = [int.from_bytes(view[8 * i : 8 * i + 8], "little") for i in range(1, count + 1)]
    if start + sum(sizes) != len(view):
        raise ValueError("a truncated entry")
    parts = []
    for size in sizes:
        parts.append(view[start : start + size])
        start += size
    return pickle.loads(parts[0], buffers=parts[1:])
