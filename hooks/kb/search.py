"""Tune Material's search index for Dutch readers, after Material has written it.

Lunr does not fold diacritics, so a reader who types 'ideeenmakelaar' would not find
'ideeënmakelaar'. Each entry gets, in the `tags` field, the words of its samenvatting and municipality and the
folded form of every word with a diacritic; mkdocs.yml boosts that field above body text (titles
weigh most) and the stylesheet hides these tags in the results.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .records import Entry
from .textutil import fold

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
# The browser builds the search index each time a page opens. Beyond this many characters of entry
# text, every entry keeps its title, summary, keywords and the start of its text (at least MIN_TEXT
# characters), so the first result stays within about a second at 1,500 entries (scripts/benchmark.py).
TEXT_BUDGET = 450_000
MIN_TEXT = 300


def keywords(entry: Entry) -> list[str]:
    """Words of the summary that the title does not have already (the title field weighs most),
    and the folded spelling of every word with a diacritic, so 'ideeenmakelaar' finds 'ideeënmakelaar'."""
    title = {word.lower() for word in _WORD.findall(entry.titel)}
    summary = {word.lower() for word in _WORD.findall(" ".join([entry.samenvatting, *entry.values("gemeente")]))}
    folded = {fold(word) for word in title | summary} - title - summary
    return sorted({word for word in summary - title if len(word) > 3} | folded)


def tune(index_path: Path, entries_by_url: dict[str, Entry]) -> None:
    """One search document per entry, its sections joined: a reader looks for an example, not a
    paragraph, and a fifth of the documents makes the browser build its index and answer faster."""
    index = json.loads(index_path.read_text(encoding="utf-8"))
    docs = []
    merged: dict[str, dict] = {}
    for doc in index["docs"]:
        page_url, _, anchor = doc["location"].partition("#")
        entry = entries_by_url.get(page_url)
        if entry is None:
            docs.append(doc)
        elif page_url not in merged:
            merged[page_url] = {**doc, "location": page_url, "tags": keywords(entry)}
            docs.append(merged[page_url])
        elif doc["text"] and anchor != "bronnen":
            merged[page_url]["text"] += " " + doc["text"]
    for doc in merged.values():
        # Plain text indexes faster and cleaner than markup; the result teaser needs no tags.
        doc["text"] = _SPACE.sub(" ", _TAG.sub(" ", doc["text"])).strip()
    total = sum(len(doc["text"]) for doc in merged.values())
    if total > TEXT_BUDGET:
        limit = max(MIN_TEXT, TEXT_BUDGET // len(merged))
        for doc in merged.values():
            if len(doc["text"]) > limit:
                doc["text"] = doc["text"][:limit].rsplit(" ", 1)[0] + " …"
    index["docs"] = docs
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
