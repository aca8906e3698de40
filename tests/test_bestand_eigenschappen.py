"""Property tests: whatever front matter and Markdown an editor writes, the gate answers with the
project's own ContentError or a valid record, never another exception; validator and build agree.

Many examples run at the level of the reader (fast); a few run through the validator and a real build.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kennisbank_participatie import content, records, vocabulary
from kennisbank_participatie.problems import ContentError
from kennisbank_participatie.schema import PRAKTIJKVOORBEELD
from sitebuilder import ROOT, make_project

FAST = settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
BUILDS = settings(max_examples=3, deadline=None, database=None, suppress_health_check=list(HealthCheck))

# Characters that mean something to YAML or Markdown, and characters that break output.
SPECIAL = list(":-[]{}&*!|>'\"#%@`,?\\ \n\t<>=/") + [
    "\x00",
    "\x0c",
    "\x1b",
    "\x85",
    "\u200b",
    "\u202e",
    "\ufeff",
    "\ud800",
    "---",
    "...",
    "&a",
    "*a",
    "!!python/object",
    "\u2028",
]
raw_text = st.lists(st.one_of(st.sampled_from(SPECIAL), st.characters()), max_size=120).map("".join)
plain = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
keys = st.one_of(st.sampled_from(PRAKTIJKVOORBEELD.keys + ("pagina", "uitgever", "url", "tijd")), plain)
values = st.recursive(
    st.one_of(plain, st.integers(-(10**6), 10**6), st.none(), st.booleans(), st.sampled_from(["2020", "Drenthe", "raadplegen"])),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)),
    max_leaves=12,
)
front_matter = st.dictionaries(keys, values, max_size=12)


@pytest.fixture(scope="module")
def vocabularies():
    return vocabulary.load(ROOT / "data" / "vocabulaire.yml")


def _read(text: str | bytes, vocabularies) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "voorbeeld.md"
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
        entry, problems = records.read(path, "praktijkvoorbeelden/voorbeeld.md", PRAKTIJKVOORBEELD, vocabularies)
    assert entry is not None or problems
    for problem in problems:
        assert problem.path == "praktijkvoorbeelden/voorbeeld.md"
        assert "Node" not in problem.message and "\\x" not in problem.message  # no Python repr


@FAST
@given(front=raw_text, body=raw_text)
def test_any_text_gives_a_record_or_dutch_problems(vocabularies, front, body):
    _read(f"---\n{front}\n---\n{body}", vocabularies)


@FAST
@given(data=st.binary(max_size=300))
def test_any_bytes_give_a_record_or_dutch_problems(vocabularies, data):
    _read(data, vocabularies)


@FAST
@given(fields=front_matter, body=raw_text)
def test_any_structure_gives_a_record_or_dutch_problems(vocabularies, fields, body):
    _read("---\n" + yaml.safe_dump(fields, allow_unicode=True) + "---\n" + body, vocabularies)


def _markdown_extensions() -> tuple[list[str], dict]:
    from mkdocs.utils.yaml import yaml_load  # MkDocs' own reader: mkdocs.yml uses its !ENV tag

    listed = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]
    names = [item if isinstance(item, str) else next(iter(item)) for item in listed]
    configs = {next(iter(item)): next(iter(item.values())) for item in listed if isinstance(item, dict)}
    return names, configs


markdown_text = st.lists(
    st.one_of(st.sampled_from(list("*_[]()`<>{}~!-+1. >\n\t#|:") + ["- ", "> ", "1. ", "    ", "\n\n"]), st.characters()),
    max_size=1500,
).map("".join)


@settings(max_examples=100, deadline=None, database=None)
@given(body=markdown_text)
def test_markdown_the_gate_lets_through_renders_quickly(body):
    import time

    import markdown

    from kennisbank_participatie import bodycheck

    if bodycheck.problems("x.md", body, 1):
        return
    names, configs = _markdown_extensions()
    start = time.monotonic()
    markdown.markdown(body, extensions=names, extension_configs=configs)
    assert time.monotonic() - start < 2


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("eigenschappen"))


@settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(fields=front_matter, body=raw_text)
def test_the_gate_raises_only_content_errors(project, fields, body):
    path = project / "praktijkvoorbeelden" / "gegenereerd.md"
    path.write_text(
        "---\n" + yaml.safe_dump(fields, allow_unicode=True) + "---\n" + body, encoding="utf-8", errors="surrogatepass"
    )
    try:
        content.load(project)
    except ContentError as error:
        assert error.problems
    finally:
        path.unlink()


VALID = {
    "titel": "Een titel",
    "gemeente": "Emmen",
    "provincie": "Drenthe",
    "jaar": 2020,
    "samenvatting": "Kort.",
    "ladder": ["raadplegen"],
    "onderbouwing": "beschreven",
    "bronnen": [{"titel": "B", "uitgever": "U", "jaar": 2020}],
}


@BUILDS
@given(changes=st.dictionaries(st.sampled_from(sorted(VALID)), values, max_size=2), body=raw_text)
def test_validator_and_build_agree(changes, body):
    with tempfile.TemporaryDirectory() as folder:
        project = make_project(Path(folder) / "p")
        shutil.rmtree(project / "praktijkvoorbeelden")
        shutil.copytree(ROOT / "tests" / "fixtures" / "basis" / "praktijkvoorbeelden", project / "praktijkvoorbeelden")
        text = "---\n" + yaml.safe_dump({**VALID, **changes}, allow_unicode=True) + "---\n" + body
        (project / "praktijkvoorbeelden" / "gegenereerd.md").write_text(text, encoding="utf-8", errors="surrogatepass")
        checked = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "valideer.py"), str(project)], capture_output=True, text=True
        )
        built = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")],
            cwd=project,
            capture_output=True,
            text=True,
        )
        assert "Traceback" not in checked.stderr + built.stderr
        assert (checked.returncode == 0) == (built.returncode == 0), (checked.stderr, built.stderr)
        if checked.returncode:
            assert checked.stderr.strip() in built.stderr
        else:
            page = (project / "site" / "praktijkvoorbeelden" / "gegenereerd" / "index.html").read_text(encoding="utf-8")
            assert "bronnen:" not in page  # the front matter never shows as text
