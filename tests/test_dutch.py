"""The Dutch layer of the site search, on one table of cases: in Python (hooks/kennisbank_participatie/dutch.py, used when the
index is built) and in JavaScript (docs/assets/kb-zoeken.js, used when a reader types), run with node."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest

from kennisbank_participatie import dutch, sitesearch, synonyms
from kennisbank_participatie.problems import ContentError
from sitebuilder import assert_reported, project_with

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "docs" / "assets" / "kb-zoeken.js"

# word as typed -> key; words on one line share their key.
KEYS = [
    ("initiatieven", "initiatief"),
    ("initiatief", "initiatief"),
    ("Initiatiefje", "initiatief"),
    ("burgers", "burger"),
    ("burger", "burger"),
    ("begrotingen", "begroting"),
    ("burgerbegrotingen", "burgerbegroting"),
    ("enquête", "enquet"),
    ("enquete", "enquet"),
    ("enquêtes", "enquet"),
    ("ideeën", "idee"),
    ("ideeen", "idee"),
    ("idee", "idee"),
    ("ideetje", "idee"),
    ("coöperatie", "cooperatie"),
    ("cooperatie", "cooperatie"),
    ("coöperaties", "cooperatie"),
    ("huizen", "huis"),
    ("huis", "huis"),
    ("huisje", "huis"),
    ("dorpen", "dorp"),
    ("dorp", "dorp"),
    ("dorpje", "dorp"),
    ("dorpjes", "dorp"),
    ("straten", "strat"),
    ("straat", "strat"),
    ("straatje", "strat"),
    ("boompje", "boom"),
    ("boom", "boom"),
    ("stoeltje", "stoel"),
    ("stoelen", "stoel"),
    ("balletje", "bal"),
    ("ballen", "bal"),
    ("bussen", "bus"),
    ("budgetten", "budget"),
    ("budget", "budget"),
    ("jongeren", "jonger"),
    ("jongere", "jonger"),
    ("gemeenten", "gement"),
    ("gemeentes", "gement"),
    ("gemeente", "gement"),
    ("families", "familie"),
    ("familie", "familie"),
    ("kernen", "kern"),
    ("fonds", "fonds"),
    ("proces", "proces"),
    ("processen", "proces"),
    ("Fryslân", "fryslan"),
    ("B1", "b1"),
    ("de", "de"),
]

SPLITS = [
    ("dorpsbudget", ["dorp", "budget"]),
    ("burgerinitiatieven", ["burger", "initiatief"]),
    ("inwonerinitiatief", ["inwoner", "initiatief"]),
    ("leefbaarheidsbudget", ["leefbaarheid", "budget"]),
    ("kernenfonds", ["kern", "fonds"]),
    ("burgerbegrotingen", ["burger", "begroting"]),
    ("jongerenparticipatie", ["jonger", "participatie"]),
    ("dorpshuisbudget", ["dorp", "huis", "budget"]),
    ("budget", None),
    ("participatie", None),
    ("overheid", None),
    ("betrekken", None),
]

CORPUS = (
    "Het dorp kreeg een budget. Burgers en inwoners namen een initiatief. De leefbaarheid van kernen, "
    "een fonds voor huis en tuin. Jongeren en participatie. De begroting. Overheid en beleid."
)
GROUPS = (("burger", "inwoner", "bewoner"), ("enquête", "peiling"))


@pytest.fixture(scope="module")
def lexicon():
    return dutch.lexicon([CORPUS], GROUPS)


@pytest.mark.parametrize("typed, expected", KEYS)
def test_word_forms_share_a_key(typed, expected):
    assert dutch.key(dutch.words(typed)[0]) == expected


@pytest.mark.parametrize("word, parts", SPLITS)
def test_compounds_split_into_the_corpus_words(lexicon, word, parts):
    assert lexicon.split(word) == parts


def test_synonyms_stand_for_their_group_and_compounds_carry_their_parts(lexicon):
    assert lexicon.terms("inwoners") == {"inwoner", "burger"}
    assert lexicon.terms("bewonersinitiatief") == {"bewonersinitiatief", "bewoner", "burger", "initiatief"}
    assert lexicon.canonical(dutch.key("peilingen")) == dutch.key("enquete")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Id€€ voor mijn buurt", ["idee", "voor", "mijn", "buurt"]),
        ("€nergie", ["energie"]),
        ("€ 50 of €50", ["50", "of", "50"]),
        ("Ideeën-makelaar", ["ideeen", "makelaar"]),
    ],
)
def test_words_read_a_euro_sign_in_a_word_as_an_e(text, expected):
    assert dutch.words(text) == expected


def test_words_take_linear_time_on_a_hostile_long_word():
    started = time.perf_counter()
    assert dutch.words("a" * 200_000 + "€" + "b" * 200_000) == ["a" * 200_000 + "e" + "b" * 200_000]
    assert dutch.words("€" * 200_000) == []
    assert time.perf_counter() - started < 5  # quadratic backtracking took minutes


def test_a_word_longer_than_any_compound_is_not_split(lexicon):
    assert lexicon.split("dorpsbudget") == ["dorp", "budget"]
    assert lexicon.split("dorpsbudget" * 6) is None  # 66 letters: a code or a hostile text, not a compound


def test_one_typo_is_one_edit():
    assert dutch.one_edit("participatie", "particpatie")  # deleted
    assert dutch.one_edit("participatie", "partcipatie")
    assert dutch.one_edit("budget", "bugdet")  # swapped neighbours
    assert dutch.one_edit("budget", "budgat")
    assert not dutch.one_edit("budget", "bgudet")
    assert not dutch.one_edit("budget", "budgetten")


def _javascript(data: dict, words: list[str]) -> dict:
    program = f"""
      const dutch = require({json.dumps(str(SCRIPT))});
      const lexicon = new dutch.Lexicon({json.dumps(data)});
      const words = {json.dumps(words)};
      const out = {{}};
      for (const word of words) {{
        const folded = dutch.words(word)[0];
        out[word] = {{folded, key: dutch.key(folded), split: lexicon.split(folded), terms: lexicon.terms(folded),
                     close: lexicon.close(dutch.key(folded))}};
      }}
      console.log(JSON.stringify(out));
    """
    result = subprocess.run(["node", "-e", program], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_javascript_agrees_with_python_on_every_case(lexicon):
    import gzip

    data = json.loads(gzip.decompress(sitesearch.language_data(lexicon, "nl_0")))
    cases = (
        [typed for typed, _ in KEYS]
        + [word for word, _ in SPLITS]
        + ["bugdet", "particpatie", "inwoners", "Ĳsselmeer", "Id€€", "€nergie", "€50", "dorpsbudget" * 6]
    )
    answers = _javascript(data, cases)
    for typed in cases:
        folded = dutch.words(typed)[0]
        python = {
            "folded": folded,
            "key": dutch.key(folded),
            "split": lexicon.split(folded),
            "terms": sorted(lexicon.terms(folded)),
            "close": lexicon.close(dutch.key(folded)),
        }
        assert answers[typed] == python, typed


def test_synonym_file_mistakes_are_reported_in_dutch(tmp_path):
    project = project_with(
        tmp_path,
        {
            synonyms.SYNONYMS_FILE: (
                "groepen:\n"
                "  - woorden: [burger, inwoner]\n    waarom: Bron A.\n"
                "  - woorden: [inwoners, bewoner]\n    waarom: Bron B.\n"
                "  - woorden: [enquête]\n    waarom: Bron C.\n"
                "  - woorden: [right to challenge, uitdaagrecht]\n    waarom: ''\n"
                "  - woorden: [jeugd, jongeren]\n    waarom: Bron D.\n    bron: x\n"
            )
        },
    )
    assert_reported(
        project,
        [
            "data/synoniemen.yml, regel 4, veld 'groepen[2].woorden': 'inwoners' staat ook in groep 1",
            "regel 6, veld 'groepen[3].woorden': noem twee of meer woorden",
            "regel 8, veld 'groepen[4].woorden': 'right to challenge' is geen los woord",
            "regel 9, veld 'groepen[4].waarom': hier hoort tekst, maar er staat ''. Schrijf op in welke bron",
            "regel 12, veld 'groepen[5].bron': dit veld is onbekend",
        ],
    )


def test_broken_synonym_file_says_where(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "synoniemen.yml").write_text("groepen:\n  - woorden: [a, b\n", encoding="utf-8")
    with pytest.raises(ContentError, match="regel 2, veld 'groepen': dit bestand is geen geldige YAML"):
        synonyms.load(tmp_path)


def test_synonym_file_is_read_within_the_limits_of_every_data_file(tmp_path):
    (tmp_path / "data").mkdir()
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\ngroepen: *b\n"
    (tmp_path / "data" / "synoniemen.yml").write_text(bomb, encoding="utf-8")
    with pytest.raises(ContentError, match="anker of verwijzing"):
        synonyms.load(tmp_path)
    (tmp_path / "data" / "synoniemen.yml").write_text("groepen: " + "[" * 30000 + "\n", encoding="utf-8")
    with pytest.raises(ContentError, match="hoogstens 20 niveaus"):
        synonyms.load(tmp_path)


def test_the_projects_synonyms_are_valid():
    groups = synonyms.load(ROOT)
    assert ("burger", "inwoner", "bewoner") in groups
