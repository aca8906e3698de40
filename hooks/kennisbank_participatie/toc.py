"""The sidebar's table of contents, read from a page's final HTML.

MkDocs builds page.toc from the Markdown alone, so the headings the build adds (Vormen,
Instrumenten, Bronnen, the lists on overview pages, the booklet's forms) would be missing.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser
from typing import TypedDict

from mkdocs.structure.toc import TableOfContents, get_toc


class _Token(TypedDict):
    """One heading as mkdocs.structure.toc.get_toc reads it."""

    level: int
    id: str
    name: str
    children: list[_Token]


class _Headings(HTMLParser):
    """(level, id, text) of every heading with an id, leaving out the permalink's '¶'."""

    def __init__(self, levels: range) -> None:
        super().__init__(convert_charrefs=True)
        self.levels = levels
        self.found: list[tuple[int, str, str]] = []
        self._open: tuple[int, str, list[str]] | None = None
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if (
            len(tag) == 2
            and tag[0] == "h"
            and tag[1].isdigit()
            and int(tag[1]) in self.levels
            and (anchor := attributes.get("id"))
        ):
            self._open = (int(tag[1]), anchor, [])
        elif self._open and tag == "a" and "headerlink" in (attributes.get("class") or "").split():
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if self._open and tag == "a" and self._skip:
            self._skip -= 1
        elif self._open and tag == f"h{self._open[0]}":
            level, anchor, words = self._open
            self.found.append((level, anchor, " ".join("".join(words).split())))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open and not self._skip:
            self._open[2].append(data)


def from_html(html: str, deepest: int = 3) -> TableOfContents:
    """Headings h2 to `deepest`, nested as they stand in the page."""
    parser = _Headings(range(2, deepest + 1))
    parser.feed(html)
    parser.close()
    roots: list[_Token] = []
    stack: list[_Token] = []
    for level, anchor, words in parser.found:
        token: _Token = {"level": level, "id": anchor, "name": escape(words), "children": []}
        while stack and stack[-1]["level"] >= level:
            stack.pop()
        (stack[-1]["children"] if stack else roots).append(token)
        stack.append(token)
    return get_toc(roots)
