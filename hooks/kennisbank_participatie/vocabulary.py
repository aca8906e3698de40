"""The controlled vocabularies, loaded from the one file that defines them (data/vocabulaire.yml)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import urls, yamlread
from .problems import ContentError, Problem
from .textutil import slugify


@dataclass(frozen=True)
class Term:
    value: str
    label: str
    description: str
    aliases: tuple[str, ...] = ()
    meanings: dict[str, str] = field(default_factory=dict, hash=False)  # per part, e.g. an effort level's 'tijd'

    @property
    def slug(self) -> str:
        return slugify(self.value)


@dataclass(frozen=True)
class Vocabulary:
    key: str
    name: str
    description: str
    terms: tuple[Term, ...]

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(term.value for term in self.terms)

    def term(self, value: str) -> Term:
        for term in self.terms:
            if term.value == value:
                return term
        raise KeyError(value)

    def position(self, value: str) -> int:
        return self.values.index(value)


# Vocabularies the code relies on besides those the schema names: the Keuzehulp and the
# sections pages read these.
_USED_BY_CODE = ("ladder", "overheidsrol", "inzet", "partij", "fase")


def load(path: Path, rel: str = "data/vocabulaire.yml") -> dict[str, Vocabulary]:
    """Read and check the vocabularies; raise ContentError listing every mistake in the file."""
    data = yamlread.open_data_file(path, rel, "dit bestand is leeg. Hier horen de woordenlijsten.")
    problems, report, root = data.problems, data.report, data.root
    vocabularies: dict[str, Vocabulary] = {}
    specs = yamlread.mapping(root, "", report, {key: False for key in _names(root)}) or {}
    for key, spec_node in specs.items():
        spec = yamlread.mapping(spec_node, key, report, {"naam": True, "uitleg": True, "waarden": True})
        if spec is None:
            continue
        terms: list[Term] = []
        slugs: dict[str, str] = {}
        for where, _, item in yamlread.groups(
            spec.get("waarden", spec_node),
            f"{key}.waarden",
            report,
            {"waarde": True, "label": True, "uitleg": True, "ook": False, "betekenis": False},
        ):
            value, label, description = (
                yamlread.scalar(item.get(name), f"{where}.{name}", report) for name in ("waarde", "label", "uitleg")
            )
            aliases = yamlread.texts(yamlread.one_or_more(item.get("ook")), f"{where}.ook", report)
            meanings = _meanings(item.get("betekenis"), f"{where}.betekenis", report)
            if value is None or label is None or description is None or aliases is None or meanings is None:
                continue
            slug = slugify(value)
            if not slug or urls.is_list_page_name(slug):
                report(
                    item["waarde"],
                    f"{where}.waarde",
                    f"'{value}' kan geen paginanaam worden ({'leeg' if not slug else slug}). Gebruik letters of "
                    f"cijfers, en niet 'index' of 'pagina'.",
                )
                continue
            if slug in slugs:
                report(
                    item["waarde"],
                    f"{where}.waarde",
                    f"'{value}' geeft dezelfde paginanaam als '{slugs[slug]}'. Elke waarde heeft een eigen naam nodig.",
                )
                continue
            slugs[slug] = value
            terms.append(Term(value, label, description, tuple(aliases), meanings))
        name, description = (yamlread.scalar(spec.get(field), f"{key}.{field}", report) for field in ("naam", "uitleg"))
        if name and description and terms:
            vocabularies[key] = Vocabulary(key, name, description, tuple(terms))
    for key in sorted(_required() - set(specs)):
        problems.append(Problem(rel, 0, key, "deze woordenlijst ontbreekt. De velden van de kennisbank gebruiken haar."))
    if problems:
        raise ContentError(problems)
    return vocabularies


def _meanings(node: yaml.Node | None, field: str, report: yamlread.Report) -> dict[str, str] | None:
    """What a level means per part (an effort level's 'tijd', 'geld', 'mensen'). Which parts a
    vocabulary needs is checked where they are used (corpus.load, for the effort levels)."""
    if node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        report(node, field, f"hier horen velden per onderdeel, zoals 'tijd: ...', maar er staat {yamlread.shown(node)}.")
        return None
    meanings = {key.value: yamlread.scalar(value, f"{field}.{key.value}", report) for key, value in node.value}
    if None in meanings.values():
        return None
    return {part: meaning for part, meaning in meanings.items() if meaning is not None}


def _names(root: yaml.Node) -> list[str]:
    return [key.value for key, _ in root.value] if isinstance(root, yaml.MappingNode) else []


def _required() -> set[str]:
    from .schema import COLLECTIONS

    return {key for collection in COLLECTIONS for field in collection.fields for key in field.vocabulary} | set(_USED_BY_CODE)
