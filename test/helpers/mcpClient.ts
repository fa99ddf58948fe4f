// The MCP server as an agent sees it: the built dist/mcp.js spawned over real stdio, driven by the SDK's own Client.
// Every message the server sent and everything it wrote to stderr are kept, for the tests that look for secrets.
import * as path from 'path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ElicitRequestSchema, ElicitResult } from '@modelcontextprotocol/sdk/types.js';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'mcp.js');

export interface McpSession {
  client: Client;
  /** Every JSON-RPC message from the server, as sent. */
  messages: string[];
  stderr(): string;
  /** Calls a tool and returns its one text part and whether it is an error result. */
  call(name: string, args?: unknown): Promise<{ text: string; isError: boolean }>;
  close(): Promise<void>;
}

export interface McpStart {
  command?: string;
  args?: string[];
  env?: Record<string, string>;
  cwd?: string;
  /** Answers the server's elicitation (the client then declares the capability); none: the client cannot be asked. */
  elicit?: (message: string) => ElicitResult | Promise<ElicitResult>;
}

export async function startMcp(o: McpStart = {}): Promise<McpSession> {
  const transport = new StdioClientTransport({
    command: o.command ?? process.execPath,
    args: o.args ?? [SERVER, '--sandbox'],
    env: o.env,
    cwd: o.cwd ?? ROOT,
    stderr: 'pipe',
  });
  let err = '';
  transport.stderr?.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const client = new Client({ name: 'exotel-tests', version: '1.0.0' }, { capabilities: o.elicit ? { elicitation: { form: {} } } : {} });
  const elicit = o.elicit;
  if (elicit) client.setRequestHandler(ElicitRequestSchema, req => elicit(req.params.message));
  const messages: string[] = [];
  await client.connect(transport);
  // Wrapped after connect (which installs the client's handler); the initialize answer is read from the client below.
  const onmessage = transport.onmessage!;
  transport.onmessage = m => {
    messages.push(JSON.stringify(m));
    onmessage(m);
  };
  messages.push(
    JSON.stringify({ instructions: client.getInstructions(), serverInfo: client.getServerVersion(), capabilities: client.getServerCapabilities() }),
  );
  return {
    client,
    messages,
    stderr: () => err,
    async call(name, args) {
      const r = await client.callTool({ name, arguments: args as Record<string, unknown> | undefined });
      const content = r.content as Array<{ type: string; text: string }>;
      return { text: content.map(c => c.text).join('\n'), isError: r.isError === true };
    },
    close: () => client.close(),
  };
}
