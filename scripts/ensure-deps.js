#!/usr/bin/env node
// Installs the npm packages package-lock.json asks for when node_modules lacks any of them (a fresh clone, a
// changed lock file): `npm ci`. Fast when nothing is missing: it only reads package.json files.
//   node scripts/ensure-deps.js          (npm test and npm run demo call it first)
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');

/** Packages the lock file installs on this machine that node_modules does not hold at the locked version. */
function missingPackages(dir = root) {
  const lock = JSON.parse(fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8'));
  const missing = [];
  for (const [where, entry] of Object.entries(lock.packages ?? {})) {
    // Optional packages (esbuild's per-platform binaries) are installed only where they fit.
    if (!where.startsWith('node_modules/') || entry.optional || entry.link) continue;
    const manifest = path.join(dir, where, 'package.json');
    let version;
    try {
      version = JSON.parse(fs.readFileSync(manifest, 'utf8')).version;
    } catch {
      missing.push(where.slice('node_modules/'.length));
      continue;
    }
    if (entry.version && version !== entry.version) missing.push(`${where.slice('node_modules/'.length)}@${entry.version}`);
  }
  return missing;
}

function ensureDeps() {
  const missing = missingPackages();
  if (missing.length === 0) return false;
  console.log(`[deps] ${missing.length} npm package(s) missing or outdated (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}): npm ci`);
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  return true;
}

module.exports = { missingPackages, ensureDeps };

if (require.main === module) {
  try {
    ensureDeps();
  } catch (e) {
    console.error(`[deps] npm ci failed: ${e.message}`);
    process.exit(1);
  }
}
