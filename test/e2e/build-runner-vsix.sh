#!/usr/bin/env bash
# Package test/e2e/runner-extension into .e2e/plainmeta-test-runner.vsix.
#   bash test/e2e/build-runner-vsix.sh [SRC_DIR OUT.vsix]   (other small test extensions too)
# The extension is staged in .e2e/build-<dir name>/ (so the source tree stays clean), its
# dependencies (for the runner: mocha, pinned) are installed there, and vsce bundles that
# node_modules into the .vsix. Rebuilds only when the sources changed. Needs the tools from scripts/setup-code-server.sh
# (uses .e2e/tools/node_modules/.bin/vsce; falls back to `npx @vscode/vsce`).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
E2E_DIR="${PLAINMETA_E2E_DIR:-$ROOT/.e2e}"
SRC="$(cd "${1:-$ROOT/test/e2e/runner-extension}" && pwd)"
OUT="${2:-$E2E_DIR/plainmeta-test-runner.vsix}"
case "$OUT" in /*) ;; *) OUT="$PWD/$OUT" ;; esac
STAGE="$E2E_DIR/build-$(basename "$SRC")"
export CI=true npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

mkdir -p "$E2E_DIR"
[ -f "$E2E_DIR/.gitignore" ] || printf '*\n' > "$E2E_DIR/.gitignore"

hash=$( (cd "$SRC" && find . -type f -not -path './node_modules/*' | LC_ALL=C sort | xargs sha256sum) | sha256sum | cut -c1-16)
if [ -f "$OUT" ] && [ "$(cat "$OUT.hash" 2>/dev/null)" = "$hash" ]; then
  echo "[build-runner-vsix] up to date: $OUT"
  exit 0
fi

rm -rf "$STAGE"; mkdir -p "$STAGE"
(cd "$SRC" && tar --exclude=./node_modules -cf - .) | (cd "$STAGE" && tar -xf -)
[ -f "$STAGE/LICENSE" ] || printf 'MIT License (test-only extension, not distributed)\n' > "$STAGE/LICENSE"
cd "$STAGE"
if grep -q '"dependencies"' package.json; then
  echo "[build-runner-vsix] npm install --omit=dev in $STAGE"
  npm install --omit=dev --no-audit --no-fund --loglevel=error --no-package-lock >/dev/null
fi

VSCE="$E2E_DIR/tools/node_modules/.bin/vsce"
[ -x "$VSCE" ] || VSCE="npx --yes @vscode/vsce@3.9.1"
echo "[build-runner-vsix] vsce package -> $OUT"
$VSCE package --allow-missing-repository --skip-license -o "$OUT" >"$STAGE/vsce.log" 2>&1 || { cat "$STAGE/vsce.log" >&2; exit 1; }
echo "$hash" > "$OUT.hash"
echo "[build-runner-vsix] built $OUT ($(du -k "$OUT" | cut -f1) KiB)"
