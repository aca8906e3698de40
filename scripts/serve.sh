#!/usr/bin/env bash
# Install what the site needs (in .venv, and the web editor from npm) and serve it on http://127.0.0.1:8000 with live reload.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
# The web editor at /admin/ (Decap CMS) comes from npm; without npm the site works, /admin/ says how to add it.
if command -v npm >/dev/null 2>&1 && ! [ node_modules/.package-lock.json -nt package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/mkdocs serve --dev-addr "${ADDR:-127.0.0.1:8000}" "$@"
