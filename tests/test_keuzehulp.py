"""The Keuzehulp's rules (data/keuzehulp.yml) give advice that follows the answers."""

from __future__ import annotations

import json

import pytest

from kennisbank_participatie import content, keuzehulp
from sitebuilder import make_project


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("kh"))
    checked = content.load(project)
    return checked.indexes, checked.questions


def _advise(setup, **chosen):
    indexes, questions = setup
    return keuzehulp.advise(indexes, questions, chosen)


def test_first_and_last_answers_give_different_advice(setup):
    low = _advise(setup, doel="weten", besluit="gemeente-alleen", inzet="weinig", moment="klaar")
    high = _advise(setup, doel="zelf", besluit="inwoners", inzet="veel", moment="idee")
    assert low.rung == "informeren"
    assert high.rung == "meebeslissen"
    assert [f.slug for f in high.forms] == ["buurt-bestuurt"]
    assert [e.slug for e in high.examples] == ["rotterdam-buurt-bestuurt", "zwijndrecht-dorpsraad"]


def test_capacity_filters_forms(setup):
    fits = _advise(setup, doel="advies", besluit="gemeente-na-advies", inzet="veel", moment="concept")
    assert fits.rung == "adviseren"
    assert [f.slug for f in fits.forms] == ["dorpsraad-of-wijkraad"] and fits.forms_fit
    too_much = _advise(setup, doel="advies", besluit="gemeente-na-advies", inzet="weinig", moment="concept")
    assert too_much.rung == "adviseren"
    assert not too_much.forms_fit  # a dorpsraad asks much time; the advice says so


def test_tie_goes_to_the_lower_rung(setup):
    # raadplegen and adviseren both get points; with equal scores the lower rung wins.
    advice = _advise(setup, doel="mening", besluit="gemeente-na-advies", inzet="gemiddeld", moment="concept")
    assert advice.rung == "raadplegen"


def test_every_combination_has_advice(setup):
    indexes, questions = setup
    payload = json.loads(keuzehulp.data(indexes, questions))
    combinations = 1
    for question in questions:
        combinations *= len(question.answers)
    assert len(payload["adviezen"]) == combinations
    assert len({a["trede"] for a in payload["adviezen"].values()}) == 5


def test_unknown_rung_in_rules_is_an_error(tmp_path):
    project = make_project(tmp_path / "project")
    (project / keuzehulp.RULES_FILE).write_text(
        "vragen:\n  - id: a\n    vraag: V?\n    antwoorden:\n      - {id: b, tekst: T, waarom: W, punten: {co-creatie: 1}}\n",
        encoding="utf-8",
    )
    with pytest.raises(keuzehulp.ContentError) as caught:
        content.load(project)
    assert "'co-creatie' is geen trede" in str(caught.value)
