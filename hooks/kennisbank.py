"""MkDocs hooks of the knowledge base. They only wire MkDocs' events to the modules in kb/.

Data flows one way: content files -> validated records (on_files) -> indexes -> pages and files.
All state belongs to one build and is replaced at the next on_config, so `mkdocs serve`
never shows stale content.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from kb import booklet, catalogue, corpus, exports, keuzehulp, sitesearch, synonyms
from kb.html import sanitize
from kb.indexes import Indexes
from kb.pages import entry_page
from kb.problems import ContentError
from kb.records import Entry
from kb.schema import KEUZEMENU, PRAKTIJKVOORBEELD


@dataclass
class Build:
    indexes: Indexes
    entries: dict[str, Entry]  # src_uri -> entry
    generated: dict[str, catalogue.GeneratedPage]  # src_uri -> generated page
    form_bodies: dict[str, str]  # Keuzemenu slug -> sanitized body, for the booklet
    synonym_groups: tuple[tuple[str, ...], ...]
    search_documents: dict[str, sitesearch.Document]  # page url -> what the site search indexes


_build: Build | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    _build = None
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _build
    root = Path(config.config_file_path).parent
    try:
        loaded = corpus.load(root)
        questions = keuzehulp.load(root, loaded.vocabularies)
        synonym_groups = synonyms.load(root)
    except ContentError as error:
        raise PluginError(str(error)) from None
    indexes = Indexes(loaded)

    entries: dict[str, Entry] = {}
    for collection_entries in loaded.entries.values():
        for entry in collection_entries:
            entries[entry.src_uri] = entry
            if entry.collection == PRAKTIJKVOORBEELD.key:
                files.append(File.generated(config, entry.src_uri, abs_src_path=str(root / entry.path)))

    generated = {page.src_uri: page for page in [*catalogue.all_pages(indexes), keuzehulp.page(indexes, questions), booklet.page(indexes)]}
    for page in generated.values():
        files.append(File.generated(config, page.src_uri, content=""))
    outputs = exports.files(indexes, config)
    outputs[keuzehulp.DATA_FILE] = keuzehulp.data(indexes, questions)
    for path, content in outputs.items():
        files.append(File.generated(config, path, content=content))
    _build = Build(indexes=indexes, entries=entries, generated=generated, form_bodies={},
                   synonym_groups=synonym_groups, search_documents={})
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    src_uri = page.file.src_uri
    generated = _build.generated.get(src_uri)
    if generated is not None:
        page.meta = {"title": Markup(escape(generated.title))}
        page.edit_url = None
        return markdown
    entry = _build.entries.get(src_uri)
    if entry is not None:
        # Our own meta replaces what MkDocs parsed: editors' fields never reach the templates unescaped.
        page.meta = {"title": Markup(escape(entry.titel))}
        if entry.collection == PRAKTIJKVOORBEELD.key and config.repo_url and config.edit_uri:
            # Praktijkvoorbeelden live outside docs_dir: edit them where they are in the repository.
            edit_root = config.edit_uri.removesuffix("/").removesuffix(config.docs_dir.rsplit("/", 1)[-1])
            page.edit_url = f"{config.repo_url.rstrip('/')}/{edit_root.strip('/')}/{entry.path}"
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    src_uri = page.file.src_uri
    generated = _build.generated.get(src_uri)
    if generated is not None:
        return generated.render(page.url)
    safe = sanitize(html)
    entry = _build.entries.get(src_uri)
    _build.search_documents[page.url] = sitesearch.document(_build.indexes, entry, page.title, page.url, safe)
    if entry is not None:
        if entry.collection == KEUZEMENU.key:
            _build.form_bodies[entry.slug] = safe
        return entry_page(_build.indexes, entry, safe, page.url)
    return safe


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    # MkDocs renders every page's content before it builds any page, so all forms are ready here.
    if page.file.src_uri == booklet.SRC_URI:
        page.content = booklet.render(_build.indexes, _build.form_bodies, page.url)
    return context


def on_post_build(config: MkDocsConfig) -> None:
    # Also in `mkdocs serve`: every rebuild writes a fresh index into the served folder.
    sitesearch.write(Path(config.site_dir), list(_build.search_documents.values()), _build.synonym_groups)
