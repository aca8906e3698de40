"""The build's lifecycle said out loud: what MkDocs offers that this site cannot do is refused in Dutch."""

from __future__ import annotations

from sitebuilder import build, make_project


def test_a_dirty_build_is_refused_instead_of_leaving_the_booklet_half_empty(tmp_path):
    project = make_project(tmp_path / "p")
    assert build(project).returncode == 0
    dirty = build(project, "--dirty")
    assert dirty.returncode != 0
    assert "De kennisbank kan niet met --dirty worden gebouwd" in dirty.log


def test_directory_urls_are_required(tmp_path):
    project = make_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nuse_directory_urls: false\n", encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "use_directory_urls: true" in result.log
