// Issue 10: what an outside review found. The handle holds no secret; every command argument is checked; no encoding
// of a credential and no bidi control reaches the user; a failed Refresh says so; one action, one message.
import { COMMANDS } from '../../src/common/commandIds';
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Call } from '../../src/exotel';
import { api, CANARY, EXTENSION_ID, sandbox, waitFor, watchMessages } from './helpers';

const AGENT = '+919845012340';
const CALLER = '08047112345';
const HIDDEN = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** Functions the walk must not call: they change state (a private `_fn` may be a disposable's own dispose). */
const ACTS =
  /^(_|clear|restart|reset|reload|load|lookUp|save|export|copy|open|close|select|configure|toggle|stop|start|remove|delete|set|store|update|advance|resume|press|show|perform|refresh|invoke|prepare|release|dispose|run|send|place|ensure|has|holds|get)/i;
/** How long the walk waits for one promise (a panel still loading, a lookup under the rate limit). */
const SETTLE_MS = 10_000;

/**
 * Every string reachable from `root` (own properties, getters, arrays, maps, awaited promises, and what each function
 * of no parameters that only reads returns), whether an ExtensionContext is, and the functions it entered.
 */
async function reachable(root: unknown, skip: (p: string) => boolean): Promise<{ strings: string[]; context: string | undefined; entered: string[] }> {
  const seen = new Set<unknown>();
  const strings: string[] = [];
  const entered: string[] = [];
  let context: string | undefined;
  let budget = 50_000;
  const visit = async (v: unknown, at: string, depth: number): Promise<void> => {
    if (skip(at) || budget-- <= 0 || depth > 12) return;
    if (typeof v === 'string') {
      strings.push(v);
      return;
    }
    if ((typeof v !== 'object' && typeof v !== 'function') || v === null || seen.has(v)) return;
    seen.add(v);
    if (typeof (v as PromiseLike<unknown>).then === 'function') {
      let timer: NodeJS.Timeout | undefined;
      const settled = await Promise.race([Promise.resolve(v).catch(() => undefined), new Promise(r => (timer = setTimeout(r, SETTLE_MS)))]);
      clearTimeout(timer);
      return visit(settled, `${at}<then>`, depth + 1);
    }
    if (typeof v === 'function') {
      const name = at.slice(at.lastIndexOf('.') + 1);
      if (v.length > 0 || ACTS.test(name) || /^class\b/.test(Function.prototype.toString.call(v))) return;
      let result: unknown;
      try {
        result = (v as () => unknown)();
      } catch {
        return;
      }
      entered.push(at);
      return visit(result, `${at}()`, depth + 1);
    }
    const o = v as Record<string, unknown>;
    if ('subscriptions' in o && 'extensionMode' in o && 'secrets' in o) context = at;
    if (v instanceof Map)
      for (const [k, x] of v) {
        await visit(k, `${at}<key>`, depth + 1);
        await visit(x, `${at}<value>`, depth + 1);
      }
    for (const key of Object.getOwnPropertyNames(v)) {
      let x: unknown;
      try {
        x = o[key];
      } catch {
        continue;
      }
      await visit(x, `${at}.${key}`, depth + 1);
    }
  };
  await visit(root, 'handle', 0);
  return { strings, context, entered };
}

describe('hardening (issue 10)', function () {
  this.timeout(90000);
  before(async () => {
    await sandbox();
  });

  describe('the activation result', () => {
    it("in tests, reaches neither the ExtensionContext nor the active profile's key and token", async () => {
      const s = await sandbox();
      const a = await api();
      await a.callLog.model.ensureLoaded(); // a client exists, holding the key and token
      // Open panels hold more: Call Stats (its source holds the session), so the walk has them to enter.
      await vscode.commands.executeCommand(COMMANDS.showCallStats);
      // The sandbox's own handle is the test's server (with its credentials, to sign in with); everything else is walked.
      const { strings, context, entered } = await reachable(a, p => p === 'handle.sandbox.handle');
      assert.strictEqual(context, undefined, `an ExtensionContext is reachable at ${context}`);
      for (const secret of [s.apiToken, s.apiKey]) {
        assert.ok(!strings.some(x => x.includes(secret)), 'a key or token is reachable from the handle');
      }
      assert.ok(strings.length > 10, 'the walk saw the handle');
      console.log(`      the walk read ${strings.length} strings and entered ${entered.length} functions: ${entered.join(', ')}`);
      for (const f of ['handle.callStats.panel', 'handle.mcp.resolvedForTest', 'handle.callbacks.rows']) {
        assert.ok(entered.includes(f), `the walk did not enter ${f}: ${entered.join(', ')}`);
      }
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });

    it('outside ExtensionMode.Test, other extensions get nothing', () => {
      const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const bundle = require(path.join(ext.extensionPath, 'dist', 'extension.js')) as { testHandle(p: unknown): unknown };
      for (const extensionMode of [vscode.ExtensionMode.Production, vscode.ExtensionMode.Development]) {
        assert.strictEqual(bundle.testHandle({ context: { extensionMode } }), undefined, `a handle in mode ${extensionMode}`);
      }
    });
  });

  describe('arguments from code', () => {
    const matrix: Array<[string, unknown, RegExp]> = [
      [COMMANDS.connectCall, { from: '', to: '+919876543210', callerId: CALLER }, /“from” must be a phone number/],
      [COMMANDS.connectCall, { from: AGENT, to: '', callerId: CALLER }, /“to” must be a phone number/],
      [COMMANDS.connectCall, { from: AGENT, to: '+919876543210', callerId: '' }, /“callerId” must be a phone number/],
      [COMMANDS.connectCall, { from: null, to: '+919876543210', callerId: CALLER }, /“from” must be a phone number.*null/],
      [COMMANDS.connectCall, { from: AGENT, to: '+919876543210', callerId: CALLER, review: 'yes' }, /“review” must be true or false/],
      [COMMANDS.connectCall, { from: AGENT, to: '+919876543210', callerId: CALLER, onDnd: 'maybe' }, /“onDnd” must be one of/],
      [COMMANDS.connectCall, { from: AGENT, to: '+919876543210', callerId: CALLER, dryRun: 'python' }, /“dryRun” must be one of “curl”, “node”/],
      [COMMANDS.connectCall, { from: AGENT, to: '+919876543210', callerId: CALLER, timeLimit: '600' }, /“timeLimit” must be a whole number/],
      [COMMANDS.connectCallToFlow, { from: AGENT, callerId: CALLER, flow: 201334 }, /“flow” must be/],
      [COMMANDS.connectCallToFlow, { from: AGENT, callerId: CALLER, flow: { appId: '1' }, timeOut: 61 }, /“timeOut” must be a whole number from 1 to 60/],
      [COMMANDS.repeatLastCall, 'yes', /“confirmed” must be true or false/],
      [COMMANDS.signIn, { name: 'X', apiKey: 'k', apiToken: 12345, accountSid: 'a' }, /“apiToken” must be non-empty text \(got a number\)/],
      [COMMANDS.signOut, 'everything', /“scope” must be one of “current”, “all”/],
      [COMMANDS.switchProfile, 42, /“id” must be a profile id or name/],
      [COMMANDS.startSandbox, { progressMs: 'fast' }, /“progressMs” must be a number/],
      [COMMANDS.callLogFilter, { statuses: ['done'] }, /“filter\.statuses” must be a list of “queued”/],
      [COMMANDS.showCallDetails, 'not-a-sid', /“sid” must be a Call SID/],
      [COMMANDS.callLogCopySid, 'abc', /“call” must be a call/],
      [COMMANDS.exportCalls, { format: 'xml' }, /“arguments\.format” must be one of “csv”, “json” \(got “xml”\)/],
      [COMMANDS.lookUpNumber, 9876543210, /“number” must be a phone number as text/],
      [COMMANDS.numbersCopy, 42, /“number” must be a phone number as text/],
    ];
    for (const [command, args, message] of matrix) {
      it(`${command}(${JSON.stringify(args)}) is refused by name and sends nothing`, async () => {
        const s = await sandbox();
        const a = await api();
        const sent = () => s.requests.filter(r => r.method === 'POST').length;
        const before = sent();
        const shownBefore = a.log.shown.length;
        // A prompt opened for an explicit value would never answer: that is a failure too.
        const result = await Promise.race([
          vscode.commands.executeCommand(command, args),
          new Promise(r => setTimeout(() => r('no answer: a prompt opened?'), 8000)),
        ]);
        assert.strictEqual(result, undefined);
        assert.strictEqual(sent(), before, 'something was sent');
        assert.ok(a.log.shown.length > shownBefore, 'nothing was said');
        assert.match(a.log.shown.at(-1) ?? '', message);
      });
    }
  });

  describe('what reaches the user', () => {
    it('a connect refused with the key:token pair echoed base64-encoded (any alignment) shows and logs no part of it', async () => {
      const s = await sandbox();
      const a = await api();
      const pair = `${s.apiKey}:${s.apiToken}`;
      const echoes = ['', 'x', 'xy'].map(lead => Buffer.from(lead + pair).toString('base64')).join(' ');
      s.faults.next(
        { kind: 'status', status: 400, body: { RestException: { Status: 400, Message: `Rejected ${echoes} and ${encodeURIComponent(pair)}` } } },
        { method: 'POST' },
      );
      await vscode.commands.executeCommand(COMMANDS.connectCall, { from: AGENT, to: '+919876543221', callerId: CALLER });
      const shown = a.log.shown.at(-1) ?? '';
      assert.match(shown, /Rejected/);
      const b64Token = (lead: number) =>
        Buffer.from('\0'.repeat(lead) + s.apiToken)
          .toString('base64')
          .slice(4, 16);
      for (const text of [shown, a.log.recent.join('\n')]) {
        for (const piece of [s.apiToken.slice(0, 10), b64Token(0), b64Token(1), b64Token(2)])
          assert.ok(!text.includes(piece), `${piece} in ${text.slice(-300)}`);
      }
    });

    it('a base URL with credentials in it is refused without quoting them, in the message and the log', async () => {
      const a = await api();
      // Only what this test makes: other suites show the canary on purpose (as text Exotel echoed, not a secret).
      const mark = `hardening: base URL test ${Date.now()}`;
      a.log.info(mark);
      const messages = watchMessages();
      try {
        await vscode.commands.executeCommand(COMMANDS.signIn, {
          name: 'Typo',
          baseUrl: `https//KEYCANARY1:${CANARY}@api.exotel.com`,
          accountSid: 'acct',
          apiKey: 'KEYCANARY1',
          apiToken: CANARY,
        });
      } finally {
        messages.dispose();
      }
      const shown = messages.shown.map(m => m.message);
      assert.match(shown.at(-1) ?? '', /base URL/);
      const start = a.log.recent.findIndex(l => l.includes(mark));
      assert.ok(start >= 0, "the log still holds this test's lines");
      const logged = a.log.recent.slice(start);
      for (const text of [shown.join('\n'), logged.join('\n')]) {
        const leaked = text.split('\n').filter(l => l.includes(CANARY.slice(0, 12)) || l.includes('KEYCANARY1'));
        assert.deepStrictEqual(leaked, []);
      }
      assert.ok(!a.account.list().some(p => p.name === 'Typo'));
    });

    it('bidi overrides from Exotel are visible, not obeyed, in notifications and Calls rows', async () => {
      const s = await sandbox();
      const a = await api();
      s.faults.next(
        { kind: 'status', status: 403, body: { RestException: { Status: 403, Message: 'Number \u202E01234 98765\u202C is blocked' } } },
        { method: 'POST' },
      );
      await vscode.commands.executeCommand(COMMANDS.connectCall, { from: AGENT, to: '+919876543222', callerId: CALLER });
      const shown = a.log.shown.at(-1) ?? '';
      assert.match(shown, /\[U\+202E\]01234/);
      assert.ok(!HIDDEN.test(shown), JSON.stringify(shown));
      const good = {
        Sid: 'b'.repeat(32),
        ParentCallSid: '',
        DateCreated: '2024-05-01 10:00:00',
        DateUpdated: '2024-05-01 10:01:00',
        AccountSid: s.accountSid,
        To: '0987\u202E654\u202C3210',
        From: '\u2066+919845012340',
        PhoneNumberSid: CALLER,
        Status: 'completed',
        Direction: 'outbound-api',
        Uri: '/x',
      };
      s.faults.next({ kind: 'status', status: 200, body: { Metadata: { NextPageUri: null }, Calls: [good] } }, { path: '/Calls.json', times: 5 });
      try {
        await vscode.commands.executeCommand(COMMANDS.callLogRefresh);
        const item = await waitFor('the hostile row', async () => {
          for (const day of (await a.callLog.provider.getChildren()) ?? []) {
            for (const node of (await a.callLog.provider.getChildren(day)) ?? []) {
              const it = a.callLog.provider.getTreeItem(node) as vscode.TreeItem;
              if (it.id === `call:${good.Sid}`) return it;
            }
          }
          return undefined;
        });
        const texts = [String(item.label), String(item.description), (item.tooltip as vscode.MarkdownString).value, item.accessibilityInformation?.label ?? ''];
        for (const text of texts) assert.ok(!HIDDEN.test(text), JSON.stringify(text));
        assert.match(String(item.label), /\[U\+202E\]/);
      } finally {
        s.faults.clear();
        await vscode.commands.executeCommand(COMMANDS.callLogRefresh);
      }
    });
  });

  describe('small things', () => {
    it('a call details Refresh that fails says so in the panel and keeps what was shown', async () => {
      const s = await sandbox();
      const a = await api();
      const call = await vscode.commands.executeCommand<Call>(COMMANDS.connectCall, { from: AGENT, to: '+919876543225', callerId: CALLER });
      await vscode.commands.executeCommand(COMMANDS.callLogShowDetails, call);
      const shown = await waitFor('the panel', () => a.callDetails.view(call.sid));
      s.faults.next(
        { kind: 'status', status: 401, body: { RestException: { Status: 401, Message: 'Authentication failed' } } },
        { path: `/Calls/${call.sid}`, times: 3 },
      );
      try {
        await a.callDetails.refresh(call.sid);
        const after = a.callDetails.view(call.sid)!;
        assert.match(after.problem ?? '', /Refresh failed: .*401|Refresh failed: .*credentials|Refresh failed/);
        assert.strictEqual(after.sid, shown.sid);
        assert.deepStrictEqual(
          after.fields.map(f => f.label),
          shown.fields.map(f => f.label),
          'what was shown is kept',
        );
      } finally {
        s.faults.clear();
      }
      await a.callDetails.refresh(call.sid);
      assert.strictEqual(a.callDetails.view(call.sid)!.problem, undefined, 'a Refresh that works clears the problem');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });

    it('a connect invoked twice that times out shows one message', async () => {
      const s = await sandbox();
      const config = vscode.workspace.getConfiguration('exotel');
      await config.update('requestTimeoutSeconds', 1, vscode.ConfigurationTarget.Global);
      const messages = watchMessages();
      try {
        s.faults.next({ kind: 'delay', ms: 3000 }, { method: 'POST' });
        const args = { from: AGENT, to: '+919876543226', callerId: CALLER };
        await Promise.all([vscode.commands.executeCommand(COMMANDS.connectCall, args), vscode.commands.executeCommand(COMMANDS.connectCall, args)]);
        const maybe = messages.shown.filter(m => /may have been placed/.test(m.message));
        assert.strictEqual(maybe.length, 1, JSON.stringify(messages.shown.map(m => m.message)));
      } finally {
        messages.dispose();
        s.faults.clear();
        await config.update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
      }
    });
  });
  describe('privacy for screen sharing', () => {
    it('Toggle Masking masks numbers in Calls rows, notifications, the log and exports, which say so; toggled back, they are in full', async () => {
      const s = await sandbox();
      const a = await api();
      const full = /98765 ?4322\d|9876543227/;
      const call = await vscode.commands.executeCommand<Call>(COMMANDS.connectCall, { from: AGENT, to: '+919876543227', callerId: CALLER });
      const row = async () => {
        for (const day of (await a.callLog.provider.getChildren()) ?? []) {
          for (const node of (await a.callLog.provider.getChildren(day)) ?? []) {
            const it = a.callLog.provider.getTreeItem(node) as vscode.TreeItem;
            if (it.id === `call:${call.sid}`) return it;
          }
        }
        return undefined;
      };
      const messages = watchMessages();
      const file = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'masked-export.json');
      try {
        assert.strictEqual(await vscode.commands.executeCommand(COMMANDS.privacyToggleMaskNumbers), true);
        assert.strictEqual(a.maskingNumbers(), true);
        const item = await waitFor('the masked row', row);
        assert.match(String(item.label), /^\+91 ••••• ••227$/);
        assert.ok(!full.test((item.tooltip as vscode.MarkdownString).value), (item.tooltip as vscode.MarkdownString).value);
        s.faults.next(
          { kind: 'status', status: 403, body: { RestException: { Status: 403, Message: 'Calls to +919876543227 are blocked' } } },
          { method: 'POST' },
        );
        await vscode.commands.executeCommand(COMMANDS.connectCall, { from: AGENT, to: '+919876543227', callerId: CALLER, timeLimit: 61 });
        assert.ok(!full.test(a.log.shown.at(-1) ?? ''), a.log.shown.at(-1));
        assert.match(a.log.shown.at(-1) ?? '', /blocked/);
        // The Output panel is on screen too: the failure is logged, its number masked.
        const logged = a.log.recent.filter(l => /Calls to .* are blocked/.test(l));
        assert.ok(logged.length, 'the failure is logged');
        assert.ok(!logged.some(l => full.test(l)), logged.join('\n'));
        await vscode.commands.executeCommand(COMMANDS.exportCalls, { format: 'json', uri: file });
        const exported = Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8');
        assert.ok(!/9876543227|9845012340/.test(exported), 'the export holds full numbers');
        assert.ok(
          messages.shown.some(m => /Exported .* Phone numbers are masked/.test(m.message)),
          JSON.stringify(messages.shown.map(m => m.message)),
        );
        assert.strictEqual(await vscode.commands.executeCommand(COMMANDS.privacyToggleMaskNumbers), false);
        await waitFor('the row in full', async () => String((await row())?.label) === '+91 98765 43227');
      } finally {
        messages.dispose();
        s.faults.clear();
        await vscode.workspace.getConfiguration('exotel').update('privacy.maskNumbers', undefined, vscode.ConfigurationTarget.Global);
        await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
      }
    });
  });
});
