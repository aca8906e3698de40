"""What differs per collection is declared in kennisbank_participatie.schema, and every declaration is complete and consistent."""

from __future__ import annotations

import dataclasses

import pytest

from kennisbank_participatie import pages, schema
from kennisbank_participatie.schema import COLLECTIONS, Related, Shown


@pytest.mark.parametrize("shown", list(Shown))
def test_every_way_of_showing_a_fact_has_a_renderer(shown):
    assert shown in pages._SHOWN


def test_declarations_name_fields_and_collections_that_exist():
    assert [problem for collection in COLLECTIONS for problem in schema._declaration_problems(collection)] == []
    wrong = dataclasses.replace(
        schema.TOOLBOX, row_facts=("jaar",), named_by="naam", related=(Related("elders", "Elders", "onbekend"),)
    )
    assert schema._declaration_problems(wrong) == [
        "toolbox: no field 'jaar'",
        "toolbox: no field 'naam'",
        "toolbox: no collection 'onbekend'",
    ]


def test_every_collection_a_field_refers_to_can_be_named_in_a_message():
    targets = {field.refers_to for collection in COLLECTIONS for field in collection.fields if field.refers_to}
    assert targets and all(schema.BY_KEY[key].in_words for key in targets)
