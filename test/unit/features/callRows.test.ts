// The Calls view's pure parts: day groups in the account's zone, the context tokens the menus match, and the
// ranges Filter Calls… accepts.
import { COMMANDS } from '../../../src/common/commandIds';
import * as assert from 'assert';
import * as path from 'path';
import { dayLabel } from '../../../src/common/callText/callFormat';
import { Call } from '../../../src/exotel';
import { parseRange } from '../../../src/features/callLog/callLogFilter';
import { callContext, groupByDay } from '../../../src/features/callLog/callRows';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require(path.join(__dirname, '..', '..', '..', '..', 'package.json'));
const IST = 330;
const NOW = new Date('2026-11-26T12:00:00Z'); // 17:30 IST
const call = (c: Partial<Call>): Call => ({ sid: 'a'.repeat(32), status: 'completed', ...c });

/** The item-context menus for a call, as package.json's `viewItem =~ /…/` clauses select them. */
function menusFor(context: string): string[] {
  const items = pkg.contributes.menus['view/item/context'] as Array<{ command: string; when: string }>;
  return items
    .filter(m => {
      const re = /viewItem =~ \/(.*)\/$/.exec(m.when)?.[1];
      return re !== undefined && new RegExp(re.replace(/\\\\/g, '\\')).test(context);
    })
    .map(m => m.command);
}

describe('Calls view rows', () => {
  it('groups by day in the account zone: today, yesterday, then dates, in the order given', () => {
    const rows = groupByDay(
      [
        call({ sid: '1'.repeat(32), dateCreated: '2026-11-26 17:00:00' }),
        call({ sid: '2'.repeat(32), dateCreated: '2026-11-26 00:10:00' }),
        call({ sid: '3'.repeat(32), dateCreated: '2026-11-25 23:59:59' }),
        call({ sid: '4'.repeat(32), dateCreated: '2026-11-20 09:00:00' }),
        call({ sid: '5'.repeat(32) }),
      ],
      NOW,
      IST,
    );
    assert.deepStrictEqual(
      rows.map(r => r.kind === 'day' && [r.label, r.calls.length, r.first]),
      [
        ['Today', 2, true],
        ['Yesterday', 1, false],
        [dayLabel('2026-11-20', '2026-11-26', '2026-11-25'), 1, false],
        ['Unknown date', 1, false],
      ],
    );
    assert.match(String(rows[2].kind === 'day' && rows[2].label), /20 Nov/);
  });

  it('"today" follows the account zone, not UTC: 00:30 IST is already the next day', () => {
    const justAfterMidnightIst = new Date('2026-11-25T19:00:00Z');
    const rows = groupByDay([call({ dateCreated: '2026-11-26 00:15:00' })], justAfterMidnightIst, IST);
    assert.strictEqual(rows[0].kind === 'day' && rows[0].label, 'Today');
  });

  it('an outgoing API call can be called again; an incoming one cannot; both can be looked up', () => {
    const outgoing = callContext(call({ from: '09876543210', to: '09123456780', direction: 'outbound-api', status: 'busy' }));
    assert.strictEqual(outgoing, 'exotel.call:busy:callable:hasNumber');
    assert.ok(menusFor(outgoing).includes(COMMANDS.callLogCallAgain));
    const incoming = callContext(call({ from: '09876543210', to: '08030752400', direction: 'inbound', recordingUrl: 'https://x/r.mp3' }));
    assert.strictEqual(incoming, 'exotel.call:completed:hasNumber:recorded');
    assert.ok(!menusFor(incoming).includes(COMMANDS.callLogCallAgain));
    assert.ok(menusFor(incoming).includes(COMMANDS.callLogLookUpNumber));
  });

  it('a call with no number offers neither Call Again nor Look Up', () => {
    const bare = callContext(call({ direction: 'outbound-api' }));
    assert.strictEqual(bare, 'exotel.call:completed');
    assert.deepStrictEqual(
      menusFor(bare).filter(c => /callAgain|lookUpNumber/.test(c)),
      [],
    );
    assert.ok(menusFor(bare).includes(COMMANDS.callLogCopySid));
  });
});

describe('Filter Calls… ranges', () => {
  for (const [text, integer, expected] of [
    ['10-60', true, { gte: 10, lte: 60 }],
    [' 10 - 60 ', true, { gte: 10, lte: 60 }],
    ['>=30', true, { gte: 30 }],
    ['<=90', true, { lte: 90 }],
    ['=45', true, { eq: 45 }],
    ['0.5-1.25', false, { gte: 0.5, lte: 1.25 }],
    ['0.5-1.25', true, undefined],
    ['60-10', true, undefined],
    ['>30', true, undefined],
    ['ten', true, undefined],
    ['', true, undefined],
  ] as const) {
    it(`${JSON.stringify(text)}${integer ? '' : ' (decimals)'} → ${JSON.stringify(expected)}`, () => {
      assert.deepStrictEqual(parseRange(text, integer), expected);
    });
  }
});
