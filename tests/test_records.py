"""Validation: every editor's mistake is reported in Dutch, with file, line and field, all at once."""

from __future__ import annotations

import shutil
import subprocess
import sys
import typing

import pytest

from kennisbank_participatie import content, kinds, records
from kennisbank_participatie.schema import COLLECTIONS, Kind
from sitebuilder import FIXTURES, ROOT, build, content_problems, make_project, project_with

GOLDEN = FIXTURES / "fouten" / "verwacht.txt"


def test_all_mistakes_of_all_files_in_one_build(tmp_path):
    project = make_project(tmp_path / "project")
    shutil.copytree(FIXTURES / "fouten" / "praktijkvoorbeelden", project / "praktijkvoorbeelden", dirs_exist_ok=True)
    result = build(project)
    assert result.returncode != 0
    # The newest year allowed moves with the calendar.
    expected = GOLDEN.read_text(encoding="utf-8").replace("{LAST_YEAR}", str(records.LAST_YEAR))
    assert expected in result.log
    # The validator gives exactly the same report, without building.
    checked = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "valideer.py"), str(project)], capture_output=True, text=True
    )
    assert checked.returncode == 1
    assert checked.stderr.strip() == expected.strip()


def test_fixture_corpus_is_valid_with_bom_and_crlf(tmp_path):
    loaded = content.load(make_project(tmp_path / "project")).corpus
    entry = loaded.by_slug("praktijkvoorbeeld")["emmen-bom-crlf"]
    assert entry.titel == "Emmen: bom en crlf"
    assert entry.fields["inwoners"] == 107000


VALID = """---
titel: Goed voorbeeld
gemeente: Emmen
provincie: Drenthe
jaar: 2020
samenvatting: Dit klopt.
ladder: [raadplegen]
onderbouwing: beschreven
bronnen:
  - titel: Bron
    uitgever: Uitgever
    jaar: 2021
{extra}---
Tekst.
"""


@pytest.mark.parametrize(
    "extra, expected",
    [
        ('inwoners: "45.000"\n', None),
        ("inwoners: 45.000\n", "veld 'inwoners': zet 45.000 tussen aanhalingstekens (\"45.000\") of schrijf 45000"),
        ("inwoners: 45000\n", None),
        ("inwoners: '45.000'\n", None),
        (
            "themas: [leefbaarheid, Leefbaarheid]\n",
            "regel 13, veld 'themas': 'Leefbaarheid' is geen toegestane waarde. Bedoelde je 'leefbaarheid'?",
        ),
        ("provincie: Friesland\n", "veld 'provincie': dit veld staat twee keer in de front matter (ook op regel 4)."),
        ("instrumenten: bestaat-niet\n", "veld 'instrumenten': 'bestaat-niet' bestaat niet in de toolbox (docs/toolbox/)."),
        ("gerelateerd: [goed]\n", "veld 'gerelateerd': 'goed' verwijst naar deze pagina zelf."),
        ("status: klaar\n", "'klaar' is geen toegestane waarde. Bedoelde je 'afgerond'?"),
        ("title: Engels\n", "veld 'title': dit veld is onbekend bij een praktijkvoorbeeld. Bedoelde je 'titel'?"),
        ("overheidsrol: [[faciliteren]]\n", "veld 'overheidsrol': hier hoort tekst, maar er staat een lijst."),
    ],
)
def test_single_mistakes(tmp_path, extra, expected):
    project = project_with(tmp_path, {"praktijkvoorbeelden/goed.md": VALID.format(extra=extra)})
    if expected is None:
        entry = content.load(project).corpus.by_slug("praktijkvoorbeeld")["goed"]
        assert entry.fields["inwoners"] == 45000
        return
    problems = content_problems(project)
    assert len(problems) == 1, problems
    assert expected in problems[0]
    assert problems[0].startswith("praktijkvoorbeelden/goed.md")


def test_form_reference_from_keuzemenu_and_bad_effort(tmp_path):
    form = """---
titel: Nieuwe vorm
samenvatting: Kort.
ladder: [adviseren]
initiatief: [eop]
inzet: {tijd: hoog, geld: weinig}
bronnen: [{titel: Bron, uitgever: Uitgever, jaar: 2020}]
---
Tekst.
"""
    problems = content_problems(project_with(tmp_path, {"docs/keuzemenu/nieuwe-vorm.md": form}))
    assert problems == [
        "docs/keuzemenu/nieuwe-vorm.md, regel 5, veld 'initiatief': 'eop' is geen toegestane waarde. "
        "Bedoelde je 'dorps- en wijkorganisaties'? Toegestaan: 'inwoners', 'dorps- en wijkorganisaties', "
        "'maatschappelijke organisaties', 'ambtenaren', 'college', 'gemeenteraad'.",
        "docs/keuzemenu/nieuwe-vorm.md, regel 6, veld 'inzet': 'hoog' past niet bij 'tijd'. Bedoelde je 'veel'? "
        "Toegestaan: 'weinig', 'gemiddeld', 'veel'.",
        "docs/keuzemenu/nieuwe-vorm.md, regel 6, veld 'inzet': bij de inzet ontbreekt 'mensen'. "
        "Toegestaan: 'weinig', 'gemiddeld', 'veel'.",
    ]


def test_file_name_must_be_a_slug(tmp_path):
    problems = content_problems(project_with(tmp_path, {"praktijkvoorbeelden/Goed Voorbeeld.md": VALID.format(extra="")}))
    assert problems == [
        "praktijkvoorbeelden/Goed Voorbeeld.md: de bestandsnaam 'Goed Voorbeeld.md' mag alleen "
        "kleine letters, cijfers en streepjes bevatten, bijvoorbeeld 'goed-voorbeeld.md'."
    ]


def test_missing_rung_page(tmp_path):
    project = make_project(tmp_path / "project")
    (project / "docs/participatieladder/loslaten.md").unlink()
    assert content_problems(project) == [
        "docs/participatieladder/loslaten.md: deze pagina ontbreekt. "
        "Elke trede van 'Rol van de overheid' heeft een eigen pagina nodig."
    ]


def test_no_entry_is_dropped_silently(tmp_path):
    project = project_with(
        tmp_path,
        {
            "praktijkvoorbeelden/vergeten.markdown": VALID.format(extra=""),
            "praktijkvoorbeelden/index.md": VALID.format(extra=""),
            "praktijkvoorbeelden/.gitkeep": "",
        },
    )
    assert content_problems(project) == [
        "praktijkvoorbeelden/index.md: de bestandsnaam 'index.md' is gereserveerd. Kies een andere naam.",
        "praktijkvoorbeelden/vergeten.markdown: dit bestand wordt niet gebruikt: een praktijkvoorbeeld is een "
        "bestand dat eindigt op .md. Noem het bijvoorbeeld 'vergeten.md'.",
    ]


# The Python type each Kind reads into, as records.Fields declares it for the type checker.
_READS_INTO = {
    Kind.TEXT: str,
    Kind.TEXTS: tuple[str, ...],
    Kind.YEAR: int,
    Kind.COUNT: int,
    Kind.TERM: str,
    Kind.TERMS: tuple[str, ...],
    Kind.REFS: tuple[str, ...],
    Kind.SOURCES: tuple[kinds.Source, ...],
    Kind.EFFORT: kinds.Effort,
    Kind.PERIOD: kinds.Period,
}


def test_typed_fields_agree_with_the_schema_and_the_content(tmp_path):
    declared = typing.get_type_hints(records.Fields)
    for collection in COLLECTIONS:
        for field in collection.fields:
            assert declared.get(field.key) == _READS_INTO[field.kind], (collection.key, field.key)
    assert set(declared) == {field.key for collection in COLLECTIONS for field in collection.fields}
    for project in (ROOT, make_project(tmp_path)):
        for entries in content.load(project).corpus.entries.values():
            for entry in entries:
                for key, value in entry.fields.items():
                    expected = declared[key]
                    if typing.get_origin(expected) is tuple:
                        item_type = typing.get_args(expected)[0]
                        assert isinstance(value, tuple) and all(isinstance(item, item_type) for item in value), (entry.path, key)
                    else:
                        assert isinstance(value, expected), (entry.path, key)


def test_a_broken_vocabulary_does_not_hide_the_mistakes_in_the_other_data_files(tmp_path):
    """The one content gate reads every data file, and reports all their mistakes in one run."""
    project = project_with(
        tmp_path,
        {
            "data/vocabulaire.yml": "ladder: [\n",
            "data/begrippen.yml": "- begrip: EOP\n  uitleg: Een overlegpartner.\n  bron: Onbekend boek\n",
            "data/synoniemen.yml": "- [wijkraad]\n",
        },
    )
    problems = content_problems(project)
    files = sorted({problem.split(",")[0].split(":")[0] for problem in problems})
    assert files == ["data/begrippen.yml", "data/synoniemen.yml", "data/vocabulaire.yml"], problems
