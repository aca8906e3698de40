"""The search index Material writes is tuned for Dutch readers and stays small as the corpus grows."""

from __future__ import annotations

import json

from kb import search


def _index(site):
    return json.loads((site.site / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_one_document_per_entry_with_folded_keywords(basis_site):
    docs = [d for d in _index(basis_site)["docs"] if d["location"].startswith("praktijkvoorbeelden/")]
    entries = [d for d in docs if d["location"] != "praktijkvoorbeelden/"]
    assert len(entries) == len({d["location"] for d in entries}) == 5
    assert all("#" not in d["location"] for d in entries)
    zwolle = next(d for d in entries if d["location"] == "praktijkvoorbeelden/zwolle-ideeenmakelaar/")
    assert "ideeenmakelaar" in zwolle["tags"]  # folded, so typing without the diaeresis finds it
    assert "<" not in zwolle["text"]
    assert "Bronnen" not in zwolle["text"] and "Gemeente & Gemeenschap" not in zwolle["text"]


def test_text_budget_keeps_every_entry_but_shortens_long_texts(basis_site, monkeypatch, tmp_path):
    original = basis_site.site / "search" / "search_index.json"
    before = json.loads(original.read_text(encoding="utf-8"))
    copy = tmp_path / "search_index.json"
    copy.write_text(json.dumps(before), encoding="utf-8")
    monkeypatch.setattr(search, "TEXT_BUDGET", 100)
    monkeypatch.setattr(search, "MIN_TEXT", 40)
    from kb import corpus
    from kb.indexes import Indexes

    loaded = Indexes(corpus.load(basis_site.project))
    search.tune(copy, {e.url: e for entries in loaded.corpus.entries.values() for e in entries})
    after = json.loads(copy.read_text(encoding="utf-8"))
    entry_docs = [d for d in after["docs"] if d["location"].startswith("praktijkvoorbeelden/") and d["location"] != "praktijkvoorbeelden/"]
    assert len(entry_docs) == 5
    assert all(len(d["text"]) <= 42 for d in entry_docs)
    assert all(d["title"] for d in entry_docs)
