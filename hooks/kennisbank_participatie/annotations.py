"""Mistakes in GitHub's own terms, so a pull request shows each one on the line where it is."""

from __future__ import annotations

from .problems import Problem


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_commands(problems: list[Problem]) -> str:
    """One `::error` workflow command per mistake, with file and (when known) line."""
    lines = []
    for problem in sorted(problems):
        where = f"file={_property(problem.path)}"
        if problem.line:
            where += f",line={problem.line}"
        title = f"Veld '{problem.field}'" if problem.field else "Fout in de inhoud"
        lines.append(f"::error {where},title={_property(title)}::{_data(problem.message)}")
    return "\n".join(lines)


def _cell(text: object) -> str:
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def summary(problems: list[Problem]) -> str:
    """A Dutch table for the job summary (Markdown)."""
    files = {problem.path for problem in problems}
    rows = [
        "## Controle van de inhoud",
        "",
        f"{len(problems)} {'fout' if len(problems) == 1 else 'fouten'} in {len(files)} "
        f"{'bestand' if len(files) == 1 else 'bestanden'}. Je ziet elke fout ook bij de regel zelf, "
        "onder *Files changed* in de pull request.",
        "",
        "| Bestand | Regel | Veld | Wat is er mis? |",
        "| --- | --- | --- | --- |",
    ]
    rows += [f"| {_cell(p.path)} | {p.line or ''} | {_cell(p.field)} | {_cell(p.message)} |" for p in sorted(problems)]
    return "\n".join(rows) + "\n"
