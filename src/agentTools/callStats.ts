import { RANGE_PRESETS, RangePreset } from '../stats';
import { ToolHost } from './toolHost';
import { CallStatsInput, STATS_DEFAULT_RANGE } from './toolManifest';
import { answer, errorAnswer, NOT_SIGNED_IN, refusal, ToolAnswer } from './toolResult';

/** exotel_callStats: the headline figures of Call Stats over a range, computed as the panel computes them. */
export async function callStats(host: ToolHost, input: CallStatsInput | undefined, signal: AbortSignal): Promise<ToolAnswer> {
  input ??= {};
  const preset = (input.range ?? STATS_DEFAULT_RANGE) as RangePreset;
  if (!RANGE_PRESETS.includes(preset)) return refusal(`“range” must be one of ${RANGE_PRESETS.join(', ')}. Nothing was sent.`);
  if (!(await host.connection())) return refusal(NOT_SIGNED_IN);
  try {
    const choice = preset === 'custom' ? { preset, fromDay: str(input.fromDay), toDay: str(input.toDay) } : { preset };
    const figures = await host.stats.figures(choice, { refresh: input.refresh === true, signal });
    if (!figures) return refusal('Cancelled: no figures.');
    const when = figures.fetchedAt.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
    const source = figures.fromCache
      ? `From calls fetched at ${when} (ask again with "refresh": true for calls since then).`
      : `From calls fetched now (${when}).`;
    return answer(
      `Call Stats on the profile “${figures.profileName}”, ${figures.fromDay} to ${figures.toDay} (days in the account's zone), every call. ${source}`,
      figures.headline.map(f => `- ${f.label}: ${f.value}${f.hint ? ` (${f.hint})` : ''}`).join('\n'),
      "Spend is in the account's billing currency; calls without a price yet are not in the sums.",
      figures.notes.join('\n'),
    );
  } catch (err) {
    // An impossible range is refused before anything is sent; the message says why in words.
    if (err instanceof RangeError) return refusal(`${err.message} Nothing was sent.`);
    return errorAnswer('Computing call stats failed.', err);
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v.trim().slice(0, 10) : undefined;
}
