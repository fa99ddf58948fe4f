#!/usr/bin/env node
// `npm test`: every tier — format and the type check (the tests' compile) side by side; the VSIX (production
// build); the unit tests (plain Node + loopback HTTP) and lint beside the in-host suites (a real VS Code extension host, on
// two versions); the UI tier (Playwright driving the workbench, the packaged VSIX's journey last in its pipeline) —
// then one closing line with the totals and the wall time. Each stage's time is in the summary.
// usage: node scripts/run-tests.js [unit] [host] [e2e] [vsix]   (default: all; lint and the builds always run)
// Which VS Code: the in-host tier runs on the current one and on the oldest one engines.vscode accepts, the UI
// tiers on the current one (the README's screenshots come from it); HOST_VSCODE=current|oldest|<version> runs
// every tier on that one only (scripts/host/versions.json).
// On a fresh machine it first installs what is missing: the npm packages (npm ci) and, for the tiers that need a
// VS Code, the test host (scripts/host/install.sh; both are fast no-ops once done).
const { spawn } = require('child_process');
const { ensureDeps } = require('./ensure-deps');
const { resolveVersion, vscodeOf } = require('./host/versions');

const only = process.argv.slice(2);
const want = tier => only.length === 0 || only.includes(tier);
const npx = (...args) => ['npx', args];
const VSIX = '.vscode-host/exotel-vscode.vsix';
const needsHost = want('host') || want('e2e') || want('vsix');
const pinned = process.env.HOST_VSCODE ? resolveVersion(process.env.HOST_VSCODE) : undefined;
const uiVersion = pinned || resolveVersion('current');
const inHostVersions = pinned ? [pinned] : [...new Set([resolveVersion('current'), resolveVersion('oldest')])];
const onVersion = v => ({ env: { HOST_VSCODE: v }, label: `VS Code ${vscodeOf(v)}` });
const installVersions = [...new Set([...(want('host') ? inHostVersions : []), ...(want('e2e') || want('vsix') ? [uiVersion] : [])])];
// Stages with the same `group` run side by side (see the loop below for why each pairing is cheap).
const stages = [
  needsHost && { name: 'host install', cmd: ['bash', ['scripts/host/install.sh', ...installVersions]] },
  // prettier and tsc are each one thread: on two cores they take about as long together as tsc alone.
  { name: 'format', group: 'check', cmd: ['npm', ['run', '--silent', 'format:check']] },
  // tsconfig.test.json is tsconfig.json with output: compiling the tests type-checks src and test in one pass
  // (a separate `tsc -p . --noEmit` would check the very same files again, ~20 s).
  { name: 'build + compile tests', group: 'check', cmd: ['node', ['esbuild.js']], then: [npx('tsc', '-p', 'tsconfig.test.json')] },
  // The VSIX first (a production build into dist/, then the development bundle again, ~1 s), as nothing that
  // loads dist/ may run while it is rebuilt: then the packaged journey runs in the UI tier's pipeline.
  want('vsix') && {
    name: 'package',
    cmd: ['node', ['esbuild.js', '--production']],
    then: [npx('vsce', 'package', '--no-dependencies', '-o', VSIX), ['node', ['esbuild.js']]],
  },
  // The unit tests mostly wait on loopback HTTP and timers (~9 s of CPU in ~50 s), and so do the in-host suites
  // (for the sandbox's calls and rate limits): side by side they take about as long as the longest of them.
  want('unit') && { name: 'unit', group: 'tests', cmd: npx('mocha', '--config', '.mocharc.json'), counts: true },
  // eslint's type-aware rules build the whole program (~25 s of CPU, a minute on a loaded machine): beside the tests,
  // which mostly wait, instead of in front of them. A lint error still fails npm test.
  { name: 'lint', group: 'tests', cmd: npx('eslint', 'src', 'test', 'scripts') },
  ...(want('host') ? inHostVersions : []).map(v => ({
    name: `in-host, ${onVersion(v).label}`,
    env: onVersion(v).env,
    group: 'tests',
    cmd: [
      'node',
      [
        'scripts/host/run-in-host.js',
        '--extensionDevelopmentPath',
        '.',
        '--extensionTestsPath',
        'out/test/integration/index',
        '--folder',
        'test/fixtures/workspace',
      ],
    ],
    counts: true,
  })),
  // The UI tier after them, not beside: a workbench keeps a core busy, and beside the in-host suites on a loaded
  // machine every tier took twice as long (and timed-out waits appeared).
  (want('e2e') || want('vsix')) && {
    name: `ui${want('vsix') ? (want('e2e') ? ' + packaged' : ', packaged') : ''}, ${onVersion(uiVersion).label}`,
    env: onVersion(uiVersion).env,
    cmd: [
      'node',
      ['scripts/host/run-e2e.js', ...(want('vsix') ? ['--vsix', VSIX, ...(want('e2e') ? ['--packaged'] : ['--tests']), 'out/test/e2e/packaged'] : [])],
    ],
    counts: true,
  },
].filter(Boolean);

/** Runs a command, echoing its output unless `quiet` (its output is in `out` either way). */
function run([cmd, args], env, quiet = false) {
  return new Promise(resolve => {
    let out = '';
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    child.stdout.on('data', d => {
      out += d;
      if (!quiet) process.stdout.write(d);
    });
    child.stderr.on('data', d => {
      out += d;
      if (!quiet) process.stderr.write(d);
    });
    child.on('close', code => resolve({ code: code ?? 1, out }));
  });
}

/** Reads mocha's "N passing / N failing" or our runners' "N passed, N failed". */
function counts(out) {
  const plain = [...out.matchAll(/^(\d+) passed, (\d+) failed/gm)].at(-1);
  if (plain) return { passed: Number(plain[1]), failed: Number(plain[2]) };
  const passing = [...out.matchAll(/^\s*(\d+) passing/gm)].at(-1);
  const failing = [...out.matchAll(/^\s*(\d+) failing/gm)].at(-1);
  return { passed: passing ? Number(passing[1]) : 0, failed: failing ? Number(failing[1]) : 0 };
}

(async () => {
  try {
    ensureDeps(); // before anything runs npx: without its packages, npx would ask to download them, or give up
    // vsce writes the VSIX there; with the test host elsewhere (HOST_ROOT) the folder may not exist yet
    require('fs').mkdirSync(require('path').dirname(VSIX), { recursive: true });
  } catch (e) {
    console.error(`npm ci failed: ${e.message}`);
    process.exit(1);
  }
  const started = Date.now();
  const total = { passed: 0, failed: 0 };
  const summary = [];
  let ok = true;
  const runStage = async (stage, quiet) => {
    const t0 = Date.now();
    let r = await run(stage.cmd, stage.env, quiet);
    for (const next of stage.then || []) if (r.code === 0) r = await run(next, stage.env, quiet);
    return { ...r, secs: ((Date.now() - t0) / 1000).toFixed(1) };
  };
  for (let i = 0; i < stages.length;) {
    // Neighbouring stages of one `group` run side by side. The first one's output streams; the others' is
    // printed when it is done.
    let j = i + 1;
    while (stages[i].group && j < stages.length && stages[j].group === stages[i].group) j++;
    const group = stages.slice(i, j);
    i = j;
    console.log(`\n=== ${group.map(g => g.name).join(' | ')} ===`);
    const results = await Promise.all(group.map((stage, k) => runStage(stage, k > 0)));
    for (const [k, stage] of group.entries()) {
      const r = results[k];
      if (k > 0) {
        console.log(`\n=== ${stage.name} (ran beside ${group[0].name}) ===`);
        process.stdout.write(r.out);
      }
      if (stage.counts) {
        const c = counts(r.out);
        if (r.code !== 0 && c.failed === 0) c.failed = 1; // a runner that died still counts as a failure
        total.passed += c.passed;
        total.failed += c.failed;
        summary.push(`${stage.name}: ${c.passed} passed, ${c.failed} failed (${r.secs} s)`);
      } else {
        summary.push(`${stage.name}: ${r.code === 0 ? 'ok' : 'FAILED'} (${r.secs} s)`);
      }
      if (r.code !== 0) ok = false;
    }
    if (!ok && group.some((stage, k) => results[k].code !== 0 && !stage.counts)) break; // no point testing what does not build
  }
  console.log(`\n${summary.join('\n')}`);
  console.log(`${total.passed} passed, ${total.failed} failed (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
  process.exit(ok && total.failed === 0 ? 0 : 1);
})();
