"""JSON Schemas derived from kb.schema: one for editors' front matter, one for the open-data exports."""

from __future__ import annotations

from .records import FIRST_YEAR, LAST_YEAR
from .schema import EFFORT_KEYS, PERIOD_KEYS, SOURCE_KEYS, Collection, Field, Kind
from .vocabulary import Vocabulary

SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
COUNT_PATTERN = r"^(\d{1,3}(\.\d{3})+|\d+)$"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _enum(field: Field, vocabularies: dict[str, Vocabulary]) -> dict[str, object]:
    return {"enum": [value for key in field.vocabulary for value in vocabularies[key].values]}


def _source(front_matter: bool) -> dict[str, object]:
    properties = {key: {"type": "string", "minLength": 1, "description": description}
                  for key, (_, description) in SOURCE_KEYS.items()}
    properties["jaar"] = {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR, "description": SOURCE_KEYS["jaar"][1]}
    if front_matter:
        properties["pagina"] = {"type": ["string", "integer"], "description": SOURCE_KEYS["pagina"][1]}
    return {
        "type": "object",
        "properties": properties,
        "required": [key for key, (required, _) in SOURCE_KEYS.items() if required],
        "additionalProperties": False,
    }


def _one_or_list(item: dict[str, object], front_matter: bool) -> dict[str, object]:
    listed = {"type": "array", "items": item, "minItems": 1}
    return {"anyOf": [item, listed]} if front_matter else listed


def field_schema(field: Field, vocabularies: dict[str, Vocabulary], front_matter: bool) -> dict[str, object]:
    kind = field.kind
    if kind is Kind.TEXT:
        schema = {"type": "string", "minLength": 1}
    elif kind is Kind.TEXTS:
        schema = _one_or_list({"type": "string", "minLength": 1}, front_matter)
    elif kind is Kind.YEAR:
        schema = {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR}
    elif kind is Kind.COUNT:
        # YAML reads the Dutch '45.000' as the number 45.0; the build reads what the editor wrote.
        schema = ({"anyOf": [{"type": "number", "minimum": 0}, {"type": "string", "pattern": COUNT_PATTERN}]}
                  if front_matter else {"type": "integer", "minimum": 0})
    elif kind is Kind.TERM:
        schema = _enum(field, vocabularies)
    elif kind is Kind.TERMS:
        schema = _one_or_list(_enum(field, vocabularies), front_matter)
    elif kind is Kind.REFS:
        schema = {"type": "array", "items": {"type": "string", "pattern": SLUG_PATTERN}}
    elif kind is Kind.SOURCES:
        schema = {"type": "array", "items": _source(front_matter), "minItems": 1}
    elif kind is Kind.EFFORT:
        level = {"enum": list(vocabularies[field.vocabulary[0]].values)}
        schema = {"type": "object", "properties": {key: level for key in EFFORT_KEYS},
                  "required": list(EFFORT_KEYS), "additionalProperties": False}
    elif kind is Kind.PERIOD:
        year = {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR}
        schema = {"type": "object",
                  "properties": {key: {**year, "description": description} for key, (_, description) in PERIOD_KEYS.items()},
                  "required": [key for key, (required, _) in PERIOD_KEYS.items() if required],
                  "additionalProperties": False}
    else:  # pragma: no cover
        raise AssertionError(kind)
    return {"description": field.description, **schema}


def front_matter(collection: Collection, vocabularies: dict[str, Vocabulary]) -> dict[str, object]:
    """For editors' editors: autocompletion and checks while typing the front matter."""
    return {
        "$schema": DIALECT,
        "title": f"Front matter van een {collection.label}",
        "type": "object",
        "properties": {f.key: field_schema(f, vocabularies, True) for f in collection.fields},
        "required": [f.key for f in collection.fields if f.required],
        "additionalProperties": False,
    }


def export(collection: Collection, vocabularies: dict[str, Vocabulary]) -> dict[str, object]:
    """The open-data JSON file of a collection: a list with one object per entry."""
    properties = {
        "slug": {"type": "string", "pattern": SLUG_PATTERN, "description": "de naam van het bestand, zonder .md"},
        "url": {"type": "string", "minLength": 1, "description": "het adres van de pagina"},
    }
    for field in collection.fields:
        schema = field_schema(field, vocabularies, False)
        if not field.required:
            schema.pop("minItems", None)
            if schema.get("type") != "array":
                schema = {"description": schema.pop("description"), "anyOf": [schema, {"type": "null"}]}
        properties[field.key] = schema
    properties["tekst"] = {"type": "string", "description": "de tekst van de pagina, in Markdown"}
    record = {
        "type": "object",
        "properties": properties,
        "required": ["slug", "url", *(f.key for f in collection.fields), "tekst"],
        "additionalProperties": False,
    }
    return {"$schema": DIALECT, "title": f"Open data: {collection.label_plural}", "type": "array", "items": record}
