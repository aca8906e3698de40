"""Write a new, valid entry from the schema, like Hugo's archetypes: editors start right."""

from __future__ import annotations

from pathlib import Path

import yaml

from .schema import BY_KEY, Collection, Field
from .textutil import slugify

SECTIONS = {
    "praktijkvoorbeeld": ("Wat deed de gemeente?", "Waarom?", "Hoe ging het?", "Wat leverde het op?", "Wat kun je ervan leren?"),
    "keuzemenu": ("Wat is het?", "Wanneer kies je dit?", "Wie neemt het initiatief?", "Wat vraagt het van jullie?", "Wat biedt de gemeente?"),
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
    return "\n\n".join(f"## {title}\n\nSchrijf hier korte zinnen in gewone woorden." for title in SECTIONS[collection.key]) + "\n"


def create(root: Path, collection_key: str, titel: str, values: dict[str, object]) -> Path:
    collection = BY_KEY[collection_key]
    slug = values.pop("slug", None) or slugify(titel)
    path = root / collection.folder / f"{slug}.md"
    if path.exists():
        raise FileExistsError(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if collection_key == "trede":
        values.setdefault("trede", slug)
    path.write_text(front_matter(collection, {"titel": titel, **values}) + "\n" + body(collection), encoding="utf-8")
    return path


def field_help(field: Field) -> str:
    return f"{field.key} ({'verplicht' if field.required else 'niet verplicht'}): {field.description}"
