"""Finding and reading socialrules.toml / pyproject.toml."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from socialrules import SocialrulesError
from socialrules.cli import main
from socialrules.config import find_config, load_config


def test_found_from_a_subfolder(in_tmp):
    (in_tmp / "socialrules.toml").write_text('[team]\nnames = ["Mes Aides"]\n')
    sub = in_tmp / "a" / "b"
    sub.mkdir(parents=True)
    assert find_config(sub) == in_tmp / "socialrules.toml"
    assert load_config(find_config(sub)).team.names == ("Mes Aides",)


def test_pyproject_only_with_our_table(in_tmp):
    (in_tmp / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config(in_tmp) is None
    (in_tmp / "pyproject.toml").write_text('[tool.socialrules]\nplatforms = ["mastodon"]\n'
                                           '[tool.socialrules.team]\ntools = ["TweetDeck"]\n')
    config = load_config(find_config(in_tmp))
    assert config.platforms == ("mastodon",) and config.team.tools == ("TweetDeck",)


def test_full_example_from_the_readme(in_tmp):
    (in_tmp / "socialrules.toml").write_text("""
platforms = ["twitter", "mastodon"]
lang = "fr"
ignore = ["hashtag-overuse"]
fail-on = "warning"
rule-dirs = ["rules"]
[severity]
emoji-overuse = "info"
[limits]
mastodon = 1000
[rules.emoji-overuse]
max = 3
[team]
names = ["Mes Aides"]
accounts = ["@mesaides", "@mesaides@social.example"]
allies = ["@betagouv", "*.gouv.fr"]
tools = ["TweetDeck"]
comms-contact = "communication@example.gouv.fr"
""")
    config = load_config(in_tmp / "socialrules.toml")
    assert config.limits.mastodon == 1000 and config.fail_on == "warning"
    assert config.rule_dirs == (str(in_tmp / "rules"),)
    assert config.team.comms_contact == "communication@example.gouv.fr"


@pytest.mark.parametrize(("text", "expected"), [
    ("colour = 1\n", "colour: unknown key"),
    ("[team]\nnames = ['a']\nwebsite = 'x'\n", "team.website: unknown key"),
    ("[limits]\nmastodon = 'lots'\n", "limits.mastodon"),
    ("platforms = ['facebook']\n", "platforms.0"),
    ("lang = 'de'\n", "lang"),
    ("[team\n", "invalid TOML"),
])
def test_bad_config_names_file_and_key(in_tmp, text, expected):
    path = in_tmp / "socialrules.toml"
    path.write_text(text)
    with pytest.raises(SocialrulesError) as raised:
        load_config(path)
    assert expected in str(raised.value)
    assert str(path) in str(raised.value)


def test_unknown_key_gets_its_line(in_tmp):
    path = in_tmp / "socialrules.toml"
    path.write_text('lang = "fr"\n\n[team]\nnames = ["a"]\nwebsite = "x"\n')
    with pytest.raises(SocialrulesError) as raised:
        load_config(path)
    assert raised.value.line == 5


def test_a_changed_config_is_read_again(in_tmp):
    path = in_tmp / "socialrules.toml"
    path.write_text('lang = "fr"\n')
    assert load_config(path).lang == "fr"
    path.write_text('lang = "en"   \n')
    assert load_config(path).lang == "en"


@pytest.mark.parametrize(("override", "expected"), [
    ('[rules.duplicate-post]\nclause_words = 0\n', "rules.duplicate-post: `clause_words` counts words"),
    ('[rules.hashtag-overuse]\nmax = "many"\n', "rules.hashtag-overuse.max"),
])
def test_a_bad_rule_option_in_the_config_names_the_config_and_rule(in_tmp, override, expected):
    (in_tmp / "socialrules.toml").write_text(override)
    (in_tmp / "draft.txt").write_text("Bonjour à tous !")
    result = CliRunner().invoke(main, ["check", "draft.txt"])
    assert result.exit_code == 2
    assert expected in result.output and "socialrules.toml" in result.output
