"""`alt_text`: an attached image, video or sound with no description, or a useless one.

Screen readers read a media's description (alt text) in place of the media. A description is
missing, or does not describe, when it is:

- absent or blank;
- a file name ("IMG_1234.jpg", "capture.png", "Screenshot 2026-01-05 at 10.22.33");
- a generic word ("image", "photo", "img", "alt", "picture", "Image 1");
- only emoji, or only one or two characters;
- the post's text again, word for word (readers hear it twice and learn nothing about the image).

A finding about a description points at it (field "media[N].alt"). A missing description has no
text to point at: its finding is at the start of the post's text (an empty span), and names the
media. `{reason}` says which case it is, in French and English: write `{reason[fr]}` or
`{reason[en]}` in a message; `{media}` is the media's number from 1 and its file name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable, Iterator

from ..text.lazy import lazy_regex
from ..text.normalize import fold
from . import OPTIONS_CONFIG, Check, Hit, OptionsBase, register

_REASONS = {
    "missing": ("aucune description (texte alternatif)", "no description (alt text)"),
    "file": ("la description est un nom de fichier", "the description is a file name"),
    "generic": ("la description est un mot générique", "the description is a generic word"),
    "emoji": ("la description n'est faite que d'émojis", "the description is only emoji"),
    "short": ("la description est bien trop courte pour décrire",
              "the description is far too short to describe anything"),
    "same": ("la description répète le texte du post", "the description repeats the post's text"),
}

_FILE_NAME = lazy_regex(r"""(?xi)
    \S+\.(?:jpe?g|png|gif|webp|heic|heif|bmp|tiff?|svg|avif|mp4|mov|m4v|webm|avi|mkv|mp3|m4a|wav|ogg)
  | (?:IMG|DSC|DSCN|DCIM|PXL|VID|MVIMG|GOPR|WhatsApp\ (?:Image|Video)|Screenshot|Screen\ ?Shot
      |Capture(?:\ d['’ ]?[ée]cran)?|Photo|Image)[\s_-]*\d[\d\s_.:,-]*   # camera and screenshot names
    (?:(?:at|à|a)\s+\d[\d\s_.:hH-]*)?(?:\.\w{3,4})?                        # ... at 10.22.33
""")
# A description made of emoji, symbols, punctuation and spaces only: nothing a reader can say.
_NO_WORDS = lazy_regex(r"[\p{So}\p{Sk}\p{P}\p{Z}\s\uFE0F\u200D\p{Emoji_Modifier}]+")
_SYMBOL = lazy_regex(r"\p{So}")
_DIGITS_AND_PUNCT = lazy_regex(r"[\d\p{P}\s]+")
_SPACES = lazy_regex(r"\s+")
_VISIBLE = lazy_regex(r"[^\s\p{Cf}]")

DEFAULT_GENERIC = [
    "image", "images", "photo", "photos", "img", "alt", "alt text", "alttext", "picture", "pic",
    "screenshot", "capture", "capture d'ecran", "capture ecran", "illustration", "visuel",
    "texte alternatif", "description", "image description", "description de l'image", "media",
    "video", "gif", "logo", "graphic", "graphique", "untitled", "sans titre", "null", "none",
    "undefined", "todo", "placeholder", "alt image", "image alt",
]


@dataclass(slots=True, repr=False, eq=False)  # see OptionsBase
class AltTextOptions(OptionsBase):
    """Options of the `alt_text` check kind."""

    __pydantic_config__ = OPTIONS_CONFIG

    min_length: int = 3
    """A description with fewer visible characters describes nothing."""
    generic: list[str] = field(default_factory=lambda: list(DEFAULT_GENERIC))
    """Words that name the kind of media instead of describing it (compared folded, without
    digits or punctuation: "Image 1" is "image")."""
    extend_generic: list[str] = field(default_factory=list)
    """More generic words, added to `generic` (handy in a configuration override)."""


@register
class AltText(Check):
    name = "alt_text"
    Options = AltTextOptions
    placeholders = frozenset({"reason", "media"})

    @cached_property
    def generic(self) -> frozenset[str]:
        # Made when a first description needs it: most posts have none, and a command-line run
        # would pay for the folding and the two patterns at every start.
        return frozenset(_key(word) for word in [*self.options.generic, *self.options.extend_generic])

    def run(self, subject) -> Iterable[Hit]:
        # Most posts have no media: an empty tuple, cheaper than a generator.
        return self._judge_media(subject) if subject.post.media else ()

    def _judge_media(self, subject) -> Iterator[Hit]:
        for index, item in enumerate(subject.post.media):
            label = f"{index + 1}" + (f" ({item.file})" if item.file else "")
            alt = item.alt or ""
            stripped = alt.strip()
            if not stripped:
                yield _hit(0, 0, "text", "missing", label)
                continue
            reason = self._problem(stripped, subject.post.text)
            if reason:
                start = alt.index(stripped)
                yield _hit(start, start + len(stripped), f"media[{index}].alt", reason, label)

    def _problem(self, alt: str, text: str) -> str | None:
        if _NO_WORDS.fullmatch(alt):  # emoji, or punctuation only ("...", "-")
            return "emoji" if _SYMBOL.search(alt) else "short"
        if len(alt) < 4 * self.options.min_length and len(_VISIBLE.findall(alt)) < self.options.min_length:
            return "short"
        if _FILE_NAME.fullmatch(alt):
            return "file"
        if _key(alt) in self.generic:
            return "generic"
        if text and abs(len(alt) - len(text)) < 8 + len(text) // 8 and _same(alt, text):
            return "same"  # (lengths first: folding a whole post costs more than the rest)
        return None


def _key(text: str) -> str:
    """A description reduced to its words: "Image 1." -> "image"."""
    return _SPACES.sub(" ", _DIGITS_AND_PUNCT.sub(" ", fold(text).text)).strip()


def _same(alt: str, text: str) -> bool:
    def squeeze(value: str) -> str:
        return _SPACES.sub(" ", fold(value).text).strip(" .!?…")

    return squeeze(alt) == squeeze(text)


def _hit(start: int, end: int, field_name: str, reason: str, label: str) -> Hit:
    fr, en = _REASONS[reason]
    return Hit(start, end, field_name, {"reason": {"fr": fr, "en": en}, "media": label})
