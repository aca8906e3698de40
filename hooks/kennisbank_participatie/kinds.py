"""Every kind of front-matter field, once: how the build reads it (with the Dutch messages editors
see), its JSON Schema, and its form in the open data (JSON value, CSV cell, value when absent).

records reads with KINDS, published_schema and exports publish with it. A Kind of kennisbank_participatie.schema without
an entry here stops the import, so a new kind cannot be read but not published, or the other way round.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import asdict, dataclass
from types import MappingProxyType
from typing import Any, TypeAlias

import yaml

from .problems import did_you_mean, quoted_list
from .schema import (
    COUNT_PATTERN,
    EFFORT_KEYS,
    FIRST_YEAR,
    LAST_YEAR,
    PAGE_PATTERN,
    PERIOD_KEYS,
    SLUG_PATTERN,
    SOURCE_KEYS,
    YEAR_PATTERN,
    Field,
    Kind,
)
from .vocabulary import Term, Vocabulary

NULL_TAG = "tag:yaml.org,2002:null"
MAX_ITEMS = 100  # in one list field; real entries have fewer than 20
YEARS_ALLOWED = f"Toegestaan: een jaar van {FIRST_YEAR} tot en met {LAST_YEAR}, in cijfers, zoals 2013."
_YEAR = re.compile(YEAR_PATTERN)
_COUNT = re.compile(COUNT_PATTERN)
_PAGE = re.compile(PAGE_PATTERN)

Json: TypeAlias = "str | int | None | list[Json] | dict[str, Json]"
JsonSchema = dict[str, Any]


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


# What a field holds once read.
Value: TypeAlias = "str | int | tuple[str, ...] | tuple[Source, ...] | Effort | Period"


@dataclass(frozen=True)
class Reading:
    """What a reader needs besides the field and its node."""

    offset: int  # added to a node's line in the front matter gives its line in the file
    vocabularies: Mapping[str, Vocabulary]
    report: Callable[[int, str], None]  # line in the file, message
    lines: dict[str, int]  # field key -> line; readers add one per reference, 'vormen[0]'

    def line(self, node: yaml.Node) -> int:
        return int(node.start_mark.line) + self.offset

    def known_part(self, key_node: yaml.Node, of: str, parts: Collection[str]) -> bool:
        """Whether a key inside a group of fields (a source, the effort, the period) is one of its parts;
        reports it when not."""
        key = str(key_node.value)
        if key in parts:
            return True
        self.report(
            self.line(key_node),
            f"'{key}' is geen onderdeel van {of}.{did_you_mean(key, parts)} Toegestaan: {quoted_list(parts)}.",
        )
        return False


@dataclass(frozen=True)
class KindRules:
    read: Callable[[Field, yaml.Node, Reading], Value | None]  # None after reporting what is wrong
    schema: Callable[[Field, Mapping[str, Vocabulary], bool], JsonSchema]  # True: for front matter, False: for open data
    many: bool  # a list in the open data, empty when an entry lacks the field; else null when it lacks it
    export: Callable[[Any], Json]  # the value its reader returned -> its JSON value
    cell: Callable[[Any], str]  # its JSON value -> its CSV cell

    def exported(self, value: Value | None) -> Json:
        """The JSON value of a field; an entry without it gives an empty list or null."""
        if value is None:
            return [] if self.many else None
        return self.export(value)


def read(field: Field, node: yaml.Node, reading: Reading) -> Value | None:
    """The value of a field that is not empty, or None after reporting every mistake in it."""
    if isinstance(node, yaml.SequenceNode) and len(node.value) > MAX_ITEMS:
        reading.report(reading.line(node), f"deze lijst heeft {len(node.value)} onderdelen. Toegestaan: hoogstens {MAX_ITEMS}.")
        return None
    return KINDS[field.kind].read(field, node, reading)


def is_empty(node: yaml.Node) -> bool:
    if isinstance(node, yaml.ScalarNode):
        return node.tag == NULL_TAG or not node.value.strip()
    return not node.value


def year(text: str) -> int | None:
    """A year the sources can describe, or None."""
    if _YEAR.match(text.strip()) and FIRST_YEAR <= int(text) <= LAST_YEAR:
        return int(text)
    return None


def _shown(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode):
        return f"'{node.value}'"
    return "een lijst" if isinstance(node, yaml.SequenceNode) else "een groep velden"


def _items(node: yaml.Node) -> list[yaml.Node]:
    """List fields also accept a single value."""
    return list(node.value) if isinstance(node, yaml.SequenceNode) else [node]


def _text(item: yaml.Node, reading: Reading) -> str | None:
    if not isinstance(item, yaml.ScalarNode):
        reading.report(reading.line(item), f"hier hoort tekst, maar er staat {_shown(item)}.")
        return None
    if item.tag == NULL_TAG or not item.value.strip():
        reading.report(reading.line(item), "deze waarde is leeg.")
        return None
    return str(item.value).strip()


# Reading ----------------------------------------------------------------------------------------------------------


def _read_text(field: Field, node: yaml.Node, reading: Reading) -> str | None:
    return _text(node, reading)


def _read_texts(field: Field, node: yaml.Node, reading: Reading) -> tuple[str, ...] | None:
    found = [_text(item, reading) for item in _items(node)]
    return tuple(dict.fromkeys(value for value in found if value)) if None not in found else None


def _read_year(field: Field, node: yaml.Node, reading: Reading) -> int | None:
    if isinstance(node, yaml.ScalarNode) and _YEAR.match(node.value.strip()):
        found = int(node.value)
        if FIRST_YEAR <= found <= LAST_YEAR:
            return found
        reading.report(reading.line(node), f"{found} ligt buiten de jaren die kunnen. {YEARS_ALLOWED}")
        return None
    reading.report(reading.line(node), f"{_shown(node)} is geen jaartal. {YEARS_ALLOWED}")
    return None


def _read_count(field: Field, node: yaml.Node, reading: Reading) -> int | None:
    line = reading.line(node)
    raw = node.value.replace(" ", "") if isinstance(node, yaml.ScalarNode) else ""
    if not _COUNT.match(raw):
        reading.report(line, f'{_shown(node)} is geen aantal. Toegestaan: een heel getal, zoals 45000 of "45.000".')
        return None
    if (
        raw.count(".") == 1 and isinstance(node, yaml.ScalarNode) and not node.style
    ):  # plain, not quoted (the C loader says "", the Python one None)
        # YAML 1.2 readers, the web editor's among them, read a bare 45.000 as the fraction 45
        # (9.000.000, with two dots, is no number to any reader and stays unambiguous).
        reading.report(
            line,
            f'zet {raw} tussen aanhalingstekens ("{raw}") of schrijf {raw.replace(".", "")}: '
            f"anders lezen andere programma's, zoals de webeditor, het als {raw.split('.')[0]}.",
        )
        return None
    return int(raw.replace(".", ""))


def _allowed(field: Field, reading: Reading) -> list[Term]:
    return [term for key in field.vocabulary for term in reading.vocabularies[key].terms]


def _terms(field: Field, node: yaml.Node, reading: Reading, allowed: list[Term]) -> list[str]:
    found = []
    for item in _items(node):
        value = _text(item, reading)
        if value is None:
            continue
        if value not in {term.value for term in allowed}:
            aliases = {alias: term.value for term in allowed for alias in term.aliases}
            reading.report(
                reading.line(item),
                f"'{value}' is geen toegestane waarde.{did_you_mean(value, [t.value for t in allowed], aliases)} "
                f"Toegestaan: {quoted_list(t.value for t in allowed)}.",
            )
            continue
        found.append(value)
    return found


def _read_term(field: Field, node: yaml.Node, reading: Reading) -> str | None:
    allowed = _allowed(field, reading)
    if not isinstance(node, yaml.ScalarNode):
        reading.report(
            reading.line(node),
            f"hier hoort één waarde, maar er staat {_shown(node)}. Toegestaan: {quoted_list(t.value for t in allowed)}.",
        )
        return None
    found = _terms(field, node, reading, allowed)
    return found[0] if found else None


def _read_terms(field: Field, node: yaml.Node, reading: Reading) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_terms(field, node, reading, _allowed(field, reading))))


def _read_refs(field: Field, node: yaml.Node, reading: Reading) -> tuple[str, ...]:
    found: list[str] = []
    for item in _items(node):
        value = _text(item, reading)
        if value is not None:
            reading.lines[f"{field.key}[{len(found)}]"] = reading.line(item)
            found.append(value)
    return tuple(found)


def _read_sources(field: Field, node: yaml.Node, reading: Reading) -> tuple[Source, ...]:
    sources = []
    for item in _items(node):
        line = reading.line(item)
        if not isinstance(item, yaml.MappingNode):
            reading.report(line, f"een bron heeft velden ({quoted_list(SOURCE_KEYS)}), maar hier staat {_shown(item)}.")
            continue
        complete = True
        parts: dict[str, Any] = {}
        for key_node, value_node in item.value:
            if not isinstance(key_node, yaml.ScalarNode):
                complete = False
                continue  # reported by yamlread
            key = key_node.value
            value_line = reading.line(value_node)
            if not reading.known_part(key_node, "een bron", SOURCE_KEYS):
                complete = False
            elif key == "jaar":
                parts[key] = _read_year(field, value_node, reading)
                complete = complete and parts[key] is not None
            elif not isinstance(value_node, yaml.ScalarNode) or is_empty(value_node):
                reading.report(value_line, f"bij '{key}' van een bron hoort tekst, maar er staat {_shown(value_node)}.")
                complete = False
            elif key == "url" and (message := _url_problem(value_node.value.strip())):
                reading.report(value_line, message)
                complete = False
            elif key == "pagina" and not _PAGE.match(value_node.value.strip()):
                reading.report(
                    value_line,
                    f"'{value_node.value}' is geen pagina. Toegestaan: een getal, zoals 12, of een reeks, zoals 12-13.",
                )
                complete = False
            else:
                parts[key] = value_node.value.strip()
        missing = [key for key, (required, _) in SOURCE_KEYS.items() if required and key not in parts]
        if missing:
            reading.report(line, f"bij deze bron ontbreekt {quoted_list(missing)}. Elke bron heeft een titel, uitgever en jaar.")
        if complete and not missing:
            sources.append(Source(**parts))
    return tuple(sources)


def _url_problem(url: str) -> str:
    """Why a source's address is no web address, or '' when it is one."""
    if not re.match(r"^https?://", url, re.I):
        return f"'{url}' is geen webadres. Toegestaan: een adres dat begint met https:// of http://."
    if re.search(r"\s", url):
        return (
            f"'{url}' bevat een spatie. Een webadres heeft geen spaties: kopieer het adres opnieuw uit de "
            f"adresbalk van je browser, of schrijf een spatie als %20."
        )
    if re.search(r"[<>\\`{}|^]", url):
        return f"'{url}' bevat een teken dat niet in een webadres mag (zoals < > \" of \\). Kopieer het adres opnieuw."
    if not re.match(r"^https?://[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d+)?([/?#]|$)", url, re.I):
        return f"'{url}' is geen webadres: na https:// hoort de naam van een website, zoals https://www.emmen.nl/."
    return ""


def _read_effort(field: Field, node: yaml.Node, reading: Reading) -> Effort | None:
    levels = reading.vocabularies[field.vocabulary[0]]
    line = reading.line(node)
    if not isinstance(node, yaml.MappingNode):
        reading.report(line, f"hier horen de velden {quoted_list(EFFORT_KEYS)}, maar er staat {_shown(node)}.")
        return None
    found: dict[str, str] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue  # reported by yamlread
        key = key_node.value
        if not reading.known_part(key_node, "de inzet", EFFORT_KEYS):
            continue
        value = value_node.value if isinstance(value_node, yaml.ScalarNode) else ""
        if value not in levels.values:
            aliases = {alias: term.value for term in levels.terms for alias in term.aliases}
            reading.report(
                reading.line(value_node),
                f"{_shown(value_node)} past niet bij '{key}'."
                f"{did_you_mean(value, levels.values, aliases)} "
                f"Toegestaan: {quoted_list(levels.values)}.",
            )
            continue
        found[key] = value
    present = {key_node.value for key_node, _ in node.value if isinstance(key_node, yaml.ScalarNode)}
    absent = [key for key in EFFORT_KEYS if key not in present]
    if absent:
        reading.report(line, f"bij de inzet ontbreekt {quoted_list(absent)}. Toegestaan: {quoted_list(levels.values)}.")
    if len(found) < len(EFFORT_KEYS):
        return None
    return Effort(**found)


def _read_period(field: Field, node: yaml.Node, reading: Reading) -> Period | None:
    line = reading.line(node)
    example = "periode: {van: 2019, tot: 2021}"
    if not isinstance(node, yaml.MappingNode):
        reading.report(
            line,
            f"hier horen de velden {quoted_list(PERIOD_KEYS)}, maar er staat {_shown(node)}. Schrijf bijvoorbeeld {example}.",
        )
        return None
    found: dict[str, int] = {}
    complete = True
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if not reading.known_part(key_node, "de periode", PERIOD_KEYS):
            complete = False
            continue
        found_year = _read_year(field, value_node, reading)
        if found_year is None:
            complete = False
        else:
            found[key] = found_year
    missing = [key for key, (required, _) in PERIOD_KEYS.items() if required and key not in found]
    if missing and complete:
        reading.report(line, f"bij de periode ontbreekt {quoted_list(missing)}. Schrijf bijvoorbeeld {example}.")
    if not complete or missing:
        return None
    if "tot" in found and found["tot"] < found["van"]:
        reading.report(
            line,
            f"de periode eindigt ({found['tot']}) voordat hij begint ({found['van']}). "
            f"Zet het eerste jaar bij 'van' en het laatste bij 'tot'.",
        )
        return None
    return Period(**found)


# JSON Schema --------------------------------------------------------------------------------------------------------
# Front matter is what editors type (one value may stand where a list may); open data is what the exports hold.

_TEXT: JsonSchema = {"type": "string", "minLength": 1}
_YEARS: JsonSchema = {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR}


def _one_or_list(item: JsonSchema, front_matter: bool) -> JsonSchema:
    listed = {"type": "array", "items": item, "minItems": 1}
    return {"anyOf": [item, listed]} if front_matter else listed


def _enum(field: Field, vocabularies: Mapping[str, Vocabulary]) -> JsonSchema:
    return {"enum": [value for key in field.vocabulary for value in vocabularies[key].values]}


def _text_schema(field: Field, vocabularies: Mapping[str, Vocabulary], front_matter: bool) -> JsonSchema:
    return dict(_TEXT)


def _texts_schema(field: Field, vocabularies: Mapping[str, Vocabulary], front_matter: bool) -> JsonSchema:
    return _one_or_list(dict(_TEXT), front_matter)


def _year_schema(field: Field, vocabularies: Mapping[str, Vocabulary], front_matter: bool) -> JsonSchema:
    return dict(_YEARS)


def _count_schema(field: Field, vocabularies: Mapping[str, Vocabulary], front_matter: bool) -> JsonSchema:
    # YAML reads the Dutch '45.000' as the number 45.0; the build reads what the editor wrote.
    if front_matter:
        return {"anyOf": [{"type": "number", "minimum": 0}, {"type": "string", "pattern": COUNT_PATTERN}]}
    return {"type": "integer", "minimum": 0}


def _term_schema(field: Field, vocabularies: Mapping[str, Vocabulary], front_matter: bool) -> JsonSchema:
    return _enum(field, vocabularies)


def _terms_schema(field: Field, vocabularies: Mapping[str, Vocabulary], front_matter: bool) -> JsonSchema:
    return _one_or_list(_enum(field, vocabularies), front_matter)


def _refs_schema(field: Field, vocabularies: Mapping[str, Vocabulary], front_matter: bool) -> JsonSchema:
    return {"type": "array", "items": {"type": "string", "pattern": SLUG_PATTERN}}


def _sources_schema(field: Field, vocabularies: Mapping[str, Vocabulary], front_matter: bool) -> JsonSchema:
    properties: JsonSchema = {key: {**_TEXT, "description": description} for key, (_, description) in SOURCE_KEYS.items()}
    properties["jaar"] = {**_YEARS, "description": SOURCE_KEYS["jaar"][1]}
    if front_matter:
        properties["pagina"] = {"type": ["string", "integer"], "description": SOURCE_KEYS["pagina"][1]}
    source = {
        "type": "object",
        "properties": properties,
        "required": [key for key, (required, _) in SOURCE_KEYS.items() if required],
        "additionalProperties": False,
    }
    return {"type": "array", "items": source, "minItems": 1}


def _effort_schema(field: Field, vocabularies: Mapping[str, Vocabulary], front_matter: bool) -> JsonSchema:
    level = {"enum": list(vocabularies[field.vocabulary[0]].values)}
    return {
        "type": "object",
        "properties": {key: level for key in EFFORT_KEYS},
        "required": list(EFFORT_KEYS),
        "additionalProperties": False,
    }


def _period_schema(field: Field, vocabularies: Mapping[str, Vocabulary], front_matter: bool) -> JsonSchema:
    return {
        "type": "object",
        "properties": {key: {**_YEARS, "description": description} for key, (_, description) in PERIOD_KEYS.items()},
        "required": [key for key, (required, _) in PERIOD_KEYS.items() if required],
        "additionalProperties": False,
    }


# Open data ----------------------------------------------------------------------------------------------------------


def _as_is(value: str | int) -> Json:
    return value


def _listed(values: tuple[str, ...]) -> Json:
    return list(values)


def _parts(value: Source | Effort | Period) -> dict[str, Json]:
    """A group of values without its empty optional parts."""
    return {key: item for key, item in asdict(value).items() if item not in ("", None)}


def _sources(sources: tuple[Source, ...]) -> Json:
    return [_parts(source) for source in sources]


def _cell(value: str | int) -> str:
    return str(value)


def _joined(values: list[str]) -> str:
    return "; ".join(values)


def _cited(sources: list[dict[str, Json]]) -> str:
    def cite(source: dict[str, Json]) -> str:
        cited = f"{source['titel']} ({source['uitgever']}, {source['jaar']}"
        cited += f", p. {source['pagina']})" if source.get("pagina") else ")"
        return cited + (f" {source['url']}" if source.get("url") else "")

    return "; ".join(cite(source) for source in sources)


def _effort_cell(effort: dict[str, str]) -> str:
    return ", ".join(f"{key}: {level}" for key, level in effort.items())


def _period_cell(period: dict[str, int]) -> str:
    return f"{period['van']}-{period.get('tot', '')}"


KINDS: Mapping[Kind, KindRules] = MappingProxyType(
    {
        Kind.TEXT: KindRules(_read_text, _text_schema, False, _as_is, _cell),
        Kind.TEXTS: KindRules(_read_texts, _texts_schema, True, _listed, _joined),
        Kind.YEAR: KindRules(_read_year, _year_schema, False, _as_is, _cell),
        Kind.COUNT: KindRules(_read_count, _count_schema, False, _as_is, _cell),
        Kind.TERM: KindRules(_read_term, _term_schema, False, _as_is, _cell),
        Kind.TERMS: KindRules(_read_terms, _terms_schema, True, _listed, _joined),
        Kind.REFS: KindRules(_read_refs, _refs_schema, True, _listed, _joined),
        Kind.SOURCES: KindRules(_read_sources, _sources_schema, True, _sources, _cited),
        Kind.EFFORT: KindRules(_read_effort, _effort_schema, False, _parts, _effort_cell),
        Kind.PERIOD: KindRules(_read_period, _period_schema, False, _parts, _period_cell),
    }
)
if set(KINDS) != set(Kind):  # pragma: no cover - fails on import, before any build
    raise TypeError(
        f"kennisbank_participatie.kinds.KINDS has no rules for {sorted(kind.name for kind in set(Kind) - set(KINDS))}"
    )
