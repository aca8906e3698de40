"""Limits on a Markdown body, checked before Python-Markdown renders it.

Python-Markdown recurses once per nested list, quote or emphasis and tries every bracket
against every other, so a careless or hostile body (1,000 nested list markers, 100,000
brackets) crashes the build or takes minutes. Real pages use a few dozen of these characters;
the limits are far above that and keep the rendering of any page within a second.
"""

from __future__ import annotations

import re

from .problems import Problem
from .yamlread import invisible_characters, invisible_problem

MARKUP = "*_[]()`<>{}~"  # characters Python-Markdown matches against each other
MAX_MARKUP_PER_PARAGRAPH = 500
MAX_MARKUP = 3000
MAX_INDENT = 40  # columns; a tab counts as four
MAX_MARKERS = 10  # lists and quotes nested on one line: '> - - x'

_MARKERS = re.compile(r"^(?:[ \t]*(?:>|[-+*]|\d{1,9}[.)])(?=[ \t]|$))+")
_MARKUP = re.compile("[" + re.escape(MARKUP) + "]")
_SHOWN = "zoals * _ [ ] < >"


def problems(rel: str, body: str, first_line: int) -> list[Problem]:
    found = [invisible_problem(rel, line, "", what) for line, what in invisible_characters(body, first_line)]
    total = 0
    paragraph_start, paragraph_markup = first_line, 0
    for number, line in enumerate(body.split("\n"), start=first_line):
        if not line.strip():
            paragraph_start, paragraph_markup = number + 1, 0
            continue
        markup = len(_MARKUP.findall(line))
        total += markup
        paragraph_markup += markup
        if paragraph_markup > MAX_MARKUP_PER_PARAGRAPH:
            found.append(
                Problem(
                    rel,
                    paragraph_start,
                    "",
                    f"in deze alinea staan meer dan {MAX_MARKUP_PER_PARAGRAPH} "
                    f"opmaaktekens ({_SHOWN}). Verdeel de tekst over meer "
                    f"alinea's of haal tekens weg.",
                )
            )
            paragraph_markup = -(10**9)  # once per paragraph
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))
        if indent > MAX_INDENT:
            found.append(Problem(rel, number, "", f"deze regel springt {indent} spaties in. Toegestaan: hoogstens {MAX_INDENT}."))
        markers = _MARKERS.match(line)
        if markers and len(re.findall(r">|[-+*]|\d{1,9}[.)]", markers.group())) > MAX_MARKERS:
            found.append(
                Problem(
                    rel,
                    number,
                    "",
                    f"op deze regel staan te veel lijsten of citaten in elkaar ('-' of "
                    f"'>' aan het begin). Toegestaan: hoogstens {MAX_MARKERS}.",
                )
            )
        if len(found) > 25:
            break
    if total > MAX_MARKUP:
        found.append(
            Problem(
                rel,
                0,
                "",
                f"de tekst heeft {total} opmaaktekens ({_SHOWN}). Toegestaan: hoogstens {MAX_MARKUP}. Maak de tekst korter.",
            )
        )
    return found
