"""What the site search indexes (Pagefind's fragments, read back from the built basis site): each page's
own full text with the Dutch terms after it, its kind and facts as metadata; no generated overviews,
facts box, sources or Material search index."""

from __future__ import annotations

import gzip
import json

import pytest

from kennisbank_participatie import dutch, sitesearch, urls


def _fragments(site) -> dict[str, dict]:
    found = {}
    for path in (site.site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        fragment = json.loads(data[len(b"pagefind_dcd") :])
        found[fragment["url"].strip("/") + "/"] = fragment
    return found


@pytest.fixture(scope="module")
def fragments(basis_site):
    return _fragments(basis_site)


def test_every_page_but_generated_overviews_is_indexed_once(basis_site, fragments):
    assert "praktijkvoorbeelden/zwolle-ideeenmakelaar/" in fragments
    assert "keuzemenu/ideeenmakelaar/" in fragments
    assert not [url for url in fragments if url.startswith("catalogus/")]
    assert "keuzemenu/boekje/" not in fragments and "keuzehulp/" not in fragments
    assert not (basis_site.site / "search" / "search_index.json").exists()


def test_an_entry_is_indexed_with_its_full_text_kind_and_facts(fragments):
    zwolle = fragments["praktijkvoorbeelden/zwolle-ideeenmakelaar/"]
    assert zwolle["meta"]["title"] == "Zwolle: de ideeënmakelaar"
    assert zwolle["meta"]["soort"] == "praktijkvoorbeeld"
    assert zwolle["meta"]["gemeente"] == "Zwolle" and zwolle["meta"]["jaar"].isdigit()
    text, _, terms = zwolle["content"].partition(sitesearch.TERMS_MARKER)
    assert "¶" not in text and "Provincie" not in text and "Bronnen" not in text
    assert "ideeenmakelar" in terms.split() and "burger" in terms.split()  # key and the synonym group of 'inwoner'
    assert "kbsoortpraktijkvoorbeeld" in terms  # for narrowing by kind
    # Where a page holds a term: every term of the title and of the summary once more, marked, for the ranking.
    in_title = {t.removesuffix(sitesearch.TITLE_MARK) for t in terms.split() if t.endswith(sitesearch.TITLE_MARK)}
    in_summary = {t.removesuffix(sitesearch.SUMMARY_MARK) for t in terms.split() if t.endswith(sitesearch.SUMMARY_MARK)}
    assert {dutch.key("zwolle"), dutch.key("ideeenmakelaar")} <= in_title
    assert dutch.key("indianensessies") not in in_title | in_summary  # a word of the body only
    assert dutch.key(zwolle["meta"]["samenvatting"].split()[-1].strip(".").lower()) in in_summary
    form = fragments["keuzemenu/ideeenmakelaar/"]
    assert form["meta"]["soort"] == "vorm" and "gemeente" not in form["meta"]


def test_pagefind_looks_every_5_ms_whether_it_can_search(basis_site):
    script = (basis_site.site / urls.SEARCH_ENGINE).read_text(encoding="utf-8")
    assert script.count("await asyncSleep(5);}") == 1 and sitesearch._START_POLL not in script


def test_same_content_gives_the_same_index(basis_site, tmp_path):
    from sitebuilder import build

    again = build(basis_site.project, "--site-dir", str(tmp_path / "again"))
    assert again.returncode == 0, again.log
    first = {p.relative_to(basis_site.site): p.read_bytes() for p in (basis_site.site / "pagefind").rglob("*") if p.is_file()}
    second = {
        p.relative_to(tmp_path / "again"): p.read_bytes() for p in (tmp_path / "again" / "pagefind").rglob("*") if p.is_file()
    }
    assert first == second


def test_the_language_data_is_deterministic_and_complete(basis_site):
    data = json.loads(gzip.decompress((basis_site.site / sitesearch.WORDS_FILE).read_bytes()))
    assert data["marker"] == sitesearch.TERMS_MARKER
    assert data["synoniemen"]["bewoner"] == "burger"
    assert "ideeenmakelar ideeenmakelaar" in data["woorden"].split("\n")
    assert (basis_site.site / sitesearch.WORDS_FILE).read_bytes()[4:8] == b"\0\0\0\0"  # no timestamp


def test_plain_text_keeps_words_whole():
    html = '<h2 id="a">Kop<a class="headerlink" href="#a">¶</a></h2><p>Een <em>dorps</em>budget, <script>x()</script>en</p>'
    assert sitesearch.plain_text(html) == "Kop Een dorpsbudget, en"


def test_only_what_the_browser_loads_of_pagefind_is_shipped(basis_site):
    folder = basis_site.site / sitesearch.INDEX_DIR
    shipped = {path.name for path in folder.iterdir()}
    assert {"pagefind.js", "pagefind-entry.json", f"wasm.{sitesearch.LANGUAGE}.pagefind", "index", "fragment"} <= shipped
    assert not [name for name in shipped if "-ui" in name or "worker" in name or "highlight" in name or "unknown" in name]
    # The language data names Pagefind's index, so the browser fetches its metadata without waiting.
    data = json.loads(gzip.decompress((basis_site.site / sitesearch.WORDS_FILE).read_bytes()))
    entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert data["index"] == entry["languages"][sitesearch.LANGUAGE]["hash"]
    assert (folder / f"pagefind.{data['index']}.pf_meta").is_file()
    # The start script at the top of every page names it too, so a page opened with ?q= asks for it at once.
    start = (basis_site.site / "assets" / "kb-zoeken-start.js").read_text(encoding="utf-8")
    assert f'var INDEX = "{data["index"]}";' in start
    assert sitesearch.INDEX_PLACEHOLDER not in start
