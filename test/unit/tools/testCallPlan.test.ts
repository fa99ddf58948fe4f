// exotel_placeTestCall's input checks, confirmation facts and call budget.
import * as assert from 'assert';
import { callOptionsFor } from '../../../src/exotel';
import { factsMarkdown, planTestCall, ProfileFacts, testCallFacts, ToolCallBudget } from '../../../src/agentTools/testCallPlan';

const SANDBOX: ProfileFacts = { name: 'Sandbox', kind: 'sandbox', defaultCallerId: '+918047112345' };

describe('test call plan', () => {
  it('numbers as written become E.164; CallerId falls back to the profile, then the setting', () => {
    const r = planTestCall({ from: '98450 12340', to: '098765 43210' }, SANDBOX, undefined);
    assert.ok(r.ok);
    assert.deepStrictEqual(r.plan.params, { from: '+919845012340', to: '+919876543210', callerId: '+918047112345' });
    assert.strictEqual(r.plan.dialled, '+919876543210');
    const s = planTestCall({ from: '98450 12340', to: '098765 43210' }, { ...SANDBOX, defaultCallerId: undefined }, '080 4711 9999');
    assert.ok(s.ok && s.plan.params.callerId === '+918047119999');
    const none = planTestCall({ from: '98450 12340', to: '098765 43210' }, { ...SANDBOX, defaultCallerId: undefined }, undefined);
    assert.ok(!none.ok && /No CallerId/.test(none.reason));
  });

  it('refuses a bad number, to and flow together or neither, and options by name', () => {
    const bad = (input: object) => {
      const r = planTestCall(input as never, SANDBOX, undefined);
      assert.ok(!r.ok, JSON.stringify(input));
      return r.reason;
    };
    assert.match(bad({ from: '12', to: '9876543210' }), /From “12” is not a number Exotel can dial/);
    assert.match(bad({ from: '9845012340', to: '9876543210', flow: '1' }), /either "to"/);
    assert.match(bad({ from: '9845012340' }), /either "to"/);
    assert.match(bad({ from: '9845012340', to: '9876543210', options: { TimeLimit: 5 } }), /does not take the option\(s\) TimeLimit/);
    assert.match(bad({ from: '9845012340', flow: '201334', options: { record: true } }), /A call to a flow does not take the option\(s\) record/);
    assert.match(bad({ from: '9845012340', flow: 'javascript:alert(1)' }), /app id \(digits\) or an http\(s\) URL/);
  });

  it('a flow call dials From, and takes every flow option of the table', () => {
    const options = Object.fromEntries(callOptionsFor(true).map(o => [o.key, 1]));
    const r = planTestCall({ from: '9845012340', flow: '201334', options }, SANDBOX, undefined);
    assert.ok(r.ok);
    assert.strictEqual(r.plan.dialled, '+919845012340');
    assert.deepStrictEqual((r.plan.params as { flow: unknown }).flow, { appId: '201334' });
  });

  it('the facts name profile, From, To, CallerId, DND and only the options', () => {
    const r = planTestCall({ from: '9845012340', to: '9876543210' }, { name: 'Acme', kind: 'production' }, '08047112345');
    assert.ok(r.ok);
    const facts = testCallFacts({ name: 'Acme', kind: 'production' }, r.plan, 'not on the DND register', [
      ['From', '+919845012340'],
      ['To', '+919876543210'],
      ['CallerId', '+918047112345'],
      ['TimeLimit', '60'],
      ['StatusCallbackEvents[0]', 'terminal'],
    ]);
    assert.deepStrictEqual(
      facts.map(f => f[0]),
      ['Profile', 'From', 'To', 'CallerId', 'DND status of To', 'Options'],
    );
    assert.match(facts[0][1], /PRODUCTION/);
    assert.strictEqual(facts[5][1], 'TimeLimit=60, StatusCallbackEvents[0]=terminal');
  });

  it('the budget allows max calls in a window, then says how long to wait', () => {
    let now = 0;
    const b = new ToolCallBudget(2, 1000, () => now);
    assert.strictEqual(b.waitMs(), 0);
    b.record();
    now = 100;
    b.record();
    assert.strictEqual(b.waitMs(), 900);
    now = 999;
    assert.strictEqual(b.waitMs(), 1);
    now = 1000;
    assert.strictEqual(b.waitMs(), 0);
  });

  it('the confirmation list reads as text and cannot make a link, HTML or emphasis from a value', () => {
    const md = factsMarkdown([
      ['From', '+919845012340'],
      ['Flow', 'https://x.example/a_b?c=[d](command:exotel.signOut)\n<img src=x>'],
      ['Options', 'CustomField=*hi*`x`'],
    ]);
    assert.strictEqual(
      md,
      [
        '- From: +919845012340',
        '- Flow: https://x.example/a\\_b?c=\\[d\\](command:exotel.signOut) \\<img src=x\\>',
        '- Options: CustomField=\\*hi\\*\\`x\\`',
      ].join('\n'),
    );
  });
});
