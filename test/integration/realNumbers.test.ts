// Numbers as Exotel writes them (0-prefixed, whatever was sent) matched by E.164 everywhere; CallerIds that must
// be ExoPhones, offered by the CallerId step; the flow host of a profile in what Copy as cURL shows.
import { COMMANDS } from '../../src/common/commandIds';
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Call } from '../../src/exotel';
import { api, sandbox, waitFor, watchMessages, withProfile } from './helpers';

const AGENT = '+919845012340';
const CALLER = '08047112345';

describe('real Exotel: numbers, CallerIds, flow host', function () {
  this.timeout(60000);
  before(async () => {
    await sandbox();
  });
  after(async () => {
    await vscode.commands.executeCommand(COMMANDS.callLogClearFilter);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a call placed with +91… comes back 0-prefixed, and is found in the number panel and the (filtered) call log', async () => {
    const a = await api();
    const to = '+919876543220';
    const call = await vscode.commands.executeCommand<Call>(COMMANDS.connectCall, { from: AGENT, to, callerId: CALLER });
    assert.ok(call?.sid, 'no call was placed');
    assert.strictEqual(call.to, '09876543220', 'Exotel (and the sandbox) answer 0-prefixed');
    const panel = await vscode.commands.executeCommand<{ recentCalls: Array<{ sid: string }> }>(COMMANDS.lookUpNumber, to);
    assert.ok(
      panel?.recentCalls.some(c => c.sid === call.sid),
      'the number panel lists the call just placed',
    );
    assert.ok(
      a.callLog.model.state.calls.some(c => c.sid === call.sid),
      'the call log shows it',
    );
    await vscode.commands.executeCommand(COMMANDS.callLogFilter, { number: '09876543220' });
    await a.callLog.model.ensureLoaded();
    assert.ok(
      a.callLog.model.state.calls.some(c => c.sid === call.sid),
      'a number filter (any form) finds it',
    );
    assert.ok(
      a.callLog.model.state.calls.every(c => [c.to, c.from].some(n => n === '09876543220' || n === to)),
      'and only calls with that number',
    );
    await vscode.commands.executeCommand(COMMANDS.callLogClearFilter);
    const recent = a.globalState.get<string[]>('exotel.recentNumbers', []);
    assert.ok(recent.includes(to) && !recent.includes('09876543220'), 'recent numbers are kept once, in E.164');
  });

  it("a CallerId that is not one of the ExoPhones is refused with the sandbox's 400, naming them", async () => {
    const s = await sandbox();
    const watch = watchMessages();
    try {
      const before = s.requests.filter(r => r.method === 'POST').length;
      const result = await vscode.commands.executeCommand(COMMANDS.connectCall, { from: AGENT, to: '+919876543221', callerId: '08030752400', onDnd: 'call' });
      assert.strictEqual(result, undefined);
      assert.strictEqual(s.requests.filter(r => r.method === 'POST').length, before + 1);
      const error = await waitFor('the error', () => watch.shown.find(m => m.kind === 'showErrorMessage'));
      assert.match(error.message, /CallerId is not a valid ExoPhone: 08030752400 is not one of this account's ExoPhones \(08047112345, /);
    } finally {
      watch.dispose();
    }
  });

  it("the review step's CallerId row offers the profile's known ExoPhones, and the one picked is sent", async () => {
    const s = await sandbox();
    const w = vscode.window as unknown as Record<string, (...args: unknown[]) => unknown>;
    const original = { show: w.showQuickPick, create: w.createQuickPick };
    const reviews: string[][] = [];
    let offered: string[] = [];
    w.showQuickPick = async (items: unknown, opts?: unknown) => {
      const options = opts as { title?: string } | undefined;
      const list = (await items) as Array<{ label: string; id?: string }>;
      if (!options?.title?.startsWith('Connect Call — ')) return original.show.call(vscode.window, items, opts);
      reviews.push(list.map(i => i.label));
      return list.find(i => i.id === (reviews.length === 1 ? 'callerId' : 'curl'));
    };
    w.createQuickPick = () => {
      const qp = original.create.call(vscode.window) as vscode.QuickPick<vscode.QuickPickItem & { e164?: string }>;
      const show = qp.show.bind(qp);
      qp.show = () => {
        show();
        void (async () => {
          // Once the ExoPhones are listed: make the third one active, and press Enter once the workbench has
          // taken it (it says so with onDidChangeActive), not after a guessed delay.
          const third = await waitFor('the ExoPhones listed', () => qp.items.find(i => i.e164 === '+912261734567'));
          offered = qp.items.map(i => i.e164 ?? '');
          let taken = false;
          const sub = qp.onDidChangeActive(active => (taken ||= active.includes(third)));
          qp.activeItems = [third];
          await waitFor('the workbench to take the active item', () => taken).finally(() => sub.dispose());
          await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        })().catch(() => qp.hide()); // the assertions below say what was offered and picked
      };
      return qp;
    };
    try {
      const snippet = await vscode.commands.executeCommand<string>(COMMANDS.connectCall, { from: AGENT, to: '+919876543222', review: true });
      for (const exoPhone of s.exoPhones) assert.ok(offered.includes(`+91${exoPhone.replace(/^0/, '')}`), `${exoPhone} is offered (${offered.join(', ')})`);
      assert.match(reviews[0].join('\n'), /CallerId: \+918047112345/, 'the default CallerId first');
      assert.match(reviews[1].join('\n'), /CallerId: \+912261734567/, `the picked ExoPhone after (${reviews[1]?.join(' | ')})`);
      assert.match(snippet ?? '', /--data-urlencode 'CallerId=\+912261734567'/);
    } finally {
      w.showQuickPick = original.show;
      w.createQuickPick = original.create;
    }
  });

  it("a flow given by app id goes to the profile's flow host, which Copy as cURL shows; a full URL is sent as given", async () => {
    const s = await sandbox();
    const flowCurl = (flow: object) =>
      vscode.commands.executeCommand<string>(COMMANDS.connectCallToFlow, { from: '+919876543241', callerId: CALLER, flow, dryRun: 'curl' });
    assert.match(await flowCurl({ appId: '201334' }), new RegExp(`'Url=http://my\\.exotel\\.com/${s.accountSid}/exoml/start_voice/201334'`));
    await withProfile(s, { name: 'Mumbai (flow host test)', flowHost: 'my.in.exotel.com' }, async () => {
      assert.match(await flowCurl({ appId: '201334' }), new RegExp(`'Url=http://my\\.in\\.exotel\\.com/${s.accountSid}/exoml/start_voice/201334'`));
      assert.match(await flowCurl({ url: 'https://flows.example.com/start/9' }), /'Url=https:\/\/flows\.example\.com\/start\/9'/);
      assert.strictEqual(await vscode.commands.executeCommand(COMMANDS.setFlowHost, 'my.exotel.com'), 'my.exotel.com');
      await waitFor('the new flow host', async () => /my\.exotel\.com/.test(await flowCurl({ appId: '7' })));
    });
  });
});
