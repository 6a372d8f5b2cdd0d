#!/usr/bin/env bash
# Builds the self-contained release: release/target/localgpt-VERSION-linux-x64.tar.gz, which runs on a Linux x64
# machine without any JDK or Maven. Unpacked it holds:
#   bin/localgpt      the launcher (release/localgpt): uses runtime/ only, never a system java
#   runtime/          a jlink-trimmed Java runtime (modules found by jdeps, plus the ones only reflection needs)
#   lib/*.jar         app-cli and its runtime dependencies; natives for other platforms are cut out of the jars
#   lib/classpath     the jars in class-path order (the AOT cache only matches the class path it was made with)
#   lib/localgpt.aot  the AOT cache (JEP 483/514) from a training run on the bundled runtime
#
# Usage: release/build.sh              builds the tarball and prints its path as the last line
#        release/build.sh --print-jdk  prints the JDK it would use (exit 1 when there is none)
# The jars come from app-cli/target (the jar plus target/release-classpath.txt, written by `mvn package`/`verify`):
# when they are missing or older than a source or pom, the script runs `mvn -B -q -DskipTests -pl app-cli -am package`
# first; right after `mvn -B verify` nothing is rebuilt.
# Needs a JDK 25+ with jlink (LOCALGPT_RELEASE_JDK, else JAVA_HOME, else /usr/lib/jvm/*), plus tar, gzip and zip.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="$ROOT/app-cli/target"
CP_FILE="$TARGET/release-classpath.txt"
OUT="$ROOT/release/target"
# Modules that jdeps cannot see because they are used through reflection or ServiceLoader:
# jdk.crypto.ec (EC keys for TLS), jdk.unsupported (sun.misc.Unsafe for Guice/Guava/natives),
# java.naming (JNDI lookups of TLS and Helidon), jdk.zipfs (zip file systems), jdk.charsets (non-UTF-8 terminals).
EXTRA_MODULES=jdk.crypto.ec,jdk.unsupported,java.naming,jdk.zipfs,jdk.charsets
# Modules jdeps lists that only optional code needs, left out: java.desktop (~9 MB packed) is `requires static` in
# Jackson (java.beans annotations, probed and skipped when absent) and JLine (Sixel/Kitty image output, unused).
LEFT_OUT_MODULES=java.desktop
# Native libraries kept in the jars: Linux x64 (glibc) only, in each library's naming.
KEEP_NATIVE='(^|/)(linux-x64|Linux/x86_64)/'

die() { echo "release/build.sh: $*" >&2; exit 1; }
step() { echo "release/build.sh: $*" >&2; }

jdk_major() {
  local version
  version="$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release" 2>/dev/null | head -n1)"
  version="${version%%[.+-]*}"
  [[ "$version" =~ ^[0-9]+$ ]] && echo "$version" || echo 0
}

find_jdk() {
  local home
  for home in "${LOCALGPT_RELEASE_JDK:-}" "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [[ -n "$home" && -x "$home/bin/jlink" && -x "$home/bin/jdeps" ]] || continue
    if (( $(jdk_major "$home") >= 25 )); then
      JDK="$home"
      return 0
    fi
  done
  die "no JDK 25+ with jlink found (looked at LOCALGPT_RELEASE_JDK, JAVA_HOME, /usr/lib/jvm/*); install Temurin 25 and
set LOCALGPT_RELEASE_JDK to it."
}

app_jar() {
  ls "$TARGET"/localgpt-app-cli-*.jar 2>/dev/null | grep -v -e sources -e tests -e javadoc | head -n1 || true
}

# True when the jars from the last Maven build are missing or older than a main source, resource or pom.
jars_stale() {
  local jar
  jar="$(app_jar)"
  [[ -n "$jar" && -s "$CP_FILE" ]] || return 0
  [[ -n "$(find "$ROOT" -path "$ROOT/.git" -prune -o -path "$ROOT/release" -prune -o \
      \( -path '*/src/main/*' -o -name pom.xml \) -type f -newer "$jar" -print -quit 2>/dev/null)" ]]
}

build_jars() {
  command -v mvn >/dev/null 2>&1 || die "the jars are missing or stale and Maven (mvn) is needed to build them."
  step "building the jars (mvn package, no tests)..."
  (cd "$ROOT" && mvn -B -q -DskipTests -pl app-cli -am package) || die "mvn package failed (output above)."
}

# Removes the native libraries of other platforms from a copied jar; prints nothing when there are none.
trim_natives() {
  local jar="$1" foreign
  foreign="$(unzip -Z1 "$jar" | grep -E '\.(so|dylib|dll|jnilib)$|\.dSYM/' | grep -Ev "$KEEP_NATIVE" || true)"
  [[ -n "$foreign" ]] || return 0
  printf '%s\n' "$foreign" | zip -q -d "$jar" -@ >/dev/null
}

find_jdk
if [[ "${1:-}" == --print-jdk ]]; then
  echo "$JDK"
  exit 0
fi
[[ $# -eq 0 ]] || die "unknown argument '$1' (usage: release/build.sh [--print-jdk])."
for tool in tar gzip zip unzip; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is needed (apt-get install $tool)."
done
if jars_stale; then
  build_jars
fi
JAR="$(app_jar)"
[[ -n "$JAR" && -s "$CP_FILE" ]] || die "no $TARGET/localgpt-app-cli-*.jar or $CP_FILE after the build."
VERSION="$(basename "$JAR" .jar)"
VERSION="${VERSION#localgpt-app-cli-}"
NAME="localgpt-$VERSION-linux-x64"
STAGE="$OUT/$NAME"
TARBALL="$OUT/$NAME.tar.gz"
IFS=: read -r -a DEPS < "$CP_FILE" || true  # no newline at the end
JARS=("$JAR" "${DEPS[@]}")

rm -rf "$STAGE" "$TARBALL"
mkdir -p "$STAGE/bin" "$STAGE/lib"

step "copying ${#JARS[@]} jars (natives for Linux x64 only)..."
: > "$STAGE/lib/classpath"
for jar in "${JARS[@]}"; do
  [[ -f "$jar" ]] || die "missing jar $jar (from $CP_FILE); run mvn package again."
  name="$(basename "$jar")"
  [[ ! -e "$STAGE/lib/$name" ]] || die "two jars named $name on the class path."
  cp "$jar" "$STAGE/lib/$name"
  chmod 0644 "$STAGE/lib/$name"
  trim_natives "$STAGE/lib/$name"
  echo "$name" >> "$STAGE/lib/classpath"
done

step "finding the modules (jdeps)..."
CLASSPATH=""
while IFS= read -r name; do
  CLASSPATH="${CLASSPATH:+$CLASSPATH:}$STAGE/lib/$name"
done < "$STAGE/lib/classpath"
MODULES="$("$JDK/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 25 -q \
    --module-path "$CLASSPATH" --class-path "$CLASSPATH" "$STAGE"/lib/*.jar | tail -n1)"
[[ "$MODULES" == java.base* ]] || die "jdeps did not print the modules (got: $MODULES)."
MODULES="$(tr ',' '\n' <<< "$MODULES,$EXTRA_MODULES" | grep -vxF -f <(tr ',' '\n' <<< "$LEFT_OUT_MODULES") \
    | sort -u | paste -sd,)"
step "linking the runtime: $MODULES"
"$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages --compress=zip-6 \
    --generate-cds-archive --output "$STAGE/runtime" >/dev/null
# The default CDS archive serves --version/--help (run without the AOT cache); its no-compressed-oops twin only
# serves heaps over 32 GB, so it is left out (such a JVM starts without CDS).
rm -f "$STAGE/runtime/lib/server/classes_nocoops.jsa"

install -m 0755 "$ROOT/release/localgpt" "$STAGE/bin/localgpt"

step "training the AOT cache with the bundled runtime..."
SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT
mkdir -p "$SCRATCH/home"
# A config with every key commented out, as a new user has (the training works without it too).
cp "$ROOT/app-server/src/main/resources/dev/localgpt/app/config/config-template.toml" "$SCRATCH/home/config.toml" \
  2>/dev/null || true
# The launcher runs the training with the JVM options it uses for commands (the cache needs the same ones).
if ! LOCALGPT_HOME="$SCRATCH/home" LOCALGPT_AOT_OUTPUT="$STAGE/lib/localgpt.aot" "$STAGE/bin/localgpt" \
    > "$SCRATCH/training.log" 2>&1 || [[ ! -s "$STAGE/lib/localgpt.aot" ]]; then
  cat "$SCRATCH/training.log" >&2
  die "the AOT training run failed (output above)."
fi

step "packing $TARBALL..."
tar -C "$OUT" -czf "$TARBALL" --owner=0 --group=0 --numeric-owner "$NAME"
echo "$TARBALL"
