// Standalone sandbox: `node out/src/sandbox/cli.js [--port N] [--no-seed] [--progress-ms N] [--lag-ms N] [--callback-url URL] [--signed-urls]
//   [--flows DIR_OR_FILE] [--applet-timeout-ms N]`
import { describeRules, startSandbox } from './index';
import { FlowEvent, FlowRun, loadFlows } from '../flows';
import { CALLBACK_RETRY_SCHEDULE_NAMES, CALLBACK_RETRY_SCHEDULES, CallbackRetrySchedule, DEFAULT_CALLBACK_RETRIES } from './callbackRetries';
import { formatIst } from './clock';

interface CliArgs {
  port: number;
  seed: boolean;
  progressMs?: number;
  postCallLagMs?: number;
  statusCallbackOverride?: string;
  /** The "signed URLs" account feature (PreSignedRecordingUrl); off unless asked, like most accounts. */
  signedRecordingUrls?: boolean;
  /** Flow files (a folder searched for *.exotel-flow.json, or one file), re-read at every call. */
  flows?: string;
  appletTimeoutMs?: number;
  /** exotel (default), none or fast. */
  callbackRetries?: CallbackRetrySchedule;
  /** The bulk listing ignores details=true. */
  bulkIgnoresDetails?: boolean;
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { port: 0, seed: true };
  for (let i = 0; i < argv.length; i++) {
    const next = (): string => {
      const value = argv[++i];
      if (value === undefined) {
        throw new Error(`${argv[i - 1]} needs a value`);
      }
      return value;
    };
    const count = (): number => {
      const n = Number(next());
      if (!Number.isInteger(n) || n < 0) {
        throw new Error(`${argv[i - 1]} needs a whole number`);
      }
      return n;
    };
    switch (argv[i]) {
      case '--port':
        args.port = count();
        break;
      case '--no-seed':
        args.seed = false;
        break;
      case '--progress-ms':
        args.progressMs = count();
        break;
      case '--lag-ms':
        args.postCallLagMs = count();
        break;
      case '--callback-url':
        args.statusCallbackOverride = next();
        break;
      case '--signed-urls':
        args.signedRecordingUrls = true;
        break;
      case '--flows':
        args.flows = next();
        break;
      case '--applet-timeout-ms':
        args.appletTimeoutMs = count();
        break;
      case '--callback-retries': {
        const name = next();
        if (!(CALLBACK_RETRY_SCHEDULE_NAMES as string[]).includes(name)) {
          throw new Error(`--callback-retries must be one of ${CALLBACK_RETRY_SCHEDULE_NAMES.join(', ')} (got '${name}')`);
        }
        args.callbackRetries = name as CallbackRetrySchedule;
        break;
      }
      case '--bulk-ignores-details':
        args.bulkIgnoresDetails = true;
        break;
      default:
        throw new Error(`unknown option ${argv[i]}`);
    }
  }
  return args;
}

async function main(): Promise<void> {
  const { flows: flowsPath, appletTimeoutMs, ...args } = parseArgs(process.argv.slice(2));
  const log = (line: string): void => console.log(`[${formatIst(Date.now())}] ${line}`);
  const flows = flowsPath === undefined ? undefined : loadFlows(flowsPath);
  for (const p of flows?.problems ?? []) {
    log(
      `${p.file}: cannot run — ${p.validation.diagnostics
        .filter(d => d.severity === 'error')
        .map(d => `${d.start.line + 1}:${d.start.character + 1} ${d.message}`)
        .join('; ')}`,
    );
  }
  const sandbox = await startSandbox({
    ...args,
    log,
    flows:
      flowsPath === undefined
        ? undefined
        : {
            flows: () => loadFlows(flowsPath).flows,
            settings: appletTimeoutMs === undefined ? undefined : { appletTimeoutMs },
            onEvent: (e, run) => logFlowEvent(log, e, run),
          },
  });
  console.log(
    [
      'Exotel sandbox (local Exotel v1 Voice API; no real phone ever rings)',
      `  Base URL:    ${sandbox.baseUrl}`,
      `  Account SID: ${sandbox.accountSid}`,
      `  API key:     ${sandbox.apiKey}`,
      `  API token:   ${sandbox.apiToken}`,
      `  ExoPhones:   ${sandbox.exoPhones.join(', ')} (the only CallerIds Calls/connect accepts)`,
      `  Recordings:  private (Basic auth)${sandbox.signedRecordingUrls ? '; calls also carry PreSignedRecordingUrl (signed URLs on)' : '; --signed-urls adds PreSignedRecordingUrl'}`,
      `  Callbacks:   retries ${describeRetries(args.callbackRetries ?? DEFAULT_CALLBACK_RETRIES)} (--callback-retries exotel|none|fast)`,
      `  Listing:     ${sandbox.bulkIgnoresDetails ? 'Calls.json ignores details=true (--bulk-ignores-details)' : 'Calls.json honours details=true; --bulk-ignores-details drops it, as Exotel may'}`,
      `  Try:         curl -u ${sandbox.apiKey}:${sandbox.apiToken} ${sandbox.baseUrl}/v1/Accounts/${sandbox.accountSid}/Calls.json?PageSize=5`,
      ...(flows
        ? [
            `  Flows:       ${flows.flows.map(f => `${f.flow.appId}${f.flow.exoPhone ? ` (answers ${[f.flow.exoPhone].flat().join(', ')})` : ''}`).join(', ') || 'none found'} from ${flowsPath}`,
            `  Incoming:    curl -u ${sandbox.apiKey}:${sandbox.apiToken} -H 'Content-Type: application/json' -d '{"from":"09876543210","exoPhone":"${sandbox.exoPhones[0]}","keys":["1"]}' ${sandbox.baseUrl}/sandbox/flows/incoming`,
          ]
        : ['  Flows:       --flows <folder> runs *.exotel-flow.json files']),
      'Outcomes (by the last digit of the number dialled):',
      ...describeRules(),
      'Press Ctrl+C to stop.',
    ].join('\n'),
  );
  process.once('SIGINT', () => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

function logFlowEvent(log: (line: string) => void, e: FlowEvent, run: FlowRun): void {
  const who = `flow ${run.appId} call ${run.callSid.slice(0, 8)}…`;
  if (e.kind === 'applet') log(`${who}: → ${e.appletId} (${e.type})`);
  else if (e.kind === 'request' && e.done) {
    const r = e.response;
    log(
      `${who}:   ${e.request.method} ${e.request.url.split('?')[0]} → ${r?.failure ?? r?.status} ${r?.latencyMs ?? 0} ms${e.problem ? ` — ${e.problem.message}` : ''}`,
    );
  } else if (e.kind === 'branch') log(`${who}:   ${e.branch}: ${e.why}`);
  else if (e.kind === 'call-end') log(`${who}: ended (${e.reason}, CallType ${e.callType}): ${e.message}`);
}

export function describeRetries(schedule: CallbackRetrySchedule): string {
  const delays = CALLBACK_RETRY_SCHEDULES[schedule];
  const list = delays.map(ms => (ms >= 60_000 ? `${ms / 60_000} min` : `${ms / 1000} s`)).join(', then ');
  if (schedule === 'none') return "none (Exotel's older reference)";
  return schedule === 'fast' ? `${list} (fast: for tests, NOT Exotel's)` : `${list} (Exotel's newer docs)`;
}

if (require.main === module) {
  main().catch((err: Error) => {
    console.error(`exotel sandbox: ${err.message}`);
    process.exit(2);
  });
}
