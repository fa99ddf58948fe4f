import { t } from '../common/callText/translate';
import { dndMeaning } from '../common/callText/dndText';
import { ExotelError, ValidationError } from '../exotel';
import { planTestCall, ProfileFacts, TestCallPlan, testCallFacts, TOOL_CALLS_MAX, TOOL_CALLS_WINDOW_MS, ToolCallBudget } from './testCallPlan';
import { dataBlock } from './toolData';
import { ConfirmCall, ToolConnection, ToolHost } from './toolHost';
import { PlaceTestCallInput } from './toolManifest';
import { answer, errorAnswer, NOT_SIGNED_IN, refusal, ToolAnswer } from './toolResult';
import { errorMessage } from '../base/errorMessage';

/** Everything checked before a call, for the confirmation and for the call. */
export type CheckedCall<C extends ToolConnection = ToolConnection> =
  | { ok: false; reason: string; profile?: ProfileFacts }
  | { ok: true; conn: C; profile: ProfileFacts; plan: TestCallPlan; facts: Array<[string, string]>; dndOnRegister: boolean; title: string };

/**
 * exotel_placeTestCall, for every host. Whatever a host asked before (VS Code's confirmation, an MCP client's
 * approval), place() checks every guard itself when the call is placed: an allowed account, valid numbers and
 * options, the DND register, one call at a time and at most TOOL_CALLS_MAX calls in TOOL_CALLS_WINDOW_MS; then it
 * asks the host's `confirm`, and checks the rate again (another call may have started while the user was asked).
 */
export class PlaceTestCall<C extends ToolConnection = ToolConnection> {
  readonly budget: ToolCallBudget;
  private placing = false;

  constructor(
    private readonly host: ToolHost<C>,
    now: () => number = Date.now,
  ) {
    this.budget = new ToolCallBudget(TOOL_CALLS_MAX, TOOL_CALLS_WINDOW_MS, now);
  }

  async place(input: PlaceTestCallInput, signal: AbortSignal, confirm: ConfirmCall): Promise<ToolAnswer> {
    const c = await this.check(input, signal);
    if (!c.ok) return refusal(t('Refused; nothing was sent. {0}', c.reason));
    if (c.dndOnRegister && input.callEvenIfDnd !== true) {
      return refusal(
        t(
          'Refused; nothing was sent. {0} is on the DND register: Exotel refuses calls to it unless the number called your ExoPhone in the last 6 months or is whitelisted. Ask the user, and set callEvenIfDnd only if they say so.',
          c.plan.dialled,
        ),
      );
    }
    const rate = this.rateProblem();
    if (rate) return refusal(rate);
    const declined = await confirm({ title: c.title, facts: c.facts, profile: c.profile });
    if (declined !== undefined) return refusal(declined);
    if (signal.aborted) return refusal(t('Cancelled; nothing was sent.'));
    const later = this.rateProblem();
    if (later) return refusal(later);
    // From here to place() nothing awaits: no second call can pass the checks above meanwhile.
    this.budget.record();
    this.placing = true;
    try {
      const call = await this.host.calls.place(c.conn, c.plan.params);
      this.host.log.info(`Agent tool: placed call ${call.sid} on “${c.profile.name}”`);
      return answer(
        t('Placed one call on the profile {0}. Its Call SID and first status, as Exotel returned them:', `“${c.profile.name}” (${c.profile.kind})`),
        dataBlock([
          ['sid', call.sid],
          ['status', call.status],
        ]),
        this.host.afterPlacing,
      );
    } catch (err) {
      const maybe = err instanceof ExotelError && err.mayHaveBeenSent;
      return errorAnswer(
        maybe
          ? t('Placing the call failed, but the request may have reached Exotel: look in the call log before trying again.')
          : t('Placing the call failed; no call was placed.'),
        err,
      );
    } finally {
      this.placing = false;
    }
  }

  /** Why a call cannot be placed now (one at a time, the budget), or undefined. */
  rateProblem(): string | undefined {
    if (this.placing || this.host.calls.busy) return t('Refused; nothing was sent. Another call is being placed right now; try again when it has been placed.');
    const wait = this.budget.waitMs();
    if (wait > 0) {
      return t(
        'Refused; nothing was sent. The tools place at most {0} calls in {1} minutes; the next one is possible in {2} s.',
        TOOL_CALLS_MAX,
        TOOL_CALLS_WINDOW_MS / 60_000,
        Math.ceil(wait / 1000),
      );
    }
    return undefined;
  }

  /** The guards that need no user: signed in, an allowed account, valid numbers and options, and the DND status. */
  async check(input: PlaceTestCallInput, signal: AbortSignal): Promise<CheckedCall<C>> {
    const conn = await this.host.connection();
    if (!conn) return { ok: false, reason: NOT_SIGNED_IN };
    const profile = conn.profile;
    if (profile.kind !== 'sandbox' && !this.host.realCallsAllowed()) {
      return {
        ok: false,
        profile,
        reason: t(
          'The active profile “{0}” is a real Exotel account. Tools place calls only through the sandbox unless the user {1} (or switches to the sandbox).',
          profile.name,
          this.host.realCallsHow,
        ),
      };
    }
    const planned = planTestCall(input, profile, this.host.defaultCallerId());
    if (!planned.ok) return { ok: false, profile, reason: planned.reason };
    let form: Array<[string, string]>;
    try {
      form = conn.client.describeConnect(planned.plan.params).form ?? []; // every value checked as Connect Call checks it
    } catch (err) {
      if (err instanceof ValidationError) return { ok: false, profile, reason: err.message };
      throw err;
    }
    const dnd = await this.dnd(planned.plan.dialled, signal);
    return {
      ok: true,
      conn,
      profile,
      plan: planned.plan,
      facts: testCallFacts(profile, planned.plan, dnd.text, form),
      dndOnRegister: dnd.onRegister,
      title: callTitle(profile),
    };
  }

  /** The dialled number's DND status, as Connect Call checks it; number lookups turned off leave the cache only. */
  private async dnd(e164: string, signal: AbortSignal): Promise<{ text: string; onRegister: boolean }> {
    try {
      const network = this.host.lookupsAllowed();
      const meta = await this.host.numbers.lookup(e164, { signal, network });
      if (!meta) {
        return {
          text: network ? t('unknown (Exotel looks up Indian mobile and landline numbers only)') : t('unknown (number lookups are off)'),
          onRegister: false,
        };
      }
      return { text: dndMeaning(meta.dnd), onRegister: meta.dnd === 'Yes' };
    } catch (err) {
      this.host.log.warn(`DND check of ${e164} for a tool call skipped: ${errorMessage(err)}`);
      return { text: t('unknown (the lookup failed)'), onRegister: false };
    }
  }
}

/** The question a confirmation asks, by the kind of account. */
export function callTitle(p: ProfileFacts): string {
  switch (p.kind) {
    case 'sandbox':
      return t('Place a sandbox test call (no real phone rings)?');
    case 'real':
      return t('Place a REAL call on “{0}”? Real phones ring, and it is charged.', p.name);
    case 'production':
      return t('Place a REAL call from the PRODUCTION profile “{0}”?', p.name);
  }
}
