"""`thread`: a thread's "1/3, 2/3, 3/3" numbering agrees with its parts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..text.lazy import lazy_regex
from . import OPTIONS_CONFIG, Check, Hit, OptionsBase, register

# "1/3", "(1/3)", "[1/3]", "1/", "🧵 1/3": near the start or the end of a part.
_NUMBER = lazy_regex(r"(?<![\w/])(\d{1,3})\s?/\s?(\d{1,3})?(?![\w/])")


@dataclass(slots=True, repr=False, eq=False)  # see OptionsBase
class ThreadOptions(OptionsBase):
    """Options of the `thread` check kind."""

    __pydantic_config__ = OPTIONS_CONFIG

    edge: int = 12
    """How near the start or the end of a part its number must be, in characters."""


@register
class Thread(Check):
    name = "thread"
    scope = "posts"
    Options = ThreadOptions
    placeholders = frozenset({"expected", "found", "size"})

    def run_all(self, subjects) -> Iterator[tuple[int, Hit]]:
        threads: dict[str, list[tuple[int, object]]] = {}
        for position, subject in enumerate(subjects):
            if subject.post.thread_id is not None:
                threads.setdefault(subject.post.thread_id, []).append((position, subject))
        for parts in threads.values():
            parts.sort(key=lambda item: item[1].post.thread_position or 0)
            numbers = [(position, subject, self._number(subject.post.text)) for position, subject in parts]
            if not any(number for *_, number in numbers):
                continue  # an unnumbered thread is fine
            size = len(parts)
            for position, subject, number in numbers:
                expected = f"{subject.post.thread_position}/{size}"
                if number is None:
                    yield position, Hit(0, 0, "text", {"expected": expected, "found": "-", "size": size})
                    continue
                match, index, total = number
                if index != subject.post.thread_position or (total is not None and total != size):
                    yield position, Hit(match.start(), match.end(), "text",
                                        {"expected": expected, "found": match.group(), "size": size})

    def _number(self, text: str):
        edge = self.options.edge
        for match in _NUMBER.finditer(text):
            if match.start() <= edge or match.end() >= len(text.rstrip()) - edge:
                total = int(match.group(2)) if match.group(2) else None
                return match, int(match.group(1)), total
        return None
