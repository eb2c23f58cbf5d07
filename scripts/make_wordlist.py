"""Write the word lists that the `camelcase` check segments hashtags with, run by hand:

    pip install wordfreq==3.1.1 && python scripts/make_wordlist.py

It writes rules/lexicons/words.fr.txt and words.en.txt: the most frequent words of each language
from wordfreq, folded as socialrules folds text (no accents, lower case), letters only, one a line,
most frequent first (the check reads the line number as the word's rank). wordfreq is used here
only: socialrules does not depend on it at run time.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from socialrules.text.normalize import fold  # noqa: E402

# Single letters are pieces of a hashtag only as French elisions (#StartupDEtat, #LEtat).
ELISIONS = {"fr": {"d", "l", "j", "n", "s", "c", "m", "t"}, "en": set()}

HEADER = """\
# {count} most frequent {language} words, folded (no accents, lower case), most frequent first.
# Source: wordfreq {version} by Robyn Speer (https://github.com/rspeer/wordfreq), top_n_list("{lang}"),
# written by scripts/make_wordlist.py. Licence of this data file: Creative Commons
# Attribution-ShareAlike 4.0 (https://creativecommons.org/licenses/by-sa/4.0/), as wordfreq's data.
# wordfreq's data includes Google Books Ngrams (http://books.google.com/ngrams), OpenSubtitles 2018
# (http://www.opensubtitles.org/, via OPUS), Wikipedia, ParaCrawl, the Leeds Internet Corpus and the
# SUBTLEX word lists by Marc Brysbaert et al. (freely available data,
# http://crr.ugent.be/programs-data/subtitle-frequencies).
"""


def words_for(lang: str, count: int) -> list[str]:
    import wordfreq

    seen: set[str] = set()
    kept: list[str] = []
    for word in wordfreq.top_n_list(lang, count * 3):
        folded = fold(word).text
        if not folded.isascii() or not folded.isalpha() or folded in seen:
            continue
        if len(folded) < 2 and folded not in ELISIONS[lang]:
            continue
        seen.add(folded)
        kept.append(folded)
        if len(kept) == count:
            break
    return kept


def main() -> None:
    import importlib.metadata

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=30000, help="words per language")
    parser.add_argument("--out", type=Path, default=ROOT / "rules" / "lexicons")
    args = parser.parse_args()
    version = importlib.metadata.version("wordfreq")
    for lang, language in (("fr", "French"), ("en", "English")):
        words = words_for(lang, args.count)
        path = args.out / f"words.{lang}.txt"
        header = HEADER.format(count=len(words), language=language, version=version, lang=lang)
        path.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
        print(f"{path}: {len(words)} words, {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
