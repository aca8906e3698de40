"""Every path in the built site, decided here and nowhere else.

Three kinds of path, all relative to the site's root, without a leading slash:
- a URL: the address of a page, a folder that ends in '/' ('praktijkvoorbeelden/zwolle/'); the
  start page is ''. html.relative() turns it into a link that works below any path.
- a src_uri: the Markdown file MkDocs knows a page by, relative to docs_dir
  ('praktijkvoorbeelden/zwolle.md'). Generated pages have one too, though no such file exists;
  mkdocs.yml's nav names some of them, so their shape ('a/b.md' or 'a/b/index.md') matters.
- a file path: everything that is not a page ('feed.xml', 'admin/config.yml').

The scheme assumes MkDocs' `use_directory_urls: true`: 'a/b.md' and 'a/b/index.md' are both
served at 'a/b/', as 'a/b/index.html'. The hooks' on_config refuses to build without it.

No other module under hooks/ writes a site path: they ask this one, and tests/test_urls.py reads
their source to keep it so. Paths in the project (data/vocabulaire.yml, docs/keuzemenu) are not
site paths: they stay with the module that reads them or the collection that lives there.
"""

from __future__ import annotations

import re

# MkDocs' own names: a folder's page, and the file a page's URL is served from.
INDEX = "index.md"
PAGE_FILE = "index.html"
MARKDOWN = ".md"

HOME = ""  # the start page
HOME_SRC = INDEX

# The sections: a collection's entries are the pages in its folder (schema.py says whose is which).
PRAKTIJKVOORBEELDEN = "praktijkvoorbeelden"
KEUZEMENU = "keuzemenu"
TOOLBOX = "toolbox"
PARTICIPATIELADDER = "participatieladder"


def page_url(src_uri: str) -> str:
    """The URL MkDocs gives a Markdown file: 'a/b.md' and 'a/b/index.md' -> 'a/b/', 'index.md' -> ''."""
    stem = src_uri.removesuffix(MARKDOWN)
    if stem.endswith("/index") or stem == "index":
        return stem.removesuffix("index")
    return stem + "/"


def page_file(url: str) -> str:
    """The file a page's URL is served from: 'a/b/' -> 'a/b/index.html'."""
    return url + PAGE_FILE


def output(path: str) -> str:
    """The file a source path becomes in the site: a page gets its folder, any other file keeps its path."""
    return page_file(page_url(path)) if path.endswith(MARKDOWN) else path


def address(output_path: str) -> str:
    """The address a reader types for a file in the site: 'a/index.html' -> 'a/', the start page '/'."""
    return output_path.removesuffix(PAGE_FILE) or "/"


def index_src(url: str) -> str:
    """The src_uri of a generated page that is its folder's own page: 'a/b/' -> 'a/b/index.md'."""
    return url + INDEX


def page_src(url: str) -> str:
    """The src_uri of a generated page named after its folder: 'a/b/' -> 'a/b.md'."""
    return url.removesuffix("/") + MARKDOWN


def source_candidates(stem: str) -> tuple[str, ...]:
    """The sources a link to 'a/b', 'a/b/' or 'a/b.html' may have meant, most likely first."""
    stem = stem.rstrip("/")
    return page_src(stem), index_src(stem + "/"), page_src(stem.removesuffix(".html"))


def below(folder_url: str, name: str) -> str:
    """The page named `name` in a folder: 'catalogus/thema/', 'wonen' -> 'catalogus/thema/wonen/'."""
    return f"{folder_url}{name}/"


def section(name: str) -> str:
    """A section's own page: 'keuzemenu' -> 'keuzemenu/'."""
    return below(HOME, name)


def section_src(name: str) -> str:
    """The introduction of a section, which its editors write: 'keuzemenu' -> 'keuzemenu/index.md'."""
    return index_src(section(name))


def entry_file(slug: str) -> str:
    """The file name of an entry in its collection's folder: its slug and '.md'."""
    return slug + MARKDOWN


def entry_src(section_name: str, slug: str) -> str:
    """An entry's src_uri: 'keuzemenu', 'buurtbudget' -> 'keuzemenu/buurtbudget.md'. Without a section
    (the introductions), the slug names the section: '', 'toolbox' -> 'toolbox/index.md'."""
    return f"{section_name}/{entry_file(slug)}" if section_name else section_src(slug)


def entry(section_name: str, slug: str) -> str:
    """An entry's URL: 'keuzemenu', 'buurtbudget' -> 'keuzemenu/buurtbudget/'."""
    return page_url(entry_src(section_name, slug))


def rung(value: str) -> str:
    """The page of a rung of either ladder: its entry in the participatieladder section."""
    return entry(PARTICIPATIELADDER, value)


# Generated pages of the Keuzemenu besides its forms, and the files their scripts read.
BOOKLET_SRC = f"{KEUZEMENU}/boekje.md"
COMPARE_SRC = f"{KEUZEMENU}/vergelijk.md"
CARD_SRC = f"{KEUZEMENU}/gesprekskaart.md"
BOOKLET, COMPARE, CARD = page_url(BOOKLET_SRC), page_url(COMPARE_SRC), page_url(CARD_SRC)
FORMS_DATA = f"{KEUZEMENU}/vormen.json"

KEUZEHULP_SRC = "keuzehulp/index.md"
KEUZEHULP_DATA = "keuzehulp/adviezen.json"

GLOSSARY_SRC = "begrippen/index.md"
SOURCES_SRC = "bronnen/index.md"
SOURCES = page_url(SOURCES_SRC)

# Catalogues: generated, paginated lists of praktijkvoorbeelden, by the facet (a praktijkvoorbeeld's
# field) they list by, by the collection of the form or tool they use, or by publication ('bron').
CATALOGUES = {
    "ladder": "catalogus/trede/",
    "overheidsrol": "catalogus/overheidsrol/",
    "provincie": "catalogus/provincie/",
    "themas": "catalogus/thema/",
    "gemeente": "catalogus/gemeente/",
    "onderbouwing": "catalogus/onderbouwing/",
    "keuzemenu": "catalogus/vorm/",
    "toolbox": "catalogus/instrument/",
    "bron": "catalogus/bron/",
}


def usage_catalogue(collection: str, slug: str) -> str:
    """The paginated list of the praktijkvoorbeelden that use a form or tool."""
    return below(CATALOGUES[collection], slug)


BY_YEAR = "nieuwste"  # below a catalogue page: the same list, newest first
PAGE_PREFIX = "pagina-"  # the second and later pages of a long list
# A list's own pages share a folder with what it lists (praktijkvoorbeelden, facet values): no entry or
# value may take their names.
_LIST_PAGE_NAME = re.compile(rf"^(index|{PAGE_PREFIX}[0-9]+|{PAGE_PREFIX.rstrip('-')})$")


def is_list_page_name(name: str) -> bool:
    return bool(_LIST_PAGE_NAME.match(name))


def newest_first(url: str) -> str:
    """The same list as the page at url, newest first."""
    return below(url, BY_YEAR)


def paginated(base_src: str, count: int) -> list[str]:
    """The src_uri of each of `count` pages of one list: base_src, then pagina-2.md, ... in its folder."""
    folder = page_url(base_src)
    return [base_src] + [f"{folder}{PAGE_PREFIX}{number}{MARKDOWN}" for number in range(2, count + 1)]


# Exports: open data, the JSON Schema of each collection's front matter, the filter index and the feed.
FILTER_INDEX = "zoekindex/praktijkvoorbeelden.json"
FEED = "feed.xml"
OPEN_DATA = "open-data/"
SCHEMAS = "schema/"


def front_matter_schema(collection_key: str) -> str:
    return f"{SCHEMAS}{collection_key}.schema.json"


def open_data(name: str) -> tuple[str, str, str]:
    """One collection's open data: JSON, CSV, and the JSON Schema of the JSON."""
    return f"{OPEN_DATA}{name}.json", f"{OPEN_DATA}{name}.csv", f"{OPEN_DATA}{name}.schema.json"


# The site search (Pagefind), written after the build, and the word list of its Dutch layer.
SEARCH_INDEX_DIR = "pagefind"
SEARCH_ENTRY = f"{SEARCH_INDEX_DIR}/pagefind-entry.json"
SEARCH_ENGINE = f"{SEARCH_INDEX_DIR}/pagefind.js"  # the build tunes one line of it (sitesearch.py)
SEARCH_LANGUAGE = "nl"  # one Dutch index: kb-zoeken.js fetches 'wasm.nl.pagefind' before Pagefind asks for it


def search_shipped(name: str) -> bool:
    """Whether a file or folder Pagefind writes into SEARCH_INDEX_DIR is one the browser loads; its own UI,
    web worker and the wasm of other languages are not shipped."""
    shipped = ("pagefind.js", "pagefind-entry.json", f"wasm.{SEARCH_LANGUAGE}.pagefind", "index", "fragment", "filter")
    return name in shipped or name.endswith(".pf_meta")


SEARCH_START = "assets/kb-zoeken-start.js"  # the build writes the index's name into it (sitesearch.py)
SEARCH_WORDS = "zoeken/taal.dat"  # gzip-compressed JSON; not '.gz', so no server adds a Content-Encoding

# The web editor (Decap CMS): static files only, no page of the site.
ADMIN = "admin/"
ADMIN_PAGE = page_file(ADMIN)
ADMIN_CONFIG = f"{ADMIN}config.yml"
ADMIN_SCRIPT = f"{ADMIN}redactie.js"  # written by hand, in docs/admin/
DECAP_BUNDLE = "decap-cms.js"  # Decap's script, as npm installs it and as the site serves it
MEDIA = "assets/afbeeldingen/"  # where images uploaded in the editor go
THEME_STYLESHEETS = "assets/stylesheets/"  # Material's compiled styles; the editor's preview uses them


def decap_file(name: str) -> str:
    """Decap's bundle and the chunks it loads, next to each other below the editor."""
    return f"{ADMIN}decap/{name}"


# Files the theme writes into every site besides its assets.
NOT_FOUND = "404.html"
THEME_FILES = (NOT_FOUND, "sitemap.xml", "sitemap.xml.gz", "search/search_index.json")
# The files of a theme's folders that MkDocs does not copy into the site (Files.add_files_from_theme):
# every other one takes its own path in the site.
THEME_NOT_COPIED = ("*.py", "*.pyc", "*.html", "*readme*", "mkdocs_theme.yml", "locales/*", "*.md")
# Files the hooks write besides pages and exports: no page or file of the content may take their place.
GENERATED_FILES = (KEUZEHULP_DATA, FORMS_DATA, ADMIN_CONFIG, ADMIN_PAGE, SEARCH_WORDS, SEARCH_ENTRY)
