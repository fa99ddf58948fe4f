import * as assert from 'assert';
import { normalizeBaseUrl, redact, ValidationError } from '../../../src/exotel';

describe('hosts and redaction', () => {
  it('normalises base URLs and refuses credentials in them', () => {
    assert.strictEqual(normalizeBaseUrl('https://api.in.exotel.com/'), 'https://api.in.exotel.com');
    assert.strictEqual(normalizeBaseUrl('https://api.exotel.com/v1/Accounts/acme'), 'https://api.exotel.com');
    assert.strictEqual(normalizeBaseUrl('http://127.0.0.1:4100/proxy/exotel/'), 'http://127.0.0.1:4100/proxy/exotel');
    assert.throws(
      () => normalizeBaseUrl('https://key:tok@api.exotel.com'),
      (e: unknown) => e instanceof ValidationError && /sign-in prompts/.test(e.message),
    );
    assert.throws(() => normalizeBaseUrl('api.exotel.com'), /not a valid URL/);
    assert.throws(() => normalizeBaseUrl('http://proxy.example.com'), /unencrypted/);
    assert.strictEqual(normalizeBaseUrl('http://localhost:3000'), 'http://localhost:3000');
    assert.throws(() => normalizeBaseUrl('ftp://api.exotel.com'), /https:\/\//);
  });

  it('redacts tokens, their base64 and Authorization headers', () => {
    const token = 'sekret-token-123456';
    const line = `Authorization: Basic ${Buffer.from(`k:${token}`).toString('base64')} token=${token} b64=${Buffer.from(token).toString('base64')}`;
    const out = redact(line, [token]);
    assert.ok(!out.includes(token));
    assert.ok(!out.includes(Buffer.from(token).toString('base64').replace(/=+$/, '')));
    assert.match(out, /Authorization: \*\*\*/);
  });
});
