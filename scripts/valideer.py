#!/usr/bin/env python3
"""Check all content exactly as the build does, without building. Exit status 1 on mistakes.

Gebruik: python scripts/valideer.py [map van het project]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from kennisbank_participatie import content  # noqa: E402
from kennisbank_participatie.annotations import summary, workflow_commands  # noqa: E402
from kennisbank_participatie.problems import ContentError  # noqa: E402


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else ROOT
    try:
        loaded = content.load(root).corpus
    except ContentError as error:
        print(error, file=sys.stderr)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print(workflow_commands(error.problems))
            if os.environ.get("GITHUB_STEP_SUMMARY"):
                with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as stream:
                    stream.write(summary(error.problems))
        return 1
    counts = ", ".join(f"{len(entries)} {key}" for key, entries in loaded.entries.items())
    print(f"Alles in orde: {counts}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
