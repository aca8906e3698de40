"""Small text helpers shared by validation, rendering and exports."""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Lower case without diacritics: 'Fryslân' -> 'fryslan', 'ideeën' -> 'ideeen'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def slugify(text: str) -> str:
    # Apostrophes vanish ("EOP's" -> "eops"), as in the web editor (Decap CMS), so both name a new file alike.
    return re.sub(r"[^a-z0-9]+", "-", re.sub(r"['’]", "", fold(text))).strip("-")


def dutch_number(number: int) -> str:
    """45000 -> '45.000', as Dutch readers write it."""
    return f"{number:,}".replace(",", ".")
