// `node dist/mcp.js [--sandbox]` (or `npm run --silent mcp -- --sandbox`): the Exotel MCP server on stdio.
// stdout carries the MCP protocol and nothing else; every log line goes to stderr, masked. Editor-free.
import { redact } from '../exotel';
import { McpAccount, openAccount, parseMcpArgs, USAGE, UsageError } from './account';
import { mcpHost } from './mcpHost';
import { createMcpServer } from './server';
import { errorMessage } from '../base/errorMessage';

declare const EXOTEL_VERSION: string | undefined; // set by esbuild.js from package.json

export async function main(argv: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let secrets: string[] = [env.EXOTEL_API_KEY, env.EXOTEL_API_TOKEN].filter((s): s is string => Boolean(s && s.trim()));
  const log = (line: string) => process.stderr.write(`[exotel-mcp] ${redact(line, secrets)}\n`);
  let account: McpAccount | undefined;
  try {
    const args = parseMcpArgs(argv);
    if (args.help) {
      process.stderr.write(`${USAGE}\n`);
      return;
    }
    account = await openAccount(args, env);
    secrets = [...secrets, ...account.secrets];
    const opened = account;
    const { server } = createMcpServer({
      host: mcpHost(opened, env, log),
      version: typeof EXOTEL_VERSION === 'string' ? EXOTEL_VERSION : '0.0.0',
      description: opened.description,
      secrets,
      log,
    });
    let closing = false;
    const close = async (why: string) => {
      if (closing) return;
      closing = true;
      log(`stopping (${why})`);
      server.close();
      await opened.close().catch(() => undefined);
      process.exit(0);
    };
    server.onclose = () => void close('the client closed the connection');
    process.stdin.on('end', () => void close('stdin ended'));
    process.on('SIGINT', () => void close('SIGINT'));
    process.on('SIGTERM', () => void close('SIGTERM'));
    server.connect(process.stdin, process.stdout);
    log(`serving ${opened.description}`);
  } catch (err) {
    await account?.close().catch(() => undefined);
    log(err instanceof UsageError ? `${err.message}\n${USAGE}` : `cannot start: ${errorMessage(err)}`);
    process.exitCode = 2;
  }
}

if (require.main === module) void main(); // dist/mcp.js run by node; scripts/mcp.js calls main() itself
