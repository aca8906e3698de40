"""One label per value: wherever a reader sees a controlled value, the site shows its label from
data/vocabulaire.yml, never the value editors write in front matter.

The fixture corpus is built with a vocabulary whose every label differs from its value (the label
gets MARK), so a raw value shown anywhere is found, also where label and value look alike today
(the provinces)."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser

import pytest
import yaml

from browser import Watched, serve
from sitebuilder import build, make_project

MARK = "-L"
# What separates the values in a line a reader sees: 'Emmen · Drenthe · 2020', 'Trede: a, b'.
_SEPARATORS = re.compile(r"[,·:;()\n|—]")
_FIELD_WORDS = 4  # a label is a few words; a longer piece of text is a sentence


@pytest.fixture(scope="module")
def labelled_site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("labels"))
    path = project / "data" / "vocabulaire.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw: set[str] = set()
    for vocabulary in data.values():
        for term in vocabulary["waarden"]:
            raw.add(term["waarde"])
            term["label"] += MARK
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.log
    return result, raw


class _TextNodes(HTMLParser):
    """The text a reader sees, node by node: no scripts or styles, and no code, where the site shows
    what editors type (front matter, with its values)."""

    _SKIPPED = {"script", "style", "template", "pre", "code"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skipping = 0
        self.nodes: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIPPED:
            self.skipping += 1

    def handle_endtag(self, tag):
        if tag in self._SKIPPED and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping:
            self.nodes.append(data)


def text_nodes(html: str) -> list[str]:
    parser = _TextNodes()
    parser.feed(html)
    return parser.nodes


# The same, in the browser, after the scripts have run.
_TEXT_NODES_JS = """root => {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const found = [];
  while (walker.nextNode()) {
    if (!walker.currentNode.parentElement.closest("script, style, template, pre, code")) found.push(walker.currentNode.data);
  }
  return found;
}"""


def raw_values_in(nodes: list[str], raw: set[str]) -> set[str]:
    """Values shown as a field, a list item or a heading where their label belongs. A sentence may
    use the word (the glossary: 'reguleren, regisseren, ...'), so a node with a longer piece is prose."""
    found: set[str] = set()
    for node in nodes:
        pieces = {piece.strip(" \t.") for piece in _SEPARATORS.split(node)}
        if all(len(piece.split()) <= _FIELD_WORDS for piece in pieces):
            found |= pieces & raw
    return found


def test_the_check_finds_a_raw_value():
    raw = {"Drenthe", "meebeslissen", "reguleren"}
    assert raw_values_in(["Emmen · Drenthe · 2020"], raw) == {"Drenthe"}
    assert raw_values_in(["Trede: ", "meebeslissen"], raw) == {"meebeslissen"}
    assert raw_values_in(["Emmen · Drenthe-L · 2020", "Inwoners gaan meebeslissen over het plan."], raw) == set()
    assert raw_values_in(["De vijf rollen van de overheid: reguleren, regisseren en loslaten."], raw) == set()
    assert text_nodes("<p>Trede: <em>meebeslissen</em></p><pre><code>provincie: Drenthe</code></pre>") == [
        "Trede: ",
        "meebeslissen",
    ]


def test_every_page_shows_labels_not_values(labelled_site):
    result, raw = labelled_site
    found = {}
    for path in sorted(result.site.rglob("*.html")):
        rel = path.relative_to(result.site).as_posix()
        if rel.startswith("admin/"):
            continue
        shown = raw_values_in(text_nodes(path.read_text(encoding="utf-8")), raw)
        if shown:
            found[rel] = sorted(shown)
    assert found == {}


def test_the_labels_reach_the_pages(labelled_site):
    """The check above would pass on a page without any value: the labels are really there."""
    result, _ = labelled_site
    overview = "".join(text_nodes(result.page("praktijkvoorbeelden")))
    assert f"Drenthe{MARK}" in overview and f"Meebeslissen{MARK}" in overview
    example = "".join(text_nodes(result.page("praktijkvoorbeelden/emmen-bom-crlf")))
    assert f"Drenthe{MARK}" in example
    assert f"Drenthe{MARK}" in "".join(text_nodes(result.page("catalogus/gemeente/emmen")))


@pytest.mark.browser
def test_what_scripts_show_uses_labels(labelled_site, browser):
    result, raw = labelled_site
    with serve(result.site) as base, Watched(browser, base) as reader:
        page = reader.open("praktijkvoorbeelden/")
        page.wait_for_selector("#kb-filter-resultaten li")
        page.get_by_label(f"Meebeslissen{MARK}", exact=True).check()
        assert raw_values_in(page.locator("#kb-filter").evaluate(_TEXT_NODES_JS), raw) == set()
        assert f"Zuid-Holland{MARK}" in page.locator("#kb-filter-resultaten").inner_text()
        with page.expect_download() as download:
            page.get_by_role("button", name="Download deze selectie (CSV)").click()
        rows = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8-sig").read()), delimiter=";"))
        assert {row["provincie"] for row in rows} == {f"Zuid-Holland{MARK}"}
        assert {row["ladder"] for row in rows} >= {f"Meebeslissen{MARK}"}

        page = reader.open("keuzemenu/vergelijk/?vorm=buurt-bestuurt&vorm=ideeenmakelaar")
        page.wait_for_selector(".kb-vg-rij")
        assert raw_values_in(page.locator("main").evaluate(_TEXT_NODES_JS), raw) == set()
        page = reader.open("keuzemenu/gesprekskaart/?vorm=buurt-bestuurt&vorm=ideeenmakelaar")
        page.wait_for_selector(".kb-kaart-vorm")
        assert raw_values_in(page.locator("main").evaluate(_TEXT_NODES_JS), raw) == set()
        page = reader.open("keuzehulp/?doel=advies&besluit=gemeente-na-advies&inzet=veel&moment=concept")
        page.wait_for_selector("#kb-advies h2")
        assert raw_values_in(page.locator("main").evaluate(_TEXT_NODES_JS), raw) == set()
        assert reader.errors == [] and reader.foreign == []
