// The README's MCP snippets, run exactly as written (the extension's install folder stands for this checkout, whose
// dist/ is what the VSIX ships): the Cursor and Copilot CLI configs, the Claude Code command line and the npm script.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TOOL_SPECS } from '../../../src/agentTools';
import { ROOT, startMcp } from '../../helpers/mcpClient';

const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## MCP server'), readme.indexOf('\n## ', readme.indexOf('## MCP server') + 1));
const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const folder = `exotel-vscode.exotel-vscode-${version}`;

/** Where the README says the extension is installed, and the checkout standing in for it. */
function installed(arg: string): string {
  for (const prefix of [`/home/you/.cursor/extensions/${folder}`, `/home/you/.vscode/extensions/${folder}`, `~/.vscode/extensions/${folder}`]) {
    if (arg.startsWith(prefix)) return ROOT + arg.slice(prefix.length);
  }
  return arg;
}

function block(after: string, lang: string): string {
  const at = section.indexOf(after);
  assert.ok(at >= 0, `the README's MCP section has no "${after}"`);
  const m = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(section.slice(at));
  assert.ok(m, `no ${lang} block after "${after}"`);
  return m[1];
}

function fromConfig(after: string): { command: string; args: string[] } {
  const server = (JSON.parse(block(after, 'json')) as { mcpServers: { exotel: { command: string; args: string[] } } }).mcpServers.exotel;
  return { command: server.command, args: server.args.map(installed) };
}

async function answers(run: { command: string; args: string[]; cwd?: string }): Promise<void> {
  const mcp = await startMcp({ command: run.command, args: run.args, cwd: run.cwd ?? os.tmpdir() });
  try {
    const { tools } = await mcp.client.listTools();
    assert.deepStrictEqual(
      tools.map(t => t.name),
      TOOL_SPECS.map(s => s.name),
    );
    const list = await mcp.call('exotel_listCalls', { limit: 1 });
    assert.match(list.text, /^1 call\(s\) on the profile “Sandbox”/);
  } finally {
    await mcp.close();
  }
}

describe('the README: MCP client snippets run as written', function () {
  this.timeout(60_000);

  it(`names the install folder of this version (${folder})`, () => {
    assert.ok(section.includes(`~/.vscode/extensions/${folder}`), section.slice(0, 600));
  });

  it('Cursor: ~/.cursor/mcp.json', async () => {
    const run = fromConfig('**Cursor**');
    assert.strictEqual(run.command, 'node');
    await answers(run);
  });

  it('Claude Code: claude mcp add', async () => {
    const line = block('**Claude Code**', 'sh')
      .split('\n')
      .find(l => l.startsWith('claude mcp add exotel -- '));
    assert.ok(line);
    const [command, ...args] = line.slice('claude mcp add exotel -- '.length).trim().split(/\s+/);
    await answers({ command, args: args.map(installed) });
  });

  it('Copilot CLI: ~/.copilot/mcp-config.json', async () => {
    const config = JSON.parse(block('**Copilot CLI**', 'json')) as { mcpServers: { exotel: { type: string; tools: string[] } } };
    assert.strictEqual(config.mcpServers.exotel.type, 'local');
    await answers(fromConfig('**Copilot CLI**'));
  });

  it('from a clone: npm run --silent mcp -- --sandbox', async () => {
    assert.ok(section.includes('`npm run --silent mcp -- --sandbox`'));
    await answers({ command: process.platform === 'win32' ? 'npm.cmd' : 'npm', args: ['run', '--silent', 'mcp', '--', '--sandbox'], cwd: ROOT });
  });
});
