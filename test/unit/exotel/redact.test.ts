// Every encoding of a secret or of the key:token pair is masked, wherever a server or proxy echoes it.
import * as assert from 'assert';
import { normalizeBaseUrl } from '../../../src/exotel/hosts';
import { credentialSecrets, redact } from '../../../src/exotel/redact';
import { Loopback, Reply, startLoopback } from '../../helpers/loopback';
import { API_KEY, CANARY_TOKEN, makeClient, rejection } from './clientHarness';

const KEY = 'f3a9c1e7b5d20486a1c3e5f7b9d1a3c5';
const TOKEN = '7e5c3a1f9d7b5e3c1a9f7d5b3e1c9a7f';
const b64 = (s: string) => Buffer.from(s).toString('base64');

/** Whether any run of `text` decodes (base64 or base64url, at any start) to something holding `secret`'s first 8 characters. */
function leaks(text: string, secret: string): boolean {
  const probe = secret.slice(0, 8);
  if (text.includes(probe) || decodeURIComponent(text.replace(/%(?![0-9A-F]{2})/gi, '%25')).includes(probe)) return true;
  for (const run of text.match(/[A-Za-z0-9+/_-]{8,}/g) ?? []) {
    for (let i = 0; i < 4; i++) {
      const part = run.slice(i);
      for (const decoded of [Buffer.from(part, 'base64'), Buffer.from(part, 'base64url')]) {
        if (decoded.toString('latin1').includes(probe.slice(0, 6))) return true;
      }
    }
  }
  return false;
}

describe('redact: every encoding of a secret', () => {
  const secrets = credentialSecrets(KEY, TOKEN);
  const pair = `${KEY}:${TOKEN}`;
  const cases: Record<string, string> = {
    raw: `bad token ${TOKEN} for ${KEY}`,
    'Basic header': `Authorization was Basic ${b64(pair)}`,
    'bare base64 of key:token': `echo: ${b64(pair)}`,
    'bare base64url of key:token': `echo: ${Buffer.from(pair).toString('base64url')}`,
    'base64 after 1 byte': `echo: ${b64(`x${pair}`)}`,
    'base64 after 2 bytes': `echo: ${b64(`xy${pair}`)}`,
    'base64 of the token alone, each alignment': [0, 1, 2].map(n => b64(`${'z'.repeat(n)}${TOKEN}`)).join(' '),
    'URL-encoded pair': `u=${encodeURIComponent(pair)}`,
    'URL-encoded Basic': `h=${encodeURIComponent(`Basic ${b64(pair)}`)}`,
    'URL-encoded bare base64': `h=${encodeURIComponent(b64(`?>${pair}`))}`,
    'user info in a URL': `https://${KEY}:${TOKEN}@api.exotel.com/v1`,
    'user info in a mistyped URL': `https//${KEY}:${TOKEN}@api.exotel.com`,
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`masks the ${name}`, () => {
      assert.ok(leaks(text, TOKEN) || leaks(text, KEY), 'the case holds a secret to begin with');
      const out = redact(text, secrets);
      assert.ok(!leaks(out, TOKEN), `the token is still readable in ${out}`);
      assert.ok(!leaks(out, KEY), `the key is still readable in ${out}`);
    });
  }

  it('leaves other text alone', () => {
    const text = 'Call 0f1e2d3c4b5a69788796a5b4c3d2e1f0 to +919876543210 ended: busy (see https://my.exotel.com/x, mail dev@example.com)';
    assert.strictEqual(redact(text, secrets), text);
  });
});

describe('client errors: a server echoing the credentials base64-encoded, without "Basic"', () => {
  let server: Loopback;
  let reply: Reply;
  before(async () => {
    server = await startLoopback(() => reply);
  });
  after(() => server.close());

  for (const lead of ['', 'a', 'ab']) {
    it(`masks base64 of key:token after ${lead.length} byte(s) in the message`, async () => {
      const echoed = b64(`${lead}${API_KEY}:${CANARY_TOKEN}`);
      reply = { status: 401, body: JSON.stringify({ RestException: { Status: 401, Message: `Invalid credentials ${echoed}` } }) };
      const err = (await rejection(() => makeClient(server.baseUrl).client.listCalls())) as Error & { exotelMessage?: string };
      for (const text of [err.message, err.exotelMessage ?? '']) {
        assert.ok(!leaks(text, CANARY_TOKEN), text);
        assert.ok(!leaks(text, API_KEY), text);
      }
    });
  }
});

describe('an invalid base URL is refused without quoting it', () => {
  for (const url of [`https//${KEY}:${TOKEN}@api.exotel.com`, `htps:/${KEY}:${TOKEN}@x`, `${KEY}:${TOKEN}`]) {
    it(url.slice(0, 12), () => {
      assert.throws(
        () => normalizeBaseUrl(url),
        (e: Error) => {
          assert.ok(!e.message.includes(KEY.slice(0, 6)) && !e.message.includes(TOKEN.slice(0, 6)), e.message);
          assert.match(e.message, /base URL/);
          return true;
        },
      );
    });
  }
});

describe('redact on a large body', () => {
  it('stays linear (a megabyte of text with colons and an @ at the end)', () => {
    const body = `${'a:'.repeat(500_000)}@x ${TOKEN}`;
    const out = redact(body, credentialSecrets(KEY, TOKEN)); // quadratic would not finish within the test timeout
    assert.ok(!out.includes(TOKEN));
  });
});

describe('redact on a hostile body', () => {
  it('finishes with an @ every few hundred characters, masking the token and keeping the rest (its time: npm run bench)', () => {
    const chunk = `${'a:'.repeat(300)}@`;
    const body = chunk.repeat(2000) + TOKEN;
    const out = redact(body, credentialSecrets(KEY, TOKEN)); // quadratic would not finish within the test timeout
    assert.ok(!out.includes(TOKEN));
    assert.ok(out.startsWith(chunk.repeat(2000)), 'the text around the secret is kept as it was');
  });
});
