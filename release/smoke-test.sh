#!/usr/bin/env bash
# Release smoke test (.ci/run runs it after `mvn -B verify`): builds the tarball with release/build.sh (reusing the
# jars that build made), unpacks it into an empty folder and runs it as on a machine without a JDK:
# - an empty environment (env -i): no JAVA_HOME, no JAVA_TOOL_OPTIONS;
# - `localgpt` found on the PATH through a relative symlink, as README installs it;
# - a PATH whose first `java` is a fake that records being called and fails, so any lookup of a system java shows;
# - where user namespaces allow it, /usr/lib/jvm hidden behind an empty tmpfs, so no JDK exists at all (Debian's
#   /usr/bin/java points there).
# Then: `--version` names Java 25 (the bundled runtime; the system's is 17), `memory search` finds the one note in a
# scratch LOCALGPT_HOME (SQLite and ONNX natives, the embedded model), `chat` answers from memory with stdin piped.
# Prints the tarball's size and make-up and the time of each command (numbers, not assertions).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fail() { echo "release/smoke-test.sh: FAILED: $*" >&2; exit 1; }
say() { echo "release/smoke-test.sh: $*" >&2; }

if ! JDK="$("$ROOT/release/build.sh" --print-jdk 2>/dev/null)"; then
  say "SKIPPED: the release needs a JDK 25+ with jlink to build (none in JAVA_HOME or /usr/lib/jvm)."
  exit 0
fi
say "building the release with $JDK"
TARBALL="$("$ROOT/release/build.sh" | tail -n1)"
[[ -f "$TARBALL" ]] || fail "release/build.sh made no tarball."

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/unpacked" "$WORK/fakebin" "$WORK/userhome" "$WORK/home/workspace/memory"
tar -xzf "$TARBALL" -C "$WORK/unpacked"
APP="$(echo "$WORK"/unpacked/localgpt-*-linux-x64)"
[[ -x "$APP/bin/localgpt" ]] || fail "no bin/localgpt in $(basename "$TARBALL")."

cat > "$WORK/fakebin/java" <<EOF
#!/bin/sh
echo "\$0 \$*" >> "$WORK/system-java-called"
exit 97
EOF
chmod +x "$WORK/fakebin/java"
# Installed as README says: a relative symlink in a bin folder on the PATH (with a space in its name).
mkdir -p "$WORK/user bin"
ln -s "../unpacked/$(basename "$APP")/bin/localgpt" "$WORK/user bin/localgpt"
echo "The lighthouse keeper feeds the zebra on Tuesdays." > "$WORK/home/workspace/memory/2026-01-05.md"

HIDE_JDK=()
if unshare --mount --map-root-user sh -c 'mount -t tmpfs tmpfs /usr/lib/jvm' 2>/dev/null; then
  HIDE_JDK=(unshare --mount --map-root-user sh -c 'mount -t tmpfs tmpfs /usr/lib/jvm && exec "$@"' hide-jdk)
  say "running with /usr/lib/jvm hidden (no JDK on the machine)"
else
  say "user namespaces unavailable: /usr/lib/jvm stays visible; the fake java on the PATH still catches any use"
fi

# Runs the unpacked launcher in an empty environment; stdout to $WORK/out, stderr to $WORK/err, seconds to $SECONDS_TAKEN.
run() {
  local start=$EPOCHREALTIME
  "${HIDE_JDK[@]}" env -i HOME="$WORK/userhome" PATH="$WORK/fakebin:$WORK/user bin:/usr/bin:/bin" \
      LOCALGPT_HOME="$WORK/home" localgpt "$@" > "$WORK/out" 2> "$WORK/err" < "${STDIN:-/dev/null}" \
    || { cat "$WORK/out" "$WORK/err" >&2; fail "'localgpt $*' exited non-zero."; }
  SECONDS_TAKEN="$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }')"
}

found="$("${HIDE_JDK[@]}" env -i PATH="$WORK/fakebin:$WORK/user bin:/usr/bin:/bin" sh -c 'command -v java')"
[[ "$found" == "$WORK/fakebin/java" ]] || fail "the fake java is not the first on the PATH (found $found)."

run --version
grep -q '^Java 25' "$WORK/out" || { cat "$WORK/out" >&2; fail "--version does not name the bundled Java 25."; }
say "--version: ${SECONDS_TAKEN}s ($(tr '\n' ' ' < "$WORK/out"))"

run memory search zebra --json
grep -q '"path" : "memory/2026-01-05.md"' "$WORK/out" || { cat "$WORK/out" "$WORK/err" >&2; fail "memory search missed the note."; }
say "memory search (first: indexes and embeds the workspace): ${SECONDS_TAKEN}s"
run memory search zebra --json
say "memory search (index up to date): ${SECONDS_TAKEN}s"

printf 'what does the lighthouse keeper feed?\n/quit\n' > "$WORK/chat-input"
STDIN="$WORK/chat-input" run chat
grep -q 'feeds the zebra' "$WORK/out" || { cat "$WORK/out" "$WORK/err" >&2; fail "chat did not answer from memory."; }
say "chat (one question from memory, /quit): ${SECONDS_TAKEN}s"

[[ ! -e "$WORK/system-java-called" ]] || fail "a system java was looked up: $(cat "$WORK/system-java-called")"

size() { du -sh "$@" | tail -n1 | cut -f1; }
say "tarball $(basename "$TARBALL"): $(du -h "$TARBALL" | cut -f1) packed, $(size "$APP") unpacked:" \
    "runtime $(size "$APP/runtime"), jars $(du -ch "$APP"/lib/*.jar | tail -n1 | cut -f1)," \
    "AOT cache $(size "$APP/lib/localgpt.aot")"
say "OK"
