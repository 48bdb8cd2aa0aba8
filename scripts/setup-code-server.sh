#!/usr/bin/env bash
# Install everything the real-VS-Code e2e tests need (see test/e2e/README.md):
#   - Debian packages: libkrb5-dev pkg-config ripgrep chromium
#   - code-server 4.100.3 (VS Code 1.100.3) from npm, into .e2e/code-server/ (git-ignored)
#   - playwright-core and @vscode/vsce, into .e2e/tools/ (git-ignored)
#   - the test-runner extension .vsix (test/e2e/build-runner-vsix.sh)
# Idempotent and non-interactive: each step leaves a stamp file and is skipped on the next run.
# Set PLAINMETA_E2E_DIR to install somewhere other than <repo>/.e2e.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
E2E_DIR="${PLAINMETA_E2E_DIR:-$ROOT/.e2e}"
CS_VERSION="4.100.3"
PLAYWRIGHT_VERSION="1.65.1"
VSCE_VERSION="3.9.1"
CS_DIR="$E2E_DIR/code-server"
TOOLS_DIR="$E2E_DIR/tools"
APT_PACKAGES=(libkrb5-dev pkg-config ripgrep chromium)

export CI=true DEBIAN_FRONTEND=noninteractive
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
NPM_INSTALL=(npm install --no-audit --no-fund --loglevel=error)

T0=$(date +%s)
step() { echo "[setup-code-server] $(( $(date +%s) - T0 ))s: $*"; }
die() { echo "[setup-code-server] ERROR: $*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" != 0 ]; then command -v sudo >/dev/null && SUDO="sudo -n" || true; fi

# Native builds (node-gyp) use the local Node headers (/usr/include/node) rather than downloading them.
if [ -z "${npm_config_nodedir:-}" ] && ! npm config get nodedir 2>/dev/null | grep -q /; then
  node_prefix=$(node -p 'process.execPath.replace(/\/bin\/node$/, "")')
  [ -f "$node_prefix/include/node/node.h" ] && export npm_config_nodedir="$node_prefix"
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" = 20 ] || echo "[setup-code-server] WARNING: code-server $CS_VERSION wants Node 20, this is $(node -v)" >&2

mkdir -p "$E2E_DIR"
# The whole install dir ignores itself, whatever the project's .gitignore says.
[ -f "$E2E_DIR/.gitignore" ] || printf '*\n' > "$E2E_DIR/.gitignore"

# --- 1. Debian packages -------------------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "apt-get update"
  $SUDO apt-get update -qq
  step "apt-get install ${missing[*]}"
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  step "Debian packages already installed (${APT_PACKAGES[*]})"
fi
[ -x /usr/bin/rg ] || die "/usr/bin/rg missing after apt-get"
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium missing after apt-get"

# --- 2. code-server -------------------------------------------------------------------------
CS_STAMP="$CS_DIR/.installed-$CS_VERSION"
if [ -f "$CS_STAMP" ]; then
  step "code-server $CS_VERSION already installed in $CS_DIR"
else
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"; cd "$CS_DIR"
  printf '{ "name": "plainmeta-e2e-code-server", "private": true }\n' > package.json
  step "npm install --ignore-scripts code-server@$CS_VERSION"
  "${NPM_INSTALL[@]}" --ignore-scripts "code-server@$CS_VERSION"
  VS="$CS_DIR/node_modules/code-server/lib/vscode"
  cd "$VS"
  step "lib/vscode: npm install --omit=dev --ignore-scripts"
  "${NPM_INSTALL[@]}" --omit=dev --ignore-scripts
  # The recipe's three native modules, plus spdlog (file logging; without it every start prints a
  # "Could not locate the bindings file" stack), deviceid and native-watchdog (ext host watchdog).
  step "lib/vscode: npm rebuild kerberos node-pty @parcel/watcher @vscode/spdlog @vscode/deviceid native-watchdog (native builds, ~40 s)"
  npm_config_yes=true npm rebuild --loglevel=error kerberos node-pty @parcel/watcher @vscode/spdlog @vscode/deviceid native-watchdog >/dev/null
  step "lib/vscode: link /usr/bin/rg and node_modules.asar"
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sfn /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
  ln -sfn node_modules node_modules.asar
  step "lib/vscode/extensions: npm install --omit=dev --ignore-scripts"
  cd "$VS/extensions"
  "${NPM_INSTALL[@]}" --omit=dev --ignore-scripts
  cd "$CS_DIR"
  step "npm rebuild argon2"
  npm_config_yes=true npm rebuild --loglevel=error argon2 >/dev/null
  step "checking code-server runs"
  XDG_DATA_HOME="$CS_DIR/.xdg-data" node node_modules/code-server/out/node/entry.js --config "$CS_DIR/config.yaml" --version 2>/dev/null | head -1
  date -u +%FT%TZ > "$CS_STAMP"
fi

# --- 3. playwright-core and vsce -------------------------------------------------------------
TOOLS_STAMP="$TOOLS_DIR/.installed-playwright-core-$PLAYWRIGHT_VERSION-vsce-$VSCE_VERSION"
if [ -f "$TOOLS_STAMP" ]; then
  step "playwright-core $PLAYWRIGHT_VERSION and @vscode/vsce $VSCE_VERSION already installed in $TOOLS_DIR"
else
  rm -rf "$TOOLS_DIR"; mkdir -p "$TOOLS_DIR"; cd "$TOOLS_DIR"
  printf '{ "name": "plainmeta-e2e-tools", "private": true }\n' > package.json
  step "npm install playwright-core@$PLAYWRIGHT_VERSION @vscode/vsce@$VSCE_VERSION (no browser download)"
  "${NPM_INSTALL[@]}" --ignore-scripts "playwright-core@$PLAYWRIGHT_VERSION" "@vscode/vsce@$VSCE_VERSION"
  date -u +%FT%TZ > "$TOOLS_STAMP"
fi

# --- 4. test-runner extension .vsix ------------------------------------------------------------
step "building the test-runner extension .vsix"
bash "$ROOT/test/e2e/build-runner-vsix.sh"

step "done: code-server in $CS_DIR, tools in $TOOLS_DIR (total $(( $(date +%s) - T0 ))s)"
