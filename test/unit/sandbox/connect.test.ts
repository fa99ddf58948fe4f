import * as assert from 'assert';
import { Sandbox } from '../../../src/sandbox';
import { BASIC, CALL_KEYS, call, connect, form, start } from './helpers';

describe('sandbox: Calls/connect', () => {
  let sb: Sandbox;
  // 2025-01-15 05:00:00 UTC = 10:30:00 IST
  before(async () => (sb = await start({ now: () => new Date(Date.UTC(2025, 0, 15, 5, 0, 0)), accountSid: 'acme1' })));
  after(() => sb.close());

  it('answers 200 with the Call object: documented key order, in-progress, nulls, IST times', async () => {
    const res = await connect(sb, { ...BASIC, To: '09876543210' });
    assert.strictEqual(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const c = res.json.Call;
    assert.deepStrictEqual(Object.keys(c), CALL_KEYS);
    assert.match(c.Sid, /^[0-9a-f]{31}[g-z]$/);
    assert.deepStrictEqual(
      { ...c, Sid: 'x', Uri: 'x', SubResourceUris: 'x' },
      {
        Sid: 'x',
        ParentCallSid: null,
        DateCreated: '2025-01-15 10:30:00',
        DateUpdated: '2025-01-15 10:30:00',
        AccountSid: 'acme1',
        To: '09876543210',
        From: '09845012340',
        PhoneNumberSid: '08047112345',
        Status: 'in-progress',
        StartTime: '2025-01-15 10:30:00',
        EndTime: null,
        Duration: null,
        Price: null,
        Direction: 'outbound-api',
        AnsweredBy: null,
        ForwardedFrom: null,
        CallerName: null,
        Uri: 'x',
        RecordingUrl: null,
        SubResourceUris: 'x',
      },
    );
    assert.strictEqual(c.Uri, `/v1/Accounts/acme1/Calls/${c.Sid}.json`);
    assert.deepStrictEqual(c.SubResourceUris, { Legs: `/v1/Accounts/acme1/Calls/${c.Sid}.json/Legs` });
  });

  it('answers with 0-prefixed national numbers whatever form was sent, as Exotel does', async () => {
    const cases: Array<[string, string]> = [
      ['+919876543210', '09876543210'],
      ['9876543210', '09876543210'],
      ['919876543210', '09876543210'],
      ['098765 43210', '09876543210'],
      ['080-4711-2345', '08047112345'],
    ];
    for (const [input, echoed] of cases) {
      const res = await connect(sb, { ...BASIC, To: input });
      assert.strictEqual(res.json.Call.To, echoed, input);
    }
    const e164Caller = await connect(sb, { From: '+919845012340', CallerId: '+918047112345', To: '09876543210' });
    assert.strictEqual(e164Caller.json.Call.From, '09845012340');
    assert.strictEqual(e164Caller.json.Call.PhoneNumberSid, '08047112345');
    // The call details, the listing and the StatusCallback say the same.
    sb.calls.fastForward();
    const sid = e164Caller.json.Call.Sid as string;
    assert.strictEqual((await call(sb, 'GET', `/Calls/${sid}.json`)).json.Call.From, '09845012340');
    const listed = (await call(sb, 'GET', `/Calls.json?Sid=${sid}`)).json.Calls[0];
    assert.deepStrictEqual([listed.From, listed.To], ['09845012340', '09876543210']);
  });

  it("keeps the old E.164 echo with numberEcho: 'as-sent'", async () => {
    const old = await start({ numberEcho: 'as-sent' });
    try {
      const res = await connect(old, { From: '+919845012340', CallerId: '+918047112345', To: '9876543210' });
      assert.deepStrictEqual([res.json.Call.From, res.json.Call.PhoneNumberSid, res.json.Call.To], ['+919845012340', '+918047112345', '09876543210']);
    } finally {
      await old.close();
    }
  });

  it('refuses a CallerId that is not one of its ExoPhones (400, its own wording naming them)', async () => {
    const res = await connect(sb, { From: '09845012340', CallerId: '08030752400', To: '09876543210' });
    assert.strictEqual(res.status, 400);
    assert.strictEqual(
      res.json.RestException.Message,
      "CallerId is not a valid ExoPhone: 08030752400 is not one of this account's ExoPhones (08047112345, 01141172345, 02261734567, 04471234567, 18003091234)",
    );
    assert.deepStrictEqual(sb.exoPhones, ['08047112345', '01141172345', '02261734567', '04471234567', '18003091234']);
    const anyForm = await connect(sb, { From: '09845012340', CallerId: '+91 80 4711 2345', To: '09876543210' });
    assert.strictEqual(anyForm.status, 200, 'an ExoPhone in any form is accepted');
    const own = await start({ exoPhones: ['+918030752400'] });
    try {
      assert.strictEqual((await connect(own, { From: '09845012340', CallerId: '08030752400', To: '09876543210' })).status, 200);
      assert.strictEqual((await connect(own, { From: '09845012340', CallerId: '08047112345', To: '09876543210' })).status, 400);
    } finally {
      await own.close();
    }
  });

  it('connects to a flow with Url: To is the ExoPhone, as in the 2025 capture', async () => {
    const res = await connect(sb, { ...BASIC, Url: 'http://my.exotel.com/acme1/exoml/start_voice/12345' });
    assert.strictEqual(res.status, 200);
    assert.strictEqual(res.json.Call.To, '08047112345');
    assert.strictEqual(res.json.Call.PhoneNumberSid, '08047112345');
    assert.strictEqual(sb.calls.get(res.json.Call.Sid)?.legs.length, 1);
  });

  const invalid: Array<[string, Record<string, string>, string]> = [
    ['From missing', { To: '09876543210', CallerId: '08047112345' }, "Missing mandatory parameter 'From'"],
    ['To and Url missing', { ...BASIC }, "Missing mandatory parameter 'To' (or 'Url' to connect From to a call flow)"],
    [
      'To and Url both',
      { ...BASIC, To: '09876543210', Url: 'http://my.exotel.com/a/exoml/start_voice/1' },
      "Send either 'To' (connect two numbers) or 'Url' (connect to a call flow), not both",
    ],
    ['CallerId missing', { From: '09845012340', To: '09876543210' }, "Missing mandatory parameter 'CallerId'"],
    ['From invalid', { ...BASIC, From: '12345', To: '09876543210' }, 'From number 12345 is invalid'],
    ['To invalid', { ...BASIC, To: '+91 12' }, 'To number +91 12 is invalid'],
    ['CallerId invalid', { ...BASIC, CallerId: 'abc', To: '09876543210' }, 'CallerId is not a valid ExoPhone'],
    ['TimeLimit too big', { ...BASIC, To: '09876543210', TimeLimit: '14401' }, "TimeLimit must be a whole number of seconds from 1 to 14400 (got '14401')"],
    ['TimeOut too big', { ...BASIC, To: '09876543210', TimeOut: '61' }, "TimeOut must be a whole number of seconds from 1 to 60 (got '61')"],
    ['TimeOut not a number', { ...BASIC, To: '09876543210', TimeOut: '30s' }, "TimeOut must be a whole number of seconds from 1 to 60 (got '30s')"],
    ['CustomField too long', { ...BASIC, To: '09876543210', CustomField: 'x'.repeat(129) }, 'CustomField must be at most 128 characters (got 129)'],
    [
      'StatusCallback not http',
      { ...BASIC, To: '09876543210', StatusCallback: 'ftp://example.com/cb' },
      "StatusCallback must be an absolute http:// or https:// URL (got 'ftp://example.com/cb')",
    ],
    ['Url not a URL', { ...BASIC, Url: 'start_voice/12' }, "Url must be an absolute http:// or https:// URL (got 'start_voice/12')"],
    ['WaitUrl relative', { ...BASIC, To: '09876543210', WaitUrl: '/wait.wav' }, "WaitUrl must be an absolute http:// or https:// URL (got '/wait.wav')"],
    ['Record not boolean', { ...BASIC, To: '09876543210', Record: 'yes' }, "Record must be 'true' or 'false' (got 'yes')"],
    ['RecordingChannels', { ...BASIC, To: '09876543210', RecordingChannels: 'stereo' }, "RecordingChannels must be one of 'single', 'dual' (got 'stereo')"],
    ['RecordingFormat', { ...BASIC, To: '09876543210', RecordingFormat: 'wav' }, "RecordingFormat must be one of 'mp3', 'mp3-hq' (got 'wav')"],
    [
      'StatusCallbackEvents',
      { ...BASIC, To: '09876543210', 'StatusCallbackEvents[0]': 'ringing' },
      "StatusCallbackEvents values must be 'terminal' or 'answered' (got 'ringing')",
    ],
    [
      'StatusCallbackContentType',
      { ...BASIC, To: '09876543210', StatusCallbackContentType: 'text/xml' },
      "StatusCallbackContentType must be one of 'multipart/form-data', 'application/json' (got 'text/xml')",
    ],
    ['CallType promo', { ...BASIC, To: '09876543210', CallType: 'promo' }, "CallType 'promo' is no longer supported; use 'trans'"],
  ];
  for (const [name, fields, message] of invalid) {
    it(`400 when ${name}`, async () => {
      const res = await connect(sb, fields);
      assert.strictEqual(res.status, 400);
      assert.deepStrictEqual(res.json, { RestException: { Status: 400, Message: message } });
    });
  }

  it('accepts a 128-character CustomField and the documented optional parameters', async () => {
    const res = await connect(sb, {
      ...BASIC,
      To: '09876543210',
      CustomField: 'y'.repeat(128),
      TimeLimit: '14400',
      TimeOut: '60',
      CallType: 'trans',
      Record: 'true',
      RecordingChannels: 'dual',
      RecordingFormat: 'mp3-hq',
      WaitUrl: 'https://example.com/wait.wav',
    });
    assert.strictEqual(res.status, 200);
    assert.strictEqual(sb.calls.get(res.json.Call.Sid)?.request?.customField, 'y'.repeat(128));
  });

  it('400 for a JSON body, which Exotel does not take', async () => {
    const res = await call(sb, 'POST', '/Calls/connect.json', {
      body: JSON.stringify({ ...BASIC, To: '09876543210' }),
      headers: { 'Content-Type': 'application/json' },
    });
    assert.strictEqual(res.status, 400);
    assert.strictEqual(res.json.RestException.Message, 'Calls/connect takes form parameters: send application/x-www-form-urlencoded or multipart/form-data');
  });

  it('400 for a broken multipart body, 413 for a body over 1 MB', async () => {
    const broken = await call(sb, 'POST', '/Calls/connect.json', { body: 'From=1', headers: { 'Content-Type': 'multipart/form-data' } });
    assert.strictEqual(broken.status, 400);
    assert.strictEqual(broken.json.RestException.Message, 'Malformed multipart/form-data body: Multipart: Boundary not found');
    assert.strictEqual(sb.lastRequest()?.body, 'From=1', 'the raw body is still logged');
    const huge = await call(sb, 'POST', '/Calls/connect.json', { body: `From=${'9'.repeat(1024 * 1024)}` });
    assert.strictEqual(huge.status, 413);
    assert.strictEqual(huge.json.RestException.Message, 'Request body larger than 1048576 bytes');
  });

  it('403 with the TRAI NDNC wording when To is in the DND series, naming the number as Exotel writes it', async () => {
    const e164 = await connect(sb, { ...BASIC, To: '+919000012345' });
    assert.strictEqual(e164.status, 403);
    assert.deepStrictEqual(e164.json, { RestException: { Status: 403, Message: 'Call to [09000012345] cannot be made because of TRAI NDNC regulations' } });
    const national = await connect(sb, { ...BASIC, To: '09000054321' }, '');
    assert.strictEqual(national.status, 403);
    assert.strictEqual(
      national.text,
      '<?xml version="1.0" encoding="UTF-8"?>\n<TwilioResponse>\n <RestException>\n  <Status>403</Status>\n' +
        '  <Message>Call to [09000054321] cannot be made because of TRAI NDNC regulations</Message>\n </RestException>\n</TwilioResponse>\n',
    );
  });

  it('403 DND applies to From on a flow call (From is the number dialled)', async () => {
    const res = await connect(sb, { From: '09000011111', CallerId: '08047112345', Url: 'http://my.exotel.com/acme1/exoml/start_voice/1' });
    assert.strictEqual(res.status, 403);
    assert.strictEqual(res.json.RestException.Message, 'Call to [09000011111] cannot be made because of TRAI NDNC regulations');
  });

  it('403 KYC (the observed body) when CallerId or From is in the KYC series', async () => {
    const expected = {
      RestException: { Status: 403, Message: 'Your account is not yet KYC compliant. This is mandatory by TRAI guidelines to connect outbound voice calls.' },
    };
    const byCaller = await connect(sb, { From: '09845012340', CallerId: '+919000212345', To: '09876543210' });
    assert.strictEqual(byCaller.status, 403);
    assert.deepStrictEqual(byCaller.json, expected);
    const byFrom = await connect(sb, { From: '09000200000', CallerId: '08047112345', To: '09876543210' });
    assert.deepStrictEqual(byFrom.json, expected);
  });

  it('takes multipart/form-data bodies too', async () => {
    const body = new FormData();
    body.append('From', '09845012340');
    body.append('To', '09876543212');
    body.append('CallerId', '08047112345');
    body.append('StatusCallbackEvents[0]', 'terminal');
    const res = await call(sb, 'POST', '/Calls/connect.json', { body });
    assert.strictEqual(res.status, 200);
    assert.strictEqual(res.json.Call.To, '09876543212');
    const logged = sb.lastRequest();
    assert.strictEqual(logged?.bodyKind, 'multipart');
    assert.deepStrictEqual(logged?.params, { From: '09845012340', To: '09876543212', CallerId: '08047112345', 'StatusCallbackEvents[0]': 'terminal' });
    assert.deepStrictEqual(sb.calls.get(res.json.Call.Sid)?.request?.statusCallbackEvents, ['terminal']);
  });

  it('logs the exact request: method, path, query, Authorization, raw body, params (arrays kept)', async () => {
    const body = `${form({ ...BASIC, To: '+919876543210' })}&StatusCallbackEvents%5B0%5D=terminal&StatusCallbackEvents%5B1%5D=answered`;
    const res = await call(sb, 'POST', '/Calls/connect.json?probe=1', { body });
    assert.strictEqual(res.status, 200);
    const logged = sb.lastRequest();
    assert.ok(logged);
    assert.strictEqual(logged.method, 'POST');
    assert.strictEqual(logged.path, '/v1/Accounts/acme1/Calls/connect.json');
    assert.strictEqual(logged.url, '/v1/Accounts/acme1/Calls/connect.json?probe=1');
    assert.deepStrictEqual(logged.query, { probe: '1' });
    assert.strictEqual(logged.headers.authorization, `Basic ${Buffer.from(`${sb.apiKey}:${sb.apiToken}`).toString('base64')}`);
    assert.strictEqual(logged.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.strictEqual(logged.body, body);
    assert.strictEqual(logged.rawBody.toString('utf8'), body);
    assert.strictEqual(logged.status, 200);
    assert.deepStrictEqual(logged.params, {
      From: '09845012340',
      CallerId: '08047112345',
      To: '+919876543210',
      'StatusCallbackEvents[0]': 'terminal',
      'StatusCallbackEvents[1]': 'answered',
    });
    assert.deepStrictEqual(sb.calls.get(res.json.Call.Sid)?.request?.statusCallbackEvents, ['terminal', 'answered']);
  });
});
