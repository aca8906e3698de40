"""Collections and indexes derived from the validated corpus: facets and links in both directions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from . import dating, urls
from .corpus import Corpus
from .records import Entry
from .schema import BY_KEY, COLLECTIONS, PRAKTIJKVOORBEELD, Kind
from .textutil import fold, slugify
from .vocabulary import Vocabulary


@dataclass(frozen=True)
class Facet:
    key: str  # the front-matter field of a praktijkvoorbeeld
    name: str
    plural: str
    vocabulary: str  # empty for free values (gemeente)
    url_base: str  # where the page a value links to lives
    catalogue_base: str  # where the generated, paginated list of each value lives

    def url(self, value: str) -> str:
        return urls.below(self.url_base, slugify(value))

    def catalogue_url(self, value: str) -> str:
        return urls.below(self.catalogue_base, slugify(value))


_RUNGS = urls.section(urls.PARTICIPATIELADDER)  # a rung's value links to its own page, not to its catalogue
FACETS = (
    Facet("ladder", "Trede", "Treden van de participatieladder", "ladder", _RUNGS, urls.CATALOGUES["ladder"]),
    Facet(
        "overheidsrol", "Rol van de overheid", "Rollen van de overheid", "overheidsrol", _RUNGS, urls.CATALOGUES["overheidsrol"]
    ),
    Facet("provincie", "Provincie", "Provincies", "provincie", urls.CATALOGUES["provincie"], urls.CATALOGUES["provincie"]),
    Facet("themas", "Thema", "Thema's", "thema", urls.CATALOGUES["themas"], urls.CATALOGUES["themas"]),
    Facet("gemeente", "Gemeente", "Gemeenten", "", urls.CATALOGUES["gemeente"], urls.CATALOGUES["gemeente"]),
    Facet(
        "onderbouwing",
        "Onderbouwing",
        "Onderbouwing",
        "onderbouwing",
        urls.CATALOGUES["onderbouwing"],
        urls.CATALOGUES["onderbouwing"],
    ),
)
FACET = {facet.key: facet for facet in FACETS}


def title_order(entry: Entry) -> tuple[str, str]:
    return fold(entry.titel), entry.slug


def newest_first(entry: Entry) -> tuple[int, int, str, str]:
    """By the year a praktijkvoorbeeld describes, newest first; then its newest source; then title. Not by
    when it was added: a clone or a copy has no reliable file dates, the year is content."""
    newest_source = max(source.jaar for source in entry.fields["bronnen"])
    return -entry.fields["jaar"], -newest_source, *title_order(entry)


def facet_values(entry: Entry, key: str) -> tuple[str, ...]:
    """The values of a facet field; a single-valued field (onderbouwing) gives one."""
    value = entry.fields.get(key, ())
    return (value,) if isinstance(value, str) else entry.values(key)


class Indexes:
    """Everything the pages and exports look up, computed once per build."""

    def __init__(self, corpus: Corpus, wording: dating.Wording | None = None):
        self.corpus = corpus
        self.wording = wording  # data/actualiteit.yml, when the content gate has read it already

    @cached_property
    def currency(self) -> dating.Currency:
        """How old descriptions are told; read and checked once per build."""
        years = [source.jaar for entry in self.corpus.praktijkvoorbeelden for source in entry.fields["bronnen"]]
        return dating.for_corpus(self.corpus.root, years, self.wording)

    @cached_property
    def _in_title_order(self) -> dict[str, tuple[Entry, ...]]:
        return {key: tuple(sorted(entries, key=title_order)) for key, entries in self.corpus.entries.items()}

    def sorted_entries(self, collection: str) -> tuple[Entry, ...]:
        """The entries of a collection in title order, the order every list on the site shows; sorted once."""
        return self._in_title_order[collection]

    @property
    def praktijkvoorbeelden(self) -> tuple[Entry, ...]:
        return self.sorted_entries(PRAKTIJKVOORBEELD.key)

    @cached_property
    def newest_praktijkvoorbeelden(self) -> tuple[Entry, ...]:
        return tuple(sorted(self.praktijkvoorbeelden, key=newest_first))

    @property
    def vocabularies(self) -> Mapping[str, Vocabulary]:
        return self.corpus.vocabularies

    def vocabulary(self, key: str) -> Vocabulary:
        return self.corpus.vocabularies[key]

    def term_labels(self, vocabulary: str, values: Iterable[str]) -> tuple[str, ...]:
        """What the site shows for these values of a vocabulary: 'Dorps- en wijkorganisaties', not the value."""
        terms = self.vocabulary(vocabulary)
        return tuple(terms.term(value).label for value in values)

    def values(self, facet: Facet) -> tuple[str, ...]:
        if facet.vocabulary:
            return self.vocabulary(facet.vocabulary).values
        return tuple(sorted(self.by_value[facet.key], key=fold))

    def label(self, facet: Facet, value: str) -> str:
        if facet.vocabulary:
            return self.vocabulary(facet.vocabulary).term(value).label
        return value

    @cached_property
    def by_value(self) -> dict[str, dict[str, tuple[Entry, ...]]]:
        """facet key -> value -> praktijkvoorbeelden carrying it, in title order."""
        found: dict[str, dict[str, list[Entry]]] = {facet.key: defaultdict(list) for facet in FACETS}
        for entry in self.praktijkvoorbeelden:
            for facet in FACETS:
                for value in facet_values(entry, facet.key):
                    found[facet.key][value].append(entry)
        return {key: {value: tuple(entries) for value, entries in values.items()} for key, values in found.items()}

    def entries_with(self, facet_key: str, value: str) -> tuple[Entry, ...]:
        return self.by_value[facet_key].get(value, ())

    @cached_property
    def _links(self) -> dict[tuple[str, str], dict[str, list[Entry]]]:
        """(collection, slug) of a target -> collection of the source -> entries that link to it."""
        found: dict[tuple[str, str], dict[str, list[Entry]]] = defaultdict(lambda: defaultdict(list))
        for collection in COLLECTIONS:
            ref_fields = [field for field in collection.fields if field.kind is Kind.REFS]
            for entry in self.corpus.entries[collection.key]:
                for field in ref_fields:
                    for slug in entry.values(field.key):
                        found[(field.refers_to, slug)][collection.key].append(entry)
        return found

    def linked(self, entry: Entry, collection: str) -> tuple[Entry, ...]:
        """Entries of `collection` linked with `entry`, whichever side names the other."""
        targets = self.corpus.by_slug(collection)
        named = [targets[slug] for field in _ref_fields(entry.collection, collection) for slug in entry.values(field)]
        naming = self._links.get((entry.collection, entry.slug), {}).get(collection, [])
        unique = {item.slug: item for item in [*named, *naming] if item.slug != entry.slug or item.collection != entry.collection}
        return tuple(sorted(unique.values(), key=title_order))

    def rung_facet(self, rung: str) -> Facet:
        """A rung of the participatieladder, or of the overheidsparticipatietrap."""
        return FACET["overheidsrol" if rung in self.vocabulary("overheidsrol").values else "ladder"]

    def at_rung(self, collection: str, rung: str) -> tuple[Entry, ...]:
        field = self.rung_facet(rung).key
        if collection == PRAKTIJKVOORBEELD.key:
            return self.entries_with(field, rung)
        return tuple(entry for entry in self.sorted_entries(collection) if rung in entry.values(field))


def _ref_fields(source: str, target: str) -> list[str]:
    return [f.key for f in BY_KEY[source].fields if f.kind is Kind.REFS and f.refers_to == target]
