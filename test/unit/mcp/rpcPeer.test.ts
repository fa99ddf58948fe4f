// MCP's JSON-RPC on stdio as the server speaks it, line by line: what the SDK's client never sends (bad JSON, unknown
// methods, cancellation, old protocol versions) is checked here on in-memory streams.
import * as assert from 'assert';
import { PassThrough } from 'stream';
import { RPC_ERROR, RpcPeer } from '../../../src/mcp/rpcPeer';
import { PROTOCOL_VERSIONS, createMcpServer } from '../../../src/mcp/server';
import type { ToolHost } from '../../../src/agentTools';

interface Wire {
  send(message: unknown): void;
  /** The next message the server writes. */
  next(): Promise<Record<string, unknown>>;
  /** Resolves with whatever arrives within `ms`, or undefined. */
  within(ms: number): Promise<Record<string, unknown> | undefined>;
}

function wire(peer: RpcPeer): Wire {
  const input = new PassThrough();
  const output = new PassThrough();
  peer.connect(input, output);
  const lines: string[] = [];
  let wake: (() => void) | undefined;
  let buffer = '';
  output.on('data', (c: Buffer) => {
    buffer += c.toString('utf8');
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      lines.push(buffer.slice(0, nl));
      buffer = buffer.slice(nl + 1);
      wake?.();
    }
  });
  const take = async (ms: number) => {
    const deadline = Date.now() + ms;
    while (!lines.length && Date.now() < deadline) await new Promise<void>(r => ((wake = r), setTimeout(r, deadline - Date.now())));
    const line = lines.shift();
    return line === undefined ? undefined : (JSON.parse(line) as Record<string, unknown>);
  };
  return {
    send: m => input.write(typeof m === 'string' ? `${m}\n` : `${JSON.stringify(m)}\n`),
    next: async () => (await take(5000)) ?? assert.fail('the server sent nothing'),
    within: take,
  };
}

describe('MCP JSON-RPC on stdio (the server side)', () => {
  it('answers a request; an unknown method is -32601, bad JSON -32700, and it keeps serving', async () => {
    const peer = new RpcPeer(() => undefined);
    peer.onRequest('ping', () => ({}));
    const w = wire(peer);
    w.send('{not json');
    assert.deepStrictEqual((await w.next()).error, { code: RPC_ERROR.parse, message: 'Parse error' });
    w.send({ jsonrpc: '2.0', id: 1, method: 'resources/list' });
    const unknown = await w.next();
    assert.strictEqual(unknown.id, 1);
    assert.strictEqual((unknown.error as { code: number }).code, RPC_ERROR.methodNotFound);
    w.send({ jsonrpc: '2.0', id: 'b', method: 'ping', params: [1] });
    assert.strictEqual(((await w.next()).error as { code: number }).code, RPC_ERROR.invalidParams);
    w.send({ jsonrpc: '2.0', id: 2, method: 'ping' });
    assert.deepStrictEqual(await w.next(), { jsonrpc: '2.0', id: 2, result: {} });
  });

  it('a request the client cancels is aborted and gets no answer', async () => {
    const peer = new RpcPeer(() => undefined);
    let aborted = false;
    peer.onRequest('slow', (_p, signal) => new Promise(resolve => signal.addEventListener('abort', () => ((aborted = true), resolve('late')))));
    peer.onRequest('ping', () => ({}));
    const w = wire(peer);
    w.send({ jsonrpc: '2.0', id: 7, method: 'slow' });
    w.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 7 } });
    w.send({ jsonrpc: '2.0', id: 8, method: 'ping' });
    assert.deepStrictEqual(await w.next(), { jsonrpc: '2.0', id: 8, result: {} });
    assert.ok(aborted, 'the handler was not aborted');
    assert.strictEqual(await w.within(200), undefined);
  });

  it("the server's own request waits for the client's answer; closing rejects what still waits", async () => {
    const peer = new RpcPeer(() => undefined);
    const w = wire(peer);
    const asked = peer.request('elicitation/create', { message: 'Place?' });
    const sent = await w.next();
    assert.strictEqual(sent.method, 'elicitation/create');
    w.send({ jsonrpc: '2.0', id: sent.id, result: { action: 'accept', content: { place: true } } });
    assert.deepStrictEqual(await asked, { action: 'accept', content: { place: true } });
    const pending = peer.request('elicitation/create', {});
    await w.next();
    peer.close();
    await assert.rejects(pending, /closed/);
  });

  it('initialize: a version it speaks is echoed, another gets the newest; it offers tools only', async () => {
    const host = {} as ToolHost; // initialize never reaches the tools
    const { server } = createMcpServer({ host, version: '9.9.9', description: 'a test', secrets: [], log: () => undefined });
    const w = wire(server);
    w.send({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2024-11-05', capabilities: {}, clientInfo: { name: 't', version: '1' } },
    });
    const old = (await w.next()).result as Record<string, unknown>;
    assert.strictEqual(old.protocolVersion, '2024-11-05');
    assert.deepStrictEqual(old.capabilities, { tools: {} });
    assert.deepStrictEqual(old.serverInfo, { name: 'exotel', title: 'Exotel', version: '9.9.9' });
    w.send({ jsonrpc: '2.0', id: 2, method: 'initialize', params: { protocolVersion: '1999-01-01', capabilities: {} } });
    assert.strictEqual(((await w.next()).result as Record<string, unknown>).protocolVersion, PROTOCOL_VERSIONS[0]);
    w.send({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { arguments: {} } });
    assert.strictEqual(((await w.next()).error as { code: number }).code, RPC_ERROR.invalidParams);
  });
});
