"""The one gate for the build and scripts/valideer.py: read and check everything the site is made of.

Every Markdown page is read here, entries and ordinary pages alike, and MkDocs is handed the body
parsed here: MkDocs' own front-matter reader never sees an editor's YAML, so what passes this gate
is exactly what is published. Every path the hooks generate is claimed here, so no entry or page
is silently overwritten by a generated one, or the other way round.
"""

from __future__ import annotations

import fnmatch
import importlib.util
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

import yaml

from . import (
    bodycheck,
    booklet,
    catalogue,
    corpus,
    dating,
    exports,
    glossary,
    keuzehulp,
    keuzekaart,
    links,
    publications,
    synonyms,
    urls,
    vocabulary,
    yamlread,
)
from .corpus import Corpus
from .generated import GeneratedPage
from .indexes import Indexes
from .keuzehulp import Question
from .problems import ContentError, Problem, quoted_list
from .schema import INTRODUCED_SECTIONS

# Fields an ordinary page (home, Over, Open data) may set for Material, and their allowed values.
PAGE_FIELDS = ("title", "description", "hide")
HIDE_VALUES = ("navigation", "toc", "footer", "path", "feedback")
T = TypeVar("T")


@dataclass(frozen=True)
class OrdinaryPage:
    meta: Mapping[str, object]  # plain text values, checked against PAGE_FIELDS
    body: str
    path: str  # relative to the project root
    body_line: int  # line of the file where the body starts


@dataclass(frozen=True)
class Content:
    corpus: Corpus
    questions: tuple[Question, ...]
    indexes: Indexes
    generated: tuple[GeneratedPage, ...]
    pages: Mapping[str, OrdinaryPage]  # src_uri (relative to docs/) -> ordinary page
    publications: tuple[publications.Publication, ...]
    terms: tuple[glossary.Term, ...]
    synonym_groups: tuple[tuple[str, ...], ...]


def load(root: Path, docs_dir: str = "docs") -> Content:
    """Raise ContentError listing every mistake in every file, or give everything the site is made of.
    The build (on_files), scripts/valideer.py and the tests all read content here, and nowhere else."""
    root = Path(root)
    problems: list[Problem] = []
    vocabularies = _collect(problems, lambda: vocabulary.load(root / corpus.VOCABULARY_FILE))
    files = corpus.content_files(root)
    loaded: Corpus | None = None
    questions: tuple[Question, ...] | None = None
    if vocabularies is not None:  # without the vocabularies no entry or rule can be checked; every other file can
        loaded = _collect(problems, lambda: corpus.load(root, vocabularies, files))
        questions = _collect(problems, lambda: keuzehulp.load(root, vocabularies))
    synonym_groups = _collect(problems, lambda: synonyms.load(root))
    sources = _collect(problems, lambda: publications.load(root))
    terms = _collect(
        problems, lambda: glossary.load(root, None if sources is None else tuple(publication.titel for publication in sources))
    )
    wording = _collect(problems, lambda: dating.load(root))
    entry_paths = {path for paths in files.values() for path in paths}
    pages, found = _ordinary_pages(root, docs_dir, entry_paths)
    problems += found
    if problems:
        raise ContentError(problems)
    assert (
        loaded is not None
        and questions is not None
        and synonym_groups is not None
        and sources is not None
        and terms is not None
        and wording is not None
    )  # each was read, or its problems were raised above
    indexes = Indexes(loaded, wording)
    reference = (
        GeneratedPage(urls.GLOSSARY_SRC, "Begrippen", lambda page_url: glossary.page_html(terms), searchable=True),
        GeneratedPage(urls.SOURCES_SRC, "Bronnen", lambda page_url: publications.page_html(indexes, sources, page_url)),
        *publications.catalogue_pages(indexes, sources),
    )
    generated = (
        *catalogue.all_pages(indexes),
        keuzehulp.page(indexes, questions),
        booklet.page(indexes),
        keuzekaart.compare_page(),
        keuzekaart.card_page(),
        *reference,
    )
    problems = _collisions(root, docs_dir, loaded, generated) + _broken_links(root, docs_dir, loaded, generated, pages)
    if problems:
        raise ContentError(problems)
    return Content(loaded, questions, indexes, generated, MappingProxyType(pages), sources, terms, synonym_groups)


def _collect(problems: list[Problem], read: Callable[[], T]) -> T | None:
    """What read() gives, or None after adding its mistakes to problems: one file's mistakes do not hide another's."""
    try:
        return read()
    except ContentError as error:
        problems += error.problems
        return None


def _published(root: Path, docs_dir: str) -> list[Path]:
    """The files MkDocs publishes from docs_dir (it leaves out hidden files and /templates/)."""
    docs = root / docs_dir
    return [
        path
        for path in corpus.walk(docs)
        if path.is_file()
        and not path.is_symlink()
        and not any(part.startswith(".") for part in path.relative_to(docs).parts)
        and path.relative_to(docs).parts[0] != "templates"
    ]


def _ordinary_pages(root: Path, docs_dir: str, entry_paths: set[Path]) -> tuple[dict[str, OrdinaryPage], list[Problem]]:
    pages: dict[str, OrdinaryPage] = {}
    problems: list[Problem] = []
    intros = {root / docs_dir / urls.section_src(section) for section in INTRODUCED_SECTIONS}
    for path in _published(root, docs_dir):
        if path.suffix != ".md" or path in entry_paths or path in intros:
            continue
        rel = path.relative_to(root).as_posix()
        text, found = yamlread.read_text(path, rel)
        problems += found
        if text is None:
            continue
        front, found = yamlread.split(text, rel)
        problems += found
        if found:
            continue
        meta: dict[str, object] = {}
        body, body_line = text, 1
        if front is not None:
            body, body_line = front.body, front.body_line
            problems += bodycheck.problems(rel, body, front.body_line)
            root_node, found = yamlread.compose(front.yaml, rel, front.first_line)
            problems += found
            meta = _page_meta(root_node, rel, front.first_line, problems) if root_node is not None else {}
        else:
            problems += bodycheck.problems(rel, text, 1)
        pages[path.relative_to(root / docs_dir).as_posix()] = OrdinaryPage(MappingProxyType(meta), body, rel, body_line)
    return pages, problems


def _page_meta(node: yaml.Node, rel: str, first_line: int, problems: list[Problem]) -> dict[str, object]:
    def report(at: yaml.Node, field: str, message: str) -> None:
        problems.append(Problem(rel, at.start_mark.line + first_line, field, message))

    fields = yamlread.mapping(node, "", report, {key: False for key in PAGE_FIELDS}) or {}
    meta: dict[str, object] = {}
    for key in ("title", "description"):
        if key in fields and (value := yamlread.scalar(fields[key], key, report)) is not None:
            meta[key] = value
    if "hide" in fields:
        items = fields["hide"].value if isinstance(fields["hide"], yaml.SequenceNode) else [fields["hide"]]
        hidden = [yamlread.scalar(item, "hide", report) for item in items]
        wrong = [value for value in hidden if value is not None and value not in HIDE_VALUES]
        if wrong:
            report(
                fields["hide"], "hide", f"{quoted_list(wrong)} kan niet verborgen worden. Toegestaan: {quoted_list(HIDE_VALUES)}."
            )
        meta["hide"] = tuple(value for value in hidden if value in HIDE_VALUES)
    return meta


def _theme_assets(root: Path) -> list[str]:
    """The theme's own scripts, styles and images: a docs file with the same path would replace them
    (a script of an editor's then runs on every page)."""
    spec = importlib.util.find_spec("material")
    assert spec is not None  # mkdocs-material is a requirement: MkDocs could not have loaded its theme
    theme_dirs = [root / "overrides"] + [Path(folder) / "templates" for folder in (spec.submodule_search_locations or [])]
    found = []
    for folder in theme_dirs:
        for path in corpus.walk(folder):
            rel = path.relative_to(folder).as_posix()
            if (
                path.is_file()
                and not any(part.startswith(".") for part in rel.split("/"))
                and not any(fnmatch.fnmatch(rel.lower(), pattern) for pattern in urls.THEME_NOT_COPIED)
            ):
                found.append(rel)
    return found


def _broken_links(
    root: Path, docs_dir: str, loaded: Corpus, generated: tuple[GeneratedPage, ...], pages: dict[str, OrdinaryPage]
) -> list[Problem]:
    known = {path.relative_to(root / docs_dir).as_posix() for path in _published(root, docs_dir)}
    known |= {entry.src_uri for entry in loaded.praktijkvoorbeelden} | {page.src_uri for page in generated}
    known |= {*exports.paths(), *urls.GENERATED_FILES}
    problems: list[Problem] = []
    anchors: list[links.AnchorLink] = []
    bodies = {src_uri: page.body for src_uri, page in pages.items()}
    for src_uri, page in pages.items():
        problems += links.problems(page.path, src_uri, page.body, page.body_line, known, anchors)
    for entries in loaded.entries.values():
        for entry in entries:
            problems += links.problems(entry.path, entry.src_uri, entry.body, entry.body_line, known, anchors)
            bodies[entry.src_uri] = entry.body
    return problems + links.anchor_problems(anchors, bodies, root)


def _collisions(root: Path, docs_dir: str, loaded: Corpus, generated: tuple[GeneratedPage, ...]) -> list[Problem]:
    """Two sources for one file in the site: the generated one would silently replace the other."""
    claimed: dict[str, str] = {}  # output path -> who makes it, in words
    for path in [*urls.THEME_FILES, *_theme_assets(root)]:
        claimed[path] = "een bestand dat het thema van de site zelf maakt"
    for page in generated:
        claimed.setdefault(urls.output(page.src_uri), f"de pagina '{page.title}' die de kennisbank zelf maakt")
    for path in [*exports.paths(), *urls.GENERATED_FILES]:
        claimed.setdefault(path, "een bestand dat de kennisbank zelf maakt")
    problems = []
    sources = [(entry.path, entry.src_uri) for entry in loaded.praktijkvoorbeelden]
    sources += [
        (path.relative_to(root).as_posix(), path.relative_to(root / docs_dir).as_posix()) for path in _published(root, docs_dir)
    ]
    for rel, src_uri in sources:
        output = urls.output(src_uri)
        if output in claimed:
            address = urls.address(output)
            problems.append(
                Problem(
                    rel,
                    0,
                    "",
                    f"dit bestand komt op hetzelfde adres ({address}) als {claimed[output]}. "
                    f"Kies een andere bestandsnaam of map.",
                )
            )
        else:
            claimed[output] = rel
    return problems
