#!/usr/bin/env node
// Runs a mocha suite INSIDE a real VS Code (HOST_VSCODE: current, oldest or a version) Node extension host, offline: code-server + headless Chromium.
// The same suite runs under @vscode/test-electron (scripts/host/test-electron.js) on machines with internet.
//
//   node scripts/host/run-in-host.js --extensionDevelopmentPath . --extensionTestsPath out/test/integration/index \
//        --folder test/fixtures/workspace [--timeout 900] [--env KEY=VALUE ...] [--keep] [--verbose]
//
// --env KEY=VALUE   reaches the extension host's process.env (e.g. --env MOCHA_GREP=smoke)
// --keep            keep the run folder (.vscode-host/runs/in-host-*) even when the tests pass
// --verbose         also print code-server's log and the page console (or RUN_IN_HOST_VERBOSE=1)
// exit: 0 tests passed, 1 tests failed, 2 infrastructure error (host did not start, timeout, missing build)
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const host = require('./codeServer');
const { vscodeOf } = require('./versions');
const { argv, arg, flag, infra } = require('./cli').cli('run-in-host');

const devPath = path.resolve(arg('extensionDevelopmentPath') || infra('--extensionDevelopmentPath is required'));
const testsPath = path.resolve(arg('extensionTestsPath') || infra('--extensionTestsPath is required'));
const folder = path.resolve(arg('folder', devPath));
const timeoutSec = Number(arg('timeout', 900)); // the whole suite, on a loaded shared machine
const verbose = flag('verbose') || !!process.env.RUN_IN_HOST_VERBOSE;
const keep = flag('keep');
const env = {};
argv.forEach((a, i) => {
  if (a === '--env' && argv[i + 1]) {
    const [k, ...v] = argv[i + 1].split('=');
    env[k] = v.join('=');
  }
});

// fail early, with the command that fixes it, instead of timing out inside the workbench
const manifestPath = path.join(devPath, 'package.json');
if (!fs.existsSync(manifestPath)) infra(`no package.json in ${devPath}`);
const main = JSON.parse(fs.readFileSync(manifestPath, 'utf8')).main;
if (main && !fs.existsSync(path.resolve(devPath, main)) && !fs.existsSync(path.resolve(devPath, main + '.js'))) {
  infra(`extension entry ${main} is not built; run: npm run build`);
}
if (!fs.existsSync(testsPath) && !fs.existsSync(testsPath + '.js')) infra(`${testsPath}(.js) not found; run: npm run compile:tests`);
if (!fs.existsSync(folder)) infra(`--folder ${folder} does not exist`);

(async () => {
  const t0 = Date.now();
  let h;
  let workspace;
  let code = 2;
  try {
    // The suite writes into its workspace (scratch files): each run gets its own copy, so that runs on two
    // VS Codes at once (npm test) do not see each other's files, and the fixture stays as it is.
    workspace = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'exo-ws-')), path.basename(folder));
    fs.cpSync(folder, workspace, { recursive: true });
    h = await host.startHost({
      name: 'in-host',
      folder: workspace,
      extensionDevelopmentPath: devPath,
      extensionTestsPath: testsPath,
      env,
      verbose,
      onLog: line => {
        if (verbose || !host.isNoise(line)) console.log(line);
      },
    });
    if (verbose) h.page.on('console', m => console.log(`[page:${m.type()}] ${m.text()}`));
    h.page.on('pageerror', e => {
      if (verbose || !host.isNoise(e.message)) console.error('[run-in-host] page error:', e.message);
    });
    console.log(
      `[run-in-host] VS Code ${vscodeOf(host.HOST_VERSION)} host ready in ${Date.now() - t0} ms; running ${path.relative(process.cwd(), testsPath) || testsPath}`,
    );
    await h.open();
    let timer;
    const result = await Promise.race([
      h.automationExit,
      new Promise(r => {
        timer = setTimeout(() => r('timeout'), timeoutSec * 1000);
      }),
    ]);
    clearTimeout(timer);
    if (result === 'timeout') {
      const shot = path.join(h.runDir, 'timeout.png');
      try {
        await h.page.screenshot({ path: shot });
      } catch {
        /* page gone */
      }
      console.error(`[run-in-host] timed out after ${timeoutSec} s (screenshot ${shot}, log ${path.join(h.runDir, 'code-server.log')})`);
      code = 2;
    } else {
      code = result === 0 ? 0 : 1;
      console.log(`[run-in-host] extension tests exit code ${result} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
  } catch (e) {
    if (host.interrupted()) return; // Ctrl-C: the signal handler closes everything and exits
    console.error('[run-in-host] error:', (e && e.stack) || e);
    code = 2;
  }
  if (host.interrupted()) return;
  const keepRun = keep || code === 2;
  if (h) {
    await h.close({ keep: keepRun });
    if (keepRun) console.log(`[run-in-host] run folder kept: ${h.runDir}`);
  }
  if (workspace) {
    if (keepRun) console.log(`[run-in-host] workspace copy kept: ${workspace}`);
    else fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
  }
  process.exit(code);
})();
