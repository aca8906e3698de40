"""The controlled vocabularies, loaded from the one file that defines them (data/vocabulaire.yml)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .textutil import slugify

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader


@dataclass(frozen=True)
class Term:
    value: str
    label: str
    description: str
    aliases: tuple[str, ...] = ()
    meanings: dict[str, str] = field(default_factory=dict, hash=False)  # per part, e.g. an effort level's 'tijd'

    @property
    def slug(self) -> str:
        return slugify(self.value)


@dataclass(frozen=True)
class Vocabulary:
    key: str
    name: str
    description: str
    terms: tuple[Term, ...]

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(term.value for term in self.terms)

    def term(self, value: str) -> Term:
        for term in self.terms:
            if term.value == value:
                return term
        raise KeyError(value)

    def position(self, value: str) -> int:
        return self.values.index(value)


def load(path: Path) -> dict[str, Vocabulary]:
    with open(path, encoding="utf-8") as stream:
        raw = yaml.load(stream, Loader=_Loader)
    return {
        key: Vocabulary(
            key=key,
            name=spec["naam"],
            description=spec["uitleg"],
            terms=tuple(
                Term(
                    value=str(item["waarde"]),
                    label=str(item["label"]),
                    description=str(item["uitleg"]),
                    aliases=tuple(str(alias) for alias in item.get("ook", ())),
                    meanings={str(part): str(meaning) for part, meaning in (item.get("betekenis") or {}).items()},
                )
                for item in spec["waarden"]
            ),
        )
        for key, spec in raw.items()
    }
