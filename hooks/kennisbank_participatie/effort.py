"""What a form asks, in words: the one wording of each effort level per part (tijd, geld, mensen).

The wording lives in data/vocabulaire.yml (`betekenis` of each `inzet` level). The overview, the form
pages, the Keuzehulp, the booklet, the comparison and the gesprekskaart all take it from here.
"""

from __future__ import annotations

from collections.abc import Mapping

from .kinds import Effort
from .problems import Problem, quoted_list
from .schema import EFFORT_KEYS
from .vocabulary import Vocabulary

VOCABULARY = "inzet"
PART_LABELS = {"tijd": "Tijd", "geld": "Geld", "mensen": "Mensen"}


def problems(vocabularies: Mapping[str, Vocabulary], file: str) -> list[Problem]:
    """Every level says what it means for every part, or the build stops and names what is missing."""
    found = []
    for term in vocabularies[VOCABULARY].terms:
        missing = [part for part in EFFORT_KEYS if not term.meanings.get(part, "").strip()]
        if missing:
            found.append(
                Problem(
                    file,
                    0,
                    VOCABULARY,
                    f"bij '{term.value}' ontbreekt de betekenis voor {quoted_list(missing)}. "
                    f"Schrijf onder 'betekenis' wat '{term.value}' betekent voor "
                    f"{quoted_list(EFFORT_KEYS)}.",
                )
            )
    return found


def level_label(vocabularies: Mapping[str, Vocabulary], level: str) -> str:
    return vocabularies[VOCABULARY].term(level).label.lower()


def meaning(vocabularies: Mapping[str, Vocabulary], part: str, level: str) -> str:
    """'één keer of af en toe, bijvoorbeeld een avond'"""
    return vocabularies[VOCABULARY].term(level).meanings[part]


def phrase(vocabularies: Mapping[str, Vocabulary], part: str, level: str) -> str:
    """'Tijd: weinig — één keer of af en toe, bijvoorbeeld een avond'"""
    return f"{PART_LABELS[part]}: {level_label(vocabularies, level)} — {meaning(vocabularies, part, level)}"


def phrases(vocabularies: Mapping[str, Vocabulary], effort: Effort) -> tuple[str, ...]:
    return tuple(phrase(vocabularies, part, getattr(effort, part)) for part in EFFORT_KEYS)
