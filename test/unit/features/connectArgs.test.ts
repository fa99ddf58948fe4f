// What exotel.connectCall / exotel.connectCallToFlow take from code: flat or nested options, and no key dropped silently.
import { COMMANDS } from '../../../src/common/commandIds';
import * as assert from 'assert';
import { ValidationError } from '../../../src/exotel';
import { connectArgs } from '../../../src/features/calls/connectArgs';

const CALL = COMMANDS.connectCall;
const FLOW = COMMANDS.connectCallToFlow;

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof ValidationError, String(err));
    return err.message;
  }
  assert.fail('not refused');
}

describe('connect call arguments', () => {
  it('takes the call options flat as well as under options; options wins for a key given both ways', () => {
    const flat = connectArgs(CALL, { from: '+919845012340', to: '+919876543210', timeLimit: 600, record: true, statusCallbackEvents: ['terminal'] }, false);
    assert.deepStrictEqual(flat, { from: '+919845012340', to: '+919876543210', options: { timeLimit: 600, record: true, statusCallbackEvents: ['terminal'] } });
    const both = connectArgs(CALL, { to: '+919876543210', timeLimit: 600, timeOut: 20, options: { timeLimit: 300 } }, false);
    assert.deepStrictEqual(both.options, { timeLimit: 300, timeOut: 20 });
    assert.strictEqual('timeLimit' in both, false, 'flat options end up under options only');
  });

  it('leaves options unset when none is given, so the last used ones still apply', () => {
    assert.deepStrictEqual(connectArgs(CALL, { to: '+919876543210', review: true }, false), { to: '+919876543210', review: true });
    assert.deepStrictEqual(connectArgs(CALL, undefined, false), {});
    assert.deepStrictEqual(connectArgs(CALL, { options: {} }, false), { options: {} });
  });

  it('refuses an unknown key by name, flat or nested, and points at the spelling it takes', () => {
    assert.match(
      refusal(() => connectArgs(CALL, { to: '+919876543210', TimeLimit: 600 }, false)),
      /does not take “TimeLimit”.*Did you mean “timeLimit”/,
    );
    assert.match(
      refusal(() => connectArgs(CALL, { to: '+919876543210', ringFor: 30 }, false)),
      /exotel\.connectCall does not take “ringFor”.*It takes: from, to, callerId/,
    );
    assert.match(
      refusal(() => connectArgs(CALL, { options: { recording: true } }, false)),
      /does not take “options\.recording”/,
    );
    assert.match(
      refusal(() => connectArgs(CALL, '+919876543210', false)),
      /takes an object/,
    );
    assert.match(
      refusal(() => connectArgs(CALL, { options: 600 }, false)),
      /options must be an object/,
    );
  });

  it('refuses what the command would not use: to or recording for a flow, flow for a plain call', () => {
    assert.deepStrictEqual(connectArgs(FLOW, { from: '+919876543210', flow: { appId: '201334' }, timeOut: 30 }, true), {
      from: '+919876543210',
      flow: { appId: '201334' },
      options: { timeOut: 30 },
    });
    assert.match(
      refusal(() => connectArgs(FLOW, { from: '+919876543210', to: '+919876543211' }, true)),
      /connectCallToFlow does not take “to”/,
    );
    assert.match(
      refusal(() => connectArgs(FLOW, { from: '+919876543210', record: true }, true)),
      /does not take “record”/,
    );
    assert.match(
      refusal(() => connectArgs(FLOW, { options: { waitUrl: 'https://example.com/a.wav' } }, true)),
      /does not take “options\.waitUrl”/,
    );
    assert.match(
      refusal(() => connectArgs(CALL, { flow: { appId: '1' } }, false)),
      /connectCall does not take “flow”/,
    );
  });

  it('ignores keys whose value is undefined (nothing is dropped)', () => {
    assert.deepStrictEqual(connectArgs(CALL, { to: '+919876543210', callerId: undefined, options: { timeLimit: undefined } }, false), {
      to: '+919876543210',
      options: {},
    });
  });
});

describe('connect call argument values', () => {
  const to = '+919876543210';
  const bad: Array<[string, Record<string, unknown>, boolean, RegExp]> = [
    ['an empty from', { from: '', to }, false, /“from” must be a phone number.*got empty text/],
    ['an empty to', { from: to, to: '  ' }, false, /“to” must be a phone number/],
    ['an empty callerId', { to, callerId: '' }, false, /“callerId” must be a phone number/],
    ['from: null', { from: null, to }, false, /“from” must be a phone number.*got null/],
    ['a number as from', { from: 919876543210, to }, false, /“from” must be a phone number.*got 919876543210/],
    ['review: "yes"', { to, review: 'yes' }, false, /“review” must be true or false \(got “yes”\)/],
    ['onDnd: "maybe"', { to, onDnd: 'maybe' }, false, /“onDnd” must be one of “ask”, “call”, “cancel” \(got “maybe”\)/],
    ['dryRun: "python"', { to, dryRun: 'python' }, false, /“dryRun” must be one of “curl”, “node” \(got “python”\)/],
    ['timeLimit as text', { to, timeLimit: '600' }, false, /“timeLimit” must be a whole number from 1 to 14400 seconds/],
    ['timeLimit past its limit', { to, options: { timeLimit: 14401 } }, false, /“options\.timeLimit” must be a whole number from 1 to 14400/],
    ['timeOut of 0', { to, timeOut: 0 }, false, /“timeOut” must be a whole number from 1 to 60/],
    ['record: "true"', { to, record: 'true' }, false, /“record” must be true or false/],
    ['an unknown recording format', { to, recordingFormat: 'wav' }, false, /“recordingFormat” must be one of “mp3”, “mp3-hq”/],
    ['events not a list', { to, statusCallbackEvents: 'answered' }, false, /“statusCallbackEvents” must be a list of “terminal”, “answered”/],
    ['a callback that is no URL', { to, statusCallback: 'ftp://x' }, false, /“statusCallback” must be an http:\/\/ or https:\/\/ URL/],
    ['a customField too long', { to, customField: 'x'.repeat(129) }, false, /“customField” must be text of at most 128 characters/],
    ['a flow as text', { from: to, flow: '201334' }, true, /“flow” must be \{ appId/],
    ['a flow app id with letters', { from: to, flow: { appId: '20x' } }, true, /“flow” must be \{ appId/],
    [
      'a flow URL with credentials',
      { from: to, flow: { url: 'https://k:t@example.com/f' } },
      true,
      /“flow” must be an http:\/\/ or https:\/\/ URL without a user name/,
    ],
  ];
  for (const [name, args, toFlow, message] of bad) {
    it(`refuses ${name}, naming the argument; nothing is sent`, () => {
      const text = refusal(() => connectArgs(toFlow ? FLOW : CALL, args, toFlow));
      assert.match(text, message);
      assert.match(text, /Nothing was sent\./);
    });
  }

  it('takes good values as given (limits from the options table)', () => {
    const args = connectArgs(
      CALL,
      {
        from: ' +919845012340 ',
        to,
        callerId: '08047112345',
        review: false,
        onDnd: 'cancel',
        dryRun: 'curl',
        timeLimit: 14400,
        timeOut: 60,
        record: true,
        recordingFormat: 'mp3-hq',
        statusCallback: 'https://example.com/s',
        statusCallbackEvents: ['answered', 'answered'],
      },
      false,
    );
    assert.strictEqual(args.from, '+919845012340');
    assert.deepStrictEqual(args.options?.statusCallbackEvents, ['answered']);
    assert.deepStrictEqual(connectArgs(FLOW, { from: to, flow: { appId: 201334 } }, true).flow, { appId: '201334' });
  });

  it('never quotes a URL back (it may carry credentials)', () => {
    const text = refusal(() => connectArgs(CALL, { to, waitUrl: 'https//KEY123:TOKEN456@example.com/a.wav' }, false));
    assert.ok(!/KEY123|TOKEN456/.test(text), text);
  });
});
