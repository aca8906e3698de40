"""The begrippenlijst (data/begrippen.yml): one file, shown as a page and as tooltips on every page.

Tooltips use Python-Markdown's abbr extension: the definitions are appended to each page's Markdown,
so every use of a term in the text becomes <abbr title="...">, which Material shows as a tooltip.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .html import heading, text
from .problems import ContentError, Problem

DATA_FILE = "data/begrippen.yml"
SRC_URI = "begrippen/index.md"
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


def load(root: Path, publication_titles: tuple[str, ...]) -> tuple[Term, ...]:
    """Read and check the begrippenlijst; every mistake in Dutch, all at once."""
    with open(root / DATA_FILE, encoding="utf-8") as stream:
        raw = yaml.compose(stream, Loader=yaml.SafeLoader)
    problems: list[Problem] = []

    def problem(node: yaml.Node, field: str, message: str) -> None:
        problems.append(Problem(DATA_FILE, node.start_mark.line + 1, field, message))

    if not isinstance(raw, yaml.SequenceNode):
        raise ContentError([Problem(DATA_FILE, 1, "", "de begrippenlijst moet een lijst zijn: elk begrip begint met '- begrip:'.")])
    terms: list[Term] = []
    seen: dict[str, int] = {}
    for item in raw.value:
        if not isinstance(item, yaml.MappingNode):
            problem(item, "", "hier hoort een begrip met 'begrip', 'uitleg' en 'bron'.")
            continue
        values: dict[str, object] = {}
        for key_node, value_node in item.value:
            key = str(key_node.value)
            if key not in _KEYS:
                problem(key_node, key, f"dit veld is onbekend. Toegestaan: 'begrip', 'uitleg', 'bron' en 'ook'.")
            elif key == "ook":
                forms = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
                if not all(isinstance(f, yaml.ScalarNode) and f.value.strip() for f in forms):
                    problem(value_node, key, "hier hoort een lijst van woorden, zoals [bestuurscommissies].")
                else:
                    values[key] = tuple(f.value.strip() for f in forms)
            elif not isinstance(value_node, yaml.ScalarNode) or not value_node.value.strip():
                problem(value_node, key, "hier hoort tekst, maar het is leeg of geen tekst.")
            else:
                values[key] = value_node.value.strip()
        missing = [key for key, required in _KEYS.items() if required and key not in values]
        if missing:
            problem(item, "", f"bij dit begrip ontbreekt {', '.join(repr(k) for k in missing)}.")
            continue
        written = (values["begrip"], *values.get("ook", ()))
        odd = [form for form in written if not _FORM.match(form)]
        if odd:
            problem(item, "begrip", f"'{odd[0]}' kan geen begrip zijn: gebruik alleen letters, cijfers, spaties, "
                                    f"streepjes, punten en apostrofs.")
            continue
        for form in written:
            if form.lower() in seen:
                problem(item, "begrip", f"'{form}' staat al in de lijst (regel {seen[form.lower()]}). Noem elk woord één keer.")
            seen.setdefault(form.lower(), item.start_mark.line + 1)
        if values["bron"] not in publication_titles:
            problem(item, "bron", f"'{values['bron']}' is geen bron uit data/publicaties.yml. "
                                  f"Toegestaan: {', '.join(repr(t) for t in publication_titles)}.")
            continue
        # A word in lower case also starts a sentence: it gets the tooltip with a capital too.
        forms = tuple(dict.fromkeys([*written, *(f[0].upper() + f[1:] for f in written if f[0].islower())]))
        terms.append(Term(values["begrip"], " ".join(values["uitleg"].split()), values["bron"], forms))
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
    return ("<p>Hier staan moeilijke woorden die je in de kennisbank tegenkomt, met een korte uitleg. "
            "In de tekst zijn deze woorden onderstreept met stippen. Wijs erop of tik erop om de uitleg te zien.</p>"
            f"{heading(2, 'begrippen-a-z', 'Begrippen van A tot Z')}<dl class=\"kb-begrippen\">{rows}</dl>")
