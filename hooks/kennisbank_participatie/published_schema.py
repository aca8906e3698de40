"""JSON Schemas derived from kennisbank_participatie.schema: one for editors' front matter, one for the open-data exports."""

from __future__ import annotations

from collections.abc import Mapping

from .kinds import KINDS, JsonSchema
from .schema import SLUG_PATTERN, Collection, Field
from .vocabulary import Vocabulary

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def field_schema(field: Field, vocabularies: Mapping[str, Vocabulary], front_matter: bool) -> JsonSchema:
    return {"description": field.description, **KINDS[field.kind].schema(field, vocabularies, front_matter)}


def front_matter(collection: Collection, vocabularies: Mapping[str, Vocabulary]) -> JsonSchema:
    """For editors' editors: autocompletion and checks while typing the front matter."""
    return {
        "$schema": DIALECT,
        "title": f"Front matter van een {collection.label}",
        "type": "object",
        "properties": {f.key: field_schema(f, vocabularies, True) for f in collection.fields},
        "required": [f.key for f in collection.fields if f.required],
        "additionalProperties": False,
    }


def export(collection: Collection, vocabularies: Mapping[str, Vocabulary]) -> JsonSchema:
    """The open-data JSON file of a collection: a list with one object per entry."""
    properties: JsonSchema = {
        "slug": {"type": "string", "pattern": SLUG_PATTERN, "description": "de naam van het bestand, zonder .md"},
        "url": {"type": "string", "minLength": 1, "description": "het adres van de pagina"},
    }
    for field in collection.fields:
        schema = field_schema(field, vocabularies, False)
        if not field.required:  # absent: an empty list, or null
            schema.pop("minItems", None)
            if not KINDS[field.kind].many:
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
