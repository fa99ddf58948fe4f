// Legs labelled by Direction, and incoming calls that Exotel calls "completed" although no agent answered.
import * as assert from 'assert';
import { Call, CallDetails } from '../../../src/exotel';
import { callOutcome, callStyle, legParty, outcomeWord } from '../../../src/common/callText/callParties';
import { callDescription } from '../../../src/common/callText/callFormat';
import { callView, summarize } from '../../../src/common/callText/callSummary';
import { toCsv, toJson } from '../../../src/features/callLog/callExportFormat';

const legs = (leg1: string, leg2?: string, talk = 0): CallDetails => ({
  conversationDuration: talk,
  leg1Status: leg1,
  leg2Status: leg2,
  legs: [{ id: 1, onCallDuration: 40 }, ...(leg2 ? [{ id: 2, onCallDuration: talk }] : [])],
});
const outgoing: Call = {
  sid: 'a'.repeat(32),
  status: 'completed',
  direction: 'outbound-api',
  from: '09845012340',
  to: '09876543210',
  phoneNumberSid: '08047112345',
  details: legs('completed', 'completed', 30),
};
const answeredIn: Call = {
  sid: 'b'.repeat(32),
  status: 'completed',
  direction: 'inbound',
  from: '09876543210',
  to: '08047112345',
  phoneNumberSid: '08047112345',
  details: legs('completed', 'completed', 30),
};
const missedIn: Call = { ...answeredIn, sid: 'c'.repeat(32), details: legs('completed', 'no-answer') };
const listedIn: Call = { ...answeredIn, sid: 'd'.repeat(32), details: undefined };

describe('legs by direction', () => {
  it('outgoing: leg 1 is the agent (From), leg 2 the customer (To)', () => {
    assert.deepStrictEqual(
      callView(outgoing).legs.map(l => l.who),
      ['Agent (From) +91 98450 12340', 'Customer (To) +91 98765 43210'],
    );
  });

  it('incoming: leg 1 is the caller reaching the ExoPhone, leg 2 the ExoPhone reaching an agent', () => {
    assert.deepStrictEqual(
      callView(answeredIn).legs.map(l => l.who),
      ['Caller (From) +91 98765 43210 → the ExoPhone', 'The ExoPhone +91 80 4711 2345 → an agent'],
    );
    assert.strictEqual(legParty(answeredIn, 2), 'The ExoPhone +91 80 4711 2345 → an agent');
  });

  it('summaries never call a missed incoming call answered, nor its caller "the customer who never answered"', () => {
    assert.strictEqual(summarize(answeredIn), "The caller reached an agent and they talked for 30 s; the caller's leg was connected for 40 s.");
    assert.strictEqual(
      summarize(missedIn),
      "Missed: the caller reached the ExoPhone, but the agent never answered; the caller's leg was connected for 40 s. Exotel still reports the call as completed.",
    );
    assert.strictEqual(
      summarize({ ...missedIn, details: legs('completed', 'busy') }),
      "Missed: the caller reached the ExoPhone, but the agent was busy; the caller's leg was connected for 40 s. Exotel still reports the call as completed.",
    );
    assert.match(summarize({ ...missedIn, details: legs('completed') }), /^Missed: the caller hung up in the ExoPhone's flow before an agent was dialled/);
    assert.match(summarize(listedIn), /unknown until details are loaded/);
    assert.strictEqual(
      summarize({ ...outgoing, details: legs('completed', 'no-answer') }),
      "The customer never answered; the agent's leg was connected for 40 s.",
    );
  });

  it('a call not over yet reads the same in both directions; one that ended early does not', () => {
    for (const [status, words] of [
      ['queued', "The call is waiting in Exotel's queue."],
      ['ringing', 'The call is ringing.'],
      ['in-progress', 'The call is in progress.'],
    ]) {
      assert.deepStrictEqual([summarize({ ...outgoing, status }), summarize({ ...answeredIn, status })], [words, words]);
    }
    assert.strictEqual(summarize({ ...outgoing, status: 'canceled' }), 'The call was canceled before it connected.');
    assert.strictEqual(summarize({ ...answeredIn, status: 'canceled' }), "The caller never reached the ExoPhone's flow: the call ended as “canceled”.");
  });

  it('the icon, label and sidebar words of a missed incoming call say missed; without legs, unknown', () => {
    assert.deepStrictEqual(
      [callOutcome(outgoing), callOutcome(answeredIn), callOutcome(missedIn), callOutcome(listedIn)],
      ['answered', 'answered', 'missed', 'unknown'],
    );
    assert.strictEqual(callStyle(answeredIn).icon, 'pass-filled');
    assert.deepStrictEqual(callStyle(missedIn), { icon: 'bell-slash', color: 'charts.orange', label: 'Missed (no agent answered)' });
    assert.strictEqual(callStyle(listedIn).label, 'Completed — outcome unknown until details are loaded');
    assert.match(callDescription(missedIn), / · incoming · missed$/);
    assert.strictEqual(callView(missedIn).statusLabel, 'missed');
    assert.strictEqual(outcomeWord({ ...outgoing, status: 'busy' }), 'not answered');
    assert.strictEqual(outcomeWord({ ...outgoing, status: 'in-progress' }), '');
  });

  it('exports carry who each leg is, the leg statuses and the outcome', () => {
    const [head, out, missed, listed] = toCsv([outgoing, missedIn, listedIn])
      .trim()
      .split('\r\n')
      .map(l => l.split(','));
    const col = (row: string[], name: string) => row[head.indexOf(name)];
    assert.deepStrictEqual([col(out, 'Leg1'), col(out, 'Leg2'), col(out, 'Outcome')], ['agent (From)', 'customer (To)', 'answered']);
    assert.deepStrictEqual([col(missed, 'Leg1'), col(missed, 'Leg2Status'), col(missed, 'Outcome')], ['caller (From) → ExoPhone', 'no-answer', 'missed']);
    assert.strictEqual(col(listed, 'Outcome'), 'unknown');
    const json = JSON.parse(toJson([missedIn])) as Array<{ outcome: string; legParties: Record<string, string> }>;
    assert.deepStrictEqual([json[0].outcome, json[0].legParties['2']], ['missed', 'ExoPhone → agent']);
  });
});
