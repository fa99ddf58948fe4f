// Standalone sandbox: `node out/src/sandbox/cli.js [--port N] [--no-seed] [--progress-ms N] [--lag-ms N] [--callback-url URL] [--signed-urls]`
import { describeRules, startSandbox } from './index';
import { formatIst } from './clock';

interface CliArgs {
  port: number;
  seed: boolean;
  progressMs?: number;
  postCallLagMs?: number;
  statusCallbackOverride?: string;
  /** The "signed URLs" account feature (PreSignedRecordingUrl); off unless asked, like most accounts. */
  signedRecordingUrls?: boolean;
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
      default:
        throw new Error(`unknown option ${argv[i]}`);
    }
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const sandbox = await startSandbox({
    ...args,
    log: line => console.log(`[${formatIst(Date.now())}] ${line}`),
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
      `  Try:         curl -u ${sandbox.apiKey}:${sandbox.apiToken} ${sandbox.baseUrl}/v1/Accounts/${sandbox.accountSid}/Calls.json?PageSize=5`,
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

if (require.main === module) {
  main().catch((err: Error) => {
    console.error(`exotel sandbox: ${err.message}`);
    process.exit(2);
  });
}
