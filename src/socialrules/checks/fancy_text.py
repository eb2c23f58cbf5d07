"""`fancy_text`: words written with "styled" Unicode letters instead of plain ones.

Generators of "bold" or "italic" text for social media use mathematical letters (𝐁𝐨𝐥𝐝, 𝑰𝒕𝒂𝒍𝒊𝒄,
𝓢𝓬𝓻𝓲𝓹𝓽, 𝔻𝕠𝕦𝕓𝕝𝕖, 𝚖𝚘𝚗𝚘), full-width letters (ＦＵＬＬ), circled or parenthesized letters
(ⓒⓘⓡⓒⓛⓔ, ⒜⒝⒞), squared letters (🄰🄱, 🅰🅱), small capitals (ꜱᴍᴀʟʟ ᴄᴀᴘꜱ) or upside-down
text (ʇxǝʇ). Screen readers read them as symbols ("mathematical bold capital B") or skip them;
search ignores them. A run of at least `min_letters` such letters is reported with its plain
form (`{plain}`) and its style (`{style[fr]}`, `{style[en]}`).

A squared letter followed by the emoji selector (🅰️, 🅱️, 🅾️, 🅿️) is an emoji, not styling.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from ..text.lazy import Memo, lazy_re, lazy_regex
from . import OPTIONS_CONFIG, Check, Hit, OptionsBase, register

_SMALL_CAPITALS = dict(zip("ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ", "abcdefghijklmnoprstuvwyz"))
# Upside-down letters (read right to left once turned back); letters that are their own
# upside-down form (o, s, x, z, l) or another letter's (u/n, p/d, q/b) are plain Latin.
_TURNED = {"ɐ": "a", "ɔ": "c", "ǝ": "e", "ɟ": "f", "ƃ": "g", "ɥ": "h", "ᴉ": "i", "ı": "i",
           "ɾ": "j", "ʞ": "k", "ɯ": "m", "ɹ": "r", "ʇ": "t", "ʌ": "v", "ʍ": "w", "ʎ": "y",
           "∀": "A", "Ǝ": "E", "⅁": "G", "ſ": "J", "⊥": "T", "˙": ".", "¡": "!", "¿": "?"}
_TURNED_BACK = {"u": "n", "n": "u", "p": "d", "d": "p", "q": "b", "b": "q", "'": ",", ",": "'"}

_STYLED = (r"\U0001D400-\U0001D7FF\uFF21-\uFF3A\uFF41-\uFF5A\u24B6-\u24E9\u249C-\u24B5"
           r"\U0001F130-\U0001F149\U0001F150-\U0001F169\U0001F170-\U0001F189"
           + "".join(_SMALL_CAPITALS))
_TURNED_CHARS = "".join(c for c in _TURNED if c not in "ſ˙¡¿")

# The first test: whether any of the text's distinct non-ASCII characters is styled or turned.
_ANY = lazy_re(f"[{_STYLED}{_TURNED_CHARS}]")
_IS_STYLED = Memo(lambda char: _ANY.fullmatch(char) is not None)
# A run of styled letters, spaces, digits and punctuation between them; squared letters that
# are emoji (followed by U+FE0F) end a run.
_STYLED_RUN = lazy_regex(rf"(?:(?![\U0001F170-\U0001F189]\uFE0F)[{_STYLED}])"
                         rf"(?:[{_STYLED}\d\p{{P}}\p{{Zs}}]*(?:(?![\U0001F170-\U0001F189]\uFE0F)[{_STYLED}]))?")
_TURNED_RUN = lazy_regex(
    rf"[{_TURNED_CHARS}](?:[{_TURNED_CHARS}a-z∀Ǝ⅁ſ⊥˙¡¿'\p{{P}}\p{{Zs}}]*[{_TURNED_CHARS}])?")
_LETTER = lazy_regex(f"[{_STYLED}]")
_TURNED_LETTER = lazy_regex(f"[{_TURNED_CHARS}]")

_STYLES = {
    "math": ("lettres mathématiques (gras, italique, cursive…)", "mathematical letters (bold, italic, script...)"),
    "fullwidth": ("lettres pleine chasse", "full-width letters"),
    "circled": ("lettres cerclées ou entre parenthèses", "circled or parenthesized letters"),
    "squared": ("lettres encadrées", "squared letters"),
    "small_caps": ("petites capitales", "small capitals"),
    "turned": ("texte à l'envers", "upside-down text"),
}


def _style(char: str) -> str:
    code = ord(char)
    if 0x1D400 <= code <= 0x1D7FF:
        return "math"
    if 0xFF21 <= code <= 0xFF5A:
        return "fullwidth"
    if 0x249C <= code <= 0x24E9 or 0x1F150 <= code <= 0x1F169:
        return "circled"
    if 0x1F130 <= code <= 0x1F189:
        return "squared"
    return "small_caps"


def plain_char(char: str) -> str:
    """The plain letter a styled one stands for."""
    code = ord(char)
    if char in _SMALL_CAPITALS:
        return _SMALL_CAPITALS[char]
    if 0x249C <= code <= 0x24B5:  # ⒜: NFKC gives "(a)"
        return chr(code - 0x249C + ord("a"))
    if 0x1F150 <= code <= 0x1F169:  # negative circled, no decomposition
        return chr(code - 0x1F150 + ord("A"))
    if 0x1F170 <= code <= 0x1F189:  # negative squared, no decomposition
        return chr(code - 0x1F170 + ord("A"))
    return unicodedata.normalize("NFKC", char)


def plain_text(run: str) -> str:
    return "".join(plain_char(c) for c in run)


def plain_turned(run: str) -> str:
    """Upside-down text turned back: reversed, each letter turned."""
    return "".join(_TURNED.get(c) or _TURNED_BACK.get(c, c) for c in reversed(run))


@dataclass(slots=True, repr=False, eq=False)  # see OptionsBase
class FancyTextOptions(OptionsBase):
    """Options of the `fancy_text` check kind."""

    __pydantic_config__ = OPTIONS_CONFIG

    min_letters: int = 3
    """Fewer styled letters in a row are left alone (a symbol, 𝑥 in a formula)."""
    fields: list[str] = field(default_factory=lambda: ["text", "spoiler_text", "alt"])
    """Which texts of the post: text, spoiler_text, quoted, alt (media descriptions)."""


@register
class FancyText(Check):
    name = "fancy_text"
    Options = FancyTextOptions
    placeholders = frozenset({"plain", "style"})

    def run(self, subject) -> Iterable[Hit]:
        # Styled letters are all above U+00FF: most posts have none, and get an empty tuple.
        if subject.text_only and not subject.view("text").above_latin1:
            return ()
        return self._judge(subject)

    def _judge(self, subject) -> Iterator[Hit]:
        minimum = self.options.min_letters
        for field_name, view in subject.texts(self.options.fields):
            # Styled letters are all above U+00FF: most texts have no such character at all.
            if not view.above_latin1 or not any(map(_IS_STYLED.__getitem__, view.non_ascii)):
                continue
            text = view.text
            for match in _STYLED_RUN.finditer(text):
                letters = _LETTER.findall(match.group())
                if len(letters) >= minimum:
                    style = max(set(map(_style, letters)), key=[_style(c) for c in letters].count)
                    yield _hit(match, field_name, plain_text(match.group()), style)
            for match in _TURNED_RUN.finditer(text):
                if len(_TURNED_LETTER.findall(match.group())) >= minimum:
                    yield _hit(match, field_name, plain_turned(match.group()), "turned")


def _hit(match, field_name: str, plain: str, style: str) -> Hit:
    fr, en = _STYLES[style]
    return Hit(match.start(), match.end(), field_name, {"plain": plain, "style": {"fr": fr, "en": en}})
