#!/usr/bin/env bash
# Installs what the offline VS Code test host needs (see scripts/host/README section in codeServer.js):
#   - Debian packages: chromium (headless browser), libkrb5-dev (code-server's kerberos module), ripgrep
#     (+ g++/make/python3 for native modules, only if missing)
#   - code-server@4.100.3 (= VS Code 1.100.3, the newest code-server that runs on Node 20) into .vscode-host/cs
# Idempotent: every step is skipped when already done (the second run is a fast no-op).
# Only the npm registry and Debian apt are used. Env overrides: CODE_SERVER_VERSION, HOST_ROOT, NPM_CACHE.
#   bash scripts/host/install.sh        (or: npm run host:install)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROOT="${HOST_ROOT:-$REPO/.vscode-host}"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
RIPGREP_PKG_VERSION="1.15.11"   # @vscode/ripgrep version pinned by code-server 4.100.3
RIPGREP_ASSET="ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
T0=$SECONDS
log() { echo "[host:install] $*"; }
took() { echo "[host:install] $1 took $((SECONDS - $2)) s"; }

mkdir -p "$ROOT"
export TMPDIR="$ROOT/tmp"    # npm, node-gyp and @vscode/ripgrep write here, not in /tmp or ~
mkdir -p "$TMPDIR"

# ---------------------------------------------------------------------------------------------
# 1. Debian packages (installed only when missing; `apt-get update` first)
# ---------------------------------------------------------------------------------------------
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
missing=()
for p in chromium libkrb5-dev ripgrep; do have_pkg "$p" || missing+=("$p"); done
command -v g++ >/dev/null || missing+=(g++)
command -v make >/dev/null || missing+=(make)
command -v python3 >/dev/null || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null; then SUDO="sudo"; else
      echo "[host:install] missing Debian packages: ${missing[*]}; run as root: apt-get update && apt-get install -y ${missing[*]}" >&2
      exit 1
    fi
  fi
  s=$SECONDS
  log "apt-get install ${missing[*]}"
  APT_LOG="$ROOT/apt-install.log"
  if ! { $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
         $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"; } >"$APT_LOG" 2>&1; then
    tail -40 "$APT_LOG" >&2
    echo "[host:install] apt-get failed (log: $APT_LOG)" >&2
    exit 1
  fi
  took "apt-get install" $s
else
  log "Debian packages present (chromium, libkrb5-dev, ripgrep)"
fi

# ---------------------------------------------------------------------------------------------
# 2. code-server from npm. Pitfalls handled:
#    - its postinstall refuses to run as root under npm unless npm_config_unsafe_perm=true
#    - node-gyp would download Node headers: npm_config_nodedir points at the local ones
#    - node-pty's postinstall runs `npx node-gyp`, which waits for a "y" unless npm_config_yes=true
#    - @vscode/ripgrep's postinstall downloads rg from GitHub: pre-seed its cache in $TMPDIR with Debian's rg
#    - argon2's prebuilt download fails; it falls back to a source build (fine)
# ---------------------------------------------------------------------------------------------
CS="$ROOT/cs"
STAMP="$CS/.installed-$CODE_SERVER_VERSION"
if [ -f "$STAMP" ] && [ -x "$CS/node_modules/.bin/code-server" ]; then
  log "code-server $CODE_SERVER_VERSION present ($CS)"
else
  NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
  if [ "$CODE_SERVER_VERSION" = 4.100.3 ] && [ "$NODE_MAJOR" != 20 ]; then
    echo "[host:install] code-server $CODE_SERVER_VERSION needs Node 20 (found $(node -v)); use Node 20 or set CODE_SERVER_VERSION" >&2
    exit 1
  fi
  # Node headers: next to the running node (official tarballs, setup-node), else Debian's /usr/include/node
  NODEDIR="$(node -p 'require("path").dirname(require("path").dirname(process.execPath))')"
  [ -f "$NODEDIR/include/node/node.h" ] || NODEDIR=/usr
  if [ ! -f "$NODEDIR/include/node/node.h" ]; then
    echo "[host:install] Node headers not found (looked in $NODEDIR/include/node); node-gyp would try to download them" >&2
    exit 1
  fi
  RG="$(command -v rg || true)"
  [ -n "$RG" ] || { echo "[host:install] ripgrep (rg) not found" >&2; exit 1; }
  RG_CACHE="$TMPDIR/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION"
  mkdir -p "$RG_CACHE" "$TMPDIR/rgseed"
  cp "$RG" "$TMPDIR/rgseed/rg"
  tar czf "$RG_CACHE/$RIPGREP_ASSET" -C "$TMPDIR/rgseed" rg

  rm -f "$CS"/.installed-*
  mkdir -p "$CS"
  [ -f "$CS/package.json" ] || echo '{"name":"vscode-host-cs","version":"1.0.0","private":true}' > "$CS/package.json"
  CS_LOG="$ROOT/cs-install.log"
  s=$SECONDS
  log "npm install code-server@$CODE_SERVER_VERSION (about 1-2 min; log: $CS_LOG)"
  npm_cache=()
  [ -n "${NPM_CACHE:-}" ] && npm_cache=(--cache "$NPM_CACHE")
  if ! (cd "$CS" && env npm_config_unsafe_perm=true npm_config_nodedir="$NODEDIR" npm_config_yes=true \
          npm_config_update_notifier=false \
          npm install --no-audit --no-fund --foreground-scripts "${npm_cache[@]}" "code-server@$CODE_SERVER_VERSION") \
        >"$CS_LOG" 2>&1; then
    tail -40 "$CS_LOG" >&2
    echo "[host:install] code-server install failed (log: $CS_LOG)" >&2
    exit 1
  fi
  if ! XDG_CONFIG_HOME="$TMPDIR/xdg" XDG_DATA_HOME="$TMPDIR/xdg" "$CS/node_modules/.bin/code-server" --version >>"$CS_LOG" 2>&1; then
    tail -20 "$CS_LOG" >&2
    echo "[host:install] code-server was installed but does not start (log: $CS_LOG)" >&2
    exit 1
  fi
  touch "$STAMP"
  rm -rf "$TMPDIR/rgseed" "$TMPDIR/xdg"
  took "code-server install" $s
fi

log "ready: code-server $CODE_SERVER_VERSION, $(chromium --version 2>/dev/null || echo 'chromium ?'); total $((SECONDS - T0)) s"
