"""Write a new, valid entry from the schema, like Hugo's archetypes: editors start right."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import yaml

from . import urls
from .problems import Problem
from .schema import BY_KEY, Collection, Field, Kind
from .textutil import slugify

BODY_PLACEHOLDER = "Schrijf hier korte zinnen in gewone woorden."
PLACEHOLDER = "dit is nog voorbeeldtekst uit het sjabloon"

SECTIONS = {
    "praktijkvoorbeeld": ("Wat deed de gemeente?", "Waarom?", "Hoe ging het?", "Wat leverde het op?", "Wat kun je ervan leren?"),
    "keuzemenu": (
        "Wat is het?",
        "Wanneer kies je dit?",
        "Wie neemt het initiatief?",
        "Wat vraagt het van jullie?",
        "Wat biedt de gemeente?",
    ),
    "toolbox": ("Wat is het?", "Wanneer gebruik je het?", "Hoe werkt het?", "Let op"),
    "trede": ("Wat betekent deze trede?", "Wanneer kies je deze trede?", "Valkuilen"),
}


def _yaml_value(value: object) -> str:
    dumped = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, sort_keys=False, width=1000).strip()
    return dumped[: -len("\n...")] if dumped.endswith("\n...") else dumped


def front_matter(collection: Collection, values: dict[str, object]) -> str:
    lines = ["---"]
    for field in collection.fields:
        value = values.get(field.key, field.example)
        if value is None or value == []:
            if not field.required:
                lines.append(f"# {field.key}: (niet verplicht) {field.description}")
            continue
        lines.append(f"{field.key}: {_yaml_value(value)}  # {field.description}")
    lines.append("---")
    return "\n".join(lines)


def body(collection: Collection) -> str:
    return "\n\n".join(f"## {title}\n\n{BODY_PLACEHOLDER}" for title in SECTIONS[collection.key]) + "\n"


def create(root: Path, collection_key: str, titel: str, values: dict[str, object]) -> Path:
    collection = BY_KEY[collection_key]
    slug = str(values.pop("slug", None) or slugify(titel))
    path = root / collection.folder / urls.entry_file(slug)
    if path.exists():
        raise FileExistsError(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if collection.named_by:
        values.setdefault(collection.named_by, slug)
    path.write_text(front_matter(collection, {"titel": titel, **values}) + "\n" + body(collection), encoding="utf-8")
    return path


def field_help(field: Field) -> str:
    return f"{field.key} ({'verplicht' if field.required else 'niet verplicht'}): {field.description}"


def _example_texts(field: Field) -> set[str]:
    """The scaffold's example values that no real entry would hold: free text, and a source's title and publisher."""
    if field.kind is Kind.TEXT and isinstance(field.example, str):
        return {field.example}
    if field.kind is Kind.SOURCES and isinstance(field.example, list):
        return {str(source[key]) for source in field.example for key in ("titel", "uitgever")}
    return set()


def placeholders(
    rel: str, collection: Collection, values: Mapping[str, object], lines: Mapping[str, int], body: str, text: str
) -> list[Problem]:
    """Every place where a file still holds the scaffold's example text, so it cannot be published by accident."""
    found = []
    for field in collection.fields:
        examples = _example_texts(field)
        value = values.get(field.key)
        if not examples or value is None:
            continue
        held = (
            [getattr(source, key) for source in value for key in ("titel", "uitgever")]
            if field.kind is Kind.SOURCES and isinstance(value, tuple)
            else [value]
        )
        for item in held:
            if item in examples:
                found.append(
                    Problem(
                        rel,
                        lines.get(field.key, 0),
                        field.key,
                        f"{PLACEHOLDER}: '{item}'. Vervang het door echte tekst uit de bron.",
                    )
                )
    if BODY_PLACEHOLDER in body:
        start = text.count("\n", 0, text.index(body)) + 1 if body and body in text else 0
        for number, line in enumerate(body.split("\n")):
            if BODY_PLACEHOLDER in line:
                found.append(
                    Problem(
                        rel,
                        start + number,
                        "tekst",
                        f"{PLACEHOLDER}: '{BODY_PLACEHOLDER}'. Schrijf hier je eigen tekst, of haal het kopje weg.",
                    )
                )
    return found
