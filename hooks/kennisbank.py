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

from kb import booklet, catalogue, cms, corpus, exports, glossary, home, keuzehulp, keuzekaart, publications, search, toc
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
    abbreviations: str  # the begrippenlijst as Markdown abbreviations, appended to every written page


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
        indexes = Indexes(loaded)
        indexes.currency  # noqa: B018 - read and check data/actualiteit.yml before any page is made
        sources = publications.load(root)
        terms = glossary.load(root, tuple(p.titel for p in sources))
    except ContentError as error:
        raise PluginError(str(error)) from None

    entries: dict[str, Entry] = {}
    for collection_entries in loaded.entries.values():
        for entry in collection_entries:
            entries[entry.src_uri] = entry
            if entry.collection == PRAKTIJKVOORBEELD.key:
                files.append(File.generated(config, entry.src_uri, abs_src_path=str(root / entry.path)))

    reference = [
        catalogue.GeneratedPage(glossary.SRC_URI, "Begrippen", lambda page_url: glossary.page_html(terms), searchable=True),
        catalogue.GeneratedPage(publications.SRC_URI, "Bronnen",
                                lambda page_url: publications.page_html(sources, loaded.entries, page_url)),
        *publications.catalogue_pages(sources, loaded.entries),
    ]
    generated = {page.src_uri: page for page in [*catalogue.all_pages(indexes), keuzehulp.page(indexes, questions),
                                                 booklet.page(indexes), keuzekaart.compare_page(), keuzekaart.card_page(),
                                                 *reference]}
    for page in generated.values():
        files.append(File.generated(config, page.src_uri, content=""))
    outputs = exports.files(indexes, config)
    outputs[keuzehulp.DATA_FILE] = keuzehulp.data(indexes, questions)
    outputs[keuzekaart.DATA_FILE] = keuzekaart.data(indexes)
    for path, content in outputs.items():
        files.append(File.generated(config, path, content=content))
    _add_admin(files, config, root, loaded.vocabularies)
    _build = Build(indexes=indexes, entries=entries, generated=generated, form_bodies={},
                   abbreviations=glossary.abbreviations(terms))
    return files


def _add_admin(files: Files, config: MkDocsConfig, root: Path, vocabularies) -> None:
    """The web editor at /admin/: static files only, so no page, nav, search or sitemap entry."""
    settings = cms.settings(vocabularies, config.repo_url, config.edit_uri, config.site_url,
                            (config.extra or {}).get("redactie"))
    files.append(File.generated(config, f"{cms.FOLDER}/config.yml", content=cms.config(settings)))
    decap = cms.decap_files(root)
    for path in decap:
        files.append(File.generated(config, f"{cms.FOLDER}/decap/{path.name}", abs_src_path=str(path)))
    styles = sorted(f.src_uri for f in files if f.src_uri.startswith("assets/stylesheets/") and f.src_uri.endswith(".min.css"))
    styles += [str(path) for path in config.extra_css]
    files.append(File.generated(config, f"{cms.FOLDER}/index.html",
                                content=cms.page([f"../{path}" for path in styles], bool(decap), settings)))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    src_uri = page.file.src_uri
    generated = _build.generated.get(src_uri)
    if generated is not None:
        page.meta = {"title": Markup(escape(generated.title))}
        if not generated.searchable:
            page.meta["search"] = {"exclude": True}
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
    return markdown + _build.abbreviations


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    content = _content(html, page)
    page.toc = toc.from_html(content)  # with the headings the build added, not only the editor's
    return content


def _content(html: str, page: Page) -> str:
    src_uri = page.file.src_uri
    generated = _build.generated.get(src_uri)
    if generated is not None:
        return generated.render(page.url)
    entry = _build.entries.get(src_uri)
    safe = sanitize(html, keep_title=entry is None)
    if entry is not None:
        if entry.collection == KEUZEMENU.key:
            _build.form_bodies[entry.slug] = safe
        return entry_page(_build.indexes, entry, safe, page.url)
    if src_uri == home.SRC_URI:
        try:
            return home.fill(safe, _build.indexes, page.url)
        except home.MissingPlaceholder as error:
            raise PluginError(str(error)) from None
    return safe


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    # MkDocs renders every page's content before it builds any page, so all forms are ready here.
    if page.file.src_uri == booklet.SRC_URI:
        page.content = booklet.render(_build.indexes, _build.form_bodies, page.url, config.site_url or "")
        page.toc = toc.from_html(page.content, deepest=2)  # one line per form
    return context


def on_post_build(config: MkDocsConfig) -> None:
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.exists():
        search.tune(index, {entry.url: entry for entry in _build.entries.values()})
