#!/usr/bin/env node
// `npm run call-tests -- <files or globs> [--junit report.xml]`: bundles the editor-free runner (src/callTests/cli.ts)
// with esbuild in well under a second, then runs it. See README, "Call test suites".
const esbuild = require('esbuild');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const out = path.join(ROOT, 'out', 'call-tests', 'cli.js');
esbuild.buildSync({
  entryPoints: [path.join(ROOT, 'src', 'callTests', 'cli.ts')],
  absWorkingDir: ROOT,
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  sourcemap: true,
  alias: { 'whatwg-url': './scripts/shims/whatwg-url.js', 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' }, // jsonc-parser's UMD build hides its requires from bundlers
});
require(out).main();
