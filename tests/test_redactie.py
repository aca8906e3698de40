"""The web editor at /admin/ (Decap CMS) and the feedback editors get: generated config, round trip
without damage on every entry, the local backend in Chromium, GitHub annotations, placeholders."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from test_search_index import _fragments as search_fragments

from kennisbank_participatie import cms, content, corpus
from kennisbank_participatie.records import read
from kennisbank_participatie.scaffold import BODY_PLACEHOLDER, PLACEHOLDER
from kennisbank_participatie.schema import BY_KEY, Field, Kind
from kennisbank_participatie.textutil import slugify
from kennisbank_participatie.vocabulary import load as load_vocabularies
from sitebuilder import ROOT, build, make_project

VOCABULARIES = load_vocabularies(ROOT / corpus.VOCABULARY_FILE)
VALIDATOR = ROOT / "scripts" / "valideer.py"
SCAFFOLD = ROOT / "scripts" / "nieuw.py"


def _config(site: Path) -> dict:
    return yaml.safe_load((site / "admin" / "config.yml").read_text(encoding="utf-8"))


def _field(config: dict, collection: str, key: str) -> dict:
    [found] = [c for c in config["collections"] if c["name"] == collection]
    return next(field for field in found["fields"] if field["name"] == key)


@pytest.mark.parametrize("kind", list(Kind))
def test_every_kind_of_field_has_a_widget(kind):
    """Another field kind in the schema must get a widget before the build can run."""
    field = Field(
        "proef",
        kind,
        True,
        "uitleg",
        None,
        vocabulary=("provincie",) if "TERM" in kind.name or kind is Kind.EFFORT else (),
        refers_to="praktijkvoorbeeld",
    )
    vocabularies = {**VOCABULARIES, "provincie": VOCABULARIES["inzet"]} if kind is Kind.EFFORT else VOCABULARIES
    widget = cms.widget(field, vocabularies)
    assert widget["widget"] and widget["label"] and widget["hint"] == "uitleg" and widget["required"] is True


def test_generated_config_follows_schema_and_vocabulary(basis_site):
    config = _config(basis_site.site)
    assert config["locale"] == "nl" and config["publish_mode"] == "editorial_workflow"
    assert config["backend"] == {"name": "github", "repo": "kennisbank-participatie/kennisbank", "branch": "main"}
    assert [c["folder"] for c in config["collections"]] == ["praktijkvoorbeelden", "docs/keuzemenu", "docs/toolbox"]
    provinces = _field(config, "praktijkvoorbeelden", "provincie")
    assert [o["value"] for o in provinces["options"]] == list(VOCABULARIES["provincie"].values)
    assert [o["label"] for o in provinces["options"]] == [t.label for t in VOCABULARIES["provincie"].terms]
    for collection in ("praktijkvoorbeelden", "keuzemenu"):
        rungs = _field(config, collection, "ladder")
        assert [o["value"] for o in rungs["options"]] == list(VOCABULARIES["ladder"].values)
    for spec in cms.EDITED:
        [found] = [c for c in config["collections"] if c["name"] == cms.NAMES[spec.key]]
        assert [f["name"] for f in found["fields"]] == [*spec.keys, "body"]
        for field in spec.fields:
            widget = _field(config, cms.NAMES[spec.key], field.key)
            assert widget["required"] is field.required and widget["hint"] == field.description and widget["label"]
    assert _field(config, "praktijkvoorbeelden", "vormen")["collection"] == "keuzemenu"
    assert _field(config, "praktijkvoorbeelden", "gerelateerd")["widget"] == "kb-relation"
    assert _field(config, "praktijkvoorbeelden", "inwoners")["widget"] == "string"


def test_admin_page_is_hidden_from_readers_and_robots(basis_site):
    page = (basis_site.site / "admin" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    # the only page that may talk to another host, and then only to the Git host and the local backend
    assert "connect-src 'self' http://127.0.0.1:8081 https://api.github.com https://avatars.githubusercontent.com;" in page
    assert "default-src 'self';" in page and "img-src 'self' data: blob: https://api.github.com" in page
    assert "/admin/" not in (basis_site.site / "sitemap.xml").read_text(encoding="utf-8")
    assert not [url for url in search_fragments(basis_site) if url.startswith("admin")]
    navigation = re.findall(
        r'class="md-nav__link[^"]*"[^>]*href="([^"]*)"|href="([^"]*)"[^>]*class="md-nav__link', basis_site.page("over")
    )
    assert navigation and not [link for pair in navigation for link in pair if "admin" in link]
    feed = basis_site.site / "feed.xml"
    assert not feed.exists() or "/admin/" not in feed.read_text(encoding="utf-8")


def _decap(command: str, request: dict) -> dict:
    result = subprocess.run(
        ["node", str(ROOT / "tests" / "node" / "decap.mjs"), str(ROOT), command],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_editor_names_a_new_file_as_the_scaffold_does(basis_site):
    """Decap's own slug code on every title of the corpus gives the file name scripts/nieuw.py would give."""
    titles = [entry.titel for entries in content.load(ROOT).corpus.entries.values() for entry in entries]
    titles += ["Zwolle: de ideeënmakelaar", "Emmen: werkbezoeken bij EOP's", "'s-Hertogenbosch: Fryslân & co."]
    made = _decap("slug", {"titles": titles, "slug": _config(basis_site.site)["slug"]})
    assert {title: made[title] for title in titles} == {title: slugify(title) for title in titles}


def _saved_by_decap(files: list[Path]) -> dict[str, str]:
    fields = {}
    for path in files:
        spec = next(spec for spec in cms.EDITED if path.parent == ROOT / spec.folder)
        fields[str(path)] = [*spec.keys, "body"]
    return _decap("roundtrip", {"files": [str(p) for p in files], "fields": fields})


def test_decap_round_trip_keeps_every_entry(tmp_path):
    """Decap's own front-matter code opens and saves every entry; each still validates and means the same."""
    files = [path for spec in cms.EDITED for path in corpus.content_files(ROOT)[spec.key]]
    assert len(files) > 100
    saved = _saved_by_decap(files)
    project = make_project(tmp_path / "project", fixture=None)
    damaged = []
    for path in files:
        rel = path.relative_to(ROOT).as_posix()
        spec = next(spec for spec in cms.EDITED if path.parent == ROOT / spec.folder)
        (project / rel).write_text(saved[str(path)], encoding="utf-8")
        before, _ = read(path, rel, spec, VOCABULARIES)
        after, problems = read(project / rel, rel, spec, VOCABULARIES)
        if problems or dict(before.fields) != dict(after.fields) or before.body.strip() != after.body.strip():
            damaged.append((rel, [str(p) for p in problems]))
    assert damaged == []
    content.load(project)  # and the links between them still hold


def test_a_bare_dotted_count_is_refused_with_its_fix(tmp_path):
    project = make_project(tmp_path / "project")
    entry = project / "praktijkvoorbeelden" / "zwolle-ideeenmakelaar.md"
    text = entry.read_text(encoding="utf-8")
    entry.write_text(text.replace("\njaar:", "\ninwoners: 45.000\njaar:", 1), encoding="utf-8")
    result = subprocess.run([sys.executable, str(VALIDATOR), str(project)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "veld 'inwoners': zet 45.000 tussen aanhalingstekens (\"45.000\") of schrijf 45000" in result.stderr


def _scaffold(project: Path) -> Path:
    result = subprocess.run(
        [
            sys.executable,
            str(SCAFFOLD),
            "praktijkvoorbeeld",
            "Zwolle: een nieuw voorbeeld",
            "--provincie",
            "Overijssel",
            "--jaar",
            "2012",
            "--map",
            str(project),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return project / "praktijkvoorbeelden" / "zwolle-een-nieuw-voorbeeld.md"


def test_a_fresh_scaffold_fails_until_its_placeholders_are_replaced(tmp_path):
    project = make_project(tmp_path / "project")
    path = _scaffold(project)
    result = subprocess.run([sys.executable, str(VALIDATOR), str(project)], capture_output=True, text=True)
    assert result.returncode == 1
    rel = "praktijkvoorbeelden/zwolle-een-nieuw-voorbeeld.md"
    for field in ("samenvatting", "bronnen", "tekst"):
        assert f"{rel}, regel " in result.stderr and f"veld '{field}': {PLACEHOLDER}" in result.stderr
    assert "'Titel van de bron'" in result.stderr and "'Naam van de uitgever'" in result.stderr
    assert build(project).returncode != 0  # the build refuses it too
    example = BY_KEY["praktijkvoorbeeld"].field("samenvatting").example
    text = path.read_text(encoding="utf-8")
    text = (
        text.replace(example, "Zwolle probeert iets nieuws.")
        .replace("Titel van de bron", "Gemeente & Gemeenschap")
        .replace("Naam van de uitgever", "Ministerie van BZK en VNG")
        .replace(BODY_PLACEHOLDER, "Zwolle deed iets.")
    )
    path.write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, str(VALIDATOR), str(project)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_validator_annotates_the_line_in_github_actions(tmp_path):
    project = make_project(tmp_path / "project")
    entry = project / "praktijkvoorbeelden" / "zwolle-ideeenmakelaar.md"
    lines = entry.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line.startswith("provincie:")) + 1
    lines[number - 1] = "provincie: Overijsel"
    entry.write_text("\n".join(lines), encoding="utf-8")
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    result = subprocess.run([sys.executable, str(VALIDATOR), str(project)], capture_output=True, text=True, env=env)
    assert result.returncode == 1
    assert (
        f"::error file=praktijkvoorbeelden/zwolle-ideeenmakelaar.md,line={number},title=Veld 'provincie'::"
        f"'Overijsel' is geen toegestane waarde. Bedoelde je 'Overijssel'?"
    ) in result.stdout
    assert "| Bestand | Regel | Veld | Wat is er mis? |" in summary.read_text(encoding="utf-8")
    # locally it prints as before, without workflow commands
    local = subprocess.run(
        [sys.executable, str(VALIDATOR), str(project)],
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"},
    )
    assert "::error" not in local.stdout + local.stderr and f"regel {number}, veld 'provincie'" in local.stderr


SCREENSHOTS = ROOT / "docs" / "meeschrijven"
# Screens for the "Meeschrijven" page, made while the test works in the editor as an editor would.
# Set KB_SCHERMAFBEELDINGEN=1 to write them into docs/meeschrijven/; otherwise they go to a temporary
# folder and the test checks that the committed ones exist at the same size (pixels differ a little
# between font versions, so comparing bytes would fail without anything being wrong).
SCREENS = ("webeditor-lijst.png", "webeditor-bewerken.png", "bewerkknop.png")


def _screenshot(page, tmp_path: Path, name: str, **options) -> None:
    target = SCREENSHOTS if os.environ.get("KB_SCHERMAFBEELDINGEN") == "1" else tmp_path
    page.screenshot(path=str(target / name), **options)


def test_editor_with_local_backend_lists_and_saves_entries(browser, tmp_path):
    from editor import EditorPage, editor_session

    hostile = ROOT / "tests" / "fixtures" / "basis" / "praktijkvoorbeelden" / "aanval-test.md"
    with editor_session(tmp_path, extra=(hostile,)) as (project, site_url, backend_url):
        editor = EditorPage(browser, site_url, backend_url)
        try:
            page = editor.open("#/collections/praktijkvoorbeelden")
            page.get_by_role("button", name="Inloggen").click()
            expected = sorted(p.stem for p in (project / "praktijkvoorbeelden").glob("*.md"))
            cards = page.locator("a[href*='/collections/praktijkvoorbeelden/entries/']")
            page.wait_for_function(
                f"document.querySelectorAll(\"a[href*='/collections/praktijkvoorbeelden/entries/']\").length >= {len(expected)}",
                timeout=30000,
            )
            listed = sorted(
                href.rsplit("/", 1)[-1] for href in cards.evaluate_all("links => links.map(a => a.getAttribute('href'))")
            )
            assert listed == expected
            _screenshot(page, tmp_path, SCREENS[0])

            # Zwolle has a summary over several lines; Berkelland a population written as "45.000".
            for number, slug in enumerate(("zwolle-ideeenmakelaar", "berkelland-samen-anders")):
                _save_with_new_summary(page, site_url, project, slug, tmp_path, screenshot=number == 0)
            content.load(project)
            assert editor.foreign == [] and editor.errors == [] and editor.blocked == []

            # An untrusted entry in the preview: nothing of it runs, and its image of elsewhere is not fetched.
            page.goto(site_url + "admin/#/collections/praktijkvoorbeelden/entries/aanval-test")
            page.reload()
            page.frame_locator("iframe").get_by_text("Tekst blijft staan.").wait_for()
            page.wait_for_timeout(500)
            assert [frame.evaluate("window.kbXss") for frame in page.frames] == [None] * len(page.frames), editor.blocked
            assert editor.foreign == [] and editor.errors == []
            # The policy of /admin/ stopped the entry's image of elsewhere and its inline event handlers.
            assert editor.blocked and all(
                "example.org" in message or "inline event handler" in message for message in editor.blocked
            ), "\n".join(editor.blocked)

            # GitHub's own editor is one click away: the pencil at the top right of every page.
            page.goto(site_url + "praktijkvoorbeelden/zwolle-ideeenmakelaar/")
            button = page.locator("a.md-content__button[title='Wijzig deze pagina']")
            assert button.get_attribute("href").endswith("/edit/main/praktijkvoorbeelden/zwolle-ideeenmakelaar.md")
            button.evaluate("a => a.style.outline = '4px solid #d81b60'")
            _screenshot(page, tmp_path, SCREENS[2], clip={"x": 0, "y": 0, "width": 1280, "height": 360})
        finally:
            editor.close()
    if os.environ.get("KB_SCHERMAFBEELDINGEN") != "1":
        for name in SCREENS:
            assert _png_size(SCREENSHOTS / name) == _png_size(tmp_path / name), name


def _save_with_new_summary(page, site_url: str, project: Path, slug: str, tmp_path: Path, screenshot: bool) -> None:
    """Change the summary in the form and publish, as an editor does; the file keeps everything else."""
    rel = f"praktijkvoorbeelden/{slug}.md"
    spec = BY_KEY["praktijkvoorbeeld"]
    before, _ = read(project / rel, rel, spec, VOCABULARIES)
    page.goto(site_url + f"admin/#/collections/praktijkvoorbeelden/entries/{slug}")
    page.reload()  # a new fragment alone leaves the editor on the entry it shows
    summary = page.get_by_label("Samenvatting")
    title = page.get_by_label("Titel", exact=True).first
    title.wait_for()
    assert title.input_value() == before.titel
    assert page.frame_locator("iframe").locator(".kb-feiten").inner_text().startswith("Gemeente")
    new = f"{before.fields['gemeente'][0]} doet iets nieuws. Dit is de nieuwe samenvatting."
    summary.fill(new)
    if screenshot:
        _screenshot(page, tmp_path, SCREENS[1])
    page.get_by_role("button", name="Publiceer", exact=True).click()
    page.get_by_text("Publiceer nu", exact=True).click()
    for _ in range(100):
        after, problems = read(project / rel, rel, spec, VOCABULARIES)
        if after is not None and after.samenvatting != before.samenvatting:
            break
        page.wait_for_timeout(100)
    assert problems == []
    assert after.samenvatting == new
    assert {k: v for k, v in after.fields.items() if k != "samenvatting"} == {
        k: v for k, v in before.fields.items() if k != "samenvatting"
    }
    assert after.body.strip() == before.body.strip()
    page.get_by_text("Wijzigingen opgeslagen", exact=False).wait_for()


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")


def test_pre_commit_hook_runs_the_validator(tmp_path):
    """The local pre-commit hook checks a clone exactly as the pull request does."""
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [hook] = [hook for repo in config["repos"] if repo["repo"] == "local" for hook in repo["hooks"]]
    assert "scripts/valideer.py" in hook["entry"] and hook["pass_filenames"] is False
    project = make_project(tmp_path / "project")
    shutil.copytree(ROOT / "scripts", project / "scripts")
    (project / ".venv").symlink_to(Path(sys.prefix))  # as scripts/serve.sh leaves it in a clone
    assert subprocess.run(["bash", "-c", hook["entry"]], cwd=project, capture_output=True).returncode == 0
    _scaffold(project)
    result = subprocess.run(["bash", "-c", hook["entry"]], cwd=project, capture_output=True, text=True)
    assert result.returncode == 1 and PLACEHOLDER in result.stderr
