import * as assert from 'assert';
import { Sandbox } from '../../../src/sandbox';
import { BASIC, call, connect, start, waitFor } from './helpers';

describe('sandbox: fault injection', () => {
  let sb: Sandbox;
  before(async () => (sb = await start()));
  after(() => sb.close());
  afterEach(() => sb.faults.clear());

  it('delay: answers normally, late', async () => {
    sb.faults.next({ kind: 'delay', ms: 300 });
    const previous = sb.lastRequest();
    const pending = call(sb, 'GET', '/Calls.json');
    // Received and logged, but not answered yet: the log sets `status` only when the sandbox replies.
    const logged = await waitFor('the request to be logged', () => (sb.lastRequest() !== previous ? sb.lastRequest() : undefined));
    assert.strictEqual(logged.fault, 'delay');
    assert.strictEqual(logged.status, undefined, 'answered before the delay');
    const res = await pending;
    assert.strictEqual(res.status, 200);
    assert.strictEqual(logged.status, 200);
  });

  it('5xx: the observed 503 body with Code 35008, in JSON or XML', async () => {
    sb.faults.next({ kind: '5xx' }, { times: 2 });
    const json = await connect(sb, { ...BASIC, To: '09876543210' });
    assert.strictEqual(json.status, 503);
    assert.strictEqual(json.text, '{"RestException":{"Status":503,"Message":"Service Unavailable; ","Code":35008}}');
    const xml = await connect(sb, { ...BASIC, To: '09876543210' }, '');
    assert.strictEqual(xml.status, 503);
    assert.ok(
      xml.text.includes('<RestException>\n  <Status>503</Status>\n  <Message>Service Unavailable; </Message>\n  <Code>35008</Code>\n </RestException>'),
      xml.text,
    );
    assert.strictEqual((await call(sb, 'GET', '/Calls.json')).status, 200);
  });

  it('malformed: truncated JSON by default, a proxy HTML page, or a given body', async () => {
    sb.faults.next({ kind: 'malformed' });
    const truncated = await call(sb, 'GET', '/Calls.json');
    assert.strictEqual(truncated.status, 200);
    assert.strictEqual(truncated.text, '{"Call":{"Sid":"');
    assert.strictEqual(truncated.json, undefined);
    sb.faults.next({ kind: 'malformed', variant: 'html' });
    const html = await call(sb, 'GET', '/Calls.json');
    assert.strictEqual(html.status, 502);
    assert.strictEqual(html.headers.get('content-type'), 'text/html');
    assert.match(html.text, /<h1>502 Bad Gateway<\/h1>/);
    sb.faults.next({ kind: 'malformed', body: '<Call>', contentType: 'application/xml', status: 200 });
    const custom = await call(sb, 'GET', '/Calls.json');
    assert.deepStrictEqual([custom.status, custom.headers.get('content-type'), custom.text], [200, 'application/xml', '<Call>']);
  });

  it('drop: the socket closes with no answer, and no call is created', async () => {
    const before = sb.calls.size;
    sb.faults.next({ kind: 'drop' });
    await assert.rejects(connect(sb, { ...BASIC, To: '09876543210' }), /fetch failed/);
    assert.strictEqual(sb.calls.size, before);
    const logged = sb.lastRequest();
    assert.deepStrictEqual([logged?.fault, logged?.status, logged?.params.To], ['drop', undefined, '09876543210']);
  });

  it('status: any status and body', async () => {
    sb.faults.next({ kind: 'status', status: 402, body: { RestException: { Status: 402, Message: 'Payment Required' } } });
    const json = await call(sb, 'GET', '/Calls.json');
    assert.deepStrictEqual([json.status, json.json], [402, { RestException: { Status: 402, Message: 'Payment Required' } }]);
    sb.faults.next({ kind: 'status', status: 504, body: 'upstream timed out', headers: { 'Retry-After': '7' } });
    const text = await call(sb, 'GET', '/Calls.json');
    assert.deepStrictEqual(
      [text.status, text.text, text.headers.get('content-type'), text.headers.get('retry-after')],
      [504, 'upstream timed out', 'text/plain; charset=utf-8', '7'],
    );
  });

  it('applies to the next N requests matching method and path only', async () => {
    sb.faults.next({ kind: '5xx' }, { times: 2, method: 'post', path: /\/Calls\/connect/ });
    assert.strictEqual(sb.faults.pending, 2);
    assert.strictEqual((await call(sb, 'GET', '/Calls.json')).status, 200);
    assert.strictEqual((await connect(sb, { ...BASIC, To: '09876543210' })).status, 503);
    assert.strictEqual(sb.faults.pending, 1);
    assert.strictEqual((await connect(sb, { ...BASIC, To: '09876543210' })).status, 503);
    assert.strictEqual((await connect(sb, { ...BASIC, To: '09876543210' })).status, 200);
    sb.faults.next({ kind: '5xx' }, { path: 'Numbers' });
    assert.strictEqual((await call(sb, 'GET', '/Calls.json')).status, 200);
    assert.strictEqual((await call(sb, 'GET', '/Numbers/09876543210.json')).status, 503);
  });

  it('clear() disarms everything', async () => {
    sb.faults.next({ kind: 'drop' }, { times: 5 });
    sb.faults.clear();
    assert.strictEqual(sb.faults.pending, 0);
    assert.strictEqual((await call(sb, 'GET', '/Calls.json')).status, 200);
  });
});
