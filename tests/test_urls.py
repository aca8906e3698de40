"""One module decides every path in the site (hooks/kennisbank_participatie/urls.py): its functions, and a check that
no other module under hooks/ writes a site path of its own."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kennisbank_participatie import urls
from kennisbank_participatie.schema import COLLECTIONS, INTRODUCTIE, PRAKTIJKVOORBEELD

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / "hooks"
OWNER = HOOKS / "kennisbank_participatie" / "urls.py"

# A site path: no spaces, no markup, no scheme; with a '/' between names or a site file's extension.
_PATH_CHARACTERS = re.compile(r"^[A-Za-z0-9_.~{}/-]+$")  # '{}' stands for an f-string's value
_SITE_FILE = re.compile(r"\.(md|html|json|csv|xml|dat|gz|yml|yaml|js|css|svg|png|jpe?g|webp|txt|pdf|wasm)$")
# Paths in the project, not in the site: the data files, docs_dir, npm's folder, MkDocs' configuration.
_PROJECT = ("data/", "docs/", "node_modules/", "mkdocs.yml")
# Literals that stay for now, each with the reason. sitesearch.py's internals belong to the search
# work of issue 16 (done in parallel); its temporary pages for Pagefind mirror the site's files.
KNOWN: set[tuple[str, str]] = set()


def is_site_path(text: str) -> bool:
    if not _PATH_CHARACTERS.match(text) or text.startswith(_PROJECT):
        return False
    if text.startswith(".") and "/" not in text:
        return False  # a file extension, such as '.md'
    if "/" in text and re.search(r"[A-Za-z0-9{]", text):
        return True
    return bool(_SITE_FILE.search(text))


def string_literals(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string literal except docstrings; an f-string as one text, '{}' for each value."""
    tree = ast.parse(source)
    skip: set[int] = set()
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skip.add(id(first.value))
        if isinstance(node, ast.JoinedStr):
            skip.update(id(part) for part in node.values)
            found.append((node.lineno, "".join(part.value if isinstance(part, ast.Constant) else "{}" for part in node.values)))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            found.append((node.lineno, node.value))
    return found


def test_no_module_but_urls_writes_a_site_path():
    found = []
    for path in sorted(HOOKS.rglob("*.py")):
        if path == OWNER:
            continue
        name = path.relative_to(HOOKS).as_posix()
        for line, text in string_literals(path.read_text(encoding="utf-8")):
            if is_site_path(text) and (name, text) not in KNOWN:
                found.append(f"hooks/{name}:{line}: {text!r}")
    assert not found, "Site paths belong in hooks/kennisbank_participatie/urls.py; ask it instead:\n" + "\n".join(sorted(found))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("catalogus/thema/", True),
        ("keuzemenu/boekje.md", True),
        ("{}/{}.md", True),
        ("participatieladder/{}/", True),
        ("feed.xml", True),
        ("{}index.md", True),
        ("../{}", True),
        ("index.html", True),
        ("data/vocabulaire.yml", False),
        ("docs/keuzemenu", False),
        (".md", False),
        ("/", False),
        ("https://example.org/a/", False),
        ("de pagina a/b/ bestaat niet", False),
        ("</{}>", False),
        (r"^\d+([-–]\d+)?$", False),
        ("*.md", False),
        ("mkdocs.plugins.kennisbank", False),
    ],
)
def test_the_check_knows_a_site_path(text, expected):
    assert is_site_path(text) is expected


def test_the_check_reads_f_strings_and_skips_docstrings():
    source = 'def f(x):\n    """See a/b/index.md."""\n    return f"{x}/pagina-{x}.md", "kb-" + x\n'
    assert [text for _, text in string_literals(source) if is_site_path(text)] == ["{}/pagina-{}.md"]


@pytest.mark.parametrize(
    "src_uri, url",
    [
        ("index.md", ""),
        ("a.md", "a/"),
        ("a/index.md", "a/"),
        ("a/b.md", "a/b/"),
        ("a/b/index.md", "a/b/"),
        ("a/indexed.md", "a/indexed/"),
        ("a/myindex.md", "a/myindex/"),
    ],
)
def test_page_url_follows_directory_urls(src_uri, url):
    assert urls.page_url(src_uri) == url
    assert urls.output(src_uri) == url + "index.html"


def test_files_that_are_no_pages_keep_their_path():
    assert urls.output("feed.xml") == "feed.xml"
    assert urls.address("index.html") == "/"
    assert urls.address("a/b/index.html") == "a/b/"


def test_entries_and_introductions():
    assert urls.entry_src("keuzemenu", "buurtbudget") == "keuzemenu/buurtbudget.md"
    assert urls.entry("keuzemenu", "buurtbudget") == "keuzemenu/buurtbudget/"
    assert urls.entry_src("", "toolbox") == "toolbox/index.md"
    assert urls.entry("", "toolbox") == "toolbox/"
    assert urls.rung("meebeslissen") == "participatieladder/meebeslissen/"


def test_every_docs_collection_lives_in_the_folder_its_urls_name():
    """MkDocs makes the URL of docs/keuzemenu/x.md from its folder: records must compute the same."""
    for collection in COLLECTIONS:
        if collection not in (PRAKTIJKVOORBEELD, INTRODUCTIE):
            assert collection.folder == f"docs/{collection.url_prefix}", collection.key
    assert PRAKTIJKVOORBEELD.folder == PRAKTIJKVOORBEELD.url_prefix


def test_pagination_stays_in_the_first_page_s_folder():
    assert urls.paginated("catalogus/thema/wonen.md", 3) == [
        "catalogus/thema/wonen.md",
        "catalogus/thema/wonen/pagina-2.md",
        "catalogus/thema/wonen/pagina-3.md",
    ]
    assert urls.paginated("praktijkvoorbeelden/index.md", 2) == [
        "praktijkvoorbeelden/index.md",
        "praktijkvoorbeelden/pagina-2.md",
    ]
    assert urls.paginated("a/index.md", 1) == ["a/index.md"]


@pytest.mark.parametrize(
    "name, reserved",
    [
        ("index", True),
        ("pagina", True),
        ("pagina-2", True),
        ("pagina-12", True),
        ("paginas", False),
        ("pagina-x", False),
        ("indexen", False),
        ("emmen", False),
    ],
)
def test_names_of_a_list_s_own_pages_are_reserved(name, reserved):
    assert urls.is_list_page_name(name) is reserved


def test_source_candidates_of_a_link():
    assert urls.source_candidates("a/b/") == ("a/b.md", "a/b/index.md", "a/b.md")
    assert urls.source_candidates("a/b.html") == ("a/b.html.md", "a/b.html/index.md", "a/b.md")


def test_catalogue_pages_and_their_newest_first_twin():
    page = urls.below(urls.CATALOGUES["themas"], "wonen")
    assert page == "catalogus/thema/wonen/"
    assert urls.page_src(page) == "catalogus/thema/wonen.md"
    assert urls.newest_first(page) == "catalogus/thema/wonen/nieuwste/"
    assert urls.index_src(urls.newest_first(page)) == "catalogus/thema/wonen/nieuwste/index.md"


def test_reserved_files_are_unique_and_no_pages():
    files = [*urls.THEME_FILES, *urls.GENERATED_FILES]
    assert len(files) == len(set(files))
    assert not any(path.endswith(".md") for path in files)
    assert urls.open_data("toolbox") == ("open-data/toolbox.json", "open-data/toolbox.csv", "open-data/toolbox.schema.json")


def test_every_generated_page_and_file_of_a_build_is_where_urls_says(basis_site):
    site = basis_site.site
    for path in (
        urls.FILTER_INDEX,
        urls.FEED,
        urls.KEUZEHULP_DATA,
        urls.FORMS_DATA,
        urls.SEARCH_WORDS,
        urls.SEARCH_ENTRY,
        urls.ADMIN_CONFIG,
        urls.ADMIN_PAGE,
        urls.front_matter_schema("keuzemenu"),
        *urls.open_data("praktijkvoorbeelden"),
    ):
        assert (site / path).is_file(), path
    for src in (
        urls.BOOKLET_SRC,
        urls.COMPARE_SRC,
        urls.CARD_SRC,
        urls.KEUZEHULP_SRC,
        urls.GLOSSARY_SRC,
        urls.SOURCES_SRC,
        urls.index_src(urls.CATALOGUES["themas"]),
    ):
        assert (site / urls.output(src)).is_file(), src
