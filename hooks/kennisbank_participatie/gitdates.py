"""Dates from git: the one place that asks when the knowledge base last changed.

The booklet's date line, the notice on old descriptions and the feed all take their dates from
git, so the same commit builds the same files whenever it is built. Outside a git checkout (a
copy of the files, a tarball) there are no dates; that is said once in the log, not silently.
"""

from __future__ import annotations

import logging
import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.kennisbank")


def last_change(root: Path) -> datetime | None:
    """When the content last changed: SOURCE_DATE_EPOCH if set (reproducible builds), else the
    date of the last commit; None without git."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    try:
        stamp = subprocess.run(
            ["git", "log", "-1", "--format=%cI"], cwd=root, capture_output=True, text=True, check=True, timeout=30
        ).stdout.strip()
        return datetime.fromisoformat(stamp)
    except (OSError, subprocess.SubprocessError, ValueError):
        log.info("Geen git-geschiedenis gevonden in %s: de site vermeldt geen datum van de laatste wijziging.", root)
        return None


def file_dates(root: Path, folder: str) -> dict[str, str]:
    """Last commit date (ISO 8601) per file below folder; empty outside a git checkout."""
    try:
        history = subprocess.run(
            ["git", "log", "--relative", "--format=@%cI", "--name-only", "--no-renames", "--", folder],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        log.info("Geen git-geschiedenis gevonden in %s: de feed dateert elk praktijkvoorbeeld op 1 januari van zijn jaar.", root)
        return {}
    dates: dict[str, str] = {}
    current = ""
    for line in history.splitlines():
        if line.startswith("@"):
            current = line[1:]
        elif line and line not in dates:
            dates[line] = current
    return dates
