"""Hostile and careless input. Every row either builds a safe page or is rejected with a Dutch message
naming the file (and the field), and the validator and a real `mkdocs build --strict` agree on it.

Rows that are rejected are written into one project per group and built once: the gate reports all
mistakes of all files in one run, so each row's message must be in that one report. Every process
runs with a memory and CPU limit, so a row that exhausts the machine fails instead of hanging.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sitebuilder import ROOT, make_project

MEMORY_LIMIT = 2 * 1024**3  # address space: a YAML bomb would need far more
CPU_SECONDS = 60


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))


@dataclass
class Run:
    returncode: int
    output: str
    seconds: float


_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def _run(args: list[str], cwd: Path) -> Run:
    start = time.monotonic()
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, preexec_fn=_limited, timeout=120, env=_ENV)
    return Run(result.returncode, result.stdout + result.stderr, time.monotonic() - start)


def validate(project: Path) -> Run:
    return _run([sys.executable, str(ROOT / "scripts" / "valideer.py"), str(project)], project)


def build(project: Path) -> Run:
    return _run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site")], project)


def entry(**fields: str) -> str:
    """A valid praktijkvoorbeeld; keyword arguments replace or add raw YAML lines (None leaves one out)."""
    lines = {
        "titel": "titel: Goed voorbeeld",
        "gemeente": "gemeente: Emmen",
        "provincie": "provincie: Drenthe",
        "jaar": "jaar: 2020",
        "samenvatting": "samenvatting: Dit klopt.",
        "ladder": "ladder: [raadplegen]",
        "onderbouwing": "onderbouwing: beschreven",
        "bronnen": "bronnen:\n  - titel: Bron\n    uitgever: Uitgever\n    jaar: 2021",
    }
    lines.update(fields)
    return "---\n" + "\n".join(line for line in lines.values() if line is not None) + "\n---\nTekst.\n"


class Link:
    """A symbolic link to target, written in place of a file."""

    def __init__(self, target: str):
        self.target = target


@dataclass
class Row:
    name: str
    files: dict[str, object]  # path in the project -> text, bytes, Link, or None to remove the file
    path: str = ""  # the file the message names; empty for rows that must build safely
    field: str = ""
    says: str = ""  # a fragment of the Dutch message


def _write(project: Path, rows: list[Row]) -> Path:
    for row in rows:
        for rel, content in row.files.items():
            path = project / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if content is None:
                path.unlink()
            elif isinstance(content, Link):
                path.symlink_to(content.target)
            elif isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
    return project


def _reported(output: str, row: Row) -> bool:
    for line in output.splitlines():
        if not line.startswith(f"- {row.path}"):
            continue
        if row.field and f"veld '{row.field}'" not in line:
            continue
        if row.says in line:
            return True
    return False


def _alone(name: str, path: str, text: str, says: str) -> Row:
    """A row of one file that the message names, without a field."""
    return Row(name, {path: text}, path, "", says)


P = "praktijkvoorbeelden"
CONTENT_ROWS = [
    # Files from outside the repository
    _alone("symlink-entry", f"{P}/link.md", Link("/etc/passwd"), "link (symlink)"),
    _alone("symlink-docs-page", "docs/over/host.md", Link("/etc/hostname"), "link (symlink)"),
    _alone("symlink-docs-asset", "docs/assets/passwd.txt", Link("/etc/passwd"), "link (symlink)"),
    _alone("symlink-docs-folder", "docs/buiten", Link("/etc"), "link (symlink)"),
    _alone("symlink-entry-folder", f"{P}/map", Link("/tmp"), "link (symlink)"),
    # Crashes before: raw control characters and escapes that produce them
    Row(
        "raw-control",
        {f"{P}/raw-control.md": entry(samenvatting="samenvatting: Dit\x0cklopt.")},
        f"{P}/raw-control.md",
        "samenvatting",
        "stuurteken U+000C",
    ),
    Row(
        "escape-formfeed",
        {f"{P}/escape-ff.md": entry(samenvatting='samenvatting: "Dit\\x0cklopt."')},
        f"{P}/escape-ff.md",
        "samenvatting",
        "stuurteken U+000C",
    ),
    Row(
        "escape-e",
        {f"{P}/escape-e.md": entry(titel='titel: "Goed\\e voorbeeld"')},
        f"{P}/escape-e.md",
        "titel",
        "stuurteken U+001B",
    ),
    Row(
        "escape-nul",
        {f"{P}/escape-nul.md": entry(gemeente='gemeente: "Em\\0men"')},
        f"{P}/escape-nul.md",
        "gemeente",
        "stuurteken U+0000",
    ),
    Row(
        "zero-width",
        {f"{P}/zero-width.md": entry(titel="titel: Goed\u200bvoorbeeld")},
        f"{P}/zero-width.md",
        "titel",
        "onzichtbaar teken U+200B",
    ),
    Row(
        "bidi-override",
        {f"{P}/bidi.md": entry(titel='titel: "Goed \\u202Evoorbeeld"')},
        f"{P}/bidi.md",
        "titel",
        "onzichtbaar teken U+202E",
    ),
    _alone("bidi-in-body", f"{P}/bidi-body.md", entry() + "Tekst \u2066met\u2069 isolaat.\n", "onzichtbaar teken U+2066"),
    # What MkDocs' own reader misread: now one reader decides
    Row(
        "custom-tag", {f"{P}/custom-tag.md": entry(titel="titel: !kop Goed voorbeeld")}, f"{P}/custom-tag.md", "titel", "YAML-tag"
    ),
    Row("impossible-date", {f"{P}/datum.md": entry(jaar="jaar: 2023-02-30")}, f"{P}/datum.md", "jaar", "geen jaartal"),
    _alone("four-dashes", f"{P}/vier.md", entry().replace("---\n", "----\n", 1), "precies drie streepjes"),
    _alone(
        "closing-four-dashes",
        f"{P}/vier-dicht.md",
        entry().replace("\n---\nTekst", "\n----\nTekst"),
        "sluit de front matter niet af",
    ),
    _alone("blank-line-first", f"{P}/leeg-begin.md", "\n" + entry(), "eerste regel"),
    _alone("page-blank-line-first", "docs/over/leeg-begin.md", "\n---\ntitle: Over\n---\nTekst.\n", "eerste regel"),
    # Silently lost or overwritten
    _alone("reserved-pagination", f"{P}/pagina-2.md", entry(), "gereserveerd"),
    Row(
        "facet-slug-index",
        {f"{P}/index-gemeente.md": entry(gemeente="gemeente: Index")},
        f"{P}/index-gemeente.md",
        "gemeente",
        "geen paginanaam",
    ),
    Row(
        "facet-slug-empty",
        {f"{P}/leeg-gemeente.md": entry(gemeente="gemeente: '???'")},
        f"{P}/leeg-gemeente.md",
        "gemeente",
        "geen paginanaam",
    ),
    Row(
        "nested-duplicate",
        {f"{P}/dubbel.md": entry(bronnen="bronnen:\n  - titel: Bron\n    titel: Nog een\n    uitgever: U\n    jaar: 2021")},
        f"{P}/dubbel.md",
        "titel",
        "twee keer",
    ),
    _alone("wrong-folder", "docs/praktijkvoorbeelden/verdwaald.md", entry(), "horen in de map"),
    _alone("markdown-extension-entry", f"{P}/lang.markdown", entry(), "eindigt op .md"),
    _alone("markdown-extension-docs", "docs/keuzemenu/lang.markdown", entry(), "eindigen op .md"),
    _alone("upper-case-extension", f"{P}/hoofd.MD", entry(), "eindigt op .md"),
    _alone("docs-subfolder", "docs/toolbox/sub/instrument.md", entry(), "geen submappen"),
    Row(
        "unsafe-file-name",
        {'docs/over/<img src=x onerror="alert(1)">.md': "# Naam\n"},
        'docs/over/<img src=x onerror="alert(1)">.md',
        "",
        "past",
    ),
    _alone("space-in-asset-name", "docs/assets/logo emmen.png", "x", "logo-emmen.png"),
    Row("fifo", {}, f"{P}/pijp.md", "", "geen gewoon bestand"),
    # Weak messages before
    Row("tab", {f"{P}/tab.md": entry(ladder="ladder:\n\t- raadplegen")}, f"{P}/tab.md", "ladder", "tab"),
    _alone("not-utf8", f"{P}/latin.md", entry(titel="titel: Caf\udce9").encode("utf-8", "surrogateescape"), "UTF-8"),
    Row("year-2099", {f"{P}/toekomst.md": entry(jaar="jaar: 2099")}, f"{P}/toekomst.md", "jaar", "tot en met"),
    _alone(
        "quotes-in-quotes",
        f"{P}/aanhalingstekens.md",
        entry(titel='titel: "De "Buurt" bestuurt"'),
        "aanhalingstekens binnen aanhalingstekens",
    ),
    Row(
        "url-space",
        {
            f"{P}/url.md": entry(
                bronnen="bronnen:\n  - titel: Bron\n    uitgever: U\n    jaar: 2021\n    url: https://example.org/een pagina"
            )
        },
        f"{P}/url.md",
        "bronnen",
        "spatie",
    ),
    _alone("key-is-mapping", f"{P}/sleutel.md", entry(extra="? {a: 1}\n: waarde"), "veldnaam moet gewone tekst"),
    # Ordinary pages are content too
    _alone("page-broken-yaml", "docs/over/kapot.md", "---\ntitle: [kapot\n---\nTekst.\n", "geen geldige YAML"),
    Row(
        "page-unknown-field",
        {"docs/over/sjabloon.md": "---\ntemplate: ../../etc/passwd\n---\nTekst.\n"},
        "docs/over/sjabloon.md",
        "template",
        "onbekend",
    ),
    _alone("page-alias", "docs/over/anker.md", "---\ntitle: &a x\ndescription: *a\n---\nTekst.\n", "anker"),
]

RESOURCE_ROWS = [
    Row(
        "alias-bomb-key",
        {
            f"{P}/bom.md": "---\n"
            + "".join(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9 if i else ["x"] * 9) + "]\n" for i in range(10))
            + "? *l9\n: x\n---\n"
        },
        f"{P}/bom.md",
        "l0",
        "anker",
    ),
    Row(
        "brackets-30000",
        {f"{P}/haakjes.md": entry(themas="themas: " + "[" * 30000 + "]" * 30000)},
        f"{P}/haakjes.md",
        "themas",
        "hoogstens 20 niveaus",
    ),
    _alone("dashes-30000", f"{P}/streepjes.md", entry(themas="themas:\n" + "- " * 30000 + "x"), "hoogstens 20 niveaus"),
    _alone(
        "page-brackets-30000",
        "docs/over/diep.md",
        "---\ntitle: " + "{a: " * 30000 + "}" * 30000 + "\n---\n",
        "hoogstens 20 niveaus",
    ),
    _alone("long-front-matter", f"{P}/lang.md", entry(themas="themas:\n" + "  - x\n" * 60_000), "te lang"),
    Row(
        "long-list",
        {f"{P}/lijst.md": entry(themas="themas: [" + "x, " * 20_000 + "]")},
        f"{P}/lijst.md",
        "themas",
        "hoogstens 100",
    ),
    _alone("many-mistakes", f"{P}/veel.md", entry(extra="".join(f"veld{n}: x\n" for n in range(40))), "en nog 15 fouten"),
    # Markdown that makes the renderer recurse or try every bracket against every other
    _alone("md-nested-markers", f"{P}/md-lijsten.md", entry() + "- " * 1000 + "x\n", "te veel lijsten of citaten"),
    _alone("md-emphasis", f"{P}/md-nadruk.md", entry() + "*" * 2000 + "x" + "*" * 2000 + "\n", "opmaaktekens"),
    _alone("md-brackets", f"{P}/md-haken.md", entry() + "[" * 100_000 + "\n", "opmaaktekens"),
    _alone("md-indent", f"{P}/md-inspringen.md", entry() + "".join("  " * i + "- x\n" for i in range(300)), "springt"),
    _alone("md-links-page", "docs/over/links.md", "# Links\n\n" + "[a](" * 20_000 + "\n", "opmaaktekens"),
    _alone("md-backticks-spread", "docs/over/ticks.md", "\n\n".join(["`" * 400] * 20), "Toegestaan: hoogstens 3000"),
    _alone("huge-file", f"{P}/groot.md", entry() + "woord " * 400_000, "te groot"),
    _alone("vocabulary-bomb", "docs/over/bom.md", "---\ntitle: " + "[" * 100_000 + "\n---\n", "hoogstens 20 niveaus"),
]

VOCABULARY_ROWS = [
    Row("vocabulary-typo", {}, "data/vocabulaire.yml", "thema.waardes", "onbekend"),
    Row("vocabulary-wrong-type", {}, "data/vocabulaire.yml", "fase.waarden", "hoort een lijst"),
    Row("vocabulary-empty-slug", {}, "data/vocabulaire.yml", "provincie.waarden[13].waarde", "paginanaam"),
]

KEUZEHULP_ROWS = [
    Row("keuzehulp-points-type", {}, "data/keuzehulp.yml", "vragen[1].antwoorden[1].punten", "treden met punten"),
    Row("keuzehulp-unknown-rung", {}, "data/keuzehulp.yml", "vragen[1].antwoorden[2].punten", "geen trede"),
    Row("keuzehulp-id-with-quote", {}, "data/keuzehulp.yml", "vragen[1].antwoorden[3].id", "geen geldig id"),
    Row("keuzehulp-missing-text", {}, "data/keuzehulp.yml", "vragen[1].antwoorden[4].tekst", "ontbreekt"),
]

# The data files of the reference pages (Bronnen, Begrippen, the currency wording). A mistake that keeps
# a whole file from being read comes in each of the files; one project holds one such mistake per file,
# a different kind in each, so the gate must report all three in one run.
PUBLICATIONS, GLOSSARY, CURRENCY = "data/publicaties.yml", "data/begrippen.yml", "data/actualiteit.yml"
BOMB = "".join(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9 if i else ["x"] * 9) + "]\n" for i in range(10)) + "? *l9\n: x\n"


def _data(rel: str) -> str:
    return (ROOT / rel).read_text(encoding="utf-8")


WHOLE_FILE_ROWS = [  # per kind: a row for each of the three files
    [
        Row("publications-alias-bomb", {PUBLICATIONS: BOMB}, PUBLICATIONS, "l0", "anker"),
        Row("glossary-alias-bomb", {GLOSSARY: BOMB}, GLOSSARY, "l0", "anker"),
        Row("currency-alias-bomb", {CURRENCY: BOMB}, CURRENCY, "l0", "anker"),
    ],
    [
        Row(
            "publications-brackets-30000",
            {PUBLICATIONS: "- titel: " + "[" * 30000 + "]" * 30000 + "\n"},
            PUBLICATIONS,
            "[1].titel",
            "hoogstens 20 niveaus",
        ),
        Row(
            "glossary-brackets-30000",
            {GLOSSARY: "- begrip: x\n  ook: " + "{a: " * 30000 + "}" * 30000 + "\n"},
            GLOSSARY,
            "[1].ook",
            "hoogstens 20 niveaus",
        ),
        Row(
            "currency-brackets-30000",
            {CURRENCY: _data(CURRENCY) + "status: " + "[" * 30000 + "\n"},
            CURRENCY,
            "status",
            "hoogstens 20 niveaus",
        ),
    ],
    [
        Row(
            "publications-tab",
            {PUBLICATIONS: _data(PUBLICATIONS).replace("\n  uitgever:", "\n\tuitgever:", 1)},
            PUBLICATIONS,
            "[1].uitgever",
            "tab",
        ),
        Row("glossary-tab", {GLOSSARY: _data(GLOSSARY).replace("\n  uitleg:", "\n\tuitleg:", 1)}, GLOSSARY, "[1].uitleg", "tab"),
        Row("currency-tab", {CURRENCY: _data(CURRENCY).replace("\n  Deze", "\n\tDeze", 1)}, CURRENCY, "melding", "tab"),
    ],
    [
        Row(
            "publications-control",
            {PUBLICATIONS: _data(PUBLICATIONS).replace("Ministerie", "Minis\x0cterie", 1)},
            PUBLICATIONS,
            "[1].uitgever",
            "stuurteken U+000C",
        ),
        Row(
            "glossary-nul",
            {GLOSSARY: _data(GLOSSARY).replace("begrip: EOP", "begrip: E\x00OP", 1)},
            GLOSSARY,
            "[1].begrip",
            "stuurteken U+0000",
        ),
        Row(
            "currency-escape-e",
            {CURRENCY: _data(CURRENCY).replace('beschreven: "Beschreven', 'beschreven: "\\eBeschreven', 1)},
            CURRENCY,
            "beschreven",
            "stuurteken U+001B",
        ),
    ],
    [
        Row("publications-missing", {PUBLICATIONS: None}, PUBLICATIONS, "", "dit bestand ontbreekt"),
        Row("glossary-missing", {GLOSSARY: None}, GLOSSARY, "", "dit bestand ontbreekt"),
        Row("currency-missing", {CURRENCY: None}, CURRENCY, "", "dit bestand ontbreekt"),
    ],
]

REFERENCE_ROWS = [  # mistakes inside a file that can be read: all reported together with the Keuzehulp's
    Row("publications-wrong-type", {}, PUBLICATIONS, "[2].jaar", "een lijst is geen jaartal"),
    Row("publications-unknown-key", {}, PUBLICATIONS, "[1].url", "onbekend"),
    Row("publications-same-title", {}, PUBLICATIONS, "[6].titel", "hetzelfde adres als 'Gemeente & Gemeenschap'"),
    Row("glossary-wrong-type", {}, GLOSSARY, "[2].ook", "hier hoort tekst, maar er staat een groep velden"),
    Row("glossary-unknown-key", {}, GLOSSARY, "[1].voorbeeld", "onbekend"),
    Row("currency-wrong-type", {}, CURRENCY, "status", "hier hoort tekst, maar er staat een lijst"),
    Row("currency-typo", {}, CURRENCY, "drempel_jaar", "onbekend"),
    Row("currency-unknown-placeholder", {}, CURRENCY, "melding", "tussen { en } mag alleen"),
]


COLLISION_ROWS = [
    _alone("docs-catalogue", "docs/catalogus/thema/index.md", "# Mijn thema's\n", "die de kennisbank zelf maakt"),
    _alone("form-named-booklet", "docs/keuzemenu/boekje.md", "", "die de kennisbank zelf maakt"),
    _alone("docs-feed", "docs/feed.xml", "<rss/>", "zelf maakt"),
    _alone("docs-filter-index", "docs/zoekindex/praktijkvoorbeelden.json", "{}", "zelf maakt"),
    _alone("docs-sitemap", "docs/sitemap.xml", "<urlset/>", "thema"),
    _alone("docs-replaces-theme-asset", "docs/assets/images/favicon.png", "x", "thema"),
    # Links that MkDocs' strict build rejects: the validator rejects them too
    _alone("entry-broken-link", f"{P}/link-kapot.md", entry() + "Zie [de vorm](../keuzemenu/bestaat-niet.md).\n", "niet bestaat"),
    _alone("page-folder-link", "docs/over/map-link.md", "# Map\n\nZie [de toolbox](../toolbox/).\n", "../toolbox/index.md"),
    _alone("reference-broken-link", "docs/over/verwijzing.md", "# V\n\nZie [de bron][b].\n\n[b]: weg.pdf\n", "'weg.pdf'"),
    _alone(
        "broken-anchor",
        f"{P}/anker-kapot.md",
        entry() + "Zie [de vorm](../keuzemenu/buurt-bestuurt.md#bestaat-niet).\n",
        "'#bestaat-niet'",
    ),
    _alone("broken-self-anchor", "docs/over/zelf.md", "# Zelf\n\nNaar [beneden](#nergens).\n", "'#nergens'"),
    Row(
        "page-and-folder-page",
        {"docs/over/dubbel.md": "# A\n", "docs/over/dubbel/index.md": "# B\n"},
        "docs/over/dubbel.md",
        "",
        "hetzelfde adres",
    ),
]


def _vocabulary(project: Path) -> None:
    path = project / "data" / "vocabulaire.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("\n\nthema:\n", "\n    - {waarde: '???', label: Raar, uitleg: Niets.}\n\nthema:\n", 1)
    text = text.replace("\nthema:\n", "\nthema:\n  waardes: []\n", 1)
    text = re.sub(r"(\nfase:\n(?:  .*\n)*?  waarden:)\n(?:    .*\n)+", r"\1 geen lijst\n", text, count=1)
    path.write_text(text, encoding="utf-8")


def _keuzehulp(project: Path) -> None:
    path = project / "data" / "keuzehulp.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("punten: {informeren: 3}", "punten: 3", 1)
    text = text.replace("punten: {raadplegen: 3}", "punten: {raadpleeg: 3}", 1)
    text = text.replace("- id: advies", "- id: 'ad\"vies'", 1)
    text = text.replace("        tekst: We willen samen met de gemeente een plan maken of uitvoeren.\n", "", 1)
    path.write_text(text, encoding="utf-8")


def _reference_data(project: Path) -> None:
    replacements = {
        PUBLICATIONS: [("  jaar: 2018", "  jaar: [2018]"), ("  jaar: 2013", "  jaar: 2013\n  url: https://example.org")],
        GLOSSARY: [
            ("ook: [bestuurscommissies]", "ook: {meervoud: bestuurscommissies}"),
            ("- begrip: EOP\n", "- begrip: EOP\n  voorbeeld: x\n"),
        ],
        CURRENCY: [
            ("drempel_jaren: 5", "drempel_jaar: 5"),
            ('status: "{status} volgens de bron ({jaar})"', "status: [x]"),
            ("{drempel} jaar", "{drempel} jaar {0}"),
        ],
    }
    appended = {PUBLICATIONS: "- {titel: 'gemeente & gemeenschap!', uitgever: U, jaar: 2013, soort: s, inhoud: i}\n"}
    for rel, pairs in replacements.items():
        path = project / rel
        text = path.read_text(encoding="utf-8")
        for old, new in pairs:
            assert old in text, old
            text = text.replace(old, new, 1)
        path.write_text(text + appended.get(rel, ""), encoding="utf-8")


def _assert_rejected(project: Path, rows: list[Row]) -> tuple[Run, Run]:
    checked, built = validate(project), build(project)
    assert checked.returncode == 1, checked.output
    assert built.returncode != 0, built.output
    assert "Traceback" not in checked.output + built.output
    missing = [row.name for row in rows if not _reported(checked.output, row) or not _reported(built.output, row)]
    assert missing == [], checked.output
    # One gate: the validator's report is the build's report.
    report = checked.output.strip()
    assert report in built.output
    return checked, built


def test_content_rows_are_rejected_by_validator_and_build(tmp_path):
    project = _write(make_project(tmp_path / "p"), CONTENT_ROWS)
    os.mkfifo(project / P / "pijp.md")
    _assert_rejected(project, CONTENT_ROWS)


def test_resource_rows_are_reported_within_seconds_and_bounded_memory(tmp_path):
    project = _write(make_project(tmp_path / "p"), RESOURCE_ROWS)
    checked, built = _assert_rejected(project, RESOURCE_ROWS)
    assert checked.seconds < 10 and built.seconds < 20, (checked.seconds, built.seconds)


def test_data_file_rows_are_rejected(tmp_path):
    project = make_project(tmp_path / "v")
    _vocabulary(project)
    _assert_rejected(project, VOCABULARY_ROWS)
    project = make_project(tmp_path / "k")
    _keuzehulp(project)
    # In the same run: the whole folder of praktijkvoorbeelden is a link to one outside the project.
    shutil.move(project / P, tmp_path / "buiten")
    (project / P).symlink_to(tmp_path / "buiten")
    _reference_data(project)
    _assert_rejected(project, KEUZEHULP_ROWS + REFERENCE_ROWS + [Row("linked-folder", {}, P, "", "link (symlink)")])


@pytest.mark.parametrize("turn", range(len(WHOLE_FILE_ROWS)))
def test_unreadable_reference_data_files_are_reported_together(tmp_path, turn):
    # Each of the three files gets another kind of mistake in each turn: every kind meets every file.
    rows = [WHOLE_FILE_ROWS[(turn + number) % len(WHOLE_FILE_ROWS)][number] for number in range(3)]
    project = _write(make_project(tmp_path / "p"), rows)
    checked, built = _assert_rejected(project, rows)
    assert checked.seconds < 10 and built.seconds < 20, (checked.seconds, built.seconds)


def test_generated_paths_are_reserved(tmp_path):
    project = _write(make_project(tmp_path / "p"), COLLISION_ROWS)
    (project / "docs" / "keuzemenu" / "boekje.md").write_text(
        (project / "docs" / "keuzemenu" / "buurt-bestuurt.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    _assert_rejected(project, COLLISION_ROWS)


# Rows that must build: hostile text in every field a template prints, and addresses that a browser
# reads as another host. The Chromium test below opens every page type of this site.
SCRIPT = "<script>alert(1)</script><img src=x onerror=alert(2)>"
TRICKY = [
    "\\\\evil.example/a.png",
    " //evil.example/b.png",
    "\n//evil.example/c.png",
    "/\\evil.example/d.png",
    "&#92;&#92;evil.example/e.png",
    "/\t/evil.example/f.png",
    "http:evil.example/g.png",
    "///evil.example/h.png",
    "HTTPS://evil.example/i.png",
    "&#x0A;//evil.example/j.png",
]
IMAGES = "\n".join(f'<p><img src="{url}" alt="plaatje {n}"></p>' for n, url in enumerate(TRICKY)) + (
    '\n<p><img srcset="ok.png 1x, //evil.example/k.png 2x" alt="srcset"></p>'
    '\n<video poster="//evil.example/l.png"></video><object data="//evil.example/m"></object>'
    '\n\n| a | b |\n| --- | --- |\n| <span style="background:url(//evil.example/n.png)">x</span> | 1 |\n\n'
    "![markdown](<\\\\\\\\evil.example/o.png>) ![markdown](//evil.example/p.png)\n"
)
SAFE_ROWS = [
    Row(
        "ordinary-page-meta",
        {"docs/over/index.md": f"---\ntitle: '{SCRIPT}'\ndescription: '\"><script>alert(3)</script>'\n---\n# Over\n\nTekst.\n"},
    ),
    Row("ordinary-page-heading", {"docs/over/kop.md": f"# {SCRIPT}\n\nTekst.\n"}),
    Row("ordinary-page-multimarkdown", {"docs/over/mmd.md": f"Title: {SCRIPT}\n\nTekst.\n"}),
    Row(
        "entry-images", {f"{P}/plaatjes.md": entry(titel=f"titel: '{SCRIPT}'", samenvatting=f"samenvatting: '{SCRIPT}'") + IMAGES}
    ),
    Row(
        "form-images",
        {
            "docs/keuzemenu/buurt-bestuurt.md": (ROOT / "tests/fixtures/basis/docs/keuzemenu/buurt-bestuurt.md").read_text(
                encoding="utf-8"
            )
            + IMAGES
        },
    ),
    Row("no-newline-after-front-matter", {f"{P}/zonder-tekst.md": entry().removesuffix("Tekst.\n").rstrip("\n")}),
    Row("date-like-title", {f"{P}/datum-titel.md": entry(titel="titel: 2023-02-30")}),
    Row(
        "new-province",
        {
            "data/vocabulaire.yml": (ROOT / "data/vocabulaire.yml")
            .read_text(encoding="utf-8")
            .replace("\n\nthema:\n", "\n    - {waarde: Bonaire, label: Bonaire, uitleg: Openbaar lichaam.}\n\nthema:\n", 1),
            f"{P}/bonaire.md": entry(provincie="provincie: Bonaire"),
        },
    ),
    Row(
        "keuzehulp-texts",
        {
            "data/keuzehulp.yml": re.sub(
                r"(waarom|tekst|vraag): (.*)",
                lambda m: f"{m.group(1)}: '{m.group(2)} " + SCRIPT.replace("'", "''") + "'",
                (ROOT / "data/keuzehulp.yml").read_text(encoding="utf-8"),
            )
        },
    ),
    Row(
        "links-that-work",
        {
            f"{P}/links.md": entry() + 'Zie [vorm](../keuzemenu/buurt-bestuurt.md "Vorm"), '
            "`[code](nope.md)`, [extern](https://example.org/a.md) en [bron][b].\n\n"
            "```\n[blok](nope.md)\n```\n\n[b]: ../toolbox/index.md\n"
        },
    ),
    Row(
        "anchors-that-work",
        {
            f"{P}/ankers.md": entry() + "## Eerste kop\n\nNaar [de kop](#eerste-kop), "
            "[eigen plek](#eigen), [oude plek](#plek), [noot](#fn:1)[^1] en "
            "[vorm](../keuzemenu/buurt-bestuurt.md#wat-is-het).\n\n"
            'Tekst\n{: #eigen }\n\n<a name="plek"></a>\n\n[^1]: Een voetnoot.\n'
        },
    ),
    Row(
        "currency-wording",
        {
            CURRENCY: _data(CURRENCY).replace(
                'beschreven: "Beschreven in {jaar}, in {bron}"', "beschreven: 'Beschreven in {jaar}, in {bron} " + SCRIPT + "'"
            )
        },
    ),
    Row("body-like-metadata", {f"{P}/meta-tekst.md": entry().replace("Tekst.", "Titel: geen metadata\n\nTekst.")}),
]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = _write(make_project(tmp_path_factory.mktemp("vijandig")), SAFE_ROWS)
    checked, built = validate(project), build(project)
    assert checked.returncode == 0, checked.output
    assert built.returncode == 0, built.output
    return project / "site"


def _html(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8") for path in site.rglob("*.html")}


def _elsewhere(value: str) -> bool:
    """Does any address in value name another host, read as the URL standard does?"""
    for url in re.split(r",|url\(", value):
        url = re.sub(r"[\t\n\r]", "", url.strip("".join(map(chr, range(0x21))))).replace("\\", "/")
        if url.startswith("//") or re.match(r"[a-z][a-z0-9+.-]*:", url, re.I) and "evil" in url:
            return True
    return False


class _Elements(HTMLParser):
    """Script elements and event-handler or loading attributes, as a browser's parser sees them."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on") or name in ("src", "srcset", "poster", "data", "style") and _elsewhere(value or ""):
                self.found.append(f"<{tag} {name}={value!r}>")

    def handle_data(self, data):
        if self._in_script and "alert(" in data:
            self.found.append(f"<script>{data[:60]}")

    def handle_endtag(self, tag):
        self._in_script = False


def test_hostile_site_has_no_script_and_no_other_host(hostile_site):
    for name, html in _html(hostile_site).items():
        parser = _Elements()
        parser.feed(html)
        assert parser.found == [], name
    entry_page = (hostile_site / "praktijkvoorbeelden/plaatjes/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in entry_page


def test_hostile_site_publishes_what_the_validator_accepted(hostile_site):
    no_body = (hostile_site / "praktijkvoorbeelden/zonder-tekst/index.html").read_text(encoding="utf-8")
    assert "<h1" in no_body and "Goed voorbeeld" in no_body and "gemeente: Emmen" not in no_body
    dated = (hostile_site / "praktijkvoorbeelden/datum-titel/index.html").read_text(encoding="utf-8")
    assert "2023-02-30" in dated and "samenvatting: Dit klopt." not in dated
    body_meta = (hostile_site / "praktijkvoorbeelden/meta-tekst/index.html").read_text(encoding="utf-8")
    assert "Titel: geen metadata" in body_meta
    assert "Bonaire" in (hostile_site / "catalogus/provincie/index.html").read_text(encoding="utf-8")
    mmd = (hostile_site / "over/mmd/index.html").read_text(encoding="utf-8")
    assert "<p>Title: " in mmd  # body text, not metadata: MkDocs' MultiMarkdown reader never sees it


@pytest.mark.parametrize(
    "html",
    [
        *(f'<img src="{url}">' for url in TRICKY),
        '<img src="/\t/evil.example">',
        '<img src="\x01//evil.example">',
        '<img src="\\/evil.example">',
        '<img src="javascript:alert(1)">',
        '<img src="data:image/svg+xml,<svg/>">',
        '<img srcset="ok.png 1x, \\\\evil.example/b.png 2x">',
        '<img src="ok.png" srcset=" //evil.example 2x">',
        '<video poster="//evil.example"></video>',
        '<object data="\\\\evil.example"></object>',
        '<table><tr><td style="text-align:right;background:u\\72l(//evil.example)">x</td></tr></table>',
        '<table><tr><td style="background:/**/url(//evil.example)">x</td></tr></table>',
    ],
)
def test_sanitizer_keeps_no_address_of_another_host(html):
    from kennisbank_participatie.html import sanitize

    assert "evil.example" not in sanitize(html)


def test_sanitizer_keeps_own_images():
    from kennisbank_participatie.html import sanitize

    kept = sanitize('<img src="plaatje.png" alt="a"><img src="/assets/b.png" alt="b"><img src="../c.png?x=1#y" alt="c">')
    assert kept.count("src=") == 3


BROWSER_PAGES = [
    "",
    "over/",
    "over/kop/",
    "over/mmd/",
    "praktijkvoorbeelden/plaatjes/",
    "praktijkvoorbeelden/",
    "catalogus/gemeente/emmen/",
    "catalogus/provincie/",
    "keuzemenu/buurt-bestuurt/",
    "keuzemenu/boekje/",
    "keuzemenu/",
    "toolbox/",
    "participatieladder/raadplegen/",
    "keuzehulp/",
    "catalogus/vorm/",
]


@pytest.mark.browser
def test_every_page_type_of_the_hostile_site_in_chromium(hostile_site, browser):
    from browser import Watched, serve

    with serve(hostile_site) as base:
        watched = Watched(browser, base)
        try:
            for path in BROWSER_PAGES:
                if not (hostile_site / path / "index.html").exists():
                    continue
                watched.open(path)
                watched.page.wait_for_timeout(100)
            # The Keuzehulp's questions, answers and advice carry hostile text too.
            page = watched.open("keuzehulp/")
            for fieldset in page.locator("fieldset.kb-vraag").all():
                fieldset.locator("label").first.click()
            page.locator("#kb-keuzehulp-vragen button[type=submit]").click()
            page.wait_for_selector("#kb-advies a")
            assert "<script>" in page.locator("#kb-advies").inner_text()  # shown as text
            assert watched.dialogs == []
            assert watched.foreign == []
        finally:
            watched.close()
