"""The one description of every collection: its front matter, and what differs per collection on the site.

The build, `scripts/valideer.py`, `scripts/nieuw.py`, the published JSON Schema and
CONTRIBUTING.md's field list are all derived from the declarations below, and so are an entry page's
facts box and lists of linked entries, a list row, the open data and the search's kind of page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from . import urls


class Kind(Enum):
    TEXT = "tekst"
    TEXTS = "tekst of lijst van teksten"
    YEAR = "jaartal"
    COUNT = "aantal"
    TERM = "één waarde uit de woordenlijst"
    TERMS = "lijst van waarden uit de woordenlijst"
    REFS = "lijst van verwijzingen"
    SOURCES = "lijst van bronnen"
    EFFORT = "inzet (tijd, geld, mensen)"
    PERIOD = "periode (van en tot jaartal)"


@dataclass(frozen=True)
class Field:
    key: str
    kind: Kind
    required: bool
    description: str
    example: object
    vocabulary: tuple[str, ...] = ()
    refers_to: str = ""


class Shown(Enum):
    """How an entry page's facts box shows a field's value."""

    FACET_LINKS = "links naar de pagina's van de waarden"
    LABELS = "de namen uit de woordenlijst"
    TEXT = "de waarde zelf"
    NUMBER = "een getal met punten, zoals 45.000"
    EUROS = "een bedrag in euro's"
    EFFORT = "de inzet in woorden"
    STATUS = "de status, met het jaar van de bron"
    PERIOD = "de periode in woorden"
    GROUNDING = "de onderbouwing, met wat die betekent"


@dataclass(frozen=True)
class Fact:
    """A row of the facts box; left out when an entry does not have the field."""

    label: str
    key: str  # the field
    shown: Shown


@dataclass(frozen=True)
class Related:
    """A list, on an entry's page, of the entries of another collection it is linked with (either side naming the other)."""

    anchor: str
    title: str
    collection: str  # key of the collection listed
    empty: str = ""  # said when there are none; without it, no list at all
    continued: bool = False  # a long list continues in the entry's own catalogue


@dataclass(frozen=True)
class Collection:
    key: str
    label: str
    label_plural: str
    folder: str  # relative to the project root
    url_prefix: str  # the section of the site its pages are in (urls.py); none for the introductions
    fields: tuple[Field, ...]
    in_words: str  # how a sentence names it: 'het Keuzemenu'
    search_kind: str = "pagina"  # the word the site search narrows results by
    exported: bool = False  # published as open data (JSON, CSV and its JSON Schema)
    named_by: str = ""  # a field that holds the entry's own file name (a rung's page is named after its rung)
    dated: bool = False  # the page says when its sources described it, and warns when that is long ago
    lessons: bool = False  # its 'Wat kun je ervan leren' section is marked as the editors' reading
    row_facts: tuple[str, ...] = ()  # the fields a row in a list shows after the title; the summary when empty
    facts: tuple[Fact, ...] = ()  # the facts box at the top of its pages
    related: tuple[Related, ...] = ()

    def field(self, key: str) -> Field:
        for field in self.fields:
            if field.key == key:
                return field
        raise KeyError(key)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(field.key for field in self.fields)


# The rules of values, each written once; the build, the JSON Schemas and the web editor all use these.
# A year the sources can describe: from 1900 up to next year (a plan announced for next year).
FIRST_YEAR, LAST_YEAR = 1900, date.today().year + 1
YEAR_PATTERN = r"^\d{4}$"
# A whole number, with Dutch thousands dots or without: 45000 or 45.000.
COUNT_PATTERN = r"^(\d{1,3}(\.\d{3})+|\d+)$"
# A file name without .md, as entries name each other: lower case, digits and single hyphens.
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# The page or pages of a source: 12, 12-13 or 12–13.
PAGE_PATTERN = r"^\d+([-–]\d+)?$"

# Keys of one source in `bronnen`, with whether they are required.
SOURCE_KEYS: dict[str, tuple[bool, str]] = {
    "titel": (True, "de titel van de publicatie"),
    "uitgever": (True, "wie de bron uitgaf, bijvoorbeeld Gemeente Emmen"),
    "jaar": (True, "het jaar waarin de bron verscheen"),
    "pagina": (False, "de pagina of pagina's, bijvoorbeeld 12 of 12-13"),
    "url": (False, "het webadres van de bron, beginnend met https://"),
}
EFFORT_KEYS = ("tijd", "geld", "mensen")
# Keys of a `periode`, with whether they are required: an end year only where the source gives one.
PERIOD_KEYS: dict[str, tuple[bool, str]] = {
    "van": (True, "het jaar waarin het begon"),
    "tot": (False, "het jaar waarin het eindigde, alleen als de bron dat noemt"),
}

TITEL = Field("titel", Kind.TEXT, True, "de titel van de pagina, kort en duidelijk", "Gemeente: wat er gebeurde")
SAMENVATTING = Field(
    "samenvatting",
    Kind.TEXT,
    True,
    "één tot drie korte zinnen: waar gaat het over?",
    "Eén tot drie korte zinnen over wat er gebeurde en wat het opleverde.",
)
BRONNEN = Field(
    "bronnen",
    Kind.SOURCES,
    True,
    "de bronnen waar de feiten uit komen (titel, uitgever, jaar, pagina, url)",
    [{"titel": "Titel van de bron", "uitgever": "Naam van de uitgever", "jaar": 2024}],
)


def _ladder(required: bool) -> Field:
    return Field(
        "ladder",
        Kind.TERMS,
        required,
        "de trede(n) van de participatieladder",
        ["raadplegen"],
        vocabulary=("ladder",),
    )


def _refs(key: str, collection: str, description: str) -> Field:
    return Field(key, Kind.REFS, False, description, [], refers_to=collection)


# Lists of linked entries that more than one collection's pages show.
FORMS = Related("vormen", "Vormen uit het Keuzemenu", "keuzemenu")
TOOLS = Related("instrumenten", "Instrumenten uit de toolbox", "toolbox")


def _examples_with(this: str) -> Related:
    """The praktijkvoorbeelden that use a form or tool; a long list continues in its catalogue."""
    return Related(
        "praktijkvoorbeelden",
        f"Praktijkvoorbeelden met {this}",
        "praktijkvoorbeeld",
        f"Er is nog geen praktijkvoorbeeld met {this}.",
        continued=True,
    )


PRAKTIJKVOORBEELD = Collection(
    key="praktijkvoorbeeld",
    label="praktijkvoorbeeld",
    label_plural="Praktijkvoorbeelden",
    folder="praktijkvoorbeelden",
    url_prefix=urls.PRAKTIJKVOORBEELDEN,
    fields=(
        TITEL,
        Field("gemeente", Kind.TEXTS, True, "de gemeente, of een lijst van gemeenten, zoals de bron ze noemt", "Emmen"),
        Field(
            "provincie",
            Kind.TERMS,
            True,
            "de provincie (of een lijst), precies zoals in de woordenlijst",
            "Drenthe",
            vocabulary=("provincie",),
        ),
        Field("jaar", Kind.YEAR, True, "het jaar dat de bron beschrijft, een heel getal", 2020),
        SAMENVATTING,
        _ladder(True),
        BRONNEN,
        Field(
            "inwoners",
            Kind.COUNT,
            False,
            'het aantal inwoners volgens de bron, bijvoorbeeld 45000 of "45.000" (met aanhalingstekens)',
            None,
        ),
        Field("themas", Kind.TERMS, False, "de thema's", ["leefbaarheid"], vocabulary=("thema",)),
        Field(
            "overheidsrol",
            Kind.TERMS,
            False,
            "de rol van de overheid (overheidsparticipatietrap)",
            ["faciliteren"],
            vocabulary=("overheidsrol",),
        ),
        _refs("vormen", "keuzemenu", "vormen uit het Keuzemenu die dit voorbeeld laat zien (bestandsnamen zonder .md)"),
        _refs("instrumenten", "toolbox", "instrumenten uit de toolbox die hier gebruikt zijn (bestandsnamen zonder .md)"),
        _refs("gerelateerd", "praktijkvoorbeeld", "verwante praktijkvoorbeelden (bestandsnamen zonder .md)"),
        Field("status", Kind.TERM, False, "hoe het ervoor stond toen de bron verscheen", None, vocabulary=("status",)),
        Field(
            "onderbouwing",
            Kind.TERM,
            True,
            "wat de bron laat zien: beschreven, resultaten of geevalueerd",
            "beschreven",
            vocabulary=("onderbouwing",),
        ),
        Field("deelnemers", Kind.COUNT, False, "hoeveel mensen meededen, alleen als de bron het noemt", None),
        Field("budget", Kind.COUNT, False, "het budget in hele euro's, alleen als de bron het noemt, bijvoorbeeld 25.000", None),
        Field("periode", Kind.PERIOD, False, "van welk jaar tot welk jaar het liep, alleen als de bron het noemt", None),
    ),
    in_words="de praktijkvoorbeelden",
    search_kind="praktijkvoorbeeld",
    exported=True,
    dated=True,
    lessons=True,
    row_facts=("gemeente", "provincie", "jaar"),
    facts=(
        Fact("Gemeente", "gemeente", Shown.FACET_LINKS),
        Fact("Provincie", "provincie", Shown.FACET_LINKS),
        Fact("Jaar", "jaar", Shown.TEXT),
        Fact("Inwoners", "inwoners", Shown.NUMBER),
        Fact("Trede", "ladder", Shown.FACET_LINKS),
        Fact("Rol van de overheid", "overheidsrol", Shown.FACET_LINKS),
        Fact("Thema's", "themas", Shown.FACET_LINKS),
        Fact("Status", "status", Shown.STATUS),
        Fact("Periode", "periode", Shown.PERIOD),
        Fact("Deelnemers", "deelnemers", Shown.NUMBER),
        Fact("Budget", "budget", Shown.EUROS),
        Fact("Onderbouwing", "onderbouwing", Shown.GROUNDING),
    ),
    related=(
        FORMS,
        TOOLS,
        Related("gerelateerd", "Verwante praktijkvoorbeelden", "praktijkvoorbeeld"),
    ),
)

KEUZEMENU = Collection(
    key="keuzemenu",
    label="vorm uit het Keuzemenu",
    label_plural="Keuzemenu",
    folder="docs/keuzemenu",
    url_prefix=urls.KEUZEMENU,
    fields=(
        TITEL,
        SAMENVATTING,
        _ladder(True),
        Field(
            "initiatief", Kind.TERMS, True, "wie neemt het initiatief?", ["dorps- en wijkorganisaties"], vocabulary=("partij",)
        ),
        Field(
            "inzet",
            Kind.EFFORT,
            True,
            "wat het vraagt: tijd, geld en mensen (weinig, gemiddeld of veel)",
            {"tijd": "gemiddeld", "geld": "weinig", "mensen": "gemiddeld"},
            vocabulary=("inzet",),
        ),
        BRONNEN,
        Field("themas", Kind.TERMS, False, "de thema's", [], vocabulary=("thema",)),
        _refs("instrumenten", "toolbox", "instrumenten uit de toolbox die bij deze vorm horen"),
    ),
    in_words="het Keuzemenu",
    search_kind="vorm",
    exported=True,
    facts=(
        Fact("Trede", "ladder", Shown.FACET_LINKS),
        Fact("Wie begint?", "initiatief", Shown.LABELS),
        Fact("Wat vraagt het?", "inzet", Shown.EFFORT),
        Fact("Thema's", "themas", Shown.LABELS),
    ),
    related=(_examples_with("deze vorm"), TOOLS),
)

TOOLBOX = Collection(
    key="toolbox",
    label="instrument uit de toolbox",
    label_plural="Toolbox",
    folder="docs/toolbox",
    url_prefix=urls.TOOLBOX,
    fields=(
        TITEL,
        SAMENVATTING,
        Field("fase", Kind.TERMS, True, "in welke fase gebruik je het?", ["voorbereiden"], vocabulary=("fase",)),
        Field("doelgroep", Kind.TERMS, True, "voor wie is het instrument?", ["ambtenaren"], vocabulary=("partij",)),
        BRONNEN,
        _ladder(False),
        _refs("vormen", "keuzemenu", "vormen uit het Keuzemenu die bij dit instrument horen"),
    ),
    in_words="de toolbox",
    search_kind="instrument",
    exported=True,
    facts=(
        Fact("Fase", "fase", Shown.LABELS),
        Fact("Voor wie?", "doelgroep", Shown.LABELS),
        Fact("Trede", "ladder", Shown.FACET_LINKS),
    ),
    related=(_examples_with("dit instrument"), FORMS),
)

TREDE = Collection(
    key="trede",
    label="trede van een ladder",
    label_plural="Participatieladder",
    folder="docs/participatieladder",
    url_prefix=urls.PARTICIPATIELADDER,
    fields=(
        TITEL,
        Field(
            "trede", Kind.TERM, True, "de trede; gelijk aan de bestandsnaam", "raadplegen", vocabulary=("ladder", "overheidsrol")
        ),
        SAMENVATTING,
        BRONNEN,
    ),
    in_words="de participatieladder",
    search_kind="trede",
    named_by="trede",
)

# The introduction (index.md) of the Keuzemenu, the toolbox and the ladder, above their generated lists.
INTRODUCTIE = Collection(
    key="introductie",
    label="introductiepagina",
    label_plural="Introducties",
    folder="docs",
    url_prefix="",
    fields=(
        TITEL,
        SAMENVATTING,
        Field("bronnen", Kind.SOURCES, False, BRONNEN.description, BRONNEN.example),
    ),
    in_words="de introductiepagina's",
)
INTRODUCED_SECTIONS = ("keuzemenu", "toolbox", "participatieladder")

COLLECTIONS: tuple[Collection, ...] = (PRAKTIJKVOORBEELD, KEUZEMENU, TOOLBOX, TREDE, INTRODUCTIE)
BY_KEY = {collection.key: collection for collection in COLLECTIONS}


def _declaration_problems(collection: Collection) -> list[str]:
    named = [fact.key for fact in collection.facts] + list(collection.row_facts)
    if collection.named_by:
        named.append(collection.named_by)
    problems = [f"{collection.key}: no field '{key}'" for key in named if key not in collection.keys]
    problems += [
        f"{collection.key}: no collection '{related.collection}'"
        for related in collection.related
        if related.collection not in BY_KEY
    ]
    problems += [
        f"{collection.key}.{field.key}: no collection '{field.refers_to}'"
        for field in collection.fields
        if field.refers_to and field.refers_to not in BY_KEY
    ]
    return problems


# A declaration naming a field or collection that does not exist stops the import, before any build.
if _mistakes := [problem for collection in COLLECTIONS for problem in _declaration_problems(collection)]:  # pragma: no cover
    raise TypeError("kennisbank_participatie.schema: " + "; ".join(_mistakes))
