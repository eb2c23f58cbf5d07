"""A Markdown file with YAML front matter: one post a file, as static-site and docs-as-code teams
keep drafts (Jekyll, Hugo, Eleventy and most Markdown tools read the same front matter).

    ---
    platforms: [mastodon]
    scheduled_at: 2026-12-01T09:30:00+01:00
    media: [{file: capture.png, alt: Le simulateur sur un téléphone}]
    ---
    Nouvelle version du **simulateur** !

The body, after the front matter, is the post's text as written (Markdown is not rendered: the
platforms publish the characters themselves), less the blank lines and spaces around it. The front
matter holds the native posts file's fields (models.PostEntry: ``id``, ``platforms``, ``kind``,
``spoiler_text``, ``quoted``, ``thread``, ``media``, ``scheduled_at`` with its zone, ``tool``,
``account``, ``lang``, ``ignore``, ...), validated the same way: an unknown key or a value of the
wrong type is an error at its line, and ``# socialrules: ignore[rule-id] reason`` comments work.
``text`` is the body, so it is not a front matter key. A file that starts with no ``---`` line is
all body.
"""

from __future__ import annotations

from dataclasses import replace

from ..errors import SocialrulesError
from ..models import Post, Source
from ..yamlfile import YamlDocument
from . import _frontmatter, native

OPTIONS = ()


def read(text: str, shown: str) -> list[Post]:
    text = text.replace("\r\n", "\n")
    start = len(text) - len(text.lstrip("\ufeff"))
    front = _frontmatter.split(text, start, len(text), shown)
    if front is not None and front.data:
        start = front.end
        document, node, data = front.document, front.document.root, dict(front.data)
    else:
        start = front.end if front is not None else start
        document, node, data = YamlDocument(shown, None, None, ""), None, {}
    if "text" in data:
        line, column = front.key_position("text")
        raise SocialrulesError("text: the body after the front matter is the post's text; remove this key",
                               shown, line, column)
    end = len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    data["text"] = text[start:end]
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    posts = native._posts(document, [data], [node], line, {})
    body = Source(shown, line, column)
    return [replace(post, source=body) if index == 0 else post for index, post in enumerate(posts)]
