"""`secret`: a password, access token, API key or private key written in a post.

Three kinds of evidence, from the most to the least certain:

- a token whose shape is its own proof (GitHub ghp_..., Slack xoxb-..., AWS AKIA..., Google AIza...,
  Stripe sk_live_..., a JWT, a private key header, a URL with user:password@);
- a value after a password label ("mot de passe : ...", "mdp=...", "password is ...");
- a long random-looking string after a secret word ("token", "clé", "API key", "secret"), judged by
  its mix of letters and digits and its entropy, so that ordinary long words never count.

The finding points at the secret, but the message shows it masked (`{masked}`: "ghp_…f3a9"), so
that a report pasted into a chat or a CI log does not spread it further. `{what}` names the kind
of secret, in French and English: write `{what[fr]}` or `{what[en]}` in a message.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from ..text.lazy import lazy_re, lazy_regex
from . import OPTIONS_CONFIG, Check, Hit, OptionsBase, register

_NAMES = {
    "github": ("jeton GitHub", "GitHub token"),
    "gitlab": ("jeton GitLab", "GitLab token"),
    "slack": ("jeton Slack", "Slack token"),
    "slack_webhook": ("webhook Slack", "Slack webhook"),
    "aws": ("clé d'accès AWS", "AWS access key"),
    "google": ("clé d'API Google", "Google API key"),
    "stripe": ("clé secrète Stripe", "Stripe secret key"),
    "openai": ("clé d'API OpenAI", "OpenAI API key"),
    "jwt": ("jeton JWT", "JWT token"),
    "bearer": ("jeton d'autorisation Bearer", "Bearer authorization token"),
    "private_key": ("clé privée", "private key"),
    "url_password": ("mot de passe dans un lien", "password in a link"),
    "password": ("mot de passe", "password"),
    "generic": ("jeton ou clé secrète", "token or secret key"),
}

# Tokens recognisable by their shape alone. Each value is the named group that holds the secret.
_SHAPES = lazy_regex(r"""(?x)
  (?<![\w-])(?P<github>gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})
| (?<![\w-])(?P<gitlab>glpat-[A-Za-z0-9_\-]{20,})
| (?<![\w-])(?P<slack>xox[bpars]-[A-Za-z0-9\-]{10,})
| (?P<slack_webhook>hooks\.slack\.com/services/T[A-Za-z0-9]+/B[A-Za-z0-9]+/[A-Za-z0-9]{8,})
| (?<![A-Za-z0-9])(?P<aws>(?:AKIA|ASIA)[0-9A-Z]{16})(?![A-Za-z0-9])
| (?<![\w-])(?P<google>AIza[0-9A-Za-z_\-]{35})
| (?<![\w-])(?P<stripe>[sr]k_(?:live|test)_[0-9A-Za-z]{16,})
| (?<![\w-])(?P<openai>sk-(?:proj-)?[A-Za-z0-9_\-]{32,})
| (?<![\w-])(?P<jwt>eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,})
| (?i:bearer)\s+(?P<bearer>[A-Za-z0-9._~+/\-]{16,}=*)
| (?P<private_key>-----BEGIN\ (?:[A-Z0-9]+\ )*PRIVATE\ KEY(?:\ BLOCK)?-----)
| \b[a-zA-Z][a-zA-Z0-9+.\-]*://[^\s:/@]+:(?P<url_password>[^\s/@]+)@
""")

# Whose secret it is, between the label and the value: "mot de passe du compte", "key for the API".
_OWNER = r"(?:\s+(?:du|de\ la|de\ l['’]|des|of\ the|for\ the|for)\s+[\w-]+(?:\s+[\w-]+)?)?"

# A value after a password label. `sep` tells how sure the writer was that a value follows:
# "=" (configuration syntax) or quotes are sure; ":" and "est"/"is" need a password-like value.
_LABELLED = lazy_regex(r"""(?xi)
  (?<![\w-])
  (?:mot\s+de\s+passe|mdp|passwords?|passwd|passphrase|pwd|pass(?=\s*=))
  {owner}
  (?P<sep>\s*[:=]\s*|\s+(?:est|is|:)\s+)
  (?P<quote>["'“«‘`]\s?)?
  (?P<password>[^\s"'”»’`]{3,})
""".replace("{owner}", _OWNER))

# A long random-looking value after a secret word.
_NEAR_WORD = lazy_regex(r"""(?xi)
  (?<![\w-])
  (?:api[\s_-]?key|apikey|access[\s_-]?token|auth[\s_-]?token|secret[\s_-]?key|client[\s_-]?secret
    |tokens?|jetons?|cl[ée]f?s?(?:\s+(?:d['’]api|api|d['’]acc[eè]s|secr[eè]tes?|priv[ée]es?))?
    |keys?|secrets?|credentials?|identifiants?)
  {owner}
  (?:\s*[:=]\s*|\s+(?:est|is|:)\s+|\s+)
  ["'`“«]?\s?
  (?P<generic>[A-Za-z0-9_\-+/=.]{12,})
""".replace("{owner}", _OWNER))


# Cheap tests first, so that a post with nothing to hide costs a few µs: each search runs only
# when the text holds what it needs (a token's prefix, a password label, a secret word), and
# token searches only when the text has a long run of token characters with a digit in it.
# Quicker still for a post's text (~1 µs): when each of its folded words is known to ask for
# none of that (a memo of such words, see `Secret.searches`), only "@" and "://" are looked for.
_LONG_RUN = lazy_re(r"[A-Za-z0-9_]{12,}")
_DIGITS = lazy_re(r"\d")
_TOKENISH = lazy_re(r"[0-9][A-Za-z0-9_]{5}")  # a fast first test: a digit and 5 more
_SHAPE_HINTS = ("gh", "github_pat_", "glpat-", "xox", "hooks.slack.com", "AKIA", "ASIA", "AIza",
                "k_live_", "k_test_", "sk-", "eyJ", "earer")
# Words of the folded text (as TextView.variant_words gives them, shared with the lexicon rules)
# that introduce a password, or a secret value.
_PASSWORD_WORDS = frozenset("mdp password passwords passwd pwd passphrase pass passe".split())
_SECRET_WORDS = frozenset(
    "token tokens jeton jetons key keys apikey api_key access_token auth_token secret_key "
    "client_secret cle cles clef clefs clé clés secret secrets credential credentials identifiant "
    "identifiants".split())
_WORD = lazy_re(r"\w+")
_URL_CREDENTIALS = lazy_re(r"://[^\s/@]+:[^\s/@]+@")
_ASCII_DIGIT = lazy_re(r"[0-9]")
_MEMO_SIZE = 100_000  # words remembered as plain, at most

_MASKED_ONLY = lazy_re(r"[*•x.\-_]+", re.IGNORECASE)  # "********": a password shown as hidden
_PREFIX = lazy_re(r"(?:[a-z]+_(?:[a-z]+_)?|[a-z]{3,5}-|AKIA|ASIA|AIza|eyJ)")


def mask(secret: str) -> str:
    """Enough of a secret to find it again, not enough to use it: "ghp_…f3a9", "h…"."""
    if len(secret) >= 16:
        prefix = _PREFIX.match(secret)
        head = prefix.group() if prefix and prefix.end() <= 12 else secret[:4]
        return f"{head}…{secret[-4:]}"
    return f"{secret[:1]}…"


def looks_random(value: str, min_length: int = 16, min_entropy: float = 3.0) -> bool:
    """A token rather than a word: long, letters and digits mixed, characters varied."""
    value = value.strip(".=-_/")
    if len(value) < min_length:
        return False
    if not any(c.isdigit() for c in value) or not any(c.isalpha() for c in value):
        return False
    counts = Counter(value)
    entropy = -sum(n / len(value) * math.log2(n / len(value)) for n in counts.values())
    return entropy >= min_entropy


def looks_like_password(value: str) -> bool:
    """After "mot de passe :", a password rather than a word of the sentence ("oublié ?")."""
    if len(value) < 4 or value.startswith(("http", "www.", "<", "[", "{", "(")):
        return False
    has_digit = any(c.isdigit() for c in value)
    has_symbol = any(not c.isalnum() and c not in "'’-" for c in value)  # not "l'ancien"
    mixed_case = any(c.isupper() for c in value[1:]) and any(c.islower() for c in value)
    return has_digit or has_symbol or mixed_case


@dataclass(slots=True, repr=False, eq=False)  # see OptionsBase
class SecretOptions(OptionsBase):
    """Options of the `secret` check kind."""

    __pydantic_config__ = OPTIONS_CONFIG

    fields: list[str] = field(default_factory=lambda: ["text", "spoiler_text", "alt"])
    """Which texts of the post: text, spoiler_text, quoted, alt (media descriptions)."""
    min_length: int = 16
    """A value after a secret word ("token", "clé") counts from this many characters (12 at
    the least: shorter values are not looked at)."""
    min_entropy: float = 3.0
    """... and when its characters are this varied (Shannon entropy, bits per character)."""


@register
class Secret(Check):
    name = "secret"
    Options = SecretOptions
    placeholders = frozenset({"masked", "what"})

    def __init__(self, rule, options: SecretOptions, config) -> None:
        super().__init__(rule, options, config)
        # Folded words known to need none of the three searches (see `searches`): posts repeat
        # their words, and looking them up is quicker than scanning the text.
        self.plain_words: set[str] = set()

    def run(self, subject) -> list[Hit] | tuple[()]:
        texts = subject.texts(self.options.fields)
        if len(texts) == 1 and texts[0][0] == "text":  # the usual post: its text alone
            view = texts[0][1]
            if view.variant_words[0] <= self.plain_words and not _url_credentials(view.text):
                return ()  # all its words known to be plain, and no password in a link
        # A list, not a generator: cheaper when there is nothing to report.
        hits: list[Hit] = []
        for field_name, view in texts:
            shapes, labelled, worded = self.searches(view, field_name)
            if shapes or labelled or worded:
                hits += self.scan(view.text, field_name, shapes, labelled, worded)
        return hits

    def searches(self, view, field_name: str) -> tuple[bool, bool, bool]:
        """What `plain_searches` answers, quicker for the post's text: when each of its
        folded words is plain (see `_is_plain`), only a password in a link can be there."""
        if field_name == "text" and self._all_plain(view.variant_words[0]):
            return _url_credentials(view.text), False, False
        return plain_searches(view, field_name)

    def _all_plain(self, words: frozenset[str]) -> bool:
        """Whether every word is plain; the plain ones not yet known become known."""
        plain = self.plain_words
        if words <= plain:
            return True
        if len(plain) > _MEMO_SIZE:  # a long run over varied texts: keep memory bounded
            plain.clear()
        for word in words - plain:
            if not _is_plain(word):
                return False
            plain.add(word)
        return True

    def scan(self, text: str, field_name: str, shapes: bool, labelled: bool, worded: bool) -> list[Hit]:
        """The secrets of one text, by the searches asked for."""
        options = self.options
        hits = []
        taken: list[tuple[int, int]] = []
        for match in _SHAPES.finditer(text) if shapes else ():
            kind = match.lastgroup
            start, end = match.span(kind)
            masked = match.group(kind) if kind == "private_key" else mask(match.group(kind))
            taken.append((start, end))
            hits.append(self._hit(start, end, field_name, kind, masked))
        for match in _LABELLED.finditer(text) if labelled else ():
            value = match.group("password").rstrip(".,;:)»”")  # "!" and "?" may be in it
            sure = match.group("quote") or "=" in match.group("sep")
            if _MASKED_ONLY.fullmatch(value) or not (sure or looks_like_password(value)):
                continue
            start = match.start("password")
            if not _overlaps(start, start + len(value), taken):
                taken.append((start, start + len(value)))
                hits.append(self._hit(start, start + len(value), field_name, "password", mask(value)))
        for match in _NEAR_WORD.finditer(text) if worded else ():
            value = match.group("generic").rstrip(".")
            start = match.start("generic")
            if looks_random(value, options.min_length, options.min_entropy) and not _overlaps(
                    start, start + len(value), taken):
                hits.append(self._hit(start, start + len(value), field_name, "generic", mask(value)))
        return hits

    @staticmethod
    def _hit(start: int, end: int, field_name: str, kind: str, masked: str) -> Hit:
        fr, en = _NAMES[kind]
        # The finding shows the secret masked too: its span still points at it.
        return Hit(start, end, field_name, {"masked": masked, "match": masked, "what": {"fr": fr, "en": en}})


def _has_long_run(text: str) -> bool:
    """A run of 12 or more letters, digits and underscores with a digit in it: every token has
    one ("nouveautes-2026" or a phone number does not)."""
    if _TOKENISH.search(text):
        for run in _LONG_RUN.finditer(text):
            if _DIGITS.search(run.group()):
                return True
    return False


def plain_searches(view, field_name: str) -> tuple[bool, bool, bool]:
    """Which of the three searches a text needs: token shapes, password labels, secret words
    (what `Secret.searches` answers quicker for most posts' texts)."""
    text = view.text
    if field_name == "text":  # folded and split once for the lexicon rules: free here
        words = view.variant_words[0]
    else:  # a short description or warning: its own words, lower-cased, are cheaper
        words = frozenset(_WORD.findall(text.lower()))
    labelled = not _PASSWORD_WORDS.isdisjoint(words)
    worded = not _SECRET_WORDS.isdisjoint(words)
    shapes = "PRIVATE KEY" in text or _url_credentials(text)
    if not _has_long_run(text):
        return shapes, labelled, False
    return shapes or any(map(text.__contains__, _SHAPE_HINTS)), labelled, worded


def _is_plain(word: str) -> bool:
    """A folded word that calls for none of the searches. What each needs, as seen in the
    folded words (ASCII letters, digits and "_" are kept in place, only lower-cased): a label
    or a secret word is a word; a run of 12 token characters with a digit lies inside a word
    as long; "PRIVATE KEY" leaves "private" inside a word."""
    return (word not in _PASSWORD_WORDS and word not in _SECRET_WORDS and "private" not in word
            and (len(word) < 12 or _ASCII_DIGIT.search(word) is None))


def _url_credentials(text: str) -> bool:
    """Whether a link in the text may hold a user name and a password ("://user:pass@")."""
    return "@" in text and "://" in text and _URL_CREDENTIALS.search(text) is not None


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in spans)
