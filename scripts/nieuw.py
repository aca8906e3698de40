#!/usr/bin/env python3
"""Maak een nieuw, geldig bestand aan voor een praktijkvoorbeeld, een vorm, een instrument of een trede.

Voorbeeld:
  python scripts/nieuw.py praktijkvoorbeeld "Zwolle: de ideeënmakelaar" --gemeente Zwolle --provincie Overijssel --jaar 2012
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from kennisbank_participatie import corpus  # noqa: E402
from kennisbank_participatie.records import read  # noqa: E402
from kennisbank_participatie.scaffold import PLACEHOLDER, create, field_help  # noqa: E402
from kennisbank_participatie.schema import BY_KEY  # noqa: E402
from kennisbank_participatie.vocabulary import load  # noqa: E402


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("soort", choices=sorted(BY_KEY), help="wat voor pagina")
    parser.add_argument("titel", help="de titel van de nieuwe pagina")
    parser.add_argument("--slug", help="de bestandsnaam zonder .md (standaard: gemaakt uit de titel)")
    parser.add_argument("--map", type=Path, default=ROOT, help="de map van het project")
    for key in ("gemeente", "provincie", "samenvatting"):
        parser.add_argument(f"--{key}", help=field_help(BY_KEY["praktijkvoorbeeld"].field(key)))
    parser.add_argument("--jaar", type=int, help=field_help(BY_KEY["praktijkvoorbeeld"].field("jaar")))
    args = parser.parse_args(argv)

    collection = BY_KEY[args.soort]
    values: dict[str, object] = {"slug": args.slug}
    for key in ("gemeente", "provincie", "samenvatting", "jaar"):
        if getattr(args, key) is not None and key in collection.keys:
            values[key] = getattr(args, key)
    if args.soort == "praktijkvoorbeeld" and "gemeente" not in values:
        values["gemeente"] = args.titel.split(":")[0].strip()
    try:
        path = create(args.map, args.soort, args.titel, values)
    except FileExistsError as error:
        print(f"Dit bestand bestaat al: {error}. Kies een andere titel of --slug.", file=sys.stderr)
        return 1
    rel = path.relative_to(args.map).as_posix()
    _, problems = read(path, rel, collection, load(args.map / corpus.VOCABULARY_FILE))
    # The example text is there to be replaced: the validator refuses it until then.
    problems = [problem for problem in problems if not problem.message.startswith(PLACEHOLDER)]
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        path.unlink()
        return 1
    print(f"Nieuw bestand: {rel}. Vervang de voorbeeldtekst door echte tekst en controleer met: python scripts/valideer.py")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
