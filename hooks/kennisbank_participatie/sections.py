"""Generated lists on the hand-written introduction pages of the Keuzemenu, toolbox and ladder."""

from __future__ import annotations

from . import urls
from .effort import PART_LABELS, VOCABULARY, level_label, meaning
from .html import heading, items, link, relative, text
from .indexes import Indexes
from .listing import entry_list
from .records import Entry
from .schema import EFFORT_KEYS, KEUZEMENU, PRAKTIJKVOORBEELD, TOOLBOX


def _checkboxes(name: str, legend: str, options: list[tuple[str, str]]) -> str:
    rows = "".join(
        f'<li><input type="checkbox" name="{name}" value="{text(value)}" id="kb-vf-{name}-{n}" '
        f'aria-describedby="kb-vf-{name}-{n}-n"><label for="kb-vf-{name}-{n}">{text(label)}</label> '
        f'<span class="kb-rij" id="kb-vf-{name}-{n}-n"></span></li>'
        for n, (value, label) in enumerate(options)
    )
    return f'<fieldset class="kb-facet"><legend>{text(legend)}</legend><ul>{rows}</ul></fieldset>'


def _form_card(indexes: Indexes, form: Entry, page_url: str) -> str:
    vocabularies = indexes.vocabularies
    rungs = form.values("ladder")
    effort = form.fields["inzet"]
    labels = " ".join(f'<span class="kb-label">{text(label)}</span>' for label in indexes.term_labels("ladder", rungs))
    parties = ", ".join(indexes.term_labels("partij", form.values("initiatief")))
    asks = "".join(
        f"<li><strong>{text(PART_LABELS[part])}: {text(level_label(vocabularies, getattr(effort, part)))}</strong> — "
        f"{text(meaning(vocabularies, part, getattr(effort, part)))}</li>"
        for part in EFFORT_KEYS
    )
    data = " ".join(f'data-{part}="{text(getattr(effort, part))}"' for part in EFFORT_KEYS)
    return (
        f'<li class="kb-vormkaart" id="vorm-{form.slug}" data-slug="{form.slug}" data-ladder="{text("|".join(rungs))}" '
        f'data-initiatief="{text("|".join(form.values("initiatief")))}" {data}>'
        f'<h2 id="kaart-{form.slug}">{link(relative(form.url, page_url), form.titel)}</h2>'
        f"<p>{text(form.samenvatting)}</p>"
        f'<p class="kb-kaartregel"><span class="kb-kaartkop">Trede:</span> {labels}</p>'
        f'<p class="kb-kaartregel"><span class="kb-kaartkop">Wie begint?</span> {text(parties)}</p>'
        f'<p class="kb-kaartregel kb-kaartkop">Wat vraagt het?</p><ul class="kb-inzet">{asks}</ul>'
        "</li>"
    )


def keuzemenu_index(indexes: Indexes, page_url: str) -> str:
    """Every form once, as a card with its rungs, who starts it and what it asks. The filters, the
    comparison and the shortlist are added by keuzekaart.js; without it the full list stays."""
    vocabularies = indexes.vocabularies
    forms = indexes.sorted_entries(KEUZEMENU.key)
    used = {key: {value for form in forms for value in form.values(key)} for key in ("ladder", "initiatief")}
    used.update({part: {getattr(form.fields["inzet"], part) for form in forms} for part in EFFORT_KEYS})
    groups = [
        _checkboxes("ladder", "Trede", [(t.value, t.label) for t in vocabularies["ladder"].terms if t.value in used["ladder"]]),
        _checkboxes(
            "initiatief",
            "Wie begint?",
            [(t.value, t.label) for t in vocabularies["partij"].terms if t.value in used["initiatief"]],
        ),
        *(
            _checkboxes(
                part,
                f"{PART_LABELS[part]}: wat vraagt het?",
                [(t.value, t.label) for t in vocabularies[VOCABULARY].terms if t.value in used[part]],
            )
            for part in EFFORT_KEYS
        ),
    ]
    cards = "".join(_form_card(indexes, form, page_url) for form in forms)
    return (
        f'<div id="kb-keuzemenu" data-vergelijk="{relative(urls.COMPARE, page_url)}" '
        f'data-gesprekskaart="{relative(urls.CARD, page_url)}">'
        '<form id="kb-vormfilter" class="kb-vormfilter" aria-label="Filter de vormen" hidden>'
        '<details><summary>Filter de vormen<span id="kb-vf-actief"></span></summary>'
        f'<div class="kb-facetten">{"".join(groups)}</div>'
        '<p><button type="button" class="md-button" id="kb-wis-vormfilters">Wis filters</button></p>'
        "</details></form>"
        f'<p id="kb-vormen-status" class="kb-vormen-status" role="status">{len(forms)} vormen</p>'
        f'<ul class="kb-vormkaarten">{cards}</ul>'
        '<p id="kb-geen-vormen" hidden>Geen vorm past bij deze filters. Kies minder filters of wis ze.</p>'
        '<div id="kb-keuzebalk" class="kb-keuzebalk" hidden></div>'
        "</div>"
        f"<p>{link(relative(urls.BOOKLET, page_url), 'Het hele Keuzemenu als boekje om te printen')}</p>"
    )


def toolbox_index(indexes: Indexes, page_url: str) -> str:
    tools = indexes.sorted_entries(TOOLBOX.key)
    parts = []
    for term in indexes.vocabulary("fase").terms:
        in_phase = tuple(tool for tool in tools if term.value in tool.values("fase"))
        if in_phase:
            parts.append(heading(2, f"fase-{term.value}", f"{term.label} ({len(in_phase)})"))
            parts.append(entry_list(indexes, in_phase, page_url))
    return "\n".join(parts)


def ladder_index(indexes: Indexes, page_url: str) -> str:
    parts = []
    for key, title in (("ladder", "De participatieladder"), ("overheidsrol", "De overheidsparticipatietrap")):
        vocabulary = indexes.vocabulary(key)
        rows = [
            f"{link(relative(urls.rung(term.value), page_url), term.label)} "
            f'<span class="kb-rij">{text(term.description)} '
            f"({len(indexes.at_rung(PRAKTIJKVOORBEELD.key, term.value))} praktijkvoorbeelden)</span>"
            for term in vocabulary.terms
        ]
        parts.append(heading(2, f"overzicht-{key}", title) + items(rows, tag="ol", css="kb-lijst"))
    return "\n".join(parts)


LEADING_OVERVIEWS = {"keuzemenu"}  # overviews shown above their page's own introduction
SECTION_INDEXES = {"keuzemenu": keuzemenu_index, "toolbox": toolbox_index, "participatieladder": ladder_index}
