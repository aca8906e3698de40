"""Editors' mistakes, reported in Dutch with file, line, field, what was found and what is allowed."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .textutil import fold

# Characters a reader cannot see or that break XML feeds and terminals: control characters
# (tab, newline and carriage return excepted), format characters such as zero-width spaces
# and bidirectional overrides, line separators, surrogates and non-characters.
INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
    "\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\ufffe\uffff"
    "\ud800-\udfff]"
)


def visible(text: str) -> str:
    """Text for a message: an invisible character an editor wrote is shown by its code, so it
    cannot hide or reverse the rest of the message."""
    return INVISIBLE.sub(lambda match: f"<U+{ord(match.group()):04X}>", text)


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
        return visible(f"{where}: {self.message}")


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
