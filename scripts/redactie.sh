#!/usr/bin/env bash
# Start de site en de webeditor voor een redacteur die met een eigen kopie (clone) van het project werkt.
# De site: http://127.0.0.1:8000, de webeditor: http://127.0.0.1:8000/admin/ . De webeditor slaat op in
# de bestanden van deze map, via decap-server (de lokale opslag van Decap CMS, vastgezet in package.json).
# Stoppen: Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v npm >/dev/null 2>&1 || { echo "Installeer eerst Node.js en npm (bijvoorbeeld: sudo apt-get install npm)." >&2; exit 1; }
[ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error
export DECAP_SERVER_PORT="${DECAP_SERVER_PORT:-8081}"
PORT="$DECAP_SERVER_PORT" BIND_HOST=127.0.0.1 GIT_REPO_DIRECTORY="$PWD" LOG_LEVEL=warn \
  node node_modules/decap-server/dist/index.js &
decap_server=$!
trap 'kill "$decap_server" 2>/dev/null || true' EXIT
echo "De webeditor staat zo op http://${ADDR:-127.0.0.1:8000}/admin/"
bash scripts/serve.sh "$@"
