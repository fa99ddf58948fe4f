// Recordings as on a real account since Oct 2024: RecordingUrl is private (Basic auth), and the "signed URLs"
// account mode adds PreSignedRecordingUrl, which needs no credentials and is refused once expired.
import * as assert from 'assert';
import { Sandbox } from '../../../src/sandbox';
import { BASIC, call, connect, start, webhook, waitFor } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function details(sb: Sandbox, sid: string, query = ''): Promise<any> {
  return (await call(sb, 'GET', `/Calls/${sid}.json${query}`)).json.Call;
}

async function recordedCall(sb: Sandbox, to = '09876543210'): Promise<string> {
  const res = await connect(sb, { ...BASIC, To: to, Record: 'true' });
  sb.calls.fastForward();
  return res.json.Call.Sid as string;
}

describe('sandbox: private recordings (no signed URLs)', () => {
  let sb: Sandbox;
  before(async () => (sb = await start()));
  after(() => sb.close());

  it('RecordingUrl appears only for a recorded, completed call; no PreSignedRecordingUrl field at all', async () => {
    const done = await recordedCall(sb);
    const busy = await recordedCall(sb, '09876543215');
    const c = await details(sb, done);
    assert.match(c.RecordingUrl, new RegExp(`^${sb.baseUrl}/exotelrecordings/${sb.accountSid}/[0-9A-Za-z._-]+\\.mp3$`));
    assert.ok(!('PreSignedRecordingUrl' in c), 'an account without signed URLs has no such field');
    assert.strictEqual((await details(sb, busy)).RecordingUrl, null);
  });

  it('serves the file only with the API key and token: 401 without, 401 with a wrong token', async () => {
    const sid = await recordedCall(sb);
    const url = (await details(sb, sid)).RecordingUrl as string;
    const anonymous = await fetch(url);
    assert.strictEqual(anonymous.status, 401);
    assert.match(anonymous.headers.get('www-authenticate') ?? '', /^Basic/);
    const wrong = await fetch(url, { headers: { Authorization: `Basic ${Buffer.from(`${sb.apiKey}:nope`).toString('base64')}` } });
    assert.strictEqual(wrong.status, 401);
    const audio = await fetch(url, { headers: { Authorization: sb.authorization } });
    assert.strictEqual(audio.status, 200);
    assert.strictEqual(audio.headers.get('content-type'), 'audio/mpeg');
    const bytes = Buffer.from(await audio.arrayBuffer());
    assert.deepStrictEqual([...bytes.subarray(0, 3)], [0xff, 0xfb, 0x90]);
    assert.strictEqual(bytes.length, 417 * 39);
  });

  it('a call without a recording is 404 even with credentials', async () => {
    const busy = await recordedCall(sb, '09876543215');
    assert.strictEqual(
      (await fetch(`${sb.baseUrl}/exotelrecordings/${sb.accountSid}/${busy}.mp3`, { headers: { Authorization: sb.authorization } })).status,
      404,
    );
  });

  it("Exotel's link shape, /exotelrecordings/<account>/<file>.mp3, whose file is not always the CallSid: each file is its own call's", async () => {
    const sids = await Promise.all(Array.from({ length: 12 }, () => recordedCall(sb)));
    const urls = await Promise.all(sids.map(async sid => (await details(sb, sid)).RecordingUrl as string));
    const files = urls.map(u => /\/exotelrecordings\/[^/]+\/([^/]+)\.mp3$/.exec(u)?.[1]);
    assert.ok(
      files.some((f, i) => f === sids[i]),
      'some are named by the CallSid',
    );
    const other = files.findIndex((f, i) => f !== sids[i]);
    assert.ok(other >= 0, 'and some are not');
    assert.match(files[other] ?? '', /^\d+\.\d+_\d$/, "Exotel's other style: <epoch>.<fraction>_<n>");
    assert.strictEqual(new Set(files).size, files.length);
    for (const url of [urls[other], urls[files.findIndex((f, i) => f === sids[i])]]) {
      assert.strictEqual((await fetch(url, { headers: { Authorization: sb.authorization } })).status, 200, url);
    }
    const otherAccount = urls[other].replace(`/exotelrecordings/${sb.accountSid}/`, '/exotelrecordings/someoneelse/');
    assert.strictEqual((await fetch(otherAccount, { headers: { Authorization: sb.authorization } })).status, 404, "another account's path");
  });
});

describe('sandbox: signed recording URLs', () => {
  let sb: Sandbox;
  let clock = Date.UTC(2025, 5, 1, 6, 0, 0);
  before(async () => (sb = await start({ now: () => new Date(clock), signedRecordingUrls: true })));
  after(() => sb.close());

  it('call details and the bulk listing add PreSignedRecordingUrl after RecordingUrl; RecordingUrlValidity sets its expiry', async () => {
    const sid = await recordedCall(sb);
    const c = await details(sb, sid, '?RecordingUrlValidity=10');
    const keys = Object.keys(c);
    assert.strictEqual(keys.indexOf('PreSignedRecordingUrl'), keys.indexOf('RecordingUrl') + 1);
    assert.match(c.RecordingUrl, new RegExp(`^${sb.baseUrl}/exotelrecordings/${sb.accountSid}/[0-9A-Za-z._-]+\\.mp3$`), 'the plain link stays private');
    const expires = Math.floor(clock / 1000) + 600;
    assert.strictEqual(c.PreSignedRecordingUrl.split('?')[0], c.RecordingUrl);
    assert.match(c.PreSignedRecordingUrl, new RegExp(`\\.mp3\\?Expires=${expires}&Signature=[0-9a-f]{32}$`));
    const byDefault = await details(sb, sid);
    assert.match(byDefault.PreSignedRecordingUrl, new RegExp(`Expires=${Math.floor(clock / 1000) + 300}&`), 'the account default is 5 minutes');
    const listed = (await call(sb, 'GET', `/Calls.json?Sid=${sid}&RecordingUrlValidity=10`)).json.Calls[0];
    assert.strictEqual(listed.PreSignedRecordingUrl, c.PreSignedRecordingUrl);
    const unrecorded = (await connect(sb, { ...BASIC, To: '09876543210' })).json.Call;
    assert.strictEqual(unrecorded.PreSignedRecordingUrl, null);
  });

  it('the signed link plays without credentials until it expires; a tampered or expired one is refused (403)', async () => {
    const sid = await recordedCall(sb);
    const url = (await details(sb, sid, '?RecordingUrlValidity=5')).PreSignedRecordingUrl as string;
    assert.strictEqual((await fetch(url)).status, 200);
    const tampered = await fetch(url.replace(/Expires=(\d+)/, (_m, e: string) => `Expires=${Number(e) + 600}`));
    assert.strictEqual(tampered.status, 403);
    assert.strictEqual(await tampered.text(), 'Signature does not match\n');
    clock += 301_000;
    const expired = await fetch(url);
    assert.strictEqual(expired.status, 403);
    assert.strictEqual(await expired.text(), 'Request has expired\n');
    assert.strictEqual(
      (await fetch(url.replace(/\?.*$/, ''), { headers: { Authorization: sb.authorization } })).status,
      200,
      'the private link still works with credentials',
    );
  });

  it('StatusCallbacks carry PreSignedRecordingUrl too, and the mode can be turned off', async () => {
    const hook = await webhook();
    try {
      const res = await connect(sb, { ...BASIC, To: '09876543210', Record: 'true', StatusCallback: hook.url, StatusCallbackContentType: 'application/json' });
      sb.calls.fastForward();
      const got = await waitFor('the callback', () => hook.received[0], 3000);
      assert.strictEqual(got.json?.CallSid, res.json.Call.Sid);
      assert.match(String(got.json?.PreSignedRecordingUrl), /\?Expires=\d+&Signature=[0-9a-f]{32}$/);
      sb.setSignedRecordingUrls(false);
      assert.ok(!('PreSignedRecordingUrl' in (await details(sb, res.json.Call.Sid))));
    } finally {
      sb.setSignedRecordingUrls(true);
      await hook.close();
    }
  });
});
