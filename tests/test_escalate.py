"""`escalate-to-comms` (situations to hand to the communication service) and what the `lexicon`
kind gives it: weak cues that count only together (`requires`), innocent senses (weight 0),
cues that count against (negative weights) and words joined by underscores in handles."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialrules import Linter, Post
from socialrules.errors import SocialrulesError
from socialrules.loader import builtin_rules_dir, load_rule_file, load_rules
from socialrules.models import PostKind

RULE = """\
check: lexicon
severity: info
summary: {{en: a test rule, fr: une règle de test}}
message: {{en: "cues: {{cues}}", fr: "indices : {{cues}}"}}
options: {options}
guideline:
  quote: "voici les situations à remonter au service communication de la DINSIC afin d’obtenir une assistance"
  section: Service communication
  explanation: {{en: why, fr: pourquoi}}
examples: {{fail: [{{text: x}}], pass: [{{text: y}}]}}
"""

# A media word and a request weigh half each and need each other; "job interview" is innocent;
# published coverage counts against.
PAIRS = """
  report: first
  terms:
    media: {weight: 0.5, requires: [request], terms: [journalist(s), radio]}
    request: {weight: 0.5, requires: [media], terms: [interview(s), "your questions"]}
    innocent: {weight: 0, terms: [job interview(s)]}
    published: {weight: -0.5, requires: [media], terms: [yesterday's]}"""


def lexicon_rule(tmp_path: Path, options: str = PAIRS, name: str = "test-rule"):
    path = tmp_path / f"{name}.yaml"
    path.write_text(RULE.format(options=options), encoding="utf-8")
    return load_rule_file(path)


@pytest.fixture(scope="module")
def pairs(tmp_path_factory):
    return Linter([lexicon_rule(tmp_path_factory.mktemp("pairs"))])


def test_a_weak_cue_alone_says_nothing(pairs):
    assert pairs.check("Some journalists use the calculator too.") == []
    assert pairs.check("We ran user interviews last week.") == []


def test_weak_cues_that_require_each_other_flag_together(pairs):
    [finding] = pairs.check("A radio journalist asked for an interview.")
    assert finding.match == "radio"
    assert finding.message == "cues: radio (media), journalist(s) (media), interview(s) (request)"


def test_two_terms_of_one_category_do_not_meet_its_requirement(pairs):
    # Both are media words: the category requires a request, which is not there.
    assert pairs.check("The radio journalist liked it.") == []


def test_an_innocent_term_hides_the_cue_it_overlaps(pairs):
    assert pairs.check("A journalist? Good luck with your job interview!") == []
    assert pairs.check("A journalist? Good luck with your interview!") != []


def test_a_negative_weight_counts_against(pairs):
    assert pairs.check("Thanks to the radio for yesterday's interview.") == []
    # Not reported as a cue when the post is flagged.
    [finding] = pairs.check("Thanks to the radio journalist for yesterday's interview and your questions.")
    assert "yesterday" not in finding.message


def test_a_requirement_must_name_a_category(tmp_path):
    options = "{terms: {media: {weight: 0.5, requires: [requets], terms: [radio]}}}"
    with pytest.raises(SocialrulesError, match="requets"):
        lexicon_rule(tmp_path, options)


def test_underscores_separate_words_only_when_asked(tmp_path):
    text = "@marie_journalist Happy to answer your questions."
    assert Linter([lexicon_rule(tmp_path, PAIRS)]).check(text) == []
    linter = Linter([lexicon_rule(tmp_path, PAIRS + "\n  underscores: true", "split")])
    [finding] = linter.check(text)
    assert finding.match == "journalist"
    assert text[finding.start:finding.end] == "journalist"
    # A multi-word term across an underscore, and still whole words only.
    assert linter.check("@local_radio_show: your questions?") != []
    assert linter.check("@radiohead_fan your questions?") == []


def test_a_plain_lexicon_still_adds_up_its_weights(tmp_path):
    # No `requires`: two weak terms of one category flag together, as they always did.
    options = "{terms: {weak: {weight: 0.5, terms: [viral, buzz]}}}"
    linter = Linter([lexicon_rule(tmp_path, options)])
    assert linter.check("viral") == []
    assert len(linter.check("viral buzz")) == 2


WORDS = st.sampled_from(["journalist", "radio", "interview", "your", "questions", "job", "yesterday's",
                         "the", "a", "@ann_radio", "viral", "#job_interview", "de", "x"])


@settings(max_examples=200, deadline=None)
@given(words=st.lists(WORDS, max_size=12))
def test_the_shortcut_for_texts_that_cannot_score_changes_no_result(tmp_path_factory, words):
    # The check skips the search when the words of a text cannot reach the score: compare with
    # the same check made to search every text.
    rule = lexicon_rule(tmp_path_factory.mktemp("shortcut"), PAIRS + "\n  underscores: true")
    quick = Linter([rule])
    slow = Linter([rule])
    [(_, check)] = slow.checks
    check.word_needs = {word: frozenset() for word in check.anchors}
    check._bound = lambda words: float("inf")
    text = " ".join(words)
    assert [(f.start, f.end, f.message) for f in quick.check(text)] == \
        [(f.start, f.end, f.message) for f in slow.check(text)]


# ---------------------------------------------------------------- the built-in rule

@pytest.fixture(scope="module")
def escalate():
    return Linter([rule for rule in load_rules([builtin_rules_dir()]) if rule.id == "escalate-to-comms"])


def flagged(linter, text, lang=None, kind="post", quoted=None) -> bool:
    post = Post(text=text, lang=lang, kind=PostKind(kind), quoted=quoted)
    return any(f.rule == "escalate-to-comms" for f in linter.check_post(post))


@pytest.mark.parametrize("lang, text", [
    # bad buzz: something false about us spreading, our denial, a politician's attack
    ("fr", "Un faux compte qui reprend notre nom et notre logo circule depuis hier : ce n'est pas nous."),
    ("fr", "La vidéo d'un député qui qualifie notre simulateur d'arnaque fait le tour des réseaux."),
    ("en", "A fake app using our name is spreading on Android. It is not ours, please report it."),
    ("en", "An MP called our tool 'a waste of money' in the Commons; we'll respond with the figures."),
    # press: a media word with what the media ask
    ("fr", "Une journaliste de Libé voudrait nous interviewer sur le non-recours. Qui est dispo ?"),
    ("fr", "France 3 aimerait tourner quelques images dans nos locaux mardi."),
    ("en", "A reporter from the BBC asked if they could film the team next week."),
    ("en", "A podcast wants one of us on the show to talk about benefit take-up."),
    # campaign or event: an invitation or a plan beside an event or a campaign
    ("fr", "La CAF nous propose de participer à sa campagne de rentrée : on regarde le calendrier."),
    ("fr", "On aimerait organiser un événement avec nos partenaires pour les dix ans du simulateur."),
    ("en", "Thanks for inviting us to run a workshop at the summit! We'll confirm next week."),
    ("en", "We're planning a poster campaign with partner services this winter."),
])
def test_each_situation_is_flagged_in_both_languages(escalate, lang, text):
    assert flagged(escalate, text, lang)


@pytest.mark.parametrize("lang, text, quoted", [
    # bad buzz: an official sharing an attack, a denunciation hashtag, a legal threat, a scandal
    ("fr", "On a bien vu, on revient vers vous avec des éléments précis.",
     "Le ministre a retweeté ce fil qui descend le simulateur Mes Aides."),
    ("fr", "Le #BalanceTonAdmin de ce matin cite notre service. On lit tout.", None),
    ("fr", "Nous avons reçu une mise en demeure et une menace de plainte. Nous ne ferons aucun commentaire public.", None),
    ("fr", "Votre service est cité dans l'affaire des indus révélée ce matin ; nous ne ferons pas de déclaration.", None),
    ("en", "We'll respond today.", "The Secretary of State quote-tweeted a thread calling the calculator an embarrassment."),
    ("en", "The #BoycottMesAides tag is doing the rounds. We hear the anger.", None),
    # press: a press contact asked, a subject for a channel, podcasts, newsletters, documentaries
    ("fr", "On vous a répondu en MP 👍", "Vous avez un contact presse ? J'en parle dans ma newsletter."),
    ("fr", "@lea_fr3 Vous préparez un sujet pour France 3 ? Écrivez-nous en MP.", None),
    ("en", "@civictech_weekly We'd love to be featured in your newsletter! Send over your questions.", None),
    ("en", "@docu_crew Happy to talk about the documentary; we need clearance before any filming.", None),
    # campaign or event: a speaker or a stand asked by an organiser, a partner's joint campaign
    ("fr", "@festival_num Pourriez-vous nous préciser la durée de l'intervention à votre table ronde ?", None),
    ("fr", "@ccas_38 Un stand à votre forum de l'accès aux droits ? On vérifie qui peut se déplacer.", None),
    ("en", "@fintech_meetup Yes, we'd be happy to give a talk at your meetup. Which date were you thinking?", None),
    ("en", "A brand agency wants the calculator in a paid social campaign. One for comms.", None),
])
def test_the_families_of_each_situation_are_flagged(escalate, lang, text, quoted):
    assert flagged(escalate, text, lang, "quote" if quoted else "post", quoted)


@pytest.mark.parametrize("lang, text", [
    ("fr", "Notre communiqué de presse sur la nouvelle version est en ligne : tout ce qui change pour les APL."),
    ("fr", "Ce jeudi, on organise un webinaire pour les travailleurs sociaux : inscrivez-vous via le lien !"),
    ("fr", "Sur notre blog, l'interview de Fatima, qui a découvert son droit à la prime d'activité."),
    ("fr", "Vous habitez en pleine campagne ? L'aide à la mobilité est calculée selon votre commune."),
    ("fr", "Nos téléphones n'arrêtent pas de buzzer depuis la mise en ligne, merci pour vos messages !"),
    ("fr", "@etudiante_m2 Pour votre mémoire de master, nos statistiques sont publiques. Bon courage !"),
    ("fr", "Le ministre du Logement a annoncé la revalorisation des APL : le simulateur sera à jour le 1er octobre."),
    ("fr", "Nos conseils du jour #ServicePublic #StopFraude : ne donnez jamais vos identifiants."),
    ("en", "Join our online workshop on 14 March: we'll walk you through a simulation. Free sign-up."),
    ("en", "On our blog this week: an interview with Sam, a carer who found out he could claim."),
    ("en", "@rob_k Press the print icon at the top of the results page and choose 'Save as PDF'."),
    ("en", "Our how-to video was shared thousands of times last week, thanks to all of you!"),
    ("en", "@phd_lucy For your dissertation on non-take-up, here's our open data. Happy writing!"),
])
def test_look_alikes_of_the_families_pass(escalate, lang, text):
    assert not flagged(escalate, text, lang)


# Families of phrasing met in posts written by other people than the rule's authors: each is
# caught by cues of two categories, whatever the exact sentence, and its look-alikes pass.
@pytest.mark.parametrize("lang, text", [
    # bad buzz: a security hole discussed in public, with our check before speaking
    ("fr", "Un chercheur explique sur son blog comment contourner notre captcha, et c'est repris sur X. "
           "Pas de communication avant d'avoir vu avec l'équipe sécurité."),
    ("en", "Someone claims on a forum that our sign-in page has a flaw, and it's being picked up on X."),
    # bad buzz: an official's put-down answered with our own figures, after some time
    ("fr", "@senatrice_dupont Vos chiffres sur notre budget sont erronés ; laissez-nous quelques heures, nous publierons les nôtres."),
    ("en", "@senator_dupont Your figures on our budget are wrong; give us a few hours and we'll publish ours."),
    # bad buzz: a fake document in our name, please do not forward it
    ("fr", "Une fausse circulaire à en-tête Mes Aides annonce la fin de l'APL étudiante. Ne la transférez pas."),
    ("en", "A fake circular on Mes Aides letterhead says student housing aid is ending. Please don't forward it."),
    # press: a segment in a programme, and its timeline
    ("fr", "@julien_france5 Une séquence sur le chèque énergie dans votre magazine ? Volontiers, quel est votre calendrier ?"),
    ("en", "@julian_ch5 A segment on the energy cheque for your magazine show? Gladly, what's your timeline?"),
    # campaign: content for someone else's launch, paid radio spots
    ("fr", "La région nous demande une vidéo pour accompagner l'annonce de son plan jeunesse. On attend l'accord de la com."),
    ("en", "The region wants a video from us to go with the launch of its youth plan. Nothing goes out until comms approves."),
    ("fr", "On réfléchit à des spots radio pour toucher les retraités des zones rurales."),
    ("en", "We're thinking about radio spots to reach pensioners in rural areas."),
])
def test_families_of_other_writers_are_flagged(escalate, lang, text):
    assert flagged(escalate, text, lang)


@pytest.mark.parametrize("lang, text", [
    ("fr", "Correctif publié : la faille signalée la semaine dernière est corrigée, aucune donnée n'a fuité."),
    ("en", "Patch released: the flaw reported last week is fixed and no data leaked."),
    ("fr", "@lina_b Il n'y a pas de fuite : l'e-mail de récapitulatif vient bien de nous."),
    ("en", "@lina_b No breach here: the summary email really did come from us."),
    ("en", "@karim_b We deleted and reposted it to fix a typo, thanks!"),
    ("en", "Our security team finished its audit: no critical vulnerabilities were found."),
    ("fr", "Abonnez-vous à notre newsletter pour suivre les nouveautés du simulateur."),
    ("fr", "Aujourd'hui, Journée internationale des droits des femmes : découvrez les aides à la garde d'enfants."),
    ("en", "Today is International Women's Day: here are the childcare benefits you can check."),
    ("en", "Idea for the spring: a simpler results page. Tell us what you think!"),
])
def test_look_alikes_of_the_families_of_other_writers_pass(escalate, lang, text):
    assert not flagged(escalate, text, lang)


def test_the_families_read_posts_without_a_language(escalate):
    # Most posts carry no language: both lists apply, so that an English term must not catch a
    # French word once accents are folded (a French "mêmes" is no meme).
    assert not flagged(escalate, "Les mêmes questions reviennent souvent : voici notre FAQ, et un élu local l'a relayée.")
    assert flagged(escalate, "Une fausse circulaire à en-tête Mes Aides circule. Ne la transférez pas.")


def test_the_quoted_post_and_handles_are_read(escalate):
    assert flagged(escalate, "On vous répond en privé !", "fr", "quote",
                   quoted="Journaliste à Libé, je cherche des équipes qui développent des outils publics, DM ouverts.")
    assert flagged(escalate, "@paul_journaliste Bonjour, on peut répondre à vos questions jeudi.", "fr", "reply")


@pytest.mark.parametrize("lang, text", [
    ("fr", "Vous vivez à la campagne ? Les aides à la mobilité sont dans le simulateur."),
    ("fr", "Bon courage pour votre entretien d'embauche, et pensez à refaire une simulation."),
    ("fr", "Une épidémie virale a mis l'équipe à plat, nos réponses seront plus lentes."),
    ("fr", "Merci à France Inter pour le reportage diffusé hier, à réécouter ici."),
    ("fr", "La CNAF a publié un communiqué sur la revalorisation du RSA : le simulateur est à jour."),
    ("fr", "Attention aux faux SMS qui se font passer pour l'Assurance maladie. Restez vigilants."),
    ("fr", "Nous serons au salon des maires jeudi, stand B4 : venez nous voir !"),
    ("fr", "Vous êtes journaliste ? Vos piges comptent comme revenus d'activité."),
    ("en", "A bee got into the office and the buzz drowned out our standup."),
    ("en", "Good luck with your job interview tomorrow!"),
    ("en", "Yes, we fire an event on every completed simulation; see the webhook docs."),
    ("en", "Thanks to the Guardian for yesterday's piece, which mentions our calculator."),
    ("en", "Election campaign season means lots of promises. The calculator applies today's rules."),
    ("en", "Scam alert: texts pretending to be from the tax office are circulating."),
    ("en", "Sorry about this morning's outage, everything is back to normal."),
])
def test_innocent_senses_and_ordinary_posts_pass(escalate, lang, text):
    assert not flagged(escalate, text, lang)


def test_the_message_names_the_cues(escalate):
    [finding] = escalate.check_post(Post(text="Un journaliste de RTL nous demande une interview.", lang="fr"))
    assert "journaliste(s) (media)" in finding.message and "interview(s) (media-request)" in finding.message


@settings(max_examples=200, deadline=None)
@given(text=st.text(), quoted=st.none() | st.text())
def test_no_text_makes_the_rule_fail(escalate, text, quoted):
    escalate.check_post(Post(text=text, quoted=quoted, kind=PostKind.QUOTE if quoted else PostKind.POST))


# Words that fill a public-service team's ordinary posts (and the speed benchmark's).
ORDINARY = ("le la les un une des nouvelle version simulateur aides droits logement prime activité RSA "
            "merci équipe usagers démarche en ligne formulaire simplifié rendez-vous atelier ouvert code "
            "données publiques the new release helps people check their benefits in minutes thanks team "
            "today open data service public numérique accessible mobile compte @betagouv #ServicePublic "
            "C'est génial ! n'hésitez pas (1/3) CAF https://example.gouv.fr/page")


def test_ordinary_words_leave_the_rule_nothing_to_search(escalate):
    # Speed: a post made of a team's everyday words must stop at the set look-ups, so no term
    # may rest on such words alone, nor any two of them make a pair that could flag a post.
    from socialrules.engine import ALL_PLATFORMS, Subject

    [(_, check)] = escalate.checks
    subject = Subject(Post(text=ORDINARY), ALL_PLATFORMS, escalate.config, None)
    hits = {word for words in subject.view("text").variant_words
            for word in check.anchors & words if words.issuperset(check.word_needs[word])}
    assert check._bound(hits) < check.options.min_score, sorted(hits)
