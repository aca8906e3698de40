"""data/synoniemen.yml: groups of words the site search treats as one, kept by editors."""

from __future__ import annotations

from pathlib import Path

import yaml

from . import yamlread
from .dutch import key
from .problems import ContentError
from .textutil import fold

SYNONYMS_FILE = "data/synoniemen.yml"
_GROUP_FIELDS = {"woorden": True, "waarom": True}


def load(root: Path) -> tuple[tuple[str, ...], ...]:
    """The synonym groups, each as its editors wrote the words; every mistake in one ContentError.
    Read within the limits of every data file (no anchors, depth, size), with file, line and field."""
    data = yamlread.open_data_file(
        root / SYNONYMS_FILE,
        SYNONYMS_FILE,
        "dit bestand is leeg. Hier hoort een lijst 'groepen:' met groepen woorden.",
        "groepen",
    )
    report = data.report
    top = yamlread.mapping(data.root, "", report, {"groepen": True}) or {}
    groups: list[tuple[str, ...]] = []
    seen: dict[str, int] = {}  # key -> number of the group that has it
    for number, group_node in enumerate(
        yamlread.sequence(top["groepen"], "groepen", report) if "groepen" in top else [], start=1
    ):
        where = f"groepen[{number}]"
        group = yamlread.mapping(group_node, where, report, _GROUP_FIELDS)
        if group is None:
            continue
        why = group.get("waarom")
        if why is not None and not (isinstance(why, yaml.ScalarNode) and why.tag != yamlread.NULL_TAG and why.value.strip()):
            report(
                why,
                f"{where}.waarom",
                f"hier hoort tekst, maar er staat {yamlread.shown(why)}. Schrijf op in welke bron "
                f"of pagina deze woorden hetzelfde betekenen.",
            )
        if "woorden" not in group:
            continue
        members = yamlread.sequence(group["woorden"], f"{where}.woorden", report)
        if len(members) == 1:
            report(group["woorden"], f"{where}.woorden", "noem twee of meer woorden die hetzelfde betekenen.")
            continue
        words: list[str] = []
        for member in members:
            word = yamlread.scalar(member, f"{where}.woorden", report)
            if word is None:
                continue
            if not word.isalpha():
                report(
                    member, f"{where}.woorden", f"'{word}' is geen los woord. Gebruik alleen letters, zonder spaties of cijfers."
                )
                continue
            member_key = key(fold(word))
            if seen.get(member_key, number) != number:
                report(
                    member,
                    f"{where}.woorden",
                    f"'{word}' staat ook in groep {seen[member_key]}. Een woord staat in maar één groep.",
                )
                continue
            seen[member_key] = number
            words.append(word)
        if len(words) == len(members):
            groups.append(tuple(words))
    if data.problems:
        raise ContentError(data.problems)
    return tuple(groups)
