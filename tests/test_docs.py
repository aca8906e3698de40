"""The editors' guide explains every field the schema knows."""

from kb.schema import COLLECTIONS
from sitebuilder import ROOT


def test_contributing_explains_every_field():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for collection in COLLECTIONS:
        for field in collection.fields:
            assert f"| `{field.key}` |" in guide, (collection.key, field.key)
