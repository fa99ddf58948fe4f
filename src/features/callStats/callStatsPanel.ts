import { monitorEventLoopDelay } from 'perf_hooks';
import * as vscode from 'vscode';
import { Call, CallFilter, ExotelClient, parseExotelTime } from '../../exotel';
import { ExotelPanel } from '../../common/webview/panel';
import { showInfo, showWarning } from '../../common/notify';
import { Log } from '../../common/log';
import { defaultSaveUri } from '../../common/saveLocation';
import {
  CallStats,
  ChartId,
  computeStatsInSlices,
  dayOf,
  NumberFacts,
  oldestKept,
  OUTCOMES,
  RangeChoice,
  RANGE_PRESETS,
  rangeWindows,
  selectCalls,
  StatsOptions,
  StatsRange,
  StatsSelection,
  statsToCsv,
  withoutLegsNote,
} from '../../stats';
import { SelectionMessage, STATS_MESSAGES, StatsMessage } from '../../webview-ui/messages';
import { StatsView } from '../../webview-ui/protocol';
import { fetchAllCalls } from './fetchCalls';
import { LoadedCalls, prepareLoad, RangeLoad, remember } from './statsLoader';
import { bucketLabel, lookupAction, outcomeLabel, statsView } from './statsViewModel';

import { t } from '../../common/callText/translate';
import { errorMessage } from '../../base/errorMessage';
const CHARTS: readonly ChartId[] = ['perDay', 'heatmap', 'answerRate', 'talkTime', 'spendPerDay', 'exophone', 'direction', 'circle', 'operator'];

/** Exactly these calls, by SID within the 31-day window each was listed in (the Calls view's selection filter). */
export interface CallSelection {
  label: string;
  windows: Array<{ gte: Date; lte: Date; sids: string[] }>;
}

/** What Call Stats asks of the Calls view (the composition root hands it the CallLog). */
export interface CallsViewPort {
  requestsOver(from: Date, to: Date, withFilter: boolean): { requests: CallFilter[]; filterKey: string };
  /** The filter Call Stats could apply, in words; undefined when the view has none. */
  statsFilterText(): string | undefined;
  showSelection(selection: CallSelection): Promise<void>;
}

/** What the panel needs from the rest of the extension. */
export interface StatsSource {
  /** The signed-in account: a key per profile and account, its client and the profile's name. Throws when signed out. */
  connection(): Promise<{ key: string; client: ExotelClient; profileName: string }>;
  callsView: CallsViewPort;
  offsetMinutes(): number;
  /** From the number cache only; never sends anything. */
  numberFacts(e164: string): NumberFacts | undefined;
  lookUp(e164: string, signal: AbortSignal): Promise<unknown>;
  lookupMode(): string;
  log: Log;
}

export interface StatsFigures {
  /** From posting the figures to the page's second animation frame after drawing them. */
  firstPaintMs?: number;
  /** Event-loop delay while the last fetch and computation ran, ms. */
  loopDelayP99Ms?: number;
  loopDelayMaxMs?: number;
  computeMs?: number;
}

/** Actions whose failure the page shows in place of the figures. */
const PAGE_SHOWS_FAILURE: ReadonlyArray<StatsMessage['action']> = ['refresh', 'range', 'applyFilter'];

export class CallStatsPanel extends ExotelPanel<typeof STATS_MESSAGES> {
  private choice: RangeChoice;
  private applyFilter = false;
  private loaded: LoadedCalls | undefined;
  private stats: CallStats | undefined;
  private view: StatsView | undefined;
  private loading: Promise<void> | undefined;
  private postedAt = 0;
  readonly figures: StatsFigures = {};

  constructor(
    extensionUri: vscode.Uri,
    private readonly source: StatsSource,
    choice: RangeChoice = { preset: 'last7' },
    applyFilter = false,
  ) {
    super(extensionUri, source.log, STATS_MESSAGES, 'exotel.callStats', 'stats', t('Call Stats'));
    this.choice = choice;
    this.applyFilter = applyFilter;
    void this.refresh(false).catch(() => undefined);
  }

  get lastView(): StatsView | undefined {
    return this.view;
  }

  get lastStats(): CallStats | undefined {
    return this.stats;
  }

  /** A new range or filter switch; loads (from the cache when it has them). */
  async configure(choice?: RangeChoice, applyFilter?: boolean): Promise<void> {
    if (choice) this.choice = choice;
    if (applyFilter !== undefined) this.applyFilter = applyFilter;
    // A load already running is for the old choice: let it end, then load this one.
    if (this.loading) await this.loading.catch(() => undefined);
    await this.refresh(false);
  }

  /** Loads the range; `refresh` fetches again even when cached. Joins a load already running. Errors reach the caller. */
  refresh(refresh = true): Promise<void> {
    this.loading ??= this.load(refresh).finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  /** Shows figures over given calls without fetching (tests and the first-paint measurement). */
  showCalls(calls: Call[], range: StatsRange): Promise<void> {
    this.loaded = { key: 'given', calls, range, fetchedAt: new Date(), pages: 0, skipped: 0 };
    return this.compute();
  }

  private async load(refresh: boolean): Promise<void> {
    let load: RangeLoad;
    try {
      load = await prepareLoad(this.source, this.choice, this.applyFilter);
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      this.show({ type: 'error', message: err.message });
      return;
    }
    const { key, range, client, requests, cached } = load;
    if (cached && !refresh) {
      this.loaded = cached;
      await this.compute();
      return;
    }
    this.show({ type: 'loading', message: t('Fetching calls…') });
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const started = performance.now();
    try {
      const fetched = await fetchAllCalls(client, requests, message => {
        if (!this.isDisposed) this.show({ type: 'loading', message });
      });
      if (this.isDisposed) return;
      if (!fetched) {
        this.source.log.info('Call Stats: fetch cancelled');
        if (this.view) this.show({ type: 'stats', stats: this.view });
        else this.show({ type: 'error', message: t('Cancelled: nothing was fetched. Choose a range or Refresh to try again.') });
        return;
      }
      this.loaded = { key, range, fetchedAt: new Date(), ...fetched };
      remember(this.loaded);
      // The delay histogram covers the computation too: it runs in slices, so other extensions keep their turn.
      await this.compute();
      this.figures.loopDelayP99Ms = loop.percentile(99) / 1e6;
      this.figures.loopDelayMaxMs = loop.max / 1e6;
      this.source.log.info(
        `Call Stats: ${fetched.calls.length} calls in ${fetched.pages} pages, ${requests.length} requests, ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
          `statistics ${this.figures.computeMs?.toFixed(1)} ms; event-loop delay p99 ${this.figures.loopDelayP99Ms.toFixed(1)} ms, max ${this.figures.loopDelayMaxMs.toFixed(1)} ms`,
      );
    } catch (err) {
      if (!this.isDisposed) this.show({ type: 'error', message: errorMessage(err) });
      throw err;
    } finally {
      loop.disable();
    }
  }

  private statsOptions(): StatsOptions {
    return { days: this.loaded?.range.days, numberFacts: e => this.source.numberFacts(e), offsetMinutes: this.source.offsetMinutes() };
  }

  private async compute(): Promise<void> {
    const l = this.loaded;
    if (!l || this.isDisposed) return;
    const started = performance.now();
    const stats = await computeStatsInSlices(l.calls, this.statsOptions());
    if (this.isDisposed || l !== this.loaded) return;
    this.stats = stats;
    this.figures.computeMs = performance.now() - started;
    const offset = this.source.offsetMinutes();
    const filterText = this.source.callsView.statsFilterText();
    const notes: string[] = [];
    if (l.skipped) notes.push(t('{0} rows Exotel sent could not be read and are not counted.', l.skipped));
    const legs = withoutLegsNote(l);
    if (legs) notes.push(legs);
    if (this.applyFilter && filterText) notes.push(t("Only calls matching the Calls view's filter: {0}.", filterText));
    const now = new Date();
    this.view = statsView({
      stats: this.stats,
      range: {
        preset: this.choice.preset,
        fromDay: l.range.days[0],
        toDay: l.range.days[l.range.days.length - 1],
        minDay: dayOf(new Date(oldestKept(now).getTime() + 86_400_000), offset),
        maxDay: dayOf(now, offset),
      },
      applyFilter: this.applyFilter && Boolean(filterText),
      filterText,
      subtitle: t('{0} to {1} · fetched {2}', l.range.days[0], l.range.days[l.range.days.length - 1], l.fetchedAt.toLocaleTimeString()),
      lookup: lookupAction(this.stats.unknownNumbers.length, this.source.lookupMode(), 200),
      notes,
    });
    this.postedAt = performance.now();
    this.show({ type: 'stats', stats: this.view });
  }

  protected async onAction(m: StatsMessage): Promise<void> {
    try {
      await this.act(m);
    } catch (err) {
      // A failed load is shown on the page itself; any other failure (a file not written) goes to the user as well.
      if (!PAGE_SHOWS_FAILURE.includes(m.action)) throw err;
      this.source.log.error(`Call Stats: ${m.action}`, err);
    }
  }

  private async act(m: StatsMessage): Promise<void> {
    switch (m.action) {
      case 'refresh':
        return this.refresh(true);
      case 'range': {
        const preset = RANGE_PRESETS.find(p => p === m.range.preset);
        if (!preset) return;
        return this.configure({ preset, fromDay: m.range.fromDay?.slice(0, 10), toDay: m.range.toDay?.slice(0, 10) });
      }
      case 'applyFilter':
        return this.configure(undefined, m.on);
      case 'select':
        return void (await this.select(selectionOf(m.selection)));
      case 'exportCsv':
        return void (await this.exportCsv());
      case 'saveImage':
        return void (await this.saveImage(m));
      case 'lookUp':
        return void (await this.lookUpUnknown());
      case 'painted': {
        if (!this.postedAt) return;
        this.figures.firstPaintMs = performance.now() - this.postedAt;
        this.postedAt = 0;
        this.source.log.info(`Call Stats: first paint ${this.figures.firstPaintMs.toFixed(0)} ms for ${m.calls} calls`);
        return;
      }
    }
  }

  /** The calls of a clicked bar or cell become the Calls view's filter. */
  async select(sel: StatsSelection | undefined): Promise<CallSelection | undefined> {
    const l = this.loaded;
    if (!l || !sel || !CHARTS.includes(sel.chart)) return undefined;
    const calls = selectCalls(l.calls, sel, this.statsOptions());
    if (!calls.length) {
      void showInfo(t('No calls there.'));
      return undefined;
    }
    const offset = this.source.offsetMinutes();
    const windows = rangeWindows(l.range).map(w => ({ ...w, sids: [] as string[] }));
    for (const c of calls) {
      const at = c.dateCreated ? parseExotelTime(c.dateCreated, offset)?.getTime() : undefined;
      const w = windows.find(x => at !== undefined && at >= x.gte.getTime() && at <= x.lte.getTime()) ?? windows[0];
      w.sids.push(c.sid);
    }
    const selection: CallSelection = {
      label: t('Call Stats: {0} ({1} calls)', this.selectionLabel(sel), calls.length),
      windows: windows.filter(w => w.sids.length),
    };
    await this.source.callsView.showSelection(selection);
    return selection;
  }

  private selectionLabel(sel: StatsSelection): string {
    const days = [t('Mon'), t('Tue'), t('Wed'), t('Thu'), t('Fri'), t('Sat'), t('Sun')];
    switch (sel.chart) {
      case 'perDay':
        return sel.outcome ? `${sel.day} · ${outcomeLabel(sel.outcome)}` : String(sel.day);
      case 'spendPerDay':
        return String(sel.day);
      case 'heatmap':
      case 'answerRate':
        return `${days[sel.weekday ?? 0]} ${String(sel.hour).padStart(2, '0')}:00`;
      case 'talkTime':
        return this.view?.charts.find(c => c.id === 'talkTime')?.labels[sel.bin ?? 0] ?? t('talk time');
      default:
        return bucketLabel(sel.chart, String(sel.key));
    }
  }

  /** Writes the figures as CSV; returns the file, or undefined when the user cancelled. */
  async exportCsv(uri?: vscode.Uri): Promise<vscode.Uri | undefined> {
    if (!this.stats || !this.loaded) return undefined;
    const days = this.loaded.range.days;
    const target =
      uri ??
      (await vscode.window.showSaveDialog({
        title: t('Export Call Stats'),
        filters: { CSV: ['csv'] },
        defaultUri: defaultSaveUri(`exotel-call-stats-${days[0]}-${days[days.length - 1]}.csv`),
      }));
    if (!target) return undefined;
    await vscode.workspace.fs.writeFile(target, Buffer.from(statsToCsv(this.stats, bucketLabel), 'utf8'));
    void showInfo(t('Call Stats figures saved to {0}.', vscode.workspace.asRelativePath(target)));
    return target;
  }

  /** A chart as PNG, from the page; only a PNG data URL is accepted. */
  async saveImage(data: { chart: string; dataUrl: string }, uri?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const m = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(data.dataUrl);
    if (!m || m[1].length > 20_000_000) return undefined;
    const name = /^[A-Za-z]{1,20}$/.test(data.chart) ? data.chart : 'chart';
    const target =
      uri ??
      (await vscode.window.showSaveDialog({ title: t('Save Chart as Image'), filters: { PNG: ['png'] }, defaultUri: defaultSaveUri(`exotel-${name}.png`) }));
    if (!target) return undefined;
    await vscode.workspace.fs.writeFile(target, Buffer.from(m[1], 'base64'));
    return target;
  }

  /** "Look up N numbers": only on this click, never when lookups are off; then the figures again from the cache. */
  async lookUpUnknown(): Promise<number> {
    const numbers = this.stats?.unknownNumbers ?? [];
    if (!numbers.length) return 0;
    if (this.source.lookupMode() === 'off') {
      void showInfo(t('Number lookup is off (setting exotel.hover.lookup), so no number was sent to Exotel.'));
      return 0;
    }
    let done = 0;
    let failed = 0;
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: t('Looking up numbers for Call Stats'), cancellable: true },
      async (progress, token) => {
        const ac = new AbortController();
        const sub = token.onCancellationRequested(() => ac.abort());
        let next = 0;
        // A few at a time: the shared rate limiter paces them with everything else.
        const worker = async () => {
          while (next < numbers.length && !token.isCancellationRequested) {
            const e164 = numbers[next++];
            try {
              await this.source.lookUp(e164, ac.signal);
            } catch {
              if (!token.isCancellationRequested) failed++;
            }
            done++;
            progress.report({ message: t('{0} of {1}', done, numbers.length), increment: 100 / numbers.length });
          }
        };
        await Promise.all([worker(), worker(), worker(), worker()]);
        sub.dispose();
      },
    );
    if (failed) void showWarning(t('{0} of {1} numbers could not be looked up; they stay "Not looked up".', failed, numbers.length));
    await this.compute();
    return done - failed;
  }
}

/** A click the page reported, as a selection of ours: only a chart and an outcome we know. */
function selectionOf(m: SelectionMessage): StatsSelection | undefined {
  const chart = CHARTS.find(c => c === m.chart);
  const outcome = m.outcome === undefined ? undefined : OUTCOMES.find(o => o === m.outcome);
  if (!chart || (m.outcome !== undefined && !outcome)) return undefined;
  return { chart, day: m.day?.slice(0, 10), outcome, bin: m.bin, weekday: m.weekday, hour: m.hour, key: m.key };
}
