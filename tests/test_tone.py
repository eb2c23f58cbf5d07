"""The `tone` check kind and the aggressive-tone rule: whom a cue is aimed at, what lets it off,
obfuscation, configuration, and that clean posts stay on the cheap path."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from socialrules import Linter, Post, SocialrulesError
from socialrules.checks import tone
from socialrules.loader import builtin_rules_dir, load_rules
from socialrules.models import Config

RULES = [rule for rule in load_rules([builtin_rules_dir()]) if rule.id == "aggressive-tone"]
LINTER = Linter(RULES, Config(), lang="en")


def flagged(text: str, *, lang: str | None = None, kind: str = "post", quoted: str | None = None,
            linter: Linter = LINTER) -> list:
    return linter.check_post(Post(text=text, lang=lang, kind=kind, quoted=quoted))


def is_flagged(text: str, **kwargs) -> bool:
    return bool(flagged(text, **kwargs))


# --- targets ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "@gaelle_b t'es vraiment une abrutie",                  # second person
    "@marc_v Quel imbécile, il suffisait de cliquer.",       # "quel"
    "@nadia_f espèce de crétine",                            # "espèce de"
    "Les fonctionnaires de ce service sont des incapables.",  # people noun as subject
    "Aux abrutis qui nous spamment : bloqués.",              # plural determiner
    "@theo_p Minable.",                                      # a vocative standing alone
    "@sam_b you absolute muppet",                            # "you" + insult
    "@ron_k What a numpty.",                                 # "what a"
    "People like you are vermin.",                           # dehumanising, at people
    "Our intern, bless his useless heart, broke prod again.",  # one team member demeaned
])
def test_an_insult_aimed_at_someone_is_flagged(text):
    assert is_flagged(text)


@pytest.mark.parametrize("text", [
    "Ce PDF est une horreur, on l'a refait de zéro.",
    "Putain de bug d'arrondi, enfin corrigé.",
    "Ce bug est un vrai parasite : il revient à chaque version.",
    "Chasse à la vermine terminée : 40 bugs écrasés.",
    "This stupid printer jammed again.",
    "That legacy export was garbage. It's gone.",
    "The rounding bug is a proper parasite.",
])
def test_strong_words_at_things_pass(text):
    assert not is_flagged(text)


@pytest.mark.parametrize("text", [
    "On est nuls en nommage, on assume.",
    "Nous sommes des boulets : le lien était faux. Le voici.",
    "We're hopeless at estimates.",
    "🤡 nous ce matin : déployé en prod par erreur.",
    "🤡 us this morning, testing in production.",
    "Bravo à nous : trois jours pour une virgule.",
])
def test_self_mockery_passes(text):
    assert not is_flagged(text)


def test_demeaning_one_team_member_is_not_self_mockery():
    assert is_flagged("Notre stagiaire, ce boulet, a encore cassé la prod.")


# --- negation, apophasis ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Non, vous n'êtes pas bête de ne pas comprendre ce courrier.",
    "Ce n'est pas nul du tout, ce nouveau moteur.",
    "No, you're not stupid for finding this form confusing.",
    "Honestly, it isn't rubbish at all.",
])
def test_a_negated_insult_passes(text):
    assert not is_flagged(text)


@pytest.mark.parametrize("text", [
    "@x Je ne dis pas que tu es un imbécile, mais tu fais tout pour.",
    "@x I'm not saying you're an idiot. I'm saying you act like one.",
    "@x Loin de nous l'idée de vous traiter d'incompétent.",
    "@x T'es pas une lumière, hein.",                       # litotes: the negation is the insult
    "@x You're not the sharpest tool in the shed.",
    "@x Non, t'es pas lourd. T'es juste insupportable.",   # the second sentence is not negated
])
def test_a_negation_that_delivers_the_insult_is_flagged(text):
    assert is_flagged(text)


def test_pas_comme_does_not_negate():
    assert is_flagged("Mes Aides est génial, pas comme ces abrutis de la préfecture.")


# --- reported insults ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "On nous a traités d'incapables hier. Voici nos chiffres.",
    "« Bande d'amateurs », nous écrit-on. Voici ce qu'on a livré.",
    "Someone called us 'useless clowns'. Here is what the clowns shipped.",
    "citant @troll_x : « Mes Aides, c'est des guignols » — notre réponse : 4 correctifs.",
])
def test_a_reported_insult_passes(text):
    assert not is_flagged(text)


@pytest.mark.parametrize("text", [
    "citant @y : « les devs de l'ancien site sont des branques » — tellement vrai 😂",
    "quoting @y: \"the old contractors were morons\" — can confirm",
    "@x Tu nous traites de guignols ? Venant d'un clown de ton calibre...",
    "@x You're calling US clowns? Coming from the biggest clown here?",
])
def test_an_endorsed_or_returned_insult_is_flagged(text):
    assert is_flagged(text)


# --- threats, shouting, emoji, contempt ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "@x On sait où tu habites.",
    "@x Tu vas le regretter.",
    "@x Ce serait dommage que votre dossier se perde.",
    "@x Fais gaffe à toi.",
    "@x Watch your back.",
    "@x We know where you live.",
    "@x Delete that while you still can.",
    "Ils méritent des claques.",
])
def test_threats_count_without_a_target_test(text):
    assert is_flagged(text)


@pytest.mark.parametrize("text", [
    "On sait où vous trouver : stand B4, jeudi !",
    "Vous allez regretter de ne pas l'avoir testé plus tôt 😉",
    "You'll regret not trying it sooner 😉",
    "Pensez à déclarer avant le 15, sinon le versement peut être suspendu.",
    "On vous tient au courant dès que c'est rétabli.",
])
def test_threat_shaped_invitations_and_plain_consequences_pass(text):
    assert not is_flagged(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("@x TU AS LU LA FAQ OUI OU NON ???", True),
    ("@x STOP TAGGING US. WE ARE NOT THE HELPDESK.", True),
    ("ON EST EN PROD !!! 🎉 Merci à toutes et tous.", False),
    ("NOUVEAU : la CSS est dans le simulateur.", False),
    ("RSA, APL, AAH, CSS, ASPA : notre glossaire les explique.", False),
    ("NO. DEPLOYS. ON. FRIDAYS. (Reminding ourselves.)", False),
])
def test_capitals_count_when_aimed_at_someone(text, expected):
    assert is_flagged(text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("@x 🖕", True),
    ("@x 💩 voilà ce qu'on pense de ton avis", True),
    ("😡 Le serveur de préprod a encore redémarré.", False),
    ("🤬 at the printer. That's the tweet.", False),
])
def test_rude_emoji_count_when_aimed_at_someone(text, expected):
    assert is_flagged(text) is expected


@pytest.mark.parametrize("text", [
    "@x On va faire simple pour que même vous puissiez suivre.",
    "@x Personne ne t'a sonné.",
    "@x Maybe ask a grown-up to help you with the form.",
    "@x We'll use small words so you can follow.",
    "@x What the hell is wrong with you?",
])
def test_contempt_without_swear_words_is_flagged(text):
    assert is_flagged(text)


@pytest.mark.parametrize("text", [
    "Putain, la mise en prod est passée !",
    "Merde, on a oublié le lien. Le voici.",
    "Holy shit, a million simulations. Thank you!",
    "Fuck yeah, the new engine is live.",
])
def test_swearing_as_an_interjection_passes(text):
    assert not is_flagged(text)


@pytest.mark.parametrize("text", [
    "Attention aux arnaques : nous ne demandons jamais vos coordonnées bancaires.",
    "Une faille a été corrigée en 6 h. Aucune donnée n'a fuité.",
    "La fraude aux prestations pèse moins que le non-recours.",
    "Scam alert: we will never ask for your bank details.",
    "Vous êtes étudiant ? Vous avez peut-être droit à l'APL.",
    "You're entitled to housing benefit if you rent.",
    "Inutile de vous déplacer : tout se fait en ligne.",
])
def test_negative_vocabulary_as_information_passes(text):
    assert not is_flagged(text)


def test_friendly_banter_needs_an_affectionate_frame():
    assert not is_flagged("@amis_dinum Bande de copieurs 😘 On vous pardonne.")
    assert is_flagged("@inconnu Bande de copieurs, vous avez tout volé.")


# --- boosts and quotes --------------------------------------------------------------------------

def test_a_boost_publishes_the_quoted_text():
    assert is_flagged("", kind="boost", quoted="Thanks for nothing @mesaides, bunch of clowns 🤡")
    assert not is_flagged("", kind="boost", quoted="Merci @mesaides, super outil !")


def test_a_quote_that_distances_itself_is_judged_on_its_comment():
    quoted = "Les gars de Mes Aides sont des escrocs."
    assert is_flagged("Exactement ce qu'on pense 👇", kind="quote", quoted=quoted)
    assert not is_flagged("Nous comprenons la colère. Pour rappel, le simulateur ne décide pas "
                          "des montants.", kind="quote", quoted=quoted)


# --- obfuscation --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "@x t'es un c0nn4rd",                 # l33t
    "@x c o n n a r d, voilà ce que tu es",  # spaced
    "@x t'es le roi des c.o.n.s",         # dotted
    "@x quel c*nnard",                    # asterisk
    "@x what a f*cking idiot",
    "@x Tu es un іdiot",                  # Cyrillic і
    "@x espèce de dé\u200bbile",          # zero-width space
    "@x BOUFFON.",                        # capitals
    "@x ntm",                             # SMS abbreviation
    "@x stfu and read the docs",
    "@x You're a d.u.m.b.a.s.s",
])
def test_obfuscated_insults_are_flagged(text):
    assert is_flagged(text)


@pytest.mark.parametrize("text", [
    "Bonne nouvelle pour les habitants de Bitche et de Condom : leurs aides sont en ligne.",
    "Notre filtre a bloqué une question sur le Conseil départemental et une sur Concarneau.",
    "A question from Scunthorpe and one about the Cockermouth food bank were blocked.",
    "H4ck4th0n ce week-end : 3 équipes, 12 barèmes codés.",
    "Mot de passe refusé : « P@ssw0rd » n'est pas un mot de passe.",
    "Une variable nommée `con` (pour conjoint) a été renommée.",
])
def test_innocent_words_that_contain_insults_pass(text):
    assert not is_flagged(text)


_LEET = str.maketrans({"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"})
_CYRILLIC = str.maketrans({"a": "а", "e": "е", "o": "о", "c": "с", "p": "р", "i": "і"})


def _obfuscate(word: str, how: str) -> str:
    vowels = [i for i, char in enumerate(word) if char in "aeiou" and 0 < i < len(word) - 1]
    if how == "leet":
        return word.translate(_LEET)
    if how == "spaced":
        return " ".join(word)
    if how == "dotted":
        return ".".join(word)
    if how == "asterisk":
        return word[: vowels[0]] + "*" + word[vowels[0] + 1 :] if vowels else word
    if how == "cyrillic":
        return word.translate(_CYRILLIC)
    if how == "zero-width":
        return word[:2] + "\u200b" + word[2:]
    return word.upper()


# The flagged examples of the rule (insult words only), in French and English.
INSULTS = [
    ("@lucien_b t'es vraiment un {}, relis le fil", "connard"),
    ("@lucien_b espèce de {}, la date est en gras", "crétin"),
    ("@lucien_b quel {} celui-là", "abruti"),
    ("@lucien_b Vous êtes vraiment un {}", "imbécile"),
    ("@claire_d You absolute {}, the button is on the left.", "moron"),
    ("@claire_d you're such an {}", "idiot"),
    ("@claire_d what a {}", "loser"),
    ("@lucien_b t'es vraiment qu'un {}", "baltringue"),
    ("@claire_d you absolute {}", "numpty"),
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(INSULTS),
       st.sampled_from(["leet", "spaced", "dotted", "asterisk", "cyrillic", "zero-width", "caps"]))
def test_the_obfuscated_form_of_a_flagged_insult_is_flagged_too(example, how):
    template, word = example
    assert is_flagged(template.format(word))
    assert is_flagged(template.format(_obfuscate(word, how))), template.format(_obfuscate(word, how))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(), st.sampled_from(["post", "reply", "boost", "quote"]), st.text(),
       st.sampled_from([None, "fr", "en"]))
def test_no_text_makes_the_check_fail(text, kind, quoted, lang):
    for finding in flagged(text, kind=kind, quoted=quoted or None, lang=lang):
        assert 0 <= finding.start <= finding.end


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["@x", "t'es", "un", "con", "nul", "vous", "êtes", "pas", "des",
                                 "idiot", "you", "are", "not", "🖕", "«", "»", ",", ".", "?", "TU",
                                 "AS", "LU", "c*n", "c o n", "on", "est", "espèce", "de", "ce", "bug"]),
                max_size=20))
def test_no_sentence_of_cue_words_makes_the_check_fail(words):
    flagged(" ".join(words))


# --- veiled threats, condescension, slang, dehumanising words, sarcasm, endorsed quotes ----------

@pytest.mark.parametrize(("lang", "text"), [
    # knowing who or where someone is, in any person and tense
    ("fr", "@x On a vos adresses IP."),
    ("fr", "@x On connaît ton pseudo, ta ville et ta photo."),
    ("fr", "@x Nous connaissons votre employeur, vous savez."),
    ("fr", "@x On connaissait déjà ton adresse."),
    ("fr", "@x On sait exactement qui se cache derrière ce compte."),
    ("fr", "@x Vos IP sont dans nos logs."),
    ("en", "@x We know exactly who runs this account."),
    ("en", "@x We know your username, your town and your photo."),
    ("en", "@x We have all your IPs logged."),
    ("en", "@x We tracked down your address."),
    ("en", "@x Would be a shame if your employer found out."),
    # warnings that only make sense as threats in a reply
    ("fr", "@x Faites gaffe, hein."),
    ("fr", "@x Fais gaffe 😉"),
    ("fr", "@x Réfléchis avant de tweeter."),
    ("en", "@x Careful now 😉"),
    ("en", "@x Think twice before tweeting again."),
    # power over a file
    ("fr", "@x Continue comme ça et ton dossier risque de prendre du retard."),
    ("fr", "@x Ce serait dommage que ton employeur l'apprenne."),
    ("en", "@x Keep tweeting like that and see how fast your file gets processed."),
    ("en", "@x Remember who processes your claim."),
])
def test_veiled_threats_are_flagged(lang, text):
    assert is_flagged(text, lang=lang), text


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "@x Je vais vous faire un dessin."),
    ("fr", "@x Faut-il vous faire un dessin ?"),
    ("fr", "@x Lire n'est pas votre fort."),
    ("fr", "@x Les phrases semblent vous poser problème."),
    ("fr", "@x Ton argumentaire est aussi vide que ta bio."),
    ("fr", "@x La sélection naturelle fera le reste."),
    ("fr", "@x Pas besoin de vous insulter, vos tweets s'en chargent très bien."),
    ("fr", "@x Je ne dirai pas que vous êtes incompétent : vos tweets s'en chargent."),
    ("en", "@x Let me explain it slowly."),
    ("en", "@x Reading isn't your strong suit, is it?"),
    ("en", "@x Sentences seem to give you trouble."),
    ("en", "@x As empty as your bio."),
    ("en", "@x Bless his empty little head."),
    ("en", "@x You're a lost cause."),
    ("en", "@x Natural selection will sort it out."),
    ("en", "@x That's a lot of confidence for someone who can't read a form."),
])
def test_condescension_without_swear_words_is_flagged(lang, text):
    assert is_flagged(text, lang=lang), text


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "@x T'es vraiment un tebé."),
    ("fr", "@x Bande de bolos."),
    ("fr", "@x Espèce de tanche."),
    ("fr", "Les bras cassés du service informatique ont encore tout planté."),
    ("fr", "@x Les guignols de la mairie ont encore frappé."),
    ("fr", "@x Ces charlots n'ont rien compris."),
    ("fr", "Ces assistés de fonctionnaires ne foutent rien."),
    ("en", "@x You absolute donut."),
    ("en", "@x Listen here, you melt."),
    ("en", "@x Stop being such a wazzock."),
    ("en", "The jobsworths at the council lost my form again."),
    ("en", "@x What a bunch of muppets."),
])
def test_slang_insults_are_flagged(lang, text):
    assert is_flagged(text, lang=lang), text


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Ils sortent des égouts dès qu'on parle des APL."),
    ("fr", "@x Retourne dans ton égout."),
    ("fr", "Les fraudeurs sont des rats."),
    ("en", "They're vermin."),
    ("en", "They breed like rats."),
    ("en", "@x Crawl back into your sewer."),
])
def test_dehumanising_words_for_people_are_flagged(lang, text):
    assert is_flagged(text, lang=lang), text


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "@x T'as trouvé ça tout seul ?"),
    ("fr", "@x Tu as réussi à cliquer sur un lien. On est fiers de toi 👏"),
    ("fr", "@x Quel visionnaire."),
    ("en", "@x Truly visionary."),
    ("en", "@x Did you come up with that all by yourself?"),
    ("en", "@hosting_vendor Amazing work 👏 Three days of downtime."),
    ("fr", "@hebergeur Bravo 👏 Trois jours de panne."),
])
def test_sarcasm_at_someone_is_flagged(lang, text):
    assert is_flagged(text, lang=lang), text


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "On plussoie 👇 « Les agents de la CAF sont des incapables »"),
    ("fr", "Tellement ça 😂 « les devs de l'ancien site sont des branques »"),
    ("en", "Couldn't agree more 👇 \"the council staff are useless morons\""),
    ("en", "Couldn't agree more 👇 «the council staff are useless morons»"),
    ("en", "This 👇 \"the people at the prefecture are clowns\""),
])
def test_a_quote_inlined_after_an_endorsement_and_an_emoji_counts(lang, text):
    assert is_flagged(text, lang=lang), text


def test_condescension_and_veiled_warnings_count_in_replies_only():
    # To the public, "vous" is everyone: an infographic, advice, a webinar.
    assert not is_flagged("On va vous faire un dessin 👇 l'APL en une image.", lang="fr")
    assert is_flagged("@x On va vous faire un dessin.", lang="fr")
    assert not is_flagged("Faites gaffe, les faux SMS « CAF » sont de retour.", lang="fr")
    assert is_flagged("@x Faites gaffe, hein.", lang="fr")
    assert not is_flagged("We'll explain it slowly in Thursday's webinar.", lang="en")
    assert is_flagged("@x Let me explain it slowly.", lang="en")


def test_reassurance_that_negates_a_veiled_threat_passes():
    assert not is_flagged("@x Votre dossier ne va pas finir en bas de la pile, promis.", lang="fr")
    assert not is_flagged("@x Don't worry, your claim won't go to the bottom of the pile.", lang="en")
    assert is_flagged("@x Ton dossier va finir en bas de la pile.", lang="fr")


# Strong words at things, swearing as an interjection, self-mockery, irony about bureaucracy,
# negated and reported insults, cheerful capitals, the innocent senses of slang insults (fish,
# puppets, food, films), advice shaped like a threat, sincere praise.
HARMLESS = [
    ("fr", "Ce Cerfa de 14 pages est une vraie catastrophe : on l'a remplacé par 5 questions."),
    ("fr", "Ce formulaire est d'une nullité rare, alors on l'a refait."),
    ("fr", "Le vieux simulateur était un vrai boulet. Il est à la retraite."),
    ("en", "This PDF is an absolute disaster. We rebuilt it from scratch."),
    ("en", "The old form was a lost cause; we replaced it."),
    ("en", "Our old spreadsheet was a basket case."),
    ("fr", "Merde, le lien est cassé. Le voici : https://mes-aides.gouv.fr"),
    ("fr", "Bordel, 1 million de simulations !"),
    ("en", "Bloody hell, one million simulations!"),
    ("en", "Damn, we forgot the link again."),
    ("fr", "On s'est sentis un peu bras cassés ce matin avec cette mise en prod 😅"),
    ("fr", "On s'est comportés comme des bras cassés sur cette mise en prod. Désolés."),
    ("fr", "Quelle bande de bras cassés on fait : le lien était faux. Le voici."),
    ("fr", "Nous sommes des tocards en estimation, on le sait 😅"),
    ("fr", "On est une bande de guignols : la newsletter est partie deux fois."),
    ("en", "We were total muppets this morning: wrong link. Here's the right one."),
    ("en", "We felt like a bunch of muppets after that release 😅"),
    ("en", "What a bunch of clowns we are: the newsletter went out twice."),
    ("en", "Slow clap for us: staging is down again."),
    ("fr", "Remplir trois fois la même adresse : la bureaucratie dans toute sa splendeur."),
    ("en", "Three forms to prove you exist: bureaucracy at its finest."),
    ("fr", "Non, vous n'êtes pas nuls : c'est le formulaire qui est mal fait."),
    ("fr", "Non, vous n'êtes pas des assistés : ce sont vos droits."),
    ("fr", "Ce n'est pas un cas désespéré : votre dossier peut encore être complété."),
    ("en", "No, you're not an idiot: the form is badly designed."),
    ("en", "You aren't stupid for finding this confusing."),
    ("fr", "Un usager nous traite de « bande de guignols ». Voici ce qu'on a corrigé."),
    ("fr", "« Tocards », nous écrit-on. On prend note et on corrige."),
    ("en", "Someone called us 'a bunch of jobsworths'. Here's what we shipped."),
    ("en", "A user called us \"muppets\" yesterday. Fair: the link was broken. Fixed now."),
    ("fr", "VOUS AVEZ DROIT À LA PRIME DE NOËL ! 🎉 Vérifiez en 2 minutes."),
    ("en", "THANK YOU FOR ONE MILLION SIMULATIONS! 🎉"),
    ("fr", "Le théâtre de Guignol de Lyon utilise notre simulateur pour ses intermittents !"),
    ("fr", "Sortie de l'équipe au spectacle de guignol du parc, super moment !"),
    ("fr", "Les Guignols de l'info, c'était mieux avant ? Notre nouveau format vidéo arrive."),
    ("fr", "La tanche est un poisson d'eau douce : nos collègues de l'OFB en parlent ici."),
    ("fr", "Charlot, le film de 1936, ressort en salle : sortie d'équipe prévue !"),
    ("fr", "Un gland, un chêne : notre projet a bien poussé en un an."),
    ("fr", "Vous êtes assisté par un conseiller tout au long de la démarche."),
    ("en", "Donut day at the office 🍩"),
    ("en", "The Muppet Show reboot is on tonight."),
    ("en", "Our secret weapon: a very patient support team."),
    ("en", "Git tip of the day: rebase before you merge."),
    ("fr", "Faites gaffe aux faux sites qui imitent le nôtre."),
    ("fr", "Faites gaffe : la date limite approche !"),
    ("fr", "Réfléchissez avant de signer un bail : simulez d'abord votre APL."),
    ("fr", "Continuez comme ça, vous y êtes presque !"),
    ("fr", "Nous ne conservons pas vos adresses IP."),
    ("fr", "@x Nous connaissons déjà votre adresse grâce à FranceConnect, rien à ressaisir."),
    ("fr", "@x Fais gaffe aux arnaques, ce SMS n'est pas de nous."),
    # a warning to someone, with what to watch for after it: advice, not a threat
    ("fr", "@marie_l Faites gaffe : ce compte n'est pas le nôtre, ne lui donnez rien."),
    ("fr", "@paul_r Fais gaffe, le formulaire expire au bout de 20 minutes."),
    ("fr", "@x Bonne chance pour votre dossier ! Revenez vers nous si besoin."),
    ("en", "Careful: the deadline is Friday!"),
    ("en", "Think before you click: phishing is on the rise."),
    ("en", "We know your time is precious: the form now takes 5 minutes."),
    ("en", "Keep going and see how fast your file gets processed with the new form!"),
    ("en", "@x We have your number; an adviser will call you back tomorrow."),
    ("en", "@x Good luck with your application! Let us know how it goes."),
    ("fr", "On vous a fait un dessin pour expliquer l'APL 👇"),
    ("fr", "Lire un barème n'est le fort de personne : on l'a traduit."),
    ("fr", "Sélection naturelle dans le backlog : on garde les tickets qui comptent."),
    ("en", "Reading legal French is nobody's strong suit: here's our summary."),
    ("en", "Natural selection in our backlog: only the toughest bugs survive."),
    ("fr", "@equipe_caf Bravo pour la gestion de la panne 👏"),
    ("fr", "@partenaire Bravo pour la mise en ligne, on est fiers de vous 👏"),
    ("en", "@partner Amazing work 👏 congrats on the launch!"),
    ("en", "Amazing work 👏 from the CAF team: the outage was fixed in an hour."),
    ("en", "Truly visionary work by Etalab on open data."),
    ("fr", "On plussoie 👇 « Mes Aides m'a fait gagner 3 heures »"),
    ("en", "Couldn't agree more 👇 \"the new form is so much faster\""),
]


@pytest.mark.parametrize(("lang", "text"), HARMLESS)
def test_tricky_harmless_posts_pass(lang, text):
    assert not is_flagged(text, lang=lang), flagged(text, lang=lang)[0].message


# --- messages -----------------------------------------------------------------------------------

def test_the_message_names_the_cues_and_the_target():
    [finding] = flagged("@gerard_93 t'es vraiment un c0nn4rd")
    assert finding.match == "c0nn4rd"
    assert "c0nn4rd (insult)" in finding.message and "t'es" in finding.message
    assert "personal account" in finding.fix
    [finding] = Linter(RULES, Config(), lang="fr").check_post(Post(text="@x 🖕"))
    assert "🖕" in finding.message and "@x" in finding.message and "compte personnel" in finding.fix


# --- configuration ------------------------------------------------------------------------------

def test_a_team_can_add_and_remove_terms_from_its_configuration():
    assert not is_flagged("@x t'es un vrai zozotte")
    config = Config(rules={"aggressive-tone": {
        "extend_terms": {"insult": {"terms": ["zozotte(s)"], "weight": 1}},
        "exclude_terms": ["nul(le)(s)"]}})
    linter = Linter(RULES, config, lang="en")
    assert is_flagged("@x t'es un vrai zozotte", linter=linter)
    assert not is_flagged("@x t'es nul", linter=linter)
    assert is_flagged("@x t'es nul")


def test_a_category_with_an_unknown_aim_is_an_error(tmp_path):
    (tmp_path / "extra.yaml").write_text(textwrap.dedent("""\
        language: fr
        origin: test
        categories:
          bizarre: {terms: [machin]}
        """), encoding="utf-8")
    with pytest.raises(SocialrulesError, match="needs an `aim:`"):
        tone.Tone.prepare({"lexicons": ["extra.yaml"]}, tmp_path)


def test_a_lexicon_file_must_say_where_its_words_come_from(tmp_path):
    (tmp_path / "extra.yaml").write_text("categories:\n  insult: {terms: [machin]}\n", encoding="utf-8")
    with pytest.raises(SocialrulesError, match="origin"):
        tone.Tone.prepare({"lexicons": ["extra.yaml"]}, tmp_path)


@pytest.mark.parametrize(("term", "forms"), [
    ("abruti(e)(s)", {"abruti", "abrutie", "abrutis", "abruties"}),
    ("(tu|vous) es", {"tu es", "vous es"}),
    ("t'es (vraiment|trop|) nul", {"t'es vraiment nul", "t'es trop nul", "t'es  nul"}),
])
def test_term_syntax(term, forms):
    assert set(tone.expand(term)) == forms


# --- speed --------------------------------------------------------------------------------------

CLEAN = [
    "Nouvelle version du simulateur ! Estimez en 5 minutes vos droits à la prime d'activité, "
    "aux aides au logement et au RSA. Merci @betagouv 🎉 https://example.gouv.fr #ServicePublic",
    "Webinaire jeudi 14 h pour les agents de CCAS : prise en main du simulateur en 45 minutes.",
    "New release: the activity bonus simulation now supports self-employed income. Changelog: "
    "https://mes-aides.gouv.fr/notes",
    "Vous êtes étudiant ? Vous avez peut-être droit à l'APL, à la bourse et à l'aide à la mobilité.",
    "RSA, APL, AAH, CSS, ASPA, PAJE : tous ces sigles sont expliqués dans notre glossaire.",
]


def test_a_clean_post_never_reaches_the_costly_part(monkeypatch):
    # Clean posts stop at set intersections on the words of the text: no tokenising, no judging.
    def costly(*args, **kwargs):
        raise AssertionError("a clean post was tokenised")

    monkeypatch.setattr(tone._Context, "__init__", costly)
    for text in CLEAN:
        assert not is_flagged(text)


# --- hard cases of the families a second hold-out corpus showed ----------------------------------

# Read by family (retorts, condescension, apophasis, litotes, a team member demeaned, veiled
# threats about what we know, mock deference, mock thanks, masked phrases), each family was widened
# in both languages; these sentences were written apart from the hold-out, on both sides.
_FAMILIES = [
    # a reported insult thrown back at its author
    ("fr", "@marc_b Tu nous trouves nuls ? Dit celui qui n'a pas su remplir la case « nom ».", True),
    ("fr", "@kev_42 Des amateurs, nous ? C'est l'hôpital qui se moque de la charité.", True),
    ("fr", "@critique_x Venant de quelqu'un qui a trois fautes par phrase, c'est cocasse.", True),
    ("en", "@dan_w \"Useless\", says the guy who still faxes his forms.", True),
    ("en", "@z_lime You call us clowns? Look in a mirror.", True),
    ("fr", "@aidante Venant de quelqu'un qui accompagne des familles tous les jours, ce retour nous touche.", False),
    ("en", "@karine_b Coming from someone who works with claimants every day, that means a lot. Thank you!", False),
    ("fr", "Un SMS venant de quelqu'un qui se dit agent de la CAF ? C'est une arnaque.", False),
    # contempt for what someone knows or can do
    ("fr", "@jeanne_v Vous n'avez manifestement jamais rempli un dossier CAF de votre vie.", True),
    ("fr", "@ivan_p Repassez quand vous saurez lire un barème.", True),
    ("en", "@gab_x You've clearly never filled in a form in your life.", True),
    ("en", "@mo_k Come back when you can read.", True),
    ("fr", "@l_vert Ton avis est une blague, comme toi.", True),
    ("fr", "Vous n'avez jamais rempli de dossier de votre vie ? On vous guide pas à pas.", False),
    ("fr", "@ugo_m Revenez quand vous aurez reçu votre avis d'imposition.", False),
    ("en", "@nina_s Come back when you have your tax notice: the estimate will be more accurate.", False),
    ("en", "@k_jones Your question shows the guide is unclear: we're rewriting it.", False),
    # apophasis and bad faith
    ("fr", "@obs_x Je ne dis pas que vous êtes de mauvaise foi, mais tout l'indique.", True),
    ("en", "@x_cyan I'm not calling you an idiot, but you're doing a great impression of one.", True),
    ("fr", "@leo_f Personne ne vous accuse de mauvaise foi : le formulaire était ambigu.", False),
    ("en", "@amy_c Nobody thinks you're acting in bad faith: the form was ambiguous.", False),
    # litotes with a softener in between
    ("fr", "@vince_b T'es pas franchement la lame la plus aiguisée du tiroir.", True),
    ("en", "@don_p You're not exactly the sharpest knife in the drawer.", True),
    ("en", "Not the sharpest release we've ever shipped: three hotfixes later, it's stable.", False),
    # one team member demeaned, in apposition or as a burden; the same words at things
    ("fr", "Merci à Kevin, notre stagiaire, ce poids mort, pour la mise en prod ratée.", True),
    ("fr", "@julien_dev, cette tanche, a cassé la prod.", True),
    ("en", "Our new intern is a total liability.", True),
    ("en", "Absolute muppet, that contractor.", True),
    ("fr", "Le vieux serveur était un poids mort : on l'a débranché.", False),
    ("fr", "Notre stagiaire, cette pépite, a refait tout le parcours étudiant 💪", False),
    ("fr", "Ce formulaire de 14 pages, quelle plaie. On l'a réduit à 5 questions.", False),
    ("en", "This rounding bug, what a jerk. Three days to squash it.", False),
    ("en", "Limited liability companies can now use the simulator for their employees.", False),
    ("fr", "Incompétents, nous ? Voici les chiffres de disponibilité du mois.", False),
    # veiled threats: what we know or keep about someone; threat-shaped invitations
    ("fr", "@anon_77 Nos logs en disent long sur vous, vous savez.", True),
    ("fr", "@z_t On a tout un dossier sur toi.", True),
    ("en", "@y_troll Our records show some interesting things about you.", True),
    ("en", "@pia_l We've kept everything you posted. Just in case.", True),
    ("fr", "@paul_m Nos logs montrent une erreur de connexion de votre côté : videz le cache.", False),
    ("en", "What our analytics tell us about you: you love the mobile version.", False),
    ("fr", "On vient vous chercher, Marseille : stand 12 au salon des solidarités jeudi.", False),
    ("en", "Watch out, Lille: we're coming for you at the open data meetup on Tuesday.", False),
    # mock deference and mock titles
    ("fr", "@sage_x Quel honneur de vous lire. Merci pour votre lumière 🙄", True),
    ("fr", "@dr_droit Un spécialiste du droit qui n'a jamais ouvert le code de la sécu, fascinant.", True),
    ("en", "@wise_g Oh look, the expert has spoken.", True),
    ("fr", "@expert_caf Merci pour votre expertise, on a corrigé la FAQ grâce à vous.", False),
    ("en", "@lina_d Thanks for your insight: we've updated the FAQ.", False),
    # mock thanks: the failure is what the thanks are for, the praise is bare after it, or eyes roll
    ("fr", "Merci @hebergeur_x pour ce week-end entier hors ligne.", True),
    ("en", "Thanks @host_x for ruining my Sunday with a wrong estimate.", True),
    ("fr", "Encore un formulaire qui ne fonctionne pas. Merci @host_y, vraiment.", True),
    ("en", "@host_z Well done 🙄", True),
    # to the one we answer, thanks over a failure are mostly for a report
    ("fr", "@lea_m Le lien ne marche pas ? Merci, on regarde ça.", False),
    ("fr", "@hebergeur_x Merci pour ce week-end entier hors ligne.", False),
    ("fr", "@equipe_caf Merci pour la correction rapide du bug 🙏", False),
    ("fr", "@ovh_fr Merci pour l'info, la panne est bien notée.", False),
    ("en", "@dev_x Thanks for the quick fix after the outage 👏", False),
    ("fr", "@papa_solo Merci pour votre patience pendant la panne d'hier !", False),
]


@pytest.mark.parametrize(("lang", "text", "expected"), _FAMILIES)
def test_hard_cases_of_each_family_are_judged_on_both_sides(lang, text, expected):
    assert is_flagged(text, lang=lang) is expected, text


def test_a_boosted_mock_thanks_or_congratulations_is_aggressive():
    # Third-party sarcasm aimed at the team, once boosted, is published under our name.
    assert is_flagged("", kind="boost", quoted="Merci @mesaides pour ces deux heures perdues sur un montant erroné.")
    assert is_flagged("", kind="boost", quoted="Congratulations to the Mes Aides team for making a simulator "
                                               "more complicated than the paper form.")
    assert not is_flagged("", kind="boost", quoted="Merci @mesaides, grâce à vous j'ai trouvé mes droits 🙏")


@pytest.mark.parametrize(("text", "match"), [
    ("@lulu Ferme ta g**le, tu pollues le fil.", "Ferme ta g**le"),   # a mask inside a phrase
    ("@lulu Ferme ta g*****e.", "Ferme ta g*****e"),                  # more asterisks than letters
    ("@wil_k T'es vraiment un c0nn*rd.", "c0nn*rd"),                   # leet and a mask in one word
    ("@max_p Shut your f***ing mouth.", "Shut your f***ing mouth"),
])
def test_a_masked_word_is_read_as_the_word_that_completes_a_cue(text, match):
    [finding] = flagged(text)
    assert finding.match == match


def test_the_message_of_an_apposed_insult_names_the_person():
    [finding] = flagged("Notre chef de projet, ce boulet, a encore oublié la réunion.", lang="fr")
    assert "boulet" in finding.message and "chef" in finding.message


def test_the_costly_part_is_skipped_for_praise_without_a_failure(monkeypatch):
    # "merci" is in most posts: without a failure or an eye-roll beside it, no tokenising.
    def costly(*args, **kwargs):
        raise AssertionError("a clean post was tokenised")

    monkeypatch.setattr(tone._Context, "__init__", costly)
    assert not is_flagged("Merci à toutes et à tous pour ce million de simulations 🎉 #ServicePublic")
    assert not is_flagged("Thanks everyone for a great launch week! https://mes-aides.gouv.fr")


# --- hard cases of the families a third hold-out corpus showed -----------------------------------

# Read by family (a thing standing for its maker; one named member belittled; idle civil servants;
# condescension; mock admiration; "because you know better"; retorts; files said to stall; pests
# that are bugs; mock thanks after an effort for nothing; apophasis), each widened in both
# languages; these sentences were written apart from the hold-out, on both sides.
_THIRD_FAMILIES = [
    # a thing said to be like its maker stands for the maker
    ("fr", "@agence_w Votre logo est un torchon, à l'image de votre agence.", True),
    ("fr", "@redac_x Un article médiocre, digne de son auteur.", True),
    ("en", "@vendor_q This release is a shambles, just like your team.", True),
    ("en", "@dev_o Your patch is as half-baked as your reasoning.", True),
    ("fr", "Notre vieille appli était une horreur, à l'image de notre vieux serveur.", False),
    ("fr", "@insee_fr Un rapport limpide, à l'image de son autrice. Merci !", False),
    ("en", "The old export was rubbish, just like its paper version.", False),
    # one named member belittled; ourselves, or a thing, "understanding nothing"
    ("fr", "Pensée pour Hugo, notre PO, qui n'a jamais rien compris aux tickets.", True),
    ("en", "Thanks to Sam, our tech lead, who still doesn't understand anything about caching.", True),
    ("fr", "Le parseur, qui ne comprend toujours rien aux dates, est corrigé demain.", False),
    ("en", "We still don't understand time zones. Nobody does 🙃", False),
    # civil servants as idlers, "of" the place they work at; a place's opening hours
    ("fr", "Les tire-au-flanc du guichet se tournent les pouces pendant qu'on attend.", True),
    ("en", "Those desk jockeys at the ministry do nothing all day.", True),
    ("fr", "Putain de préfecture, encore fermée le jeudi. On a mis les horaires à jour.", False),
    ("en", "Our staging server does nothing all day and still costs a fortune.", False),
    # condescension; a friendly explainer
    ("fr", "@nadine_p Je vous répète une dernière fois, lentement : c'est la CAF qui décide.", True),
    ("en", "@bill_k Shall I use smaller words so it finally sinks in?", True),
    ("fr", "@famille_b On vous explique avec des mots simples : le RSA se demande à la CAF.", False),
    ("en", "@mia_s Here it is in plain words: you apply online, the CAF decides.", False),
    # mock admiration and "because you know better"; sincere deference
    ("fr", "@guy_v On sent des années de réflexion derrière ce tweet. D'une profondeur rare.", True),
    ("en", "@kat_p You can really tell a lot of thought went into this 🙄", True),
    ("fr", "@zoe_c Mais oui, vous savez mieux que la loi.", True),
    ("en", "@rod_f Sure, because you obviously know better than the courts.", True),
    ("en", "@tom_g You know better than us what your situation is: tell us and we'll check.", False),
    ("fr", "@drees_stat Merci pour l'étude, on sent des années de travail derrière 🙏", False),
    # retorts; what the user thinks of us, accepted
    ("fr", "@max_d Des incompétents, nous ? Il faut en être un pour le reconnaître.", True),
    ("en", "@ray_b You call us amateurs? Pot, meet kettle.", True),
    ("fr", "@anne_l Vous nous trouvez nuls sur ce coup ? C'est mérité : c'est corrigé.", False),
    ("en", "@pat_w You think we're useless? Fair, this one's on us: it's fixed.", False),
    # a file said to stall for whoever complains; irony at rules
    ("fr", "@leo_t Curieux comme votre dossier reste bloqué depuis vos tweets, non ?", True),
    ("en", "@ann_v Funny how your appeal keeps getting delayed, isn't it?", True),
    ("en", "@oli_p Funny how the rules change every April, isn't it? The simulator is up to date.", False),
    # pests that are bugs; pests that are people
    ("fr", "Traque aux nuisibles ce sprint : 18 bugs écrasés 🐞", False),
    ("en", "Vermin hunt this sprint: 12 bugs squashed 🪲", False),
    ("en", "The parasites who flood our contact form are back.", True),
    # a place name
    ("fr", "Rendez-vous jeudi à Cons-la-Grandville pour notre permanence.", False),
    # mock applause for ourselves
    ("fr", "Bravo @betagouv pour le hackathon ! Slow clap pour nous, on a planté la démo 🙃", False),
]


@pytest.mark.parametrize(("lang", "text", "expected"), _THIRD_FAMILIES)
def test_hard_cases_of_the_third_hold_out_families_are_judged_on_both_sides(lang, text, expected):
    assert is_flagged(text, lang=lang) is expected, text


@pytest.mark.parametrize(("quoted", "expected"), [
    # an effort that led nowhere, then praise standing bare
    ("Merci @mesaides : 40 questions pour finir par « voyez votre CAF ». Super utile.", True),
    ("Thanks @mesaides for the long quiz, only to be told to call my office. Super helpful.", True),
    # what the tool said against what was paid
    ("Bravo @mesaides, le simulateur me promettait 300 € et la CAF m'en verse 40. Du grand art 👏", True),
    # applause after a failure, aimed at the team
    ("Simulateur hors service depuis hier soir. 👏👏 @mesaides", True),
    ("Simulator down for the third day in a row 👏👏 @mesaides", True),
    # apophasis: the subject is what follows "que", "that"
    ("Je ne dis pas que les devs de Mes Aides sont des amateurs, je dis que le calcul est faux.", True),
    ("I'm not saying the people behind Mes Aides are clueless, just that the tool is wrong.", True),
    # the failure is someone else's, repaired, or matched
    ("Panne du site de la CAF ce matin. Heureusement, Mes Aides tournait : merci @mesaides 👏", False),
    ("Le site était en panne ce matin, réparé en une heure : merci @mesaides 👏", False),
    ("Thanks @mesaides! The CAF paid exactly what your simulator said 🙏", False),
])
def test_boosted_mock_praise_and_apophasis_at_the_team_are_aggressive(quoted, expected):
    assert is_flagged("", kind="boost", quoted=quoted) is expected, quoted


def test_a_text_that_hails_someone_speaks_to_them_as_a_reply_does():
    # "Wow @x, …" opens by hailing @x: sarcasm later in the text is said to @x ...
    assert is_flagged("Wow @host_x, loving the new outage feature. Truly visionary.")
    # ... but a "vous" there may be the public.
    assert not is_flagged("Merci @betagouv ! Pour vous y retrouver, on vous fait un petit dessin 👇", lang="fr")


def test_a_short_quotation_does_not_end_the_sentence_it_sits_in():
    # The "?" inside « … » does not cut "Ceux qui … c'est des assistés" in two.
    assert is_flagged("Ceux qui écrivent « ça marche ? » sans ouvrir le simulateur, c'est des assistés.", lang="fr")


def test_phrases_of_common_words_cost_a_second_set_test_not_a_subset_test_each():
    table = tone._phrase_words({None: {}}, {None: {"x": [(("trois", "jours", "sans", "service"), "failure", []),
                                                        (("service", "hors", "ligne"), "failure", [])]}},
                               "failure", set(), {"jours", "sans", "service"})
    assert tone._has_phrase(frozenset({"trois", "jours", "sans", "service", "ici"}), table)
    assert tone._has_phrase(frozenset({"service", "hors", "ligne"}), table)
    assert not tone._has_phrase(frozenset({"service", "public", "jours"}), table)


# --- families of French misses: registers, put-downs, childish, headcase, mimicry, threats ---------

# Widened by family (dismissals, what is beyond someone, a grown-up treated as a child, what
# someone must have taken, whining mimicked, animal comparisons, mock titles of the day, insults
# of other registers and spellings, intimidation and power over a file), in both languages where
# the family exists; each with look-alikes that must pass (at things, at ourselves, banter, help).
_REGISTER_FAMILIES = [
    # dismissals
    ("fr", "@alex_p Mais qui t'a sonné, toi ?", True),
    ("fr", "@eva_r On en a rien à cirer de tes leçons de morale.", True),
    ("fr", "@hugo_m Tu te prends pour qui exactement ?", True),
    ("fr", "@ana_l Personne ne vous a demandé de payer quoi que ce soit : c'est une arnaque.", False),
    ("fr", "@ana_l Votre avis compte : trois questions, deux minutes.", False),
    ("en", "@joe_b Nobody asked for your two cents.", True),
    ("en", "@joe_b Who asked you to send that form? If it was a text message, it's a scam.", False),
    # beyond someone
    ("fr", "@tim_c Tout ça te dépasse, hein.", True),
    ("fr", "@tim_c Si tout ça vous dépasse, un conseiller peut vous rappeler.", False),
    ("fr", "@ines_k Même un gosse de six ans y arriverait.", True),
    ("en", "@kim_o That's way above your pay grade.", True),
    ("en", "Honestly, the new circular is above our pay grade too. Summary below.", False),
    # a grown-up treated as a child
    ("fr", "@noe_t Va jouer à la dînette et laisse-nous bosser.", True),
    ("fr", "@lou_p C'est l'heure de ta sieste, il me semble.", True),
    ("fr", "T'as pas école demain ? Le Pass'Sport, c'est pour toi aussi 🏀", False),
    ("fr", "Le vieux formulaire est parti jouer aux billes : voici le nouveau.", False),
    ("en", "@ray_k Shouldn't you be doing your homework?", True),
    # what someone must have taken
    ("fr", "@max_d T'as fumé la moquette ou quoi ?", True),
    ("fr", "@val_b Vous avez pris quoi comme date de début de contrat ?", False),
    ("en", "@ted_w What have you been smoking?", True),
    # whining mimicked
    ("fr", "@zoe_m Bouhou, le formulaire est méchant.", True),
    ("fr", "Sortez les mouchoirs : dernier jour de notre stagiaire ❤️", False),
    ("en", "@ben_t Womp womp. The deadline was in bold.", True),
    # animal comparisons
    ("fr", "@leo_r Comme un chimpanzé devant une calculatrice, celui-là.", True),
    ("fr", "Notre cache a la cervelle d'un moineau : il oublie tout en cinq minutes.", False),
    ("en", "@amy_l You've got the attention span of a goldfish.", True),
    # mock titles
    ("fr", "Les économistes de comptoir qui commentent nos chiffres, relisez la méthodo.", True),
    ("fr", "Nous, juristes du dimanche, avons relu le décret trois fois.", False),
    ("fr", "@paul_v Merci le savant du jour.", True),
    # insults of other registers and spellings
    ("fr", "@jean_qc Gros épais, c'est écrit dans le courriel.", True),
    ("fr", "@bob_be T'es un vrai snul.", True),
    ("fr", "@sly_92 ftg sale batar", True),
    ("fr", "@marie_q Ferme ta boîte à camembert.", True),
    ("fr", "Câlisse, le déploiement a encore échoué.", False),
    ("fr", "Les victimes d'escroquerie peuvent porter plainte en ligne.", False),
    # intimidation, power over a file
    ("fr", "@tom_b Un accident est si vite arrivé.", True),
    ("fr", "@tom_b Tu fais moins le malin, là.", True),
    ("fr", "@lea_v Votre demande risque de tarder un peu 😏", True),
    ("fr", "@lea_v Votre demande risque de tarder un peu : le service est saturé, désolés.", False),
    ("en", "@pat_q You clearly don't know who you're dealing with.", True),
]


@pytest.mark.parametrize(("lang", "text", "expected"), _REGISTER_FAMILIES)
def test_hard_cases_of_the_register_families_are_judged_on_both_sides(lang, text, expected):
    assert is_flagged(text, lang=lang) is expected, text


def _check() -> tone.Tone:
    return next(check for rule, check in LINTER.checks if rule.id == "aggressive-tone")


def test_a_cue_of_common_words_is_found_after_texts_that_held_only_its_anchor():
    # "merci" anchors "merci pour rien": texts with "merci" alone are let go by what the set of
    # their anchors needs, remembered; the cue is still found once "pour" and "rien" are there.
    for _ in range(3):
        assert not is_flagged("@x Merci, on regarde ça tout de suite.", lang="fr")
    assert is_flagged("@x Merci pour rien, vraiment.", lang="fr")
    assert not is_flagged("@x Merci, on regarde ça tout de suite.", lang="fr")


def test_the_sets_of_anchors_remembered_are_bounded():
    check = _check()
    words = sorted(word for word in check.anchors if word not in check.solo)[: tone._SECONDS_KEPT + 10]
    for word in words:
        check._lookup(frozenset((word,)), "")
    assert len(check._seconds) <= tone._SECONDS_KEPT


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["merci", "pour", "rien", "you", "people", "like", "compte", "dit", "le",
                                 "qui", "est", "ca", "oui", "pas", "de", "vie", "ouvert", "jamais",
                                 "data", "our", "about", "know", "we", "t", "as", "tu", "moins", "au"]),
                max_size=12))
def test_remembering_sets_of_anchors_changes_no_look_up(words):
    check = _check()
    words = frozenset(words)
    remembered = check._lookup(words, "")
    saved, check._seconds_of = check._seconds_of, lambda found: None  # the full look-up, always
    try:
        assert set(remembered) == set(check._lookup(words, ""))
    finally:
        del check._seconds_of
    assert check._seconds_of == saved


# --- negation strengthened, exasperated capitals, endorsed reports --------------------------------

@pytest.mark.parametrize("text", [
    "@lea_m Ce n'est pas du tout une question idiote : on corrige la notice.",
    "@dan_c That's not at all a silly or stupid question, see the FAQ.",
])
def test_a_negation_strengthened_by_du_tout_or_at_all_still_denies_the_insult(text):
    assert not is_flagged(text)


def test_an_insult_beyond_a_strengthened_negation_is_still_flagged():
    assert is_flagged("@kevin_d Ce n'est pas du tout surprenant venant d'un abruti pareil.", lang="fr")


def test_an_exasperated_enfin_closing_scolding_capitals_is_not_joy():
    assert is_flagged("@julie_p VOUS AVEZ REÇU LE MAIL. LISEZ LES CONSIGNES, ENFIN !", lang="fr")
    assert not is_flagged("@eq_caf MERCI À VOUS, ENFIN EN PROD !", lang="fr")


def test_a_reported_insult_that_we_then_agree_with_is_aimed_at_whom_it_was_said_of():
    endorsed = flagged("@camille_d Quelqu'un vous a traitée de cruche. On est d'accord avec lui.", lang="fr")
    assert endorsed and "vous" in endorsed[0].message
    assert not is_flagged("@camille_d On nous a traités de cruches. On n'est pas d'accord : voici les chiffres.",
                          lang="fr")


@given(st.sampled_from(["Allez donc tricoter", "Trouvez-vous un loisir", "Go knit something",
                        "Find yourself a hobby"]), st.text(max_size=40))
@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
def test_sending_someone_off_to_a_pastime_is_flagged_in_a_reply_whatever_follows(phrase, tail):
    # (but an affectionate frame after it, "jk", "just kidding", makes it banter)
    assume(not any(word in tail.lower() for word in ("jk", "kidding")))
    # (in the post's language: without one, a tail of French-looking letters, "C:J", may be taken
    # for French and the English phrase not looked for)
    lang = "en" if phrase.startswith(("Go", "Find")) else "fr"
    assert is_flagged(f"@x {phrase}. {tail}", kind="reply", lang=lang)


def test_an_audit_hinted_at_on_a_users_file_is_a_threat_but_information_about_audits_is_not():
    assert is_flagged("@v Ce serait bête qu'un contrôle tombe justement sur votre dossier 🙂", lang="fr")
    assert is_flagged("@d It would be a shame if an audit happened to land on your claim 🙂", lang="en")
    assert not is_flagged("@r If an audit lands on your claim, here is what the caseworker will ask.", lang="en")


def test_half_cues_of_incapable_people_need_each_other():
    assert is_flagged("Ceux qui n'arrivent toujours pas à trouver le bouton : on ne peut plus rien pour vous.",
                      lang="fr")
    assert not is_flagged("Passé le délai, on ne peut plus rien pour vous : faites votre demande.", lang="fr")


# --- round 3: groups in replies, retorts, mock comparison, masks of another script --------------


def test_a_group_mocked_in_a_reply_is_half_a_cue_and_help_offered_to_it_is_none():
    # half a cue each: the group mocked for what it cannot do, and help refused
    assert is_flagged("@abel_r Franchement, les mamies qui ne savent pas écrire un mail, on ne peut pas les aider davantage.",
                      lang="fr", kind="reply")
    assert not is_flagged("@abel_r Les personnes qui ne savent pas cliquer sur un lien peuvent appeler le 3939.",
                          lang="fr", kind="reply")
    assert not is_flagged("@abel_r Pour les personnes qui ne savent pas cliquer sur un lien, il y a le 3939.",
                          lang="fr", kind="reply")


def test_a_retort_to_an_insult_the_addressee_threw_is_whole_but_not_one_we_report():
    assert is_flagged("@noe_b Vous nous traitez de guignols ? Venant de quelqu'un qui confond le net et le brut, "
                      "on encaisse.", lang="fr", kind="reply")
    assert is_flagged("@rob_t You call us amateurs? Rich, from someone whose posts are all about chemtrails.",
                      lang="en", kind="reply")
    assert not is_flagged("@noe_b On nous a traités de guignols. Venant de quelqu'un qui attend depuis trois mois, "
                          "on comprend.", lang="fr", kind="reply")


@pytest.mark.parametrize("text", [
    "@col_t Your report has the depth of a puddle.",
    "@col_t Your 'study' has the rigour of a fortune cookie.",
    "@col_t Votre dossier de presse a la profondeur d'un prospectus.",
    "@col_t On dirait que ce message a été tapé par un gamin.",
])
def test_work_likened_to_a_trivial_thing_mocks_its_author_in_a_reply(text):
    assert is_flagged(text, kind="reply")


@pytest.mark.parametrize("text", [
    "@col_t Our old FAQ reads like it was written by a toddler, we know. The new one is out.",
    "@col_t Notre ancienne FAQ, on dirait qu'elle a été écrite par un enfant, on sait.",
    "@col_t The estimate is about as accurate as it gets without your tax notice.",
    "@col_t This letter looks like it was written by a bot? It's genuine.",
])
def test_the_same_comparisons_about_ourselves_or_plain_facts_pass(text):
    assert not is_flagged(text, kind="reply")


def test_a_repair_asked_about_in_a_question_does_not_make_applause_sincere():
    assert is_flagged("Coucou @partenaire, vous comptez réparer un jour ? L'API tourne dans le vide depuis lundi. "
                      "Chapeau 👏", lang="fr")
    assert not is_flagged("Coucou @partenaire, l'API a ramé hier mais c'est réparé. Chapeau 👏", lang="fr")


def test_an_idiom_for_a_person_said_of_a_thing_named_first_passes():
    assert is_flagged("Notre nouveau chef de projet ? Une catastrophe ambulante, celui-là.", lang="fr")
    assert not is_flagged("La migration de vendredi : une catastrophe ambulante, tout est rentré dans l'ordre.",
                          lang="fr")


_LOOKALIKE_FREE = "іїєґѕјѵωψφλπ"  # Cyrillic and Greek letters that are no Latin look-alike


@given(st.sampled_from(["abrutie", "connard", "crétin", "imbécile", "idiot"]), st.data())
@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
def test_a_letter_of_another_script_inside_an_insult_is_read_as_a_mask(word, data):
    position = data.draw(st.integers(min_value=1, max_value=len(word) - 2))
    letter = data.draw(st.sampled_from(_LOOKALIKE_FREE))
    masked = word[:position] + letter + word[position + 1:]
    assert is_flagged(f"@x T'es un {masked}.", lang="fr", kind="reply")


def test_a_word_of_another_script_is_not_a_mask():
    assert not is_flagged("@x Спасибо, on a bien reçu votre message.", lang="fr", kind="reply")
    assert not is_flagged("@x Merci pour la photo de Ωmega, superbe.", lang="fr", kind="reply")
