"""The editors' guide explains every field the schema knows, in the table of the right kind of page."""

import re

from kennisbank_participatie.schema import COLLECTIONS
from sitebuilder import ROOT

# The heading in CONTRIBUTING.md above each collection's table of fields.
SECTIONS = {
    "praktijkvoorbeeld": "Praktijkvoorbeeld",
    "keuzemenu": "Vorm uit het Keuzemenu",
    "toolbox": "Instrument uit de toolbox",
    "trede": "Trede",
    "introductie": "Introductie",
}
_ROW = re.compile(r"^\| `([^`]+)` \| (ja|nee) \|", re.M)


def documented_fields(guide: str) -> dict[str, dict[str, bool]]:
    """Section heading -> field -> required, from the tables of fields under each '## ' heading."""
    found = {}
    for section in re.split(r"^## ", guide, flags=re.M)[1:]:
        heading, _, body = section.partition("\n")
        rows = _ROW.findall(body)
        if rows:
            found[heading.split(" (")[0]] = {key: required == "ja" for key, required in rows}
    return found


def test_contributing_explains_every_field_of_each_kind_of_page():
    documented = documented_fields((ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"))
    assert set(SECTIONS) == {collection.key for collection in COLLECTIONS}  # a new collection needs its own table
    for collection in COLLECTIONS:
        expected = {field.key: field.required for field in collection.fields}
        assert documented.get(SECTIONS[collection.key]) == expected, collection.key
