"""The begrippenlijst (data/begrippen.yml): one file, shown as a page and as tooltips on every page.

Tooltips use Python-Markdown's abbr extension: the definitions are appended to each page's Markdown,
so every use of a term in the text becomes <abbr title="...">, which Material shows as a tooltip.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import yamlread
from .html import heading, text
from .problems import ContentError

DATA_FILE = "data/begrippen.yml"
_KEYS = {"begrip": True, "uitleg": True, "bron": True, "ook": False}
# A term is matched as a whole word in the text; brackets or a colon would break the abbreviation syntax.
_FORM = re.compile(r"^\w[\w' .€-]*$")


@dataclass(frozen=True)
class Term:
    term: str
    description: str
    source: str
    forms: tuple[str, ...]  # every spelling in the text that gets the tooltip, the term first

    @property
    def anchor(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.term.lower()).strip("-")


def load(root: Path, publication_titles: tuple[str, ...] | None) -> tuple[Term, ...]:
    """Read and check the begrippenlijst; every mistake in Dutch, all at once. publication_titles is
    None when data/publicaties.yml cannot be read: its mistakes are reported there, and the sources
    named here are then not checked."""
    data = yamlread.open_data_file(
        root / DATA_FILE, DATA_FILE, "dit bestand is leeg. Hier horen de begrippen, elk beginnend met '- begrip:'."
    )
    problems, problem, raw = data.problems, data.report, data.root
    terms: list[Term] = []
    seen: dict[str, int] = {}
    for where, _, item in yamlread.groups(raw, "", problem, _KEYS):
        values = yamlread.scalars(item, ("begrip", "uitleg", "bron"), where, problem)
        forms = yamlread.texts(yamlread.one_or_more(item.get("ook")), f"{where}.ook", problem)
        if values is None or forms is None:
            continue
        written = (values["begrip"], *forms)
        odd = [form for form in written if not _FORM.match(form)]
        if odd:
            key = "begrip" if odd[0] == values["begrip"] else "ook"
            problem(
                item[key],
                f"{where}.{key}",
                f"'{odd[0]}' kan geen begrip zijn: gebruik alleen letters, cijfers, spaties, streepjes, punten en apostrofs.",
            )
            continue
        for form in written:
            if form.lower() in seen:
                problem(
                    item["begrip"],
                    f"{where}.begrip",
                    f"'{form}' staat al in de lijst (regel {seen[form.lower()]}). Noem elk woord één keer.",
                )
            seen.setdefault(form.lower(), item["begrip"].start_mark.line + 1)
        if publication_titles is not None and values["bron"] not in publication_titles:
            problem(
                item["bron"],
                f"{where}.bron",
                f"'{values['bron']}' is geen bron uit data/publicaties.yml. "
                f"Toegestaan: {', '.join(repr(t) for t in publication_titles)}.",
            )
            continue
        # A word in lower case also starts a sentence: it gets the tooltip with a capital too.
        spellings = tuple(dict.fromkeys([*written, *(f[0].upper() + f[1:] for f in written if f[0].islower())]))
        terms.append(Term(values["begrip"], " ".join(values["uitleg"].split()), values["bron"], spellings))
    if problems:
        raise ContentError(problems)
    return tuple(sorted(terms, key=lambda t: t.term.lower()))


def abbreviations(terms: tuple[Term, ...]) -> str:
    """Markdown abbreviation definitions, appended to a page so its terms get a tooltip."""
    return "\n\n" + "\n".join(f"*[{form}]: {term.description}" for term in terms for form in term.forms) + "\n"


def page_html(terms: tuple[Term, ...]) -> str:
    rows = "".join(
        f'<dt id="{term.anchor}">{text(term.term)}</dt><dd><p>{text(term.description)}</p>'
        f'<p class="kb-rij">Bron: <cite>{text(term.source)}</cite></p></dd>'
        for term in terms
    )
    return (
        "<p>Hier staan moeilijke woorden die je in de kennisbank tegenkomt, met een korte uitleg. "
        "In de tekst zijn deze woorden onderstreept met stippen. Wijs erop of tik erop om de uitleg te zien.</p>"
        f'{heading(2, "begrippen-a-z", "Begrippen van A tot Z")}<dl class="kb-begrippen">{rows}</dl>'
    )
