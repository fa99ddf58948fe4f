#!/usr/bin/env node
// Keeps the README honest: clones this repository (its committed HEAD) into a temporary folder and runs, each on
// its own, `npm test` with nothing installed, then every command of the README's Development table in the state
// a newcomer has after `npm ci` (the clone is reset with `git clean` between commands). Slow; not part of npm test.
// usage: node scripts/check-fresh-clone.js [--only build,test:unit] [--host-root DIR] [--test-tiers unit] [--keep]
//   --host-root DIR   reuse a VS Code test host installed there (HOST_ROOT) instead of installing one in the clone
//   --test-tiers …    what `npm test` runs (passed to scripts/run-tests.js; default: everything)
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.join(__dirname, '..');
const arg = name => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const only = arg('--only')?.split(',');
const hostRoot = arg('--host-root');
const testTiers = arg('--test-tiers')?.split(',') ?? [];
const keep = process.argv.includes('--keep');

/** `npm run X` of every row of the README's Development table. */
function developmentCommands() {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.split(/^## Development$/m)[1]?.split(/^## /m)[0] ?? '';
  return [...section.matchAll(/^\| `npm run ([\w:-]+)` \|/gm)].map(m => m[1]);
}

/** Long-running commands: they pass once they print what they promise, and are then stopped. */
const SERVERS = { sandbox: /http:\/\/127\.0\.0\.1:\d+/ };

function run(cwd, cmd, args, { until, timeoutMs = 60 * 60_000 } = {}) {
  return new Promise(resolve => {
    const t0 = Date.now();
    let out = '';
    const env = { ...process.env, ...(hostRoot ? { HOST_ROOT: path.resolve(hostRoot) } : {}) };
    delete env.npm_config_prefix;
    const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const stop = () => {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* gone */
      }
    };
    const timer = setTimeout(() => {
      out += '\n[check] timed out';
      stop();
    }, timeoutMs);
    const seen = d => {
      out += d;
      if (until && until.test(out)) {
        until = undefined;
        out += '\n[check] ready';
        stop();
      }
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    child.on('close', code => {
      clearTimeout(timer);
      const ok = /\[check\] ready$/.test(out) || code === 0;
      resolve({ ok, code, secs: ((Date.now() - t0) / 1000).toFixed(0), out });
    });
  });
}

(async () => {
  const branch = execFileSync('git', ['rev-parse', '--abbrev-ref', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exotel-fresh-'));
  const clone = path.join(dir, 'repo');
  console.log(`[check] cloning ${branch} into ${clone}`);
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', '--branch', branch, root, clone], { stdio: 'inherit' });
  const reset = () => {
    execFileSync('git', ['clean', '-ffdxq', '-e', 'node_modules'], { cwd: clone });
    execFileSync('git', ['checkout', '--quiet', '--', '.'], { cwd: clone });
  };
  const results = [];
  const report = (name, r) => {
    results.push(`${r.ok ? 'ok  ' : 'FAIL'} ${name} (${r.secs} s${r.ok ? '' : `, exit ${r.code}`})`);
    console.log(`[check] ${results.at(-1)}`);
    if (!r.ok) console.log(r.out.split('\n').slice(-40).join('\n'));
    fs.writeFileSync(path.join(dir, `${name.replace(/[^\w-]+/g, '_')}.log`), r.out);
  };
  if (!only || only.includes('test')) {
    // The README's own promise: `npm test` on a machine with nothing installed.
    report(`npm test ${testTiers.join(' ')}`.trim(), await run(clone, 'npm', ['test', ...(testTiers.length ? ['--', ...testTiers] : [])]));
  }
  const commands = developmentCommands().filter(c => !only || only.includes(c));
  if (commands.length) {
    // Each from the state of a fresh clone after `npm ci`.
    execFileSync('git', ['clean', '-ffdxq'], { cwd: clone });
    const ci = await run(clone, 'npm', ['ci', '--no-audit', '--no-fund']);
    report('npm ci', ci);
    for (const c of commands) {
      reset();
      report(`npm run ${c}`, await run(clone, 'npm', ['run', c], { until: SERVERS[c] }));
    }
  }
  console.log(`\n[check] fresh clone of ${branch}:\n${results.join('\n')}\n[check] logs in ${dir}`);
  if (!keep && results.every(r => r.startsWith('ok'))) fs.rmSync(dir, { recursive: true, force: true });
  process.exit(results.every(r => r.startsWith('ok')) ? 0 : 1);
})().catch(e => {
  console.error(`[check] ${e.stack}`);
  process.exit(1);
});
