// The Calls view on the sandbox's seeded history: grouping, icons, paging, refresh, filters, export, error rows, the details panel.
import { COMMANDS } from '../../src/common/commandIds';
import * as assert from 'assert';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, sandbox, SandboxHandle, waitFor, watchMessages } from './helpers';
import type { CallNode } from '../../src/features/callLog/callTreeItems';

async function rows(): Promise<CallNode[]> {
  const a = await api();
  return a.callLog.provider.getChildren();
}

async function allCalls(): Promise<CallNode[]> {
  const a = await api();
  const out: CallNode[] = [];
  for (const day of await rows()) if (day.kind === 'day') out.push(...(await a.callLog.provider.getChildren(day)));
  return out;
}

/** The next list pages (five asks) hold one call that reads and the rows given, which do not; returns the good call. */
function garbledPages(s: SandboxHandle, sid: string, ...unreadable: unknown[]) {
  const good = { Sid: sid, Status: 'completed', Direction: 'outbound-api', From: '09845012340', To: '09876543210', DateCreated: '2026-11-20 10:00:00' };
  s.faults.next({ kind: 'status', status: 200, body: { Metadata: { NextPageUri: null }, Calls: [good, ...unreadable] } }, { path: '/Calls.json', times: 5 });
  return good;
}

describe('call log', function () {
  this.timeout(60000);
  before(async () => {
    await sandbox();
  });

  it('shows day groups of calls with a status icon each, newest first, then Load more', async () => {
    const r = await rows();
    assert.strictEqual(r[0].kind, 'day');
    assert.strictEqual(r.at(-1)?.kind, 'loadMore');
    const a = await api();
    const calls = await allCalls();
    assert.strictEqual(calls.length, 50, 'one page of the default size');
    const items = calls.map(c => a.callLog.provider.getTreeItem(c));
    for (const item of items) {
      assert.ok(item.iconPath instanceof vscode.ThemeIcon);
      assert.match(String(item.id), /^call:[0-9a-z]{32}$/);
      assert.match(String(item.contextValue), /^exotel\.call:/);
      assert.ok(item.tooltip instanceof vscode.MarkdownString);
    }
    const dates = calls.map(c => (c.kind === 'call' ? (c.call.dateCreated ?? '') : ''));
    assert.deepStrictEqual(dates, [...dates].sort().reverse());
    assert.ok(!calls.some(c => c.kind === 'call' && ['in-progress', 'queued', 'ringing'].includes(c.call.status)), 'the bulk API leaves ongoing calls out');
  });

  it('two Load more clicks at once load one page', async () => {
    const a = await api();
    // Its own starting point: the unfiltered log with just its first page loaded.
    await vscode.commands.executeCommand(COMMANDS.callLogClearFilter);
    await a.callLog.model.ensureLoaded();
    assert.strictEqual((await allCalls()).length, 50, 'the first page alone');
    assert.ok(a.callLog.model.hasMore);
    const before = a.callLog.model.pagesFetched;
    await Promise.all([vscode.commands.executeCommand(COMMANDS.callLogLoadMore), vscode.commands.executeCommand(COMMANDS.callLogLoadMore)]);
    assert.strictEqual(a.callLog.model.pagesFetched, before + 1);
    assert.strictEqual((await allCalls()).length, 100);
  });

  it('filters by status and direction, shown in the view description; a filter pages to the end', async () => {
    const a = await api();
    const s = await sandbox();
    // Incoming calls end as Exotel reports them: no-answer when the caller hangs up before Exotel picks up.
    s.calls.add({ direction: 'inbound', status: 'no-answer', dateCreated: new Date(Date.now() - 86_400_000) });
    await vscode.commands.executeCommand(COMMANDS.callLogFilter, { statuses: ['no-answer'], direction: 'inbound' });
    assert.strictEqual(a.callLog.view.description, 'no-answer · inbound');
    assert.strictEqual(a.callLog.view.message, 'Filtered: no-answer · inbound');
    while (a.callLog.model.hasMore) await a.callLog.model.loadMore();
    const calls = await allCalls();
    const since = Date.now() - 31 * 86_400_000;
    const expected = s.calls.all().filter(c => c.status === 'no-answer' && c.direction === 'inbound' && c.createdAt >= since).length;
    assert.ok(expected > 0);
    assert.strictEqual(calls.length, expected);
    assert.ok(calls.every(c => c.kind === 'call' && c.call.status === 'no-answer' && c.call.direction === 'inbound'));
    const sent = s.requests.filter(r => r.path.endsWith('/Calls.json')).at(-1)!;
    assert.strictEqual(sent.query.Status, 'no-answer');
  });

  it('a date preset and a number filter', async () => {
    const a = await api();
    const s = await sandbox();
    const recent = Date.now() - 30 * 86_400_000;
    const some = s.calls.all().find(c => c.direction === 'outbound-api' && c.toE164 && c.createdAt > recent)!;
    await vscode.commands.executeCommand(COMMANDS.callLogFilter, { number: some.toE164, date: { preset: 'last31' } });
    while (a.callLog.model.hasMore) await a.callLog.model.loadMore();
    const calls = await allCalls();
    assert.ok(calls.some(c => c.kind === 'call' && c.call.sid === some.sid));
    const q = s.requests.filter(r => r.path.endsWith('/Calls.json')).map(r => r.query);
    assert.ok(q.some(x => x.To === some.toE164 && /^gte:.*;lte:/.test(String(x.DateCreated))));
    assert.ok(q.some(x => x.From === some.toE164));
  });

  it('filters by duration and price ranges, encoded as Exotel documents them', async () => {
    const a = await api();
    const s = await sandbox();
    await vscode.commands.executeCommand(COMMANDS.callLogFilter, { duration: { gte: 60, lte: 180 }, price: { gte: 1 } });
    assert.strictEqual(a.callLog.view.description, 'duration 60–180 s · price ≥ 1');
    while (a.callLog.model.hasMore) await a.callLog.model.loadMore();
    const calls = await allCalls();
    assert.ok(calls.length > 0);
    for (const c of calls) {
      assert.ok(c.kind === 'call' && c.call.duration! >= 60 && c.call.duration! <= 180 && c.call.price! >= 1, JSON.stringify(c));
    }
    const sent = s.requests.filter(r => r.path.endsWith('/Calls.json')).at(-1)!;
    assert.strictEqual(sent.query.Duration, 'gte:60s;lte:180s');
    assert.strictEqual(sent.query.Price, 'gte:1');
    await vscode.commands.executeCommand(COMMANDS.callLogClearFilter);
    assert.strictEqual(a.callLog.view.description, undefined);
  });

  it('a range older than 6 months is explained and not sent', async () => {
    const s = await sandbox();
    const a = await api();
    const old = new Date(Date.now() - 250 * 86_400_000);
    // Only a listing of that old day counts: the call log may refresh itself in the background meanwhile.
    const days = [old.toISOString().slice(0, 10), new Date(old.getTime() + 330 * 60_000).toISOString().slice(0, 10)];
    const sentOld = () => s.requests.filter(r => days.some(d => String(r.query.DateCreated ?? '').includes(d))).length;
    const before = sentOld();
    const messages = watchMessages();
    let result: unknown;
    try {
      result = await vscode.commands.executeCommand(COMMANDS.callLogFilter, {
        date: { preset: 'custom', from: old, to: new Date(old.getTime() + 86_400_000) },
      });
    } finally {
      messages.dispose();
    }
    assert.strictEqual(result, undefined);
    assert.strictEqual(sentOld(), before);
    // What the user was told, by this command.
    assert.strictEqual(messages.shown.length, 1, JSON.stringify(messages.shown));
    assert.match(messages.shown[0].message, /6 months/);
    assert.strictEqual(a.log.shown.at(-1), messages.shown[0].message);
  });

  it('a 401 is a "Sign in again" row; a 503 is an error row with Retry; never a toast', async () => {
    const a = await api();
    const s = await sandbox();
    await vscode.commands.executeCommand(COMMANDS.callLogClearFilter);
    const messages = watchMessages();
    try {
      s.faults.next(
        { kind: 'status', status: 401, body: { RestException: { Status: 401, Message: 'Authentication failed' } } },
        { path: '/Calls.json', times: 5 },
      );
      a.callLog.restart();
      let r = await rows();
      assert.strictEqual(r.length, 1);
      assert.strictEqual(a.callLog.provider.getTreeItem(r[0]).label, 'Sign in again');
      s.faults.clear();
      s.faults.next({ kind: '5xx' }, { path: '/Calls.json', times: 10 });
      a.callLog.restart();
      r = await rows();
      const item = a.callLog.provider.getTreeItem(r.at(-1)!);
      assert.match(String(item.label), /Retry/);
      assert.match(String(item.description), /unavailable/);
      s.faults.clear();
      await vscode.commands.executeCommand(COMMANDS.callLogLoadMore);
      assert.strictEqual((await rows())[0].kind, 'day');
    } finally {
      messages.dispose();
      s.faults.clear();
    }
    assert.deepStrictEqual(messages.shown, [], 'a message was shown');
  });

  it('rows Exotel garbled are left out and counted in a warning row; the rest of the page shows', async () => {
    const a = await api();
    const s = await sandbox();
    await vscode.commands.executeCommand(COMMANDS.callLogClearFilter);
    const good = garbledPages(s, 'f'.repeat(32), { Status: 'completed' }, 'junk');
    a.callLog.restart();
    const r = await rows();
    s.faults.clear();
    const skipped = r.find(n => n.kind === 'skipped');
    assert.ok(skipped, `rows: ${r.map(n => n.kind).join(', ')}`);
    assert.strictEqual(a.callLog.provider.getTreeItem(skipped).label, '2 calls could not be read');
    assert.ok(
      (await allCalls()).some(n => n.kind === 'call' && n.call.sid === good.Sid),
      'the readable call is listed',
    );
    a.callLog.restart();
    assert.ok(!(await rows()).some(n => n.kind === 'skipped'), 'the count goes with the list it was about');
  });

  it('a Refresh whose requests no longer reach the oldest call listed loads at most three pages more', async () => {
    const a = await api();
    await sandbox();
    const model = a.callLog.model;
    model.reset([{ pageSize: 5 }]);
    for (let i = 0; i < 4; i++) await model.loadMore();
    const oldest = model.state.calls.at(-1)!.dateCreated!;
    // A window that ends after the oldest call listed, as "Today" does after midnight: one call a page, many pages.
    const since = new Date(Date.parse(`${oldest.replace(' ', 'T')}+05:30`) + 3_600_000);
    const pages = model.pagesFetched;
    await model.reload([{ pageSize: 1, dateCreated: { gte: since } }]);
    assert.ok(model.state.calls.length >= 4, `the refreshed list (${model.state.calls.length} calls)`);
    assert.strictEqual(model.pagesFetched - pages, 4 + 3, 'pages loaded by the refresh');
    await vscode.commands.executeCommand(COMMANDS.callLogClearFilter);
  });

  it('Refresh keeps the pages Load more brought in and adds new calls; a failed Refresh keeps the list', async () => {
    const a = await api();
    const s = await sandbox();
    await vscode.commands.executeCommand(COMMANDS.callLogClearFilter);
    await a.callLog.model.ensureLoaded();
    await vscode.commands.executeCommand(COMMANDS.callLogLoadMore);
    await vscode.commands.executeCommand(COMMANDS.callLogLoadMore);
    const before = a.callLog.model.state.calls;
    assert.ok(before.length >= 150, `three pages loaded (${before.length})`);
    const fromPage3 = before.at(-1)!;
    const added = s.calls.add({ status: 'completed', direction: 'outbound-api' });
    const pages = a.callLog.model.pagesFetched;
    await vscode.commands.executeCommand(COMMANDS.callLogRefresh);
    let sids = a.callLog.model.state.calls.map(c => c.sid);
    assert.ok(sids.includes(fromPage3.sid), 'a call from the third page is still listed');
    assert.ok(sids.includes(added.sid), 'the new call is listed');
    assert.ok(sids.length > before.length);
    assert.ok(a.callLog.model.pagesFetched - pages >= 3, 'every page was asked for again');
    await vscode.commands.executeCommand(COMMANDS.callLogLoadMore);
    sids = a.callLog.model.state.calls.map(c => c.sid);
    assert.strictEqual(new Set(sids).size, sids.length, 'Load more goes on after the refreshed pages');
    assert.ok(sids.length >= before.length + 50);
    s.faults.next({ kind: '5xx' }, { path: '/Calls.json', times: 10 });
    try {
      await vscode.commands.executeCommand(COMMANDS.callLogRefresh);
    } finally {
      s.faults.clear();
    }
    assert.strictEqual(a.callLog.model.state.calls.length, sids.length, 'the list stays when the refresh fails');
    assert.strictEqual((await rows()).at(-1)?.kind, 'error');
    await vscode.commands.executeCommand(COMMANDS.callLogClearFilter);
  });

  it('a cancelled export says that nothing was written, and writes nothing', async () => {
    const uri = vscode.Uri.file(path.join(os.tmpdir(), `exotel-export-cancelled-${Date.now()}.json`));
    const shown: string[] = [];
    // The notification's Cancel button, pressed as the first page arrives; and what the user is told.
    const window = vscode.window as { -readonly [K in keyof typeof vscode.window]: (typeof vscode.window)[K] };
    const { withProgress, showInformationMessage } = window;
    window.withProgress = ((_options, task) => {
      const cancel = new vscode.CancellationTokenSource();
      return task({ report: () => cancel.cancel() }, cancel.token);
    }) as typeof withProgress;
    window.showInformationMessage = ((message: string) => {
      shown.push(message);
      return Promise.resolve(undefined);
    }) as typeof showInformationMessage;
    try {
      assert.strictEqual(await vscode.commands.executeCommand(COMMANDS.exportCalls, { format: 'json', uri }), undefined);
    } finally {
      window.withProgress = withProgress;
      window.showInformationMessage = showInformationMessage;
    }
    assert.deepStrictEqual(shown, ['Export cancelled; nothing was written.']);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(uri)), 'no file');
  });

  it('an export says how many rows Exotel sent that could not be read and were left out', async () => {
    const s = await sandbox();
    await vscode.commands.executeCommand(COMMANDS.callLogClearFilter);
    garbledPages(s, 'e'.repeat(31) + '1', { Status: 'busy' });
    const watch = watchMessages();
    const json = vscode.Uri.file(path.join(os.tmpdir(), `exotel-export-skipped-${Date.now()}.json`));
    try {
      await vscode.commands.executeCommand(COMMANDS.exportCalls, { format: 'json', uri: json });
    } finally {
      watch.dispose();
      s.faults.clear();
    }
    const exported = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(json)).toString('utf8')) as unknown[];
    assert.strictEqual(exported.length, 1);
    const told = watch.shown.find(m => /Exported/.test(m.message));
    assert.ok(told, JSON.stringify(watch.shown));
    assert.strictEqual(told.kind, 'showWarningMessage');
    assert.match(told.message, /^Exported 1 call to .*\. Phone numbers are in full\. 1 row Exotel sent could not be read and was left out\.$/);
  });

  it('exports every page of the filter to JSON and CSV', async () => {
    const a = await api();
    const s = await sandbox();
    const PAGE = 5; // small, so that the failed calls take several pages
    const config = () => vscode.workspace.getConfiguration('exotel');
    await config().update('callLog.pageSize', PAGE, vscode.ConfigurationTarget.Global);
    try {
      await waitFor('exotel.callLog.pageSize to apply', () => config().get('callLog.pageSize') === PAGE);
      await vscode.commands.executeCommand(COMMANDS.callLogFilter, { statuses: ['failed'] });
      while (a.callLog.model.hasMore) await a.callLog.model.loadMore();
      const listed = (await allCalls()).length;
      const marker = s.requests.length;
      const json = vscode.Uri.file(path.join(os.tmpdir(), `exotel-export-${Date.now()}.json`));
      await vscode.commands.executeCommand(COMMANDS.exportCalls, { format: 'json', uri: json });
      const exported = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(json)).toString('utf8')) as Array<{ status: string }>;
      const pages = s.requests.slice(marker).filter(r => r.path.endsWith('/Calls.json'));
      assert.ok(exported.length > PAGE, `more than one page of failed calls (${exported.length})`);
      assert.strictEqual(exported.length, listed, 'as many rows as the Calls view lists');
      assert.ok(
        pages.every(r => r.query.PageSize === String(PAGE)),
        'the export used the page size',
      );
      assert.ok(pages.length >= Math.ceil(exported.length / PAGE), `${pages.length} pages for ${exported.length} calls`);
      const window = Date.now() - 31 * 86_400_000; // the bulk API's default: the last 31 days
      assert.strictEqual(exported.length, s.calls.all().filter(c => c.status === 'failed' && c.createdAt > window).length);
      assert.ok(exported.every(c => c.status === 'failed'));
      const csv = vscode.Uri.file(path.join(os.tmpdir(), `exotel-export-${Date.now()}.csv`));
      await vscode.commands.executeCommand(COMMANDS.exportCalls, { format: 'csv', uri: csv });
      const lines = Buffer.from(await vscode.workspace.fs.readFile(csv))
        .toString('utf8')
        .trim()
        .split('\r\n');
      assert.strictEqual(lines[0].split(',')[0], 'Sid');
      assert.strictEqual(lines.length, exported.length + 1);
    } finally {
      await config().update('callLog.pageSize', undefined, vscode.ConfigurationTarget.Global);
      await waitFor('exotel.callLog.pageSize to be reset', () => config().get('callLog.pageSize') === 50);
      await vscode.commands.executeCommand(COMMANDS.callLogClearFilter);
    }
  });

  it('opens the call details panel with both legs', async () => {
    const a = await api();
    const s = await sandbox();
    const call = s.calls.all().find(c => c.status === 'no-answer' && c.direction === 'outbound-api' && c.legs.length === 2)!;
    assert.ok(call, 'a two-leg no-answer call in the seeded history');
    const sid = await vscode.commands.executeCommand<string>(COMMANDS.showCallDetails, call.sid);
    assert.strictEqual(sid, call.sid);
    await waitFor('the panel to fetch the call', () => s.requests.some(r => r.path.includes(call.sid)));
    const got = s.requests.filter(r => r.path.includes(call.sid)).at(-1);
    assert.ok(got, 'the panel fetched the call');
    assert.strictEqual(got.query.details, 'true');
    assert.strictEqual(got.query.RecordingUrlValidity, '30');
    // What the panel shows: both legs, as the sandbox recorded them.
    const view = await waitFor('the panel to show the call', () => a.callDetails.view(call.sid));
    assert.strictEqual(view.sid, call.sid);
    assert.deepStrictEqual(
      view.legs.map(l => [l.leg, l.status]),
      call.legs.map(l => [String(l.id), l.status ?? '—']),
    );
    assert.match(view.legs[0].who, /^Agent \(From\)/);
    assert.match(view.legs[1].who, /^Customer \(To\)/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('pages 10,000 calls in to the end without a duplicate (figures in the log)', async function () {
    this.timeout(120000);
    const a = await api();
    const s = await sandbox();
    // Taken out again at the end: later suites (Call Stats fetches details per call) must find the usual history.
    const seeded = s.calls.seed({ count: 10_000 - s.calls.size, days: 30, seed: 7 }).map(c => c.sid);
    await vscode.workspace.getConfiguration('exotel').update('callLog.pageSize', 100, vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand(COMMANDS.callLogClearFilter);
      const heapBefore = process.memoryUsage().heapUsed;
      let peak = heapBefore;
      const times: number[] = [];
      await a.callLog.model.ensureLoaded();
      while (a.callLog.model.hasMore) {
        const t = Date.now();
        await a.callLog.model.loadMore();
        times.push(Date.now() - t);
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }
      const calls = a.callLog.model.state.calls;
      const windowStart = Date.now() - 31 * 86_400_000; // the bulk API's default window, as of now
      const expected = s.calls.all().filter(c => c.createdAt > windowStart && !['in-progress', 'queued', 'ringing'].includes(c.status));
      const listed = new Set(calls.map(c => c.sid));
      assert.strictEqual(listed.size, calls.length, 'no call twice');
      assert.ok(expected.length > 9000, `the seeded history is in the window (${expected.length})`);
      assert.deepStrictEqual(
        expected.filter(c => !listed.has(c.sid)).map(c => c.sid),
        [],
        'every call of the window is listed',
      );
      const sorted = [...times].sort((x, y) => x - y);
      console.log(
        `      (10,000 calls: ${calls.length} listed in ${times.length + 1} pages; ms per page median ${sorted[Math.floor(sorted.length / 2)]}, p95 ${sorted[Math.floor(sorted.length * 0.95)]}; ` +
          `extension-host heap growth ${((peak - heapBefore) / 1048576).toFixed(1)} MB peak, ${((process.memoryUsage().heapUsed - heapBefore) / 1048576).toFixed(1)} MB after)`,
      );
    } finally {
      assert.strictEqual(s.calls.remove(seeded), seeded.length);
      await vscode.workspace.getConfiguration('exotel').update('callLog.pageSize', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand(COMMANDS.callLogClearFilter);
    }
  });
});
