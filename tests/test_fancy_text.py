"""The `fancy_text` kind and the fancy-unicode rule: look-alike styled letters, with plain text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialrules import Linter, Post
from socialrules.checks.fancy_text import plain_text, plain_turned
from socialrules.loader import builtin_rules_dir, load_rule_file
from socialrules.models import Media

RULE = load_rule_file(builtin_rules_dir() / "fancy-unicode.yaml")
LINTER = Linter([RULE], lang="en")


def plain_of(text):
    return [f.fix.split("'")[1] for f in LINTER.check(text)]


@pytest.mark.parametrize(("styled", "plain", "style"), [
    ("𝐍𝐨𝐮𝐯𝐞𝐚𝐮 𝐬𝐢𝐦𝐮𝐥𝐚𝐭𝐞𝐮𝐫", "Nouveau simulateur", "mathematical"),
    ("𝑰𝒕𝒂𝒍𝒊𝒄", "Italic", "mathematical"),
    ("𝓢𝓬𝓻𝓲𝓹𝓽", "Script", "mathematical"),
    ("𝔻𝕠𝕦𝕓𝕝𝕖", "Double", "mathematical"),
    ("𝚖𝚘𝚗𝚘", "mono", "mathematical"),
    ("ＦＵＬＬ ＷＩＤＴＨ", "FULL WIDTH", "full-width"),
    ("ⓒⓘⓡⓒⓛⓔ", "circle", "circled"),
    ("⒫⒜⒭⒠⒩", "paren", "circled"),
    ("🄱🄾🅇", "BOX", "squared"),
    ("🅽🅴🆆", "NEW", "squared"),
    ("ꜱᴍᴀʟʟ ᴄᴀᴘꜱ", "small caps", "small capitals"),
    ("ǝɔuǝɹǝɟuoɔ", "conference", "upside-down"),
])
def test_styled_runs_are_flagged_with_their_plain_text(styled, plain, style):
    [finding] = LINTER.check(f"Annonce : {styled} !")
    assert finding.match == styled
    assert f"'{plain}'" in finding.fix
    assert style in finding.message


@pytest.mark.parametrize("text", [
    "Nouveau simulateur, café, œuvre, naïve, Ærø, straße",
    "Groupe sanguin 🅰️ ou 🅱️ 🅾️",
    "La formule 𝑥 + 𝑦",
    "Ⓜ️ pour métro",
    "IPA: /ʃə/ and /ɹʌn/",
    "日本語のテキストと漢字",
])
def test_plain_letters_emoji_and_lone_symbols_pass(text):
    assert LINTER.check(text) == []


def test_each_styled_run_is_its_own_finding():
    findings = LINTER.check("𝐁𝐨𝐥𝐝 then plain then 𝑰𝒕𝒂𝒍𝒊𝒄")
    assert [f.match for f in findings] == ["𝐁𝐨𝐥𝐝", "𝑰𝒕𝒂𝒍𝒊𝒄"]


def test_styled_alt_text_and_content_warning_are_checked():
    post = Post(text="ok", spoiler_text="𝐒𝐩𝐨𝐢𝐥𝐞𝐫", media=(Media(alt="𝓐 𝓹𝓱𝓸𝓽𝓸 𝓸𝓯 𝓪 𝓬𝓪𝓽"),))
    assert {f.field for f in LINTER.check_post(post)} == {"spoiler_text", "media[0].alt"}


def test_plain_helpers():
    assert plain_text("𝐇𝐞𝐥𝐥𝐨, 𝐰𝐨𝐫𝐥𝐝") == "Hello, world"
    assert plain_turned("plɹoʍ") == "world"
    assert plain_turned("ʇxǝʇ") == "text"


@given(st.text())
def test_never_raises(text):
    for finding in LINTER.check_post(Post(text=text, spoiler_text=text, media=(Media(alt=text),))):
        assert finding.match


@given(st.text(alphabet=st.characters(min_codepoint=0x1D400, max_codepoint=0x1D7FF) | st.just(" "), min_size=1))
def test_never_raises_on_math_letters(text):
    LINTER.check(text)
