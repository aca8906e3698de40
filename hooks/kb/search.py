"""Tune Material's search index for Dutch readers, after Material has written it.

Lunr does not fold diacritics, so a reader who types 'ideeenmakelaar' would not find
'ideeënmakelaar'. The first section of each entry gets, in the `tags` field, the words of its
title, samenvatting and municipality, each also in its folded form; mkdocs.yml boosts that field
above body text (titles weigh most) and the stylesheet hides these tags in the results.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .records import Entry
from .textutil import fold

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


def keywords(entry: Entry) -> list[str]:
    words = {word.lower() for word in _WORD.findall(" ".join([entry.titel, entry.samenvatting, *entry.values("gemeente")]))}
    return sorted(words | {fold(word) for word in words})


def tune(index_path: Path, entries_by_url: dict[str, Entry]) -> None:
    index = json.loads(index_path.read_text(encoding="utf-8"))
    for doc in index["docs"]:
        entry = entries_by_url.get(doc["location"])
        if entry is not None:
            doc["tags"] = keywords(entry)
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
