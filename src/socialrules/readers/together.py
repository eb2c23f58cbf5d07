"""twitter-together ``.tweet`` files and toot-together ``.toot`` files: one post (or one thread)
a file, published by a GitHub Action when a pull request is merged.

    ---
    reply: https://twitter.com/mesaides/status/1576496789741391872
    media:
      - file: capture.png
        alt: Le simulateur sur un téléphone
    ---

    Nouvelle version du simulateur !

    ---

    Deuxième partie du fil.

    ( ) Oui
    ( ) Non

What this is based on: twitter-together's parser (twitter-together/action,
lib/common/parse-tweet-file-content.js) and publisher (lib/push/tweet.js), and toot-together's
(joschi/toot-together, lib/common/parse-toot-file-content.js, lib/push/toots.js):

- the file is trimmed; an optional YAML front matter between two ``---`` lines gives ``reply``
  (a post URL or id), ``retweet`` (a post URL: with text, a quote; without, a plain retweet),
  ``media`` (items with ``file`` — ``url`` in older versions — and ``alt``), ``poll`` (the
  options), ``schedule`` (informational) and ``thread-delimiter``;
- the text is cut into a thread at the first line holding only the delimiter (``---`` by
  default) between line breaks; each next part may have its own front matter and is published
  as a reply to the part before it;
- lines at the end of a part that start with ``( )`` (twitter-together) or ``[ ]``
  (toot-together) are the options of a poll, taken out of the text;
- twitter-together refuses a reply in a thread part, a poll of fewer than 2 or more than 4
  options, and a plain retweet with a poll, a reply, media or a thread: so does this reader.

toot-together itself publishes the whole file as the status (only its poll lines are taken
out); the front matter and threads are twitter-together's conventions, read in ``.toot`` files
too so that a team can write both the same way. ``.tweet`` posts are for Twitter, ``.toot`` posts
for Mastodon; the tool is the Action (twitter-together or toot-together).

Unlike twitter-together, which skips what it does not know, an unknown front matter key or a
value of the wrong type is an error here: a misspelt ``repyl:`` would silently publish a post
that answers nobody. A ``schedule`` needs a time zone (YAML readers disagree on what a zoneless
one means). Poll options are not part of the post's text, so no rule reads them.
A ``# socialrules: ignore[rule-id] reason`` comment in a part's front matter silences a rule for
that part (twitter-together reads it as a YAML comment).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import SocialrulesError
from ..models import Media, Platform, Post, PostKind, Source
from ..yamlfile import scalar_anchors
from . import _frontmatter

OPTIONS = ()
_POLL = {Platform.TWITTER: re.compile(r"\(\s?\)\s+"), Platform.MASTODON: re.compile(r"\[\s?\]\s+")}
_TOOLS = {Platform.TWITTER: "twitter-together", Platform.MASTODON: "toot-together"}
_KEYS = ("reply", "retweet", "media", "poll", "schedule", "thread-delimiter")
_MEDIA_KEYS = ("file", "url", "alt")
# https://twitter.com/<user>/status/<id>, https://x.com/..., https://<instance>/@<user>/<id>
_TWITTER_URL = re.compile(r"https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/(\w{1,15})/status(?:es)?/\d+", re.I)
_MASTODON_URL = re.compile(r"https?://([^/\s]+)/@(\w+)(?:@([^/\s]+))?/\d+")


@dataclass
class _Part:
    start: int
    end: int
    front: _frontmatter.FrontMatter | None
    options: dict[str, Any]
    poll: list[str] = field(default_factory=list)
    poll_line: int = 0


def read(text: str, shown: str, platform: str = "twitter") -> list[Post]:
    platform = Platform(platform)
    text = text.replace("\r\n", "\n")
    parts = _parts(text, shown, _POLL[platform])
    return _posts(text, shown, platform, parts)


def _parts(text: str, shown: str, poll_option: re.Pattern) -> list[_Part]:
    parts: list[_Part] = []
    start, end = 0, len(text)
    while True:
        start, end = _trim(text, start, end)
        front = _frontmatter.split(text, start, end, shown)
        options = _options(front, shown, in_thread=bool(parts)) if front else {}
        if front is not None:
            start = front.end
        rest = None
        delimiter = options.get("thread-delimiter", "---")
        if delimiter:
            found = re.compile(r"\n+" + re.escape(delimiter) + r"[ \t]*\n+").search(text, start, end)
            if found is not None:
                rest, end = (found.end(), end), found.start()
        part = _Part(start, end, front, options)
        if "poll" not in options:
            _take_poll(text, part, poll_option)
        part.start, part.end = _trim(text, part.start, part.end)
        parts.append(part)
        if rest is None:
            return parts
        start, end = rest


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _take_poll(text: str, part: _Part, option: re.Pattern) -> None:
    """Take the poll options off the end of the part, last line first."""
    start, end = _trim(text, part.start, part.end)
    options = []
    while start < end:
        line_start = max(text.rfind("\n", start, end) + 1, start)
        found = option.match(text, line_start, end)
        if found is None:
            break
        options.append(text[found.end() : end])
        part.poll_line = text.count("\n", 0, line_start) + 1
        start, end = _trim(text, start, line_start)
    part.poll = options[::-1]
    part.end = end


def _options(front: _frontmatter.FrontMatter, shown: str, in_thread: bool) -> dict[str, Any]:
    data = front.data or {}
    for key in data:
        if key not in _KEYS:
            line, column = front.key_position(str(key))
            raise SocialrulesError(f"unknown front matter key {key!r} (known: {', '.join(_KEYS)})",
                                   shown, line, column)

    def fail(key: str, message: str) -> SocialrulesError:
        line, column = front.document.position([key])
        return SocialrulesError(f"{key}: {message}", shown, line, column)

    for key in ("reply", "retweet"):
        value = data.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            raise fail(key, f"{value} is a number; write the post's full URL, or its id in quotes")
        if value is not None and not isinstance(value, str):
            raise fail(key, "write the post's URL")
    if in_thread and data.get("reply"):
        raise fail("reply", "a part of a thread already answers the part before it; it cannot reply elsewhere")
    delimiter = data.get("thread-delimiter")
    if delimiter is not None and not isinstance(delimiter, str):
        raise fail("thread-delimiter", "write the line that separates the parts of a thread")
    poll = data.get("poll")
    if poll is not None and (not isinstance(poll, list) or not all(isinstance(o, str) for o in poll)):
        raise fail("poll", "a list of options (texts)")
    media = data.get("media")
    if media is not None:
        if not isinstance(media, list):
            raise fail("media", "a list of items with file and alt")
        for index, item in enumerate(media):
            where = front.document.position(["media", index])
            if not isinstance(item, dict):
                raise SocialrulesError(f"media.{index}: an item with file and alt", shown, *where)
            for key, value in item.items():
                line, column = front.document.position(["media", index, str(key)], key=True)
                if key not in _MEDIA_KEYS:
                    raise SocialrulesError(f"media.{index}: unknown key {key!r} (known: file, alt)",
                                           shown, line, column)
                if value is not None and not isinstance(value, str):
                    raise SocialrulesError(f"media.{index}.{key}: write a text", shown, line, column)
            if not (item.get("file") or item.get("url")):
                raise SocialrulesError(f"media.{index}: no file", shown, *where)
    schedule = data.get("schedule")
    if schedule is not None:
        data = {**data, "schedule": _schedule(schedule, fail)}
    return data


def _schedule(value: Any, fail) -> dt.datetime:
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            raise fail("schedule", f"{value!r} is not a date and time (write 2026-12-01T09:30:00+01:00)") from None
    if not isinstance(value, dt.datetime):
        raise fail("schedule", "a date and time with its zone (write 2026-12-01T09:30:00+01:00)")
    if value.tzinfo is None:
        raise fail("schedule", "no time zone (write 2026-12-01T09:30:00+01:00)")
    return value


def _posts(text: str, shown: str, platform: Platform, parts: list[_Part]) -> list[Post]:
    size = len(parts)
    thread_id = shown if size > 1 else None
    posts = []
    for position, part in enumerate(parts, start=1):
        _validate(shown, part, has_next=position < size)
        body = text[part.start : part.end]
        options = part.options
        line = text.count("\n", 0, part.start) + 1
        column = part.start - (text.rfind("\n", 0, part.start) + 1) + 1
        retweet = options.get("retweet")
        if retweet and not body:
            kind = PostKind.BOOST
        elif retweet:
            kind = PostKind.QUOTE
        elif options.get("reply") or position > 1:
            kind = PostKind.REPLY
        else:
            kind = PostKind.POST
        suppressions: dict[str, str] = {}
        field_sources = {"tool": Source(shown, anchors=((0, 1, 1),))}
        if part.front is not None:
            for rule, reason, rule_line, rule_column in part.front.suppressions():
                suppressions.setdefault(rule, reason)
                field_sources.setdefault(f"ignore[{rule}]", Source(shown, anchors=((0, rule_line, rule_column),)))
        media = _media(part, shown, field_sources)
        if part.front is not None and "schedule" in part.front.fields:
            node = part.front.fields["schedule"]
            field_sources["scheduled_at"] = Source(shown, anchors=((0, node.start_mark.line + 1, node.start_mark.column + 1),))
        post_id = None if thread_id is None else (thread_id if position == 1 else f"{thread_id}#{position}")
        in_reply_to = options.get("reply")
        if position > 1:
            in_reply_to = thread_id if position == 2 else f"{thread_id}#{position - 1}"
        posts.append(Post(
            text=body, platforms=(platform,), kind=kind, quoted_author=_author(retweet) if retweet else None,
            media=media, scheduled_at=options.get("schedule"), tool=_TOOLS[platform], id=post_id,
            in_reply_to=in_reply_to, suppressions=suppressions, thread_id=thread_id,
            thread_position=position if thread_id else None, thread_size=size if thread_id else None,
            source=Source(shown, line, column), field_sources=field_sources,
        ))
    return posts


def _validate(shown: str, part: _Part, has_next: bool) -> None:
    options = part.options
    poll = options.get("poll", part.poll)
    if poll and not 2 <= len(poll) <= 4:
        if "poll" in options:
            line, column = part.front.document.position(["poll"])
        else:
            line, column = part.poll_line, 1
        raise SocialrulesError(f"a poll has 2 to 4 options, this one has {len(poll)}", shown, line, column)
    if options.get("retweet") and part.start == part.end:
        problem = ("poll" if poll else "reply" if options.get("reply") else "media" if options.get("media")
                   else "thread" if has_next else None)
        if problem is not None:
            line, column = part.front.key_position("retweet")
            raise SocialrulesError(f"a retweet without text cannot have a {problem}", shown, line, column)


def _media(part: _Part, shown: str, field_sources: dict[str, Source]) -> tuple[Media, ...]:
    items = part.options.get("media") or []
    if not items:
        return ()
    nodes = part.front.fields["media"].value
    media = []
    for index, (item, node) in enumerate(zip(items, nodes)):
        alt = item.get("alt")
        media.append(Media(file=item.get("file") or item.get("url"), alt=alt))
        item_fields = {key.value: value for key, value in node.value}
        if alt and "alt" in item_fields:
            anchors = scalar_anchors(part.front.document, item_fields["alt"], alt)
            field_sources[f"media[{index}].alt"] = Source(shown, anchors=anchors)
        else:
            mark = node.start_mark
            field_sources[f"media[{index}]"] = Source(shown, anchors=((0, mark.line + 1, mark.column + 1),))
    return tuple(media)


def _author(url: str) -> str | None:
    """The retweeted or boosted post's author, from its URL."""
    found = _TWITTER_URL.match(url.strip())
    if found is not None:
        return f"@{found.group(1)}"
    found = _MASTODON_URL.match(url.strip())
    if found is not None:
        return f"@{found.group(2)}@{found.group(3) or found.group(1)}"
    return None
