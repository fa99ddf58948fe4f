import * as assert from 'assert';
import { Sandbox } from '../../../src/sandbox';
import { toXml } from '../../../src/sandbox/render';
import { BASIC, call, connect, start } from './helpers';

describe('sandbox: response formats', () => {
  let sb: Sandbox;
  before(async () => (sb = await start({ accountSid: 'fmt1', now: () => new Date(Date.UTC(2024, 1, 29, 18, 45, 7)) })));
  after(() => sb.close());

  it('XML without .json: the TwilioResponse envelope, empty elements for null, no .json in Uri', async () => {
    const res = await connect(sb, { ...BASIC, To: '09876543210' }, '');
    assert.strictEqual(res.status, 200);
    assert.strictEqual(res.headers.get('content-type'), 'application/xml; charset=utf-8');
    const sid = /<Sid>([0-9a-z]{32})<\/Sid>/.exec(res.text)?.[1];
    assert.ok(sid);
    assert.strictEqual(
      res.text,
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<TwilioResponse>',
        ' <Call>',
        `  <Sid>${sid}</Sid>`,
        '  <ParentCallSid/>',
        '  <DateCreated>2024-03-01 00:15:07</DateCreated>',
        '  <DateUpdated>2024-03-01 00:15:07</DateUpdated>',
        '  <AccountSid>fmt1</AccountSid>',
        '  <To>09876543210</To>',
        '  <From>09845012340</From>',
        '  <PhoneNumberSid>08047112345</PhoneNumberSid>',
        '  <Status>in-progress</Status>',
        '  <StartTime>2024-03-01 00:15:07</StartTime>',
        '  <EndTime/>',
        '  <Duration/>',
        '  <Price/>',
        '  <Direction>outbound-api</Direction>',
        '  <AnsweredBy/>',
        '  <ForwardedFrom/>',
        '  <CallerName/>',
        `  <Uri>/v1/Accounts/fmt1/Calls/${sid}</Uri>`,
        '  <RecordingUrl/>',
        '  <SubResourceUris>',
        `   <Legs>/v1/Accounts/fmt1/Calls/${sid}/Legs</Legs>`,
        '  </SubResourceUris>',
        ' </Call>',
        '</TwilioResponse>',
        '',
      ].join('\n'),
    );
  });

  it('escapes XML text and renders lists', () => {
    assert.strictEqual(
      toXml({ Call: { Name: `a&b<c>"d'`, Empty: null, Legs: [{ Leg: { Id: 1 } }] }, Calls: [{ Sid: 'x' }] }),
      '<?xml version="1.0" encoding="UTF-8"?>\n<TwilioResponse>\n <Call>\n  <Name>a&amp;b&lt;c&gt;&quot;d&apos;</Name>\n  <Empty/>\n' +
        '  <Legs>\n   <Leg>\n    <Id>1</Id>\n   </Leg>\n  </Legs>\n </Call>\n <Calls>\n  <Call>\n   <Sid>x</Sid>\n  </Call>\n </Calls>\n</TwilioResponse>\n',
    );
  });

  it('an explicit Accept: application/json also gets JSON (as Exotel’s own MCP server relies on)', async () => {
    const res = await call(sb, 'POST', '/Calls/connect', {
      body: new URLSearchParams({ ...BASIC, To: '09876543210' }).toString(),
      headers: { Accept: 'application/json' },
    });
    assert.strictEqual(res.status, 200);
    // Uri carries .json whenever the answer is JSON, so following it gives JSON again.
    assert.strictEqual(res.json.Call.Uri, `/v1/Accounts/fmt1/Calls/${res.json.Call.Sid}.json`);
  });

  it('an unknown Call SID → 404 "No matching results", in JSON and in XML', async () => {
    const json = await call(sb, 'GET', '/Calls/0123456789abcdef0123456789abcdef.json');
    assert.strictEqual(json.status, 404);
    assert.strictEqual(json.text, '{"RestException":{"Status":404,"Message":"No matching results"}}');
    const xml = await call(sb, 'GET', '/Calls/0123456789abcdef0123456789abcdef');
    assert.strictEqual(xml.status, 404);
    assert.ok(xml.text.includes('<RestException>\n  <Status>404</Status>\n  <Message>No matching results</Message>\n </RestException>'), xml.text);
  });

  it('unknown resources → 404; the wrong method → 405 with Allow', async () => {
    const missing = await call(sb, 'GET', '/Sms/send.json');
    assert.strictEqual(missing.status, 404);
    assert.strictEqual(missing.json.RestException.Message, `The requested resource /v1/Accounts/fmt1/Sms/send.json was not found`);
    const wrong = await call(sb, 'GET', '/Calls/connect.json');
    assert.strictEqual(wrong.status, 405);
    assert.strictEqual(wrong.headers.get('allow'), 'POST');
  });

  it('fieldStyle switches Duration/Price to numbers and empty values to "" (both seen in real traffic)', async () => {
    const done = await connect(sb, { ...BASIC, To: '09876543215' });
    sb.calls.fastForward();
    sb.style.durationPrice = 'number';
    sb.style.empty = 'empty-string';
    try {
      const c = (await call(sb, 'GET', `/Calls/${done.json.Call.Sid}.json`)).json.Call;
      assert.strictEqual(typeof c.Duration, 'number');
      assert.strictEqual(c.Price, 0.75);
      assert.strictEqual(c.RecordingUrl, '');
      assert.strictEqual(c.ParentCallSid, '');
    } finally {
      sb.style.durationPrice = 'string';
      sb.style.empty = 'null';
    }
  });
});

describe('sandbox: authentication', () => {
  let sb: Sandbox;
  before(async () => (sb = await start({ accountSid: 'auth1', apiKey: 'key123', apiToken: 'tok456' })));
  after(() => sb.close());
  const basic = (user: string, pass: string): string => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

  it('uses the credentials given', () => {
    assert.deepStrictEqual([sb.accountSid, sb.apiKey, sb.apiToken, sb.authorization], ['auth1', 'key123', 'tok456', basic('key123', 'tok456')]);
  });

  it('generates credentials when none are given', async () => {
    const other = await start();
    try {
      assert.match(other.accountSid, /^sandbox[0-9a-f]{6}$/);
      assert.match(other.apiKey, /^[0-9a-f]{40}$/);
      assert.match(other.apiToken, /^[0-9a-f]{40}$/);
      assert.match(other.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await other.close();
    }
  });

  const refused: Array<[string, string | null]> = [
    ['no Authorization header', null],
    ['a wrong token', basic('key123', 'nope')],
    ['a wrong key', basic('key999', 'tok456')],
    ['a Bearer token', 'Bearer tok456'],
  ];
  for (const [name, auth] of refused) {
    it(`401 RestException for ${name}`, async () => {
      const res = await call(sb, 'GET', '/Calls.json', { auth });
      assert.strictEqual(res.status, 401);
      assert.deepStrictEqual(res.json, { RestException: { Status: 401, Message: 'Authentication failed' } });
      assert.strictEqual(res.headers.get('www-authenticate'), 'Basic realm="Exotel"');
    });
  }

  it('accepts the historic account-SID:token form', async () => {
    assert.strictEqual((await call(sb, 'GET', '/Calls.json', { auth: basic('auth1', 'tok456') })).status, 200);
  });

  it('refuses SID:token when acceptSidAuth is false', async () => {
    const strict = await start({ accountSid: 'auth2', apiKey: 'k', apiToken: 't', acceptSidAuth: false });
    try {
      assert.strictEqual((await call(strict, 'GET', '/Calls.json', { auth: basic('auth2', 't') })).status, 401);
      assert.strictEqual((await call(strict, 'GET', '/Calls.json', { auth: basic('k', 't') })).status, 200);
    } finally {
      await strict.close();
    }
  });

  it('valid credentials on another account’s path → 401, not 404', async () => {
    const res = await fetch(`${sb.baseUrl}/v1/Accounts/someoneelse/Calls.json`, { headers: { Authorization: sb.authorization } });
    assert.strictEqual(res.status, 401);
    assert.deepStrictEqual(await res.json(), { RestException: { Status: 401, Message: 'Authentication failed' } });
  });
});

describe('sandbox: rate limit', () => {
  let sb: Sandbox;
  let clock = Date.UTC(2025, 0, 1);
  before(async () => (sb = await start({ rateLimitPerMinute: 3, now: () => new Date(clock) })));
  after(() => sb.close());

  it('429 with Retry-After past the limit in a sliding 60 s window; refused and unauthenticated requests do not count', async () => {
    assert.strictEqual((await call(sb, 'GET', '/Calls.json', { auth: null })).status, 401);
    for (let i = 0; i < 3; i++) {
      assert.strictEqual((await call(sb, 'GET', '/Calls.json')).status, 200);
      clock += 10_000;
    }
    const limited = await call(sb, 'GET', '/Calls.json');
    assert.strictEqual(limited.status, 429);
    assert.deepStrictEqual(limited.json, { RestException: { Status: 429, Message: 'Too Many Requests' } });
    assert.strictEqual(limited.headers.get('retry-after'), '30'); // the first request leaves the window 30 s from now
    clock += 30_000;
    assert.strictEqual((await call(sb, 'GET', '/Calls.json')).status, 200);
    assert.strictEqual((await call(sb, 'GET', '/Calls.json')).status, 429);
  });

  it('setRateLimit changes the budget at runtime', async () => {
    sb.setRateLimit(0);
    for (let i = 0; i < 5; i++) {
      assert.strictEqual((await call(sb, 'GET', '/Calls.json')).status, 200);
    }
    sb.setRateLimit(3);
    // The clock stands still: all four fall in one window, and the fourth is over the new budget.
    for (let i = 0; i < 3; i++) {
      assert.strictEqual((await call(sb, 'GET', '/Calls.json')).status, 200, `request ${i + 1} of 3`);
    }
    assert.strictEqual((await call(sb, 'GET', '/Calls.json')).status, 429);
  });
});
