#!/usr/bin/env node
// Writes contributes.languageModelTools (and its display texts in package.nls.json) from
// src/agentTools/toolManifest.ts, so that the tools' input schemas come from the call-options table.
// usage: node scripts/tools-manifest.js [--check]   (--check: exit 1 when package.json is out of date)
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');
const root = path.join(__dirname, '..');
const out = esbuild.buildSync({
  entryPoints: [path.join(root, 'src/agentTools/toolManifest.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
});
const mod = { exports: {} };
new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, require);
const { languageModelTools, nls: texts } = mod.exports.toolContributions();
const pkgPath = path.join(root, 'package.json');
const nlsPath = path.join(root, 'package.nls.json');
const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8'));
const nls = JSON.parse(fs.readFileSync(nlsPath, 'utf8'));
const stale = JSON.stringify(pkg.contributes.languageModelTools) !== JSON.stringify(languageModelTools) || Object.entries(texts).some(([k, v]) => nls[k] !== v);
if (process.argv.includes('--check')) {
  if (stale) {
    console.error('package.json languageModelTools is out of date: run node scripts/tools-manifest.js');
    process.exit(1);
  }
  process.exit(0);
}
pkg.contributes.languageModelTools = languageModelTools;
Object.assign(nls, texts);
fs.writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n');
fs.writeFileSync(nlsPath, JSON.stringify(nls, null, 2) + '\n');
console.log(stale ? 'package.json languageModelTools written' : 'package.json languageModelTools already up to date');
