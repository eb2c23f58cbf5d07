"""find_urls against twitter-text's conformance data (read in place from ../shared/conformance)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialrules.text import urls
from socialrules.text.urls import find_urls

from . import reference
from .conformance import twitter_tests

load = twitter_tests


EXTRACT = load("extract.yml")
VALIDATE = load("validate.yml")
TLDS = load("tlds.yml")

# validate.yml's `urls` group tests twitter-text's isValidUrl, an RFC 3986 validator for a
# string that is a URL as a whole; what Twitter and Mastodon count as 23 is the extractor's
# output. These strings the validator accepts are not links the extractor finds.
NOT_EXTRACTED = {
    "Valid url: port and userinfo": "the extractor links no user:password@ host (the '@' stops it)",
    "Valid url: ipv4": "the extractor needs a TLD: an IP address is not linked",
    "Valid url: ipv6": "the extractor needs a TLD: an IP address is not linked",
    "Valid url: sub delims and question marks":
        "the extractor ends a query before a trailing '+' (not a query-ending character)",
}


def cases(groups: dict, *names: str) -> list:
    return [pytest.param(case, id=f"{name}: {case['description']}")
            for name in names for case in groups[name]]


@pytest.mark.parametrize("case", cases(EXTRACT, "urls", "urls_with_indices",
                                       "urls_with_directional_markers", "tco_urls_with_params"))
def test_extract_yml(case):
    # extract.yml is run with twitter-text's default: URLs without a scheme are found too.
    text = case["text"]
    spans = find_urls(text, require_scheme=False)
    expected = case["expected"]
    if expected and isinstance(expected[0], dict):
        assert [{"url": text[a:b], "indices": [a, b]} for a, b in spans] == expected
    else:
        assert [text[a:b] for a, b in spans] == expected


@pytest.mark.parametrize("case", cases(TLDS, "country", "generic"))
def test_tlds_yml(case):
    text = case["text"]
    assert [text[a:b] for a, b in find_urls(text)] == case["expected"]


def validate_params():
    for case in VALIDATE["urls"]:
        reason = NOT_EXTRACTED.get(case["description"])
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        yield pytest.param(case, True, marks=marks, id=f"urls: {case['description']}")
    for case in VALIDATE["urls_without_protocol"]:
        yield pytest.param(case, False, id=f"urls_without_protocol: {case['description']}")


@pytest.mark.parametrize(("case", "require_scheme"), list(validate_params()))
def test_validate_yml(case, require_scheme):
    # A valid URL is one the extractor finds as the whole text.
    text = case["text"]
    assert (find_urls(text, require_scheme) == [(0, len(text))]) is case["expected"]


def test_tld_file_is_twitter_texts_list():
    lines = Path(urls.__file__).with_name("tlds.txt").read_text(encoding="utf-8").splitlines()
    assert "Apache License" in "".join(line for line in lines if line.startswith("#"))
    sections: dict[str, list[str]] = {}
    for line in lines:
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), [])
        elif line and not line.startswith("#"):
            current.append(line)
    for group in ("country", "generic"):
        assert sections[group] == [c["text"].removeprefix("https://twitter.") for c in TLDS[group]]
    # find_urls skips texts with no '.' followed by a letter: every TLD must start with one.
    assert all(tld[0].isalpha() for tlds in sections.values() for tld in tlds)


@pytest.mark.parametrize(("text", "with_scheme", "without_scheme"), [
    pytest.param("see https://example.com/a.", ["https://example.com/a"], None, id="final period"),
    pytest.param("(https://example.com/x)", ["https://example.com/x"], None, id="parentheses"),
    pytest.param("https://en.wikipedia.org/wiki/Primer_(film)",
                 ["https://en.wikipedia.org/wiki/Primer_(film)"], None, id="balanced parentheses"),
    pytest.param("https://example.com/🐪", ["https://example.com/"], None, id="emoji after path"),
    pytest.param("HTTPS://EXAMPLE.COM/PATH", ["HTTPS://EXAMPLE.COM/PATH"], None, id="upper case"),
    pytest.param("seehttps://example.com", [], [], id="letter before"),
    pytest.param("http://localhost:3000/path", [], [], id="no TLD"),
    pytest.param("https://example.invalidtld", [], [], id="unknown TLD"),
    pytest.param("https://grå.org/", ["https://grå.org/"], None, id="IDN host"),
    pytest.param("ftp://example.com/file", [], [], id="ftp scheme (a '/' before the host)"),
    pytest.param("example.com and www.example.org", [], ["example.com", "www.example.org"],
                 id="scheme-less"),
    pytest.param("a.example.com/x.com", [], ["a.example.com/x.com"], id="scheme-less with path"),
    pytest.param("http://t.co/" + "a" * 41, [], [], id="t.co slug over 40"),
    pytest.param("http://" + "あいうえおかきくけこ" * 6 + ".com", [], [], id="IDN label over 63 encoded"),
    pytest.param("http://" + "あいうえおかきくけこ" * 3 + ".com", ["http://" + "あいうえおかきくけこ" * 3 + ".com"],
                 None, id="IDN label within 63 encoded"),
])
def test_examples(text, with_scheme, without_scheme):
    assert [text[a:b] for a, b in find_urls(text)] == with_scheme
    expected = with_scheme if without_scheme is None else without_scheme
    assert [text[a:b] for a, b in find_urls(text, require_scheme=False)] == expected


def test_length_limit_differs_between_ruby_and_javascript():
    # 4096 characters: within the Ruby gem's limit (Mastodon), over the JS library's (which
    # counts the scheme twice).
    url = "https://example.com/" + "a" * (4096 - len("https://example.com/"))
    assert find_urls(url) == [(0, 4096)]
    assert find_urls(url, require_scheme=False) == []
    assert find_urls(url + "a") == []
    # The Ruby gem counts the host once punycode-encoded: "grå" becomes "xn--gr-zia".
    idn = "https://grå.org/" + "a" * (4096 - len("https://grå.org/"))
    assert find_urls(idn) == []
    assert find_urls(idn[:-7]) == [(0, 4089)]


url_parts = st.sampled_from(["http://", "https://", "HTTP://", "example", ".", "com", "co", "fr",
                             "/", "?", "=", "#", "(", ")", "@", "-", "_", " ", "\n", "é", "日本",
                             "t.co/", "xn--", "www", "a", "1", ":", "\u3002", "\u200f", "🐪",
                             "みんな", "vermögensberater", "РФ", "\xa0", "$", "&"])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(url_parts, max_size=20).map("".join)),
       st.booleans())
def test_spans_are_ordered_disjoint_and_inside(text, require_scheme):
    spans = find_urls(text, require_scheme)
    end = 0
    for start, stop in spans:
        assert end <= start < stop <= len(text)
        end = stop
    if require_scheme:  # every URL starts with its scheme
        assert all(text[a:b].lower().startswith(("http://", "https://")) for a, b in spans)
    # The shortcuts (quick tests, scanning only the words with a TLD, matching the URL in steps)
    # change nothing: twitter-text's one regex over the whole text finds the same.
    assert spans == reference.find_urls(text, require_scheme)


FIRST_CALLS = [
    "socialrules.text.urls:find_urls(DRAFT)",
    "socialrules.text.urls:find_urls(DRAFT, require_scheme=False)",
    "socialrules.text.twitter:twitter_length(DRAFT)",
    "socialrules.text.mastodon:mastodon_length(DRAFT)",
    "socialrules.text.mastodon:find_mentions(DRAFT)",
    "socialrules.text.entities:find_hashtags(DRAFT)",
    "socialrules.text.entities:find_twitter_mentions(DRAFT)",
]
DRAFT = ("Merci @betagouv 🎉 Tous les détails : https://example.gouv.fr/simulateur, ou sur "
         "t.co/x grå.org/été #ServicePublic #Numérique")


@pytest.mark.parametrize("call", FIRST_CALLS)
def test_first_call_in_a_fresh_interpreter(call):
    # The text modules build their tables and regexes on first use: each function, called first
    # in a new interpreter, gives what it gives in this one (where others ran before).
    module, expression = call.split(":")
    name = expression.split("(")[0]
    code = f"DRAFT = {DRAFT!r}\nfrom {module} import {name}\nprint(repr({expression}))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    namespace: dict = {"DRAFT": DRAFT}
    exec(f"from {module} import {name}", namespace)
    assert result.stdout.strip() == repr(eval(expression, namespace))
