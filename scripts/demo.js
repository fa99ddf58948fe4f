#!/usr/bin/env node
// `npm run demo`: builds the extension, installs what is missing (code-server = a real VS Code, Chromium),
// packages it, and starts VS Code on 127.0.0.1 with the extension installed and the sandbox starting with it.
// Prints the URL to open; Ctrl+C stops everything. HOST_VSCODE=current (default) | oldest | <version> picks the VS Code.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const step = (what, cmd, args) => {
  console.log(`[demo] ${what}…`);
  execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
};

(async () => {
  require('./ensure-deps').ensureDeps();
  const { resolveVersion, vscodeOf } = require('./host/versions');
  const version = resolveVersion();
  step(`installing the VS Code ${vscodeOf(version)} host (first time only)`, 'bash', ['scripts/host/install.sh', version]);
  step('building', 'node', ['esbuild.js', '--production']);
  const vsix = path.join(root, '.vscode-host', 'demo', 'exotel-vscode.vsix');
  fs.mkdirSync(path.dirname(vsix), { recursive: true });
  step('packaging', 'npx', ['vsce', 'package', '--no-dependencies', '--skip-license', '-o', vsix]);
  const { startCodeServer, removeRunDir } = require('./host/codeServer');
  // The demo stays up: anyone on this machine could reach the port, and VS Code has a terminal.
  const password = require('crypto').randomBytes(9).toString('base64url');
  const srv = await startCodeServer({
    name: 'demo',
    vsix,
    password,
    // The extension starts its sandbox as it activates and signs in to it: no account needed.
    env: { EXOTEL_SANDBOX: '1' },
    settings: { 'workbench.startupEditor': 'none', 'exotel.hover.lookup': 'auto' },
  });
  const stop = () => {
    console.log('\n[demo] stopping VS Code…');
    try {
      process.kill(-srv.server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    removeRunDir(srv.runDir);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  srv.server.on('exit', code => {
    console.log(`[demo] VS Code exited (${code})`);
    process.exit(code ? 1 : 0);
  });
  console.log(`
[demo] VS Code ${vscodeOf(version)} (code-server ${version}) is running with Exotel for VS Code and its sandbox:

    ${srv.workbenchUrl(path.join(root, 'test', 'fixtures', 'workspace'))}
    password: ${password}

  Open it in a browser on this machine, click the Exotel icon in the activity bar (the sandbox starts and
  signs in), then try "Exotel: Connect Call" from the palette and hover a number in numbers.txt.
  Press Ctrl+C to stop.`);
})().catch(e => {
  console.error('[demo] failed:', e.message);
  process.exit(1);
});
