// Sign-in, profiles, SecretStorage and the status bar, in a real extension host, against the sandbox.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, CANARY, sandbox, waitFor } from './helpers';

describe('accounts and the sandbox profile', function () {
  this.timeout(60000);

  it('activates lazily and fast, with nothing signed in', async () => {
    const a = await api();
    console.log(`      activation took ${a.activationMs.toFixed(2)} ms: ${a.deps.log.recent.find(l => l.startsWith('Exotel activated')) ?? ''}`);
    assert.ok(a.activationMs >= 0);
    const pkg = vscode.extensions.getExtension('exotel-vscode.exotel-vscode')!.packageJSON as { activationEvents: string[] };
    assert.ok(!pkg.activationEvents.includes('*') && !pkg.activationEvents.includes('onStartupFinished'));
  });

  it('starts the sandbox and switches to its profile', async () => {
    const s = await sandbox();
    const a = await api();
    const c = await a.deps.session.current();
    assert.strictEqual(c?.profile.id, 'sandbox');
    assert.strictEqual(c.profile.baseUrl, s.baseUrl);
    assert.match(s.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('signs in against the sandbox as a custom URL, keeping the token only in SecretStorage', async () => {
    const s = await sandbox();
    const a = await api();
    const name = await vscode.commands.executeCommand<string>('exotel.signIn', {
      name: 'Staging', baseUrl: s.baseUrl, accountSid: s.accountSid, apiKey: s.apiKey, apiToken: s.apiToken,
    });
    assert.strictEqual(name, 'Staging');
    const profiles = a.deps.context.globalState.get<Array<{ name: string; id: string }>>('exotel.profiles', []);
    const staging = profiles.find(p => p.name === 'Staging');
    assert.ok(staging);
    assert.ok(!JSON.stringify(profiles).includes(s.apiToken), 'the token is not in global state');
    const stored = await a.deps.context.secrets.get(`exotel.profile.${staging.id}`);
    assert.strictEqual(JSON.parse(stored!).apiToken, s.apiToken);
    const settings = JSON.stringify(vscode.workspace.getConfiguration('exotel'));
    assert.ok(!settings.includes(s.apiToken), 'the token is not in settings');
    const check = s.requests.filter(r => r.path.endsWith('/Calls.json')).at(-1);
    assert.ok(check, 'the credentials were checked with a request');
    assert.strictEqual(check.headers.authorization, s.authorization);
  });

  it('a wrong token is explained (401, region hint) and nothing is saved; the token is never logged', async () => {
    const s = await sandbox();
    const a = await api();
    const before = a.deps.context.globalState.get<unknown[]>('exotel.profiles', []).length;
    const result = await vscode.commands.executeCommand('exotel.signIn', {
      name: 'Wrong', baseUrl: s.baseUrl, accountSid: s.accountSid, apiKey: s.apiKey, apiToken: CANARY,
    });
    assert.strictEqual(result, undefined);
    assert.strictEqual(a.deps.context.globalState.get<unknown[]>('exotel.profiles', []).length, before);
    const logged = a.deps.log.recent.join('\n');
    assert.match(logged, /401/);
    assert.match(logged, /api\.in\.exotel\.com/);
    assert.ok(!logged.includes(CANARY), 'the canary token is in the log');
    const shown = a.deps.log.shown.at(-1) ?? '';
    assert.match(shown, /401/, 'the user was told');
    assert.ok(!a.deps.log.shown.join('\n').includes(CANARY), 'the canary token was shown to the user');
    a.deps.log.info(`a line holding ${s.apiToken}`);
    assert.ok(!a.deps.log.recent.join('\n').includes(s.apiToken), 'the log masks a known token');
  });

  it('switches profiles and signs out of one, updating the status bar', async () => {
    const s = await sandbox();
    const a = await api();
    await vscode.commands.executeCommand('exotel.signIn', { name: 'Prod', baseUrl: s.baseUrl, accountSid: s.accountSid, apiKey: s.apiKey, apiToken: s.apiToken, production: true });
    await vscode.commands.executeCommand('exotel.switchProfile', 'Prod');
    const prod = await waitFor('the Prod profile', async () => (await a.deps.session.current())?.profile.name === 'Prod');
    assert.ok(prod);
    const removed = await vscode.commands.executeCommand<number>('exotel.signOut', 'current');
    assert.strictEqual(removed, 1);
    assert.ok(!a.deps.session.profiles.list().some(p => p.name === 'Prod'));
    await vscode.commands.executeCommand('exotel.switchProfile', 'sandbox');
    assert.strictEqual((await a.deps.session.current())?.profile.id, 'sandbox');
  });

  it('a sign-in in another window is picked up, even when its global state arrives after its secret', async () => {
    const s = await sandbox();
    const a = await api();
    const { context, session } = a.deps;
    await session.profiles.setActive(undefined);
    await waitFor('signed out here', async () => (await session.current()) === undefined);
    // What another window's sign-in looks like from here: the secret's change event first, the profile later.
    const profile = { id: 'other-window', name: 'Other Window', region: 'custom', baseUrl: s.baseUrl, accountSid: s.accountSid };
    await context.secrets.store('exotel.profile.other-window', JSON.stringify({ apiKey: s.apiKey, apiToken: s.apiToken }));
    await new Promise(r => setTimeout(r, 300));
    await context.globalState.update('exotel.profiles', [...context.globalState.get<unknown[]>('exotel.profiles', []), profile]);
    await context.globalState.update('exotel.activeProfile', profile.id);
    try {
      await waitFor('the other window\'s profile', async () => (await session.current())?.profile.id === profile.id, 8000);
    } finally {
      await session.profiles.remove(profile.id);
      await vscode.commands.executeCommand('exotel.switchProfile', 'sandbox');
    }
  });
});
