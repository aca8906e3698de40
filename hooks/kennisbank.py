"""MkDocs hooks of the knowledge base. They only wire MkDocs' events to the modules in kennisbank_participatie/.

Data flows one way: content files -> validated records (on_files) -> indexes -> pages and files.
All state belongs to one build and is replaced at the next on_config, so `mkdocs serve`
never shows stale content.
"""

from __future__ import annotations

import logging
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from kennisbank_participatie import (
    booklet,
    cms,
    content,
    errorpage,
    exports,
    glossary,
    home,
    keuzehulp,
    keuzekaart,
    sitesearch,
    toc,
    urls,
)
from kennisbank_participatie.generated import GeneratedPage
from kennisbank_participatie.html import relative, sanitize
from kennisbank_participatie.indexes import Indexes
from kennisbank_participatie.pages import entry_page
from kennisbank_participatie.problems import ContentError
from kennisbank_participatie.records import Entry
from kennisbank_participatie.schema import KEUZEMENU, PRAKTIJKVOORBEELD
from kennisbank_participatie.vocabulary import Vocabulary


@dataclass
class Build:
    indexes: Indexes
    entries: dict[str, Entry]  # src_uri -> entry
    generated: dict[str, GeneratedPage]  # src_uri -> generated page
    form_bodies: dict[str, str]  # Keuzemenu slug -> sanitized body, for the booklet
    abbreviations: str  # the begrippenlijst as Markdown abbreviations, appended to every written page
    bodies: dict[str, str]  # src_uri -> Markdown body as the gate parsed it, for every page
    page_meta: Mapping[str, Mapping[str, object]]  # src_uri -> checked front matter of an ordinary page
    synonym_groups: tuple[tuple[str, ...], ...]
    search_documents: dict[str, sitesearch.Document]  # page url -> what the site search indexes


log = logging.getLogger("mkdocs.plugins.kennisbank")
_build: Build | None = None
_serving = False  # `mkdocs serve`: show the mistakes in the browser instead of stopping
_error: ContentError | None = None  # the mistakes of the current build, while serving
_dirty = False  # `--dirty`: MkDocs would rebuild only changed pages, but every overview depends on every entry


def on_startup(command: str, dirty: bool) -> None:
    global _serving, _dirty
    _serving = command == "serve"
    _dirty = dirty


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build, _error
    _build = _error = None
    if _dirty:
        raise PluginError(
            "De kennisbank kan niet met --dirty worden gebouwd: de overzichten, het boekje en de "
            "zoekindex hangen van alle pagina's af, en --dirty bouwt alleen gewijzigde pagina's opnieuw. "
            "Laat --dirty weg; 'mkdocs serve' bouwt na elke wijziging vanzelf alles opnieuw."
        )
    if not config.use_directory_urls:
        raise PluginError(
            "De kennisbank werkt alleen met 'use_directory_urls: true' in mkdocs.yml: alle links en "
            "overzichten gaan uit van adressen als /praktijkvoorbeelden/naam/. Zet het terug op true."
        )
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _build, _error
    root = Path(config.config_file_path).parent
    docs_dir = Path(config.docs_dir).relative_to(root).as_posix()
    try:
        checked = content.load(root, docs_dir)
    except ContentError as error:
        if not _serving:
            raise PluginError(str(error)) from None
        # While serving, the site becomes one page listing the mistakes (on_post_build), and the
        # rebuild loop goes on: once the files are fixed, the next rebuild brings the site back.
        # INFO, not ERROR: in strict mode MkDocs aborts a build that logged an error, and the page
        # with the mistakes would never be written.
        log.info("%s", error)
        _error = error
        config.nav = None
        return Files([])
    indexes = checked.indexes
    loaded = checked.corpus

    entries: dict[str, Entry] = {}
    for collection_entries in loaded.entries.values():
        for entry in collection_entries:
            entries[entry.src_uri] = entry
            if entry.collection == PRAKTIJKVOORBEELD.key:
                file = File.generated(config, entry.src_uri, abs_src_path=str(root / entry.path))
                # MkDocs joins edit_uri and this path: a praktijkvoorbeeld lives beside docs_dir, not in it.
                file.edit_uri = posixpath.relpath(entry.path, docs_dir)
                files.append(file)

    generated = {page.src_uri: page for page in checked.generated}
    for page in generated.values():
        files.append(File.generated(config, page.src_uri, content=""))
    outputs = exports.files(indexes, config)
    outputs[urls.KEUZEHULP_DATA] = keuzehulp.data(indexes, checked.questions)
    outputs[urls.FORMS_DATA] = keuzekaart.data(indexes)
    for path, text in outputs.items():
        files.append(File.generated(config, path, content=text))
    _add_admin(files, config, root, loaded.vocabularies)
    bodies = {src_uri: entry.body for src_uri, entry in entries.items()}
    bodies.update({src_uri: page.body for src_uri, page in checked.pages.items()})
    _build = Build(
        indexes=indexes,
        entries=entries,
        generated=generated,
        form_bodies={},
        abbreviations=glossary.abbreviations(checked.terms),
        bodies=bodies,
        page_meta={src_uri: page.meta for src_uri, page in checked.pages.items()},
        synonym_groups=checked.synonym_groups,
        search_documents={},
    )
    return files


def _add_admin(files: Files, config: MkDocsConfig, root: Path, vocabularies: dict[str, Vocabulary]) -> None:
    """The web editor at /admin/: static files only, so no page, nav, search or sitemap entry."""
    settings = cms.settings(vocabularies, config.repo_url, config.edit_uri, config.site_url, config.extra.get("redactie"))
    files.append(File.generated(config, urls.ADMIN_CONFIG, content=cms.config(settings)))
    decap = cms.decap_files(root)
    for path in decap:
        files.append(File.generated(config, urls.decap_file(path.name), abs_src_path=str(path)))
    styles = sorted(f.src_uri for f in files if f.src_uri.startswith(urls.THEME_STYLESHEETS) and f.src_uri.endswith(".min.css"))
    styles += [str(path) for path in config.extra_css]
    files.append(
        File.generated(
            config, urls.ADMIN_PAGE, content=cms.page([relative(path, urls.ADMIN) for path in styles], bool(decap), settings)
        )
    )


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    """MkDocs gets the body the gate parsed, behind an empty front matter: its own reader never
    sees an editor's YAML (it would publish YAML it cannot read as text)."""
    assert _build is not None  # on_files set it: MkDocs reads no page when on_files gave no files
    body = _build.bodies.get(page.file.src_uri)
    return None if body is None else "---\n{}\n---\n" + body


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _build is not None  # on_files set it: MkDocs reads no page when on_files gave no files
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
        return markdown + _build.abbreviations
    # Any other page: Material prints its title and description as they are, so they are escaped here.
    page.meta = {key: _escaped(value) for key, value in _build.page_meta.get(src_uri, {}).items()}
    return markdown + _build.abbreviations


def _escaped(value: object) -> object:
    if isinstance(value, str):
        return Markup(escape(value))
    if isinstance(value, (list, tuple)):
        return [_escaped(item) for item in value]
    if isinstance(value, Mapping):
        return {key: _escaped(item) for key, item in value.items()}
    return value


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    article = _content(html, page)
    page.toc = toc.from_html(article)  # with the headings the build added, not only the editor's
    return article


def _content(html: str, page: Page) -> str:
    assert _build is not None  # on_files set it: MkDocs reads no page when on_files gave no files
    src_uri = page.file.src_uri
    generated = _build.generated.get(src_uri)
    if generated is not None:
        rendered = generated.render(page.url)
        if generated.searchable:
            _build.search_documents[page.url] = sitesearch.document(_build.indexes, None, generated.title, page.url, rendered)
        return rendered
    entry = _build.entries.get(src_uri)
    safe = sanitize(html, keep_title=entry is None)
    _build.search_documents[page.url] = sitesearch.document(_build.indexes, entry, _plain(page.title), page.url, safe)
    if entry is not None:
        if entry.collection == KEUZEMENU.key:
            _build.form_bodies[entry.slug] = safe
        return entry_page(_build.indexes, entry, safe, page.url)
    if "title" not in page.meta and page.title is not None:
        # The title MkDocs took from the first heading is plain text that the templates print as it is.
        page.meta["title"] = Markup(escape(page.title))
    if src_uri == urls.HOME_SRC:
        try:
            return home.fill(safe, _build.indexes, page.url)
        except home.MissingPlaceholder as error:
            raise PluginError(str(error)) from None
    return safe


def _plain(title: object) -> str:
    """A page title as text: the title in page.meta is already escaped for the templates."""
    return title.unescape() if isinstance(title, Markup) else str(title or "")


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    assert _build is not None  # on_files set it: MkDocs reads no page when on_files gave no files
    # MkDocs renders every page's content before it builds any page, so all forms are ready here.
    if page.file.src_uri == urls.BOOKLET_SRC:
        page.content = booklet.render(_build.indexes, _build.form_bodies, page.url, config.site_url or "")
        page.toc = toc.from_html(page.content, deepest=2)  # one line per form
    return context


@event_priority(-100)  # last: the search index reads the site as every other plugin left it
def on_post_build(config: MkDocsConfig) -> None:
    if _error is not None:
        errorpage.write(Path(config.site_dir), _error)
        return
    assert _build is not None  # on_files either set it or, while serving, set _error
    # Also in `mkdocs serve`: every rebuild writes a fresh index into the served folder.
    sitesearch.write(Path(config.site_dir), list(_build.search_documents.values()), _build.synonym_groups)
