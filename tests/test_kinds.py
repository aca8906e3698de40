"""Every kind of front-matter field has its rules in one table (kennisbank_participatie.kinds), and they agree with each
other: what the build reads, the front matter's JSON Schema accepts; what it exports, the open data's
JSON Schema accepts, as a value and when an entry lacks the field."""

from __future__ import annotations

import jsonschema
import pytest
import yaml

from kennisbank_participatie import corpus, kinds, published_schema
from kennisbank_participatie.schema import Collection, Field, Kind
from kennisbank_participatie.vocabulary import load as load_vocabularies
from sitebuilder import ROOT

VOCABULARIES = load_vocabularies(ROOT / corpus.VOCABULARY_FILE)

# Per kind: a vocabulary it needs, a value as an editor writes it, and its cell in the CSV export.
# A new Kind fails here until it has an example (and fails on import until kennisbank_participatie.kinds has its rules).
EXAMPLES: dict[Kind, tuple[tuple[str, ...], str, str]] = {
    Kind.TEXT: ((), "'Emmen: wat er ''t gebeurde'", "Emmen: wat er 't gebeurde"),
    Kind.TEXTS: ((), "[Emmen, Borger-Odoorn, Emmen]", "Emmen; Borger-Odoorn"),
    Kind.YEAR: ((), "2020", "2020"),
    Kind.COUNT: ((), '"45.000"', "45000"),
    Kind.TERM: (("provincie",), "Drenthe", "Drenthe"),
    Kind.TERMS: (("provincie",), "[Drenthe, Groningen]", "Drenthe; Groningen"),
    Kind.REFS: ((), "[emmen, zwolle]", "emmen; zwolle"),
    Kind.SOURCES: (
        (),
        "[{titel: Titel, uitgever: Gemeente Emmen, jaar: 2013, pagina: 12-13}]",
        "Titel (Gemeente Emmen, 2013, p. 12-13)",
    ),
    Kind.EFFORT: (("inzet",), "{tijd: veel, geld: weinig, mensen: gemiddeld}", "tijd: veel, geld: weinig, mensen: gemiddeld"),
    Kind.PERIOD: ((), "{van: 2019}", "2019-"),
}


def _collection(*fields: Field) -> Collection:
    return Collection("proef", "proef", "Proeven", "proef", "proef", fields, "de proeven")


@pytest.mark.parametrize("kind", list(Kind))
def test_every_kind_is_read_published_and_exported_alike(kind):
    vocabulary, written, cell = EXAMPLES[kind]
    field = Field("proef", kind, True, "uitleg", None, vocabulary=vocabulary, refers_to="praktijkvoorbeeld")
    problems: list[tuple[int, str]] = []
    reading = kinds.Reading(1, VOCABULARIES, lambda line, message: problems.append((line, message)), {})
    value = kinds.read(field, yaml.compose(written), reading)
    assert problems == [] and value is not None

    front_matter = published_schema.front_matter(_collection(field), VOCABULARIES)
    jsonschema.validate({"proef": yaml.safe_load(written)}, front_matter)

    rules = kinds.KINDS[kind]
    exported = rules.exported(value)
    assert rules.cell(exported) == cell
    optional = Field("leeg", kind, False, "uitleg", None, vocabulary=vocabulary, refers_to="praktijkvoorbeeld")
    schema = published_schema.export(_collection(field, optional), VOCABULARIES)
    record = {"slug": "proef", "url": "proef/", "proef": exported, "leeg": rules.exported(None), "tekst": "Tekst.\n"}
    jsonschema.validate([record], schema)
    # Lists stay lists when empty; anything else an entry lacks is null.
    assert rules.many == (rules.schema(field, VOCABULARIES, False).get("type") == "array")


def test_a_wrong_value_of_every_kind_is_reported_in_dutch():
    """A mapping fits no kind but the groups of values; a list fits no kind that holds one value."""
    for kind in Kind:
        vocabulary = EXAMPLES[kind][0]
        field = Field("proef", kind, True, "uitleg", None, vocabulary=vocabulary)
        problems: list[tuple[int, str]] = []
        reading = kinds.Reading(1, VOCABULARIES, lambda line, message: problems.append((line, message)), {})
        wrong = "[1, 2]" if kind in (Kind.EFFORT, Kind.PERIOD) else "{a: b}"
        assert kinds.read(field, yaml.compose(wrong), reading) in (None, ()), kind
        assert problems and all(line == 1 and message.endswith(".") for line, message in problems), (kind, problems)
