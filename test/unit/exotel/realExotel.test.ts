// Where a real account differs from the happy path: private recordings and PreSignedRecordingUrl, 429 without
// Retry-After (or with a plain-text body), the flow host per region. Client and sandbox over real loopback HTTP.
import * as assert from 'assert';
import { ExotelClient, isExotelHost, mayCarryCredentials, recordingFileName, recordingSource, RateLimitError, RecordingError } from '../../../src/exotel';
import { Sandbox } from '../../../src/sandbox';
import { startLoopback } from '../../helpers/loopback';
import { start } from '../sandbox/helpers';
import { CANARY_TOKEN, makeClient, rejection } from './clientHarness';

function sandboxClient(sb: Sandbox, extra: Parameters<typeof makeClient>[1] = {}): ExotelClient {
  return makeClient(sb.baseUrl, { accountSid: sb.accountSid, apiKey: sb.apiKey, apiToken: sb.apiToken, ...extra }).client;
}

async function download(client: ExotelClient, source: NonNullable<ReturnType<ExotelClient['recordingSource']>>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let progress = 0;
  await client.fetchRecording(source, {
    onData: c => {
      chunks.push(c);
    },
    onProgress: n => {
      progress = n;
    },
  });
  const all = Buffer.concat(chunks);
  assert.strictEqual(progress, all.length, 'progress reports every byte');
  return all;
}

describe('recordings: which link, and whether credentials go with it', () => {
  it('Exotel hosts are exotel.com / exotel.in and their subdomains only', () => {
    for (const h of ['exotel.com', 'recordings.exotel.com', 'api.in.exotel.com', 'my.exotel.in']) assert.ok(isExotelHost(h), h);
    for (const h of ['exotel.com.evil.io', 'notexotel.com', 's3-ap-southeast-1.amazonaws.com', 'exotel.co']) assert.ok(!isExotelHost(h), h);
  });

  it('credentials only over https to an Exotel host, or to the API origin itself; never with userinfo or plain http elsewhere', () => {
    const api = 'https://api.exotel.com';
    assert.ok(mayCarryCredentials('https://recordings.exotel.com/x/1.mp3', api));
    assert.ok(!mayCarryCredentials('http://recordings.exotel.com/x/1.mp3', api), 'not over plain http');
    assert.ok(!mayCarryCredentials('https://s3-ap-southeast-1.amazonaws.com/exotelrecordings/1.mp3', api));
    assert.ok(!mayCarryCredentials('https://u:p@recordings.exotel.com/1.mp3', api));
    assert.ok(mayCarryCredentials('http://127.0.0.1:4000/sandbox/recordings/1.mp3', 'http://127.0.0.1:4000'), "the sandbox's own origin");
    assert.ok(!mayCarryCredentials('http://127.0.0.1:4001/sandbox/recordings/1.mp3', 'http://127.0.0.1:4000'), 'another port is another origin');
  });

  it('prefers the pre-signed link; tolerates it absent, null or ""', () => {
    const api = 'https://api.exotel.com';
    const plain = 'https://recordings.exotel.com/a/b.mp3';
    assert.deepStrictEqual(recordingSource({ recordingUrl: plain, preSignedRecordingUrl: 'https://s3.amazonaws.com/b.mp3?X-Amz-Signature=1' }, api), {
      kind: 'presigned',
      url: 'https://s3.amazonaws.com/b.mp3?X-Amz-Signature=1',
    });
    assert.deepStrictEqual(recordingSource({ recordingUrl: plain }, api), { kind: 'private', url: plain });
    assert.deepStrictEqual(recordingSource({ recordingUrl: 'https://s3.amazonaws.com/old.mp3' }, api), {
      kind: 'foreign',
      url: 'https://s3.amazonaws.com/old.mp3',
    });
    assert.strictEqual(recordingSource({}, api), undefined);
    assert.strictEqual(recordingSource({ recordingUrl: 'javascript:alert(1)' }, api), undefined);
    assert.strictEqual(recordingFileName('a'.repeat(32), 'https://x.exotel.com/r/1.WAV?sig=1'), `${'a'.repeat(32)}.wav`);
  });

  for (const [label, value] of [
    ['absent', undefined],
    ['null', null],
    ['""', ''],
  ] as const) {
    it(`decodes PreSignedRecordingUrl ${label} as no pre-signed link`, async () => {
      const call: Record<string, unknown> = { Sid: 'c'.repeat(32), Status: 'completed', RecordingUrl: 'https://recordings.exotel.com/r.mp3' };
      if (label !== 'absent') call.PreSignedRecordingUrl = value;
      const server = await startLoopback(() => ({ body: JSON.stringify({ Call: call }) }));
      try {
        const got = await makeClient(server.baseUrl).client.getCall('c'.repeat(32));
        assert.strictEqual(got.preSignedRecordingUrl, undefined);
        assert.strictEqual(got.recordingUrl, 'https://recordings.exotel.com/r.mp3');
      } finally {
        await server.close();
      }
    });
  }

  it('a listing page keeps PreSignedRecordingUrl per call', async () => {
    const page = {
      Metadata: { Total: 1, PageSize: 50 },
      Calls: [{ Sid: 'd'.repeat(32), Status: 'completed', PreSignedRecordingUrl: 'https://s3.example/r.mp3?sig=1' }],
    };
    const server = await startLoopback(() => ({ body: JSON.stringify(page) }));
    try {
      const got = await makeClient(server.baseUrl).client.listCalls();
      assert.strictEqual(got.calls[0].preSignedRecordingUrl, 'https://s3.example/r.mp3?sig=1');
    } finally {
      await server.close();
    }
  });
});

describe('recordings: fetched by the client from the sandbox', () => {
  it('a private recording is fetched with the key and token in a header (never in the URL)', async () => {
    const sb = await start();
    try {
      const res = await sandboxClient(sb).connectCall({ from: '+919845012340', to: '+919876543210', callerId: '+918047112345', record: true });
      sb.calls.fastForward();
      const client = sandboxClient(sb);
      const call = await client.getCall(res.sid);
      assert.strictEqual(call.preSignedRecordingUrl, undefined);
      const source = client.recordingSource(call)!;
      assert.strictEqual(source.kind, 'private');
      const bytes = await download(client, source);
      assert.strictEqual(bytes.length, 417 * 39);
      const got = sb.requests.at(-1)!;
      assert.match(got.url, new RegExp(`^/exotelrecordings/${sb.accountSid}/[0-9A-Za-z._-]+\\.mp3$`));
      assert.ok(!got.url.includes(sb.apiToken));
    } finally {
      await sb.close();
    }
  });

  it('a pre-signed recording is fetched without credentials; an expired one says to refresh', async () => {
    let clock = Date.UTC(2025, 5, 1, 6, 0, 0);
    const sb = await start({ signedRecordingUrls: true, now: () => new Date(clock) });
    try {
      const client = sandboxClient(sb);
      const placed = await client.connectCall({ from: '+919845012340', to: '+919876543210', callerId: '+918047112345', record: true });
      sb.calls.fastForward();
      const call = await client.getCall(placed.sid, { recordingUrlValidity: 5 });
      const source = client.recordingSource(call)!;
      assert.strictEqual(source.kind, 'presigned');
      sb.clearLogs();
      assert.strictEqual((await download(client, source)).length, 417 * 39);
      assert.strictEqual(sb.requests[0].headers.authorization, undefined, 'no credentials with a pre-signed link');
      clock += 6 * 60_000;
      const err = await rejection(() => download(client, source));
      assert.ok(err instanceof RecordingError);
      assert.match(err.message, /expired\. Refresh the call details for a fresh link/);
    } finally {
      await sb.close();
    }
  });

  it('a 401/403 on a private recording explains private recordings, signed URLs and IP whitelisting; no secret in it', async () => {
    const server = await startLoopback(() => ({ status: 403, body: 'AccessDenied' }));
    try {
      const { client } = makeClient(server.baseUrl);
      const err = await rejection(() => client.fetchRecording({ kind: 'private', url: `${server.baseUrl}/rec/1.mp3` }, { onData: () => undefined }));
      assert.match(
        err.message,
        /Recordings on this account are private: ask Exotel to enable signed URLs \(PreSignedRecordingUrl\), or whitelist this machine's IP/,
      );
      assert.ok(!err.message.includes(CANARY_TOKEN));
      assert.match(String(server.received[0].headers.authorization), /^Basic /, 'the API origin gets credentials');
    } finally {
      await server.close();
    }
  });

  it('a link on a host that is not Exotel\'s is never sent credentials, even if called "private"', async () => {
    const other = await startLoopback(() => ({ body: 'ID3' }));
    try {
      const { client } = makeClient('https://api.exotel.com');
      await client.fetchRecording({ kind: 'private', url: `${other.baseUrl}/rec.mp3` }, { onData: () => undefined });
      assert.strictEqual(other.received[0].headers.authorization, undefined);
    } finally {
      await other.close();
    }
  });
});

describe('429 as Exotel sends it', () => {
  it("without Retry-After: the shared limiter pauses for seconds, and the user reads Exotel's own message", async () => {
    const sb = await start();
    try {
      sb.faults.next({ kind: '429', message: 'Too many requests from this account' });
      const client = sandboxClient(sb, { retries: 0 });
      const err = await rejection(() => client.listCalls());
      assert.ok(err instanceof RateLimitError);
      assert.strictEqual(err.retryAfterMs, undefined);
      assert.ok(client.limiter.pausedForMs >= 1000, `paused for ${client.limiter.pausedForMs} ms: seconds, not hundreds of milliseconds`);
      assert.match(err.message, /Exotel said: “Too many requests from this account”/);
      assert.match(err.message, /pause for a few seconds/);
    } finally {
      await sb.close();
    }
  });

  it('with a plain-text body: that text is the message; a GET retries after the pause and succeeds', async () => {
    const sb = await start();
    try {
      sb.faults.next({ kind: '429', body: 'text', message: 'Rate limit exceeded' });
      const noRetry = sandboxClient(sb, { retries: 0 });
      const err = await rejection(() => noRetry.listCalls());
      assert.strictEqual((err as RateLimitError).exotelMessage, 'Rate limit exceeded');
      assert.match(err.message, /Exotel said: “Rate limit exceeded”/);
      sb.faults.next({ kind: '429', body: 'empty' });
      const client = sandboxClient(sb, { rateLimitPauseMs: 50 });
      const page = await client.listCalls();
      assert.ok(Array.isArray(page.calls));
      assert.deepStrictEqual(
        sb.requests.slice(-2).map(r => r.status),
        [429, 200],
      );
    } finally {
      await sb.close();
    }
  });
});

describe('flow host per profile', () => {
  it("an app id becomes a URL on the client's flow host; a full URL is sent as given", () => {
    const mumbai = makeClient('https://api.in.exotel.com', { flowHost: 'my.in.exotel.com' }).client;
    const form = mumbai.describeConnect({ from: '+919876543210', callerId: '08047112345', flow: { appId: '201334' } }).form!;
    assert.deepStrictEqual(
      form.find(([k]) => k === 'Url'),
      ['Url', `http://my.in.exotel.com/${mumbai.accountSid}/exoml/start_voice/201334`],
    );
    const byDefault = makeClient('https://api.exotel.com').client.describeConnect({
      from: '+919876543210',
      callerId: '08047112345',
      flow: { appId: '7' },
    }).form!;
    assert.match(byDefault.find(([k]) => k === 'Url')![1], /^http:\/\/my\.exotel\.com\//);
    const full = mumbai.describeConnect({ from: '+919876543210', callerId: '08047112345', flow: { url: 'https://flows.example.com/start/9' } }).form!;
    assert.deepStrictEqual(
      full.find(([k]) => k === 'Url'),
      ['Url', 'https://flows.example.com/start/9'],
    );
    assert.throws(
      () =>
        makeClient('https://api.exotel.com', { flowHost: 'not a host' }).client.describeConnect({
          from: '+919876543210',
          callerId: '08047112345',
          flow: { appId: '7' },
        }),
      /flow host/,
    );
  });
});
