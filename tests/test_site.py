"""The built fixture site, read as a reader's browser gets it."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from sitebuilder import FIXTURES


class Links(HTMLParser):
    """Every tag with its attributes, to look for links, scripts and event handlers."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def parse(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = Links()
    parser.feed(html)
    return parser.tags


def article(html: str) -> str:
    return html[html.index("<article") : html.index("</article>")]


def test_every_praktijkvoorbeeld_has_its_page_with_title(basis_site):
    for path in (FIXTURES / "basis" / "praktijkvoorbeelden").glob("*.md"):
        html = basis_site.page(f"praktijkvoorbeelden/{path.stem}")
        assert "<h1>" in html
    html = basis_site.page("praktijkvoorbeelden/zwolle-ideeenmakelaar")
    assert "<h1>Zwolle: de ideeënmakelaar</h1>" in html
    assert "<title>Zwolle: de ideeënmakelaar - Kennisbank Participatie</title>" in html


def test_facts_box_in_dutch_notation_with_links(basis_site):
    html = article(basis_site.page("praktijkvoorbeelden/zwijndrecht-dorpsraad"))
    assert "<dt>Inwoners</dt><dd>44.500</dd>" in html
    assert '<a href="../../participatieladder/meebeslissen/">Meebeslissen</a>' in html
    assert '<a href="../../catalogus/provincie/zuid-holland/">Zuid-Holland</a>' in html
    assert '<a href="../../participatieladder/faciliteren/">Faciliteren</a>' in html
    assert "<dt>Jaar</dt><dd>2018</dd>" in html
    assert "Provincie Zuid-Holland, 2018, pagina 20." in html
    assert "<dt>Inwoners</dt><dd>107.000</dd>" in basis_site.page("praktijkvoorbeelden/emmen-bom-crlf")


def test_entry_links_to_its_forms_tools_and_related(basis_site):
    html = article(basis_site.page("praktijkvoorbeelden/zwijndrecht-dorpsraad"))
    assert 'href="../../keuzemenu/dorpsraad-of-wijkraad/"' in html
    assert 'href="../../toolbox/vijf-lessen-kernendemocratie/"' in html
    assert 'href="../rotterdam-buurt-bestuurt/"' in html
    # and back: the related entry names it, though only one side wrote it down
    assert 'href="../zwijndrecht-dorpsraad/"' in basis_site.page("praktijkvoorbeelden/rotterdam-buurt-bestuurt")


def test_navigation_lists_sections_never_entries(basis_site):
    html = basis_site.page("praktijkvoorbeelden/zwolle-ideeenmakelaar")
    nav = html[html.index('<nav class="md-nav md-nav--primary') : html.index("</nav>", html.index("md-nav--primary"))]
    assert "Praktijkvoorbeelden" in nav
    assert "rotterdam-buurt-bestuurt" not in html[html.index("md-nav--primary") : html.index("<article")]


def test_hostile_text_never_becomes_markup(basis_site):
    html = basis_site.page("praktijkvoorbeelden/aanval-test")
    for tag, attrs in parse(html):
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert not any(value.strip().lower().startswith("javascript:") for value in attrs.values()), (tag, attrs)
    assert [tag for tag, _ in parse(article(html)) if tag in ("script", "iframe", "object", "embed", "form")] == []
    assert "kbXss=4" not in html  # the body's script is dropped with its content
    assert "Tekst blijft staan." in html
    assert '<td style="text-align:right">1</td>' in html  # tables keep working
    assert "&lt;script&gt;window.kbXss=1&lt;/script&gt;" in html


def test_site_asks_no_other_host(basis_site):
    for page in basis_site.site.rglob("*.html"):
        for tag, attrs in parse(page.read_text(encoding="utf-8")):
            if tag in ("script", "img", "iframe", "source", "audio", "video") and "src" in attrs:
                assert not re.match(r"^(https?:)?//", attrs["src"]), (page, tag, attrs)
            if tag == "link" and attrs.get("rel") in ("stylesheet", "preload", "preconnect", "icon", "dns-prefetch"):
                assert not re.match(r"^(https?:)?//", attrs.get("href", "")), (page, attrs)
    css = "".join(p.read_text(encoding="utf-8") for p in basis_site.site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "fonts.gstatic" not in css


def test_home_page_says_what_and_for_whom(basis_site):
    html = basis_site.page("")
    assert "Waar wil je beginnen?" in html
    assert '<html lang="nl"' in html


def test_edit_link_points_to_the_source_file(basis_site):
    html = basis_site.page("praktijkvoorbeelden/zwolle-ideeenmakelaar")
    assert "/edit/main/praktijkvoorbeelden/zwolle-ideeenmakelaar.md" in html
    assert "/edit/main/docs/keuzemenu/ideeenmakelaar.md" in basis_site.page("keuzemenu/ideeenmakelaar")
