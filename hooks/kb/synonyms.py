"""data/synoniemen.yml: groups of words the site search treats as one, kept by editors."""

from __future__ import annotations

from pathlib import Path

import yaml

from .dutch import key
from .problems import ContentError, Problem
from .textutil import fold

SYNONYMS_FILE = "data/synoniemen.yml"
_FIELDS = ("woorden", "waarom")


def load(root: Path) -> tuple[tuple[str, ...], ...]:
    """The synonym groups, each as its editors wrote the words; every mistake in one ContentError."""
    path = root / SYNONYMS_FILE
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContentError([Problem(SYNONYMS_FILE, 0, "", "dit bestand ontbreekt.")]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ContentError([Problem(SYNONYMS_FILE, mark.line + 1 if mark else 0, "",
                                    "dit is geen geldige YAML. Kijk naar inspringen, dubbele punten en aanhalingstekens.")]) from None
    if not isinstance(raw, dict) or not isinstance(raw.get("groepen"), list):
        raise ContentError([Problem(SYNONYMS_FILE, 0, "groepen", "verwacht een lijst 'groepen:' met groepen woorden.")])
    problems: list[Problem] = []
    groups: list[tuple[str, ...]] = []
    seen: dict[str, int] = {}  # key -> number of the group that has it
    for number, group in enumerate(raw["groepen"], start=1):
        where = f"groep {number}"
        if not isinstance(group, dict):
            problems.append(Problem(SYNONYMS_FILE, 0, "groepen", f"{where}: verwacht 'woorden:' en 'waarom:', gevonden: {group!r}."))
            continue
        for extra in sorted(set(group) - set(_FIELDS)):
            problems.append(Problem(SYNONYMS_FILE, 0, str(extra), f"{where}: onbekend veld. Toegestaan: 'woorden' en 'waarom'."))
        if not isinstance(group.get("waarom"), str) or not group["waarom"].strip():
            problems.append(Problem(SYNONYMS_FILE, 0, "waarom", f"{where}: schrijf op in welke bron of pagina deze woorden hetzelfde betekenen."))
        members = group.get("woorden")
        if not isinstance(members, list) or len(members) < 2:
            problems.append(Problem(SYNONYMS_FILE, 0, "woorden", f"{where}: noem twee of meer woorden, gevonden: {members!r}."))
            continue
        good = True
        for member in members:
            if not isinstance(member, str) or not member.strip().isalpha():
                problems.append(Problem(SYNONYMS_FILE, 0, "woorden",
                                        f"{where}: '{member}' is geen los woord. Gebruik alleen letters, zonder spaties of cijfers."))
                good = False
                continue
            member_key = key(fold(member.strip()))
            if member_key in seen and seen[member_key] != number:
                problems.append(Problem(SYNONYMS_FILE, 0, "woorden",
                                        f"{where}: '{member}' staat ook in groep {seen[member_key]}. Een woord staat in maar een groep."))
                good = False
            seen[member_key] = number
        if good:
            groups.append(tuple(member.strip() for member in members))
    if problems:
        raise ContentError(problems)
    return tuple(groups)
