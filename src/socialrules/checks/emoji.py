"""`emoji`: emoji used in ways that bury a post for people who listen to it.

Screen readers read every emoji aloud by its name ("party popper"). Four uses are reported, each
with its own threshold (0 turns one off):

- `max`: more emoji in the post than this;
- `run`: this many emoji in a row (spaces between them do not break a row);
- `bullets`: this many lines starting with an emoji (emoji as list bullets);
- `in_words`: this many emoji standing for words inside a sentence: between a word and a word
  that goes on in lower case ("je ❤️ le ..."), or after an article at the end of a sentence
  ("... le 🍕").

One finding a post, spanning what fired; `{cues}` names every use that fired, in French and
English (write `{cues[fr]}` or `{cues[en]}`); `{value}` is the number of emoji, `{limit}` is `max`.
"""

from __future__ import annotations

from dataclasses import dataclass
from ..text.lazy import lazy_regex
from . import OPTIONS_CONFIG, Check, Hit, OptionsBase, register

# Words after which an emoji at the end of a sentence stands for a noun ("j'aime le 🍕").
_ARTICLES = frozenset(
    "le la les l un une des du de d au aux mon ma mes ton ta tes son sa ses notre nos votre vos "
    "leur leurs ce cet cette ces the a an my our your their his her its this that these those "
    "some".split())
# Searched backwards from the emoji ((?r)): the word just before it on the same line.
_WORD_BEFORE = lazy_regex(r"(?r)(\w+)['’]?[^\S\n]*\Z")
_LOWER_WORD_AFTER = lazy_regex(r"[^\S\n]*\p{Ll}")
_SENTENCE_END_AFTER = lazy_regex(r"(?m)[^\S\n]*(?:[.!?…]|$)")


@dataclass(slots=True, repr=False, eq=False)  # see OptionsBase
class EmojiOptions(OptionsBase):
    """Options of the `emoji` check kind."""

    __pydantic_config__ = OPTIONS_CONFIG

    max: int = 5
    """More emoji than this in the post is too many (0: no limit)."""
    run: int = 3
    """This many emoji in a row is a run (0: not checked)."""
    bullets: int = 3
    """This many lines starting with an emoji are emoji bullets (0: not checked)."""
    in_words: int = 2
    """This many emoji standing for words in sentences (0: not checked)."""


@register
class Emoji(Check):
    name = "emoji"
    Options = EmojiOptions
    placeholders = frozenset({"value", "limit", "cues"})

    def __init__(self, rule, options: EmojiOptions, config) -> None:
        super().__init__(rule, options, config)
        thresholds = [options.max + 1 if options.max else 0, options.run, options.bullets, options.in_words]
        self.least = min((t for t in thresholds if t > 0), default=0)

    def run(self, subject) -> list[Hit] | tuple[()]:
        # The view looks for emoji only in a text that may have some (a quick test first). A
        # post with fewer emoji than every threshold needs no closer look: it gets an empty
        # tuple, not a generator (cheaper for the usual post).
        least = self.least
        view = subject.view("text")
        if not least or view.above_latin1 < least:
            return ()
        spans = view.emoji
        if len(spans) < least:
            return ()
        return self.judge(subject.post.text, spans)

    def judge(self, text: str, spans: list[tuple[int, int]]) -> list[Hit]:
        """The finding for a text with enough emoji to reach a threshold, if any use fired.
        A use is looked for only when there are enough emoji for its threshold."""
        options = self.options
        fired: list[tuple[int, int, str, str]] = []  # start, end, cue in French, in English
        count = len(spans)
        if options.max and count > options.max:
            fired.append((spans[options.max][0], spans[-1][1],
                          f"{count} émojis, plus que les {options.max} permis",
                          f"{count} emoji, more than the {options.max} allowed"))
        if options.run and count >= options.run:
            longest = _longest_run(text, spans)
            if longest[1] - longest[0] + 1 >= options.run:
                size = longest[1] - longest[0] + 1
                fired.append((spans[longest[0]][0], spans[longest[1]][1],
                              f"{size} à la suite", f"{size} in a row"))
        if options.bullets and count >= options.bullets:
            bullets = _bullets(text, spans)
            if len(bullets) >= options.bullets:
                fired.append((bullets[0][0], bullets[-1][1],
                              f"{len(bullets)} lignes commencent par un émoji",
                              f"{len(bullets)} lines start with an emoji"))
        if options.in_words and count >= options.in_words:
            words = _in_words(text, spans, options.in_words)
            if len(words) >= options.in_words:
                fired.append((words[0][0], words[-1][1],
                              f"{len(words)} à la place de mots", f"{len(words)} in place of words"))
        if not fired:
            return []
        if len(fired) == 1:  # the usual case
            start, end, french, english = fired[0]
        else:
            starts, ends, in_french, in_english = zip(*fired)
            start, end = min(starts), max(ends)
            french, english = " ; ".join(in_french), "; ".join(in_english)
        return [Hit(start, end, "text", {"value": count, "limit": options.max,
                                         "cues": {"fr": french, "en": english}})]


def _longest_run(text: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """Indices (first, last) in ``spans`` of the longest run of emoji with only spaces between."""
    best = (0, 0)
    first = 0
    for index in range(1, len(spans)):
        gap = text[spans[index - 1][1] : spans[index][0]]
        if gap and (not gap.isspace() or "\n" in gap):
            first = index
        elif index - first > best[1] - best[0]:
            best = (first, index)
    return best


def _bullets(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The emoji that open a line."""
    found = []
    for start, end in spans:
        line_start = text.rfind("\n", 0, start) + 1
        if not text[line_start:start].strip():
            found.append((start, end))
    return found


def _in_words(text: str, spans: list[tuple[int, int]], needed: int = 1) -> list[tuple[int, int]]:
    """The emoji that stand for a word inside a sentence; fewer (the first ones found) once
    ``needed`` of them can no longer be reached."""
    found = []
    for index, (start, end) in enumerate(spans):
        if len(found) + len(spans) - index < needed:
            break
        # The usual case, "mot 🎉 suite", tested without the patterns (what they would find).
        if "a" <= text[end + 1 : end + 2] <= "z" and text[end : end + 1] == " ":
            lower_after = True
        else:
            lower_after = _LOWER_WORD_AFTER.match(text, end) is not None
            if not lower_after and not _SENTENCE_END_AFTER.match(text, end):
                continue
        if lower_after and start >= 2 and text[start - 1] == " ":
            last = text[start - 2]  # the end of a word just before: "mot 🎉"
            if last.isascii() and (last.isalnum() or last == "_"):
                found.append((start, end))
                continue
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if before is not None and (lower_after or before.group(1).lower() in _ARTICLES):
            found.append((start, end))
    return found
