// What every applet runner gets: the run, the call's state, the settings, and the request helpers.
import { t } from '../common/callText/translate';
import { RequestEvent, Sender, send, usable } from './appletRequest';
import { callParams, CallState, ParamSet, urlWithParams } from './callState';
import type { DialPlan } from './engine';
import type { KeyCallback } from './keys';
import type { EndReason, FlowEvent, FlowRun, RequestRecord } from './runModel';
import type { FlowSettings } from './settings';
import type { Applet } from './types';

export interface RunContext {
  run: FlowRun;
  state: CallState;
  settings: FlowSettings;
  sender: Sender;
  emit(partial: Record<string, unknown> & { kind: FlowEvent['kind'] }): FlowEvent;
  keys: KeyCallback;
  dial(number: string): DialPlan;
  recordingUrl(callSid: string): string;
  signal: AbortSignal;
  /** Keeps an async request's promise so the run resolves only once its record is complete. */
  background(p: Promise<unknown>): void;
}

export type AppletOutcome = { branch: string; why: string; end?: undefined } | { end: EndReason; why: string };

export type Runner<A extends Applet> = (ctx: RunContext, id: string, applet: A) => Promise<AppletOutcome>;

/** Builds one request's record: the URL with Exotel's parameters, the headers. */
export function requestFor(
  ctx: RunContext,
  url: string,
  set: ParamSet,
  opts: { method?: 'GET' | 'HEAD'; versionHeader?: boolean; role?: RequestRecord['role']; digits?: boolean } = {},
): RequestRecord {
  const params = callParams(ctx.state, set, { digits: opts.digits });
  const headers: Record<string, string> = { 'User-Agent': 'Exotel-Sandbox-Flow/1.0', Accept: '*/*' };
  if (opts.versionHeader) headers['Exotel-Version'] = '1.0';
  return { method: opts.method ?? 'GET', url: urlWithParams(url, params, ctx.settings.keepUrlQuery), params, headers, role: opts.role ?? 'primary' };
}

/**
 * HEAD (when the facts or the settings say so), then GET; both must answer 200 with `contentType`. Returns the usable
 * GET event, or undefined after recording why not (with `onFail` as what Exotel does next).
 */
export async function headThenGet(
  ctx: RunContext,
  id: string,
  url: string,
  set: ParamSet,
  contentType: string,
  head: boolean,
  onFail: string,
): Promise<RequestEvent | undefined> {
  if (head) {
    const probe = await send(ctx.sender, id, requestFor(ctx, url, set, { method: 'HEAD' }));
    if (!usable(probe, contentType)) {
      probe.exotelNext = t('Exotel checks the answer with HEAD before the GET; this fails the check, so no GET is sent. {0}', onFail);
      ctx.sender.update(probe);
      return undefined;
    }
    ctx.sender.update(probe);
  }
  const event = await send(ctx.sender, id, requestFor(ctx, url, set));
  if (!usable(event, contentType)) {
    event.exotelNext = onFail;
    ctx.sender.update(event);
    return undefined;
  }
  ctx.sender.update(event);
  return event;
}
