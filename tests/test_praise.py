"""The `praise` check and the praise-boost rule: relaying praise of the team is flagged, relaying
useful content, praise of partners or sarcasm is not."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialrules.checks.praise import relayed
from socialrules.engine import Linter
from socialrules.explain import explain_rule
from socialrules.loader import builtin_rules_dir, load_rule_file
from socialrules.models import Config, Post, PostKind, TeamProfile

RULE = load_rule_file(builtin_rules_dir() / "praise-boost.yaml")
TEAM = TeamProfile(names=("Mes Aides",), accounts=("@mesaides", "@mesaides@social.numerique.gouv.fr"),
                   allies=("@betagouv",))
WITH_PROFILE = Linter([RULE], Config(team=TEAM), lang="en")
WITHOUT_PROFILE = Linter([RULE], Config(), lang="en")


def boost(quoted: str, linter: Linter = WITH_PROFILE, lang: str | None = None):
    return linter.check_post(Post(text="", kind=PostKind.BOOST, quoted=quoted, lang=lang))


def post(text: str, linter: Linter = WITH_PROFILE):
    return linter.check_post(Post(text=text, kind=PostKind.POST))


# --- what is relayed ----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "relayed_part"), [
    ("RT @julie_l: Merci @mesaides, top !", "Merci @mesaides, top !"),
    ("Trop gentil 🥹 RT @julie_l: Merci @mesaides, top !", "Merci @mesaides, top !"),
    ("rt @julie_l Merci @mesaides", "Merci @mesaides"),
    ("citant @cesf_x : « Mes Aides est génial » ❤️", "Mes Aides est génial"),
    ("Citant @cesf_x : « Mes Aides est génial ». Merci Julie !", "Mes Aides est génial"),
    ("Via @elu_x : « Bravo à l'équipe Mes Aides »", "Bravo à l'équipe Mes Aides"),
    ("via @elu_x : Bravo à l'équipe Mes Aides\nNotre réponse demain.", "Bravo à l'équipe Mes Aides"),
    ('quoting @advisor: "Mes Aides is a gem" ❤️', "Mes Aides is a gem"),
    ("« Mes Aides, c'est bien foutu » (citant @benevole) 😊", "Mes Aides, c'est bien foutu"),
    ('"Best tool ever" (via @advisor_jo)', "Best tool ever"),
])
def test_relay_forms_in_a_plain_post_are_found(text, relayed_part):
    assert [text[start:end] for start, end in relayed(text)] == [relayed_part]


@pytest.mark.parametrize("text", [
    "Merci @betagouv pour l'accueil !",
    "Super article via https://example.org sur les aides",
    "Nous citons souvent le rapport de la DREES.",
    "Bravo à toute l'équipe Mes Aides, vous êtes géniaux 👏",
])
def test_a_plain_post_that_relays_nobody_has_no_relayed_part_and_is_never_flagged(text):
    assert relayed(text) == []
    assert not post(text)


def test_a_manual_retweet_is_judged_on_the_retweeted_part_only():
    findings = post("Ça fait plaisir ❤️ RT @infirmiere: le simulateur Mes Aides est une pépite")
    assert [(f.field, f.match) for f in findings] == [("text", "pépite")]
    # The team's own thanks around a relayed question do not make it praise.
    assert not post("Merci Léa 🙏 citant @lea : « Mes Aides gère-t-il la garde alternée ? »")


def test_an_inline_quote_is_flagged_at_the_praise_inside_the_quotation_marks():
    text = 'Lovely feedback, quoting @lea: "Mes Aides saved me, I recommend it to everyone." Thanks Léa!'
    findings = post(text)
    assert [f.match for f in findings] == ["saved me"]
    assert text[findings[0].start : findings[0].end] == "saved me"


def test_a_boost_points_at_the_praise_in_the_quoted_text():
    quoted = "Franchement, un grand merci à @mesaides pour la version mobile 🙏"
    [finding] = boost(quoted)
    assert finding.field == "quoted"
    assert quoted[finding.start : finding.end] == finding.match == "un grand merci"


def test_a_quote_is_judged_on_the_quoted_text_not_on_the_teams_comment():
    comment_only = Post(text="Merci, vous êtes géniaux ❤️", kind=PostKind.QUOTE,
                        quoted="Est-ce que Mes Aides gère la prime de Noël ?")
    assert not WITH_PROFILE.check_post(comment_only)
    praised = Post(text="Ça nous touche", kind=PostKind.QUOTE, quoted="Merci @mesaides, vous êtes au top")
    assert WITH_PROFILE.check_post(praised)


# --- who is praised -------------------------------------------------------------------------------


@pytest.mark.parametrize("quoted", [
    "Merci Mes Aides !",
    "Merci mes-aides.gouv.fr !",
    "merci mesaides vs etes top",
    "MERCI @MesAides !!!",
    "Merci @mesaides@social.numerique.gouv.fr pour tout",
    "Un immense merci à l'équipe du simulateur Mes Aides",
    "Inès, de l'équipe Mes Aides, a été d'une patience incroyable. Merci !",
    "#MerciMesAides 🙏 sans vous je serais passée à côté de la prime",
])
def test_the_team_is_found_by_name_account_or_handle_however_written(quoted):
    assert boost(quoted)


def test_an_account_on_another_instance_is_not_the_team_when_the_profile_names_its_instance():
    team = TeamProfile(names=(), accounts=("@mesaides@social.numerique.gouv.fr",))
    linter = Linter([RULE], Config(team=team), lang="en")
    assert boost("Bravo @mesaides@social.numerique.gouv.fr, génial !", linter)
    assert not boost("Bravo @mesaides@mastodon.example, génial !", linter)


@pytest.mark.parametrize("quoted", [
    "Bravo à la CNAF pour l'ouverture de l'API : tout l'écosystème en profite, @mesaides compris.",
    "Merci @Etalab pour l'accompagnement, super utile pour des services comme Mes Aides.",
    "Chapeau à l'équipe de 1jeune1solution pour le nouveau parcours 👏",
    "Congrats to the OpenFisca community on v40! The engine behind Mes Aides and many others.",
    "Hats off to the library team who host our Mes Aides workshops 👏",
    "👏 Bravo @betagouv pour les 10 ans de l'incubateur !",
    "Les équipes de la CAF ont fait un travail remarquable pour Mes Aides, bravo à elles !",
])
def test_praise_of_a_partner_or_an_ally_is_not_praise_of_the_team(quoted):
    assert not boost(quoted)


@pytest.mark.parametrize("quoted", [
    "Merci à la CAF ET à l'équipe Mes Aides pour ce partenariat 🙏",
    "Félicitations @betagouv, et tout particulièrement à l'équipe Mes Aides, lauréate du prix 🏆",
    "Thanks to CAF and the Mes Aides team for a partnership that really helps 🙏",
])
def test_praise_shared_between_a_partner_and_the_team_is_praise_of_the_team(quoted):
    assert boost(quoted)


def test_without_a_team_profile_praise_addressed_to_someone_is_taken_as_praise_of_the_team():
    assert boost("Merci @mesaides, vous êtes géniaux !", WITHOUT_PROFILE)
    assert boost("You're amazing, thank you so much!", WITHOUT_PROFILE)
    # ... which also takes an ally for the team: a profile makes the rule sharper.
    assert boost("Bravo @betagouv pour les 10 ans !", WITHOUT_PROFILE)
    assert not boost("Bravo @betagouv pour les 10 ans !")
    # Praise that addresses nobody is not flagged without a profile, nor a named partner's.
    assert not boost("Les agents du CCAS de Villeurbanne sont formidables.", WITHOUT_PROFILE)
    assert not boost("Bravo à la CNAF pour la nouvelle API", WITHOUT_PROFILE)


def test_explain_says_a_team_profile_makes_the_rule_sharper():
    for lang in ("en", "fr"):
        text = explain_rule(RULE, lang)
        assert "[team]" in text and "profil" in text.lower()
    assert "profile" in RULE.summary.en and "profil" in RULE.summary.fr


# --- what is not praise ---------------------------------------------------------------------------


@pytest.mark.parametrize("quoted", [
    "Bravo @mesaides, trois jours de panne pendant la rentrée. Du grand art 👏",
    "Encore une panne du simulateur Mes Aides 👏👏 Quelle équipe de génies.",
    "Merci @mesaides de m'avoir fait perdre deux heures, bande de champions 🙄",
    "RT-worthy: merci pour rien @mesaides, le simulateur dit 0 €.",
    "Génial, le simulateur Mes Aides est encore en maintenance. Merci hein.",
    "Le « génial » simulateur Mes Aides a encore perdu mon dossier.",
    "Great job @mesaides, the site crashed again right before the deadline 👏",
    "Thanks for nothing @mesaides.",
    "Still no fix for the pension bug, @mesaides? Well done.",
    "Quelle efficacité @mesaides : trois mois pour répondre à mon message.",
])
def test_sarcastic_praise_is_left_to_the_tone_rule(quoted):
    assert not boost(quoted)


@pytest.mark.parametrize("quoted", [
    "Bravo @mesaides ! Je m'attendais à une usine à gaz, et pas du tout : simple et clair.",
    "Enfin un site public qui marche du premier coup. Bravo Mes Aides, sincèrement.",
    "Un immense merci à l'équipe Mes Aides : bug signalé à 9 h, corrigé à 10 h.",
    "Expected yet another government mess, got something simple and clear instead. Well done @mesaides!",
])
def test_sincere_praise_that_mentions_a_problem_is_still_praise(quoted):
    assert boost(quoted)


@pytest.mark.parametrize("quoted", [
    "Nouvelle version de Mes Aides : ajout de la CSS et du chèque énergie. Notes de version : https://mes-aides.gouv.fr/notes",
    "Atelier « Accès aux droits » le 12 juin à Lille avec @mesaides. Inscription gratuite : https://exemple.fr/atelier",
    "On recrute ! Mes Aides cherche un·e développeur·se Python. Fiche de poste : https://beta.gouv.fr/recrutement",
    "Merci @mesaides ! La nouvelle version est disponible : https://mes-aides.gouv.fr/notes/v3",
    "Mes Aides now lets you simulate the Christmas bonus. Try it at mes-aides.gouv.fr",
    "Pour estimer vos droits : mes-aides.gouv.fr. Pour déposer : caf.fr.",
    "Fermeture exceptionnelle de l'accueil lundi. Utilisez les services en ligne (Mes Aides).",
])
def test_useful_content_that_mentions_the_team_is_not_praise(quoted):
    assert not boost(quoted)


def test_praise_is_the_main_point_when_the_news_is_only_its_pretext():
    assert boost("Nouvelle version de Mes Aides, et franchement c'est la meilleure appli de l'État. "
                 "Bravo l'équipe ! https://mes-aides.gouv.fr")
    assert boost("'Mes Aides, the French state's hidden gem' — our feature story today: https://example.org/gem")


@pytest.mark.parametrize(("quoted", "flagged"), [
    ("Mes Aides n'est pas génial sur mobile.", False),
    ("Wouldn't recommend Mes Aides for shared custody.", False),
    ("On ne peut pas dire que la nouvelle version de Mes Aides soit une réussite.", False),
    ("Le simulateur Mes Aides n'est pas mauvais, mais il ne remplacera jamais un rendez-vous.", False),
    ("Merci @mesaides pour votre réponse. Par contre le problème n'est toujours pas réglé.", False),
    ("Quelqu'un peut me recommander un simulateur ? On m'a parlé de Mes Aides.", False),
    ("Ce serait super que Mes Aides intègre les aides des régions.", False),
    ("Pas mal du tout, le simulateur Mes Aides.", True),
    ("Je ne dirai jamais assez merci à l'équipe Mes Aides.", True),
    ("Can't thank the Mes Aides team enough.", True),
    ("Rien à redire : le simulateur Mes Aides est parfait.", True),
])
def test_negations_questions_and_wishes(quoted, flagged):
    assert bool(boost(quoted)) is flagged


@pytest.mark.parametrize(("quoted", "flagged"), [
    ("👏👏👏 @mesaides", True),
    ("💪🔥 @mesaides@social.numerique.gouv.fr", True),
    ("❤️❤️ @mesaides", True),
    ("👏 Bravo @betagouv pour les 10 ans", False),
    ("🔥 Incendie à la mairie annexe : l'accueil est fermé. Les simulations Mes Aides restent possibles.", False),
    ("🔥 Fire at the town hall annex: the desk is closed. Mes Aides still works.", False),
])
def test_applause_emoji(quoted, flagged):
    assert bool(boost(quoted)) is flagged


def test_the_message_names_the_cues_so_that_a_user_can_disagree():
    [finding] = boost("Bravo @mesaides, super outil 👏")
    assert finding.match == "Bravo"
    for cue in ("Bravo", "super", "👏", "@mesaides"):
        assert cue in finding.message
    [guess] = boost("Bravo, vous êtes top !", WITHOUT_PROFILE)
    assert "(?)" in guess.message  # no profile: whom it praises is a guess, and says so


def test_french_and_english_praise_are_both_recognised_in_posts_with_a_language():
    assert boost("Chapeau bas à l'équipe Mes Aides 🎩", lang="fr")
    assert boost("Hats off to the Mes Aides team", lang="en")
    assert boost("Kudos @mesaides, ce simulateur est une pépite", lang="fr")  # anglicisms in French


# --- hard cases written apart from the development corpus ---------------------------------------

# The families of errors a first hold-out corpus showed, on both sides of the decision, in French
# and in English: comparative or indirect praise; a partner's praise that singles the team out;
# "the team" in a text about a partner; a sarcastic bravo over a failure; and useful content that
# merely mentions the team.
_FRESH_BOOSTS = [
    # --- praise of the team: flagged
    # family 1: comparative and indirect praise
    ("fr", "Si seulement la préfecture marchait comme @mesaides…", True),
    ("fr", "Franchement, tous les sites de l'État devraient ressembler à Mes Aides.", True),
    ("fr", "Pourquoi les autres simulateurs ne sont pas aussi clairs que Mes Aides ?", True),
    ("fr", "Enfin un service public qui parle comme nous ! Merci @mesaides", True),
    ("fr", "Mes Aides, la preuve qu'on peut faire simple quand on veut.", True),
    ("fr", "Un simulateur aussi clair, ça devrait être la norme. @mesaides", True),
    ("fr", "Toutes les administrations devraient s'inspirer de Mes Aides.", True),
    ("en", "If only the tax office worked like @mesaides.", True),
    ("en", "Why can't every government website be like this? @mesaides", True),
    ("en", "Finally a government site that speaks human. @mesaides", True),
    ("en", "Mes Aides is proof that public services can be simple.", True),
    ("en", "This should be the norm for every public service. @mesaides", True),
    ("en", "Best thing the French state has built in years: Mes Aides.", True),
    ("en", "Every ministry should take notes from Mes Aides.", True),
    # family 2: a partner's praise that singles the team out
    ("fr", "Félicitations @betagouv pour cette promo, et tout particulièrement à l'équipe Mes Aides qui a bluffé le jury", True),
    ("fr", "Merci @DINUM pour l'organisation, et bravo à @mesaides pour sa démo, la plus claire de la journée.", True),
    ("fr", "Belle soirée des lauréats 🏆 Bravo à tous, et mention spéciale à Mes Aides !", True),
    ("en", "Congrats @betagouv on the demo day, and especially to the Mes Aides team, who stole the show.", True),
    ("en", "Thanks to the CNAF for hosting, and hats off to @mesaides for a brilliant workshop.", True),
    # family 3: "the team" in a text about the team
    ("fr", "Première simulation sur Mes Aides : 200 € d'APL trouvés. Bravo à toute l'équipe !", True),
    ("fr", "Rencontré l'équipe Mes Aides au salon de la CAF. Bravo à toute l'équipe pour son écoute.", True),
    ("en", "Tried Mes Aides for my mum today. Congrats to the whole team, it's so clear.", True),
    # family 4: sincere praise after a problem
    ("fr", "Le site était en panne ce matin, réparé en une heure. Merci @mesaides pour la réactivité !", True),
    ("fr", "Plus de bug depuis la nouvelle version. Bravo @mesaides !", True),
    ("en", "Site was down for an hour, back up in no time. Great job @mesaides!", True),
    ("fr", "J'étais en galère depuis des mois, Mes Aides m'a trouvé la prime d'activité. Merci !", True),
    # family 1 again: a rhetorical "why" pointing at the team, a doubt answered
    ("fr", "Pourquoi tous les sites publics ne sont pas comme ça ? @mesaides", True),
    ("fr", "Qui a dit que l'État ne savait pas faire simple ? @mesaides", True),
    ("en", "When people say government can't do tech, I send them to Mes Aides.", True),
    # --- not praise of the team: not flagged
    # family 1: wishes, questions and comparisons that do not praise the team
    ("fr", "Si seulement Mes Aides gérait la garde alternée…", False),
    ("fr", "Pourquoi Mes Aides ne marche pas sur mon vieux téléphone ?", False),
    ("fr", "Mes Aides devrait prendre exemple sur le simulateur de la CAF.", False),
    ("fr", "Tous les simulateurs publics, comme Mes Aides, doivent être accessibles d'ici 2025.", False),
    ("en", "Like every year, Mes Aides updates its rates in April. Release notes: https://mes-aides.gouv.fr/notes", False),
    ("en", "Why can't Mes Aides be as simple as the CAF site?", False),
    ("en", "If only Mes Aides covered student grants.", False),
    ("en", "The Mes Aides impact report shows that we can cut non-take-up by 10%.", False),
    # family 2: praise of partners
    ("fr", "Bravo à la CNAF pour l'ouverture de l'API ! Mes Aides l'intègre dès la semaine prochaine.", False),
    ("en", "Congrats to DossierFacile on the award! Mes Aides was in the running too.", False),
    ("fr", "Merci @Etalab pour ces données, que Mes Aides et bien d'autres utilisent chaque jour.", False),
    # family 3: "the team" in a text about a partner
    ("fr", "Nouvelle version de DossierFacile, compatible avec les simulations Mes Aides. Bravo à toute l'équipe !", False),
    ("fr", "La CAF de la Gironde ouvre un guichet numérique, en lien avec Mes Aides. Félicitations à l'équipe !", False),
    ("en", "OpenFisca v41 is out, the engine behind Mes Aides. Congrats to the whole team!", False),
    ("fr", "@DossierFacile a publié son rapport d'impact, qui cite Mes Aides. Chapeau à l'équipe !", False),
    ("en", "Great launch by the CAF digital team today, with a link to Mes Aides. Well done, team!", False),
    # family 4: sarcastic bravo over a failure
    ("fr", "Bravo @mesaides, trois jours sans pouvoir simuler l'APL. Vous êtes des champions 👏", False),
    ("en", "Great job @mesaides, the site has been down for two days. Amazing work 👏", False),
    ("fr", "Bravo Mes Aides, plus de simulateur depuis 3 jours. Chapeau 👏", False),
    ("fr", "Félicitations @mesaides : toujours pas de prime d'activité dans le simulateur. Génial.", False),
    ("fr", "Merci @mesaides, impossible de me connecter depuis hier. Quelle équipe !", False),
    ("fr", "Super le nouveau Mes Aides, plus rien ne s'affiche sur mobile. Bravo les gars.", False),
    ("en", "Nice job @mesaides, can't log in since Monday. Champions.", False),
    ("en", "Well done @mesaides, still broken after the update. Incredible work 👏", False),
    ("en", "Awesome job @mesaides, the results page has been blank since yesterday 👏", False),
    ("en", "Congrats @mesaides, another outage on payday. World-class.", False),
    # useful content that merely mentions the team
    ("fr", "Mes Aides publie ses statistiques d'usage en open data : https://www.data.gouv.fr/datasets/mes-aides", False),
    ("fr", "Nouveau guide pas à pas : simuler la prime d'activité avec Mes Aides. https://exemple.fr/guide", False),
    ("fr", "Mes Aides recrute un·e designer ! Poste à Paris, candidatures avant le 15 mars.", False),
    ("fr", "Webinaire jeudi 14 h : l'équipe Mes Aides présente son nouveau parcours logement.", False),
    ("fr", "L'équipe Mes Aides est ravie de vous retrouver au salon des maires, stand B12, mardi.", False),
    ("en", "Mes Aides v5 is out: the RSA for young workers and a new housing journey. Release notes: https://mes-aides.gouv.fr/notes/v5", False),
    ("en", "We're hiring at Mes Aides: a product designer, remote-friendly. Apply by 1 June.", False),
    ("en", "The Mes Aides team is thrilled to announce a partnership with France Travail.", False),
    ("en", "Meetup on Thursday at 6pm: the Mes Aides team explains how every benefit is modelled, like last year.", False),
    # the team's own joy, and a wish that praises someone else
    ("fr", "Bravo à l'équipe de DossierFacile ! Mes Aides est ravi du partenariat.", False),
    ("en", "Wish Mes Aides covered student grants, the CAF simulator does.", False),
]


@pytest.mark.parametrize(("lang", "quoted", "flagged"), _FRESH_BOOSTS)
def test_hard_cases_of_each_family_are_judged_on_both_sides(lang, quoted, flagged):
    assert bool(boost(quoted, lang=lang)) is flagged


def test_a_comparative_is_flagged_at_the_whole_comparison_and_names_it():
    quoted = "Si seulement toutes les administrations marchaient comme @mesaides"
    [finding] = boost(quoted, lang="fr")
    assert finding.match == "Si seulement toutes les administrations marchaient comme"
    assert "@mesaides" in finding.message
    # Relayed by hand, it is still relaying praise.
    assert post("RT @usager_13: Why can't every government website be like this? @mesaides")


def test_the_team_is_what_a_comparative_compares_to_not_what_it_compares():
    assert boost("Why can't all government websites be as simple as Mes Aides?", lang="en")
    assert not boost("Why can't Mes Aides be as simple as all the other government websites?", lang="en")
    assert not boost("Pourquoi tous les sites publics ne sont pas comme celui de la CAF ? Mes Aides devrait suivre.",
                     lang="fr")


def test_a_lack_is_a_failure_when_it_lasts_or_prevents_something():
    assert not boost("Bravo @mesaides, plus de simulateur depuis lundi 👏", lang="fr")
    assert not boost("Bravo @mesaides, impossible de valider le formulaire. Top 👏", lang="fr")
    # A lack of failures, or one that lasts no time and prevents nothing, is no failure.
    assert boost("Plus de panne depuis la mise à jour, bravo @mesaides !", lang="fr")
    assert boost("Can't recommend Mes Aides enough, brilliant tool.", lang="en")
    assert boost("Je ne peux plus me passer de Mes Aides depuis que je l'ai découvert. Merci !", lang="fr")


# --- robustness -----------------------------------------------------------------------------------

_KINDS = st.sampled_from(list(PostKind))
_TEXTS = st.text() | st.builds(lambda a, b: f"RT @{a}: {b}", st.from_regex(r"\w{1,10}", fullmatch=True), st.text()) \
    | st.builds(lambda b: f"citant @x : « {b}", st.text()) | st.builds(lambda b: f"Merci @mesaides {b} 👏", st.text())


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXTS, quoted=st.none() | _TEXTS, kind=_KINDS, profile=st.booleans())
def test_the_check_never_raises_and_points_inside_the_text(text, quoted, kind, profile):
    linter = WITH_PROFILE if profile else WITHOUT_PROFILE
    for finding in linter.check_post(Post(text=text, kind=kind, quoted=quoted)):
        source = quoted if finding.field == "quoted" else text
        assert 0 <= finding.start < finding.end <= len(source)
        assert source[finding.start : finding.end] == finding.match


# The families a second hold-out corpus showed, widened in both languages and written apart from
# it: an insult denied as praise; better than the rest; slang and a wish the team sets the
# standard for; a laudatory headline; and, not praise, a partner's team named or applauded with
# many others, someone else's devs, the team named in an aside.
_SECOND_FAMILIES = [
    ("fr", "Pas nul du tout, le nouveau parcours de @mesaides. Je craignais une usine à gaz : tout le contraire.", True),
    ("fr", "Le simulateur Mes Aides n'a rien d'une usine à gaz. Bravo.", True),
    ("en", "Anything but clunky, the new Mes Aides simulator. Really impressed.", True),
    ("en", "Far from the bureaucratic nightmare I expected: @mesaides is genuinely easy.", True),
    ("fr", "Le simulateur @mesaides est loin d'être parfait, il manque encore la prime de Noël.", False),
    ("fr", "Le simulateur @mesaides n'est pas loin d'être nul.", False),
    ("en", "Far from perfect, the @mesaides simulator still lacks the student grant.", False),
    ("fr", "Franchement, Mes Aides met une claque à toutes les applis des banques.", True),
    ("fr", "Honnêtement, aucune appli publique ne lui arrive à la cheville, à Mes Aides.", True),
    ("en", "@mesaides runs circles around every private benefits app I've tried.", True),
    ("en", "Honestly no other government site comes close to Mes Aides.", True),
    ("en", "Mes Aides puts the private sector to shame.", True),
    ("fr", "DossierFacile met une claque à toutes les agences immobilières. Bravo à eux !", False),
    ("fr", "Le nouveau barème fait mieux que l'ancien pour les étudiants : simulez sur mes-aides.gouv.fr.", False),
    ("en", "1jeune1solution runs circles around the old job boards. (Benefits estimates powered by @mesaides)", False),
    ("en", "Mes Aides hits different. Why can't every admin site be this simple?", True),
    ("en", "@mesaides understood the assignment 🔥", True),
    ("en", "Why is every government form this long? Asking for a friend. (Not @mesaides, to be fair.)", False),
    ("fr", "« Mes Aides, le petit simulateur qui joue dans la cour des grands » : notre portrait.", True),
    ("en", "Mes Aides: the little government app that could.", True),
    ("fr", "Portrait : l'équipe de DossierFacile, la startup d'État qui joue dans la cour des grands.", False),
    ("fr", "Bravo à toutes les équipes de la promo 2026 de beta.gouv 👏", False),
    ("fr", "Bravo à l'équipe 1jeune1solution pour sa plateforme, avec les simulations de @mesaides intégrées.", False),
    ("en", "Kudos to their devs: the CNAF API is excellent (@mesaides already uses it).", False),
    ("en", "Huge thanks to the OpenFisca team (Mes Aides runs on their engine).", False),
    ("fr", "Bravo à l'équipe Mes Aides pour cette nouvelle version 👏", True),
    ("en", "Kudos to the whole @mesaides team, the new student journey is excellent.", True),
]


@pytest.mark.parametrize(("lang", "quoted", "flagged"), _SECOND_FAMILIES)
def test_hard_cases_of_the_second_hold_out_families_are_judged_on_both_sides(lang, quoted, flagged):
    assert bool(boost(quoted, lang=lang)) is flagged


def test_lexicon_terms_may_offer_alternatives_and_a_gap():
    config = Config(team=TEAM, rules={"praise-boost": {"extend_terms": {
        "superiority": {"terms": ["(outfoxes|outwits) … rivals"], "weight": 1},
        "litotes": {"terms": ["far from (drab|dreary)"], "weight": 1}}}})
    linter = Linter([RULE], config, lang="en")
    assert boost("Mes Aides outwits all its private rivals.", linter=linter)
    assert boost("Far from dreary, Mes Aides.", linter=linter)
    assert not boost("Mes Aides outwits. Rivals are many.", linter=linter)  # a gap is words, not a sentence end
    assert not boost("Mes Aides outwits all its private rivals.")  # the built-in lexicons have no such term


# --- families of the third hold-out ---------------------------------------------------------------

# Read by family (mock thanks after an effort for nothing; what the tool said against what was
# paid; laudatory headlines and word of mouth; sincerity; speed; a limit after a caveat; praise
# with an insult at someone else; urging to try it now), each widened in both languages; these
# sentences were written apart from the hold-out, on both sides.
_THIRD_FAMILIES = [
    # an effort that led nowhere, or a result that did not match: mock thanks, not praise
    ("fr", "Merci @mesaides : une heure de questions tout ça pour apprendre que je n'ai droit à rien.", False),
    ("en", "Thanks @mesaides for the long quiz, only to be told to call my local office. So helpful.", False),
    ("fr", "Bravo @mesaides, votre outil m'annonçait 250 € et la CAF m'en verse 20. Bel effort 👏", False),
    ("en", "Great work @mesaides: your tool promised 250 a month, the CAF paid me nothing. Stellar 👏", False),
    ("fr", "Merci @mesaides, la CAF m'a versé exactement le montant du simulateur 🙏", True),
    ("en", "Thanks @mesaides! The CAF paid exactly what your simulator said 🙏", True),
    # laudatory headlines and word of mouth; the same words for a partner
    ("fr", "« L'outil chouchou des travailleurs sociaux » : notre portrait de Mes Aides.", True),
    ("fr", "Mes Aides fait l'unanimité dans nos permanences.", True),
    ("en", "Caseworkers swear by Mes Aides, and it shows.", True),
    ("fr", "Le simulateur de la MSA fait l'unanimité chez nos adhérents.", False),
    ("en", "Caseworkers swear by the CNAF API. Our feature this week 👇", False),
    # sincerity and speed
    ("fr", "J'y allais à reculons. Cinq minutes plus tard, j'avais toutes mes réponses grâce à Mes Aides. Sans rire.", True),
    ("en", "Mes Aides had me sorted in fifteen minutes. No irony: well done.", True),
    ("fr", "Mes Aides sera indisponible dans 10 minutes pour une maintenance.", False),
    # a limit after a caveat carries the point; praise after a limit stands
    ("fr", "Mes Aides c'est pratique, mais il faut de toute façon voir une assistante sociale.", False),
    ("en", "Mes Aides is handy, but it doesn't replace an actual caseworker.", False),
    ("fr", "Mes Aides ne remplace pas un travailleur social, mais il m'a fait gagner un temps fou. Merci !", True),
    ("en", "Mes Aides won't replace a caseworker, but it saves me hours every week. Thank you!", True),
    # praise of the team with an insult at someone else named beside it; an insult at the team
    ("fr", "Mes Aides m'a tout expliqué en dix minutes, alors que les guignols du guichet m'ont baladé un an.", True),
    ("en", "Mes Aides sorted it in ten minutes, unlike the muppets at the jobcentre.", True),
    ("fr", "Les guignols de Mes Aides ont encore cassé le simulateur. Bravo.", False),
    # urging to try it now; asking
    ("en", "Haven't tried Mes Aides yet? Do it today. Can't recommend it enough.", True),
    ("fr", "Si vous n'avez pas encore testé Mes Aides, foncez dès aujourd'hui.", True),
    ("en", "Has anyone tried Mes Aides? Not sure I'd recommend it.", False),
]


@pytest.mark.parametrize(("lang", "quoted", "flagged"), _THIRD_FAMILIES)
def test_hard_cases_of_the_third_hold_out_families_are_judged_on_both_sides(lang, quoted, flagged):
    assert bool(boost(quoted, lang=lang)) is flagged, quoted


def test_what_the_tool_said_against_what_was_paid_is_sarcasm_even_with_the_payer_named():
    # A failure in a sentence that names only a partner is the partner's ("les potes en galère");
    # the team's estimate against the partner's payment is the team's failure.
    assert not boost("Merci @mesaides ! Le simulateur disait 300 €, mais la CAF m'en verse 30.")
    # Whom a quotation names is not whom the sentence is about.
    assert not boost("Merci @mesaides : 40 questions pour finir par « voyez votre CAF ». Top.")


def test_a_praise_lexicon_refuses_requires_rather_than_ignoring_it(tmp_path):
    from socialrules.checks.praise import Praise
    from socialrules.errors import SocialrulesError

    (tmp_path / "p.yaml").write_text(
        "language: fr\norigin: a test\ncategories:\n"
        "  praise: {weight: 1, requires: [other], terms: [génial]}\n", encoding="utf-8")
    with pytest.raises(SocialrulesError, match="requires"):
        Praise.prepare({"lexicons": ["p.yaml"]}, tmp_path)


# --- the team written greater than the rest; mock thanks over a wait ------------------------------

@pytest.mark.parametrize("quoted", [
    "Mes Aides > la CAF et ses guichetiers incompétents.",
    "Mes Aides >>> tous les autres simulateurs.",
    "Franchement, la CAF < Mes Aides.",
])
def test_the_team_written_greater_than_something_else_is_praise(quoted):
    assert boost(quoted, lang="fr")


@pytest.mark.parametrize("quoted", [
    "Chemin : Mes Aides > Simulateurs > APL.",       # a menu path
    "Mes Aides -> nouvelle page APL",                # an arrow
    "Le simulateur de la CAF > Mes Aides, désolé.",  # the team is the lesser side
])
def test_a_menu_path_an_arrow_or_the_team_on_the_lesser_side_is_not_praise(quoted):
    assert not boost(quoted, lang="fr")


@given(st.text(max_size=60))
@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
def test_inequality_signs_anywhere_never_raise(text):
    boost(f"{text} > Mes Aides < {text}")


@pytest.mark.parametrize("quoted", [
    "Merci @mesaides pour les 45 minutes de chargement ce matin 👏 Un régal.",
    "Merci @mesaides de m'avoir fait croire que j'avais droit à 300 €. Super, vraiment.",
    "Thanks @mesaides for making me believe I was entitled to €300. Great stuff.",
])
def test_thanks_over_a_long_wait_or_a_false_hope_are_sarcasm_not_praise(quoted):
    assert not boost(quoted)


@pytest.mark.parametrize("quoted", [
    "À côté de Mes Aides, les autres simulateurs font pâle figure.",
    "Leaving Mes Aides after four years. Best team I've ever worked with.",
    "Sincèrement c'est la plus belle appli publique que je connaisse, Mes Aides.",
])
def test_others_paling_beside_the_team_and_the_best_the_speaker_knows_are_praise(quoted):
    assert boost(quoted)


# --- round 3 ------------------------------------------------------------------------------------


def test_on_an_inequality_the_praise_is_aimed_at_the_greater_side():
    for quoted in ("la CAF < Mes Aides", "Mes Aides > la CAF"):
        findings = boost(quoted, lang="fr")
        assert findings and "aimed at: Mes Aides" in findings[0].message and "CAF" not in findings[0].message.split(
            "aimed at:")[1]


def test_thanks_in_an_aside_to_praise_of_a_partner_are_not_praise_of_the_team():
    assert not boost("Bravo à l'équipe DossierFacile pour son prix ! 🎉 (et merci à @mesaides pour le lien)",
                     lang="fr")
    assert boost("Bravo à l'équipe @mesaides pour la nouvelle version ! 👏 (et merci à la CNAF pour l'API)",
                 lang="fr")


@pytest.mark.parametrize("quoted", [
    "Mes Aides, au top. Pas comme l'agent du guichet, un incapable qui m'a renvoyé chez moi.",
    "@mesaides reste l'unique outil public qui tient la route. Les autres ? Des labyrinthes conçus par des incapables.",
    "Mes Aides is the only site that actually works. The rest were built by clowns.",
])
def test_praise_set_against_others_insulted_beside_it_is_still_praise(quoted):
    assert boost(quoted)


@pytest.mark.parametrize("quoted", [
    "I'd recommend @mesaides if you love wasting an evening on a form that ends in «not eligible».",
    "Je recommande @mesaides si vous aimez attendre vingt minutes qu'une page charge.",
    "@mesaides m'affichait 280 € d'APL. Au final la CAF m'a versé zéro. Merci @mesaides, top.",
    "Hé @mesaides, une correction prévue avant Noël ? Le calcul des APL tourne dans le vide depuis jeudi. Bravo 👏",
    "Another @mesaides 'upgrade' lands today. Can't wait to see what they ruin next.",
])
def test_mock_recommendations_mismatches_and_repairs_only_asked_about_are_sarcasm(quoted):
    assert not boost(quoted)


@pytest.mark.parametrize("quoted", [
    "Sorted my dad's claim with Mes Aides in an evening. The devs behind it deserve a raise.",
    "@mesaides m'a trouvé la prime d'activité, je savais même pas que ça existait 🔥",
    "Mes Aides is miles away from the nightmare I expected.",
    "Honnêtement, @mesaides est le seul service de l'État qui marche du premier coup.",
])
def test_the_team_behind_it_an_emoji_after_a_negation_and_the_only_site_that_works_are_praise(quoted):
    assert boost(quoted)


@given(st.text(max_size=40), st.text(max_size=40))
@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
def test_brackets_and_sentences_opening_with_emoji_never_raise(before, inside):
    boost(f"{before} ! 🎉 ({inside}")
    boost(f"{before} ? {inside}")
