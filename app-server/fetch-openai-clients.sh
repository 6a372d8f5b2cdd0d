#!/usr/bin/env bash
# Installs real OpenAI client libraries from npm, for app-server's OpenAiSdkIT: the official OpenAI Node SDK and
# the Vercel AI SDK's OpenAI-compatible provider, which the test drives against LocalGPT's /v1 endpoints.
#
# Usage: app-server/fetch-openai-clients.sh [target-dir]
#   target-dir defaults to ~/.cache/localgpt/openai-clients (outside the repository, so `mvn clean` keeps it).
# The test looks there, or in -Dlocalgpt.openaiClients=<dir> / LOCALGPT_OPENAI_CLIENTS=<dir>. Idempotent.
set -euo pipefail

PACKAGES=(openai@5.23.2 ai@4.3.19 @ai-sdk/openai-compatible@0.2.16 zod@3.25.76)
target="${1:-${HOME}/.cache/localgpt/openai-clients}"
stamp="$target/.installed-$(echo "${PACKAGES[*]}" | tr '/@ ' '__-')"

if [[ -f "$stamp" ]]; then
  echo "OpenAI clients already present: $target"
  exit 0
fi
command -v node >/dev/null 2>&1 || { echo "fetch-openai-clients: node not found; install Node.js 18+" >&2; exit 1; }
mkdir -p "$target"
cd "$target"
[[ -f package.json ]] || echo '{"name":"localgpt-openai-clients","private":true}' > package.json
npm install --silent --no-audit --no-fund --omit=peer --legacy-peer-deps "${PACKAGES[@]}"
for module in openai ai @ai-sdk/openai-compatible; do
  [[ -f "node_modules/$module/package.json" ]] \
    || { echo "fetch-openai-clients: npm did not install $module" >&2; exit 1; }
done
rm -f "$target"/.installed-*
touch "$stamp"
echo "OpenAI clients installed: $target"
