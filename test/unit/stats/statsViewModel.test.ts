import * as assert from 'assert';
import { bucketLabel, lookupAction, statsView } from '../../../src/features/callStats/statsViewModel';
import { computeStats, NOT_COVERED, UNKNOWN } from '../../../src/stats';
import { syntheticCalls } from './syntheticCalls';

describe('stats: the panel view model', () => {
  const range = { preset: 'last30', fromDay: '2026-03-01', toDay: '2026-03-30', minDay: '2025-10-01', maxDay: '2026-03-31' };

  it('says what a lookup would cost, and that nothing is sent when lookups are off', () => {
    assert.strictEqual(lookupAction(0, 'ask', 200), undefined);
    assert.deepStrictEqual(lookupAction(450, 'ask', 200), { label: 'Look up 450 numbers (about 450 requests, 3 min at the rate limit)', enabled: true });
    const off = lookupAction(450, 'off', 200)!;
    assert.strictEqual(off.enabled, false);
    assert.match(off.note!, /off .*no number is sent/);
  });

  it('names buckets in words', () => {
    assert.strictEqual(bucketLabel('circle', UNKNOWN), 'Not looked up');
    assert.strictEqual(bucketLabel('operator', NOT_COVERED), 'Not an Indian mobile or landline');
    assert.strictEqual(bucketLabel('exophone', '08047112345'), '+91 80 4711 2345');
    assert.strictEqual(bucketLabel('direction', 'inbound'), 'incoming');
  });

  it('gives every chart a table with one row per bar, and the headline as text', () => {
    const stats = computeStats(syntheticCalls(1000, 100), { days: Array.from({ length: 30 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`) });
    const v = statsView({ stats, range, applyFilter: false, subtitle: '' });
    assert.strictEqual(v.headline.find(f => f.id === 'calls')!.value, '1000');
    assert.match(v.headline.find(f => f.id === 'asr')!.value, /^\d+\.\d %$/);
    for (const c of v.charts) {
      if (c.kind === 'heat') assert.strictEqual(c.table.rows.length, 7, c.id);
      else assert.strictEqual(c.table.rows.length, c.labels.length, c.id);
    }
    const perDay = v.charts.find(c => c.id === 'perDay')!;
    assert.strictEqual(perDay.labels.length, 30);
    assert.ok(
      perDay.series.every(s => s.color.startsWith('--vscode-')),
      'theme colours only',
    );
  });
});
