"""Every internal link in a built site must lead to a file (and an anchor, when it names one)."""

from __future__ import annotations

from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for name in ("href", "src"):
            value = attrs.get(name)
            if value and not (tag == "link" and attrs.get("rel") == "canonical"):
                self.refs.append(value)


@cache
def _parse(path: Path) -> _Refs:
    parser = _Refs()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def dead_links(site: Path) -> list[str]:
    dead = []
    for page in sorted(site.rglob("*.html")):
        base = "/" + page.relative_to(site).as_posix()
        for ref in _parse(page).refs:
            parsed = urlparse(ref)
            if parsed.scheme or ref.startswith(("//", "mailto:", "data:", "javascript:")):
                continue
            target_url = urlparse(urljoin(base, ref))
            target = site / unquote(target_url.path).lstrip("/")
            if target_url.path.endswith("/") or target.is_dir():
                target = target / "index.html"
            if not target.exists():
                dead.append(f"{base}: {ref}")
                continue
            fragment = unquote(target_url.fragment)
            if fragment and not fragment.startswith("__") and target.suffix == ".html":
                if fragment not in _parse(target).ids:
                    dead.append(f"{base}: {ref} (anker ontbreekt)")
    return dead
