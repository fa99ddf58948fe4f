// What the UI needs from an error is in its fields (action, next step, may have been sent), set where the error is
// made: over real loopback HTTP, each failure carries the right next step, and client text goes through the translator.
import * as assert from 'assert';
import { plain, useTranslator } from '../../../src/common/callText/translate';
import { ExotelError, NextStep, ValidationError } from '../../../src/exotel';
import { Loopback, Reply, startLoopback } from '../../helpers/loopback';
import { makeClient, rejection } from './clientHarness';

const CONNECT = { from: '9876543210', to: '9123456780', callerId: '08030752400' };
const SID = 'b'.repeat(32);

describe('errors carry their action and next step', () => {
  let server: Loopback;
  let reply: Reply;
  before(async () => {
    server = await startLoopback(() => reply);
  });
  after(() => server.close());
  const client = () => makeClient(server.baseUrl, { retries: 0 }).client;

  async function failure(r: Reply, call: (c: ReturnType<typeof client>) => Promise<unknown>): Promise<ExotelError> {
    reply = r;
    const err = await rejection(() => call(client()));
    assert.ok(err instanceof ExotelError, String(err));
    return err;
  }

  for (const [label, r, call, action, next, sent] of [
    [
      '401 on a list',
      { status: 401, body: '{"RestException":{"Status":401,"Message":"Authentication Failed"}}' },
      (c: ReturnType<typeof client>) => c.listCalls(),
      'Listing calls',
      'sign-in',
      false,
    ],
    [
      '503 from Exotel on a GET',
      { status: 503, body: '{"RestException":{"Status":503,"Message":"Busy"}}' },
      (c: ReturnType<typeof client>) => c.getCall(SID),
      `Looking up call ${SID}`,
      'retry',
      false,
    ],
    [
      'a gateway 502 page after a connect',
      { status: 502, body: '<html>Bad Gateway</html>' },
      (c: ReturnType<typeof client>) => c.connectCall(CONNECT),
      'Placing the call',
      'check-call-log',
      true,
    ],
    [
      '503 with a RestException after a connect',
      { status: 503, body: '{"RestException":{"Status":503,"Message":"Busy"}}' },
      (c: ReturnType<typeof client>) => c.connectCall(CONNECT),
      'Placing the call',
      'retry',
      false,
    ],
    [
      'an HTML page on a GET',
      { body: '<!DOCTYPE html><html></html>', headers: { 'Content-Type': 'text/html' } },
      (c: ReturnType<typeof client>) => c.getCall(SID),
      undefined,
      'check-region',
      false,
    ],
    [
      'a cut-short answer to a connect',
      { body: '{"Call":{"Sid":"' },
      (c: ReturnType<typeof client>) => c.connectCall(CONNECT),
      'Placing the call',
      'check-call-log',
      true,
    ],
  ] as const) {
    it(`${label}: next step ${next}`, async () => {
      const err = await failure(r, call);
      assert.strictEqual(err.action, action);
      assert.strictEqual(err.next, next satisfies NextStep);
      assert.strictEqual(err.mayHaveBeenSent, sent);
      if (action) assert.ok(err.message.startsWith(action), err.message);
      // One closing sentence, never two that contradict each other.
      if (sent) assert.doesNotMatch(err.message, /Try again in a moment/);
    });
  }

  it('a value refused before sending asks to fix the input, and names no action', () => {
    const err = new ValidationError('To', 'To is required.');
    assert.strictEqual(err.next, 'fix-input');
    assert.strictEqual(err.action, undefined);
  });

  it('client and phone messages go through the one translator', async () => {
    const seen: string[] = [];
    useTranslator((m, ...args) => {
      seen.push(m);
      return plain(m, ...args);
    });
    try {
      await failure({ status: 401, body: '' }, c => c.listCalls());
      await rejection(() => client().connectCall({ ...CONNECT, to: '12' }));
    } finally {
      useTranslator(plain);
    }
    assert.ok(seen.includes('Listing calls'), JSON.stringify(seen));
    assert.ok(
      seen.some(m => m.startsWith('{0} failed: Exotel did not accept')),
      JSON.stringify(seen),
    );
    assert.ok(
      seen.some(m => m.includes('is too short')),
      JSON.stringify(seen),
    );
  });
});
