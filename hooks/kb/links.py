"""Links in Markdown bodies, checked the way MkDocs checks them, so the validator rejects what
the strict build would reject (a link to a page or file that does not exist)."""

from __future__ import annotations

import posixpath
import re
from typing import Iterable
from urllib.parse import unquote, urlsplit

from .problems import Problem

# [text](target "title"), ![alt](target), and reference definitions: [name]: target
_INLINE = re.compile(r"\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*<?([^\s>]+)>?", re.M)
_CODE = re.compile(r"^(```|~~~).*?^\1[^\n]*$|`[^`\n]*`", re.M | re.S)


def targets(body: str) -> list[tuple[int, str]]:
    """(line offset in body, link target) of every Markdown link outside code."""
    text = _CODE.sub(lambda match: re.sub(r"[^\n]", " ", match.group()), body)
    found = [(match.start(1), match.group(1)) for pattern in (_INLINE, _REFERENCE) for match in pattern.finditer(text)]
    return sorted((text.count("\n", 0, start), target) for start, target in found)


def problems(rel: str, src_uri: str, body: str, body_line: int, known: set[str]) -> list[Problem]:
    """known: every path in the site's sources (docs files, entries, generated pages and files)."""
    found = []
    for offset, url in targets(body):
        scheme, netloc, path, _, _ = urlsplit(url)
        if scheme or netloc or url.startswith(("/", "\\")) or not path or "\x02amp\x03" in url:
            continue  # another site, an absolute link (left as it is), or an anchor on this page
        path = unquote(path)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))
        if target in known:
            continue
        guess = _guess(target, known)
        hint = f" Bedoelde je '{posixpath.relpath(guess, posixpath.dirname(src_uri) or '.')}'?" if guess else ""
        if not posixpath.splitext(path)[1]:
            message = (f"de link '{url}' wijst niet naar een bestand. Link naar een pagina met de naam van het "
                       f"bestand, dus met .md aan het eind.{hint}")
        else:
            message = f"de link '{url}' wijst naar een pagina of bestand dat niet bestaat.{hint}"
        found.append(Problem(rel, body_line + offset, "", message))
    return found


def _guess(target: str, known: Iterable[str]) -> str:
    stem = target.rstrip("/")
    for candidate in (f"{stem}.md", f"{stem}/index.md", stem.removesuffix(".html") + ".md"):
        if candidate in known:
            return candidate
    return ""
