"""Read one content file into a frozen, validated record, collecting every mistake in it.

YAML is read strictly with PyYAML's C loader and node positions, because MkDocs' own
front-matter parsing silently drops broken YAML, which would lose an entry without a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

import frontmatter
import yaml

from .problems import Problem, did_you_mean, quoted_list
from .scaffold import placeholders
from .schema import EFFORT_KEYS, PERIOD_KEYS, SOURCE_KEYS, Collection, Field, Kind
from .vocabulary import Vocabulary

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

_YAML = frontmatter.YAMLHandler()
_NULL = "tag:yaml.org,2002:null"
_YEAR = re.compile(r"^\d{4}$")
_COUNT = re.compile(r"^(\d{1,3}(\.\d{3})+|\d+)$")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_PAGE = re.compile(r"^\d+([-–]\d+)?$")


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
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        problem(0, "", f"het bestand is geen UTF-8-tekst (fout bij byte {error.start}). Sla het op als UTF-8.")
        return None, problems
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not _YAML.detect(text):
        problem(1, "", "de front matter ontbreekt. Begin het bestand met een regel '---', dan de velden, "
                       "en sluit af met nog een regel '---'.")
        return None, problems
    try:
        front, body = _YAML.split(text)
    except ValueError:
        problem(1, "", "de front matter is niet afgesloten. Zet na de velden een regel met alleen '---'.")
        return None, problems

    # Line numbers of the YAML, counted from the front matter's own start, become lines of the file.
    offset = text.count("\n", 0, text.index(front)) + 1
    try:
        root = yaml.compose(front, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem(mark.line + offset if mark else 0, "", _explain_yaml_error(error))
        return None, problems
    if root is None:
        root = yaml.MappingNode("tag:yaml.org,2002:map", [])
    if not isinstance(root, yaml.MappingNode):
        problem(root.start_mark.line + offset, "", "de front matter moet uit velden bestaan, zoals 'titel: ...'.")
        return None, problems

    nodes: dict[str, yaml.Node] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in root.value:
        key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
        line = key_node.start_mark.line + offset
        if key in nodes:
            problem(line, key, f"dit veld staat twee keer in de front matter (ook op regel {lines[key]}). Laat er één staan.")
            continue
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
    if problems and not values.get("titel"):
        return None, problems
    entry = Entry(
        collection=collection.key,
        slug=slug,
        path=rel,
        url=f"{collection.url_prefix}/{slug}/" if collection.url_prefix else f"{slug}/",
        src_uri=f"{collection.url_prefix}/{slug}.md" if collection.url_prefix else f"{slug}/index.md",
        fields=MappingProxyType(values),
        lines=MappingProxyType(lines),
        body=body,
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

_YAML_HINTS = (
    ("mapping values are not allowed", "er staat een dubbele punt ':' in een waarde. Zet de hele waarde tussen aanhalingstekens, bijvoorbeeld titel: \"Zwolle: de ideeënmakelaar\"."),
    ("could not find expected ':'", "hier mist een dubbele punt ':' na de naam van een veld."),
    ("found character '\\t'", "hier staat een tab. Gebruik spaties om in te springen."),
    ("found unexpected end of stream", "een aanhalingsteken of haakje wordt niet afgesloten."),
    ("did not find expected key", "de inspringing klopt niet: een veld staat niet recht onder de andere velden."),
    ("did not find expected ',' or ']'", "een lijst tussen [ ] is niet goed afgesloten."),
    ("did not find expected ',' or '}'", "een lijst tussen { } is niet goed afgesloten."),
    ("did not find expected '-' indicator", "een lijst met streepjes '-' is niet goed ingesprongen."),
    ("found undefined alias", "het teken '*' aan het begin van een waarde is niet toegestaan. Zet de waarde tussen aanhalingstekens."),
    ("found unknown escape character", "een backslash '\\' tussen dubbele aanhalingstekens is niet toegestaan. Gebruik enkele aanhalingstekens."),
    ("expected alphabetic or numeric character", "het teken '*' of '&' aan het begin van een waarde is niet toegestaan. Zet de waarde tussen aanhalingstekens."),
    ("found character that cannot start any token", "een waarde begint met een teken dat niet mag, zoals '@' of '`'. Zet de waarde tussen aanhalingstekens."),
)


def _explain_yaml_error(error: yaml.MarkedYAMLError) -> str:
    technical = " ".join(filter(None, [error.context, error.problem]))
    for needle, hint in _YAML_HINTS:
        if needle in technical:
            return f"de front matter is geen geldige YAML: {hint}"
    return f"de front matter is geen geldige YAML (technische melding: {technical})."


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


def _year(node: yaml.Node, offset: int, problem) -> int | None:
    if isinstance(node, yaml.ScalarNode) and _YEAR.match(node.value.strip()):
        year = int(node.value)
        if 1900 <= year <= 2100:
            return year
    problem(_line(node, offset), f"{_shown(node)} is geen jaartal. Toegestaan: een jaar in cijfers, zoals 2013.")
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
            key = str(key_node.value)
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
            elif key == "url" and not re.match(r"^https?://[^\s<>]+$", value_node.value.strip()):
                problem(value_line, f"'{value_node.value}' is geen webadres. Toegestaan: een adres dat begint met https:// of http://.")
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


def _effort(node: yaml.Node, offset: int, levels: Vocabulary, problem) -> Effort | None:
    line = _line(node, offset)
    if not isinstance(node, yaml.MappingNode):
        problem(line, f"hier horen de velden {quoted_list(EFFORT_KEYS)}, maar er staat {_shown(node)}.")
        return None
    found: dict[str, str] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
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
    present = {str(key_node.value) for key_node, _ in node.value}
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
