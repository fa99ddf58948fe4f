#!/usr/bin/env node
// Runs the in-host integration suite (out/test/integration) under @vscode/test-electron, i.e. in a real desktop
// VS Code that it downloads into .vscode-test/. Needs internet (update.code.visualstudio.com); offline, use
// `npm run test:host` (code-server + Chromium), which runs the very same suite.
//
//   node scripts/host/test-electron.js [--version 1.100.3|stable|insiders] [--folder DIR]
//   (env: VSCODE_VERSION, or HOST_VSCODE=current|oldest|<version> as for the offline host; and on a Linux machine without a display run it under `xvfb-run -a`)
// Anything in the environment reaches the extension host (e.g. MOCHA_GREP=smoke).
// exit: 0 tests passed, 1 tests failed, 2 VS Code could not be downloaded or started
'use strict';
const fs = require('fs');
const path = require('path');
const { arg, infra } = require('./cli').cli('test-electron');

const root = path.resolve(__dirname, '..', '..');
const { resolveVersion, vscodeOf } = require('./versions');
const version = arg('version', process.env.VSCODE_VERSION || (process.env.HOST_VSCODE ? vscodeOf(resolveVersion()) : 'stable'));
const folder = path.resolve(arg('folder', path.join(root, 'test', 'fixtures', 'workspace')));
const extensionTestsPath = path.join(root, 'out', 'test', 'integration', 'index');

if (!fs.existsSync(extensionTestsPath + '.js')) infra(`${extensionTestsPath}.js not found; run: npm run compile:tests`);
if (!fs.existsSync(path.join(root, 'dist', 'extension.js'))) infra('dist/extension.js not found; run: npm run build');

(async () => {
  const { downloadAndUnzipVSCode, runTests } = require('@vscode/test-electron');
  let vscodeExecutablePath;
  try {
    // `timeout` is an idle timeout per request: no answer from the update server for 15 s fails the download
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version, timeout: 15000, cachePath: path.join(root, '.vscode-test') });
  } catch (e) {
    infra(
      `could not download VS Code ${version}: ${(e && e.message) || e}\n` +
        '  @vscode/test-electron needs internet access to update.code.visualstudio.com.\n' +
        '  Offline (npm registry + apt only), run the same suite with: npm run test:host',
    );
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.warn('[test-electron] no DISPLAY: if VS Code fails to start, run under xvfb-run -a');
  }
  try {
    const code = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: root,
      extensionTestsPath,
      launchArgs: [folder, '--disable-extensions', '--disable-telemetry'],
    });
    process.exit(code === 0 ? 0 : 1);
  } catch (e) {
    // runTests rejects with a TestRunFailedError (with .code) when VS Code exits non-zero, i.e. tests failed
    console.error(`[test-electron] ${(e && e.message) || e}`);
    process.exit(e && typeof e.code === 'number' ? 1 : 2);
  }
})();
