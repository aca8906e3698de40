"""Editors' mistakes, reported in Dutch with file, line, field, what was found and what is allowed."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Iterable

from .textutil import fold


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int  # 0 when the mistake has no single line
    field: str
    message: str

    def __str__(self) -> str:
        where = self.path if not self.line else f"{self.path}, regel {self.line}"
        if self.field:
            where += f", veld '{self.field}'"
        return f"{where}: {self.message}"


class ContentError(Exception):
    """The content has mistakes; the message lists all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(report(self.problems))


def report(problems: list[Problem]) -> str:
    files = {problem.path for problem in problems}
    noun = "fout" if len(problems) == 1 else "fouten"
    head = (
        f"De kennisbank kan niet worden gebouwd: {len(problems)} {noun} in "
        f"{len(files)} {'bestand' if len(files) == 1 else 'bestanden'}."
    )
    lines = [head, ""] + [f"- {problem}" for problem in sorted(problems)]
    lines += ["", "Verbeter deze fouten en probeer het opnieuw. Uitleg over alle velden staat in CONTRIBUTING.md."]
    return "\n".join(lines)


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


def suggest(found: str, allowed: Iterable[str], aliases: dict[str, str] | None = None) -> str | None:
    """The allowed value an editor most likely meant, or None."""
    allowed = list(allowed)
    squashed = {_squash(value): value for value in allowed}
    key = _squash(found)
    if key in squashed:
        return squashed[key]
    for alias, value in (aliases or {}).items():
        if _squash(alias) == key:
            return value
    close = difflib.get_close_matches(key, list(squashed), n=1, cutoff=0.75)
    return squashed[close[0]] if close else None


def did_you_mean(found: str, allowed: Iterable[str], aliases: dict[str, str] | None = None) -> str:
    guess = suggest(found, allowed, aliases)
    return f" Bedoelde je '{guess}'?" if guess and guess != found else ""


def quoted_list(values: Iterable[str]) -> str:
    return ", ".join(f"'{value}'" for value in values)
