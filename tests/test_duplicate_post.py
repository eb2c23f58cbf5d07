"""The `duplicate` check (rule duplicate-post): what it finds in a schedule, and that it stays linear."""

from __future__ import annotations

import re
import time

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from socialrules import Linter, Post
from socialrules.text.normalize import fold

LINTER = Linter.from_config(discover=False, select=["duplicate-post"])
_REPEATS = re.compile(r"repeats post (\S+) \(line [^,]*, (\d+)% alike\)")


def repeats(texts: list[str], **post) -> dict[str, tuple[str, int]]:
    """Post id -> (the id of the post it repeats, percent alike), posts being p0, p1, ..."""
    posts = [Post(id=f"p{index}", text=text, **post) for index, text in enumerate(texts)]
    found = {}
    for finding in LINTER.check_posts(posts):
        other, percent = _REPEATS.search(finding.message).groups()
        found[finding.post] = (other, int(percent))
    return found


# Words of lowercase ASCII letters: folding leaves them as they are, so a test can count them.
WORD = st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9)
CLAUSE = st.lists(WORD, min_size=4, max_size=8)
ENDS = [", ", ". ", " ; ", " : ", " ! ", " ? ", " - ", "\n", " (", ") ", " « ", " » ", '"', "...  "]


def punctuated(clauses: list[list[str]], ends: list[str], blank: str = " ") -> str:
    return "".join(blank.join(clause) + end for clause, end in zip(clauses, ends))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(CLAUSE, min_size=2, max_size=4), st.data())
def test_a_copy_with_its_sentences_reordered_or_punctuated_otherwise_is_found(clauses, data):
    ends = data.draw(st.lists(st.sampled_from(ENDS), min_size=len(clauses), max_size=len(clauses)))
    original = punctuated(clauses, ends)
    order = data.draw(st.permutations(range(len(clauses))))
    other_ends = data.draw(st.lists(st.sampled_from(ENDS), min_size=len(clauses), max_size=len(clauses)))
    # Spaced otherwise, shouted, with a link: still the same post.
    copy = punctuated([clauses[index] for index in order], other_ends, data.draw(st.sampled_from([" ", "  ", "\t"])))
    copy = data.draw(st.sampled_from([copy, copy.upper(), copy + " https://example.gouv.fr/x?utm=1",
                                      "www.example.fr " + copy]))
    found = repeats(["Un autre post, sans rapport avec les deux autres.", original, copy])
    assert found.get("p2", ("none", 0))[0] == "p1"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.lists(st.lists(st.sampled_from(["atelier", "jeudi", "aides", "logement", "prime", "merci", "equipe",
                                          "simulateur", "droits", "version", "inscriptions", "ouvertes", "salle",
                                          "vendredi", "places", "compte", "ligne", "formulaire", "usagers", "mobile"]),
                         min_size=6, max_size=12), min_size=2, max_size=8),
       st.lists(st.sampled_from(ENDS + [" "] * 6), min_size=12, max_size=12))
def test_posts_less_alike_than_the_threshold_are_never_reported(posts, seps):
    sets = [set(words) for words in posts]
    assume(all(len(a & b) / len(a | b) < 0.8 for i, a in enumerate(sets) for b in sets[i + 1:]))
    texts = ["".join(word + sep for word, sep in zip(words, seps)) for words in posts]
    assert repeats(texts) == {}


@given(st.lists(st.text(), max_size=6))
def test_any_texts_are_checked_without_error(texts):
    repeats(texts)


def test_a_copy_spaced_with_any_unicode_blank_is_still_found():
    # The check cuts bytes, which know fewer blanks than str.split: every other blank that folding
    # leaves must be made a blank first. Checked through a near copy (one word more), found only
    # by the clause they space. A newline ends a clause.
    text = "Inscrivez vous avant jeudi soir pour l'atelier sur les aides au logement, merci"
    blanks = [chr(code) for code in range(0x3001) if chr(code).isspace() and chr(code) != "\n"]
    for blank in blanks:
        copy = text.replace(" ", blank) + " beaucoup"
        assert repeats([text, copy]) == {"p1": ("p0", 93)}, hex(ord(blank))  # 14 words of 15
    # Which blanks folding leaves as they are is what the check's quick test for them assumes.
    kept = {blank for blank in blanks if blank in fold(f"a{blank}b").text and not blank.isascii()}
    assert kept <= {"\x85", "\u1680", "\u2028", "\u2029"}


def test_short_posts_are_only_compared_for_being_identical():
    assert repeats(["Atelier jeudi à 14h !", "Atelier jeudi à 14h, venez"]) == {}  # 4 words of 5
    assert repeats(["Atelier jeudi à 14h !", "ATELIER : jeudi à 14h"]) == {"p1": ("p0", 100)}
    assert repeats(["Atelier jeudi à 14h pour tous, venez", "Atelier jeudi à 14h pour tous, venez nombreux"]) == {
        "p1": ("p0", 88)}  # 7 words of 8, from 6 words a post


def test_the_same_text_competes_only_on_one_account_and_platform():
    text = "Nouvelle version du simulateur : estimez vos droits en cinq minutes"
    posts = [Post(id="a", text=text, account="@mesaides"), Post(id="b", text=text, account="@MesAides"),
             Post(id="c", text=text, account="@betagouv"), Post(id="d", text=text, account="@betagouv",
                                                                   platforms=["mastodon"])]
    assert [finding.post for finding in LINTER.check_posts(posts)] == ["b"]


def test_each_post_is_reported_against_the_first_and_most_alike():
    found = repeats(["Merci à toutes les personnes venues à l'atelier de jeudi, vos retours nous aident",
                     "Merci à toutes les personnes venues à l'atelier de jeudi, vos retours nous aident beaucoup",
                     "MERCI à toutes les personnes venues à l'atelier de jeudi : vos retours nous aident !"])
    assert found == {"p1": ("p0", 93), "p2": ("p0", 100)}


def _seconds(texts: list[str]) -> float:
    posts = [Post(text=text) for text in texts]
    start = time.process_time()
    LINTER.check_posts(posts)
    return time.process_time() - start


def test_a_large_schedule_takes_time_in_proportion():
    # Many posts with one signature, many near copies: each post is still compared with few.
    words = "atelier jeudi aides logement prime merci equipe simulateur droits version salle".split()

    def schedule(count: int) -> list[str]:  # three near copies of each text, then the signature
        return [f"{words[i % 11]} {words[i * 7 % 11]} numero {i} ce {words[i * 5 % 11]}, atelier {i // 3} le jour "
                f"{i // 3} en salle {i // 3} - Suivez-nous sur Mastodon pour ne rien rater de nos actualités"
                for i in range(count)]

    small, large = min(_seconds(schedule(2000)) for _ in range(2)), min(_seconds(schedule(8000)) for _ in range(2))
    assert large < 8 * small  # 4 times the posts: 4 times the time, 16 if compared pair by pair
