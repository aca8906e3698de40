"""Read one content file into a frozen, validated record, collecting every mistake in it.

YAML is read strictly, within limits, with node positions (yamlread). MkDocs' own front-matter
reader never sees an entry: the build hands it the body parsed here, so what this module
accepts is exactly what is published.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TypedDict, TypeVar, cast

import yaml

from . import bodycheck, kinds, urls, yamlread
from .kinds import Effort, Period, Source, Value
from .problems import Problem, did_you_mean, quoted_list
from .scaffold import placeholders
from .schema import LAST_YEAR as LAST_YEAR  # the newest year allowed, for the tests' expected messages
from .schema import SLUG_PATTERN, Collection
from .vocabulary import Vocabulary

_SLUG = re.compile(SLUG_PATTERN)


class Fields(TypedDict, total=False):
    """An entry's front matter after `read`: each key of schema.py with the type its Kind reads into
    (tests/test_records.py checks that the two agree). Keys a collection does not have, and
    optional fields left out, are absent."""

    titel: str
    samenvatting: str
    gemeente: tuple[str, ...]
    provincie: tuple[str, ...]
    jaar: int
    ladder: tuple[str, ...]
    bronnen: tuple[Source, ...]
    inwoners: int
    themas: tuple[str, ...]
    overheidsrol: tuple[str, ...]
    vormen: tuple[str, ...]
    instrumenten: tuple[str, ...]
    gerelateerd: tuple[str, ...]
    status: str
    onderbouwing: str
    deelnemers: int
    budget: int
    periode: Period
    initiatief: tuple[str, ...]
    inzet: Effort
    fase: tuple[str, ...]
    doelgroep: tuple[str, ...]
    trede: str


_T = TypeVar("_T")


@dataclass(frozen=True)
class Entry:
    collection: str
    slug: str
    path: str  # relative to the project root, with forward slashes
    url: str  # site-relative, e.g. 'praktijkvoorbeelden/zwolle/'
    src_uri: str  # where MkDocs finds the page, e.g. 'praktijkvoorbeelden/zwolle.md'
    fields: Fields
    lines: Mapping[str, int]
    body: str
    body_line: int = 1  # line of the file where the body starts, for messages about the body

    @property
    def titel(self) -> str:
        return self.fields["titel"]

    @property
    def samenvatting(self) -> str:
        return self.fields["samenvatting"]

    def values(self, key: str) -> tuple[str, ...]:
        """A list-valued field, empty when the entry does not have it."""
        # Every list field holds strings but `bronnen`, which callers read through `fields`.
        return cast(tuple[str, ...], self.fields.get(key, ()))

    def value(self, key: str) -> Value | None:
        """A field named by a variable (a declaration's key), None when the entry does not have it."""
        return cast(Mapping[str, Value], self.fields).get(key)

    def typed(self, key: str, kind: type[_T]) -> _T:
        """A field a declaration shows as `kind`; reading it any other way is a mistake in schema.py."""
        value = self.value(key)
        if not isinstance(value, kind):
            raise TypeError(f"{self.path}: {key} is {type(value).__name__}, not {kind.__name__}")
        return value

    def line(self, key: str) -> int:
        return self.lines.get(key, 0)


def read(
    path: Path, rel: str, collection: Collection, vocabularies: dict[str, Vocabulary], slug: str = ""
) -> tuple[Entry | None, list[Problem]]:
    """Parse and validate one file. Returns the entry (None when it cannot be read) and its problems."""
    problems: list[Problem] = []

    def problem(line: int, field: str, message: str) -> None:
        problems.append(Problem(rel, line, field, message))

    slug = slug or path.stem
    if not _SLUG.match(path.stem):
        problem(
            0,
            "",
            f"de bestandsnaam '{path.name}' mag alleen kleine letters, cijfers en streepjes bevatten, "
            f"bijvoorbeeld '{_suggest_slug(slug)}.md'.",
        )
    text, found = yamlread.read_text(path, rel)
    problems += found
    if text is None:
        return None, problems
    front, found = yamlread.split(text, rel)
    problems += found
    if front is None:
        if not found:
            problem(
                1,
                "",
                "de front matter ontbreekt. Begin het bestand met een regel '---', dan de velden, "
                "en sluit af met nog een regel '---'.",
            )
        return None, problems
    body = front.body
    offset = front.first_line
    problems += bodycheck.problems(rel, body, front.body_line)
    root, found = yamlread.compose(front.yaml, rel, offset)
    problems += found
    if root is None and found:
        return None, problems
    if root is None:
        root = yaml.MappingNode("tag:yaml.org,2002:map", [])
    if not isinstance(root, yaml.MappingNode):
        problem(root.start_mark.line + offset, "", "de front matter moet uit velden bestaan, zoals 'titel: ...'.")
        return None, problems

    nodes: dict[str, yaml.Node] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in root.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.value in nodes:
            continue  # reported by yamlread
        key = key_node.value
        line = key_node.start_mark.line + offset
        if key not in collection.keys:
            problem(
                line,
                key,
                f"dit veld is onbekend bij een {collection.label}.{did_you_mean(key, collection.keys, _KEY_ALIASES)} "
                f"Toegestane velden: {quoted_list(collection.keys)}.",
            )
            continue
        nodes[key] = value_node
        lines[key] = line

    values: dict[str, object] = {}
    for field in collection.fields:
        node = nodes.get(field.key)
        if node is None or kinds.is_empty(node):
            if field.required:
                problem(
                    lines.get(field.key, 0),
                    field.key,
                    f"dit verplichte veld {'is leeg' if node is not None else 'ontbreekt'}. "
                    f"Vul in: {field.description.rstrip('?.')}.",
                )
            continue

        def report(line: int, message: str, key: str = field.key) -> None:
            problem(line, key, message)

        value = kinds.read(field, node, kinds.Reading(offset, vocabularies, report, lines))
        if value is not None:
            values[field.key] = value

    problems += placeholders(rel, collection, values, lines, body, text)
    named = collection.named_by
    if named and values.get(named) not in (None, slug):
        problem(
            lines[named],
            named,
            f"'{values[named]}' hoort bij de bestandsnaam '{values[named]}.md', maar dit bestand heet '{path.name}'.",
        )
    # An entry with mistakes still takes part in the checks across files (so a typo in one form does
    # not also report every link to it as broken); the build stops on its problems anyway.
    problems = yamlread.at_most(problems, rel)
    if problems and not values.get("titel"):
        return None, problems
    entry = Entry(
        collection=collection.key,
        slug=slug,
        path=rel,
        url=urls.entry(collection.url_prefix, slug),
        src_uri=urls.entry_src(collection.url_prefix, slug),
        fields=cast(Fields, MappingProxyType(values)),  # each value converted by its field's Kind above
        lines=MappingProxyType(lines),
        body=body,
        body_line=front.body_line,
    )
    return entry, problems


_KEY_ALIASES = {
    "title": "titel",
    "thema": "themas",
    "thema's": "themas",
    "themes": "themas",
    "provincies": "provincie",
    "gemeenten": "gemeente",
    "year": "jaar",
    "bron": "bronnen",
    "sources": "bronnen",
    "vorm": "vormen",
    "instrument": "instrumenten",
    "tools": "instrumenten",
    "rol": "overheidsrol",
    "overheidsrollen": "overheidsrol",
    "trede": "ladder",
    "treden": "ladder",
    "participatieladder": "ladder",
    "aantal_inwoners": "inwoners",
    "inwonertal": "inwoners",
    "summary": "samenvatting",
    "related": "gerelateerd",
    "fases": "fase",
    "fasen": "fase",
    "doelgroepen": "doelgroep",
}


def _suggest_slug(stem: str) -> str:
    from .textutil import slugify

    return slugify(stem) or "nieuw-voorbeeld"
