"""Links in Markdown bodies, checked the way MkDocs checks them, so the validator rejects what
the strict build would reject: a link to a page or file that does not exist, or to an anchor
('#kop') that the page does not have."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import markdown
from mkdocs.utils.yaml import yaml_load

from . import urls
from .problems import Problem

# [text](target "title"), ![alt](target), and reference definitions: [name]: target
_INLINE = re.compile(r"\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")
_REFERENCE = re.compile(r"^ {0,3}\[(?!\^)[^\]\n]+\]:\s*<?([^\s>]+)>?", re.M)  # not a footnote: [^1]: text
_CODE = re.compile(r"^(```|~~~).*?^\1[^\n]*$|`[^`\n]*`", re.M | re.S)


def targets(body: str) -> list[tuple[int, str]]:
    """(line offset in body, link target) of every Markdown link outside code."""
    text = _CODE.sub(lambda match: re.sub(r"[^\n]", " ", match.group()), body)
    found = [(match.start(1), match.group(1)) for pattern in (_INLINE, _REFERENCE) for match in pattern.finditer(text)]
    return sorted((text.count("\n", 0, start), target) for start, target in found)


@dataclass(frozen=True)
class AnchorLink:
    rel: str
    line: int
    url: str
    target: str  # src_uri of the page the anchor should be on
    anchor: str


def problems(rel: str, src_uri: str, body: str, body_line: int, known: set[str], anchors: list[AnchorLink]) -> list[Problem]:
    """known: every path in the site's sources (docs files, entries, generated pages and files).
    Links to an anchor are added to anchors: whether the anchor exists is known once pages are rendered."""
    found = []
    for offset, url in targets(body):
        scheme, netloc, path, _, anchor = urlsplit(url)
        if scheme or netloc or url.startswith(("/", "\\")) or "\x02amp\x03" in url:
            continue  # another site, or an absolute link (MkDocs leaves those as they are)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), unquote(path))) if path else src_uri
        if target in known:
            if anchor and target.endswith(".md"):
                anchors.append(AnchorLink(rel, body_line + offset, url, target, anchor))
            continue
        guess = _guess(target, known)
        hint = f" Bedoelde je '{posixpath.relpath(guess, posixpath.dirname(src_uri) or '.')}'?" if guess else ""
        if not posixpath.splitext(path)[1]:
            message = (
                f"de link '{url}' wijst niet naar een bestand. Link naar een pagina met de naam van het "
                f"bestand, dus met .md aan het eind.{hint}"
            )
        else:
            message = f"de link '{url}' wijst naar een pagina of bestand dat niet bestaat.{hint}"
        found.append(Problem(rel, body_line + offset, "", message))
    return found


def anchor_problems(anchors: list[AnchorLink], bodies: dict[str, str], root: Path) -> list[Problem]:
    """bodies: src_uri -> Markdown body of every page (generated pages have none: no anchors)."""
    extensions = _extensions(root)
    ids: dict[str, set[str]] = {}
    found = []
    for link in anchors:
        if link.target not in ids:
            ids[link.target] = _ids(bodies.get(link.target, ""), extensions)
        if link.anchor not in ids[link.target]:
            found.append(
                Problem(
                    link.rel,
                    link.line,
                    "",
                    f"de link '{link.url}' wijst naar '#{link.anchor}', maar die kop of plek bestaat niet op die pagina.",
                )
            )
    return found


# Markdown extension names, and each one's settings as mkdocs.yml gives them (any YAML).
_Extensions = tuple[list[str], dict[str, dict[str, Any]]]


def _extensions(root: Path) -> _Extensions:
    """The Markdown extensions of mkdocs.yml, with the three MkDocs always adds."""
    # MkDocs' own reader: mkdocs.yml may use its tags, such as !ENV.
    with open(root / "mkdocs.yml", encoding="utf-8") as stream:
        listed = yaml_load(stream).get("markdown_extensions") or []
    names = ["toc", "tables", "fenced_code"] + [item if isinstance(item, str) else next(iter(item)) for item in listed]
    configs = {next(iter(item)): next(iter(item.values())) or {} for item in listed if isinstance(item, dict)}
    return list(dict.fromkeys(names)), configs


def _ids(body: str, extensions: _Extensions) -> set[str]:
    """The anchors MkDocs finds on a rendered page: every id, and the name of every <a>."""
    rendered = markdown.markdown(body, extensions=extensions[0], extension_configs=extensions[1])
    found = re.findall(r'\bid="([^"]*)"', rendered) + re.findall(r'<a\b[^>]*\bname="([^"]*)"', rendered)
    return {html.unescape(value) for value in found}


def _guess(target: str, known: Iterable[str]) -> str:
    for candidate in urls.source_candidates(target):
        if candidate in known:
            return candidate
    return ""
