import * as vscode from 'vscode';
import { showInfo, showWarning } from '../../common/notify';
import { Call, ConnectCallParams, ConnectToFlowParams, FlowRef, NumberLookups, NumberMetadata, ValidationError } from '../../exotel';
import { Log } from '../../common/log';
import { shownNumber } from '../../common/privacy';
import { displayText } from '../../common/untrustedText';
import { setting } from '../../common/settings';
import { SANDBOX_PROFILE_ID } from '../../session/profile';
import { Connection, Session } from '../../session/session';
import { describeOptions, editOptions } from './callOptionsPrompt';
import { CallOptionValues, ConnectArgs, FLOW_OPTION_KEYS } from './connectArgs';
import { CallPlacer } from './callPlacer';
import { followCall } from './followCall';
import { knownCallerIds, NumberOffer, pickNumber, recentNumbers, rememberCallerId, rememberNumbers } from './numberPick';
import { e164Of } from '../../phone';
import { curlSnippet, nodeSnippet } from './requestSnippets';
import { t } from '../../common/callText/translate';
import { errorMessage } from '../../base/errorMessage';

const LAST_OPTIONS_KEY = 'exotel.lastCallOptions';
const LAST_CALL_KEY = 'exotel.lastCall';

export interface CallDeps {
  session: Session;
  log: Log;
  state: vscode.Memento;
  placer: CallPlacer;
  numbers?: NumberLookups;
  onPlaced(call: Call): void;
  /** Aborted on deactivation, ending any follow-up polling. */
  stop: AbortSignal;
  /** A StatusCallback URL that lands in the Callbacks view (the review step offers it). */
  callbackInbox?: (sandbox: boolean) => Promise<string | undefined>;
}

/**
 * Exotel: Connect Call (and to a flow), with `args` as connectArgs() left them (the options under `options`).
 * Returns the call as Exotel created it, a snippet on a dry run, or undefined.
 */
export async function connectCall(d: CallDeps, args: ConnectArgs, toFlow: boolean, deliberate = false): Promise<Call | string | undefined> {
  const conn = await d.session.require();
  const interactive = args.review === true || !(args.from && (toFlow ? args.flow : args.to));
  const recent = recentNumbers(d.state);
  const callerIds = knownCallerIds(conn.profile, d.state, setting('defaultCallerId').trim() || undefined);
  // Numbers are kept and compared as E.164: Call Again hands over Exotel's 0-prefixed form of the same number.
  const norm = (n: string | undefined) => (n === undefined ? undefined : (e164Of(n) ?? n));
  const from = norm(args.from) ?? (await pickNumber(t('Connect Call — From (the agent, called first)'), t('e.g. 98765 43210 or +919876543210'), recent));
  if (!from) return undefined;
  let flow = args.flow;
  let to = norm(args.to);
  if (toFlow) {
    flow ??= await askFlow();
    if (!flow) return undefined;
  } else {
    to ??= await pickNumber(t('Connect Call — To (the customer)'), t('The number dialled once From answers'), recent);
    if (!to) return undefined;
  }
  const callerId =
    norm(args.callerId ?? conn.profile.defaultCallerId ?? (setting('defaultCallerId').trim() || undefined)) ??
    (await pickNumber(t('Connect Call — CallerId (your ExoPhone)'), t('One of your ExoPhones: Exotel refuses any other number'), callerIds));
  if (!callerId) return undefined;
  let options: CallOptionValues = args.options ?? d.state.get<CallOptionValues>(LAST_OPTIONS_KEY, {});
  if (toFlow) options = Object.fromEntries(Object.entries(options).filter(([k]) => FLOW_OPTION_KEYS.includes(k as keyof CallOptionValues)));
  let dryRun = args.dryRun;
  let params = paramsOf({ from, to, flow, callerId }, options, toFlow);
  if (interactive) {
    const review = await reviewStep(conn, { from, to, flow, callerId }, options, toFlow, callerIds, d.callbackInbox);
    if (!review) return undefined;
    ({ params, options, dryRun } = review);
  }
  const callerIdUsed = params.callerId;
  const described = conn.client.describeConnect(params); // validates everything before anything is sent
  if (dryRun) {
    const snippet = dryRun === 'curl' ? curlSnippet(described.url, described.form ?? []) : nodeSnippet(described.url, described.form ?? []);
    await vscode.env.clipboard.writeText(snippet);
    void showInfo(t('Copied the request as {0}; the key and token are left as $EXOTEL_API_KEY and $EXOTEL_API_TOKEN.', dryRun === 'curl' ? 'cURL' : 'Node.js'));
    return snippet;
  }
  const dialled = toFlow ? from : to; // a flow call dials From: the customer
  if (dialled && !(await dndAllows(d, dialled, args.onDnd ?? 'ask'))) return undefined;
  if (!(await confirmIfNeeded(conn, described.form ?? []))) return undefined;
  const call = await placeAndFollow(d, conn, params, deliberate);
  await Promise.all([
    d.state.update(LAST_OPTIONS_KEY, options),
    d.state.update(LAST_CALL_KEY, { args: { from, to, flow, callerId: callerIdUsed, options }, toFlow }),
    rememberNumbers(
      d.state,
      [to, from].filter((n): n is string => Boolean(n)),
    ),
    rememberCallerId(d.state, conn.profile.id, callerIdUsed),
  ]);
  return call;
}

/**
 * Places one call whose checks are done (one at a time, see CallPlacer), shows it in the call log and follows it
 * to its outcome in a notification. Connect Call ends here, and so does the language-model tool's test call.
 */
export async function placeAndFollow(d: CallDeps, conn: Connection, params: ConnectCallParams | ConnectToFlowParams, deliberate = false): Promise<Call> {
  const sandbox = conn.profile.id === SANDBOX_PROFILE_ID;
  const call = await d.placer.place(conn.client, params, sandbox, deliberate);
  d.onPlaced(call);
  const maxMs = ((params.timeOut ?? 60) * 2 + 60) * 1000;
  void followCall(conn.client, call, d.log, { maxMs, onUpdate: d.onPlaced, sandbox, stop: d.stop }).catch(err => d.log.error('Following the call', err));
  return call;
}

/** Exotel: Repeat Last Call, after a confirmation. */
export async function repeatLastCall(d: CallDeps, confirmed = false): Promise<Call | string | undefined> {
  const last = d.state.get<{ args: ConnectArgs; toFlow: boolean }>(LAST_CALL_KEY);
  if (!last) {
    void showInfo(t('No call placed from this editor yet. Use “Exotel: Connect Call” first.'));
    return undefined;
  }
  const target = last.toFlow ? t('the flow') : last.args.to;
  if (!confirmed) {
    const ok = await showWarning(t('Call {0} again from {1}?', target ?? '', last.args.from ?? ''), { modal: true }, t('Call Again'));
    if (ok !== t('Call Again')) return undefined;
  }
  // Answered in the dialog, the repeat is deliberate even within a moment of the last call; given by code, it is guarded.
  return connectCall(d, { ...last.args, onDnd: 'ask' }, last.toFlow, !confirmed);
}

async function askFlow(): Promise<FlowRef | undefined> {
  const v = await vscode.window.showInputBox({
    title: t('Connect Call to Flow — the flow'),
    prompt: t('An app id from App Bazaar → My Apps (e.g. 201334), or a full flow URL'),
    ignoreFocusOut: true,
    validateInput: s => (/^\d+$/.test(s.trim()) || /^https?:\/\/\S+$/.test(s.trim()) ? undefined : t('Give a numeric app id or an http(s) URL.')),
  });
  if (v === undefined) return undefined;
  return /^\d+$/.test(v.trim()) ? { appId: v.trim() } : { url: v.trim() };
}

type Who = { from: string; to?: string; flow?: FlowRef; callerId: string };

function paramsOf(who: Who, options: CallOptionValues, toFlow: boolean): ConnectCallParams | ConnectToFlowParams {
  return toFlow ? { from: who.from, callerId: who.callerId, flow: who.flow!, ...options } : { from: who.from, to: who.to!, callerId: who.callerId, ...options };
}

/**
 * The last step before a call: place it, change the CallerId or the options, or copy the request. A request
 * Exotel would refuse (options that do not go together) is explained here, and the review stays open with
 * everything that was entered.
 */
async function reviewStep(
  conn: Connection,
  start: Who,
  startOptions: CallOptionValues,
  toFlow: boolean,
  callerIds: NumberOffer[],
  inbox?: CallDeps['callbackInbox'],
): Promise<{ params: ConnectCallParams | ConnectToFlowParams; options: CallOptionValues; dryRun?: 'curl' | 'node' } | undefined> {
  let options = startOptions;
  const who = { ...start };
  // Shown as numbers are everywhere (masked for screen sharing; bidi controls visible, never obeyed).
  const show = (n: string | undefined) => displayText(shownNumber(n ?? ''));
  const target = who.flow ? ('appId' in who.flow ? t('flow {0}', who.flow.appId) : displayText(who.flow.url)) : show(who.to);
  for (;;) {
    const pick = await vscode.window.showQuickPick(
      [
        { label: `$(call-outgoing) ${t('Place call')}`, description: `${show(who.from)} → ${target} · ${t('from')} ${show(who.callerId)}`, id: 'place' },
        {
          label: `$(device-mobile) ${t('CallerId: {0}', show(who.callerId))}`,
          description: t('the ExoPhone the call comes from; pick another'),
          id: 'callerId',
        },
        { label: `$(settings-gear) ${t('Options…')}`, description: describeOptions(options), id: 'options' },
        ...(inbox
          ? [
              {
                label: `$(inbox) ${t('Send callbacks to the Callbacks view')}`,
                description: t('sets StatusCallback so each delivery shows there'),
                id: 'inbox',
              },
            ]
          : []),
        { label: `$(terminal) ${t('Copy as cURL')}`, description: t('the exact request, token masked; nothing is sent'), id: 'curl' },
        { label: `$(code) ${t('Copy as Node.js code')}`, description: t('the exact request, token masked; nothing is sent'), id: 'node' },
      ],
      { title: t('Connect Call — {0}', conn.profile.name), placeHolder: t('Review the call'), ignoreFocusOut: true },
    );
    if (!pick) return undefined;
    if (pick.id === 'callerId') {
      who.callerId =
        (await pickNumber(
          t('Connect Call — CallerId (your ExoPhone)'),
          t('Now {0}. One of your ExoPhones: Exotel refuses any other number', who.callerId),
          callerIds,
        )) ?? who.callerId;
      continue;
    }
    if (pick.id === 'inbox' && inbox) {
      const url = await inbox(conn.profile.id === SANDBOX_PROFILE_ID);
      if (url) options = { ...options, statusCallback: url };
      continue;
    }
    if (pick.id === 'options') {
      options = (await editOptions(options, toFlow ? FLOW_OPTION_KEYS : undefined)) ?? options;
      continue;
    }
    const params = paramsOf(who, options, toFlow);
    const problem = refusal(conn, params);
    if (problem) {
      void showWarning(problem);
      continue;
    }
    return { params, options, dryRun: pick.id === 'place' ? undefined : (pick.id as 'curl' | 'node') };
  }
}

/** Why the client would refuse these parameters, or undefined. */
function refusal(conn: Connection, params: ConnectCallParams | ConnectToFlowParams): string | undefined {
  try {
    conn.client.describeConnect(params);
    return undefined;
  } catch (err) {
    if (err instanceof ValidationError) return err.message;
    throw err;
  }
}

/** A number on the DND register: say what Exotel will do, and let the user decide. */
async function dndAllows(d: CallDeps, to: string, mode: 'ask' | 'call' | 'cancel'): Promise<boolean> {
  if (!d.numbers || mode === 'call') return true;
  let meta: NumberMetadata | undefined;
  try {
    meta = await d.numbers.lookup(to);
  } catch (err) {
    d.log.warn(`DND check of ${to} skipped: ${errorMessage(err)}`);
    return true;
  }
  if (meta?.dnd !== 'Yes') return true;
  if (mode === 'cancel') return false;
  const pick = await showWarning(
    t('{0} is on the DND register.', to),
    {
      modal: true,
      detail: t(
        'Exotel connects calls to DND numbers only when they are transactional and the number called your ExoPhone in the last 6 months, or when it is whitelisted. Otherwise Exotel refuses the call (403).',
      ),
    },
    t('Call Anyway'),
  );
  return pick === t('Call Anyway');
}

/** A production profile, or `exotel.confirmBeforeCalling`: show the summary and ask. */
async function confirmIfNeeded(conn: Connection, form: Array<[string, string]>): Promise<boolean> {
  if (!conn.profile.production && !setting('confirmBeforeCalling')) return true;
  const summary = form.map(([k, v]) => `${k}: ${v}`).join('\n');
  const pick = await showWarning(
    conn.profile.production ? t('Place a real call from the production profile “{0}”?', conn.profile.name) : t('Place this call?'),
    { modal: true, detail: summary },
    t('Place Call'),
  );
  return pick === t('Place Call');
}
