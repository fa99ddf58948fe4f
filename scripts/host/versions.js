// Which code-server (= which VS Code) the test host runs: HOST_VSCODE=current | oldest | an exact version
// (code-server's 4.N.x, or VS Code's 1.N.x, which maps to 4.N.x), default current. The aliases live in
// versions.json, which install.sh reads too. Each version installs side by side in HOST_ROOT/cs-<version>.
'use strict';
const fs = require('fs');
const path = require('path');

const ALIASES = JSON.parse(fs.readFileSync(path.join(__dirname, 'versions.json'), 'utf8'));
const REPO_ROOT = path.resolve(__dirname, '..', '..');
const HOST_ROOT = process.env.HOST_ROOT || path.join(REPO_ROOT, '.vscode-host');

/** code-server version for a HOST_VSCODE value; throws on anything else. */
function resolveVersion(spec = process.env.HOST_VSCODE || 'current') {
  const s = String(spec).trim();
  if (s === 'current' || s === 'oldest') return ALIASES[s];
  const m = /^([14])\.(\d+)\.(\d+)$/.exec(s);
  if (!m) throw new Error(`HOST_VSCODE=${s}: expected current, oldest, or a version like 4.139.1 (code-server) / 1.139.1 (VS Code)`);
  return `4.${m[2]}.${m[3]}`;
}

/** VS Code version a code-server version ships (4.N.x → 1.N.x). */
const vscodeOf = version => version.replace(/^4\./, '1.');

/**
 * Where a code-server version lives and which Node runs it (install.sh writes the Node's path, relative to
 * HOST_ROOT, into cs-<version>/.node; "node" means the one on PATH). Older checkouts installed 4.100.3 into
 * HOST_ROOT/cs: that folder still counts when it holds the version asked for.
 */
function hostInstall(version = resolveVersion()) {
  let dir = path.join(HOST_ROOT, `cs-${version}`);
  const legacy = path.join(HOST_ROOT, 'cs');
  if (!fs.existsSync(dir) && fs.existsSync(path.join(legacy, `.installed-${version}`))) dir = legacy;
  const entry = path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  let node = 'node';
  try {
    const rel = fs.readFileSync(path.join(dir, '.node'), 'utf8').trim();
    if (rel && rel !== 'node') node = path.resolve(HOST_ROOT, rel);
  } catch {
    /* legacy install: the Node on PATH */
  }
  const installed = fs.existsSync(entry) && fs.existsSync(path.join(dir, `.installed-${version}`)) && (node === 'node' || fs.existsSync(node));
  return { version, vscode: vscodeOf(version), dir, entry, node, installed };
}

module.exports = { ALIASES, HOST_ROOT, REPO_ROOT, resolveVersion, vscodeOf, hostInstall };
