import * as vscode from 'vscode';
import { t } from '../../common/callText/translate';
import { RANGE_PRESETS, RangePreset } from '../../stats';
import { Session } from '../../session/session';
import { CallStatsInput, STATS_DEFAULT_RANGE } from './toolManifest';
import { abortOn, errorResult, NOT_SIGNED_IN, toolText } from './toolResult';
import { ToolServices } from './toolServices';

/** exotel_callStats: the headline figures of Call Stats over a range, computed as the panel computes them. */
export class CallStatsTool implements vscode.LanguageModelTool<CallStatsInput> {
  constructor(
    private readonly session: Session,
    private readonly services: ToolServices,
  ) {}

  prepareInvocation(): vscode.PreparedToolInvocation {
    return { invocationMessage: t('Computing Exotel call stats') };
  }

  async invoke(options: vscode.LanguageModelToolInvocationOptions<CallStatsInput>, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
    const input = options.input ?? {};
    const preset = (input.range ?? STATS_DEFAULT_RANGE) as RangePreset;
    if (!RANGE_PRESETS.includes(preset)) return toolText(`“range” must be one of ${RANGE_PRESETS.join(', ')}. Nothing was sent.`);
    if (!(await this.session.current())) return toolText(NOT_SIGNED_IN);
    const abort = abortOn(token);
    try {
      const choice = preset === 'custom' ? { preset, fromDay: str(input.fromDay), toDay: str(input.toDay) } : { preset };
      const answer = await this.services.stats.figures(choice, { refresh: input.refresh === true, signal: abort.signal });
      if (!answer) return toolText('Cancelled: no figures.');
      const when = answer.fetchedAt.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
      const source = answer.fromCache
        ? `From calls fetched at ${when} (ask again with "refresh": true for calls since then).`
        : `From calls fetched now (${when}).`;
      return toolText(
        `Call Stats on the profile “${answer.profileName}”, ${answer.fromDay} to ${answer.toDay} (days in the account's zone), every call. ${source}`,
        answer.headline.map(f => `- ${f.label}: ${f.value}${f.hint ? ` (${f.hint})` : ''}`).join('\n'),
        "Spend is in the account's billing currency; calls without a price yet are not in the sums.",
        answer.notes.join('\n'),
      );
    } catch (err) {
      // An impossible range is refused before anything is sent; the message says why in words.
      if (err instanceof RangeError) return toolText(`${err.message} Nothing was sent.`);
      return errorResult('Computing call stats failed.', err);
    } finally {
      abort.dispose();
    }
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v.trim().slice(0, 10) : undefined;
}
