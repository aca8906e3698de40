#!/usr/bin/env bash
# Install everything the tests need (Python packages in .venv, axe-core, Debian's chromium) and run them.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements-test.txt
npm ci --no-audit --no-fund --loglevel=error
export NO_MKDOCS_2_WARNING=1
.venv/bin/ruff check hooks scripts tests
.venv/bin/ruff format --check --quiet hooks scripts tests
.venv/bin/mypy  # pyproject.toml says what it checks
exec .venv/bin/python -m pytest "$@"
