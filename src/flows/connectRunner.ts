// Connect: whom to dial (static numbers; a Dial-whom URL answering text/plain, maybe a comma-separated list; or
// Programmable Connect JSON with Exotel-Version 1.0, Primary then Fallback), then the dialling by the sandbox's
// number rules, and the call's state after it (CallType, DialCallStatus, DialWhomNumber, Legs[0][…], RecordingUrl).
import { t } from '../common/callText/translate';
import { jsonBody, RequestEvent, send, usable } from './appletRequest';
import { AppletOutcome, requestFor, RunContext } from './appletContext';
import { recordingAvailableBy } from './callState';
import { CAUSES } from './dialRules';
import { nationalNumber } from './library';
import type { DialResult } from './runModel';
import type { ConnectApplet } from './types';

interface DialSetup {
  numbers: string[];
  record: boolean;
  parallel: boolean;
  maxParallel: number;
  maxRinging: number;
  maxConversation: number;
  callerId?: string;
  /** Programmable Connect's fetch_after_attempt: ask the URL again after each failed attempt. */
  refetch?: () => Promise<string[] | undefined>;
}

const NUMBER = /^(\+?[0-9]{6,15}|sip:\S+)$/;
const KNOWN = new Set([
  'fetch_after_attempt',
  'destination',
  'outgoing_phone_number',
  'record',
  'recording_channels',
  'max_ringing_duration',
  'max_conversation_duration',
  'music_on_hold',
  'start_call_playback',
  'in_call_playback',
  'parallel_ringing',
  'dial_passthru_event_url',
]);

/** A Dial-whom answer: numbers separated by commas (documented), spaces or new lines (assumed). */
export function parseDialWhom(body: string): { numbers: string[]; bad: string[] } {
  const items = body
    .split(/[\s,;]+/)
    .map(s => s.trim())
    .filter(Boolean);
  return { numbers: items.filter(n => NUMBER.test(n)), bad: items.filter(n => !NUMBER.test(n)) };
}

/** The Programmable Connect JSON (S2 example + consumer fields). Returns undefined with event.problem set when unusable. */
export function readConnectJson(
  event: RequestEvent,
  base: DialSetup,
): { setup: DialSetup; playback?: string; refetch: boolean; eventUrl?: string } | undefined {
  const body = jsonBody(event);
  if (!body) return undefined;
  const destination = body.destination as Record<string, unknown> | undefined;
  const numbers = destination && typeof destination === 'object' ? destination.numbers : undefined;
  if (destination !== undefined && (typeof destination !== 'object' || (numbers !== undefined && !Array.isArray(numbers)))) {
    event.problem = { kind: 'contract', message: t('destination.numbers must be a list of numbers, e.g. {"destination": {"numbers": ["+919812345678"]}}.') };
    return undefined;
  }
  const list = ((numbers as unknown[] | undefined) ?? []).filter((n): n is string => typeof n === 'string');
  const warnings: string[] = [];
  const unknown = Object.keys(body).filter(k => !KNOWN.has(k));
  if (unknown.length) warnings.push(t('unknown fields ignored: {0}', unknown.join(', ')));
  if (list.length !== ((numbers as unknown[] | undefined) ?? []).length) warnings.push(t('destination.numbers has entries that are not strings'));
  const bool = (key: string): boolean | undefined => {
    const v = body[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'boolean') warnings.push(t('{0} should be true or false', key));
    return v === true;
  };
  const seconds = (key: string): number | undefined => {
    const v = body[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) {
      warnings.push(t('{0} should be a whole number of seconds', key));
      return undefined;
    }
    return v;
  };
  const record = bool('record');
  const refetch = bool('fetch_after_attempt') ?? false;
  const parallel = body.parallel_ringing as { activate?: unknown; max_parallel_attempts?: unknown } | undefined;
  if (parallel !== undefined && (typeof parallel !== 'object' || typeof parallel.activate !== 'boolean'))
    warnings.push(t('parallel_ringing should be {"activate": true|false, "max_parallel_attempts": n}'));
  if (body.recording_channels !== undefined && !['single', 'dual'].includes(String(body.recording_channels)))
    warnings.push(t('recording_channels should be "single" or "dual"'));
  const outgoing = typeof body.outgoing_phone_number === 'string' ? body.outgoing_phone_number : undefined;
  const playbackRaw = body.start_call_playback as { type?: unknown; value?: unknown } | undefined;
  const playback = playbackRaw && typeof playbackRaw === 'object' && typeof playbackRaw.value === 'string' ? playbackRaw.value : undefined;
  if (warnings.length) event.problem = { kind: 'warning', message: warnings.join('; ') };
  return {
    setup: {
      ...base,
      numbers: list,
      record: record ?? base.record,
      parallel: parallel && typeof parallel === 'object' ? parallel.activate === true : base.parallel,
      maxParallel: parallel && typeof parallel.max_parallel_attempts === 'number' ? parallel.max_parallel_attempts : base.maxParallel,
      maxRinging: seconds('max_ringing_duration') ?? base.maxRinging,
      maxConversation: seconds('max_conversation_duration') ?? base.maxConversation,
      callerId: outgoing ?? base.callerId,
    },
    playback,
    refetch,
    eventUrl: typeof body.dial_passthru_event_url === 'string' ? body.dial_passthru_event_url : undefined,
  };
}

export async function connectApplet(ctx: RunContext, id: string, applet: ConnectApplet): Promise<AppletOutcome> {
  let setup: DialSetup | undefined = {
    numbers: applet.numbers ?? [],
    record: applet.record ?? false,
    parallel: applet.parallel ?? false,
    maxParallel: 10,
    maxRinging: applet.maxRingingSeconds ?? 45,
    maxConversation: applet.maxConversationSeconds ?? 3600,
    callerId: applet.callerId,
  };
  const notDialled = t('"We didn\'t dial anyone" (assumption: Exotel does not document a failed Connect URL).');
  if (applet.url) {
    const base: DialSetup = setup;
    setup = undefined;
    const urls: Array<['primary' | 'fallback', string]> = [['primary', applet.url]];
    if (applet.fallbackUrl) urls.push(['fallback', applet.fallbackUrl]);
    for (const [role, url] of urls) {
      if (ctx.settings.headForOthers)
        ctx.sender.update(await send(ctx.sender, id, requestFor(ctx, url, 'full', { method: 'HEAD', versionHeader: true, role })));
      const event = await send(ctx.sender, id, requestFor(ctx, url, 'full', { versionHeader: true, role }));
      const read = usable(event, 'application/json') ? readConnectJson(event, base) : undefined;
      if (!read) event.exotelNext = role === 'primary' && applet.fallbackUrl ? t('Exotel contacts the Fallback URL.') : notDialled;
      ctx.sender.update(event);
      if (read) {
        setup = read.setup;
        if (read.playback) ctx.emit({ kind: 'say', appletId: id, text: read.playback, purpose: 'greeting' });
        if (read.eventUrl)
          ctx.emit({
            kind: 'warning',
            appletId: id,
            message: t('dial_passthru_event_url is not called by the simulator (Dial/Ringing/Answered/Terminal events).'),
          });
        if (read.refetch) {
          setup.refetch = async () => {
            const again = await send(ctx.sender, id, requestFor(ctx, url, 'full', { versionHeader: true, role, digits: false }));
            const next = usable(again, 'application/json') ? readConnectJson(again, base) : undefined;
            ctx.sender.update(again);
            return next?.setup.numbers;
          };
        }
        break;
      }
    }
    if (!setup) return { branch: 'notDialled', why: t('The Connect URL gave no usable answer.') };
  } else if (applet.dialWhomUrl) {
    const event = await send(ctx.sender, id, requestFor(ctx, applet.dialWhomUrl, 'with-status', { role: 'dial-whom' }));
    let numbers: string[] | undefined;
    if (usable(event, 'text/plain')) {
      const parsed = parseDialWhom(event.response?.body ?? '');
      if (parsed.bad.length) event.problem = { kind: 'contract', message: t('Not numbers: {0}.', parsed.bad.join(', ')) };
      else if (!parsed.numbers.length) event.problem = { kind: 'contract', message: t('The answer has no number to dial.') };
      else numbers = parsed.numbers;
    }
    if (!numbers) event.exotelNext = notDialled;
    ctx.sender.update(event);
    if (!numbers) return { branch: 'notDialled', why: t('The Dial-whom URL gave no number.') };
    setup.numbers = numbers;
  }
  if (!setup.numbers.length) return { branch: 'notDialled', why: t('There was no number to dial.') };
  return dial(ctx, id, setup);
}

async function dial(ctx: RunContext, id: string, setup: DialSetup): Promise<AppletOutcome> {
  const state = ctx.state;
  const callerId = nationalNumber(setup.callerId ?? state.exoPhone);
  state.outgoingPhoneNumber = callerId;
  const dialled = new Set<string>();
  let final = 'no-answer' as DialResult;
  const tryNumbers = (numbers: string[]): DialResult | undefined => {
    const batch = setup.parallel ? numbers.slice(0, setup.maxParallel) : numbers.slice(0, 1);
    const plans = batch.map(number => ({ number, plan: ctx.dial(number) }));
    const winner = plans.find(p => p.plan.result === 'answered') ?? plans.find(p => p.plan.result === 'canceled');
    let longest = 0;
    for (const { number, plan } of plans) {
      dialled.add(number);
      const rings = plan.result === 'no-answer' ? setup.maxRinging : Math.min(plan.ringSeconds, setup.maxRinging);
      // In parallel ringing only the winner talks; the others are cut when it answers.
      const result: DialResult = winner && winner.number !== number && plan.result === 'answered' ? 'no-answer' : plan.result;
      const talk = result === 'answered' ? Math.min(plan.talkSeconds, setup.maxConversation) : 0;
      const cause = CAUSES[result];
      state.legs.push({
        number: nationalNumber(number),
        onCallDuration: talk,
        callerId,
        causeCode: cause.causeCode,
        cause: cause.cause,
        result,
        ringSeconds: rings,
      });
      ctx.emit({ kind: 'dial', appletId: id, number: nationalNumber(number), result, ringSeconds: rings, talkSeconds: talk });
      longest = Math.max(longest, rings + talk);
      if (!winner || winner.number === number) {
        state.dialWhomNumber = nationalNumber(number);
        state.dialCallDuration = rings + talk;
        final = result;
      }
    }
    state.simSeconds += longest;
    return winner?.plan.result;
  };
  let queue = [...setup.numbers];
  let attempts = 0;
  while (queue.length && attempts++ < 20) {
    const ended = tryNumbers(queue);
    if (ended) break;
    queue = setup.parallel ? queue.slice(setup.maxParallel) : queue.slice(1);
    if (!queue.length && setup.refetch) queue = ((await setup.refetch()) ?? []).filter(n => !dialled.has(n));
  }
  const cause = CAUSES[final];
  state.dialCallStatus = cause.dialCallStatus;
  if (final === 'answered') {
    state.callType = 'completed';
    if (setup.record) {
      state.recordingUrl = ctx.recordingUrl(state.callSid);
      state.recordingAvailableBy = recordingAvailableBy(state);
      ctx.emit({ kind: 'recording', appletId: id, url: state.recordingUrl, seconds: state.dialCallDuration });
    }
    return {
      branch: 'answered',
      why: t('{0} answered; the conversation lasted {1} s.', state.dialWhomNumber, state.legs[state.legs.length - 1]?.onCallDuration ?? 0),
    };
  }
  if (final === 'canceled') {
    state.callType = 'client-hangup';
    state.callerGone = true;
    return { branch: 'noAnswer', why: t('The caller hung up while {0} was ringing.', state.dialWhomNumber) };
  }
  state.callType = 'incomplete';
  return { branch: 'noAnswer', why: t('Nobody answered (last: {0}, {1}).', state.dialWhomNumber, cause.dialCallStatus) };
}
