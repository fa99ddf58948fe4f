// The MCP server VS Code starts for the active profile (1.101+: vscode.lm.registerMcpServerDefinitionProvider): the
// definition the provider offers, resolved as VS Code resolves it at start, then spawned and asked over stdio by the
// MCP SDK's own client. On an older VS Code the provider is absent and nothing else changes.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { hasFinalMcpApi } from '../../src/features/mcp/mcpApi';
import { api, sandbox, withProfile } from './helpers';

// 1.100 has a draft of the function (it throws for the final contribution point): the extension uses 1.101's only.
const hasApi = () =>
  hasFinalMcpApi(vscode.version) &&
  typeof (vscode.lm as { registerMcpServerDefinitionProvider?: unknown } | undefined)?.registerMcpServerDefinitionProvider === 'function';

/** Skips a test that needs the MCP API, saying why in its title (mocha's skip takes no reason). */
function needApi(ctx: Mocha.Context): void {
  if (hasApi()) return;
  ctx.test!.title += ` — skipped: VS Code ${vscode.version} has no final vscode.lm.registerMcpServerDefinitionProvider (it came in 1.101)`;
  ctx.skip();
}

async function ask(def: {
  command: string;
  args: string[];
  env: Record<string, string>;
}): Promise<{ tools: string[]; instructions: string; listCalls: string }> {
  const transport = new StdioClientTransport({ command: def.command, args: def.args, env: def.env, stderr: 'pipe' });
  const client = new Client({ name: 'exotel-host-test', version: '1.0.0' });
  await client.connect(transport);
  try {
    const { tools } = await client.listTools();
    const r = await client.callTool({ name: 'exotel_listCalls', arguments: { limit: 2 } });
    return {
      tools: tools.map(t => t.name),
      instructions: client.getInstructions() ?? '',
      listCalls: (r.content as Array<{ text: string }>).map(c => c.text).join(''),
    };
  } finally {
    await client.close();
  }
}

describe('MCP server definition provider', function () {
  this.timeout(60000);

  it('on a VS Code without the MCP API nothing is registered and nothing is offered', async function () {
    if (hasApi()) {
      this.test!.title += ' — skipped: this VS Code has the MCP API, which the tests below cover';
      this.skip();
    }
    const a = await api();
    assert.strictEqual(a.mcp.registered, false);
    assert.deepStrictEqual(await a.mcp.offered(), []);
  });

  it('on the sandbox profile it offers the server with --sandbox, and the server it starts answers', async function () {
    needApi(this);
    const a = await api();
    await sandbox();
    assert.strictEqual(a.mcp.registered, true);
    const offered = await a.mcp.offered();
    assert.strictEqual(offered.length, 1);
    assert.strictEqual(offered[0].label, 'Exotel (sandbox)');
    const ext = vscode.extensions.getExtension('exotel-vscode.exotel-vscode')!;
    assert.deepStrictEqual(offered[0].args, [path.join(ext.extensionPath, 'dist', 'mcp.js'), '--sandbox']);
    const resolved = await a.mcp.resolvedForTest();
    assert.ok(resolved);
    assert.deepStrictEqual(Object.keys(resolved.env), ['ELECTRON_RUN_AS_NODE'], 'no credentials for the sandbox');
    const answer = await ask(resolved);
    assert.deepStrictEqual(answer.tools, ['exotel_lookupNumber', 'exotel_listCalls', 'exotel_getCall', 'exotel_callStats', 'exotel_placeTestCall']);
    assert.match(answer.instructions, /the Exotel sandbox at http:\/\/127\.0\.0\.1/);
    assert.match(answer.listCalls, /^2 call\(s\) on the profile “Sandbox”/);
  });

  it("on an account it passes the profile's key and token only to the process it starts, never to settings", async function () {
    needApi(this);
    const a = await api();
    const s = await sandbox();
    await withProfile(s, { name: 'Staging' }, async () => {
      const offered = await a.mcp.offered();
      assert.strictEqual(offered[0].label, 'Exotel (Staging)');
      assert.ok(!offered[0].args.includes('--sandbox'));
      const resolved = await a.mcp.resolvedForTest();
      assert.ok(resolved);
      assert.strictEqual(resolved.env.EXOTEL_API_KEY, '(set)');
      assert.strictEqual(resolved.env.EXOTEL_API_TOKEN, '(set)');
      assert.strictEqual(resolved.env.EXOTEL_BASE_URL, s.baseUrl);
      assert.strictEqual(resolved.env.EXOTEL_PROFILE_NAME, 'Staging');
      assert.strictEqual(resolved.env.EXOTEL_ALLOW_REAL_CALLS, undefined, 'real calls stay off unless exotel.tools.allowCallsOnRealAccounts');
      // The test knows the sandbox's credentials: the server with the resolved variables serves that account.
      const answer = await ask({ ...resolved, env: { ...resolved.env, EXOTEL_API_KEY: s.apiKey, EXOTEL_API_TOKEN: s.apiToken } });
      assert.match(answer.instructions, new RegExp(`the Exotel account ${s.accountSid} \\(profile “Staging”\\)`));
      assert.match(answer.listCalls, /^2 call\(s\) on the profile “Staging”/);
      // The editor's switch for calls on real accounts reaches the server, and only through it.
      await vscode.workspace.getConfiguration('exotel').update('tools.allowCallsOnRealAccounts', true, vscode.ConfigurationTarget.Global);
      try {
        assert.strictEqual((await a.mcp.resolvedForTest())?.env.EXOTEL_ALLOW_REAL_CALLS, '1');
        assert.match((await a.mcp.offered())[0].version ?? '', /\+realcalls$/, 'a new version, so that VS Code starts the server again');
      } finally {
        await vscode.workspace.getConfiguration('exotel').update('tools.allowCallsOnRealAccounts', undefined, vscode.ConfigurationTarget.Global);
      }
      const settings = JSON.stringify([vscode.workspace.getConfiguration().inspect('mcp'), vscode.workspace.getConfiguration().inspect('chat.mcp')]);
      assert.ok(!settings.includes(s.apiToken) && !settings.includes(s.apiKey), 'no key or token in the mcp settings');
    });
  });
});
