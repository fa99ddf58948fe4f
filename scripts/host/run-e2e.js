#!/usr/bin/env node
// Runs the UI (e2e) tests out/test/e2e/*.e2e.js (compiled from test/e2e/*.e2e.ts) one after the other, each in
// a fresh code-server + headless Chromium with test/fixtures/workspace open; the next file's host starts and
// loads its workbench while the current file's test runs. Builds nothing: run
// `npm run build && npm run compile:tests` first (`npm run test:e2e` does).
//
//   node scripts/host/run-e2e.js [--vsix exotel-vscode.vsix [--packaged DIR]] [--folder DIR] [--tests DIR]
//        [--grep TEXT] [--timeout SEC] [--screenshots DIR] [--keep] [--verbose]
//
// --vsix FILE        install the packaged extension instead of loading the repo in development mode
//                    (development mode needs the bundle from `npm run build`, i.e. dist/extension.js)
// --packaged DIR     with --vsix: only the *.e2e.js in DIR get the packaged extension; the files of --tests run in
//                    development mode before them, in the same run (npm test: one pipeline for both)
// --extensionDevelopmentPath DIR  extension folder (default: the repo root); its package.json also tells which
//                    activity-bar containers to wait for before a test starts (in --vsix mode too)
// --folder DIR       workspace to open (default test/fixtures/workspace); each file gets its own copy of it, so
//                    that what a test writes there meets no other file, nor the in-host suites running beside
// --tests DIR        folder with *.e2e.js files (default out/test/e2e)
// --grep TEXT        only test files whose name contains TEXT
// --timeout SEC      per test file (default 180)
// --screenshots DIR  default artifacts/screenshots (a failing test leaves <name>-FAILED.png there)
// --keep             keep every run folder (.vscode-host/runs/e2e-*); failed ones are always kept
// Test file shape: see test/e2e/workbench.ts. Exit: 0 all passed, 1 some failed, 2 infrastructure error.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const host = require('./codeServer');
const { vscodeOf } = require('./versions');
const { arg, flag, infra } = require('./cli').cli('e2e');

const root = host.REPO_ROOT;
const vsixArg = arg('vsix') ? path.resolve(arg('vsix')) : undefined;
const packagedDir = arg('packaged') ? path.resolve(arg('packaged')) : undefined;
const devPath = path.resolve(arg('extensionDevelopmentPath', root));
const folder = path.resolve(arg('folder', path.join(root, 'test', 'fixtures', 'workspace')));
const testsDir = path.resolve(arg('tests', path.join(root, 'out', 'test', 'e2e')));
const grep = arg('grep');
const timeoutSec = Number(arg('timeout', 180));
const screenshotDir = path.resolve(arg('screenshots', path.join(root, 'artifacts', 'screenshots')));
const keep = flag('keep');
const verbose = flag('verbose') || !!process.env.RUN_IN_HOST_VERBOSE;
const workbenchModule = path.join(root, 'out', 'test', 'e2e', 'workbench.js');

/** Settings every e2e host gets (tests add theirs with `export const host = { settings }`). */
const E2E_SETTINGS = {
  'editor.hover.delay': 150,
  'editor.minimap.enabled': false,
  'workbench.editor.enablePreview': false,
  'chat.commandCenter.enabled': false,
};

if (packagedDir && !vsixArg) infra('--packaged needs --vsix');
if (vsixArg) {
  if (!fs.existsSync(vsixArg)) infra(`--vsix ${vsixArg} does not exist`);
}
if (!vsixArg || packagedDir) {
  const main = JSON.parse(fs.readFileSync(path.join(devPath, 'package.json'), 'utf8')).main;
  if (main && !fs.existsSync(path.resolve(devPath, main))) infra(`extension entry ${main} is not built; run: npm run build`);
}
if (!fs.existsSync(workbenchModule)) infra(`${workbenchModule} not found; run: npm run compile:tests`);
if (!fs.existsSync(testsDir)) infra(`${testsDir} not found; run: npm run compile:tests`);
if (!fs.existsSync(folder)) infra(`--folder ${folder} does not exist`);
const listTests = dir =>
  fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.e2e.js') && (!grep || f.includes(grep)))
    .sort();
// Each file with its folder and how the extension gets in: installed from the VSIX, or in development mode.
const files = [
  ...listTests(testsDir).map(file => ({ file, dir: testsDir, vsix: packagedDir ? undefined : vsixArg })),
  ...(packagedDir && fs.existsSync(packagedDir) ? listTests(packagedDir).map(file => ({ file, dir: packagedDir, vsix: vsixArg, packaged: true })) : []),
];
if (!files.length) infra(`no *.e2e.js in ${testsDir}${packagedDir ? ` or ${packagedDir}` : ''}${grep ? ` matching "${grep}"` : ''}`);

/** Titles of the extension's activity-bar containers (package.json, %key% resolved via package.nls.json). */
function activityBarTitles() {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(devPath, 'package.json'), 'utf8'));
    const nlsFile = path.join(devPath, 'package.nls.json');
    const nls = fs.existsSync(nlsFile) ? JSON.parse(fs.readFileSync(nlsFile, 'utf8')) : {};
    const containers = (manifest.contributes && manifest.contributes.viewsContainers && manifest.contributes.viewsContainers.activitybar) || [];
    return containers.map(c => String(c.title).replace(/^%(.+)%$/, (m, k) => (typeof nls[k] === 'string' ? nls[k] : m)));
  } catch {
    return [];
  }
}

const withTimeout = (p, sec, what) => {
  let timer;
  return Promise.race([
    p,
    new Promise((_, rej) => {
      timer = setTimeout(() => rej(new Error(`${what} timed out after ${sec} s`)), sec * 1000);
    }),
  ]).finally(() => clearTimeout(timer));
};

/**
 * Starts one file's own code-server + Chromium and loads its workbench, without running the test: the runner
 * prepares the next file this way while the current one runs (a test mostly waits on the workbench, the
 * sandbox and its handlers; loading a workbench is ~8 s that would otherwise come between every two files).
 * Every file still gets a fresh server, browser profile and extension host, as when it runs alone.
 * Returns { name, fn, h, wb, pageErrors, ready, t0, phases } or { result } when it could not start.
 */
/**
 * A fresh copy of the workspace in a temp folder (same base name: it titles the Explorer in screenshots). The
 * JSON files' relative "$schema" paths are rewritten to point where they pointed from the original.
 */
function copyWorkspace() {
  const dest = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'exo-ui-')), path.basename(folder));
  fs.cpSync(folder, dest, { recursive: true });
  for (const entry of fs.readdirSync(dest, { recursive: true })) {
    const file = path.join(dest, String(entry));
    if (!file.endsWith('.json') || !fs.statSync(file).isFile()) continue;
    const text = fs.readFileSync(file, 'utf8');
    const fixed = text.replace(/("\$schema"\s*:\s*)"(\.{1,2}\/[^"]+)"/, (m, key, rel) => {
      const target = path.resolve(path.dirname(path.join(folder, path.relative(dest, file))), rel);
      return `${key}${JSON.stringify(path.relative(path.dirname(file), target))}`;
    });
    if (fixed !== text) fs.writeFileSync(file, fixed);
  }
  return dest;
}

async function prepare({ file, dir, vsix, packaged }) {
  const name = `${packaged ? 'packaged-' : ''}${file.replace(/\.e2e\.js$/, '')}`;
  const t0 = Date.now();
  const mod = require(path.join(dir, file));
  const fn = typeof mod === 'function' ? mod : mod.default || mod.run;
  if (typeof fn !== 'function')
    return { result: { name, ok: false, infra: false, ms: 0, error: new Error(`${file} exports no test function (export default async function)`) } };
  // `host` is an object, or an async function when the host needs something made first (a sandbox's port).
  let opts;
  try {
    opts = (typeof mod.host === 'function' ? await mod.host() : mod.host) || {};
  } catch (e) {
    return { result: { name, ok: false, infra: true, ms: Date.now() - t0, error: e } };
  }
  let h;
  const workspace = copyWorkspace();
  const dropWorkspace = () => fs.promises.rm(path.dirname(workspace), { recursive: true, force: true }).catch(() => undefined);
  try {
    h = await host.startHost({
      name: `e2e-${name}`,
      folder: workspace,
      vsix,
      verbose,
      // `host.extensions`: more extension folders loaded beside ours (e.g. one that calls our tools as any extension can).
      extensionDevelopmentPath: [...(vsix ? [] : [devPath]), ...(opts.extensions || []).map(p => path.resolve(root, p))],
      settings: { ...E2E_SETTINGS, ...(opts.settings || {}) },
      env: opts.env || {},
      viewport: opts.viewport,
      onLog: line => {
        if (verbose) console.log(`[workbench] ${line}`);
      },
    });
  } catch (e) {
    await dropWorkspace();
    return { result: { name, ok: false, infra: true, ms: Date.now() - t0, error: e } };
  }
  const phases = { start: Date.now() - t0 };
  const pageErrors = [];
  h.page.on('pageerror', e => {
    pageErrors.push(e.message);
    if (verbose) console.error('[pageerror]', e.message);
  });
  if (verbose) h.page.on('console', m => console.log(`[page:${m.type()}] ${m.text()}`));
  const { Workbench } = require(workbenchModule);
  const wb = new Workbench(h.page, { screenshotDir, screenshotPrefix: `${file.replace(/\.e2e\.js$/, '')}-`, folder: workspace });
  const tLoad = Date.now();
  const ready = withTimeout(
    (async () => {
      await h.open();
      await wb.waitReady({ activityBar: activityBarTitles() });
      phases.load = Date.now() - tLoad;
    })(),
    timeoutSec,
    `${name} (loading the workbench)`,
  );
  ready.catch(() => undefined); // awaited in run(); not an unhandled rejection while the file waits its turn
  return { name, fn, h, wb, pageErrors, ready, t0, phases, dropWorkspace };
}

/** Runs a prepared file's test once its workbench is ready (then calls onReady), closes its host. */
async function run(p, onReady) {
  if (p.result) {
    onReady();
    return p.result;
  }
  const { name, fn, h, wb, pageErrors, phases } = p;
  const tTurn = Date.now();
  let result;
  try {
    await p.ready;
    phases.waited = Date.now() - tTurn; // what the load cost this run: the part not hidden behind the previous file
    onReady();
    const tTest = Date.now();
    await withTimeout(fn(wb), timeoutSec, name);
    phases.test = Date.now() - tTest;
    result = { name, ok: true, ms: Date.now() - tTurn, phases };
  } catch (e) {
    onReady();
    result = { name, ok: false, infra: false, ms: Date.now() - tTurn, error: e };
    try {
      result.shot = await wb.screenshot('FAILED');
    } catch {
      /* page gone */
    }
  }
  // Closing (Chromium, code-server, the run folder) goes on while the next file runs.
  result.closing = h
    .close({ keep: keep || !result.ok })
    .catch(() => undefined)
    .then(p.dropWorkspace);
  if (!result.ok) result.runDir = h.runDir;
  if (!result.ok && pageErrors.length) result.pageErrors = pageErrors;
  return result;
}

(async () => {
  const t0 = Date.now();
  console.log(
    `[e2e] VS Code ${vscodeOf(host.HOST_VERSION)}: ${files.length} test file(s), extension ${vsixArg ? `from ${path.relative(process.cwd(), vsixArg)}${packagedDir ? ` for ${path.relative(process.cwd(), packagedDir)}, in development mode for the others` : ''}` : 'in development mode'}, screenshots in ${path.relative(process.cwd(), screenshotDir) || '.'}`,
  );
  let passed = 0,
    failed = 0,
    infraErr = false;
  // While a file's test runs, the next two files' hosts start and load (see prepare), one load at a time: a short
  // test then finds the next workbench ready too.
  const prepared = [];
  const ensure = k => {
    if (k >= files.length || prepared[k] || host.interrupted()) return;
    const before = k > 0 && prepared[k - 1] ? prepared[k - 1].then(p => p.ready && p.ready.catch(() => undefined)) : Promise.resolve();
    prepared[k] = before.then(() => prepare(files[k]));
  };
  ensure(0);
  const closings = [];
  for (let i = 0; i < files.length; i++) {
    const current = await prepared[i];
    const r = await run(current, () => {
      ensure(i + 1);
      ensure(i + 2);
    });
    if (host.interrupted()) return; // Ctrl-C: the signal handler closes everything and exits
    closings.push(r.closing);
    const secs = `${(r.ms / 1000).toFixed(1)} s`;
    if (r.ok) {
      passed++;
      const ph = r.phases
        ? ` [${Object.entries(r.phases)
            .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`)
            .join(', ')}]`
        : '';
      console.log(`  ✔ ${r.name} (${secs})${ph}`);
    } else {
      failed++;
      infraErr = infraErr || r.infra;
      console.log(`  ✘ ${r.name} (${secs})${r.infra ? ' [host did not start]' : ''}`);
      console.log(
        String((r.error && r.error.stack) || r.error)
          .split('\n')
          .map(l => `      ${l}`)
          .join('\n'),
      );
      if (r.shot) console.log(`      screenshot: ${path.relative(process.cwd(), r.shot)}`);
      if (r.runDir) console.log(`      run folder: ${r.runDir}`);
      if (r.pageErrors) console.log(`      page errors: ${r.pageErrors.slice(0, 5).join(' | ')}`);
    }
  }
  await Promise.all(closings);
  console.log(`[e2e] done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(infraErr ? 2 : failed ? 1 : 0);
})().catch(e => {
  console.error('[e2e] error:', e);
  process.exit(2);
});
