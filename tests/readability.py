"""Plain-language (B1) measures of Dutch prose in Markdown: words per sentence."""

from __future__ import annotations

import re

_WORD = re.compile(r"[0-9A-Za-zÀ-ÿ€]+(?:[.,'’-][0-9A-Za-zÀ-ÿ]+)*")


def sentences(markdown: str) -> list[str]:
    """Sentences of the running text: headings and table rows are no sentences; list items end one."""
    lines = []
    for line in markdown.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", "|", "<", "---")):
            lines.append("")
            continue
        lines.append(re.sub(r"^([-*+]|\d+\.)\s+", "", stripped) + ("\n" if re.match(r"^([-*+]|\d+\.)\s", stripped) else ""))
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", " ".join(lines))
    parts = re.split(r"(?<=[.!?:])\s+(?=[A-Z0-9'‘\"(€ÀÉ])|\n", text)
    return [part.strip() for part in parts if _WORD.search(part)]


def words(sentence: str) -> int:
    return len(_WORD.findall(sentence))
