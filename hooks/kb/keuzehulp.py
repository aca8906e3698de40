"""The Keuzehulp: questions whose answers lead to a rung, Keuzemenu forms, tools and examples.

The rules live in data/keuzehulp.yml. The build computes the advice for every combination of
answers here, in Python where it is tested; the page's script only looks the advice up.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from pathlib import Path

import yaml

from .catalogue import GeneratedPage
from .effort import PART_LABELS, meaning, phrases
from .html import heading, items, link, relative, text
from .indexes import Indexes
from .problems import ContentError, Problem, quoted_list
from .records import Entry
from .schema import EFFORT_KEYS, KEUZEMENU, PRAKTIJKVOORBEELD, TOOLBOX
from .vocabulary import Vocabulary

RULES_FILE = "data/keuzehulp.yml"
SRC_URI = "keuzehulp/index.md"
DATA_FILE = "keuzehulp/adviezen.json"
MAX_FORMS, MAX_TOOLS, MAX_EXAMPLES = 8, 5, 5


@dataclass(frozen=True)
class Answer:
    id: str
    text: str
    why: str
    points: dict[str, int]
    capacity: dict[str, str] | None


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class Advice:
    rung: str
    reasons: tuple[str, ...]  # ids of the questions whose answer supports the rung
    forms: tuple[Entry, ...]
    forms_fit: bool  # False when no form at the rung fits the group's capacity
    tools: tuple[Entry, ...]
    examples: tuple[Entry, ...]


def load(root: Path, vocabularies: dict[str, Vocabulary]) -> tuple[Question, ...]:
    """Read the rules; a rung or effort level the vocabulary does not know is an error."""
    rungs, levels = vocabularies["ladder"].values, vocabularies["inzet"].values
    raw = yaml.safe_load((root / RULES_FILE).read_text(encoding="utf-8"))
    problems = []
    questions = []
    for q in raw["vragen"]:
        answers = []
        for a in q["antwoorden"]:
            unknown = [rung for rung in a["punten"] if rung not in rungs]
            capacity = a.get("inzet")
            if unknown:
                problems.append(Problem(RULES_FILE, 0, "punten", f"antwoord '{a['id']}': {quoted_list(unknown)} is geen trede. "
                                                                f"Toegestaan: {quoted_list(rungs)}."))
            if capacity is not None and (set(capacity) != set(EFFORT_KEYS) or not set(capacity.values()) <= set(levels)):
                problems.append(Problem(RULES_FILE, 0, "inzet", f"antwoord '{a['id']}': noem {quoted_list(EFFORT_KEYS)}, "
                                                               f"elk met een van {quoted_list(levels)}."))
            answers.append(Answer(a["id"], a["tekst"], a["waarom"], dict(a["punten"]), capacity))
        questions.append(Question(q["id"], q["vraag"], tuple(answers)))
    if problems:
        raise ContentError(problems)
    return tuple(questions)


def advise(indexes: Indexes, questions: tuple[Question, ...], chosen: dict[str, str]) -> Advice:
    rungs, levels = indexes.corpus.vocabularies["ladder"].values, indexes.corpus.vocabularies["inzet"].values
    answers = [next(a for a in q.answers if a.id == chosen[q.id]) for q in questions]
    score = {rung: sum(a.points.get(rung, 0) for a in answers) for rung in rungs}
    # On a tie the lower rung wins: higher on the ladder is not better by definition.
    rung = max(rungs, key=lambda r: (score[r], -rungs.index(r)))
    reasons = tuple(q.id for q, a in zip(questions, answers) if a.points.get(rung))

    capacity = next((a.capacity for a in answers if a.capacity), None)
    at_rung = indexes.at_rung(KEUZEMENU.key, rung)

    def fits(form: Entry) -> bool:
        effort = form.fields["inzet"]
        return capacity is None or all(levels.index(getattr(effort, k)) <= levels.index(capacity[k]) for k in EFFORT_KEYS)

    fitting = tuple(f for f in at_rung if fits(f))
    forms = (fitting or at_rung)[:MAX_FORMS]
    return Advice(rung, reasons, forms, bool(fitting), indexes.at_rung(TOOLBOX.key, rung)[:MAX_TOOLS],
                  _examples(indexes, rung, frozenset(f.slug for f in forms)))


def _examples(indexes: Indexes, rung: str, form_slugs: frozenset[str]) -> tuple[Entry, ...]:
    """Examples at the rung; those that show an advised form come first. One pass, no sort of them all."""
    showing, others = [], []
    for entry in indexes.at_rung(PRAKTIJKVOORBEELD.key, rung):  # already in title order
        (showing if form_slugs.intersection(entry.values("vormen")) else others).append(entry)
        if len(showing) >= MAX_EXAMPLES:
            break
    return tuple((showing + others)[:MAX_EXAMPLES])


def _key(questions: tuple[Question, ...], combination: tuple[Answer, ...]) -> str:
    return "&".join(f"{q.id}={a.id}" for q, a in zip(questions, combination))


def data(indexes: Indexes, questions: tuple[Question, ...]) -> str:
    vocabularies = indexes.corpus.vocabularies
    pages: dict[str, dict] = {}
    advice = {}
    for combination in itertools.product(*(q.answers for q in questions)):
        result = advise(indexes, questions, {q.id: a.id for q, a in zip(questions, combination)})
        for entry in (*result.forms, *result.tools, *result.examples):
            pages[entry.url] = {"titel": entry.titel, "samenvatting": entry.samenvatting}
        for form in result.forms:
            pages[form.url]["inzet"] = list(phrases(vocabularies, form.fields["inzet"]))
        advice[_key(questions, combination)] = {
            "trede": result.rung,
            "waarom": [next(a.why for q, a in zip(questions, combination) if q.id == reason) for reason in result.reasons],
            "passend": result.forms_fit,
            "vormen": [e.url for e in result.forms],
            "instrumenten": [e.url for e in result.tools],
            "voorbeelden": [e.url for e in result.examples],
        }
    rung_info = {t.value: {"label": t.label, "uitleg": t.description, "url": f"participatieladder/{t.value}/"}
                 for t in vocabularies["ladder"].terms}
    payload = {"vragen": [q.id for q in questions], "treden": rung_info, "paginas": pages, "adviezen": advice}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n"


def page(indexes: Indexes, questions: tuple[Question, ...]) -> GeneratedPage:
    def _capacity(answer: Answer) -> str:
        """What a group that can give this much can do, in the vocabulary's words for each effort level."""
        if not answer.capacity:
            return ""
        lines = (f"{PART_LABELS[part]}: {meaning(indexes.corpus.vocabularies, part, answer.capacity[part])}." for part in EFFORT_KEYS)
        return f' <span class="kb-rij">{text(" ".join(lines))}</span>'

    def render(page_url: str) -> str:
        ladder = indexes.corpus.vocabularies["ladder"]
        rows = [f"{link(relative(f'participatieladder/{t.value}/', page_url), t.label)}: {text(t.description)}" for t in ladder.terms]
        fieldsets = []
        for number, question in enumerate(questions, start=1):
            options = "".join(
                f'<li><input type="radio" name="{question.id}" id="kh-{question.id}-{answer.id}" value="{answer.id}" required>'
                f' <label for="kh-{question.id}-{answer.id}">{text(answer.text)}{_capacity(answer)}</label></li>'
                for answer in question.answers
            )
            fieldsets.append(f'<fieldset class="kb-vraag"><legend>Vraag {number}. {text(question.text)}</legend>'
                             f'<ul class="kb-opties">{options}</ul></fieldset>')
        return (
            "<p>Welke vorm van participatie past bij jullie vraag? Beantwoord vier korte vragen. Je krijgt dan een "
            "advies: een trede van de participatieladder, vormen uit het Keuzemenu, instrumenten en voorbeelden.</p>"
            f'<div id="kb-keuzehulp" data-advies="{relative(DATA_FILE, page_url)}" data-base="{relative("", page_url)}" hidden>'
            f'<form id="kb-keuzehulp-vragen" class="kb-keuzehulp" aria-label="Keuzehulp">{"".join(fieldsets)}'
            '<p><button type="submit" class="md-button md-button--primary">Toon advies</button></p></form>'
            '<div id="kb-advies" tabindex="-1" aria-live="polite"></div></div>'
            + heading(2, "de-ladder", "De participatieladder in het kort")
            + "<p>Hoe hoger op de ladder, hoe meer invloed inwoners hebben. Maar hoger is niet altijd beter. "
              "Kies samen met de gemeente de trede die past bij de vraag.</p>"
            + items(rows, tag="ol")
            + f'<p>Bekijk alle vormen in het {link(relative("keuzemenu/", page_url), "Keuzemenu")} '
              f'of lees meer over de {link(relative("participatieladder/", page_url), "participatieladder")}.</p>'
        )

    return GeneratedPage(SRC_URI, "Keuzehulp", render)
