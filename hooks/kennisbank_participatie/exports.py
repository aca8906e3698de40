"""Files generated next to the pages: the filter index, open data (JSON, CSV, JSON Schema) and the feed."""

from __future__ import annotations

import csv
import io
import json
from xml.sax.saxutils import escape as xml_escape

from mkdocs.config.defaults import MkDocsConfig

from . import gitdates, published_schema, urls
from .indexes import FACETS, Indexes
from .kinds import KINDS, Json
from .records import Entry
from .schema import BY_KEY, COLLECTIONS, PRAKTIJKVOORBEELD, Collection

FEED_SIZE = 50
# A spreadsheet runs a cell that starts with one of these as a formula (OWASP: CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _json(data: object, compact: bool = False) -> str:
    if compact:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def record(entry: Entry, base_url: str) -> dict[str, Json]:
    collection = BY_KEY[entry.collection]
    data: dict[str, Json] = {"slug": entry.slug, "url": base_url + entry.url}
    for field in collection.fields:
        data[field.key] = KINDS[field.kind].exported(entry.value(field.key))
    data["tekst"] = entry.body.strip() + "\n"
    return data


def filter_index(indexes: Indexes) -> dict[str, object]:
    """Lean on purpose: the overview downloads it on every visit."""
    facets = [
        {
            "veld": facet.key,
            "naam": facet.name,
            "waarden": [{"waarde": v, "label": indexes.label(facet, v)} for v in indexes.values(facet)],
        }
        for facet in FACETS
        if facet.vocabulary
    ]
    entries = [
        {
            "slug": e.slug,
            "url": e.url,
            "titel": e.titel,
            "samenvatting": e.samenvatting,
            "gemeente": list(e.values("gemeente")),
            "provincie": list(e.values("provincie")),
            "jaar": e.fields["jaar"],
            "ladder": list(e.values("ladder")),
            "overheidsrol": list(e.values("overheidsrol")),
            "themas": list(e.values("themas")),
            "onderbouwing": [e.fields["onderbouwing"]],
        }
        for e in indexes.praktijkvoorbeelden
    ]
    return {"facetten": facets, "praktijkvoorbeelden": entries}


def _cell(collection: Collection, column: str, value: Json) -> str:
    if value is None:
        return ""
    return KINDS[collection.field(column).kind].cell(value) if column in collection.keys else str(value)


def safe_cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(collection: Collection, records: list[dict[str, Json]]) -> str:
    """UTF-8 with BOM and CRLF, so Dutch Excel opens it with the right characters."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    if records:
        columns = list(records[0])
        writer.writerow(columns)
        for row in records:
            writer.writerow([safe_cell(_cell(collection, column, row[column])) for column in columns])
    return "\ufeff" + buffer.getvalue()


def feed(indexes: Indexes, config: MkDocsConfig) -> str:
    site_url = config.site_url.rstrip("/") + "/" if config.site_url else ""
    dates = gitdates.file_dates(indexes.corpus.root, PRAKTIJKVOORBEELD.folder)

    def updated(entry: Entry) -> str:
        # Entries git does not know yet get a date from their own content: deterministic, never the clock.
        return dates.get(entry.path) or f"{entry.fields['jaar']}-01-01T00:00:00+00:00"

    latest = sorted(indexes.praktijkvoorbeelden, key=lambda e: (updated(e), e.slug), reverse=True)[:FEED_SIZE]
    feed_updated = max((updated(e) for e in latest), default="2000-01-01T00:00:00+00:00")
    items = []
    for entry in latest:
        href = xml_escape(site_url + entry.url, {'"': "&quot;"})
        items.append(
            "  <entry>\n"
            f"    <title>{xml_escape(entry.titel)}</title>\n"
            f'    <link rel="alternate" type="text/html" href="{href}"/>\n'
            f"    <id>urn:kennisbank-participatie:praktijkvoorbeeld:{entry.slug}</id>\n"
            f"    <updated>{updated(entry)}</updated>\n"
            f"    <summary>{xml_escape(entry.samenvatting)}</summary>\n"
            "  </entry>\n"
        )
    home = xml_escape(site_url or "./", {'"': "&quot;"})
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">\n'
        f"  <title>{xml_escape(config.site_name)}: nieuwe en gewijzigde praktijkvoorbeelden</title>\n"
        f'  <link rel="alternate" type="text/html" href="{home}"/>\n'
        f'  <link rel="self" type="application/atom+xml" href="{xml_escape(site_url + urls.FEED)}"/>\n'
        "  <id>urn:kennisbank-participatie:feed</id>\n"
        f"  <updated>{feed_updated}</updated>\n"
        f"  <author><name>{xml_escape(config.site_author or config.site_name)}</name></author>\n" + "".join(items) + "</feed>\n"
    )


def paths() -> list[str]:
    """Where files() writes, known before any content is read, so nothing else may claim these paths."""
    names = [urls.FILTER_INDEX, urls.FEED]
    for collection in COLLECTIONS:
        names.append(urls.front_matter_schema(collection.key))
        if collection.exported:
            name = collection.folder.split("/")[-1]
            names += urls.open_data(name)
    return names


def files(indexes: Indexes, config: MkDocsConfig) -> dict[str, str]:
    """Path in the site -> content. Same content in, same bytes out."""
    # A full address only when the site knows where it is published; else relative to the site's root.
    base_url = config.site_url.rstrip("/") + "/" if config.site_url else ""
    vocabularies = indexes.vocabularies
    out = {urls.FILTER_INDEX: _json(filter_index(indexes), compact=True), urls.FEED: feed(indexes, config)}
    for collection in COLLECTIONS:
        out[urls.front_matter_schema(collection.key)] = _json(published_schema.front_matter(collection, vocabularies))
        if not collection.exported:
            continue
        name = collection.folder.split("/")[-1]
        records = [record(entry, base_url) for entry in indexes.corpus.entries[collection.key]]
        json_path, csv_path, schema_path = urls.open_data(name)
        out[json_path] = _json(records)
        out[csv_path] = to_csv(collection, records)
        out[schema_path] = _json(published_schema.export(collection, vocabularies))
    return out
