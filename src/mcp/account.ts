// The account the MCP server serves: a sandbox of its own (--sandbox: no account, no phone rings), or the account
// in EXOTEL_* environment variables (how the editor starts it for a profile, and how a user configures it in
// Cursor, Claude Code or Copilot CLI). Editor-free.
import type { ProfileFacts } from '../agentTools';
import { ExotelClient, FetchLike, normalizeBaseUrl, RateLimiter, REGIONS } from '../exotel';
import { credentialSecrets } from '../exotel/redact';
import { readEnvCredentials } from '../exotel/envCredentials';
import { SEED_EXOPHONES, startSandbox } from '../sandbox';
import { errorMessage } from '../base/errorMessage';

/** The environment variables the server reads besides the credentials (see README, "MCP server"). */
export const MCP_ENV = {
  allowRealCalls: 'EXOTEL_ALLOW_REAL_CALLS',
  profileName: 'EXOTEL_PROFILE_NAME',
  production: 'EXOTEL_PRODUCTION',
  callerId: 'EXOTEL_CALLER_ID',
  flowHost: 'EXOTEL_FLOW_HOST',
  rateLimit: 'EXOTEL_RATE_LIMIT_PER_MINUTE',
} as const;

export interface McpAccount {
  profile: ProfileFacts;
  client: ExotelClient;
  /** Values no output may carry: the key, the token and their pair. */
  secrets: string[];
  /** Which account, in words, with no secret: for stderr and the server's instructions. */
  description: string;
  close(): Promise<void>;
}

export class UsageError extends Error {}

export const USAGE = `usage: node dist/mcp.js [--sandbox]
  --sandbox  serve a local sandbox of its own (a fake Exotel on 127.0.0.1: no account, no phone rings)
  otherwise  serve the account in EXOTEL_ACCOUNT_SID, EXOTEL_API_KEY, EXOTEL_API_TOKEN and EXOTEL_BASE_URL
             (or EXOTEL_SUBDOMAIN; default https://api.exotel.com). Test calls on it need EXOTEL_ALLOW_REAL_CALLS=1
             and are confirmed by the user through the MCP client.
  Speaks MCP on stdin/stdout; logs go to stderr.`;

export interface McpArgs {
  sandbox: boolean;
  help: boolean;
}

export function parseMcpArgs(argv: readonly string[]): McpArgs {
  const args: McpArgs = { sandbox: false, help: false };
  for (const a of argv) {
    if (a === '--sandbox') args.sandbox = true;
    else if (a === '--help' || a === '-h') args.help = true;
    // Not quoted back in full: a mistyped argument may be a key or token.
    else throw new UsageError(`unknown argument ${a.startsWith('-') ? a.slice(0, 20) : '(not an option)'}`);
  }
  return args;
}

export async function openAccount(args: McpArgs, env: NodeJS.ProcessEnv): Promise<McpAccount> {
  const limiter = new RateLimiter({ perMinute: Number(env[MCP_ENV.rateLimit]) || 200 });
  // Node's own fetch: node-fetch would add 20 KB to the bundle for nothing this server needs.
  const common = { fetch: globalThis.fetch as unknown as FetchLike, limiter, userAgent: 'exotel-vscode-mcp', timeoutMs: 30_000 };
  if (args.sandbox) {
    const sandbox = await startSandbox({ seed: true });
    const client = new ExotelClient({
      ...common,
      baseUrl: sandbox.baseUrl,
      accountSid: sandbox.accountSid,
      apiKey: sandbox.apiKey,
      apiToken: sandbox.apiToken,
    });
    return {
      profile: { name: 'Sandbox', kind: 'sandbox', defaultCallerId: SEED_EXOPHONES[0].e164 },
      client,
      secrets: credentialSecrets(sandbox.apiKey, sandbox.apiToken),
      description: `the Exotel sandbox at ${sandbox.baseUrl} (a local fake Exotel: no account, no phone rings, nothing charged; ExoPhones ${SEED_EXOPHONES.map(p => p.echo).join(', ')})`,
      close: async () => {
        limiter.dispose();
        await sandbox.close();
      },
    };
  }
  const creds = readEnvCredentials(env);
  if (!creds) {
    throw new UsageError('No account: set EXOTEL_ACCOUNT_SID, EXOTEL_API_KEY and EXOTEL_API_TOKEN (and EXOTEL_BASE_URL), or pass --sandbox.');
  }
  const secrets = credentialSecrets(creds.apiKey, creds.apiToken);
  let baseUrl: string;
  try {
    baseUrl = normalizeBaseUrl(creds.baseUrl);
  } catch (err) {
    limiter.dispose();
    throw new UsageError(`EXOTEL_BASE_URL: ${errorMessage(err)}`);
  }
  const mumbai = /^https:\/\/api\.in\.exotel\.com(\/|$)/.test(baseUrl);
  const flowHost = env[MCP_ENV.flowHost]?.trim() || (mumbai ? REGIONS.mumbai.flowHost : REGIONS.singapore.flowHost);
  const client = new ExotelClient({ ...common, baseUrl, accountSid: creds.accountSid, apiKey: creds.apiKey, apiToken: creds.apiToken, flowHost });
  const production = env[MCP_ENV.production] === '1';
  const name = env[MCP_ENV.profileName]?.trim() || creds.accountSid;
  return {
    profile: { name, kind: production ? 'production' : 'real', defaultCallerId: env[MCP_ENV.callerId]?.trim() || undefined },
    client,
    secrets,
    description: `the ${production ? 'PRODUCTION ' : ''}Exotel account ${creds.accountSid} (profile “${name}”) at ${baseUrl}`,
    close: async () => limiter.dispose(),
  };
}
