// Call Stats in a real VS Code over the sandbox's seeded history: the panel's figures against the sandbox's own
// records, counted here independently; a click filters the Calls view; lookups respect the privacy setting.
import { COMMANDS } from '../../src/common/commandIds';
import * as assert from 'assert';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, sandbox, waitFor, watchMessages } from './helpers';
import type { CallRecord } from '../../src/sandbox';
import { resolveRange } from '../../src/stats';
import { syntheticCalls } from '../unit/stats/syntheticCalls';

const MISSED_LEG = ['no-answer', 'busy', 'failed', 'canceled'];

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('exotel').update(key, value, vscode.ConfigurationTarget.Global);
  const want = JSON.stringify(value ?? vscode.workspace.getConfiguration('exotel').inspect(key)?.defaultValue);
  await waitFor(`exotel.${key} = ${want}`, () => JSON.stringify(vscode.workspace.getConfiguration('exotel').get(key)) === want);
}

/** What the sandbox would list for the range (ended calls only), counted from its store. */
function expected(records: readonly CallRecord[], fromMs: number) {
  const listed = records.filter(r => r.createdAt >= fromMs && ['completed', 'busy', 'no-answer', 'failed', 'canceled'].includes(r.status));
  // An incoming call no agent answered is missed; one that never reached an agent (no leg 2) is a call attempt.
  const answered = listed.filter(
    r => r.status === 'completed' && !(r.direction === 'inbound' && (r.legs[1]?.status == null || MISSED_LEG.includes(r.legs[1].status))),
  );
  const spend = listed.reduce((s, r) => s + (r.price ?? 0), 0);
  const notAnsweredSpend = listed.filter(r => !answered.includes(r)).reduce((s, r) => s + (r.price ?? 0), 0);
  const talk = answered.reduce((s, r) => s + (r.conversationDuration ?? 0), 0);
  const attempts = listed.filter(r => r.status === 'completed' && r.direction === 'inbound' && r.legs[1]?.status == null).length;
  return { calls: listed.length, answered: answered.length, attempts, spend, notAnsweredSpend, talk, listed };
}

describe('call stats', function () {
  this.timeout(180000);
  before(async () => {
    await sandbox();
  });
  after(async () => {
    await setSetting('hover.lookup', undefined);
    await vscode.commands.executeCommand(COMMANDS.callLogClearFilter);
  });

  it("shows the seeded history's figures, matching the sandbox's own records", async () => {
    const a = await api();
    const view = await vscode.commands.executeCommand<import('../../src/webview-ui/protocol').StatsView>(COMMANDS.showCallStats, { preset: 'last90' });
    assert.ok(view, 'the command returns the view model');
    const panel = a.callStats.panel()!;
    const range = resolveRange({ preset: 'last90' }, new Date(), 330);
    const want = expected(a.sandbox.handle!.calls.all(), range.from.getTime());
    const h = panel.lastStats!.headline;
    assert.ok(want.calls > 250, `the seeded history is there (${want.calls})`);
    assert.strictEqual(h.calls, want.calls);
    assert.strictEqual(h.answered, want.answered);
    assert.strictEqual(h.attempts, want.attempts, 'incoming calls that never reached an agent are call attempts');
    assert.strictEqual(h.uncertain, 0, 'the listing carried legs');
    assert.ok(Math.abs(h.spend - want.spend) < 0.005, `spend ${h.spend} vs ${want.spend}`);
    assert.ok(Math.abs(h.spendNotAnswered - want.notAnsweredSpend) < 0.005, `not-answered spend ${h.spendNotAnswered} vs ${want.notAnsweredSpend}`);
    assert.strictEqual(h.totalTalkSeconds, want.talk);
    assert.strictEqual(view.headline.find(f => f.id === 'calls')?.value, String(want.calls));
    assert.strictEqual(view.headline.find(f => f.id === 'spend')?.value, want.spend.toFixed(2));
    assert.deepStrictEqual(
      view.charts.map(c => c.id),
      ['perDay', 'heatmap', 'answerRate', 'talkTime', 'spendPerDay', 'exophone', 'direction', 'circle', 'operator'],
    );
    assert.strictEqual(view.charts[0].labels.length, 90, 'one bar per day of the range, empty days included');
    // Per ExoPhone adds up to every call
    const exo = view.charts.find(c => c.id === 'exophone')!;
    assert.strictEqual(
      exo.series.reduce((s, x) => s + x.values.reduce((a2, b) => a2 + b, 0), 0),
      want.calls,
    );
  });

  it('answers the same range from its cache, and Refresh fetches again', async () => {
    const a = await api();
    const requests = a.sandbox.handle!.requests;
    const before = requests.length;
    await vscode.commands.executeCommand(COMMANDS.showCallStats, { preset: 'last90' });
    assert.strictEqual(requests.length, before, 'no request for a cached range');
    await a.callStats.panel()!.refresh(true);
    const listed = requests.slice(before).filter(r => /\/Calls\.json/.test(r.path ?? r.url ?? ''));
    assert.ok(listed.length >= 3, `90 days are three 31-day windows (${listed.length} requests)`);
  });

  it('a click on a bar shows exactly those calls in the Calls view', async () => {
    const a = await api();
    const panel = a.callStats.panel()!;
    const day = panel.lastStats!.perDay.filter(d => d.outcomes.answered > 0).at(-1)!;
    const selection = await panel.select({ chart: 'perDay', day: day.day, outcome: 'answered' });
    assert.ok(selection);
    const sids = selection.windows.flatMap(w => w.sids);
    assert.strictEqual(sids.length, day.outcomes.answered);
    assert.match(a.callLog.currentFilter.selection?.label ?? '', /Call Stats/);
    const shown = await waitFor(
      'the Calls view to list the selection',
      async () => {
        const groups = await a.callLog.provider.getChildren();
        const calls = [];
        for (const g of groups) if (g.kind === 'day') calls.push(...(await a.callLog.provider.getChildren(g)));
        return calls.length ? calls : undefined;
      },
      30000,
    );
    for (const c of shown) if (c.kind === 'call') assert.ok(sids.includes(c.call.sid), `${c.call.sid} was not selected`);
    await vscode.commands.executeCommand(COMMANDS.callLogClearFilter);
  });

  it("on a listing without legs: fetches each incoming completed call's details (once), says so, and the figures stay right; the Calls view too", async () => {
    const a = await api();
    const handle = a.sandbox.handle!;
    await setSetting('sandbox.bulkListingIgnoresDetails', true);
    try {
      assert.strictEqual(handle.bulkIgnoresDetails, true, 'the setting reached the running sandbox');
      const before = handle.requests.length;
      const view = await vscode.commands.executeCommand<import('../../src/webview-ui/protocol').StatsView>(COMMANDS.showCallStats, { preset: 'last7' });
      await a.callStats.panel()!.refresh(true);
      const panel = a.callStats.panel()!;
      const range = resolveRange({ preset: 'last7' }, new Date(), 330);
      const want = expected(handle.calls.all(), range.from.getTime());
      const incoming = want.listed.filter(r => r.direction === 'inbound' && r.status === 'completed');
      assert.ok(incoming.length > 5, `the range has incoming completed calls (${incoming.length})`);
      // Call Stats' own requests: a call's details with its legs (a placed call being followed asks without details).
      const isFill = (r: (typeof handle.requests)[number]) => /\/Calls\/[0-9a-z]{32}(\.json)?$/.test(r.path) && r.query.details === 'true';
      const singles = handle.requests.slice(before).filter(isFill);
      assert.deepStrictEqual(
        [...new Set(singles.map(r => r.path.split('/').pop()!.replace('.json', '')))].sort(),
        incoming.map(r => r.sid).sort(),
        'one details request per incoming completed call, no other',
      );
      const h = panel.lastStats!.headline;
      assert.deepStrictEqual([h.calls, h.answered, h.attempts, h.uncertain], [want.calls, want.answered, want.attempts, 0]);
      assert.ok(view);
      const notes = panel.lastView?.notes ?? [];
      assert.ok(
        notes.some(n => n.includes(`Exotel listed ${incoming.length} incoming calls without leg statuses`)),
        `the panel says so: ${JSON.stringify(notes)}`,
      );

      // Refresh: the details are remembered, nothing is fetched twice.
      const again = handle.requests.length;
      await panel.refresh(true);
      assert.strictEqual(handle.requests.slice(again).filter(isFill).length, 0);

      // The Calls view: the rows get their legs (no "outcome unknown" left) without a toast.
      a.callLog.restart();
      await waitFor(
        'every incoming completed row to have its legs',
        async () => {
          await a.callLog.model.ensureLoaded();
          const st = a.callLog.model.state;
          const open = st.calls.filter(c => c.direction === 'inbound' && c.status === 'completed' && !c.details);
          return !st.fillingLegs && st.calls.length && open.length === 0 ? true : undefined;
        },
        60000,
      );
      const rows = await a.callLog.provider.getChildren();
      assert.ok(!rows.some(r => r.kind === 'legs'), 'no "without legs" row once all are known');
    } finally {
      await setSetting('sandbox.bulkListingIgnoresDetails', undefined);
    }
    assert.strictEqual(handle.bulkIgnoresDetails, false);
  });

  it('exports the figures as CSV', async () => {
    const a = await api();
    const uri = vscode.Uri.file(path.join(os.tmpdir(), `exotel-stats-${Date.now()}.csv`));
    const messages = watchMessages();
    try {
      await a.callStats.panel()!.exportCsv(uri);
    } finally {
      messages.dispose();
    }
    const text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
    assert.match(text, /^section,item,calls,answered/);
    assert.match(text, new RegExp(`headline,calls,,,,,${a.callStats.panel()!.lastStats!.headline.calls}\\r\\n`));
    assert.doesNotMatch(text, new RegExp(a.sandbox.handle!.apiToken));
  });

  it('saves a chart image only from a PNG data URL', async () => {
    const a = await api();
    const panel = a.callStats.panel()!;
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const uri = vscode.Uri.file(path.join(os.tmpdir(), `exotel-chart-${Date.now()}.png`));
    assert.strictEqual(await panel.saveImage({ chart: 'perDay', dataUrl: 'data:text/html;base64,PHNjcmlwdD4=' }, uri), undefined);
    const saved = await panel.saveImage({ chart: 'perDay', dataUrl: `data:image/png;base64,${png}` }, uri);
    assert.ok(saved);
    const bytes = await vscode.workspace.fs.readFile(uri);
    assert.strictEqual(Buffer.from(bytes).subarray(1, 4).toString('latin1'), 'PNG');
  });

  it('never looks numbers up when lookups are off, and says so', async () => {
    const a = await api();
    await setSetting('hover.lookup', 'off');
    const panel = a.callStats.panel()!;
    await panel.configure(); // the view reads the setting again
    const before = a.numbers.requestCount;
    const view = panel.lastView!;
    assert.ok(view.lookup, 'the seeded customers are not in the number cache');
    assert.strictEqual(view.lookup.enabled, false);
    assert.match(view.lookup.note ?? '', /off/);
    const messages = watchMessages();
    try {
      assert.strictEqual(await panel.lookUpUnknown(), 0);
    } finally {
      messages.dispose();
    }
    assert.strictEqual(a.numbers.requestCount, before);
    assert.ok(messages.shown.some(m => /lookup is off/i.test(m.message)));
  });

  it('looks the unknown numbers up on request and then splits by circle and operator', async () => {
    const a = await api();
    await setSetting('hover.lookup', 'ask');
    const panel = a.callStats.panel()!;
    const unknown = panel.lastStats!.unknownNumbers.length;
    const looked = await panel.lookUpUnknown();
    assert.strictEqual(looked, unknown);
    const circles = panel.lastStats!.byCircle;
    assert.ok(!circles.some(c => c.key === '?unknown'), 'no call is left "Not looked up"');
    assert.ok(circles.filter(c => !c.key.startsWith('?')).length >= 2, 'calls are split by circle');
  });

  it('logs the first paint with 10,000 calls and the event-loop delay of a fetch (figures, not asserted)', async () => {
    const a = await api();
    const panel = a.callStats.panel()!;
    await panel.refresh(true);
    const fetched = { ...panel.figures };
    const calls = syntheticCalls(10_000);
    const range = resolveRange({ preset: 'custom', fromDay: '2026-03-01', toDay: '2026-03-30' }, new Date('2026-03-31T12:00:00Z'), 330);
    panel.figures.firstPaintMs = undefined;
    await panel.showCalls(calls, range);
    const paint = await waitFor('the first paint with 10,000 calls', () => panel.figures.firstPaintMs, 60000);
    console.log(
      `    [figures] Call Stats: 10,000 calls computed in ${panel.figures.computeMs?.toFixed(1)} ms, first paint ${paint.toFixed(0)} ms; ` +
        `sandbox fetch: event-loop delay p99 ${fetched.loopDelayP99Ms?.toFixed(1)} ms (max ${fetched.loopDelayMaxMs?.toFixed(1)} ms)`,
    );
    assert.strictEqual(panel.lastStats!.headline.calls, 10_000);
  });
});
