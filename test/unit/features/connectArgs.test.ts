// What exotel.connectCall / exotel.connectCallToFlow take from code: flat or nested options, and no key dropped silently.
import * as assert from 'assert';
import { ValidationError } from '../../../src/exotel';
import { connectArgs } from '../../../src/features/calls/connectArgs';

const CALL = 'exotel.connectCall';
const FLOW = 'exotel.connectCallToFlow';

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
    assert.match(refusal(() => connectArgs(CALL, { to: '+919876543210', TimeLimit: 600 }, false)), /does not take “TimeLimit”.*Did you mean “timeLimit”/);
    assert.match(refusal(() => connectArgs(CALL, { to: '+919876543210', ringFor: 30 }, false)), /exotel\.connectCall does not take “ringFor”.*It takes: from, to, callerId/);
    assert.match(refusal(() => connectArgs(CALL, { options: { recording: true } }, false)), /does not take “options\.recording”/);
    assert.match(refusal(() => connectArgs(CALL, '+919876543210', false)), /takes an object/);
    assert.match(refusal(() => connectArgs(CALL, { options: 600 }, false)), /options must be an object/);
  });

  it('refuses what the command would not use: to or recording for a flow, flow for a plain call', () => {
    assert.deepStrictEqual(connectArgs(FLOW, { from: '+919876543210', flow: { appId: '201334' }, timeOut: 30 }, true),
      { from: '+919876543210', flow: { appId: '201334' }, options: { timeOut: 30 } });
    assert.match(refusal(() => connectArgs(FLOW, { from: '+919876543210', to: '+919876543211' }, true)), /connectCallToFlow does not take “to”/);
    assert.match(refusal(() => connectArgs(FLOW, { from: '+919876543210', record: true }, true)), /does not take “record”/);
    assert.match(refusal(() => connectArgs(FLOW, { options: { waitUrl: 'https://example.com/a.wav' } }, true)), /does not take “options\.waitUrl”/);
    assert.match(refusal(() => connectArgs(CALL, { flow: { appId: '1' } }, false)), /connectCall does not take “flow”/);
  });

  it('ignores keys whose value is undefined (nothing is dropped)', () => {
    assert.deepStrictEqual(connectArgs(CALL, { to: '+919876543210', callerId: undefined, options: { timeLimit: undefined } }, false),
      { to: '+919876543210', options: {} });
  });
});
