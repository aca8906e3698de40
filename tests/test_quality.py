"""Whole-site quality: no dead internal link, and the same content always gives the same files."""

from __future__ import annotations

import filecmp

from linkcheck import dead_links
from sitebuilder import build


def test_no_internal_link_leads_nowhere(basis_site):
    # The attack fixture points images at a missing 'x' on purpose, so onerror would fire if it survived.
    assert [link for link in dead_links(basis_site.site) if not link.startswith("/praktijkvoorbeelden/aanval-test/")] == []


def test_two_builds_give_identical_files(basis_site):
    again = build(basis_site.project, "--site-dir", str(basis_site.project / "site-opnieuw"))
    assert again.returncode == 0, again.log
    first = sorted(p.relative_to(basis_site.site) for p in basis_site.site.rglob("*") if p.is_file())
    second = sorted(
        p.relative_to(again.site.parent / "site-opnieuw") for p in (again.site.parent / "site-opnieuw").rglob("*") if p.is_file()
    )
    assert first == second
    different = [
        str(p)
        for p in first
        if p.name != "sitemap.xml.gz"
        and p.name != "sitemap.xml"
        and not filecmp.cmp(basis_site.site / p, again.site.parent / "site-opnieuw" / p, shallow=False)
    ]
    assert different == []


def test_no_dead_link_in_the_published_site(real_site):
    assert dead_links(real_site.site) == []
