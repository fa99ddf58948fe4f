// Real-world variants of Exotel's answers that a strict reader gets wrong, over loopback HTTP: mislabelled
// JSON, a RestException in the body's status or in a 200, gateway pages after a connect, odd cursors, bad rows.
import * as assert from 'assert';
import { mayHavePlacedCall } from '../../../src/exotel';
import { Loopback, Reply, startLoopback } from '../../helpers/loopback';
import { ACCOUNT, makeClient, rejection } from './clientHarness';

const CONNECT = { from: '9876543210', to: '9123456780', callerId: '08030752400' };
const SID = 'b'.repeat(32);
const okCall = JSON.stringify({ Call: { Sid: SID, Status: 'in-progress' } });

describe('client: payload variants over loopback HTTP', () => {
  let server: Loopback;
  let reply: Reply;
  before(async () => {
    server = await startLoopback(() => reply);
  });
  after(() => server.close());
  const client = () => makeClient(server.baseUrl).client;
  const sent = () => server.received.length;

  it('JSON labelled text/html, or after a BOM, is still JSON: a placed call is not reported as a failure', async () => {
    reply = { body: okCall, headers: { 'Content-Type': 'text/html; charset=UTF-8' } };
    assert.strictEqual((await client().connectCall(CONNECT)).sid, SID);
    reply = { body: `\uFEFF${okCall}`, headers: { 'Content-Type': 'application/json' } };
    assert.strictEqual((await client().getCall(SID)).sid, SID);
  });

  for (const [label, body] of [
    ['a cut-short body', '{"Call":{"Sid":"'],
    ['an empty body', ''],
    ['a body with no Call', '{"Foo":1}'],
  ] as const) {
    it(`a connect answered 200 with ${label} may have placed the call: it says so and is not sent again`, async () => {
      reply = { body };
      const before = sent();
      const err = await rejection(() => client().connectCall(CONNECT));
      assert.strictEqual(sent() - before, 1);
      assert.ok(mayHavePlacedCall(err), err.message);
      assert.match(err.message, /accepted it.*check the call log before trying again\.$/s);
      assert.doesNotMatch(err.message, /Try again/);
    });
  }

  it('a connect answered 200 with an HTML page does not claim Exotel accepted it, and still points at the call log', async () => {
    reply = { body: '<!DOCTYPE html><html><body>Welcome</body></html>', headers: { 'Content-Type': 'text/html' } };
    const err = await rejection(() => client().connectCall(CONNECT));
    assert.ok(mayHavePlacedCall(err), err.message);
    assert.doesNotMatch(err.message, /Exotel accepted/);
    assert.match(err.message, /HTML page.*Whether the call reached Exotel is unknown.*check the call log/s);
  });

  it("a gateway 502 page after a connect may have placed the call; Exotel's own 503 (fixture 18) did not", async () => {
    reply = { status: 502, body: '<html><body>Bad Gateway</body></html>', headers: { 'Content-Type': 'text/html' } };
    const gateway = await rejection(() => client().connectCall(CONNECT));
    assert.ok(mayHavePlacedCall(gateway), gateway.message);
    assert.match(gateway.message, /\(502\)\. The call may have been placed/);
    reply = { status: 503, body: '{"RestException":{"Status":503,"Message":"Service Unavailable; ","Code":35008}}' };
    const exotel = await rejection(() => client().connectCall(CONNECT));
    assert.ok(!mayHavePlacedCall(exotel), exotel.message);
  });

  it('"No matching results" (F08, docs/exotel-api-notes.md, Call details) in an HTTP 400 is a NotFoundError: the body\'s Status is the specific one', async () => {
    reply = { status: 400, body: '{"RestException":{"Status":404,"Message":"No matching results"}}' };
    const err = await rejection(() => client().getCall(SID));
    assert.strictEqual((err as { kind?: string }).kind, 'not-found');
    assert.match(err.message, /No matching results/);
  });

  it("a RestException inside a 200 is Exotel's refusal, with its message, not a shape error", async () => {
    reply = { body: '{"RestException":{"Status":403,"Message":"Your account is not yet KYC compliant"}}' };
    const err = await rejection(() => client().connectCall(CONNECT));
    assert.strictEqual((err as { kind?: string }).kind, 'forbidden');
    assert.strictEqual((err as { reason?: string }).reason, 'kyc');
    assert.ok(!mayHavePlacedCall(err));
    reply = { body: '{"RestException":{"Message":"Invalid To"}}' };
    const bare = await rejection(() => client().getCall(SID));
    assert.match(bare.message, /Exotel rejected the request.*Invalid To/);
  });

  it('an XML RestException with its message in CDATA keeps the message', async () => {
    reply = {
      status: 403,
      body: '<TwilioResponse><RestException><Status>403</Status><Message><![CDATA[Call to [01234] cannot be made because of TRAI NDNC regulations]]></Message></RestException></TwilioResponse>',
    };
    const err = await rejection(() => client().connectCall(CONNECT));
    assert.strictEqual((err as { reason?: string }).reason, 'dnd');
    assert.match(err.message, /TRAI NDNC regulations/);
  });

  it('next-page links with raw spaces in the filter or // in a base64 cursor are followed, as sent', async () => {
    const c = client();
    for (const [link, expected] of [
      [
        `/v1/Accounts/${ACCOUNT}/Calls.json?DateCreated=gte:2026-11-01 00:00:00;lte:2026-11-02 00:00:00&After=xyz`,
        `/v1/Accounts/${ACCOUNT}/Calls.json?DateCreated=gte:2026-11-01%2000:00:00;lte:2026-11-02%2000:00:00&After=xyz`,
      ],
      [`/v1/Accounts/${ACCOUNT}/Calls.json?After=ab//cd==`, `/v1/Accounts/${ACCOUNT}/Calls.json?After=ab//cd==`],
      [`${server.baseUrl}/v1/Accounts/${ACCOUNT}/Calls?After=q`, `/v1/Accounts/${ACCOUNT}/Calls.json?After=q`],
    ]) {
      reply = { body: JSON.stringify({ Metadata: {}, Calls: [] }) };
      assert.ok(await c.nextPage({ calls: [], nextPageUri: link }), link);
      assert.strictEqual(server.received.at(-1)!.url, expected);
    }
  });

  it('previousPage follows PrevPageUri within the account, and is undefined on the first page', async () => {
    const c = client();
    reply = { body: JSON.stringify({ Metadata: { PrevPageUri: null }, Calls: [] }) };
    const back = await c.previousPage({ calls: [], prevPageUri: `/v1/Accounts/${ACCOUNT}/Calls.json?Before=abc` });
    assert.ok(back);
    assert.strictEqual(server.received.at(-1)!.url, `/v1/Accounts/${ACCOUNT}/Calls.json?Before=abc`);
    assert.strictEqual(await c.previousPage(back), undefined);
    await assert.rejects(c.previousPage({ calls: [], prevPageUri: 'https://evil.example/v1/Accounts/x/Calls.json' }), /not followed/);
  });

  it('a next-page link that climbs out of the call list with .. is not followed', async () => {
    const before = sent();
    await assert.rejects(client().nextPage({ calls: [], nextPageUri: `/v1/Accounts/${ACCOUNT}/Calls/../../other/Calls.json?After=1` }), /not followed/);
    assert.strictEqual(sent(), before);
  });

  it('one unreadable row costs only itself: the rest of the page is kept and the skip is counted', async () => {
    reply = { body: JSON.stringify({ Metadata: {}, Calls: [JSON.parse(okCall).Call, { Status: 'completed' }, 'junk'] }) };
    const page = await client().listCalls();
    assert.deepStrictEqual(
      page.calls.map(c => c.sid),
      [SID],
    );
    assert.strictEqual(page.skipped, 2);
    reply = { body: JSON.stringify({ Metadata: {}, Calls: [{ Status: 'completed' }] }) };
    await assert.rejects(client().listCalls(), /no call on the page could be read/);
  });

  it('number metadata without PhoneNumber is the number that was asked about', async () => {
    reply = { body: '{"Numbers":{"Circle":"GJ","Type":"Mobile","DND":"No","PhoneNumber":null}}' };
    const meta = await client().getNumberMetadata('+919876543210');
    assert.strictEqual(meta.phoneNumber, '+919876543210');
    assert.strictEqual(meta.circle, 'GJ');
  });

  it('prices written ".5" or "+1.5" are numbers', async () => {
    reply = { body: JSON.stringify({ Call: { Sid: SID, Status: 'completed', Price: '.5' } }) };
    assert.strictEqual((await client().getCall(SID)).price, 0.5);
    reply = { body: JSON.stringify({ Call: { Sid: SID, Status: 'completed', Price: '+1.5' } }) };
    assert.strictEqual((await client().getCall(SID)).price, 1.5);
  });

  it('an impossible date (31 February) is refused before anything is sent', async () => {
    const before = sent();
    const err = await rejection(() => client().listCalls({ dateCreated: { gte: '2026-02-31 00:00:00', lte: '2026-03-05 00:00:00' } }));
    assert.strictEqual((err as { kind?: string }).kind, 'validation');
    assert.strictEqual(sent(), before);
  });

  it('a connect cancelled after it was sent may have placed the call', async () => {
    reply = { body: okCall, delayMs: 2000 };
    const abort = new AbortController();
    const before = sent();
    const pending = rejection(() => client().connectCall(CONNECT, { signal: abort.signal }));
    // Cancelled once the server has the request (it answers only 2 s later).
    while (sent() === before) await new Promise(r => setTimeout(r, 5));
    abort.abort();
    const err = await pending;
    assert.strictEqual((err as { kind?: string }).kind, 'cancelled');
    assert.ok(mayHavePlacedCall(err), err.message);
  });
});
