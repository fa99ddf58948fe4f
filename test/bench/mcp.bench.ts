// The MCP server as an agent starts it: `node dist/mcp.js --sandbox` spawned over stdio and driven by the SDK's
// Client. Start time to the first tools/list answer, the server's memory (RSS, from /proc), one exotel_listCalls
// round trip on its sandbox.
import * as fs from 'fs';
import * as path from 'path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const SERVER = path.join(__dirname, '..', '..', '..', 'dist', 'mcp.js');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

function rssMb(pid: number | null): string {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return `${(kb / 1024).toFixed(1)} MB`;
  } catch {
    return 'n/a (no /proc)';
  }
}

export async function benchMcp(): Promise<Record<string, string | number>> {
  if (!fs.existsSync(SERVER)) return { 'dist/mcp.js': 'not built (npm run build)' };
  const starts: number[] = [];
  const trips: number[] = [];
  let rss = '';
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const transport = new StdioClientTransport({ command: process.execPath, args: [SERVER, '--sandbox'], stderr: 'ignore' });
    const client = new Client({ name: 'bench', version: '1' });
    await client.connect(transport);
    await client.listTools();
    starts.push(performance.now() - started);
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await client.callTool({ name: 'exotel_listCalls', arguments: { limit: 20 } });
      trips.push(performance.now() - t);
    }
    if (run === 0) rss = rssMb(transport.pid);
    await client.close();
  }
  return {
    'start to first tools/list answer (median of 3)': `${median(starts).toFixed(0)} ms`,
    'server RSS after 5 exotel_listCalls': rss,
    'exotel_listCalls round trip, 20 calls (median of 15)': `${median(trips).toFixed(1)} ms`,
    'dist/mcp.js': `${(fs.statSync(SERVER).size / 1024).toFixed(1)} KB`,
  };
}
