"""The Keuzehulp: questions whose answers lead to a rung, Keuzemenu forms, tools and examples.

The rules live in data/keuzehulp.yml. The build computes the advice for every combination of
answers here, in Python where it is tested; the page's script only looks the advice up.
"""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import urls, yamlread
from .effort import PART_LABELS, meaning, phrases
from .generated import GeneratedPage
from .html import heading, items, link, relative, text
from .indexes import Indexes
from .problems import ContentError, quoted_list
from .records import Entry
from .schema import EFFORT_KEYS, KEUZEMENU, PRAKTIJKVOORBEELD, TOOLBOX
from .vocabulary import Vocabulary

RULES_FILE = "data/keuzehulp.yml"
MAX_FORMS, MAX_TOOLS, MAX_EXAMPLES = 8, 5, 5
# Every combination of answers is computed in advance; this keeps the build and the data file small.
MAX_COMBINATIONS = 2000
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")  # ids become HTML ids, form names and JSON keys


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
    """Read and check the rules; raise ContentError listing every mistake in the file."""
    rungs, levels = vocabularies["ladder"].values, vocabularies["inzet"].values
    data = yamlread.open_data_file(root / RULES_FILE, RULES_FILE, "dit bestand is leeg. Hier horen de vragen.", "vragen")
    problems, report, rules = data.problems, data.report, data.root
    top = yamlread.mapping(rules, "", report, {"vragen": True}) or {}
    questions: list[Question] = []
    combinations = 1
    questions_in_file = (
        yamlread.groups(top.get("vragen", rules), "vragen", report, {"id": True, "vraag": True, "antwoorden": True})
        if top
        else iter(())
    )
    for where, q_node, q in questions_in_file:
        answers: list[Answer] = []
        for a_where, _, a in yamlread.groups(
            q.get("antwoorden", q_node),
            f"{where}.antwoorden",
            report,
            {"id": True, "tekst": True, "waarom": True, "punten": True, "inzet": False},
        ):
            answer_id = _id(a.get("id"), f"{a_where}.id", report)
            texts = yamlread.scalars(a, ("tekst", "waarom"), a_where, report)
            points = _points(a.get("punten"), f"{a_where}.punten", rungs, report)
            capacity = _capacity(a.get("inzet"), f"{a_where}.inzet", levels, report)
            if answer_id is not None and texts is not None and points is not None and capacity != {}:
                answers.append(Answer(answer_id, texts["tekst"], texts["waarom"], points, capacity))
        question_id = _id(q.get("id"), f"{where}.id", report)
        question_text = yamlread.scalar(q.get("vraag"), f"{where}.vraag", report)
        for answer in _duplicates([a.id for a in answers]):
            report(q_node, f"{where}.antwoorden", f"het id '{answer}' staat twee keer bij deze vraag.")
        if question_id and question_text and answers:
            questions.append(Question(question_id, question_text, tuple(answers)))
            combinations *= len(answers)
    for question in _duplicates([q.id for q in questions]):
        report(rules, "vragen", f"het id '{question}' staat twee keer bij de vragen.")
    if combinations > MAX_COMBINATIONS:
        report(
            rules,
            "vragen",
            f"de vragen geven samen {combinations} combinaties van antwoorden. Toegestaan: hoogstens "
            f"{MAX_COMBINATIONS}, want de site rekent elk advies vooraf uit. Gebruik minder vragen of antwoorden.",
        )
    if problems:
        raise ContentError(problems)
    return tuple(questions)


def _id(node: yaml.Node | None, field: str, report: yamlread.Report) -> str | None:
    value = yamlread.scalar(node, field, report)
    if node is not None and value is not None and not _ID.match(value):
        report(node, field, f"'{value}' is geen geldig id. Toegestaan: kleine letters, cijfers en streepjes, zoals 'mening'.")
        return None
    return value


def _points(node: yaml.Node | None, field: str, rungs: tuple[str, ...], report: yamlread.Report) -> dict[str, int] | None:
    if node is None:
        return None
    if not isinstance(node, yaml.MappingNode):
        report(node, field, f"hier horen treden met punten, zoals {{raadplegen: 3}}, maar er staat {yamlread.shown(node)}.")
        return None
    points = {}
    for key, value in node.value:
        if key.value not in rungs:
            report(key, field, f"'{key.value}' is geen trede. Toegestaan: {quoted_list(rungs)}.")
        elif not (isinstance(value, yaml.ScalarNode) and re.fullmatch(r"\d{1,2}", value.value.strip())):
            report(
                value, field, f"{yamlread.shown(value)} is geen aantal punten. Toegestaan: een heel getal van 0 tot en met 99."
            )
        else:
            points[key.value] = int(value.value)
    return points if len(points) == len(node.value) else None


def _capacity(node: yaml.Node | None, field: str, levels: tuple[str, ...], report: yamlread.Report) -> dict[str, str] | None:
    """None when the answer says nothing about capacity; {} when what it says is wrong."""
    if node is None:
        return None
    found = yamlread.mapping(node, field, report, {key: True for key in EFFORT_KEYS})
    if found is None or len(found) < len(EFFORT_KEYS):
        return {}
    capacity = {}
    for key, value in found.items():
        level = yamlread.scalar(value, f"{field}.{key}", report)
        if level is not None and level not in levels:
            report(value, f"{field}.{key}", f"'{level}' is geen inzet. Toegestaan: {quoted_list(levels)}.")
        elif level is not None:
            capacity[key] = level
    return capacity if len(capacity) == len(EFFORT_KEYS) else {}


def _duplicates(ids: list[str]) -> list[str]:
    return sorted({value for value in ids if ids.count(value) > 1})


def advise(indexes: Indexes, questions: tuple[Question, ...], chosen: dict[str, str]) -> Advice:
    rungs, levels = indexes.vocabulary("ladder").values, indexes.vocabulary("inzet").values
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
    return Advice(
        rung,
        reasons,
        forms,
        bool(fitting),
        indexes.at_rung(TOOLBOX.key, rung)[:MAX_TOOLS],
        _examples(indexes, rung, frozenset(f.slug for f in forms)),
    )


def _examples(indexes: Indexes, rung: str, form_slugs: frozenset[str]) -> tuple[Entry, ...]:
    """Examples at the rung; those that show an advised form come first. One pass, no sort of them all."""
    showing: list[Entry] = []
    others: list[Entry] = []
    for entry in indexes.at_rung(PRAKTIJKVOORBEELD.key, rung):  # already in title order
        (showing if form_slugs.intersection(entry.values("vormen")) else others).append(entry)
        if len(showing) >= MAX_EXAMPLES:
            break
    return tuple((showing + others)[:MAX_EXAMPLES])


def _key(questions: tuple[Question, ...], combination: tuple[Answer, ...]) -> str:
    return "&".join(f"{q.id}={a.id}" for q, a in zip(questions, combination))


def data(indexes: Indexes, questions: tuple[Question, ...]) -> str:
    pages: dict[str, dict[str, object]] = {}
    advice = {}
    for combination in itertools.product(*(q.answers for q in questions)):
        result = advise(indexes, questions, {q.id: a.id for q, a in zip(questions, combination)})
        for entry in (*result.forms, *result.tools, *result.examples):
            pages[entry.url] = {"titel": entry.titel, "samenvatting": entry.samenvatting}
        for form in result.forms:
            pages[form.url]["inzet"] = list(phrases(indexes.vocabularies, form.fields["inzet"]))
        advice[_key(questions, combination)] = {
            "trede": result.rung,
            "waarom": [next(a.why for q, a in zip(questions, combination) if q.id == reason) for reason in result.reasons],
            "passend": result.forms_fit,
            "vormen": [e.url for e in result.forms],
            "instrumenten": [e.url for e in result.tools],
            "voorbeelden": [e.url for e in result.examples],
        }
    rung_info = {
        t.value: {"label": t.label, "uitleg": t.description, "url": urls.rung(t.value)}
        for t in indexes.vocabulary("ladder").terms
    }
    payload = {"vragen": [q.id for q in questions], "treden": rung_info, "paginas": pages, "adviezen": advice}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n"


def page(indexes: Indexes, questions: tuple[Question, ...]) -> GeneratedPage:
    def _capacity(answer: Answer) -> str:
        """What a group that can give this much can do, in the vocabulary's words for each effort level."""
        if not answer.capacity:
            return ""
        lines = (f"{PART_LABELS[part]}: {meaning(indexes.vocabularies, part, answer.capacity[part])}." for part in EFFORT_KEYS)
        return f' <span class="kb-rij">{text(" ".join(lines))}</span>'

    def render(page_url: str) -> str:
        ladder = indexes.vocabulary("ladder")
        rows = [f"{link(relative(urls.rung(t.value), page_url), t.label)}: {text(t.description)}" for t in ladder.terms]
        fieldsets = []
        for number, question in enumerate(questions, start=1):
            options = "".join(
                f'<li><input type="radio" name="{question.id}" id="kh-{question.id}-{answer.id}" value="{answer.id}" required>'
                f' <label for="kh-{question.id}-{answer.id}">{text(answer.text)}{_capacity(answer)}</label></li>'
                for answer in question.answers
            )
            fieldsets.append(
                f'<fieldset class="kb-vraag"><legend>Vraag {number}. {text(question.text)}</legend>'
                f'<ul class="kb-opties">{options}</ul></fieldset>'
            )
        return (
            "<p>Welke vorm van participatie past bij jullie vraag? Beantwoord vier korte vragen. Je krijgt dan een "
            "advies: een trede van de participatieladder, vormen uit het Keuzemenu, instrumenten en voorbeelden.</p>"
            f'<div id="kb-keuzehulp" data-advies="{relative(urls.KEUZEHULP_DATA, page_url)}" data-base="{relative(urls.HOME, page_url)}" hidden>'
            f'<form id="kb-keuzehulp-vragen" class="kb-keuzehulp" aria-label="Keuzehulp">{"".join(fieldsets)}'
            '<p><button type="submit" class="md-button md-button--primary">Toon advies</button></p></form>'
            '<div id="kb-advies" tabindex="-1" aria-live="polite"></div></div>'
            + heading(2, "de-ladder", "De participatieladder in het kort")
            + "<p>Hoe hoger op de ladder, hoe meer invloed inwoners hebben. Maar hoger is niet altijd beter. "
            "Kies samen met de gemeente de trede die past bij de vraag.</p>"
            + items(rows, tag="ol")
            + f"<p>Bekijk alle vormen in het {link(relative(urls.section(urls.KEUZEMENU), page_url), 'Keuzemenu')} "
            f"of lees meer over de {link(relative(urls.section(urls.PARTICIPATIELADDER), page_url), 'participatieladder')}.</p>"
        )

    return GeneratedPage(urls.KEUZEHULP_SRC, "Keuzehulp", render)
