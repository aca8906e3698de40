"""The whole Keuzemenu as one printable booklet, as Emmen printed it for its EOP's."""

from __future__ import annotations

import re
from pathlib import Path

from . import gitdates, urls
from .generated import GeneratedPage
from .html import link, relative, text
from .indexes import Indexes
from .pages import facts_box, sources
from .schema import KEUZEMENU

TITLE = "Het Keuzemenu als boekje"
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
UNKNOWN_DATE = "Stand van de kennisbank: datum onbekend. Kijk online voor de nieuwste versie."


def date_line(root: Path) -> str:
    """The date of the last change to the knowledge base (its last commit): the same files give the same
    line, whenever they are built. Without git there is no date to give, so the line says which version."""
    changed = gitdates.last_change(root)
    if changed is None:
        return UNKNOWN_DATE
    return f"Stand van de kennisbank: {changed.day} {MONTHS[changed.month - 1]} {changed.year}."


def _own_ids(html: str, prefix: str) -> str:
    """Every form has the same headings; prefix their ids so each stays unique in the booklet."""
    html = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}-\1"', html)
    return re.sub(r'href="#([^"]+)"', rf'href="#{prefix}-\1"', html)


def render(indexes: Indexes, bodies: dict[str, str], page_url: str, site_url: str = "") -> str:
    """bodies: form slug -> its sanitized HTML body, as rendered for its own page. On paper a path
    without its host means nothing, so a form's address is printed only when site_url is known."""
    site_url = site_url.rstrip("/") + "/" if site_url else ""
    keuzemenu = urls.section(urls.KEUZEMENU)
    forms = indexes.sorted_entries(KEUZEMENU.key)
    toc = "".join(f'<li><a href="#vorm-{f.slug}">{text(f.titel)}</a></li>' for f in forms)
    # Chromium prints no page numbers in a table of contents (no target-counter): the forms are numbered
    # instead, in the contents and above each form, and every page has its number in the margin.
    parts = [
        '<div class="kb-boekje">',
        '<div class="kb-boekje-intro">',
        "<p>Dit boekje bevat alle vormen uit het Keuzemenu. Print het uit of sla het op als pdf. "
        "Elke vorm begint op een nieuwe bladzijde. De vormen zijn genummerd, zoals in de inhoud.</p>",
        f'<p class="kb-boekje-stand">{text(date_line(indexes.corpus.root))} '
        f"Online: {link(relative(keuzemenu, page_url), site_url + keuzemenu if site_url else 'het Keuzemenu')}.</p>",
        f'<nav aria-labelledby="inhoud"><h2 id="inhoud">Inhoud</h2><ol class="kb-inhoud">{toc}</ol></nav>',
        "</div>",
    ]
    for number, form in enumerate(forms, start=1):
        body = _own_ids(bodies.get(form.slug, ""), f"vorm-{form.slug}")
        address = (
            f'<p class="kb-bron-link">Online: {link(relative(form.url, page_url), site_url + form.url)}</p>' if site_url else ""
        )
        parts.append(
            f'<section class="kb-vorm" aria-labelledby="vorm-{form.slug}">'
            f'<h2 id="vorm-{form.slug}"><span class="kb-vormnummer">{number}.</span> {text(form.titel)}</h2>'
            f'<p class="kb-samenvatting">{text(form.samenvatting)}</p>'
            f"{_demote(facts_box(indexes, form, page_url))}{_demote(body)}{address}"
            f"{_demote(_own_ids(sources(form), f'vorm-{form.slug}'))}</section>"
        )
    parts.append("</div>")
    return "\n".join(parts)


def _demote(html: str) -> str:
    """Headings inside a form move one level down: the form's title is the h2."""
    return re.sub(r"<(/?)h([2-5])\b", lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", html)


def page(indexes: Indexes) -> GeneratedPage:
    # The real content is filled in once every form page has been rendered (kennisbank.on_page_context).
    return GeneratedPage(urls.BOOKLET_SRC, TITLE, lambda page_url: "")
