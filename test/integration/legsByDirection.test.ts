// Legs by Direction on the details panel and the Calls view: an outgoing call, an answered incoming call, and a
// missed incoming call that Exotel reports as "completed" (no agent answered).
import { COMMANDS } from '../../src/common/commandIds';
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, sandbox, waitFor } from './helpers';

async function panelFor(sid: string) {
  const a = await api();
  await vscode.commands.executeCommand(COMMANDS.showCallDetails, sid);
  // The panel shows the call with its legs once details=true has come back.
  return waitFor(`the panel of ${sid}`, () => {
    const v = a.callDetails.view(sid);
    return v && v.legs.length ? v : undefined;
  });
}

describe('legs by direction', function () {
  this.timeout(60000);
  before(async () => {
    await sandbox();
  });
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('an outgoing call: leg 1 is the agent (From), leg 2 the customer (To)', async () => {
    const s = await sandbox();
    const call = s.calls.add({ direction: 'outbound-api', status: 'no-answer', from: '09845012340', to: '09876543216' });
    const view = await panelFor(call.sid);
    assert.deepStrictEqual(
      view.legs.map(l => l.who),
      ['Agent (From) +91 98450 12340', 'Customer (To) +91 98765 43216'],
    );
    assert.match(view.summary, /^The customer never answered; the agent's leg was connected for/);
  });

  it('an answered incoming call: leg 1 is the caller reaching the ExoPhone, leg 2 the ExoPhone reaching an agent', async () => {
    const s = await sandbox();
    const call = s.calls.add({ direction: 'inbound', status: 'completed', from: '09876543210', to: '08047112345', phoneNumberSid: '08047112345' });
    const view = await panelFor(call.sid);
    assert.deepStrictEqual(
      view.legs.map(l => [l.who, l.status]),
      [
        ['Caller (From) +91 98765 43210 → the ExoPhone', 'completed'],
        ['The ExoPhone +91 80 4711 2345 → an agent', 'completed'],
      ],
    );
    assert.match(view.summary, /^The caller reached an agent and they talked for/);
    assert.strictEqual(view.statusIcon, 'pass-filled');
  });

  it('a missed incoming call (Status completed, Leg2Status no-answer) reads as missed on the panel and in the Calls view', async () => {
    const s = await sandbox();
    const a = await api();
    const call = s.calls.add({
      direction: 'inbound',
      status: 'completed',
      leg2Status: 'no-answer',
      from: '09876543211',
      to: '08047112345',
      phoneNumberSid: '08047112345',
    });
    const view = await panelFor(call.sid);
    assert.strictEqual(view.legs[1].status, 'no-answer');
    assert.match(view.summary, /^Missed: the caller reached the ExoPhone, but the agent never answered/);
    assert.strictEqual(view.statusLabel, 'missed');
    assert.match(view.title, /^Missed \(no agent answered\) · incoming/);
    assert.doesNotMatch(view.summary, /talked|answered and/);
    // The Calls view lists it (details=true gives its Leg2Status): a missed icon and word, not a completed one.
    await vscode.commands.executeCommand(COMMANDS.callLogRefresh);
    const node = await waitFor('the missed call in the Calls view', async () => {
      for (const day of await a.callLog.provider.getChildren()) {
        if (day.kind !== 'day') continue;
        const found = (await a.callLog.provider.getChildren(day)).find(n => n.kind === 'call' && n.call.sid === call.sid);
        if (found) return found;
      }
      return undefined;
    });
    const item = a.callLog.provider.getTreeItem(node);
    assert.strictEqual((item.iconPath as vscode.ThemeIcon).id, 'bell-slash');
    assert.match(String(item.description), /incoming · missed$/);
    assert.match(String(item.accessibilityInformation?.label), /^Missed \(no agent answered\)/);
  });
});
