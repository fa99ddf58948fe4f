import * as vscode from 'vscode';
import { t } from '../../common/callText/translate';
import { ExotelError, ValidationError } from '../../exotel';
import { Log } from '../../common/log';
import { showWarning } from '../../common/notify';
import { setting } from '../../common/settings';
import { SANDBOX_PROFILE_ID } from '../../session/profile';
import { Connection, Session } from '../../session/session';
import { ToolServices } from './toolServices';
import { factsMarkdown, planTestCall, ProfileFacts, TestCallPlan, testCallFacts, TOOL_CALLS_MAX, TOOL_CALLS_WINDOW_MS, ToolCallBudget } from './testCallPlan';
import { dataBlock } from './toolData';
import { PlaceTestCallInput } from './toolManifest';
import { errorResult, NOT_SIGNED_IN, toolText } from './toolResult';
import { errorMessage } from '../../base/errorMessage';

/** Everything checked before a call, for the confirmation and for invoke. */
type Checked =
  | { ok: false; reason: string; profile?: ProfileFacts }
  | {
      ok: true;
      conn: Connection;
      profile: ProfileFacts;
      plan: TestCallPlan;
      facts: Array<[string, string]>;
      dndOnRegister: boolean;
    };

export const PLACE_CALL = () => t('Place Call');

/**
 * exotel_placeTestCall. VS Code asks the user with prepareInvocation's confirmation inside a chat, but users can
 * auto-approve tools and any extension can invoke one outside a chat, so invoke() checks every guard itself and,
 * outside a chat (no invocation token), on a production profile or with exotel.confirmBeforeCalling, asks with
 * its own modal dialog before anything is sent.
 */
export class PlaceTestCallTool implements vscode.LanguageModelTool<PlaceTestCallInput> {
  readonly budget = new ToolCallBudget(TOOL_CALLS_MAX, TOOL_CALLS_WINDOW_MS);

  constructor(
    private readonly session: Session,
    private readonly services: ToolServices,
    private readonly log: Log,
  ) {}

  async prepareInvocation(
    options: vscode.LanguageModelToolInvocationPrepareOptions<PlaceTestCallInput>,
    token: vscode.CancellationToken,
  ): Promise<vscode.PreparedToolInvocation> {
    const c = await this.check(options.input, token);
    const message = new vscode.MarkdownString();
    if (!c.ok) {
      message.appendMarkdown(factsMarkdown([[t('This call will be refused, and nothing sent'), c.reason]]));
      return { invocationMessage: t('Checking an Exotel test call'), confirmationMessages: { title: t('Place an Exotel call?'), message } };
    }
    message.appendMarkdown(factsMarkdown(c.facts));
    return { invocationMessage: t('Placing one Exotel call'), confirmationMessages: { title: title(c.profile), message } };
  }

  async invoke(
    options: vscode.LanguageModelToolInvocationOptions<PlaceTestCallInput>,
    token: vscode.CancellationToken,
  ): Promise<vscode.LanguageModelToolResult> {
    const c = await this.check(options.input, token);
    if (!c.ok) return toolText(t('Refused; nothing was sent. {0}', c.reason));
    if (c.dndOnRegister && options.input.callEvenIfDnd !== true) {
      return toolText(
        t(
          'Refused; nothing was sent. {0} is on the DND register: Exotel refuses calls to it unless the number called your ExoPhone in the last 6 months or is whitelisted. Ask the user, and set callEvenIfDnd only if they say so.',
          c.plan.dialled,
        ),
      );
    }
    const rate = this.rateProblem();
    if (rate) return toolText(rate);
    const outsideChat = options.toolInvocationToken === undefined;
    if (outsideChat || c.profile.kind === 'production' || setting('confirmBeforeCalling')) {
      const pick = await showWarning(
        title(c.profile),
        {
          modal: true,
          detail: [
            outsideChat ? t('An extension or an agent asked Exotel for VS Code to place this call.') : t('An agent asked to place this call.'),
            '',
            ...c.facts.map(([k, v]) => `${k}: ${v}`),
          ].join('\n'),
        },
        PLACE_CALL(),
      );
      if (pick !== PLACE_CALL()) return toolText(t('The user declined the call; nothing was sent.'));
      if (token.isCancellationRequested) return toolText(t('Cancelled; nothing was sent.'));
      const later = this.rateProblem(); // another call may have started while the dialog was open
      if (later) return toolText(later);
    }
    this.budget.record();
    try {
      const call = await this.services.calls.placeAndFollow(c.conn, c.plan.params);
      this.log.info(`Language-model tool: placed call ${call.sid} on “${c.profile.name}”`);
      return toolText(
        t('Placed one call on the profile {0}. Its Call SID and first status, as Exotel returned them:', `“${c.profile.name}” (${c.profile.kind})`),
        dataBlock([
          ['sid', call.sid],
          ['status', call.status],
        ]),
        t('The call is followed to its outcome in the editor (a notification, and the Exotel Calls view). Ask exotel_getCall with this SID for how it went.'),
      );
    } catch (err) {
      const maybe = err instanceof ExotelError && err.mayHaveBeenSent;
      return errorResult(
        maybe
          ? t('Placing the call failed, but the request may have reached Exotel: look in the call log before trying again.')
          : t('Placing the call failed; no call was placed.'),
        err,
      );
    }
  }

  private rateProblem(): string | undefined {
    if (this.services.calls.placer.busy) return t('Refused; nothing was sent. Another call is being placed right now; try again when it has been placed.');
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

  /** The guards that need no user: signed in, an allowed profile, valid numbers and options, and the DND status. */
  private async check(input: PlaceTestCallInput, token: vscode.CancellationToken): Promise<Checked> {
    const conn = await this.session.current();
    if (!conn) return { ok: false, reason: NOT_SIGNED_IN };
    const kind = conn.profile.id === SANDBOX_PROFILE_ID ? 'sandbox' : conn.profile.production ? 'production' : 'real';
    const profile: ProfileFacts = { name: conn.profile.name, kind, defaultCallerId: conn.profile.defaultCallerId };
    if (kind !== 'sandbox' && !setting('tools.allowCallsOnRealAccounts')) {
      return {
        ok: false,
        profile,
        reason: t(
          'The active profile “{0}” is a real Exotel account. Tools place calls only through the sandbox unless the user turns on the setting exotel.tools.allowCallsOnRealAccounts (or switches to the sandbox).',
          conn.profile.name,
        ),
      };
    }
    const planned = planTestCall(input, profile, setting('defaultCallerId').trim() || undefined);
    if (!planned.ok) return { ok: false, profile, reason: planned.reason };
    let form: Array<[string, string]>;
    try {
      form = conn.client.describeConnect(planned.plan.params).form ?? []; // every value checked as Connect Call checks it
    } catch (err) {
      if (err instanceof ValidationError) return { ok: false, profile, reason: err.message };
      throw err;
    }
    const dnd = await this.dnd(planned.plan.dialled, token);
    return { ok: true, conn, profile, plan: planned.plan, facts: testCallFacts(profile, planned.plan, dnd.text, form), dndOnRegister: dnd.onRegister };
  }

  /** The dialled number's DND status, as Connect Call checks it; number lookups turned off leave the cache only. */
  private async dnd(e164: string, token: vscode.CancellationToken): Promise<{ text: string; onRegister: boolean }> {
    const ac = new AbortController();
    const sub = token.onCancellationRequested(() => ac.abort());
    try {
      const network = setting('hover.lookup') !== 'off';
      const meta = await this.services.numbers.lookup(e164, { signal: ac.signal, network });
      if (!meta)
        return {
          text: network ? t('unknown (Exotel looks up Indian mobile and landline numbers only)') : t('unknown (number lookups are off)'),
          onRegister: false,
        };
      return { text: this.services.dndMeaning(meta.dnd), onRegister: meta.dnd === 'Yes' };
    } catch (err) {
      this.log.warn(`DND check of ${e164} for a tool call skipped: ${errorMessage(err)}`);
      return { text: t('unknown (the lookup failed)'), onRegister: false };
    } finally {
      sub.dispose();
    }
  }
}

function title(p: ProfileFacts): string {
  switch (p.kind) {
    case 'sandbox':
      return t('Place a sandbox test call (no real phone rings)?');
    case 'real':
      return t('Place a REAL call on “{0}”? Real phones ring, and it is charged.', p.name);
    case 'production':
      return t('Place a REAL call from the PRODUCTION profile “{0}”?', p.name);
  }
}
