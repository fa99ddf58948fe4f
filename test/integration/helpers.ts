// Shared by the in-host suites: the extension's test handle, the sandbox and a second profile on it, and waiting.
import { COMMANDS } from '../../src/common/commandIds';
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExotelExtensionApi } from '../../src/extension';
import { sleep, waitFor } from '../helpers/wait';
import { DEFAULT_RATE_LIMIT_PER_MINUTE } from '../../src/sandbox';

export const EXTENSION_ID = 'exotel-vscode.exotel-vscode';
export const CANARY = 'canary-9c1f0e7d2b6a4e83';

/** VS Code's minor version (1.N.x → N): the tests run on the oldest supported VS Code and the current one. */
export const vscodeMinor = Number(vscode.version.split('.')[1]);

export async function api(): Promise<ExotelExtensionApi> {
  const ext = vscode.extensions.getExtension<ExotelExtensionApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  return ext.activate();
}

/** Starts the in-extension sandbox with short call timings and returns its handle. */
export async function sandbox() {
  const a = await api();
  // Retries 1 s and 3 s apart: the Callbacks suite watches a failed callback recover (Exotel's own would take 5 min).
  await vscode.commands.executeCommand(COMMANDS.startSandbox, { progressMs: 600, postCallLagMs: 300, callbackRetries: 'fast' });
  const handle = a.sandbox.handle;
  assert.ok(handle, 'the sandbox did not start');
  return handle;
}

export { sleep, waitFor };

/** Every exotel.* setting the extension contributes (from its package.json). */
function settingKeys(): string[] {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  // One section or a list of them
  type Section = { properties?: Record<string, unknown> };
  const configuration = (ext.packageJSON as { contributes: { configuration: Section | Section[] } }).contributes.configuration;
  return [configuration].flat().flatMap(section => Object.keys(section.properties ?? {}));
}

let suitesStarted = 0;

/**
 * Puts the host back where every top-level suite starts (index.ts runs it before each one's own hooks), so that no
 * suite depends on what an earlier one left: no editor or panel open; every exotel.* setting at its default; no
 * stored profile (an active one would be what stopping the sandbox returns to) and the sandbox profile active; the
 * sandbox with no scripted fault left; the Calls view unfiltered and not loading; Repeat Last Call's clock running.
 *
 * The first suite of a run finds the host as VS Code started it, with no sandbox: it is not started here, since the
 * accounts suite (first in file order) checks that activation alone starts none and signs nobody in.
 */
export async function resetHost(): Promise<void> {
  const first = suitesStarted++ === 0;
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');

  const config = () => vscode.workspace.getConfiguration();
  for (const key of settingKeys()) {
    const set = config().inspect(key);
    if (set?.globalValue !== undefined) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    if (set?.workspaceValue !== undefined) await config().update(key, undefined, vscode.ConfigurationTarget.Workspace);
    if (set?.globalValue !== undefined || set?.workspaceValue !== undefined) {
      const byDefault = JSON.stringify(set.defaultValue);
      await waitFor(`${key} back to its default`, () => JSON.stringify(config().get(key)) === byDefault);
    }
  }

  // A fresh rate-limit window for every suite: one that pages 10,000 calls or runs 50 call tests must not make the next
  // one wait for the shared limiter (a change of the limit rebuilds the session's limiter, empty).
  for (const value of [10_000, undefined]) {
    await config().update('exotel.rateLimitPerMinute', value, vscode.ConfigurationTarget.Global);
    await waitFor('the rate limit setting', () => config().inspect('exotel.rateLimitPerMinute')?.globalValue === value);
  }

  const a = await api();
  a.placer.clock.resume();
  for (const profile of a.account.list()) if (profile.id !== 'sandbox') await a.account.remove(profile.id);
  if (a.globalState.get('exotel.activeProfile') !== undefined) await a.globalState.update('exotel.activeProfile', undefined);
  if (!first || a.sandbox.handle) {
    const s = await sandbox();
    s.faults.clear();
    s.setRateLimit(DEFAULT_RATE_LIMIT_PER_MINUTE); // and a fresh window on the sandbox's side too (its own 429s)
    await vscode.commands.executeCommand(COMMANDS.switchProfile, 'sandbox');
    await waitFor('the sandbox profile', async () => (await a.account.current())?.id === 'sandbox');
  }
  if (Object.values(a.callLog.currentFilter).some(v => v !== undefined)) await vscode.commands.executeCommand(COMMANDS.callLogClearFilter);
  await waitFor('the call log to settle', () => !a.callLog.model.state.loading);
}

export type SandboxHandle = Awaited<ReturnType<typeof sandbox>>;

/** The connect requests the sandbox received. */
export const connects = (s: SandboxHandle) => s.requests.filter(r => r.method === 'POST' && r.path.endsWith('/Calls/connect.json'));
/** The metadata look-ups of one number the sandbox received. */
export const lookups = (s: SandboxHandle, e164: string) =>
  s.requests.filter(r => r.method === 'GET' && decodeURIComponent(r.path).endsWith(`/Numbers/${e164}.json`));

/**
 * Runs `body` with a second profile signed in on the sandbox's own credentials and active (`profile` names it and may
 * set production or a flow host), then signs it out and returns to the sandbox profile, whatever happened.
 */
export async function withProfile<T>(s: SandboxHandle, profile: { name: string; production?: boolean; flowHost?: string }, body: () => Promise<T>): Promise<T> {
  const a = await api();
  await vscode.commands.executeCommand(COMMANDS.signIn, { ...profile, baseUrl: s.baseUrl, accountSid: s.accountSid, apiKey: s.apiKey, apiToken: s.apiToken });
  try {
    await vscode.commands.executeCommand(COMMANDS.switchProfile, profile.name);
    await waitFor(`the profile ${profile.name}`, async () => (await a.account.current())?.name === profile.name);
    return await body();
  } finally {
    if ((await a.account.current())?.name === profile.name) await vscode.commands.executeCommand(COMMANDS.signOut, 'current');
    await vscode.commands.executeCommand(COMMANDS.switchProfile, 'sandbox');
  }
}

type MessageKind = 'showInformationMessage' | 'showWarningMessage' | 'showErrorMessage';
const MESSAGE_KINDS: readonly MessageKind[] = ['showInformationMessage', 'showWarningMessage', 'showErrorMessage'];

/** A message the extension showed: its text, whether it was a modal dialog, its detail and its buttons. */
export interface ShownMessage {
  kind: MessageKind;
  message: string;
  modal: boolean;
  detail?: string;
  items: string[];
}

/**
 * Records every message the extension shows (it shares this `vscode.window` with the tests). Modal dialogs
 * cannot be clicked from the extension host, so `answer` answers each one with a button's title, or undefined
 * for Cancel/Escape; an unexpected modal is cancelled, never left open. Other messages show as usual.
 * Dispose to restore the real functions.
 */
export function watchMessages(answer: (m: ShownMessage) => string | undefined = () => undefined): {
  shown: ShownMessage[];
  modals(): ShownMessage[];
  dispose(): void;
} {
  const shown: ShownMessage[] = [];
  const w = vscode.window as unknown as Record<MessageKind, (...args: unknown[]) => Thenable<unknown>>;
  const originals = MESSAGE_KINDS.map(kind => [kind, w[kind]] as const);
  for (const [kind, original] of originals) {
    w[kind] = (message: unknown, ...rest: unknown[]) => {
      const hasOptions = typeof rest[0] === 'object' && rest[0] !== null && !('title' in rest[0]);
      const options = hasOptions ? (rest[0] as vscode.MessageOptions) : undefined;
      const buttons = hasOptions ? rest.slice(1) : rest;
      const title = (i: unknown) => (typeof i === 'string' ? i : (i as vscode.MessageItem).title);
      const m: ShownMessage = { kind, message: String(message), modal: options?.modal === true, detail: options?.detail, items: buttons.map(title) };
      shown.push(m);
      if (!m.modal) return original.call(vscode.window, message, ...rest);
      const picked = answer(m);
      // resolve to the button itself (a string or a MessageItem), as VS Code does
      return Promise.resolve(picked === undefined ? undefined : buttons.find(i => title(i) === picked));
    };
  }
  return {
    shown,
    modals: () => shown.filter(m => m.modal),
    dispose: () => {
      for (const [kind, original] of originals) w[kind] = original;
    },
  };
}
