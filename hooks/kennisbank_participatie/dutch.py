"""The Dutch layer of the site search: one definition, used when the index is built and, through the
data the build writes (zoeken/woorden.txt.gz) and its mirror in docs/assets/kb-zoeken.js, when a
reader types. tests/test_dutch.py runs both on the same table of cases.

A word becomes a *key*: lower case without accents, with the simple Dutch word forms taken off, so
'Initiatieven', 'initiatief' and 'initiatiefje' share the key 'initiatief', and 'enquêtes' and 'enquete'
share 'enquet'. Keys need not be words; they only have to agree at both ends.

A compound is split into keys of words the corpus itself uses on their own ('dorpsbudget' -> 'dorp',
'budget'), and every key of a synonym group (data/synoniemen.yml) also stands for the group's first
word, so 'inwoner' and 'bewoner' are found by 'burger'.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .textutil import fold

WORD = re.compile(r"[^\W_]+")
VOWELS = "aeiouy"
MIN_PART = 4  # shorter parts ('ver', 'ing', 'heid' never stand alone) split words wrongly
MAX_PARTS = 3
MAX_COMPOUND = 60  # longer 'words' (codes, hostile text) are not split: the longest Dutch compounds stay under it
TYPO_MIN_LENGTH = 6  # one typo is forgiven in words of this many letters or more
# Words a query can leave out: they are on nearly every page, so they only slow the search down.
STOP_WORDS = frozenset(
    "de het een en van in op te voor met aan bij die dat dit deze zijn is om hoe wat wie als naar door over "
    "ook niet maar of wordt worden kan kunnen er we je ze hun onze ons mijn meer dan nog zo u".split()
)


# A euro sign in a word with letters stands for an e, as in Emmen's 'Id€€ voor mijn buurt'; '€ 50' keeps it.
# Each run of word characters and euro signs is matched once: linear, also for a hostile megabyte-long word.
WORD_OR_EURO = re.compile(r"[\w€]+")


def _euro_as_e(text: str) -> str:
    if "€" not in text:
        return text
    return WORD_OR_EURO.sub(lambda run: run[0].replace("€", "e") if any(ch.isalpha() for ch in run[0]) else run[0], text)


def words(text: str) -> list[str]:
    """The words of a text, folded: 'Ideeën-makelaar' -> ['ideeen', 'makelaar'], 'Id€€' -> ['idee']."""
    return WORD.findall(fold(_euro_as_e(text)))


def _diminutive(word: str) -> str:
    """'dorpje' -> 'dorp', 'boompje' -> 'boom', 'stoeltje' -> 'stoel', 'straatje' -> 'straat', 'balletje' -> 'ball'."""
    base = word[:-1] if word.endswith("jes") else word
    if not base.endswith("je") or len(base) < 6:
        return word
    stem = base[:-2]
    if stem.endswith("et") and len(stem) > 4 and stem[-3] == stem[-4]:  # balletje: bal + l + etje
        return stem[:-2]
    if stem.endswith("p") and stem[-2] == "m":  # boompje
        return stem[:-1]
    if stem.endswith("t") and len(stem) > 3 and not (stem[-2] == stem[-3] and stem[-2] in "aou"):
        if stem[-2] in VOWELS + "lnrw":  # stoeltje, ideetje, vrouwtje; not straatje
            return stem[:-1]
    return stem


def _plural_s(word: str) -> str:
    """'burgers' -> 'burger', 'enquetes' -> 'enquete', 'families' -> 'familie'; not 'huis', 'fonds', 'proces'."""
    if not word.endswith("s") or len(word) < 5:
        return word
    if word[-3:-1] in ("er", "el", "em", "en", "ie"):
        return word[:-1]
    if word[-2] == "e" and word[-3] not in VOWELS + "csr":
        return word[:-1]
    return word


@functools.lru_cache(maxsize=65536)  # a corpus repeats its words: the build asks for the same keys again and again
def key(word: str) -> str:
    """The key of one folded word (see the module's docstring)."""
    if len(word) < 4 or not word.isalpha():
        return word
    word = _plural_s(_diminutive(word))
    if word.endswith("en") and len(word) >= 6:
        word = word[:-2]
    elif word.endswith("e") and len(word) >= 5 and word[-2] not in VOWELS:
        word = word[:-1]
    if word.endswith("v"):
        word = word[:-1] + "f"  # initiatieven -> initiatief
    elif word.endswith("z"):
        word = word[:-1] + "s"  # huizen -> huis
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in VOWELS:
        word = word[:-1]  # bussen -> bus, budgetten -> budget
    shorter = re.sub(r"(aa|ee|oo|uu)([^aeiouy]+)$", lambda m: m.group(1)[0] + m.group(2), word)
    return shorter if len(shorter) >= 4 else word  # straat and straten -> strat


@dataclass(frozen=True)
class Lexicon:
    """What the Dutch layer knows of this corpus: every key of 4+ letters (with a word that shows it),
    and the synonym groups by key."""

    shown: dict[str, str]  # key -> the most frequent word with that key, to show a reader
    synonym_of: dict[str, str]  # key -> key of its group's first word

    def canonical(self, word_key: str) -> str:
        return self.synonym_of.get(word_key, word_key)

    def split(self, word: str, depth: int = 1) -> list[str] | None:
        """The keys of the parts of a folded compound, or None: 'dorpsbudget' -> ['dorp', 'budget'],
        'burgerinitiatieven' -> ['burger', 'initiatief']. The head is the longest known end; the part
        before it may carry a linking 's' ('leefbaarheidsbudget')."""
        if not 2 * MIN_PART <= len(word) <= MAX_COMPOUND or not word.isalpha():
            return None
        for cut in range(MIN_PART, len(word) - MIN_PART + 1):
            front, head = word[:cut], word[cut:]
            head_key = key(head)
            if head_key not in self.shown:
                continue
            for modifier in (front, front[:-1] if front.endswith("s") else None):
                if modifier is None or len(modifier) < MIN_PART:
                    continue
                if key(modifier) in self.shown:
                    return [key(modifier), head_key]
                if depth < MAX_PARTS - 1:
                    inner = self.split(modifier, depth + 1)
                    if inner:
                        return [*inner, head_key]
        return None

    def terms(self, word: str) -> set[str]:
        """What the index holds for one folded word of a page: its key, its parts, and the group word
        of each of those that has synonyms."""
        found = {key(word)}
        found.update(self.split(word) or ())
        return found | {self.canonical(k) for k in found}

    def close(self, word_key: str) -> list[str]:
        """Keys one edit (insert, delete, substitute, swap) from a key, alphabetically."""
        return sorted(k for k in self.shown if abs(len(k) - len(word_key)) <= 1 and k != word_key and one_edit(k, word_key))


def one_edit(a: str, b: str) -> bool:
    """True when b is a with one letter inserted, deleted, replaced, or two neighbours swapped."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :] or (i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :])
    return a[i:] == b[i + 1 :]


def lexicon(texts: Iterable[str], synonym_groups: Iterable[tuple[str, ...]]) -> Lexicon:
    """Learn the corpus's words from its texts; synonyms count as known words too."""
    counts: dict[str, dict[str, int]] = {}
    for text in texts:
        for word in words(text):
            if len(word) >= MIN_PART and word.isalpha():
                forms = counts.setdefault(key(word), {})
                forms[word] = forms.get(word, 0) + 1
    synonym_of: dict[str, str] = {}
    for group in synonym_groups:
        first = key(fold(group[0]))
        for member in group:
            member_key = key(fold(member))
            synonym_of[member_key] = first
            counts.setdefault(member_key, {fold(member): 0})
    shown = {k: max(sorted(forms), key=lambda form: forms[form]) for k, forms in counts.items()}
    return Lexicon(shown=dict(sorted(shown.items())), synonym_of=dict(sorted(synonym_of.items())))
