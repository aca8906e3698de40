"""Open data, JSON Schemas and the feed, as a re-user downloads them."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import jsonschema

from sitebuilder import FIXTURES

ATOM = "{http://www.w3.org/2005/Atom}"


def _load(site, name):
    return json.loads((site.site / "open-data" / name).read_text(encoding="utf-8"))


def test_json_exports_are_complete_and_valid(basis_site):
    for name, folder in (
        ("praktijkvoorbeelden", "praktijkvoorbeelden"),
        ("keuzemenu", "docs/keuzemenu"),
        ("toolbox", "docs/toolbox"),
    ):
        records = _load(basis_site, f"{name}.json")
        schema = _load(basis_site, f"{name}.schema.json")
        jsonschema.validate(records, schema)
        expected = sorted(p.stem for p in (FIXTURES / "basis" / folder).glob("*.md") if p.name != "index.md")
        assert [r["slug"] for r in records] == expected
    entry = next(r for r in _load(basis_site, "praktijkvoorbeelden.json") if r["slug"] == "zwijndrecht-dorpsraad")
    assert entry["inwoners"] == 44500
    assert entry["url"] == "praktijkvoorbeelden/zwijndrecht-dorpsraad/"  # no site_url: relative to the site's root
    assert entry["bronnen"] == [
        {"titel": "Handreiking kernendemocratie", "uitgever": "Provincie Zuid-Holland", "jaar": 2018, "pagina": "20"}
    ]
    assert entry["ladder"] == ["adviseren", "meebeslissen"]
    hostile = next(r for r in _load(basis_site, "praktijkvoorbeelden.json") if r["slug"] == "aanval-test")
    assert hostile["titel"].startswith("<script>window.kbXss=1</script>")  # data stays data, unchanged


def test_csv_opens_in_dutch_spreadsheets_and_runs_no_formula(basis_site):
    raw = (basis_site.site / "open-data" / "praktijkvoorbeelden.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert len(rows) == len(list((FIXTURES / "basis" / "praktijkvoorbeelden").glob("*.md")))
    hostile = next(r for r in rows if r["slug"] == "aanval-test")
    assert hostile["samenvatting"].startswith("'=HYPERLINK(")
    assert '"quote", komma' in hostile["samenvatting"]
    assert "\n" in hostile["tekst"]  # newlines survive inside a quoted cell
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value
    zwolle = next(r for r in rows if r["slug"] == "zwolle-ideeenmakelaar")
    assert zwolle["overheidsrol"] == "faciliteren; stimuleren"
    assert zwolle["bronnen"] == "Gemeente & Gemeenschap (Ministerie van BZK en VNG, 2013, p. 6)"


def test_front_matter_schema_accepts_the_fixture_entries(basis_site):
    import frontmatter

    schema = json.loads((basis_site.site / "schema" / "praktijkvoorbeeld.schema.json").read_text(encoding="utf-8"))
    for path in (FIXTURES / "basis" / "praktijkvoorbeelden").glob("*.md"):
        jsonschema.validate(frontmatter.loads(path.read_text(encoding="utf-8-sig")).metadata, schema)


def test_feed_is_valid_atom_and_announced(basis_site):
    tree = ET.fromstring((basis_site.site / "feed.xml").read_bytes())
    assert tree.tag == f"{ATOM}feed"
    entries = tree.findall(f"{ATOM}entry")
    assert len(entries) == len(list((FIXTURES / "basis" / "praktijkvoorbeelden").glob("*.md")))
    for entry in entries:
        for child in ("title", "id", "updated", "summary", "link"):
            assert entry.find(f"{ATOM}{child}") is not None
    for page in ("", "praktijkvoorbeelden/zwolle-ideeenmakelaar", "keuzemenu"):
        assert '<link rel="alternate feed" type="application/atom+xml"' in basis_site.page(page)
