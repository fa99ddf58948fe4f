import * as vscode from 'vscode';
import { showInfo } from '../../common/notify';
import { setContext } from '../../common/contexts';
import { canLookUp, ExotelError, NumberEntry, NumberLookups } from '../../exotel';
import { Disposable } from '../../common/disposable';
import { affects, setting } from '../../common/settings';
import { PhoneNumberInfo } from '../../phone';
import { excludeSelector, hoverSelector, LookupMode } from './hoverSettings';
import { HOVER_COMMANDS, hoverMarkdown, HoverModel, LookUpInHoverArgs } from './hoverMarkdown';
import { numberAt } from './hoverTarget';
import { t } from '../../common/callText/translate';
import { errorMessage } from '../../base/errorMessage';

/**
 * Hovers over phone numbers in any file: what the number parses to, and Exotel's circle, operator and DND.
 * Numbers are sent to Exotel only as exotel.hover.lookup allows; the hover's command links are limited to ours.
 */
export class NumberHover extends Disposable implements vscode.HoverProvider {
  private registration: vscode.Disposable | undefined;
  private exclude: vscode.DocumentFilter[] = [];
  private mode: LookupMode = 'ask';
  private asked = false;

  constructor(private readonly numbers: NumberLookups) {
    super();
    this.register({ dispose: () => this.registration?.dispose() });
    this.register(
      vscode.workspace.onDidChangeConfiguration(e => {
        if (affects(e, 'hover')) this.update();
      }),
    );
    this.update();
  }

  /** True while the provider is registered (exotel.hover.enabled). */
  get active(): boolean {
    return this.registration !== undefined;
  }

  private update(): void {
    this.mode = setting('hover.lookup');
    this.exclude = excludeSelector(setting('hover.exclude'));
    this.registration?.dispose();
    this.registration = setting('hover.enabled') ? vscode.languages.registerHoverProvider(hoverSelector(setting('hover.include')), this) : undefined;
  }

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const match = numberAt(doc.lineAt(pos.line).text, pos.character);
    if (!match) return undefined;
    if (this.exclude.length && vscode.languages.match(this.exclude, doc) > 0) return undefined;
    const where: LookUpInHoverArgs = { number: match.number.e164, uri: doc.uri.toString(), line: pos.line, character: match.start };
    const model = await this.model(match.number, where, token);
    if (!model || token.isCancellationRequested) return undefined;
    const md = new vscode.MarkdownString(hoverMarkdown(model), true);
    md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
    md.supportHtml = false;
    void setContext('exotel.numbers.hovered', true); // completes the walkthrough's hover step
    return new vscode.Hover(md, new vscode.Range(pos.line, match.start, pos.line, match.end));
  }

  /** The hover's content; undefined when the hover was cancelled while Exotel was asked. */
  private async model(n: PhoneNumberInfo, where: LookUpInHoverArgs, token: vscode.CancellationToken): Promise<HoverModel | undefined> {
    if (!canLookUp(n)) return { number: n };
    let entry = this.numbers.entry(n.e164);
    let problem: string | undefined;
    const signedIn = this.numbers.signedIn;
    if (this.mode === 'auto' && signedIn && !entry?.dndFresh) {
      const looked = await this.lookUp(n.e164, token);
      if (looked === 'cancelled') return undefined;
      if (typeof looked === 'string') problem = looked;
      else entry = looked ?? entry;
    } else if (this.mode === 'ask' && signedIn && !entry) {
      this.ask();
    }
    const offerLookup = !entry?.dndFresh && (this.mode !== 'auto' || !signedIn || problem !== undefined);
    return {
      number: n,
      meta: entry?.meta,
      age: entry && Date.now() - entry.fetchedAt,
      dndStale: entry && !entry.dndFresh,
      problem,
      lookup: offerLookup ? where : undefined,
    };
  }

  /** The fresh entry, a short problem sentence, or 'cancelled'. */
  private async lookUp(e164: string, token: vscode.CancellationToken): Promise<NumberEntry | undefined | string> {
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    try {
      const meta = await this.numbers.lookup(e164, { signal: abort.signal });
      // With exotel.numbers.cacheDays 0 nothing is kept, so the answer itself is the entry.
      return this.numbers.entry(e164) ?? (meta && { meta, fetchedAt: Date.now(), dndFresh: true });
    } catch (err) {
      if (token.isCancellationRequested || (err instanceof ExotelError && err.kind === 'cancelled')) return 'cancelled';
      return problemText(err);
    } finally {
      sub.dispose();
    }
  }

  /** The one-time privacy question; until it is answered, hovers behave as "onClick". */
  private ask(): void {
    if (this.asked) return;
    this.asked = true;
    const auto = t('Auto');
    const click = t('Only when I click');
    const never = t('Never');
    void showInfo(t("Look up hovered phone numbers with Exotel? Numbers are sent to Exotel's Number Metadata API."), auto, click, never).then(pick => {
      const mode = pick === auto ? 'auto' : pick === click ? 'onClick' : pick === never ? 'off' : undefined;
      if (mode) void vscode.workspace.getConfiguration('exotel').update('hover.lookup', mode, vscode.ConfigurationTarget.Global);
    });
  }
}

/** One line for the hover: never a toast from a hover. An error that names its action already says what failed; the rest get a prefix. */
function problemText(err: unknown): string {
  const message = errorMessage(err);
  const short = message.length > 200 ? `${message.slice(0, 197)}…` : message;
  return err instanceof ExotelError && err.action !== undefined ? short : t('Exotel lookup failed: {0}', short);
}
