// The exotel_placeTestCall tool's checks that need no editor: the input turned into connect parameters (or the
// reason it cannot be), the facts a confirmation names, and the tool's own call budget. Unit-tested in Node.
import { callOptionsFor, ConnectCallParams, ConnectToFlowParams, FlowRef } from '../exotel';
import { t } from '../common/callText/translate';
import { parsePhone } from '../phone';
import type { PlaceTestCallInput } from './toolManifest';

/** What kind of account the active profile is: a call on it rings nobody, rings real phones, or is production. */
export type ProfileKind = 'sandbox' | 'real' | 'production';

export interface ProfileFacts {
  name: string;
  kind: ProfileKind;
  defaultCallerId?: string;
}

export interface TestCallPlan {
  params: ConnectCallParams | ConnectToFlowParams;
  /** The number Exotel dials as the customer: To, or From on a call to a flow. */
  dialled: string;
  target: string;
}

export type PlanResult = { ok: true; plan: TestCallPlan } | { ok: false; reason: string };

function phone(field: string, v: unknown): { e164: string } | { reason: string } {
  if (typeof v !== 'string' || !v.trim()) return { reason: t('{0} is missing.', field) };
  const p = parsePhone(v);
  return p.ok ? { e164: p.number.e164 } : { reason: t('{0} “{1}” is not a number Exotel can dial: {2}', field, v.slice(0, 40), p.reason) };
}

function flowOf(v: string): FlowRef | undefined {
  const s = v.trim();
  if (/^\d+$/.test(s)) return { appId: s };
  return /^https?:\/\/\S+$/.test(s) ? { url: s } : undefined;
}

/**
 * The connect parameters for the input, or why not. Options are checked by name against the call-options table
 * (the client checks their values); a flow refuses options it does not take rather than dropping them.
 */
export function planTestCall(input: PlaceTestCallInput, profile: ProfileFacts, settingCallerId: string | undefined): PlanResult {
  if (typeof input !== 'object' || input === null) return { ok: false, reason: t('The input must be an object with from, to (or flow) and callerId.') };
  const hasTo = typeof input.to === 'string' && input.to.trim() !== '';
  const hasFlow = typeof input.flow === 'string' && input.flow.trim() !== '';
  if (hasTo === hasFlow) return { ok: false, reason: t('Give either "to" (a number) or "flow" (an app id or URL), not both and not neither.') };
  const from = phone('From', input.from);
  if ('reason' in from) return { ok: false, reason: from.reason };
  const callerIdText = input.callerId ?? profile.defaultCallerId ?? settingCallerId;
  if (!callerIdText) return { ok: false, reason: t('No CallerId: give "callerId" (your ExoPhone); the profile has no default CallerId.') };
  const callerId = phone('CallerId', callerIdText);
  if ('reason' in callerId) return { ok: false, reason: callerId.reason };
  const options = input.options ?? {};
  if (typeof options !== 'object' || Array.isArray(options)) return { ok: false, reason: t('"options" must be an object, e.g. {"timeLimit": 600}.') };
  const allowed = callOptionsFor(hasFlow).map(o => o.key as string);
  const unknown = Object.keys(options).filter(k => !allowed.includes(k));
  if (unknown.length) {
    return {
      ok: false,
      reason: t('{0} does not take the option(s) {1}. It takes: {2}.', hasFlow ? t('A call to a flow') : t('A call'), unknown.join(', '), allowed.join(', ')),
    };
  }
  if (hasFlow) {
    const flow = flowOf(input.flow!);
    if (!flow) return { ok: false, reason: t('"flow" must be an app id (digits) or an http(s) URL.') };
    const target = 'appId' in flow ? t('flow {0}', flow.appId) : t('flow {0}', flow.url);
    return { ok: true, plan: { params: { ...options, from: from.e164, callerId: callerId.e164, flow }, dialled: from.e164, target } };
  }
  const to = phone('To', input.to);
  if ('reason' in to) return { ok: false, reason: to.reason };
  return {
    ok: true,
    plan: { params: { ...options, from: from.e164, to: to.e164, callerId: callerId.e164 } as ConnectCallParams, dialled: to.e164, target: to.e164 },
  };
}

export function profileLine(p: ProfileFacts): string {
  switch (p.kind) {
    case 'sandbox':
      return t('“{0}”: the local sandbox (no real phone rings, nothing is charged)', p.name);
    case 'real':
      return t('“{0}”: a REAL Exotel account (real phones ring; the call is charged)', p.name);
    case 'production':
      return t('“{0}”: a PRODUCTION Exotel account (real phones ring; the call is charged)', p.name);
  }
}

/** The facts a confirmation names, as label/value pairs (the same in VS Code's confirmation and in ours). */
export function testCallFacts(profile: ProfileFacts, plan: TestCallPlan, dnd: string, form: Array<[string, string]>): Array<[string, string]> {
  const p = plan.params;
  const optionNames = new Set(callOptionsFor(false).map(o => o.api));
  const options = form
    .filter(([k]) => optionNames.has(k.replace(/\[\d+\]$/, '')))
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  return [
    [t('Profile'), profileLine(profile)],
    [t('From'), p.from],
    'flow' in p ? [t('Flow'), plan.target] : [t('To'), p.to],
    [t('CallerId'), p.callerId],
    ['flow' in p ? t('DND status of From (the number dialled)') : t('DND status of To'), dnd],
    [t('Options'), options || t('none')],
  ];
}

/**
 * The facts as a Markdown list that also reads well as plain text (VS Code shows the confirmation's source as is
 * in its dialog outside a chat): only the characters that could make markup, a link or HTML are escaped.
 */
export function factsMarkdown(facts: Array<[string, string]>): string {
  const light = (s: string) => s.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>#|~!{}]/g, '\\$&');
  return facts.map(([k, v]) => `- ${light(k)}: ${light(v)}`).join('\n');
}

/** At most `max` test calls from the tools in any `windowMs`: an agent in a loop stops here, whatever it is told. */
export class ToolCallBudget {
  private readonly placed: number[] = [];
  constructor(
    readonly max: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until another call is allowed; 0 when one is allowed now. */
  waitMs(): number {
    const now = this.now();
    while (this.placed.length && this.placed[0] <= now - this.windowMs) this.placed.shift();
    return this.placed.length < this.max ? 0 : this.placed[0] + this.windowMs - now;
  }

  record(): void {
    this.placed.push(this.now());
  }
}

/** The tools' budget: a handful of test calls in ten minutes. */
export const TOOL_CALLS_MAX = 5;
export const TOOL_CALLS_WINDOW_MS = 10 * 60_000;
