"""Folding text for matching, while keeping the way back to the original text.

A lexicon or pattern matches on a *folded* text (NFKC, case folded, accents and invisible
characters removed, look-alike letters from other scripts mapped to Latin), and on variants of it
that undo common obfuscation (l33t digits, spaced or dotted letters). Each folded text keeps, for
every character, the index of the original character it came from, so that a finding points at
the exact span of what the user wrote.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from .lazy import Memo, lazy_re, lazy_regex

if TYPE_CHECKING:
    import regex

# Format controls (zero-width spaces and joiners, bidi marks and embeddings, soft hyphen, BOM)
# are invisible: a word split by them is still the word.
_FILLERS = "\u034f\u115f\u1160\u3164\uffa0"
_INVISIBLE = lazy_regex(rf"[\p{{Cf}}{_FILLERS}]")

# Letters of other scripts that look like Latin ones, as used to dodge word filters. Only letters
# that are near-identical in common fonts: Unicode's confusables data maps many more, mostly
# rare ones, and folding real Greek or Cyrillic words into Latin would be wrong.
_LOOKALIKES = str.maketrans({
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "һ": "h",
    "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l", "ɡ": "g",
    # Greek
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p",
    "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ϲ": "c", "ϳ": "j",
    # Typographic variants of ASCII punctuation that words are written with.
    "’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'", "‐": "-", "‑": "-", "–": "-", "—": "-",
})

# Digits and symbols used as letters. Applied only to build a second variant of the text.
_LEET = str.maketrans({
    "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g",
    "@": "a", "$": "s", "€": "e", "!": "i", "|": "l", "£": "l",
})

_LEET_RUN = lazy_regex(
    r"(?<=\p{L})[0-9@$€!|£]+(?=\p{L})"  # inside a word: c0nn4rd
    r"|(?<![\p{L}\p{N}@$€!|£])[0-9$€|£]{1,2}(?=\p{L}[\p{L}0-9@$€!|£]{2,})"  # before: 1d10t, $alope
    r"|(?<=[\p{L}0-9@$€!|£]{2}\p{L})[0-9$€|£]{1,2}(?![\p{L}\p{N}@$€|£])"  # at the end: abrut1, 1mbéc1l3
    # Digits ending a word that has l33t digits before a letter already: 1d107.
    r"|(?<=(?<![\p{L}\p{N}])[\p{L}\p{N}]*\p{N}\p{L}[\p{L}\p{N}]*)[0-9]{1,3}(?![\p{L}\p{N}@$€|£])"
)

# What every l33t word above has: a digit or symbol next to a letter ("@" and "!" only after one:
# a mention or an exclamation is not l33t; nor is the "@" of an address or a remote mention,
# "x@social.example"). The scan finds the first character quickly.
_MAY_BE_LEET = lazy_re(r"[0-9@$€!|£](?:(?<=[^\W\d_][0-9$€!|£])|(?<=[0-9$€|£])(?=[^\W\d_])"
                       r"|(?<=[^\W\d_]@)(?![\w-]+\.[^\W\d_]))")

# Three or more single letters separated each by one space, dot, dash, underscore or asterisk:
# "c o n n a r d", "c.o.n", "i-d-i-o-t".
_SPACED_LETTERS = lazy_re(r"\b\w(?:[ ._*\-]\w){2,}\b")  # re and \b: 3x faster than look-arounds
_SEPARATORS = lazy_regex(r"[ ._*\-]")
# A letter between two separators, which every spaced-out word has: a scan 3x quicker than the above.
_SEPARATED_LETTER = lazy_re(r"[ ._*\-]\w[ ._*\-]")
# Words of one letter that may stand before a spaced-out word ("what a l o s e r", "y a c o n").
_ONE_LETTER_WORDS = frozenset("aàyiô")


def _fold_char(char: str) -> str:
    kind = unicodedata.category(char)
    # _INVISIBLE, without importing `regex` for what this Python's Unicode data knows.
    if kind == "Cf" or char in _FILLERS or (kind == "Cn" and _INVISIBLE.fullmatch(char)):
        return ""
    folded = unicodedata.normalize("NFKD", char)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return unicodedata.normalize("NFKC", folded).casefold().translate(_LOOKALIKES)


class _FoldTable(dict):
    """How each character folds, as a str.translate table that learns a character the first time
    it meets it (most texts use a few hundred distinct characters)."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        if len(folded) != 1:
            _RESIZING.add(chr(code))
        return folded


_FOLD = _FoldTable()
_RESIZING: set[str] = set()  # characters that fold into none or several


def _replacement(char: str) -> str | None:
    """What fold() may replace a non-ASCII character with before lower-casing the whole text,
    or None when lower-casing would then change the result (a fold that is not lower case, as
    Cherokee's; "İ" lower-cased is two characters, so it must be replaced first)."""
    into = _FOLD[ord(char)]
    return into if into.lower() == into and all(_FOLD[ord(c)] == c for c in into) else None


_REPLACEMENTS = Memo(_replacement)
_NON_ASCII = lazy_re(r"[^\x00-\x7f]")


class Folded:
    """A folded text and, for each of its characters, where it came from in the original.

    ``origin`` is None when the folding kept every character in place (the common case), else it
    has ``len(text) + 1`` entries, the last one being the original text's length. It is worked
    out only when asked: most texts are folded to be searched, and only a match needs the way back.
    """

    __slots__ = ("text", "_origin", "_source")

    def __init__(self, text: str, origin: tuple[int, ...] | None = None, *, source: str | None = None) -> None:
        self.text = text
        self._origin = origin
        self._source = source  # the original text, when the origin is still to be worked out

    def __repr__(self) -> str:
        return f"Folded({self.text!r})"

    @property
    def origin(self) -> tuple[int, ...] | None:
        source = self._source
        if source is not None:
            self._source = None
            if not _RESIZING.isdisjoint(source):
                origin: list[int] = []
                for index, char in enumerate(source):
                    origin.extend([index] * len(_FOLD[ord(char)]))
                origin.append(len(source))
                self._origin = tuple(origin)
        return self._origin

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that ``text[start:end]`` was folded from."""
        origin = self.origin
        if origin is None:
            return start, end
        if end <= start:
            return origin[start], origin[start]
        # Up to the next kept character, so that dropped marks and invisible characters that
        # trail the match belong to it, unless the match ends inside one expanded character.
        last = origin[end - 1]
        return origin[start], origin[end] if origin[end] > last else last + 1


def fold(text: str, non_ascii: frozenset[str] | None = None, latin1: bytes | None = None) -> Folded:
    """NFKC, case folding, accents, invisible characters and look-alike letters, for matching.
    ``non_ascii``: the text's distinct non-ASCII characters, and ``latin1``: its Latin-1 bytes
    (``text.encode("latin-1", "ignore")``), when they are known already."""
    if text.isascii():
        return Folded(text.lower().replace("`", "'") if "`" in text else text.lower())
    data = text.encode("latin-1", "ignore") if latin1 is None else latin1
    if len(data) == len(text):  # Latin-1 only (French without emoji): one table, in C
        table, irregular, irregular_chars = _latin1_tables()
        if (len(data.translate(None, irregular)) == len(data) if non_ascii is None
                else irregular_chars.isdisjoint(non_ascii)):
            return Folded(data.translate(table).decode("latin-1"))
    # Same as text.translate(_FOLD), several times quicker: a text has a few distinct non-ASCII
    # characters, each replaced at C speed, then one lower() does the rest.
    folded = text.replace("`", "'") if "`" in text else text
    for char in non_ascii if non_ascii is not None else set(_NON_ASCII.findall(text)):
        into = _REPLACEMENTS[char]
        if into is None:
            return Folded(text.translate(_FOLD), source=text)
        if into != char:
            folded = folded.replace(char, into)
    return Folded(folded.lower(), source=text)


_LATIN1: tuple[bytes, bytes, frozenset[str]] | None = None


def _latin1_tables() -> tuple[bytes, bytes, frozenset[str]]:
    """How each Latin-1 character folds, as a bytes.translate table, for those that fold into
    one Latin-1 character; and the others (ß, ¼, µ, the soft hyphen), which the table cannot
    fold, as bytes and as characters. Made on first use (~0.5 ms)."""
    global _LATIN1
    if _LATIN1 is None:
        folds = [_FOLD[code] for code in range(256)]
        table = bytes(ord(into) if len(into) == 1 and ord(into) < 256 else code
                      for code, into in enumerate(folds))
        irregular = bytes(code for code, into in enumerate(folds) if len(into) != 1 or ord(into) > 255)
        _LATIN1 = (table, irregular, frozenset(irregular.decode("latin-1")))
    return _LATIN1


def unleet(folded: Folded) -> Folded | None:
    """The folded text with l33t digits and symbols read as letters, if that changes anything.

    Only between letters ("c0nn4rd") or just before a word ("1d10t", "$alope"), so that numbers,
    units ("14h", "5G", "10km") and mentions stay as they are.
    """
    text = folded.text
    if _MAY_BE_LEET.search(text) is None:  # most texts: one quick scan
        return None
    pieces: list[str] = []
    position = 0
    # The look-arounds of _LEET_RUN are slow over a whole text: run it only on the words around
    # each digit or symbol that also hold a letter (a word's edges are its context's edges).
    for found in _MAY_BE_LEET.finditer(text):
        if found.start() < position:
            continue
        start, end = found.start(), found.end()
        while start > position and _in_word(text[start - 1]):
            start -= 1
        while end < len(text) and _in_word(text[end]):
            end += 1
        token = text[start:end]
        if not token.isdigit() and any(char.isalpha() for char in token):
            read = _LEET_RUN.sub(_read_leet, token)
            if read != token:
                pieces += (text[position:start], read)
                position = end
    if not pieces:
        return None
    pieces.append(text[position:])
    return Folded("".join(pieces), folded.origin)


def _in_word(char: str) -> bool:
    return char.isalnum() or char in "_@$€!|£"


def _read_leet(run: regex.Match[str]) -> str:
    return run.group().translate(_LEET)


def _same_separator(text: str, start: int, end: int, lead: bool = False) -> list[tuple[int, int]]:
    """The parts of a run of single letters that keep one separator, three letters or more:
    "a d.u.m.b" is "a" then "d.u.m.b"; the one-letter name of a mention ("@x c o n") is left out,
    and with ``lead`` a leading one-letter word too ("what a l o s e r")."""
    if start and text[start - 1] in "@#" or (lead and text[start] in _ONE_LETTER_WORDS
                                             and text[start + 1] == " "):
        start += 2
    pieces, low = [], start
    for index in range(start + 1, end - 2, 2):
        if text[index] != text[index + 2]:
            pieces.append((low, index))
            low = index + 1
    pieces.append((low, end))
    return [(low, high) for low, high in pieces if high - low >= 5]


def unspace(folded: Folded, lead: bool = False) -> Folded | None:
    """The folded text with spaced-out letters joined ("c o n" -> "con"), if there are any; with
    ``lead``, a one-letter word that starts a run is left apart ("a l o s e r" -> "a loser")."""
    text = folded.text
    if _SEPARATED_LETTER.search(text) is None:
        return None
    # The one-letter name of a mention or hashtag is not part of the run ("@x c o n n a r d").
    runs = [piece for run in _SPACED_LETTERS.finditer(text) for piece in _same_separator(text, *run.span(), lead)]
    if not runs:
        return None
    base = folded.origin or range(len(folded.text) + 1)
    pieces: list[str] = []
    origin: list[int] = []
    position = 0
    for run_start, run_end in runs:
        pieces.append(folded.text[position : run_start])
        origin.extend(base[position : run_start])
        for index in range(run_start, run_end):
            if not _SEPARATORS.fullmatch(folded.text[index]):
                pieces.append(folded.text[index])
                origin.append(base[index])
        position = run_end
    pieces.append(folded.text[position:])
    origin.extend(base[position:])
    return Folded("".join(pieces), tuple(origin))


def may_be_obfuscated(token: str) -> bool:
    """Whether a blank-free token may hold what variants() undoes: l33t, or a letter between
    separators (a spaced-out word's part). A text none of whose tokens may has no other variant
    than itself; the test is exact for l33t, whose look-arounds never cross a blank, and errs on
    the safe side for spaced letters."""
    return (_MAY_BE_LEET.search(token) is not None
            or _SEPARATED_LETTER.search(f" {token} ") is not None)


def variants(text: str | Folded) -> list[Folded]:
    """The folded text, then the variants that undo obfuscation (only those that differ); given
    a text already folded, its variants."""
    folded = fold(text) if isinstance(text, str) else text
    found = [folded]
    joined = unspace(folded)
    if joined is not None:
        found.append(joined)
        apart = unspace(folded, lead=True)
        if apart is not None and apart.text != joined.text:
            found.append(apart)
    for base in list(found):
        leet = unleet(base)
        if leet is not None:
            found.append(leet)
    return found
