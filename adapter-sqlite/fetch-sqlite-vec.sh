#!/usr/bin/env bash
# Fetches the sqlite-vec loadable extension (vec0.so) from npm, checks its sha256 and installs it.
#
# Usage: adapter-sqlite/fetch-sqlite-vec.sh [target-dir]
#   target-dir defaults to adapter-sqlite/target/sqlite-vec (next to this script).
# Point the adapter at it with -Dlocalgpt.sqlite.vec=<dir>/vec0.so or LOCALGPT_SQLITE_VEC=<dir>/vec0.so;
# the tests look in adapter-sqlite/target/sqlite-vec/vec0.so by default.
# Idempotent: does nothing when a file with the right checksum is already there.
set -euo pipefail

PACKAGE="sqlite-vec-linux-x64@0.1.9"
SHA256="5923730861b86c707cca5602b5f91092f9e52a46706dbc6e269fd4bb9c4498e8"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="${1:-$here/target/sqlite-vec}"
mkdir -p "$target"

if [[ -f "$target/vec0.so" ]] && echo "$SHA256  $target/vec0.so" | sha256sum -c --status; then
  echo "sqlite-vec already present: $target/vec0.so"
  exit 0
fi

if [[ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]]; then
  echo "fetch-sqlite-vec: only linux-x64 is supported here; the adapter falls back to Java k-NN" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$PACKAGE" >/dev/null)
tar -xzf "$work"/sqlite-vec-linux-x64-*.tgz -C "$work"
so="$work/package/vec0.so"
if ! echo "$SHA256  $so" | sha256sum -c --status; then
  echo "fetch-sqlite-vec: checksum mismatch for $PACKAGE vec0.so (expected $SHA256)" >&2
  exit 1
fi
install -m 0755 "$so" "$target/vec0.so"
echo "sqlite-vec installed: $target/vec0.so"
