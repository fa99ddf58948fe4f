// Sign-in, profiles, SecretStorage and the status bar, in a real extension host, against the sandbox.
import { COMMANDS } from '../../src/common/commandIds';
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, CANARY, sandbox, waitFor, watchMessages } from './helpers';

describe('accounts and the sandbox profile', function () {
  this.timeout(60000);

  it('activates lazily, signing nobody in by itself', async () => {
    const a = await api();
    console.log(`      activation took ${a.activationMs.toFixed(2)} ms: ${a.log.recent.find(l => l.startsWith('Exotel activated')) ?? ''}`);
    const pkg = vscode.extensions.getExtension('exotel-vscode.exotel-vscode')!.packageJSON as { activationEvents: string[] };
    // The generic onLanguage: any file of any language activates it (hovers work everywhere), startup never does;
    // a workspace holding a call test suite or a flow file does too, so the Test Explorer lists its tests and flow
    // files get their diagnostics before a file is opened.
    assert.deepStrictEqual(pkg.activationEvents, ['onLanguage', 'workspaceContains:**/*.exotel-tests.json', 'workspaceContains:**/*.exotel-flow.json']);
    // This is the suite's first test: nothing has started the sandbox or signed in yet. Only EXOTEL_SANDBOX=1
    // starts the sandbox at activation, and only a reused user-data dir (test-electron) can hold a profile.
    const autoSandbox = process.env.EXOTEL_SANDBOX === '1';
    const stored = a.globalState.get<Array<{ id: string }>>('exotel.profiles', []);
    if (!autoSandbox) assert.strictEqual(a.sandbox.handle, undefined, 'the sandbox started without EXOTEL_SANDBOX=1');
    if (!autoSandbox && stored.length === 0) {
      assert.strictEqual(await a.account.current(), undefined, 'signed in with no profile');
      await waitFor('the status bar to offer sign-in', () => a.statusBar.text === '$(call-outgoing) Exotel: Sign In', 5000);
    } else {
      const c = await a.account.current();
      assert.ok(c === undefined || stored.some(p => p.id === c.id) || (autoSandbox && c.id === 'sandbox'), `signed in to a profile nobody chose: ${c?.id}`);
    }
  });

  it('starts the sandbox and switches to its profile', async () => {
    const s = await sandbox();
    const a = await api();
    const c = await a.account.current();
    assert.strictEqual(c?.id, 'sandbox');
    assert.strictEqual(c.baseUrl, s.baseUrl);
    assert.match(s.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('signs in against the sandbox as a custom URL, keeping the token only in SecretStorage', async () => {
    const s = await sandbox();
    const a = await api();
    const marker = s.requests.length;
    const name = await vscode.commands.executeCommand<string>(COMMANDS.signIn, {
      name: 'Staging',
      baseUrl: s.baseUrl,
      accountSid: s.accountSid,
      apiKey: s.apiKey,
      apiToken: s.apiToken,
    });
    assert.strictEqual(name, 'Staging');
    const profiles = a.globalState.get<Array<{ name: string; id: string }>>('exotel.profiles', []);
    const staging = profiles.find(p => p.name === 'Staging');
    assert.ok(staging);
    assert.ok(!JSON.stringify(profiles).includes(s.apiToken), 'the token is not in global state');
    assert.ok(
      await a.secrets.holds(`exotel.profile.${staging.id}`, JSON.stringify({ apiKey: s.apiKey, apiToken: s.apiToken })),
      'the key and token are in SecretStorage',
    );
    const settings = JSON.stringify(vscode.workspace.getConfiguration('exotel'));
    assert.ok(!settings.includes(s.apiToken), 'the token is not in settings');
    const check = s.requests.slice(marker).find(r => r.path.endsWith('/Calls.json'));
    assert.ok(check, 'the credentials were checked with a request');
    assert.strictEqual(check.headers.authorization, s.authorization);
  });

  it('a wrong token is explained (401, region hint) and nothing is saved; the token is never logged', async () => {
    const s = await sandbox();
    const a = await api();
    const before = a.globalState.get<unknown[]>('exotel.profiles', []).length;
    const messages = watchMessages();
    let result: unknown;
    try {
      result = await vscode.commands.executeCommand(COMMANDS.signIn, {
        name: 'Wrong',
        baseUrl: s.baseUrl,
        accountSid: s.accountSid,
        apiKey: s.apiKey,
        apiToken: CANARY,
      });
    } finally {
      messages.dispose();
    }
    assert.strictEqual(result, undefined);
    assert.strictEqual(a.globalState.get<unknown[]>('exotel.profiles', []).length, before);
    // What the user was told, during this sign-in: the 401 and the region hint.
    assert.strictEqual(messages.shown.length, 1, JSON.stringify(messages.shown));
    const told = messages.shown[0].message;
    assert.match(told, /401/);
    assert.match(told, /api\.in\.exotel\.com/);
    assert.strictEqual(a.log.shown.at(-1), told);
    assert.ok(!a.log.recent.join('\n').includes(CANARY), 'the canary token is in the log');
    assert.ok(!a.log.shown.join('\n').includes(CANARY), 'the canary token was shown to the user');
    a.log.info(`a line holding ${s.apiToken}`);
    assert.ok(!a.log.recent.join('\n').includes(s.apiToken), 'the log masks a known token');
  });

  it('switches profiles and signs out of one, updating the status bar', async () => {
    const s = await sandbox();
    const a = await api();
    /** Waits for the status bar's text to be `want` (or, with `prefix`, to start with it). */
    const statusBar = async (want: string, prefix = false) => {
      const reads = () => (prefix ? a.statusBar.text.startsWith(want) : a.statusBar.text === want);
      try {
        await waitFor('the status bar', reads, 5000);
      } catch {
        assert.fail(`the status bar reads ${JSON.stringify(a.statusBar.text)}, not ${JSON.stringify(want)}${prefix ? '…' : ''}`);
      }
    };
    await vscode.commands.executeCommand(COMMANDS.switchProfile, 'sandbox');
    await statusBar('$(beaker) Exotel: Sandbox');
    await vscode.commands.executeCommand(COMMANDS.signIn, {
      name: 'Prod',
      baseUrl: s.baseUrl,
      accountSid: s.accountSid,
      apiKey: s.apiKey,
      apiToken: s.apiToken,
      production: true,
    });
    await vscode.commands.executeCommand(COMMANDS.switchProfile, 'Prod');
    const prod = await waitFor('the Prod profile', async () => (await a.account.current())?.name === 'Prod');
    assert.ok(prod);
    await statusBar(`$(call-outgoing) Prod · 127.0.0.1:${s.port}`);
    const removed = await vscode.commands.executeCommand<number>(COMMANDS.signOut, 'current');
    assert.strictEqual(removed, 1);
    assert.ok(!a.account.list().some(p => p.name === 'Prod'));
    // Signed out of Prod: the status bar shows whichever stored profile is now active (Staging, if the earlier test ran), or Sign In.
    const next = await a.account.current();
    if (next) await statusBar(`$(call-outgoing) ${next.name} · `, true);
    else await statusBar('$(call-outgoing) Exotel: Sign In');
    assert.ok(!a.statusBar.text.includes('Prod'));
    await vscode.commands.executeCommand(COMMANDS.switchProfile, 'sandbox');
    assert.strictEqual((await a.account.current())?.id, 'sandbox');
    await statusBar('$(beaker) Exotel: Sandbox');
  });

  it('a sign-in in another window is picked up, even when its global state arrives after its secret', async () => {
    const s = await sandbox();
    const a = await api();
    const { account, globalState, secrets } = a;
    await account.setActive(undefined);
    await waitFor('signed out here', async () => (await account.current()) === undefined);
    // What another window's sign-in looks like from here: the secret's change event first, the profile later.
    const profile = { id: 'other-window', name: 'Other Window', region: 'custom', baseUrl: s.baseUrl, accountSid: s.accountSid };
    await secrets.store('exotel.profile.other-window', JSON.stringify({ apiKey: s.apiKey, apiToken: s.apiToken }));
    // No delay needed for "the secret first": the workbench sends the secret's change event while it stores it,
    // before its answer to store(), and a second round trip (has) comes back after anything it sent before; the
    // extension's listener runs at once (it notes the state and looks again later).
    assert.ok(await secrets.has('exotel.profile.other-window'));
    await globalState.update('exotel.profiles', [...globalState.get<unknown[]>('exotel.profiles', []), profile]);
    await globalState.update('exotel.activeProfile', profile.id);
    try {
      await waitFor("the other window's profile", async () => (await account.current())?.id === profile.id, 8000);
    } finally {
      await account.remove(profile.id);
      await vscode.commands.executeCommand(COMMANDS.switchProfile, 'sandbox');
    }
  });
});
