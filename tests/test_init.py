"""`socialrules init`: the BuzzForm questionnaire writes a commented socialrules.toml that loads."""

from __future__ import annotations

import tomllib

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from socialrules.cli import main
from socialrules.config import load_config
from socialrules.init import Answers, render, validate

# One answer a question, in the order they are asked (both platforms).
ANSWERS = [
    "Mes Aides, simulateur Mes Aides",          # names
    "",                                         # platforms: the default, both
    "mesaides, @mesaides_dev",                  # Twitter accounts
    "@mesaides",                                # Mastodon account without instance: asked again
    "@mesaides@Social.Example",                 # Mastodon accounts
    "1000",                                     # Mastodon instance limit
    "@betagouv, *.gouv.fr, *@social.numerique.gouv.fr",  # allies
    "",                                         # tools: the default, TweetDeck
    "communication@example.gouv.fr",            # communication service
    "3",                                        # posts a week on Twitter
    "2,5",                                      # on Mastodon (a French decimal comma)
    "usagers, travailleurs sociaux",            # audiences
    "faire connaître le simulateur",            # goals
    "Les nouveautés du simulateur, en clair",   # editorial line
    'Simple, chaleureux, sans "jargon"',        # tone
]


def init(*args: str, input: str | None = None):
    return CliRunner().invoke(main, ["init", *args], input=input, catch_exceptions=False)


def test_questionnaire_writes_a_configuration_that_loads(in_tmp):
    result = init("--lang", "en", input="\n".join(ANSWERS) + "\n")
    assert result.exit_code == 0, result.output
    assert "BuzzForm" in result.output
    assert "is not a Mastodon account" in result.output  # the bad answer was asked again
    assert "Wrote socialrules.toml" in result.output and "communication@example.gouv.fr" in result.output
    config = load_config(in_tmp / "socialrules.toml")
    team, strategy = config.team, config.strategy
    assert config.lang == "en" and config.platforms == ("twitter", "mastodon") and config.limits.mastodon == 1000
    assert team.names == ("Mes Aides", "simulateur Mes Aides")
    assert team.accounts == ("@mesaides", "@mesaides_dev", "@mesaides@social.example")
    assert team.allies == ("@betagouv", "*.gouv.fr", "*@social.numerique.gouv.fr")
    assert team.tools == ("TweetDeck",) and team.comms_contact == "communication@example.gouv.fr"
    assert strategy.audiences == ("usagers", "travailleurs sociaux")
    assert strategy.goals == ("faire connaître le simulateur",)
    assert strategy.editorial_line == "Les nouveautés du simulateur, en clair"
    assert strategy.tone == 'Simple, chaleureux, sans "jargon"'
    assert strategy.cadence == {"twitter": 3.0, "mastodon": 2.5}
    # `socialrules check` finds and uses it.
    assert CliRunner().invoke(main, ["check", "--text", "Nouvelle version du simulateur."]).exit_code == 0


def test_every_key_is_explained_in_a_comment(in_tmp):
    init("--lang", "en", input="\n".join(ANSWERS) + "\n")
    lines = (in_tmp / "socialrules.toml").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        if line and not line.startswith("#"):
            # A key or a table: the comment above its block explains it ([limits], cadence: the table's).
            above = number - 1
            while lines[above] and not lines[above].startswith("#"):
                above -= 1
            assert lines[above].startswith("# ") and len(lines[above]) > 20, line


def test_french_questions_and_comments_from_the_locale(in_tmp, monkeypatch):
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    result = init("--platform", "mastodon", input="\n" * 12)
    assert result.exit_code == 0, result.output
    assert "Vos comptes Mastodon (@compte@instance)" in result.output
    assert "Vos comptes Twitter" not in result.output  # not a platform of the team
    text = (in_tmp / "socialrules.toml").read_text(encoding="utf-8")
    assert "# Les comptes de l'équipe : @compte sur Twitter, @compte@instance sur Mastodon." in text
    config = load_config(in_tmp / "socialrules.toml")
    assert config.lang == "fr" and config.platforms == ("mastodon",) and config.limits.mastodon == 500


def test_enter_everywhere_keeps_the_defaults(in_tmp):
    result = init("--lang", "en", input="\n" * 20)
    assert result.exit_code == 0, result.output
    config = load_config(in_tmp / "socialrules.toml")
    assert config.platforms == ("twitter", "mastodon") and config.team.tools == ("TweetDeck",)
    assert config.limits.mastodon == 500 and config.team.comms_contact is None
    assert config.strategy.cadence == {} and config.strategy.editorial_line is None


def test_a_dash_clears_a_default_and_a_flag_answers_its_question(in_tmp):
    # Asked: names, Mastodon accounts, instance limit, allies, tools ("-": none), contact,
    # cadence, audiences, goals, editorial line, tone. The platform came from its flag.
    result = init("--lang", "en", "--platform", "mastodon", input="\n\n\n\n-\n-\n\n\n\n\n\n")
    assert result.exit_code == 0, result.output
    assert "Platforms you publish on" not in result.output
    config = load_config(in_tmp / "socialrules.toml")
    assert config.team.tools == () and config.team.comms_contact is None and config.platforms == ("mastodon",)


def test_no_input_with_a_flag_for_every_question(in_tmp):
    result = init(
        "--no-input", "--lang", "fr", "--output", "config/socialrules.toml",
        "--name", "Mes Aides", "--platform", "twitter", "--platform", "mastodon",
        "--twitter-account", "@mesaides", "--mastodon-account", "mesaides@social.example",
        "--mastodon-limit", "800", "--ally", "@betagouv", "--ally", "*.gouv.fr", "--tool", "Mastodon web",
        "--comms-contact", "com@example.gouv.fr", "--twitter-cadence", "4", "--mastodon-cadence", "1.5",
        "--audience", "usagers", "--goal", "informer", "--editorial-line", "Les nouveautés", "--tone", "simple")
    assert result.exit_code == 0, result.output
    assert "Noms de l'équipe" not in result.output  # nothing asked
    config = load_config(in_tmp / "config" / "socialrules.toml")
    assert config.lang == "fr" and config.limits.mastodon == 800
    assert config.team.accounts == ("@mesaides", "@mesaides@social.example")
    assert config.team.allies == ("@betagouv", "*.gouv.fr") and config.team.tools == ("Mastodon web",)
    assert config.strategy.cadence == {"twitter": 4.0, "mastodon": 1.5}
    assert config.strategy.tone == "simple" and config.strategy.goals == ("informer",)


def test_no_input_alone_writes_the_defaults(in_tmp):
    result = init("--no-input")
    assert result.exit_code == 0, result.output
    config = load_config(in_tmp / "socialrules.toml")
    assert config.team.tools == ("TweetDeck",) and config.team.names == ()


def test_an_existing_file_is_kept_without_force(in_tmp):
    (in_tmp / "socialrules.toml").write_text('lang = "fr"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["init", "--no-input", "--lang", "en"])
    assert result.exit_code == 2
    assert "socialrules.toml: already exists; use --force to overwrite it" in result.stderr
    assert (in_tmp / "socialrules.toml").read_text(encoding="utf-8") == 'lang = "fr"\n'
    # Interactive too: it says so before asking anything.
    result = CliRunner().invoke(main, ["init"], input="x\n")
    assert result.exit_code == 2 and "BuzzForm" not in result.stdout
    assert init("--no-input", "--force", "--lang", "en").exit_code == 0
    assert load_config(in_tmp / "socialrules.toml").lang == "en"


def test_a_bad_flag_is_a_usage_error(in_tmp):
    result = CliRunner().invoke(main, ["init", "--no-input", "--mastodon-account", "@mesaides"])
    assert result.exit_code == 2 and "is not a Mastodon account" in result.stderr
    assert not (in_tmp / "socialrules.toml").exists()


@settings(max_examples=80, deadline=None)
@given(free=st.lists(st.text(), min_size=5, max_size=5),
       cadence=st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False))
def test_any_answer_is_written_as_valid_toml(free, cadence):
    answers = Answers(lang="fr", names=[free[0]], allies=[], comms_contact=free[1] or None,
                      editorial_line=free[2] or None, tone=free[3] or None, audiences=[free[4]],
                      cadence={"twitter": cadence})
    text = render(answers)
    validate(text)
    data = tomllib.loads(text)
    assert data["team"]["names"] == [free[0]] and data["strategy"]["audiences"] == [free[4]]
    assert data["strategy"].get("editorial-line") == (free[2] or None)
    assert data["strategy"]["cadence"]["twitter"] == cadence


def test_account_thresholds_are_offered_commented_out_with_their_defaults(in_tmp):
    init("--no-input")
    text = (in_tmp / "socialrules.toml").read_text(encoding="utf-8")
    assert "[accounts]" in text and tomllib.loads(text)["accounts"] == {}  # defaults still apply
    # Uncommented as written, each line sets the value the rule uses by default.
    uncommented = "\n".join(line[2:] if line.startswith(("# followers", "# ratio")) else line
                            for line in text.splitlines())
    written = load_config_text(in_tmp, uncommented).accounts
    from socialrules.models import AccountThresholds

    assert written == AccountThresholds() and tomllib.loads(uncommented)["accounts"]


def load_config_text(folder, text):
    path = folder / "edited.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(path)
