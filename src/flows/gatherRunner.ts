// Gather: the prompt (static, or from the URL's JSON — Exotel-Version 1.0, Primary then Fallback), then keys per
// attempt (1 + repeat_menu). The keys are not sent anywhere now: they ride on the next request as digits="…".
import { t } from '../common/callText/translate';
import { jsonBody, RequestEvent, send, usable } from './appletRequest';
import { AppletOutcome, requestFor, RunContext } from './appletContext';
import { takeDigits } from './keys';
import type { GatherApplet, Prompt } from './types';

interface GatherConfig {
  prompt?: Prompt;
  repeatPrompt?: Prompt;
  maxDigits: number;
  finishKey: string;
  inputTimeout: number;
  repeatMenu: number;
}

const KNOWN = new Set(['gather_prompt', 'max_input_digits', 'finish_on_key', 'input_timeout', 'repeat_menu', 'repeat_gather_prompt']);

/** The Gather JSON contract (S4 names; consumer-documented defaults). Returns the config, or undefined with event.problem set. */
export function readGatherJson(event: RequestEvent, fallback: GatherConfig): GatherConfig | undefined {
  const body = jsonBody(event);
  if (!body) return undefined;
  const prompt = promptOf(body.gather_prompt);
  if (!prompt) {
    event.problem = { kind: 'contract', message: t('gather_prompt is required: {"text": "…"} or {"audio_url": "https://…"}.') };
    return undefined;
  }
  const int = (key: string, min: number, max: number): number | undefined | false => {
    const v = body[key];
    if (v === undefined) return undefined;
    return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : false;
  };
  const maxDigits = int('max_input_digits', 1, 255);
  const inputTimeout = int('input_timeout', 1, 60);
  const repeatMenu = int('repeat_menu', 0, 10);
  const finishKey = body.finish_on_key;
  const bad = [
    maxDigits === false && 'max_input_digits (1–255)',
    inputTimeout === false && 'input_timeout (seconds)',
    repeatMenu === false && 'repeat_menu (0–10)',
    finishKey !== undefined && (typeof finishKey !== 'string' || !['#', '*', ''].includes(finishKey)) && 'finish_on_key ("#", "*" or "")',
    body.repeat_gather_prompt !== undefined && !promptOf(body.repeat_gather_prompt) && 'repeat_gather_prompt',
  ].filter(Boolean);
  if (bad.length) {
    event.problem = { kind: 'contract', message: t('Not the Gather contract: {0}.', bad.join(', ')) };
    return undefined;
  }
  const unknown = Object.keys(body).filter(k => !KNOWN.has(k));
  if (unknown.length) event.problem = { kind: 'warning', message: t('Fields Exotel does not know are ignored: {0}.', unknown.join(', ')) };
  return {
    prompt,
    repeatPrompt: promptOf(body.repeat_gather_prompt) ?? prompt,
    maxDigits: (maxDigits as number | undefined) ?? fallback.maxDigits,
    finishKey: (finishKey as string | undefined) ?? fallback.finishKey,
    inputTimeout: (inputTimeout as number | undefined) ?? fallback.inputTimeout,
    repeatMenu: (repeatMenu as number | undefined) ?? fallback.repeatMenu,
  };
}

function promptOf(value: unknown): Prompt | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.text === 'string' && v.text) return { text: v.text };
  if (typeof v.audio_url === 'string' && /^https?:\/\//.test(v.audio_url)) return { audioUrl: v.audio_url };
  return undefined;
}

export async function gatherApplet(ctx: RunContext, id: string, applet: GatherApplet): Promise<AppletOutcome> {
  let config: GatherConfig | undefined = {
    prompt: applet.prompt,
    repeatPrompt: applet.repeatPrompt ?? applet.prompt,
    maxDigits: applet.maxDigits ?? 255,
    finishKey: applet.finishKey ?? '#',
    inputTimeout: applet.inputTimeout ?? 5,
    repeatMenu: applet.repeatMenu ?? 0,
  };
  if (applet.url) {
    const urls: Array<['primary' | 'fallback', string]> = [['primary', applet.url]];
    if (applet.fallbackUrl) urls.push(['fallback', applet.fallbackUrl]);
    const base: GatherConfig = config;
    config = undefined;
    for (const [role, url] of urls) {
      if (ctx.settings.headForOthers)
        ctx.sender.update(await send(ctx.sender, id, requestFor(ctx, url, 'with-status', { method: 'HEAD', versionHeader: true, role })));
      const event = await send(ctx.sender, id, requestFor(ctx, url, 'with-status', { versionHeader: true, role }));
      config = usable(event, 'application/json') ? readGatherJson(event, base) : undefined;
      if (!config) {
        event.exotelNext =
          role === 'primary' && applet.fallbackUrl
            ? t('Exotel contacts the Fallback URL.')
            : t('Nothing is played and no keys are taken: "If the caller didn\'t enter anything" (assumption; one developer reports the call is dropped).');
      }
      ctx.sender.update(event);
      if (config) break;
    }
    if (!config) return noInput(ctx, t('The Gather URL gave no usable answer.'));
  }
  const attempts = 1 + config.repeatMenu;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const prompt = attempt === 1 ? config.prompt : config.repeatPrompt;
    const audioUrls = prompt?.audioUrl ? [prompt.audioUrl] : undefined;
    if (prompt) ctx.emit({ kind: 'say', appletId: id, text: prompt.text, audioUrls, purpose: attempt === 1 ? 'gather' : 'repeat' });
    if (ctx.state.callerGone) break;
    const answer = await ctx.keys(
      {
        runId: ctx.run.id,
        appletId: id,
        text: prompt?.text,
        audioUrls,
        maxDigits: config.maxDigits,
        finishKey: config.finishKey,
        inputTimeoutSeconds: config.inputTimeout,
        attempt,
        attempts,
      },
      ctx.signal,
    );
    if (ctx.signal.aborted) return { end: 'cancelled', why: t('The run was stopped.') };
    const { digits, finishedBy } = takeDigits(answer, config.maxDigits, config.finishKey);
    ctx.emit({ kind: 'keys', appletId: id, digits: digits || null, finishedBy, attempt });
    ctx.state.simSeconds += digits ? 2 + (finishedBy === 'timeout' ? config.inputTimeout : 0) : config.inputTimeout;
    if (digits) {
      ctx.state.digits = `"${digits}"`;
      return { branch: 'entered', why: t('The caller pressed {0}.', digits) };
    }
  }
  return noInput(ctx, attempts > 1 ? t('Nothing was pressed in {0} attempts.', attempts) : t('Nothing was pressed.'));
}

function noInput(ctx: RunContext, why: string): AppletOutcome {
  ctx.state.digits = ctx.settings.digitsWhenNone === 'quoted-empty' ? '""' : undefined;
  return { branch: 'noInput', why };
}
