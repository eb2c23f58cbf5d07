"""The `secret` kind and the secret-in-post rule: passwords, tokens and keys in posts, masked."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialrules import Linter, Post
from socialrules.checks.secret import looks_random, mask
from socialrules.loader import builtin_rules_dir
from socialrules.loader import load_rule_file
from socialrules.models import Media

RULE = load_rule_file(builtin_rules_dir() / "secret-in-post.yaml")
LINTER = Linter([RULE], lang="en")

# Made-up values with the shapes of real ones (none of them is a live credential).
SECRETS = {
    "GitHub token": "ghp_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5",
    "GitHub token ": "github_pat_11ABCDEFG0" + "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6",
    "Slack token": "xoxb-" + "123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
    "AWS access key": "AKIA" + "IOSFODNN7EXAMPL3",
    "Google API key": "AIza" + "SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q",
    "Stripe secret key": "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc",
    "JWT token": "eyJhbGciOiJIUzI1NiJ9." + "eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
}


def run(text, **post):
    return LINTER.check_post(Post(text=text, **post))


@pytest.mark.parametrize(("what", "secret"), SECRETS.items())
def test_known_token_shapes_are_found_and_never_printed_in_full(what, secret):
    text = f"Voici la config du bot : {secret} (à ne pas diffuser)"
    [finding] = run(text)
    assert text[finding.start:finding.end] == secret
    assert finding.match == mask(secret)
    assert what.strip() in finding.message
    assert secret not in finding.message and secret not in (finding.fix or "")
    assert secret[-4:] in finding.message  # enough to find it again


@pytest.mark.parametrize(("text", "password"), [
    ("Le mot de passe du compte : Simul@teur2026", "Simul@teur2026"),
    ("mdp: Soleil2026!", "Soleil2026!"),
    ("password = hunter2", "hunter2"),
    ("pwd=abc", "abc"),
    ('Wifi password: "correcthorse"', "correcthorse"),
    ("the password is Tr0ub4dor&3", "Tr0ub4dor&3"),
    ("Staging: https://admin:S3cretPass@staging.example.gouv.fr", "S3cretPass"),
])
def test_passwords_after_a_label_or_in_a_link(text, password):
    [finding] = run(text)
    assert text[finding.start:finding.end] == password
    assert password not in finding.message and password not in finding.match


@pytest.mark.parametrize("text", [
    "Mot de passe oublié ? Cliquez sur « Réinitialiser ».",
    "Choisissez un mot de passe : 12 caractères minimum.",
    "Password: ******** (hidden)",
    "The password is stored encrypted, never in clear.",
    "Never share your password: we will never ask for it.",
    "Le pass Navigo : 86,40 € par mois.",
    "Mot de passe : l'ancien reste valable jusqu'à lundi.",
    "Password: (see the email we sent you)",
    "Fixed in commit 7c4a8d09ca3762af61e59520943dc26494f8941b, thanks!",
    "anticonstitutionnellement, intergouvernementalisation et autres mots longs",
    "Nos chiffres clés : 1,2 million de simulations, 350000 usagers, 2026.",
    "Le jeton de présence de l'atelier est offert.",
    "https://example.gouv.fr/simulateur/nouveautes-2026 @betagouv",
    "-----BEGIN PUBLIC KEY----- is fine to share",
])
def test_ordinary_text_is_not_a_secret(text):
    assert run(text) == []


def test_random_value_next_to_a_secret_word():
    text = "API key: 3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c"
    [finding] = run(text)
    assert text[finding.start:finding.end] == "3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c"
    assert "3f9a…6b5c" in finding.message
    text = "Clé d'API du simulateur : 7c4a8d09ca3762af61e59520943dc26494f8941b"
    [finding] = run(text)
    assert text[finding.start:finding.end] == "7c4a8d09ca3762af61e59520943dc26494f8941b"


def test_private_key_header_and_bearer_token():
    [finding] = run("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA")
    assert "private key" in finding.message
    text = "Authorization: Bearer 9fK2mQx7LpR4tZ8wVb3nYc6d"
    [finding] = run(text)
    assert text[finding.start:finding.end] == "9fK2mQx7LpR4tZ8wVb3nYc6d"


def test_secret_in_a_media_description_points_at_it():
    token = SECRETS["GitHub token"]
    alt = f"Écran avec le jeton {token}"
    [finding] = run("Capture du tableau de bord", media=(Media(file="a.png", alt=alt),))
    assert finding.field == "media[0].alt" and alt[finding.start:finding.end] == token


def test_mask_keeps_a_recognisable_prefix_and_the_end():
    assert mask("ghp_R4nd0mT0k3nV4lu3F0rT3st1ngXyZ9876f3a9") == "ghp_…f3a9"
    assert mask("sk_live_4eC39HqLyjWDarjtT1zdp7dc") == "sk_live_…p7dc"
    assert mask("hunter2") == "h…"


def test_looks_random_rejects_words_and_accepts_tokens():
    assert not looks_random("anticonstitutionnellement")
    assert not looks_random("2026-2027-2028-2029")
    assert looks_random("a1b2c3d4e5f6a7b8c9d0")


@given(text=st.text(), alt=st.none() | st.text())
def test_never_raises(text, alt):
    for finding in run(text, media=(Media(alt=alt),)):
        source = text if finding.field == "text" else alt
        assert 0 <= finding.start < finding.end <= len(source)
        assert finding.match == mask(source[finding.start:finding.end])


@pytest.mark.parametrize("output_format", ["text", "concise", "json", "sarif", "github"])
def test_no_report_prints_the_secret(output_format):
    from click.testing import CliRunner

    from socialrules.cli import main

    secret = SECRETS["Stripe secret key"]
    result = CliRunner().invoke(main, ["check", "--isolated", "--select", "secret-in-post",
                                       "--output-format", output_format, "--text", f"clé : {secret}"])
    assert result.exit_code == 1, result.output
    assert "sk_live_…p7dc" in result.output and secret not in result.output


# The quick path (a memo of folded words known to ask for no search, then "@" and "://") must
# answer as the plain tests do, and find the same secrets. One check for every example: its
# memo fills as they run, as it does over a long run of posts.
CHECK = LINTER.checks[0][1]
PIECES = st.sampled_from([
    "mot de passe", "Mot de passe :", "mdp", "MDP=", "password", "the password is", "pass=", "pwd",
    "token=", "token", "Tokens", "clé", "Clé d'API :", "API key:", "apikey", "secret", "jeton",
    "identifiants", "private", "PRIVATE KEY", "KEYring", "-----BEGIN RSA PRIVATE KEY-----", "ＰＲＩＶＡＴＥ",
    "ghp_", "AKIA", "AIza", "eyJ", "Bearer", "xoxb-", "sk-", "sk_live_", "2026", "0", "7", "１２",
    "abc123def456", "abcdefghijkl", "a1b2c3d4e5f6g7h8", "3f9a8b7c6d5e4f3a2b1c0d9e", "x" * 12,
    "https://", "://", "user:pass@", "admin:S3cret@host", "@betagouv", "@", ":", "=", '"', "'",
    "«", "é", "É", "🎉", "\u200b", "\u0301", "ａ", "İ", "ß", "_", "-", "/", ".", *SECRETS.values(),
])
SEPARATORS = st.sampled_from(["", " ", " ", "\n", " : ", "="])
TEXTS = st.text() | st.lists(st.tuples(st.one_of(PIECES, PIECES, st.text(max_size=3)), SEPARATORS),
                             max_size=8).map(lambda pairs: "".join(a + b for a, b in pairs))


def assert_quick_path_agrees(text, alt=None):
    from socialrules.checks.secret import plain_searches
    from socialrules.engine import ALL_PLATFORMS, Subject
    from socialrules.text.analysis import TextView

    view = TextView(text)
    assert CHECK.searches(view, "text") == plain_searches(view, "text")
    post = Subject(Post(text=text, media=(Media(alt=alt),) if alt else ()), ALL_PLATFORMS, LINTER.config)
    plain = [hit for field, view in post.texts(CHECK.options.fields)
             for hit in CHECK.scan(view.text, field, *plain_searches(view, field))]
    assert list(CHECK.run(post)) == plain


@pytest.mark.parametrize("text", [
    f"token {SECRETS['AWS access key']}", "mdp : Soleil2026!", "Staging: https://admin:S3cretPass@x.fr",
    "-----BEGIN RSA PRIVATE KEY-----", "API key: 3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c", "mot de passe",
    "Bonjour à tous, rendez-vous à 14h !", "Merci @betagouv https://example.gouv.fr",
    "Bearer 9fK2mQx7LpR4tZ8wVb3nYc6d", "ＰＲＩＶＡＴＥ KEY", "private key", "PRIVATE KEYring",
    "sk-abc123def456", "eyJ a1b2c3d4e5f6", "xoxb-x1x2x3x4x5x6", *SECRETS.values(),
])
def test_quick_path_agrees_on_samples(text):
    for _ in range(2):  # then with its words in the memo
        assert_quick_path_agrees(text)
        assert_quick_path_agrees("Capture d'écran", text)


@settings(max_examples=300)
@given(TEXTS, st.none() | TEXTS)
def test_quick_path_agrees_with_the_plain_tests(text, alt):
    assert_quick_path_agrees(text, alt)
