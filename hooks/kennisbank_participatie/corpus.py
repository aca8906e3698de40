"""Load every collection once, validate each entry and the links between them."""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from . import effort, records, urls, yamlread
from .problems import ContentError, Problem, did_you_mean
from .records import Entry
from .schema import BY_KEY, COLLECTIONS, INTRODUCED_SECTIONS, INTRODUCTIE, PRAKTIJKVOORBEELD, TREDE, Kind
from .textutil import slugify
from .vocabulary import Vocabulary

VOCABULARY_FILE = "data/vocabulaire.yml"
_SAFE_NAME = re.compile(r"^[A-Za-z0-9._-]+$")
# What MkDocs reads as a Markdown page; only '.md' is one for the kennisbank.
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")


@dataclass(frozen=True)
class Corpus:
    root: Path
    vocabularies: dict[str, Vocabulary]
    entries: dict[str, tuple[Entry, ...]]  # collection key -> entries sorted by slug

    @cached_property
    def _slugs(self) -> dict[str, dict[str, Entry]]:
        return {key: {entry.slug: entry for entry in entries} for key, entries in self.entries.items()}

    def by_slug(self, collection: str) -> dict[str, Entry]:
        return self._slugs[collection]

    @property
    def praktijkvoorbeelden(self) -> tuple[Entry, ...]:
        return self.entries[PRAKTIJKVOORBEELD.key]


def content_files(root: Path) -> dict[str, list[Path]]:
    """Every content file per collection; index.md pages introduce a section and are no entries."""
    found = {INTRODUCTIE.key: [root / "docs" / urls.section_src(section) for section in INTRODUCED_SECTIONS]}
    for collection in COLLECTIONS:
        if collection is INTRODUCTIE:
            continue
        folder = root / collection.folder
        paths = walk(folder) if collection is PRAKTIJKVOORBEELD else folder.glob("*")
        found[collection.key] = sorted(
            path
            for path in paths
            if path.suffix == ".md"
            and not path.is_symlink()
            and path.is_file()
            and (collection is PRAKTIJKVOORBEELD or path.name != urls.INDEX)
        )
    return found


def walk(folder: Path) -> list[Path]:
    """Every path below folder, links included but never followed, sorted."""
    found = []
    for current, dirs, names in os.walk(folder, followlinks=False):
        for name in dirs + names:
            found.append(Path(current) / name)
    return sorted(found)


def stray_files(root: Path, docs_dir: str = "docs") -> list[Problem]:
    """Files the site would publish wrongly or drop without a word: links (they publish what they
    point to, even from outside the repository), devices and pipes, a praktijkvoorbeeld that is not
    a '.md' file or that sits in docs/, a page with another Markdown extension."""
    problems = [
        yamlread.link_problem(folder, name)
        for name in (PRAKTIJKVOORBEELD.folder, docs_dir, "data")
        if (folder := root / name).is_symlink()
    ]
    for base in (root / PRAKTIJKVOORBEELD.folder, root / docs_dir):
        for path in walk(base):
            rel = path.relative_to(root).as_posix()
            in_docs = base.name != PRAKTIJKVOORBEELD.folder
            if path.is_symlink():
                problems.append(yamlread.link_problem(path, rel))
            elif in_docs and not _SAFE_NAME.match(path.name):
                # The name becomes a web address and a title: spaces, quotes and '<' break both.
                problems.append(
                    Problem(
                        rel,
                        0,
                        "",
                        f"de naam '{path.name}' bevat een teken dat niet in een webadres "
                        f"past. Gebruik alleen letters, cijfers, '-', '_' en '.', "
                        f"bijvoorbeeld '{slugify(path.stem) or 'bestand'}{path.suffix}'.",
                    )
                )
            elif path.is_dir():
                continue
            elif not path.is_file():
                problems.append(Problem(rel, 0, "", "dit is geen gewoon bestand. Zet hier alleen gewone bestanden neer."))
            elif path.name.startswith(".") or path.suffix == ".md" and not in_docs:
                continue
            elif not in_docs:
                problems.append(
                    Problem(
                        rel,
                        0,
                        "",
                        f"dit bestand wordt niet gebruikt: een praktijkvoorbeeld is een bestand "
                        f"dat eindigt op .md. Noem het bijvoorbeeld '{path.stem}.md'.",
                    )
                )
            elif path.is_relative_to(root / docs_dir / PRAKTIJKVOORBEELD.folder):
                problems.append(
                    Problem(
                        rel,
                        0,
                        "",
                        f"praktijkvoorbeelden horen in de map '{PRAKTIJKVOORBEELD.folder}/' "
                        f"bovenaan het project, niet in '{docs_dir}/'. Verplaats het bestand.",
                    )
                )
            elif path.suffix.lower() in MARKDOWN_SUFFIXES and path.suffix != ".md":
                problems.append(
                    Problem(
                        rel,
                        0,
                        "",
                        f"de kennisbank gebruikt alleen pagina's die eindigen op .md. Noem het bestand '{path.stem}.md'.",
                    )
                )
            elif path.suffix == ".md" and _in_collection_subfolder(path, root):
                problems.append(
                    Problem(
                        rel,
                        0,
                        "",
                        "in deze map horen geen submappen met pagina's. Zet het bestand "
                        f"direct in '{path.parent.parent.relative_to(root).as_posix()}/'.",
                    )
                )
    return problems


def _in_collection_subfolder(path: Path, root: Path) -> bool:
    folders = {root / collection.folder for collection in COLLECTIONS if collection not in (PRAKTIJKVOORBEELD, INTRODUCTIE)}
    return any(folder in path.parents and path.parent != folder for folder in folders)


def load(root: Path, vocabularies: dict[str, Vocabulary], files: dict[str, list[Path]]) -> Corpus:
    """Read and validate every entry of `files` (content_files); raise ContentError listing every mistake in
    every file. Only content.load calls this: it reads the vocabularies and every other file first."""
    root = Path(root)
    problems: list[Problem] = effort.problems(vocabularies, VOCABULARY_FILE)
    entries: dict[str, tuple[Entry, ...]] = {}
    for collection in COLLECTIONS:
        seen: dict[str, str] = {}
        loaded = []
        for path in files[collection.key]:
            rel = path.relative_to(root).as_posix()
            if not path.exists():
                problems.append(Problem(rel, 0, "", "deze introductiepagina ontbreekt."))
                continue
            slug = path.parent.name if collection is INTRODUCTIE else path.stem
            entry, found = records.read(path, rel, collection, vocabularies, slug)
            problems += found
            if slug.lower() in seen:
                problems.append(
                    Problem(
                        rel,
                        0,
                        "",
                        f"de naam '{slug}' is al in gebruik door {seen[slug.lower()]}. "
                        f"Elke pagina heeft een eigen bestandsnaam nodig.",
                    )
                )
                continue
            seen[slug.lower()] = rel
            if collection is PRAKTIJKVOORBEELD and urls.is_list_page_name(path.stem):
                problems.append(Problem(rel, 0, "", f"de bestandsnaam '{path.name}' is gereserveerd. Kies een andere naam."))
                continue
            if entry is not None:
                loaded.append(entry)
        entries[collection.key] = tuple(sorted(loaded, key=lambda e: e.slug))
    corpus = Corpus(root=root, vocabularies=vocabularies, entries=entries)
    problems += stray_files(root) + _check_links(corpus) + _check_rungs(corpus) + _check_spelling(corpus)
    if problems:
        raise ContentError(problems)
    return corpus


def _check_links(corpus: Corpus) -> list[Problem]:
    problems = []
    for collection in COLLECTIONS:
        for field in collection.fields:
            if field.kind is not Kind.REFS:
                continue
            targets = corpus.by_slug(field.refers_to)
            target = BY_KEY[field.refers_to]
            target_label = f"{target.in_words} ({target.folder}/)"
            for entry in corpus.entries[collection.key]:
                for index, slug in enumerate(entry.values(field.key)):
                    line = entry.line(f"{field.key}[{index}]") or entry.line(field.key)
                    if slug == entry.slug and field.refers_to == collection.key:
                        problems.append(Problem(entry.path, line, field.key, f"'{slug}' verwijst naar deze pagina zelf."))
                    elif slug not in targets:
                        problems.append(
                            Problem(
                                entry.path,
                                line,
                                field.key,
                                f"'{slug}' bestaat niet in {target_label}.{did_you_mean(slug, targets)} "
                                f"Gebruik de bestandsnaam zonder .md.",
                            )
                        )
    return problems


def _check_rungs(corpus: Corpus) -> list[Problem]:
    """Every rung of both ladders needs its page: entry pages and catalogues link to them."""
    present = {entry.slug for entry in corpus.entries[TREDE.key]}
    problems = []
    for key in TREDE.field("trede").vocabulary:
        for value in corpus.vocabularies[key].values:
            if value not in present:
                problems.append(
                    Problem(
                        posixpath.join(TREDE.folder, urls.entry_file(value)),
                        0,
                        "",
                        f"deze pagina ontbreekt. Elke trede van '{corpus.vocabularies[key].name}' heeft een eigen pagina nodig.",
                    )
                )
    for entry in corpus.entries[TREDE.key]:
        if not any(entry.slug in corpus.vocabularies[key].values for key in TREDE.field("trede").vocabulary):
            problems.append(
                Problem(
                    entry.path, 0, "", f"'{entry.slug}' is geen trede. Noem het bestand naar een trede, zoals 'raadplegen.md'."
                )
            )
    return problems


def _check_spelling(corpus: Corpus) -> list[Problem]:
    """One municipality, one spelling: 'Den Helder' and 'den Helder' would split a catalogue page."""
    first: dict[str, tuple[str, Entry]] = {}
    problems = []
    for entry in corpus.praktijkvoorbeelden:
        for name in entry.values("gemeente"):
            key = slugify(name)
            if not key or urls.is_list_page_name(key):
                problems.append(
                    Problem(
                        entry.path,
                        entry.line("gemeente"),
                        "gemeente",
                        f"'{name}' kan geen paginanaam in de catalogus worden. Schrijf de naam van de "
                        f"gemeente met letters, zoals 'Emmen'.",
                    )
                )
            elif key not in first:
                first[key] = (name, entry)
            elif first[key][0] != name:
                problems.append(
                    Problem(
                        entry.path,
                        entry.line("gemeente"),
                        "gemeente",
                        f"'{name}' wordt in {first[key][1].path} geschreven als '{first[key][0]}'. "
                        f"Schrijf een gemeente overal hetzelfde.",
                    )
                )
    return problems
