"""The one description of every collection's front matter.

The build, `scripts/valideer.py`, `scripts/nieuw.py`, the published JSON Schema and
CONTRIBUTING.md's field list are all derived from the declarations below.
"""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class Collection:
    key: str
    label: str
    label_plural: str
    folder: str  # relative to the project root
    url_prefix: str  # the section of the site its pages are in (urls.py); none for the introductions
    fields: tuple[Field, ...]

    def field(self, key: str) -> Field:
        for field in self.fields:
            if field.key == key:
                return field
        raise KeyError(key)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(field.key for field in self.fields)


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
    "samenvatting", Kind.TEXT, True, "één tot drie korte zinnen: waar gaat het over?",
    "Eén tot drie korte zinnen over wat er gebeurde en wat het opleverde.",
)
BRONNEN = Field(
    "bronnen", Kind.SOURCES, True, "de bronnen waar de feiten uit komen (titel, uitgever, jaar, pagina, url)",
    [{"titel": "Titel van de bron", "uitgever": "Naam van de uitgever", "jaar": 2024}],
)


def _ladder(required: bool) -> Field:
    return Field(
        "ladder", Kind.TERMS, required, "de trede(n) van de participatieladder", ["raadplegen"],
        vocabulary=("ladder",),
    )


def _refs(key: str, collection: str, description: str) -> Field:
    return Field(key, Kind.REFS, False, description, [], refers_to=collection)


PRAKTIJKVOORBEELD = Collection(
    key="praktijkvoorbeeld",
    label="praktijkvoorbeeld",
    label_plural="Praktijkvoorbeelden",
    folder="praktijkvoorbeelden",
    url_prefix=urls.PRAKTIJKVOORBEELDEN,
    fields=(
        TITEL,
        Field("gemeente", Kind.TEXTS, True, "de gemeente, of een lijst van gemeenten, zoals de bron ze noemt", "Emmen"),
        Field("provincie", Kind.TERMS, True, "de provincie (of een lijst), precies zoals in de woordenlijst", "Drenthe",
              vocabulary=("provincie",)),
        Field("jaar", Kind.YEAR, True, "het jaar dat de bron beschrijft, een heel getal", 2020),
        SAMENVATTING,
        _ladder(True),
        BRONNEN,
        Field("inwoners", Kind.COUNT, False, "het aantal inwoners volgens de bron, bijvoorbeeld 45000 of \"45.000\" (met aanhalingstekens)", None),
        Field("themas", Kind.TERMS, False, "de thema's", ["leefbaarheid"], vocabulary=("thema",)),
        Field("overheidsrol", Kind.TERMS, False, "de rol van de overheid (overheidsparticipatietrap)", ["faciliteren"],
              vocabulary=("overheidsrol",)),
        _refs("vormen", "keuzemenu", "vormen uit het Keuzemenu die dit voorbeeld laat zien (bestandsnamen zonder .md)"),
        _refs("instrumenten", "toolbox", "instrumenten uit de toolbox die hier gebruikt zijn (bestandsnamen zonder .md)"),
        _refs("gerelateerd", "praktijkvoorbeeld", "verwante praktijkvoorbeelden (bestandsnamen zonder .md)"),
        Field("status", Kind.TERM, False, "hoe het ervoor stond toen de bron verscheen", None, vocabulary=("status",)),
        Field("onderbouwing", Kind.TERM, True, "wat de bron laat zien: beschreven, resultaten of geevalueerd",
              "beschreven", vocabulary=("onderbouwing",)),
        Field("deelnemers", Kind.COUNT, False, "hoeveel mensen meededen, alleen als de bron het noemt", None),
        Field("budget", Kind.COUNT, False, "het budget in hele euro's, alleen als de bron het noemt, bijvoorbeeld 25.000",
              None),
        Field("periode", Kind.PERIOD, False, "van welk jaar tot welk jaar het liep, alleen als de bron het noemt",
              None),
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
        Field("initiatief", Kind.TERMS, True, "wie neemt het initiatief?", ["dorps- en wijkorganisaties"],
              vocabulary=("partij",)),
        Field("inzet", Kind.EFFORT, True, "wat het vraagt: tijd, geld en mensen (weinig, gemiddeld of veel)",
              {"tijd": "gemiddeld", "geld": "weinig", "mensen": "gemiddeld"}, vocabulary=("inzet",)),
        BRONNEN,
        Field("themas", Kind.TERMS, False, "de thema's", [], vocabulary=("thema",)),
        _refs("instrumenten", "toolbox", "instrumenten uit de toolbox die bij deze vorm horen"),
    ),
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
)

TREDE = Collection(
    key="trede",
    label="trede van een ladder",
    label_plural="Participatieladder",
    folder="docs/participatieladder",
    url_prefix=urls.PARTICIPATIELADDER,
    fields=(
        TITEL,
        Field("trede", Kind.TERM, True, "de trede; gelijk aan de bestandsnaam", "raadplegen",
              vocabulary=("ladder", "overheidsrol")),
        SAMENVATTING,
        BRONNEN,
    ),
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
)
INTRODUCED_SECTIONS = ("keuzemenu", "toolbox", "participatieladder")

COLLECTIONS: tuple[Collection, ...] = (PRAKTIJKVOORBEELD, KEUZEMENU, TOOLBOX, TREDE, INTRODUCTIE)
BY_KEY = {collection.key: collection for collection in COLLECTIONS}
