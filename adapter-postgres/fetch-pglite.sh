#!/usr/bin/env bash
# Installs PGlite's socket server (PostgreSQL 18 compiled to WASM, with pgvector) from npm, for the PostgreSQL
# adapter's tests: they start it with node on a free loopback port.
#
# Usage: adapter-postgres/fetch-pglite.sh [target-dir]
#   target-dir defaults to ~/.cache/localgpt/pglite (outside the repository, so `mvn clean` keeps it).
# The tests look there, or in -Dlocalgpt.pglite=<dir> / LOCALGPT_PGLITE=<dir>. Idempotent.
set -euo pipefail

PACKAGE="@electric-sql/pglite-socket@0.2.17"
target="${1:-${HOME}/.cache/localgpt/pglite}"
server="$target/node_modules/@electric-sql/pglite-socket/dist/scripts/server.js"
vector="$target/node_modules/@electric-sql/pglite-pgvector/package.json"

if [[ -f "$server" && -f "$vector" && -f "$target/.installed-$(echo "$PACKAGE" | tr '/@' '__')" ]]; then
  echo "PGlite already present: $target"
  exit 0
fi
command -v node >/dev/null 2>&1 || { echo "fetch-pglite: node not found; install Node.js 18+" >&2; exit 1; }
mkdir -p "$target"
cd "$target"
[[ -f package.json ]] || echo '{"name":"localgpt-pglite","private":true}' > package.json
npm install --silent --no-audit --no-fund "$PACKAGE"
[[ -f "$server" && -f "$vector" ]] || { echo "fetch-pglite: $PACKAGE did not bring the server or pgvector" >&2; exit 1; }
touch "$target/.installed-$(echo "$PACKAGE" | tr '/@' '__')"
echo "PGlite installed: $target"
