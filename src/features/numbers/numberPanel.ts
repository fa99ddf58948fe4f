import * as vscode from 'vscode';
import { Log } from '../../common/log';
import { Call, NumberMetadata } from '../../exotel';
import { ExotelPanel } from '../../common/webview/panel';
import { shownNumber } from '../../common/privacy';
import { PhoneNumberInfo } from '../../phone';
import { NUMBER_MESSAGES, NumberMessage } from '../../webview-ui/messages';
import { NumberView } from '../../webview-ui/protocol';
import { NumberPanelData, numberView } from './numberPanelView';
import { COMMANDS } from '../../common/commandIds';
import { t } from '../../common/callText/translate';
import { errorMessage } from '../../base/errorMessage';

export interface NumberPanelSource {
  /** Exotel's metadata (cached unless `refresh`) and its age in ms; undefined for numbers Exotel does not cover. */
  metadata(e164: string, refresh: boolean): Promise<{ meta?: NumberMetadata; age?: number }>;
  /** The latest calls to or from the number, newest first. */
  recentCalls(e164: string): Promise<Call[]>;
}

/** One number: metadata, what DND means, the recent calls. */
export class NumberPanel extends ExotelPanel<typeof NUMBER_MESSAGES> {
  private view: NumberView | undefined;
  private readonly calls = new Map<string, Call>();
  private loading: Promise<void> | undefined;
  private data: NumberPanelData | undefined;

  constructor(
    extensionUri: vscode.Uri,
    log: Log,
    private readonly source: NumberPanelSource,
    readonly number: PhoneNumberInfo,
  ) {
    super(extensionUri, log, NUMBER_MESSAGES, 'exotel.numberDetails', 'number', t('Number {0}', shownNumber(number.international)));
    void this.refresh(false);
    // Numbers masked or shown in full: the same data, drawn again.
    this.register(
      vscode.workspace.onDidChangeConfiguration(e => {
        if (!e.affectsConfiguration('exotel.privacy.maskNumbers')) return;
        this.panel.title = t('Number {0}', shownNumber(this.number.international));
        if (!this.data) return;
        this.view = numberView(this.data);
        this.show({ type: 'number', number: this.view });
      }),
    );
  }

  get e164(): string {
    return this.number.e164;
  }

  /** The last view model posted (or to be posted once the page is ready). */
  get lastView(): NumberView | undefined {
    return this.view;
  }

  /** Settles when the current load has finished (it never rejects: failures become the view's note). */
  get loaded(): Promise<void> {
    return this.loading ?? Promise.resolve();
  }

  /** Loads metadata and recent calls; `refresh` asks Exotel even when the cache is fresh. Joins a load already running. */
  refresh(refresh = true): Promise<void> {
    this.loading ??= this.load(refresh).finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async load(refresh: boolean): Promise<void> {
    if (!this.view) this.show({ type: 'loading', message: t('Looking up {0}…', shownNumber(this.number.international)) });
    const e164 = this.number.e164;
    const [meta, calls] = await Promise.allSettled([this.source.metadata(e164, refresh), this.source.recentCalls(e164)]);
    if (this.isDisposed) return;
    const problems: string[] = [];
    if (meta.status === 'rejected') problems.push(t('Metadata could not be loaded: {0}', messageOf(meta.reason)));
    if (calls.status === 'rejected') problems.push(t('Recent calls could not be loaded: {0}', messageOf(calls.reason)));
    const data: NumberPanelData = {
      number: this.number,
      meta: meta.status === 'fulfilled' ? meta.value.meta : undefined,
      age: meta.status === 'fulfilled' ? meta.value.age : undefined,
      calls: calls.status === 'fulfilled' ? calls.value : [],
      problems,
    };
    this.calls.clear();
    for (const c of data.calls) this.calls.set(c.sid, c);
    this.data = data;
    this.view = numberView(data);
    this.show({ type: 'number', number: this.view });
  }

  protected async onAction(m: NumberMessage): Promise<void> {
    switch (m.action) {
      case 'refresh':
        return this.refresh(true);
      case 'openExternal':
        if (/^https?:\/\//.test(m.url)) await vscode.env.openExternal(vscode.Uri.parse(m.url));
        return;
      case 'copyNumber':
        await vscode.commands.executeCommand(COMMANDS.numbersCopy, this.number.e164);
        return;
      case 'callNumber':
        await vscode.commands.executeCommand(COMMANDS.connectCall, { to: this.number.e164 });
        return;
      case 'showCall': {
        // Only a call this panel listed: the page's message names it, it does not describe it.
        const call = this.calls.get(m.sid);
        if (call) await vscode.commands.executeCommand(COMMANDS.callLogShowDetails, call);
        return;
      }
    }
  }
}

function messageOf(err: unknown): string {
  return errorMessage(err);
}
