import * as assert from 'assert';
import { lineColumn, parseSuite } from '../../../src/callTests/parseSuite';

/** The text a problem points at. */
const at = (text: string, p: { offset: number; length: number }) => text.slice(p.offset, p.offset + p.length);

const suite = (tests: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ defaults: { from: '+919876543210', callerId: '08047112345' }, ...extra, tests }, null, 2);

describe('call tests: reading a suite', () => {
  it('reads tests with their defaults merged and their places in the file', () => {
    const text = JSON.stringify(
      {
        defaults: { from: '+919876543210', callerId: '08047112345', options: { timeLimit: 60 }, timeoutSeconds: 30 },
        tests: [
          { name: 'answers', to: '+919812345670', options: { timeOut: 20 }, expect: { status: 'completed' } },
          { name: 'flow', flow: { appId: '123' }, expect: { status: ['completed', 'no-answer'] } },
        ],
      },
      null,
      2,
    );
    const s = parseSuite(text);
    assert.deepStrictEqual(s.problems, []);
    assert.strictEqual(s.profile, 'sandbox');
    assert.strictEqual(s.isSandbox, true);
    assert.deepStrictEqual(
      s.tests.map(t => t.name),
      ['answers', 'flow'],
    );
    assert.deepStrictEqual(s.tests[0].spec.options, { timeLimit: 60, timeOut: 20 });
    assert.strictEqual(s.tests[0].spec.timeoutSeconds, 30);
    assert.deepStrictEqual(s.tests[1].spec.flow, { appId: '123' });
    assert.deepStrictEqual(s.tests[1].spec.expect, { status: ['completed', 'no-answer'] });
    assert.strictEqual(at(text, s.tests[1].nameRange), '"flow"');
    assert.strictEqual(at(text, s.locate(['tests', 0, 'expect', 'status'])!), '"completed"');
    // a path that does not exist falls back to its nearest parent
    assert.strictEqual(at(text, s.locate(['tests', 0, 'expect', 'legs'])!), '{\n        "status": "completed"\n      }');
  });

  it('points a syntax error at its place and never throws', () => {
    const text = '{\n  "tests": [\n    { "name": "a" "to": "+919812345670" }\n  ]\n}';
    const s = parseSuite(text);
    assert.ok(s.suiteProblems.length >= 1);
    assert.match(s.suiteProblems[0].message, /^JSON: a comma is expected/);
    assert.deepStrictEqual(lineColumn(text, s.suiteProblems[0].offset), { line: 2, column: 18 });
    for (const bad of ['', '[]', 'null', '{', '"x"', '{"tests": 5}', '{"tests": [5, null, []]}']) {
      const r = parseSuite(bad);
      assert.ok(r.problems.length > 0, `no problem reported for ${JSON.stringify(bad)}`);
    }
  });

  it('checks values against the generated schema, each at its place', () => {
    const text = suite([
      { name: 'limits', to: '+919812345670', options: { timeLimit: 99999, recordingFormat: 'wav' }, expect: { status: 'answered' } },
      { name: 'unknown key', to: '+919812345670', expect: { statuss: 'completed' } },
    ]);
    const s = parseSuite(text);
    const messages = s.problems.map(p => `${at(text, p)} → ${p.message}`);
    assert.ok(messages.includes('99999 → "timeLimit" must be at most 14400.'), messages.join('\n'));
    assert.ok(messages.includes('"wav" → "recordingFormat" must be one of "mp3", "mp3-hq".'), messages.join('\n'));
    assert.ok(
      messages.some(m => m.startsWith('"answered" → "status" must be one of "completed"')),
      messages.join('\n'),
    );
    assert.ok(
      messages.some(m => m.startsWith('"statuss" → "expect" has no "statuss"')),
      messages.join('\n'),
    );
    // problems inside tests belong to those tests, not to the suite
    assert.deepStrictEqual(s.suiteProblems, []);
    assert.strictEqual(s.tests[0].problems.length, 3);
    assert.strictEqual(s.tests[1].problems.length, 1);
  });

  it("says what a schema cannot: to or flow, a flow's options, missing numbers, duplicate names", () => {
    const text = JSON.stringify({
      tests: [
        { name: 'neither', expect: { status: 'completed' } },
        { name: 'both', to: '+919812345670', flow: { appId: '1' }, from: '+919876543210', callerId: '08047112345', expect: { status: 'completed' } },
        {
          name: 'flow with record',
          flow: { appId: '1' },
          from: '+919876543210',
          callerId: '08047112345',
          options: { record: true },
          expect: { status: 'completed' },
        },
        { name: 'bad number', to: '+91123', from: '+919876543210', callerId: '08047112345', expect: { status: 'completed' } },
        { name: 'bad number', to: '+919812345670', from: '+919876543210', callerId: '08047112345', expect: { status: 'completed' } },
      ],
    });
    const s = parseSuite(text);
    const msgs = (i: number) => s.tests[i].problems.map(p => p.message);
    assert.ok(msgs(0).includes('Give "to" (a number to connect) or "flow" (a call flow).'));
    assert.ok(msgs(0).includes('No "from": give it here or in "defaults".'));
    assert.ok(msgs(1).includes('Give "to" or "flow", not both.'));
    assert.ok(msgs(2).includes('A connect to a flow does not take "record".'));
    assert.ok(
      s.tests[3].problems.some(p => at(text, p) === '"+91123"'),
      msgs(3).join('\n'),
    );
    assert.deepStrictEqual(
      s.tests[4].problems.map(p => p.severity),
      ['warning'],
    );
  });

  it('requires allowNumbers and maxCalls on a real account, and only allowed numbers', () => {
    const noLimits = parseSuite(suite([{ name: 'a', to: '+919812345670', expect: { status: 'completed' } }], { profile: 'staging' }));
    assert.strictEqual(noLimits.isSandbox, false);
    assert.deepStrictEqual(
      noLimits.suiteProblems.map(p => p.message),
      [
        'Profile "staging" places real calls: list the numbers the suite may ring in "allowNumbers".',
        'Profile "staging" places real calls: cap them with "maxCalls".',
      ],
    );
    const text = suite(
      [
        { name: 'allowed', to: '09812345670', expect: { status: 'completed' } },
        { name: 'not allowed', to: '+919812345671', expect: { status: 'completed' } },
      ],
      { profile: 'staging', allowNumbers: ['+919812345670', '+91 98765 43210'], maxCalls: 5 },
    );
    const s = parseSuite(text);
    assert.deepStrictEqual(s.suiteProblems, []);
    assert.deepStrictEqual(s.allowNumbers, ['+919812345670', '+919876543210']);
    assert.deepStrictEqual(s.tests[0].problems, []);
    assert.deepStrictEqual(
      s.tests[1].problems.map(p => [at(text, p), p.message]),
      [['"+919812345671"', '+919812345671 is not in "allowNumbers": the suite may not ring it.']],
    );
  });
});
