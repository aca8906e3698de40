"""Read one content file into a frozen, validated record, collecting every mistake in it.

YAML is read strictly, within limits, with node positions (yamlread). MkDocs' own front-matter
reader never sees an entry: the build hands it the body parsed here, so what this module
accepts is exactly what is published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

import yaml

from . import bodycheck, urls, yamlread
from .problems import Problem, did_you_mean, quoted_list
from .scaffold import placeholders
from .schema import EFFORT_KEYS, PERIOD_KEYS, SOURCE_KEYS, Collection, Field, Kind
from .vocabulary import Vocabulary

_NULL = "tag:yaml.org,2002:null"
_YEAR = re.compile(r"^\d{4}$")
_COUNT = re.compile(r"^(\d{1,3}(\.\d{3})+|\d+)$")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_PAGE = re.compile(r"^\d+([-–]\d+)?$")
MAX_ITEMS = 100  # in one list field; real entries have fewer than 20


@dataclass(frozen=True)
class Source:
    titel: str
    uitgever: str
    jaar: int
    pagina: str = ""
    url: str = ""


@dataclass(frozen=True)
class Effort:
    tijd: str
    geld: str
    mensen: str


@dataclass(frozen=True)
class Period:
    van: int
    tot: int | None = None


@dataclass(frozen=True)
class Entry:
    collection: str
    slug: str
    path: str  # relative to the project root, with forward slashes
    url: str  # site-relative, e.g. 'praktijkvoorbeelden/zwolle/'
    src_uri: str  # where MkDocs finds the page, e.g. 'praktijkvoorbeelden/zwolle.md'
    fields: Mapping[str, object]
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
        return self.fields.get(key, ())

    def line(self, key: str) -> int:
        return self.lines.get(key, 0)


def read(path: Path, rel: str, collection: Collection, vocabularies: dict[str, Vocabulary],
         slug: str = "") -> tuple[Entry | None, list[Problem]]:
    """Parse and validate one file. Returns the entry (None when it cannot be read) and its problems."""
    problems: list[Problem] = []

    def problem(line: int, field: str, message: str) -> None:
        problems.append(Problem(rel, line, field, message))

    slug = slug or path.stem
    if not _SLUG.match(path.stem):
        problem(0, "", f"de bestandsnaam '{path.name}' mag alleen kleine letters, cijfers en streepjes bevatten, "
                       f"bijvoorbeeld '{_suggest_slug(slug)}.md'.")
    text, found = yamlread.read_text(path, rel)
    problems += found
    if text is None:
        return None, problems
    front, found = yamlread.split(text, rel)
    problems += found
    if front is None:
        if not found:
            problem(1, "", "de front matter ontbreekt. Begin het bestand met een regel '---', dan de velden, "
                           "en sluit af met nog een regel '---'.")
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
            problem(line, key, f"dit veld is onbekend bij een {collection.label}.{did_you_mean(key, collection.keys, _KEY_ALIASES)} "
                               f"Toegestane velden: {quoted_list(collection.keys)}.")
            continue
        nodes[key] = value_node
        lines[key] = line

    values: dict[str, object] = {}
    for field in collection.fields:
        node = nodes.get(field.key)
        if node is None or _is_empty(node):
            if field.required:
                problem(lines.get(field.key, 0), field.key,
                        f"dit verplichte veld {'is leeg' if node is not None else 'ontbreekt'}. "
                        f"Vul in: {field.description.rstrip('?.')}.")
            continue
        value = _convert(field, node, offset, vocabularies, lambda line, message, f=field.key: problem(line, f, message), lines)
        if value is not None:
            values[field.key] = value

    problems += placeholders(rel, collection, values, lines, body, text)
    if collection.key == "trede" and values.get("trede") not in (None, slug):
        problem(lines["trede"], "trede", f"'{values['trede']}' hoort bij de bestandsnaam '{values['trede']}.md', "
                                         f"maar dit bestand heet '{path.name}'.")
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
        fields=MappingProxyType(values),
        lines=MappingProxyType(lines),
        body=body,
        body_line=front.body_line,
    )
    return entry, problems


_KEY_ALIASES = {
    "title": "titel", "thema": "themas", "thema's": "themas", "themes": "themas", "provincies": "provincie",
    "gemeenten": "gemeente", "year": "jaar", "bron": "bronnen", "sources": "bronnen", "vorm": "vormen",
    "instrument": "instrumenten", "tools": "instrumenten", "rol": "overheidsrol", "overheidsrollen": "overheidsrol",
    "trede": "ladder", "treden": "ladder", "participatieladder": "ladder", "aantal_inwoners": "inwoners",
    "inwonertal": "inwoners", "summary": "samenvatting", "related": "gerelateerd", "fases": "fase",
    "fasen": "fase", "doelgroepen": "doelgroep",
}

def _suggest_slug(stem: str) -> str:
    from .textutil import slugify

    return slugify(stem) or "nieuw-voorbeeld"


def _is_empty(node: yaml.Node) -> bool:
    if isinstance(node, yaml.ScalarNode):
        return node.tag == _NULL or not node.value.strip()
    return not node.value


def _line(node: yaml.Node, offset: int) -> int:
    return node.start_mark.line + offset


def _shown(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode):
        return f"'{node.value}'"
    return "een lijst" if isinstance(node, yaml.SequenceNode) else "een groep velden"


def _items(node: yaml.Node) -> list[yaml.Node]:
    """List fields also accept a single value."""
    return list(node.value) if isinstance(node, yaml.SequenceNode) else [node]


def _convert(field: Field, node: yaml.Node, offset: int, vocabularies: dict[str, Vocabulary], problem, lines: dict[str, int]):
    line = _line(node, offset)
    kind = field.kind
    if isinstance(node, yaml.SequenceNode) and len(node.value) > MAX_ITEMS:
        problem(line, f"deze lijst heeft {len(node.value)} onderdelen. Toegestaan: hoogstens {MAX_ITEMS}.")
        return None

    def text(item: yaml.Node) -> str | None:
        if not isinstance(item, yaml.ScalarNode):
            problem(_line(item, offset), f"hier hoort tekst, maar er staat {_shown(item)}.")
            return None
        if item.tag == _NULL or not item.value.strip():
            problem(_line(item, offset), "deze waarde is leeg.")
            return None
        return item.value.strip()

    if kind is Kind.TEXT:
        return text(node)
    if kind is Kind.TEXTS:
        found = [text(item) for item in _items(node)]
        return tuple(dict.fromkeys(v for v in found if v)) if None not in found else None
    if kind is Kind.YEAR:
        return _year(node, offset, problem)
    if kind is Kind.COUNT:
        raw = node.value.replace(" ", "") if isinstance(node, yaml.ScalarNode) else ""
        if not _COUNT.match(raw):
            problem(line, f"{_shown(node)} is geen aantal. Toegestaan: een heel getal, zoals 45000 of \"45.000\".")
            return None
        if raw.count(".") == 1 and not node.style:  # plain, not quoted (the C loader says "", the Python one None)
            # YAML 1.2 readers, the web editor's among them, read a bare 45.000 as the fraction 45
            # (9.000.000, with two dots, is no number to any reader and stays unambiguous).
            problem(line, f"zet {raw} tussen aanhalingstekens (\"{raw}\") of schrijf {raw.replace('.', '')}: "
                          f"anders lezen andere programma's, zoals de webeditor, het als {raw.split('.')[0]}.")
            return None
        return int(raw.replace(".", ""))
    if kind in (Kind.TERM, Kind.TERMS):
        allowed = [term for key in field.vocabulary for term in vocabularies[key].terms]
        if kind is Kind.TERM and not isinstance(node, yaml.ScalarNode):
            problem(line, f"hier hoort één waarde, maar er staat {_shown(node)}. Toegestaan: {quoted_list(t.value for t in allowed)}.")
            return None
        found = []
        for item in _items(node):
            value = text(item)
            if value is None:
                continue
            if value not in {term.value for term in allowed}:
                aliases = {alias: term.value for term in allowed for alias in term.aliases}
                problem(_line(item, offset),
                        f"'{value}' is geen toegestane waarde.{did_you_mean(value, [t.value for t in allowed], aliases)} "
                        f"Toegestaan: {quoted_list(t.value for t in allowed)}.")
                continue
            found.append(value)
        if kind is Kind.TERM:
            return found[0] if found else None
        return tuple(dict.fromkeys(found))
    if kind is Kind.REFS:
        found = []
        for item in _items(node):
            value = text(item)
            if value is not None:
                lines[f"{field.key}[{len(found)}]"] = _line(item, offset)
                found.append(value)
        return tuple(found)
    if kind is Kind.SOURCES:
        return _sources(node, offset, problem)
    if kind is Kind.EFFORT:
        return _effort(node, offset, vocabularies[field.vocabulary[0]], problem)
    if kind is Kind.PERIOD:
        return _period(node, offset, problem)
    raise AssertionError(kind)


# A year the sources can describe: from 1900 up to next year (a plan announced for next year).
FIRST_YEAR, LAST_YEAR = 1900, date.today().year + 1


def _year(node: yaml.Node, offset: int, problem) -> int | None:
    allowed = f"Toegestaan: een jaar van {FIRST_YEAR} tot en met {LAST_YEAR}, in cijfers, zoals 2013."
    if isinstance(node, yaml.ScalarNode) and _YEAR.match(node.value.strip()):
        year = int(node.value)
        if FIRST_YEAR <= year <= LAST_YEAR:
            return year
        problem(_line(node, offset), f"{year} ligt buiten de jaren die kunnen. {allowed}")
        return None
    problem(_line(node, offset), f"{_shown(node)} is geen jaartal. {allowed}")
    return None


def _sources(node: yaml.Node, offset: int, problem) -> tuple[Source, ...]:
    sources = []
    for item in _items(node):
        line = _line(item, offset)
        if not isinstance(item, yaml.MappingNode):
            problem(line, f"een bron heeft velden ({quoted_list(SOURCE_KEYS)}), maar hier staat {_shown(item)}.")
            continue
        complete = True
        parts: dict[str, object] = {}
        for key_node, value_node in item.value:
            if not isinstance(key_node, yaml.ScalarNode):
                complete = False
                continue  # reported by yamlread
            key = key_node.value
            value_line = _line(value_node, offset)
            if key not in SOURCE_KEYS:
                problem(_line(key_node, offset), f"'{key}' is geen onderdeel van een bron.{did_you_mean(key, SOURCE_KEYS)} "
                                                 f"Toegestaan: {quoted_list(SOURCE_KEYS)}.")
                complete = False
            elif key == "jaar":
                parts[key] = _year(value_node, offset, problem)
                complete = complete and parts[key] is not None
            elif not isinstance(value_node, yaml.ScalarNode) or _is_empty(value_node):
                problem(value_line, f"bij '{key}' van een bron hoort tekst, maar er staat {_shown(value_node)}.")
                complete = False
            elif key == "url" and (message := _url_problem(value_node.value.strip())):
                problem(value_line, message)
                complete = False
            elif key == "pagina" and not _PAGE.match(value_node.value.strip()):
                problem(value_line, f"'{value_node.value}' is geen pagina. Toegestaan: een getal, zoals 12, of een reeks, zoals 12-13.")
                complete = False
            else:
                parts[key] = value_node.value.strip()
        missing = [key for key, (required, _) in SOURCE_KEYS.items() if required and key not in parts]
        if missing:
            problem(line, f"bij deze bron ontbreekt {quoted_list(missing)}. Elke bron heeft een titel, uitgever en jaar.")
        if complete and not missing:
            sources.append(Source(**parts))
    return tuple(sources)


def _url_problem(url: str) -> str:
    """Why a source's address is no web address, or '' when it is one."""
    if not re.match(r"^https?://", url, re.I):
        return f"'{url}' is geen webadres. Toegestaan: een adres dat begint met https:// of http://."
    if re.search(r"\s", url):
        return (f"'{url}' bevat een spatie. Een webadres heeft geen spaties: kopieer het adres opnieuw uit de "
                f"adresbalk van je browser, of schrijf een spatie als %20.")
    if re.search(r'[<>\\`{}|^]', url):
        return f"'{url}' bevat een teken dat niet in een webadres mag (zoals < > \" of \\). Kopieer het adres opnieuw."
    if not re.match(r"^https?://[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d+)?([/?#]|$)", url, re.I):
        return f"'{url}' is geen webadres: na https:// hoort de naam van een website, zoals https://www.emmen.nl/."
    return ""


def _effort(node: yaml.Node, offset: int, levels: Vocabulary, problem) -> Effort | None:
    line = _line(node, offset)
    if not isinstance(node, yaml.MappingNode):
        problem(line, f"hier horen de velden {quoted_list(EFFORT_KEYS)}, maar er staat {_shown(node)}.")
        return None
    found: dict[str, str] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue  # reported by yamlread
        key = key_node.value
        if key not in EFFORT_KEYS:
            problem(_line(key_node, offset), f"'{key}' is geen onderdeel van de inzet.{did_you_mean(key, EFFORT_KEYS)} "
                                             f"Toegestaan: {quoted_list(EFFORT_KEYS)}.")
            continue
        value = value_node.value if isinstance(value_node, yaml.ScalarNode) else ""
        if value not in levels.values:
            aliases = {alias: term.value for term in levels.terms for alias in term.aliases}
            problem(_line(value_node, offset), f"{_shown(value_node)} past niet bij '{key}'.{did_you_mean(value, levels.values, aliases)} "
                                               f"Toegestaan: {quoted_list(levels.values)}.")
            continue
        found[key] = value
    present = {key_node.value for key_node, _ in node.value if isinstance(key_node, yaml.ScalarNode)}
    absent = [key for key in EFFORT_KEYS if key not in present]
    if absent:
        problem(line, f"bij de inzet ontbreekt {quoted_list(absent)}. Toegestaan: {quoted_list(levels.values)}.")
    if len(found) < len(EFFORT_KEYS):
        return None
    return Effort(**found)


def _period(node: yaml.Node, offset: int, problem) -> Period | None:
    line = _line(node, offset)
    example = "periode: {van: 2019, tot: 2021}"
    if not isinstance(node, yaml.MappingNode):
        problem(line, f"hier horen de velden {quoted_list(PERIOD_KEYS)}, maar er staat {_shown(node)}. "
                      f"Schrijf bijvoorbeeld {example}.")
        return None
    found: dict[str, int] = {}
    complete = True
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if key not in PERIOD_KEYS:
            problem(_line(key_node, offset), f"'{key}' is geen onderdeel van de periode.{did_you_mean(key, PERIOD_KEYS)} "
                                             f"Toegestaan: {quoted_list(PERIOD_KEYS)}.")
            complete = False
            continue
        year = _year(value_node, offset, problem)
        if year is None:
            complete = False
        else:
            found[key] = year
    missing = [key for key, (required, _) in PERIOD_KEYS.items() if required and key not in found]
    if missing and complete:
        problem(line, f"bij de periode ontbreekt {quoted_list(missing)}. Schrijf bijvoorbeeld {example}.")
    if not complete or missing:
        return None
    if "tot" in found and found["tot"] < found["van"]:
        problem(line, f"de periode eindigt ({found['tot']}) voordat hij begint ({found['van']}). "
                      f"Zet het eerste jaar bij 'van' en het laatste bij 'tot'.")
        return None
    return Period(**found)
