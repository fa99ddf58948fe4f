// Editor-free parts of the call features: filters to requests, CSV, summaries, snippets.
import * as assert from 'assert';
import { Call } from '../../../src/exotel';
import { csvCell, toCsv } from '../../../src/features/callLog/callExportFormat';
import { escapeMarkdown } from '../../../src/common/markdown';
import { callDescription, dayLabel, displayNumber, statusStyle } from '../../../src/common/callText/callFormat';
import { describeFilter, presetRange, toRequests } from '../../../src/features/callLog/callLogFilter';
import { summarize } from '../../../src/common/callText/callSummary';
import { plain, useTranslator } from '../../../src/common/callText/translate';
import { curlSnippet, nodeSnippet } from '../../../src/features/calls/requestSnippets';

const IST = 330;
const NOW = new Date('2026-11-26T12:00:00Z'); // 17:30 IST
const call = (c: Partial<Call>): Call => ({ sid: 'a'.repeat(32), status: 'completed', ...c });

describe('call log filter → requests', () => {
  it('a preset becomes a DateCreated window in the account zone', () => {
    const { from, to } = presetRange('today', NOW, IST);
    assert.strictEqual(from.toISOString(), '2026-11-25T18:30:00.000Z', 'midnight IST');
    assert.strictEqual(to, NOW);
    const [req] = toRequests({ date: { preset: 'yesterday' } }, 50, NOW, IST);
    assert.deepStrictEqual(req.dateCreated, { gte: new Date('2026-11-24T18:30:00.000Z'), lte: new Date('2026-11-25T18:29:59.000Z') });
  });

  it('a range over 31 days is split into windows, and a number asks To and From', () => {
    const reqs = toRequests({ date: { preset: 'custom', from: new Date('2026-09-01T00:00:00Z'), to: NOW }, number: '+919876543210' }, 100, NOW, IST);
    assert.strictEqual(reqs.length, 6, '3 windows × (To, From)');
    assert.deepStrictEqual(
      reqs.slice(0, 2).map(r => [r.to, r.from]),
      [
        [['+919876543210'], undefined],
        [undefined, ['+919876543210']],
      ],
    );
    for (const r of reqs) assert.ok((r.dateCreated!.lte as Date).getTime() - (r.dateCreated!.gte as Date).getTime() <= 31 * 86_400_000);
  });

  it('history older than 6 months is refused before anything is sent', () => {
    assert.throws(
      () => toRequests({ date: { preset: 'custom', from: new Date('2026-04-01T00:00:00Z'), to: new Date('2026-04-05T00:00:00Z') } }, 50, NOW, IST),
      /6 months/,
    );
  });

  it('describes the filter in the account zone', () => {
    const d = describeFilter(
      {
        statuses: ['busy', 'failed'],
        date: { preset: 'custom', from: new Date('2026-10-31T18:30:00Z'), to: new Date('2026-11-05T18:29:59Z') },
        price: { lte: 2 },
      },
      IST,
    );
    assert.strictEqual(d, 'busy, failed · 2026-11-01 → 2026-11-05 · price ≤ 2');
  });
});

describe('call text', () => {
  it('a status icon for every status, and an unknown one does not break', () => {
    assert.deepStrictEqual([statusStyle('in-progress').icon, statusStyle('completed').color], ['sync~spin', 'testing.iconPassed']);
    assert.strictEqual(statusStyle('on-hold').label, 'on-hold');
  });

  it('duration and price read "pending" until Exotel fills them', () => {
    assert.strictEqual(
      callDescription(call({ dateCreated: '2026-11-26 10:05:00', direction: 'inbound' })),
      '10:05 · pending · pending · incoming · outcome unknown',
    );
    assert.strictEqual(
      callDescription(call({ dateCreated: '2026-11-26 10:05:00', duration: 65, price: 1.5, direction: 'outbound-api' })),
      '10:05 · 1 m 05 s · 1.50 · outgoing (API)',
    );
  });

  it('days read Today, Yesterday, then dates', () => {
    assert.strictEqual(dayLabel('2026-11-26 10:00:00', '2026-11-26', '2026-11-25'), 'Today');
    assert.strictEqual(dayLabel('2026-11-25 23:59:59', '2026-11-26', '2026-11-25'), 'Yesterday');
    assert.strictEqual(dayLabel('2026-11-20 10:00:00', '2026-11-26', '2026-11-25'), 'Fri, 20 Nov, 2026');
  });

  it('numbers display internationally; masked ones as Exotel sent them', () => {
    assert.strictEqual(displayNumber('09876543210'), '+91 98765 43210');
    assert.strictEqual(displayNumber('0XXXXX38847'), '0XXXXX38847');
  });

  it('escapes every Markdown and HTML character', () => {
    assert.strictEqual(escapeMarkdown('<b>[x](command:y)</b> $(zap)'), '\\<b\\>\\[x\\]\\(command\\:y\\)\\<\\/b\\> \\\\\\$\\(zap\\)');
  });

  it('says what happened on a call in words', () => {
    assert.strictEqual(
      summarize(
        call({
          details: {
            leg1Status: 'completed',
            leg2Status: 'no-answer',
            legs: [
              { id: 1, onCallDuration: 21 },
              { id: 2, onCallDuration: 0 },
            ],
          },
        }),
      ),
      "The customer never answered; the agent's leg was connected for 21 s.",
    );
    assert.strictEqual(
      summarize(call({ status: 'no-answer', details: { leg1Status: 'no-answer', legs: [] } })),
      'The agent (From) never answered, so the customer was never called.',
    );
    assert.strictEqual(
      summarize(call({ details: { conversationDuration: 8, leg1Status: 'completed', leg2Status: 'completed', legs: [{ id: 1, onCallDuration: 21 }] } })),
      "Both sides answered and talked for 8 s; the agent's leg was connected for 21 s.",
    );
  });
});

describe('exports and snippets', () => {
  it('CSV defuses formulas but keeps phone numbers as they are', () => {
    assert.strictEqual(csvCell('+919876543210'), '+919876543210');
    assert.strictEqual(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
    assert.strictEqual(csvCell('+cmd|calc'), "'+cmd|calc");
    assert.strictEqual(csvCell('a,b'), '"a,b"');
    assert.strictEqual(
      toCsv([call({ from: '@SUM(1)', duration: 5 })])
        .split('\r\n')[1]
        .split(',')[5],
      "'@SUM(1)",
    );
  });

  it('snippets quote values for the shell and leave the secrets in the environment', () => {
    const curl = curlSnippet('https://api.exotel.com/v1/Accounts/a/Calls/connect.json', [
      ['CustomField', "it's"],
      ['To', '+919876543210'],
    ]);
    assert.match(curl, /--data-urlencode 'CustomField=it'\\''s'/);
    assert.match(curl, /-u "\$EXOTEL_API_KEY:\$EXOTEL_API_TOKEN"/);
    const node = nodeSnippet('https://api.exotel.com/x', [['To', '+919876543210']]);
    assert.match(node, /\["To", "\+919876543210"\]/);
    assert.match(node, /process\.env\.EXOTEL_API_TOKEN/);
  });
});

describe('call text goes through the installed translator', () => {
  afterEach(() => useTranslator(plain));

  it('summaries, status labels, durations and field labels are translated, with their placeholders filled', () => {
    const seen: string[] = [];
    useTranslator((message, ...args) => {
      seen.push(message);
      return `«${plain(message, ...args)}»`;
    });
    const busy = call({ status: 'busy', details: { legs: [{ id: 1, onCallDuration: 12 }], leg1Status: 'completed', leg2Status: 'busy' } });
    assert.strictEqual(summarize(busy), "«The customer «was busy»«; the agent's leg was connected for «12 s»».»");
    assert.strictEqual(statusStyle('no-answer').label, '«No answer»');
    assert.strictEqual(
      callDescription(call({ duration: 75, dateCreated: '2026-11-26 10:05:00', direction: 'inbound' })),
      '10:05 · «1 m 15 s» · «pending» · «incoming» · «outcome unknown»',
    );
    assert.ok(seen.includes('The customer {0}{1}.'), 'the message is the template, so a translation bundle can find it');
  });
});
