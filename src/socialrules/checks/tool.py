"""`tool`: the post was (or will be) published with a tool the team has not approved.

The tool is the post's `tool` field: a scheduled post's publishing tool, or an archive's source
(Twitter) or application (Mastodon). The approved tools are the team profile's `tools`
(`[team] tools = ["TweetDeck"]`) plus the rule's own `tools`. Names are compared by their core:
case, accents, punctuation, an HTML link around the name ("<a href=...>TweetDeck</a>", as Twitter
archives give it) and generic suffixes ("Web App", "for iPhone", "Inc.") do not count, so
"TweetDeck Web App" is TweetDeck while "Twitter Web App" and "Hootsuite Inc." are not.

A post with no known tool, or a team that approved no tool, gives nothing: there is nothing to
compare.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..text.lazy import lazy_regex
from ..text.normalize import fold
from . import OPTIONS_CONFIG, Check, Hit, OptionsBase, register

# Words that name a tool's edition or its company, not the tool.
_GENERIC = frozenset(
    "web app apps application client for pour on sur the le la iphone ipad android mac macos "
    "windows linux desktop mobile ios browser navigateur extension plugin inc ltd llc sas gmbh "
    "corp official officiel beta version".split())
_WORD = lazy_regex(r"[^\W_]+")
# The visible name inside an archive's HTML link, when there is one.
_LINK_TEXT = lazy_regex(r"(?i)<a\b[^>]*>([^<]*)</a>")


def tool_key(name: str) -> str:
    """What identifies a tool in its name: "TweetDeck Web App" -> "tweetdeck"."""
    words = _WORD.findall(fold(name).text)
    core = [word for word in words if word not in _GENERIC]
    return "".join(core or words)


@dataclass(slots=True, repr=False, eq=False)  # see OptionsBase
class ToolOptions(OptionsBase):
    """Options of the `tool` check kind."""

    __pydantic_config__ = OPTIONS_CONFIG

    tools: list[str] = field(default_factory=list)
    """More approved tools, besides the team profile's `tools`."""
    aliases: dict[str, list[str]] = field(default_factory=dict)
    """Other names of an approved tool ({"TweetDeck": ["X Pro"]}): a renamed tool stays approved."""


@register
class Tool(Check):
    name = "tool"
    Options = ToolOptions
    placeholders = frozenset({"tool", "approved"})

    def __init__(self, rule, options: ToolOptions, config) -> None:
        super().__init__(rule, options, config)
        self.approved = ", ".join(dict.fromkeys([*config.team.tools, *options.tools]))
        self._approved: dict[str, bool] = {}  # a few tools publish every post: judge each once

    @cached_property
    def keys(self) -> frozenset[str]:
        # Made when a first post names its tool: a draft does not, and a command-line run would
        # pay for the folding and the pattern at every start.
        approved = [*self.config.team.tools, *self.options.tools]
        keys = {tool_key(name) for name in approved}
        for name, others in self.options.aliases.items():
            if tool_key(name) in keys:
                keys.update(tool_key(other) for other in others)
        keys.discard("")
        return frozenset(keys)

    def run(self, subject) -> list[Hit] | tuple[()]:
        # A list or an empty tuple, not a generator: cheaper for the usual post, which has none.
        tool = subject.post.tool
        if not tool or not tool.strip() or not self.keys:
            return ()
        link = _LINK_TEXT.search(tool)
        start, end = link.span(1) if link else (0, len(tool))
        name = tool[start:end].strip()
        approved = self._approved.get(name)
        if approved is None:
            if len(self._approved) > 1000:
                self._approved.clear()
            approved = self._approved[name] = tool_key(name) in self.keys
        if not name or approved:
            return ()
        start = tool.index(name, start)
        return [Hit(start, start + len(name), "tool", {"tool": name, "approved": self.approved})]
