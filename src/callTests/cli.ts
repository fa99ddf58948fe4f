// `npm run call-tests -- <files, folders or globs> [--junit report.xml] [--yes]`
// Runs call test suites headless: on an in-process sandbox (profile "sandbox"), or on the account in EXOTEL_*
// variables for any other profile. One line per test, then `N passed, M failed`; non-zero exit on a failure.
import * as fs from 'fs';
import * as path from 'path';
import * as readline from 'readline';
import { RateLimiter } from '../exotel/rateLimiter';
import { CALLBACK_RETRY_SCHEDULE_NAMES, CallbackRetrySchedule, Sandbox, startSandbox } from '../sandbox';
import { expandSuiteArgs } from './files';
import { junitXml, SuiteReport } from './junit';
import { lineColumn, parseSuite } from './parseSuite';
import { runSuite, RunTarget, TestResult } from './runner';
import { describeRealRun, realRunPlan, refuseRealRun } from './safety';
import { CLI_SANDBOX, envTarget, sandboxTarget } from './targets';
import { errorMessage } from '../base/errorMessage';
import { FlowKeyRegistry } from './flowExpectations';
import { RunningHandler, startHandler } from './handler';
import { LoadedFlow, loadFlowFile, loadFlows } from '../flows';

export interface CliArgs {
  patterns: string[];
  junit?: string;
  yes: boolean;
  help: boolean;
  /** The sandbox's StatusCallback retry schedule (default exotel: 5 min, then 15 min). */
  callbackRetries?: CallbackRetrySchedule;
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { patterns: [], yes: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--junit') {
      const v = argv[++i];
      if (!v || v.startsWith('--')) throw new Error('--junit needs a file name, e.g. --junit report.xml');
      args.junit = v;
    } else if (a.startsWith('--junit=')) args.junit = a.slice('--junit='.length);
    else if (a === '--callback-retries') {
      const v = argv[++i] ?? '';
      if (!(CALLBACK_RETRY_SCHEDULE_NAMES as string[]).includes(v))
        throw new Error(`--callback-retries needs one of ${CALLBACK_RETRY_SCHEDULE_NAMES.join(', ')}`);
      args.callbackRetries = v as CallbackRetrySchedule;
    } else if (a === '--yes' || a === '-y') args.yes = true;
    else if (a === '--help' || a === '-h') args.help = true;
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else args.patterns.push(a);
  }
  return args;
}

const USAGE = `usage: npm run call-tests -- <files, folders or globs> [--junit report.xml] [--yes] [--callback-retries exotel|none|fast]
  Suites with "profile": "sandbox" (the default) run on an in-process sandbox: no phone rings. Its failed
  StatusCallbacks are retried as Exotel's docs say (5 min, then 15 min) unless --callback-retries says otherwise
  ("fast": 1 s, then 3 s, not Exotel's).
  Other profiles place real calls with EXOTEL_ACCOUNT_SID, EXOTEL_API_KEY, EXOTEL_API_TOKEN and
  EXOTEL_BASE_URL (or EXOTEL_SUBDOMAIN); they ask first, or need --yes when there is no terminal.`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Asks a yes/no question; undefined when nobody can answer (no terminal). */
  ask?: (question: string) => Promise<boolean>;
}

const SYMBOL: Record<TestResult['outcome'], string> = { passed: '✓', failed: '✗', errored: '✗', skipped: '-', cancelled: '-' };

export function resultLine(file: string, text: string, t: TestResult, locate: (path: Array<string | number>) => { offset: number } | undefined): string {
  const secs = `${(t.ms / 1000).toFixed(1)} s`;
  const sid = t.callSid ? `, CallSid ${t.callSid}` : '';
  const warned = (t.warnings ?? []).map(w => `\n    ⚠ ${w}`).join('');
  const head = `${SYMBOL[t.outcome]} ${file} › ${t.name} (${secs}${sid})`;
  if (t.outcome === 'passed') return head + warned;
  if (t.outcome !== 'failed') return `${head} ${t.outcome}: ${t.message ?? ''}`.trimEnd();
  const where = (p: Array<string | number>) => {
    const r = locate(['tests', t.index, ...p]);
    if (!r) return '';
    const lc = lineColumn(text, r.offset);
    return ` [${file}:${lc.line + 1}:${lc.column + 1}]`;
  };
  return `${head} failed: ${t.failures.map(f => `${f.message}${where(f.path)}`).join('; ')}${warned}`;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (e) {
    io.err(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help || !args.patterns.length) {
    (args.help ? io.out : io.err)(USAGE);
    return args.help ? 0 : 2;
  }
  const { files, missing } = expandSuiteArgs(args.patterns, io.cwd);
  for (const m of missing) io.err(`No suite matches ${m}`);
  if (!files.length) return 2;

  const limiter = new RateLimiter({ perMinute: Number(io.env.EXOTEL_RATE_LIMIT_PER_MINUTE) || 200 });
  let sandbox: Sandbox | undefined;
  // The sandbox runs the flow files of the suite being run; each test's keys reach its call through the registry.
  let flows: LoadedFlow[] = [];
  const keys = new FlowKeyRegistry();
  let handler: RunningHandler | undefined;
  const reports: SuiteReport[] = [];
  const totals = { passed: 0, failed: 0, skipped: 0 };
  try {
    for (const file of files) {
      const rel = path.relative(io.cwd, file) || file;
      const started = Date.now();
      const fail = (error: string) => {
        io.out(`✗ ${rel}: ${error}`);
        totals.failed++;
        reports.push({ file: rel, error, results: [], ms: Date.now() - started });
      };
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (e) {
        fail(`cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
        continue;
      }
      const suite = parseSuite(text);
      if (suite.suiteProblems.length) {
        const p = suite.suiteProblems[0];
        const lc = lineColumn(text, p.offset);
        fail(`${p.message} [${rel}:${lc.line + 1}:${lc.column + 1}]`);
        continue;
      }
      let target: RunTarget | undefined;
      const dir = path.dirname(file);
      if (suite.isSandbox) {
        sandbox ??= await startSandbox({ ...CLI_SANDBOX, callbackRetries: args.callbackRetries, flows: { flows: () => flows, keysFor: c => keys.keysFor(c) } });
        flows = (suite.flows ?? ['.']).flatMap(f => {
          try {
            const loaded = loadFlows(path.resolve(dir, f));
            for (const p of loaded.problems)
              io.out(`! ${path.relative(io.cwd, p.file)}: cannot run: ${p.validation.diagnostics.find(d => d.severity === 'error')?.message}`);
            return loaded.flows;
          } catch (e) {
            io.out(`! ${rel}: flows "${f}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
            return [];
          }
        });
        const appIdOfFile = (f: string): string | undefined => {
          try {
            return loadFlowFile(path.resolve(dir, f)).loaded?.flow.appId;
          } catch {
            return undefined;
          }
        };
        target = { ...sandboxTarget(sandbox, { limiter }), flows: { sandbox: sandbox.flows, keys, appIdOfFile } };
      } else {
        target = envTarget(io.env, { limiter });
        if (!target) {
          fail(`profile "${suite.profile}" places real calls with EXOTEL_ACCOUNT_SID, EXOTEL_API_KEY and EXOTEL_API_TOKEN, which are not set`);
          continue;
        }
        const plan = realRunPlan(suite, suite.tests, false);
        const refused = refuseRealRun(suite, plan);
        if (refused) {
          fail(refused);
          continue;
        }
        const question = describeRealRun(plan);
        const ok = args.yes || (io.ask ? await io.ask(question) : false);
        if (!ok) {
          fail(args.yes || io.ask ? 'not confirmed; no call was placed' : `${question} Not confirmed (no terminal): pass --yes to place them.`);
          continue;
        }
      }
      if (suite.handler) {
        try {
          handler = await startHandler(suite.handler, dir);
          io.out(handler.started ? `  started the handler: ${suite.handler.command}` : `  a handler already answers at ${suite.handler.ready}: using it`);
        } catch (e) {
          fail((e as Error).message);
          continue;
        }
      }
      let results: TestResult[];
      try {
        results = await runSuite(suite, target, {
          onResult: (_, r) => io.out(resultLine(rel, text, r, suite.locate)),
        });
      } finally {
        await handler?.stop();
        handler = undefined;
      }
      for (const r of results) {
        if (r.outcome === 'passed') totals.passed++;
        else if (r.outcome === 'skipped') totals.skipped++;
        else totals.failed++;
      }
      reports.push({ file: rel, results, ms: Date.now() - started });
    }
  } finally {
    limiter.dispose();
    await handler?.stop();
    await sandbox?.close();
  }
  if (args.junit) {
    const out = path.resolve(io.cwd, args.junit);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, junitXml(reports));
  }
  if (totals.skipped) io.out(`${totals.skipped} skipped`);
  io.out(`${totals.passed} passed, ${totals.failed} failed`);
  return totals.failed ? 1 : 0;
}

function askOnTerminal(question: string): Promise<boolean> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  return new Promise(resolve =>
    rl.question(`${question} [y/N] `, a => {
      rl.close();
      resolve(/^y(es)?$/i.test(a.trim()));
    }),
  );
}

/** The process around runCli: arguments, console, terminal, exit code. */
export function main(): void {
  runCli(process.argv.slice(2), {
    out: line => console.log(line),
    err: line => console.error(line),
    env: process.env,
    cwd: process.env.INIT_CWD ?? process.cwd(),
    ask: process.stdin.isTTY ? askOnTerminal : undefined,
  }).then(
    code => {
      process.exitCode = code;
    },
    err => {
      console.error(errorMessage(err));
      process.exitCode = 2;
    },
  );
}

if (require.main === module) main();
