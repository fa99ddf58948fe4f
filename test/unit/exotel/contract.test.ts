// Contract tests: each public example payload served over real HTTP on 127.0.0.1, decoded by the client.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { startLoopback, Loopback } from '../../helpers/loopback';
import { ACCOUNT, makeClient } from './clientHarness';

const FIXTURES = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'exotel');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

describe('client contract: the shared fixtures over loopback HTTP', () => {
  let server: Loopback;
  let body = '';
  let status = 200;
  before(async () => {
    server = await startLoopback(() => ({ status, body }));
  });
  after(() => server.close());
  beforeEach(() => {
    status = 200;
  });

  it('F01: a connect response with SubResourceUris and a SID ending in a letter', async () => {
    body = fixture('01_connect_response_exotel-ExotelAPI_csharp.json');
    const call = await makeClient(server.baseUrl).client.connectCall({ from: '+917800000000', to: '+919890000000', callerId: '08030752400' });
    assert.strictEqual(call.sid, '40ccc7656e1a3eb66c6cb2be57d1142k');
    assert.strictEqual(call.status, 'in-progress');
    assert.strictEqual(call.to, '+919890000000');
    assert.strictEqual(call.phoneNumberSid, '+60327712799');
    assert.strictEqual(call.duration, undefined);
    assert.strictEqual(call.price, undefined);
    assert.strictEqual(call.endTime, undefined);
    assert.strictEqual(call.direction, 'outbound-api');
  });

  it('F04: the docs connect response with 0-prefixed numbers and the odd Uri form', async () => {
    body = fixture('04_connect_response_docs_v1.json');
    const call = await makeClient(server.baseUrl).client.connectCall({ from: '+917800000000', to: '+919890000000', callerId: '08030752400' });
    assert.strictEqual(call.sid, 'c5797dcbaaeed7678c4062a4a3ed2f8a');
    assert.strictEqual(call.from, '0XXXXX30240');
    assert.strictEqual(call.uri, '/v1/Accounts/Exotel/Calls.json/c5797dcbaaeed7678c4062a4a3ed2f8a');
  });

  it('F05: a flow call with To null decodes To as absent', async () => {
    body = fixture('05_connect_to_flow_response_docs_v1.json');
    const call = await makeClient(server.baseUrl).client.connectToFlow({ from: '09876543210', callerId: '08030752400', flow: { appId: '12345' } });
    assert.strictEqual(call.to, undefined);
    assert.strictEqual(call.from, '09876543210');
    const sent = new URLSearchParams(server.received.at(-1)!.body);
    assert.strictEqual(sent.get('Url'), `http://my.exotel.com/${ACCOUNT}/exoml/start_voice/12345`);
    assert.strictEqual(sent.get('To'), null);
  });

  it('F09: call details with Details, string Duration and Price', async () => {
    body = fixture('09_call_details_with_details_docs_v1.json');
    const call = await makeClient(server.baseUrl).client.getCall('b6cfaf5f5cef3ca0fc937749ef96d245', { details: true, recordingUrlValidity: 10 });
    assert.strictEqual(call.duration, 17);
    assert.strictEqual(call.price, 1.5);
    assert.deepStrictEqual(call.details, {
      conversationDuration: 8,
      leg1Status: 'completed',
      leg2Status: 'completed',
      legs: [
        { id: 1, onCallDuration: 21 },
        { id: 2, onCallDuration: 8 },
      ],
    });
    assert.match(server.received.at(-1)!.url, /\/Calls\/b6cfaf5f5cef3ca0fc937749ef96d245\.json\?details=true&RecordingUrlValidity=10$/);
  });

  it('a 2019-style capture: numbers as numbers, empty strings as absent', async () => {
    body = JSON.stringify({
      Call: {
        Sid: 'a'.repeat(32),
        ParentCallSid: '',
        Status: 'completed',
        Duration: 17,
        Price: 0,
        RecordingUrl: '',
        AnsweredBy: 'human',
        Direction: 'inbound',
      },
    });
    const call = await makeClient(server.baseUrl).client.getCall('a'.repeat(32));
    assert.strictEqual(call.duration, 17);
    assert.strictEqual(call.price, 0);
    assert.strictEqual(call.parentCallSid, undefined);
    assert.strictEqual(call.recordingUrl, undefined);
    assert.strictEqual(call.answeredBy, 'human');
  });

  it('F10: a bulk page with its cursors', async () => {
    body = fixture('10_bulk_call_details_docs_v1.json').replace(/<sid>/g, ACCOUNT);
    const { client } = makeClient(server.baseUrl);
    const page = await client.listCalls({ pageSize: 20 });
    assert.strictEqual(page.total, 1027);
    assert.strictEqual(page.pageSize, 20);
    assert.strictEqual(page.calls.length, 1);
    assert.strictEqual(page.calls[0].duration, 45);
    assert.strictEqual(page.nextPageUri, `/v1/Accounts/${ACCOUNT}/Calls.json?After=xyz...`);
    body = JSON.stringify({ Metadata: { Total: 1027, PageSize: 20, NextPageUri: null }, Calls: [] });
    const next = await client.nextPage(page);
    assert.ok(next);
    assert.strictEqual(server.received.at(-1)!.url, `/v1/Accounts/${ACCOUNT}/Calls.json?After=xyz...`);
    assert.strictEqual(await client.nextPage(next), undefined, 'a null NextPageUri ends the paging');
  });

  it('paging stops when the server repeats a cursor', async () => {
    body = JSON.stringify({ Metadata: { NextPageUri: `/v1/Accounts/${ACCOUNT}/Calls.json?After=same` }, Calls: [] });
    const pages = [];
    for await (const page of makeClient(server.baseUrl).client.pages()) pages.push(page);
    assert.strictEqual(pages.length, 2, 'the first page, then the one behind the cursor; the repeat is not followed');
  });

  it('a next-page link to another host or account is not followed with our credentials', async () => {
    const { client } = makeClient(server.baseUrl);
    for (const nextPageUri of ['https://evil.example/v1/Accounts/x/Calls.json?After=1', '/v1/Accounts/other/Calls.json?After=1', '//evil.example/v1']) {
      const before = server.received.length;
      await assert.rejects(client.nextPage({ calls: [], nextPageUri }), /not followed/);
      assert.strictEqual(server.received.length, before);
    }
  });

  for (const [file, expected] of [
    ['11_number_metadata_docs_legacy.json', { circle: 'GJ', type: 'Mobile', operator: 'R', operatorName: 'Reliance', dnd: 'Yes' }],
    ['12_number_metadata_docs_v1_new.json', { circle: 'GJ' }],
  ] as const) {
    it(`${file.slice(0, 2)}: number metadata`, async () => {
      body = fixture(file);
      const meta = await makeClient(server.baseUrl).client.getNumberMetadata('09876543210');
      for (const [k, v] of Object.entries(expected)) assert.strictEqual((meta as unknown as Record<string, unknown>)[k], v, k);
      assert.ok(meta.circleName?.startsWith('Gujarat Telecom Circle'));
      assert.strictEqual(server.received.at(-1)!.url, `/v1/Accounts/${ACCOUNT}/Numbers/%2B919876543210.json`);
    });
  }

  it('F16: a 403 for KYC becomes a ForbiddenError that explains KYC', async () => {
    status = 403;
    body = fixture('16_error_403_kyc_voice_observed.json');
    await assert.rejects(
      makeClient(server.baseUrl).client.connectCall({ from: '9876543210', to: '9123456780', callerId: '08030752400' }),
      (e: Error & { kind?: string; reason?: string }) => e.kind === 'forbidden' && e.reason === 'kyc' && /KYC/.test(e.message) && /dashboard/.test(e.message),
    );
  });

  it('F18: a 503 with Code 35008 on connect is a ServerError and is not retried', async () => {
    status = 503;
    body = fixture('18_error_503_connect_observed.json');
    const before = server.received.length;
    await assert.rejects(
      makeClient(server.baseUrl).client.connectCall({ from: '9876543210', to: '9123456780', callerId: '08030752400' }),
      (e: Error & { kind?: string; code?: number }) => e.kind === 'server' && e.code === 35008 && /35008/.test(e.message),
    );
    assert.strictEqual(server.received.length - before, 1, 'exactly one POST');
  });

  it("F23/F24: a 400 carries Exotel's own message", async () => {
    status = 400;
    for (const f of ['23_error_400_invalid_from_SYNTHETIC_test.json', '24_error_400_invalid_callerid_SYNTHETIC_test.json']) {
      body = fixture(f);
      const said = (JSON.parse(body) as { RestException: { Message: string } }).RestException.Message;
      await assert.rejects(
        makeClient(server.baseUrl).client.connectCall({ from: '9876543210', to: '9123456780', callerId: '08030752400' }),
        (e: Error & { status?: number }) => e.status === 400 && e.message.includes(said),
      );
    }
  });

  it('F25: a 401 mentions the region', async () => {
    status = 401;
    body = fixture('25_error_401_SYNTHETIC_test.json');
    await assert.rejects(
      makeClient(server.baseUrl).client.listCalls(),
      (e: Error & { kind?: string }) => e.kind === 'auth' && /api\.in\.exotel\.com/.test(e.message),
    );
  });

  it('an XML RestException (the 2012 DND form) is read as well', async () => {
    status = 403;
    body =
      '<?xml version="1.0" encoding="UTF-8"?>\n<TwilioResponse><RestException><Status>403</Status><Message>Call to [01234] cannot be made because of TRAI NDNC regulations</Message></RestException></TwilioResponse>';
    await assert.rejects(
      makeClient(server.baseUrl).client.connectCall({ from: '9876543210', to: '9123456780', callerId: '08030752400' }),
      (e: Error & { reason?: string }) => e.reason === 'dnd' && /NDNC/.test(e.message) && /6 months/.test(e.message),
    );
  });
});
