// Call tests that drive a flow: parsing the flow parts, the headless CLI starting the suite's handler, expectations
// on the path, the requests and the outcome, each failure pointing at its expectation.
import * as assert from 'assert';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../../src/callTests/cli';
import { parseSuite } from '../../../src/callTests/parseSuite';
import { sendRequest } from '../../../src/webhooks/httpSend';
import { waitFor } from '../../helpers/wait';

const HANDLER = `
const http = require('http');
http.createServer((req, res) => {
  const u = new URL(req.url, 'http://x');
  const digits = (u.searchParams.get('digits') || '').replace(/"/g, '');
  res.writeHead(u.pathname === '/p' && digits !== '1' ? 302 : 200, { 'Content-Type': 'text/plain' });
  res.end(u.pathname === '/sms' ? 'Hello ' + digits : '');
}).listen(Number(process.argv[2]), '127.0.0.1');
`;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

describe('call tests: flows', function () {
  this.timeout(60_000);
  let dir: string;
  let port: number;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exotel-flow-tests-'));
    port = await freePort();
    fs.writeFileSync(path.join(dir, 'handler.js'), HANDLER);
    fs.writeFileSync(
      path.join(dir, 'line.exotel-flow.json'),
      JSON.stringify({
        appId: '5001',
        exoPhone: '08047112345',
        applets: {
          menu: { type: 'gather', prompt: { text: 'Press 1' }, maxDigits: 1, next: { entered: 'p', noInput: 'bye' } },
          p: { type: 'passthru', url: `http://127.0.0.1:${port}/p`, next: { ok: 'sms', else: 'bye' } },
          sms: { type: 'sms', url: `http://127.0.0.1:${port}/sms`, next: 'bye' },
          bye: { type: 'hangup' },
        },
      }),
    );
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const suite = (tests: unknown[]) => ({
    handler: { command: `node handler.js ${port}`, ready: `http://127.0.0.1:${port}/health` },
    defaults: { from: '+919876543210', callerId: '08047112345' },
    tests,
  });
  const cli = async (file: string) => {
    const out: string[] = [];
    const code = await runCli([file, '--junit', 'junit.xml'], { out: l => out.push(l), err: l => out.push(l), env: {}, cwd: dir });
    return { code, out };
  };

  it('the CLI starts the handler, runs outgoing and incoming flow tests with their keys, and stops the handler', async () => {
    fs.writeFileSync(
      path.join(dir, 's.exotel-tests.json'),
      JSON.stringify(
        suite([
          {
            name: 'by file, outgoing, key 1',
            flow: { file: 'line.exotel-flow.json', keys: ['1'] },
            expect: {
              status: 'completed',
              flow: {
                path: ['menu:entered', 'p:ok', 'sms:next', 'bye'],
                requests: [{ applet: 'p', status: 200, params: { digits: '"1"', Direction: 'outbound-dial' } }],
                sms: 'Hello 1',
                outcome: 'hangup',
              },
            },
          },
          {
            name: 'incoming, key 2',
            flow: { appId: '5001', direction: 'incoming', keys: { menu: ['2'] } },
            expect: { flow: { path: ['menu', 'p:else', 'bye'], callType: 'call-attempt' } },
          },
          { name: 'incoming, nothing pressed', flow: { appId: '5001', direction: 'incoming' }, expect: { flow: { path: ['menu:noInput', 'bye'] } } },
        ]),
        null,
        2,
      ),
    );
    const { code, out } = await cli('s.exotel-tests.json');
    assert.strictEqual(code, 0, out.join('\n'));
    assert.strictEqual(out.at(-1), '3 passed, 0 failed');
    assert.ok(out.includes(`  started the handler: node handler.js ${port}`));
    // Stopped: its port refuses (a process still exiting may first reset a connection).
    const probe = () => sendRequest({ method: 'GET', url: `http://127.0.0.1:${port}/health`, headers: {}, body: '' }, { timeoutMs: 1000 });
    const after = await waitFor(
      'the handler to be gone',
      async () => {
        const r = await probe();
        return r.failure === 'reset' ? undefined : r;
      },
      5000,
    );
    assert.strictEqual(after.failure, 'refused', 'the handler was stopped');
  });

  it('a failing flow expectation points at its line; the run is on the result', async () => {
    const text = JSON.stringify(
      suite([
        {
          name: 'wrong',
          flow: { appId: '5001', keys: ['1'] },
          expect: { flow: { path: ['menu:entered', 'p:else'], requests: [{ applet: 'p', params: { digits: '"9"' } }] } },
        },
      ]),
      null,
      2,
    );
    fs.writeFileSync(path.join(dir, 'f.exotel-tests.json'), text);
    const { code, out } = await cli('f.exotel-tests.json');
    assert.strictEqual(code, 1);
    const line = out.find(l => l.startsWith('✗'))!;
    const lines = text.split('\n');
    const pathLine = lines.findIndex(l => l.includes('"p:else"')) + 1;
    const requestLine = lines.findIndex(l => l.includes('"applet": "p"')) + 1;
    assert.match(line, new RegExp(`Step 2: expected "p:else", the flow went to "p:ok"\\. \\[f\\.exotel-tests\\.json:${pathLine}:`));
    assert.match(line, new RegExp(`digits is "\\\\"1\\\\"", not "\\\\"9\\\\""\\. \\[f\\.exotel-tests\\.json:${requestLine - 1}:`));
    assert.match(fs.readFileSync(path.join(dir, 'junit.xml'), 'utf8'), /Step 2/);
  });

  it('a handler that never answers fails the suite with its output, and no call is placed', async () => {
    fs.writeFileSync(path.join(dir, 'quiet.js'), 'console.log("starting up"); setTimeout(() => {}, 60000);');
    fs.writeFileSync(
      path.join(dir, 'q.exotel-tests.json'),
      JSON.stringify({
        ...suite([{ name: 'x', flow: { appId: '5001' }, expect: { status: 'completed' } }]),
        handler: { command: 'node quiet.js', ready: `http://127.0.0.1:${port}/`, readyTimeoutSeconds: 1 },
      }),
    );
    const { code, out } = await cli('q.exotel-tests.json');
    assert.strictEqual(code, 1);
    assert.match(out.join('\n'), /did not answer at .* within 1 s: starting up/);
  });

  it('parsing: one way to name the flow; flow expectations need a flow; incoming and files on the sandbox only', () => {
    const problems = (tests: unknown[], extra: Record<string, unknown> = {}) =>
      parseSuite(JSON.stringify({ defaults: { from: '+919876543210', callerId: '08047112345' }, ...extra, tests })).tests.flatMap(t =>
        t.problems.map(p => p.message),
      );
    assert.match(
      problems([{ name: 'a', flow: { appId: '1', file: 'x.exotel-flow.json' }, expect: { status: 'completed' } }]).join(),
      /Give one of "appId", "url" or "file"/,
    );
    assert.match(problems([{ name: 'a', to: '+919812345670', expect: { flow: { outcome: 'hangup' } } }]).join(), /Flow expectations need a "flow"/);
    const real = { profile: 'live', allowNumbers: ['+919876543210'], maxCalls: 5 };
    assert.match(problems([{ name: 'a', flow: { appId: '1', direction: 'incoming' }, expect: { status: 'completed' } }], real).join(), /sandbox only/);
    assert.deepStrictEqual(
      problems([{ name: 'a', flow: { appId: '1', direction: 'incoming', keys: { menu: ['1#', null] } }, expect: { flow: { path: ['menu:entered'] } } }]),
      [],
    );
  });
});
