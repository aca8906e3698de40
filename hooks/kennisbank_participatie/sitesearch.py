"""The site search index: Pagefind (a static index, fetched in small chunks) over the text of every
page, with the Dutch layer of dutch.py added to what is indexed.

Each page goes to Pagefind as a small HTML document of its own: title, summary and full body text
(no facts box, generated lists or sources), then, after TERMS_MARKER, the keys, compound parts and
synonym words of those three, weighted like the text they come from, and every term of the title and
of the summary once more with a mark after it. The reader's browser turns a query into the same keys
(kb-zoeken.js, with the word list written here) and asks Pagefind for them; it asks for the marked
terms to put pages with the query in their title or summary above pages with it only in the body.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from pathlib import Path

from . import dutch, urls
from .indexes import FACET, Indexes
from .records import Entry
from .schema import BY_KEY
from .textutil import fold

INDEX_DIR, WORDS_FILE = urls.SEARCH_INDEX_DIR, urls.SEARCH_WORDS
LANGUAGE = urls.SEARCH_LANGUAGE
TERMS_MARKER = "kbzoektermen"  # the browser cuts a page's content here: what follows is not for reading
# A word that stands for a page's kind, so the browser can narrow results by kind with one more query.
# (Pagefind's own filters are written in a different order on every build: not deterministic.)
KIND_PREFIX = "kbsoort"
# Where kb-zoeken-start.js takes the index's name, so a page opened with ?q= fetches Pagefind's metadata at
# once; the script is in the site before the index exists, so the build writes the name in afterwards.
INDEX_PLACEHOLDER = "@@zoekindex@@"
TITLE_WEIGHT, SUMMARY_WEIGHT = 10, 5
# What follows a term to say "in the title" or "in the summary". No Dutch word has these letters, and
# 'burgeraqt' sorts right after 'burger', so Pagefind keeps a marked term in the index chunk of the term
# itself: the browser learns where a page holds a query word without fetching anything more.
TITLE_MARK, SUMMARY_MARK = "aqt", "aqs"


@dataclass(frozen=True)
class Document:
    url: str  # site-relative, e.g. 'praktijkvoorbeelden/zwolle/'
    title: str
    summary: str
    kind: str  # praktijkvoorbeeld, vorm, instrument, trede or pagina
    body: str  # plain text
    gemeente: str = ""
    jaar: str = ""


def document(indexes: Indexes, entry: Entry | None, title: str, url: str, body_html: str) -> Document:
    """What the search knows of a page: an entry's own text and facts, or a plain page's title and text."""
    if entry is None:
        return Document(url=url, title=str(title or ""), summary="", kind="pagina", body=plain_text(body_html))
    return Document(
        url=url,
        title=entry.titel,
        summary=entry.samenvatting,
        kind=BY_KEY[entry.collection].search_kind,
        body=plain_text(body_html),
        gemeente=", ".join(indexes.label(FACET["gemeente"], value) for value in entry.values("gemeente")),
        jaar=str(entry.fields.get("jaar", "")),
    )


_INLINE = {"a", "abbr", "b", "cite", "code", "em", "i", "mark", "q", "small", "span", "strong", "sub", "sup"}


class _Text(HTMLParser):
    """Plain text of rendered HTML, with a space where a block or a line ends."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping: list[str] = []  # open elements whose text is left out

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # the heading permalinks ('¶') are no text of the page
        if tag in ("script", "style", "template") or ("class", "headerlink") in attrs:
            self._skipping.append(tag)
        if tag not in _INLINE:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if self._skipping and self._skipping[-1] == tag:
            self._skipping.pop()
        if tag not in _INLINE:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def plain_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())


def _terms(lexicon: dutch.Lexicon, text: str) -> str:
    """The Dutch terms of a text that the text does not hold as they are: Pagefind indexes its words
    already, and every extra word makes the index a reader downloads larger."""
    written = set(dutch.WORD.findall(text.lower()))
    # dutch.words also reads a word Pagefind splits at its euro signs: 'Id€€' -> 'idee'
    return " ".join(sorted(_terms_of(lexicon, written | set(dutch.words(text))) - written))


def _marked(lexicon: dutch.Lexicon, text: str, mark: str) -> str:
    """Every term of a text with the mark after it, as the browser asks for it (kb-zoeken.js)."""
    return " ".join(sorted(term + mark for term in _terms_of(lexicon, dutch.words(text))))


def _terms_of(lexicon: dutch.Lexicon, words: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for word in words:
        found |= lexicon.terms(fold(word))  # dutch.words are folded already: fold leaves them as they are
    return found


def page_html(document: Document, lexicon: dutch.Lexicon) -> str:
    """What Pagefind indexes for one page. The metadata sits outside the body, so it is not searched text."""
    meta = {
        "title": document.title,
        "soort": document.kind,
        "samenvatting": document.summary,
        "gemeente": document.gemeente,
        "jaar": document.jaar,
    }
    meta_tags = "".join(f'<meta data-pagefind-meta="{name}:{escape(value)}" content="">' for name, value in meta.items() if value)
    return (
        f'<!DOCTYPE html><html lang="nl"><head><title>{escape(document.title)}</title></head><body>'
        f"{meta_tags}"
        f"<main data-pagefind-body>"
        f'<h1 data-pagefind-weight="{TITLE_WEIGHT}">{escape(document.title)}</h1>'
        f'<p data-pagefind-weight="{SUMMARY_WEIGHT}">{escape(document.summary)}</p>'
        f"<p>{escape(document.body)}</p>"
        f"<p>{TERMS_MARKER}</p>"
        f'<p data-pagefind-weight="{TITLE_WEIGHT}">{_terms(lexicon, document.title)}</p>'
        f'<p data-pagefind-weight="{SUMMARY_WEIGHT}">{_terms(lexicon, document.summary)}</p>'
        f"<p>{_terms(lexicon, document.body)} {KIND_PREFIX}{document.kind}</p>"
        f"<p>{_marked(lexicon, document.title, TITLE_MARK)} {_marked(lexicon, document.summary, SUMMARY_MARK)}</p>"
        f"</main></body></html>"
    )


def lexicon_for(documents: list[Document], synonym_groups: tuple[tuple[str, ...], ...]) -> dutch.Lexicon:
    return dutch.lexicon((f"{d.title} {d.summary} {d.body}" for d in documents), synonym_groups)


def language_data(lexicon: dutch.Lexicon, index: str) -> bytes:
    """What the browser needs to turn a query into keys: the known keys (for compounds and typos), the
    word to show for each key that differs from it, and the synonym groups; and the name of Pagefind's
    index, so the browser fetches its metadata at once instead of after pagefind-entry.json. Gzip
    without a timestamp, so the same content gives the same file."""
    words = "\n".join(k if shown == k else f"{k} {shown}" for k, shown in lexicon.shown.items())
    data = {
        "index": index,
        "marker": TERMS_MARKER,
        "soort": KIND_PREFIX,
        "inTitel": TITLE_MARK,
        "inSamenvatting": SUMMARY_MARK,
        "minDeel": dutch.MIN_PART,
        "maxDelen": dutch.MAX_PARTS,
        "maxSamenstelling": dutch.MAX_COMPOUND,
        "typefout": dutch.TYPO_MIN_LENGTH,
        "stopwoorden": sorted(dutch.STOP_WORDS),
        "synoniemen": lexicon.synonym_of,
        "woorden": words,
    }
    return gzip.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), mtime=0)


def _write_index(site_dir: Path, pages: list[tuple[str, str]]) -> None:
    # Pagefind reads the pages from a folder a hundred times faster than page by page through its API.
    with tempfile.TemporaryDirectory(prefix="kb-zoeken-") as folder:
        for url, html in pages:
            path = Path(folder, urls.page_file(url))
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(html, encoding="utf-8")
        # Pagefind's command, not its Python API: the API stops its service the moment it answers "written",
        # and a build once found pagefind.js cut short; a command that has exited has written everything.
        # force_language keeps one Dutch index whatever a page says.
        command = [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            folder,
            "--output-path",
            str(site_dir / INDEX_DIR),
            "--force-language",
            LANGUAGE,
            "--silent",
        ]
        finished = subprocess.run(command, capture_output=True, text=True, check=False)
        if finished.returncode:
            raise RuntimeError(f"Pagefind kon de zoekindex niet maken:\n{finished.stdout}{finished.stderr}")


# Pagefind 1.5.2 looks every 50 ms whether its start (metadata and wasm) is done before it runs a search,
# and does not tell when it is: a first search waits up to 50 ms for nothing, on a phone often more. Every
# 5 ms costs nothing noticeable. A Pagefind without this line fails the build, so an upgrade looks again.
_START_POLL = "async getPtr(){while(this.raw_ptr===null){if(this.initError){throw this.initError;}await asyncSleep(50);}"


def _look_sooner(site_dir: Path) -> None:
    script = site_dir / urls.SEARCH_ENGINE
    text = script.read_text(encoding="utf-8")
    if text.count(_START_POLL) != 1:
        raise RuntimeError(f"{script}: Pagefind wacht niet meer zoals versie 1.5.2 op zijn start; kijk sitesearch.py na.")
    script.write_text(text.replace(_START_POLL, _START_POLL.replace("asyncSleep(50)", "asyncSleep(5)")), encoding="utf-8")


def _drop_unused(index_dir: Path) -> None:
    for path in index_dir.iterdir():
        if not urls.search_shipped(path.name):
            shutil.rmtree(path) if path.is_dir() else path.unlink()


def write(site_dir: Path, documents: list[Document], synonym_groups: tuple[tuple[str, ...], ...]) -> None:
    lexicon = lexicon_for(documents, synonym_groups)
    pages = [(d.url, page_html(d, lexicon)) for d in sorted(documents, key=lambda d: d.url)]
    _write_index(site_dir, pages)
    _drop_unused(site_dir / INDEX_DIR)
    _look_sooner(site_dir)
    entry = json.loads((site_dir / urls.SEARCH_ENTRY).read_text(encoding="utf-8"))
    index = entry["languages"][LANGUAGE]["hash"]
    target = site_dir / WORDS_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(language_data(lexicon, index))
    start = site_dir / urls.SEARCH_START
    start.write_text(start.read_text(encoding="utf-8").replace(INDEX_PLACEHOLDER, index), encoding="utf-8")
