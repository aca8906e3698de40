"""The whole Keuzemenu as one printable booklet, as Emmen printed it for its EOP's."""

from __future__ import annotations

import re

from .catalogue import GeneratedPage
from .html import link, relative, text
from .indexes import Indexes, title_order
from .pages import facts_box, sources
from .records import Entry
from .schema import KEUZEMENU

SRC_URI = "keuzemenu/boekje.md"
TITLE = "Het Keuzemenu als boekje"


def _own_ids(html: str, prefix: str) -> str:
    """Every form has the same headings; prefix their ids so each stays unique in the booklet."""
    html = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}-\1"', html)
    return re.sub(r'href="#([^"]+)"', rf'href="#{prefix}-\1"', html)


def render(indexes: Indexes, bodies: dict[str, str], page_url: str) -> str:
    """bodies: form slug -> its sanitized HTML body, as rendered for its own page."""
    forms: list[Entry] = sorted(indexes.corpus.entries[KEUZEMENU.key], key=title_order)
    toc = "".join(f'<li><a href="#vorm-{f.slug}">{text(f.titel)}</a></li>' for f in forms)
    parts = [
        '<div class="kb-boekje-intro">',
        "<p>Dit boekje bevat alle vormen uit het Keuzemenu. Print het uit of sla het op als pdf. "
        "Elke vorm begint op een nieuwe bladzijde.</p>",
        f'<nav aria-labelledby="inhoud"><h2 id="inhoud">Inhoud</h2><ol class="kb-inhoud">{toc}</ol></nav>',
        "</div>",
    ]
    for form in forms:
        body = _own_ids(bodies.get(form.slug, ""), f"vorm-{form.slug}")
        parts.append(
            f'<section class="kb-vorm" aria-labelledby="vorm-{form.slug}">'
            f'<h2 id="vorm-{form.slug}">{text(form.titel)}</h2>'
            f'<p class="kb-samenvatting">{text(form.samenvatting)}</p>'
            f"{_demote(facts_box(indexes, form, page_url))}{_demote(body)}"
            f'<p class="kb-bron-link">Online: {link(relative(form.url, page_url), form.url)}</p>'
            f"{_demote(_own_ids(sources(form), f'vorm-{form.slug}'))}</section>"
        )
    return "\n".join(parts)


def _demote(html: str) -> str:
    """Headings inside a form move one level down: the form's title is the h2."""
    return re.sub(r"<(/?)h([2-5])\b", lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", html)


def page(indexes: Indexes) -> GeneratedPage:
    # The real content is filled in once every form page has been rendered (kennisbank.on_page_context).
    return GeneratedPage(SRC_URI, TITLE, lambda page_url: "")
