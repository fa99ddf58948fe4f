// Recordings as on a real account: the details panel plays a pre-signed link and says when it expires; without one
// the extension fetches the private recording itself (credentials in a header, never to the page) into a temporary
// copy removed with the panel; Download Recording… saves it; a refusal says why.
import { COMMANDS } from '../../src/common/commandIds';
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, sandbox, waitFor, watchMessages } from './helpers';

async function recordedCall(): Promise<string> {
  const s = await sandbox();
  const sid = s.calls.add({ status: 'completed', recorded: true, to: '09876543210' }).sid;
  return sid;
}

async function openDetails(sid: string) {
  const a = await api();
  await vscode.commands.executeCommand(COMMANDS.showCallDetails, sid);
  return waitFor('the panel to show the call with its recording', () => {
    const v = a.callDetails.view(sid);
    return v?.recording ? v : undefined;
  });
}

describe('recordings on the details panel', function () {
  this.timeout(60000);
  before(async () => {
    await sandbox();
  });
  afterEach(async () => {
    (await sandbox()).setSignedRecordingUrls(true);
    (await sandbox()).faults.clear();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('with signed URLs (the in-editor sandbox by default): plays and opens the pre-signed link, and says when it expires', async () => {
    const s = await sandbox();
    assert.strictEqual(s.signedRecordingUrls, true);
    const sid = await recordedCall();
    const view = await openDetails(sid);
    const r = view.recording!;
    assert.strictEqual(r.kind, 'presigned');
    // Exotel's shape, …/exotelrecordings/<account>/<file>.mp3: the file is not always the Call SID.
    assert.match(r.src ?? '', new RegExp(`^${s.baseUrl}/exotelrecordings/${s.accountSid}/[0-9A-Za-z._-]+\\.mp3\\?Expires=\\d+&Signature=`));
    assert.strictEqual(r.openUrl, r.src);
    assert.match(r.note, /needs no credentials and expires at \d{1,2}:\d{2}.*\(30 minutes after it was fetched\)/);
    assert.ok(r.canRefreshLink, 'a way to get a fresh link');
    const res = await fetch(r.src!);
    assert.strictEqual(res.status, 200, 'the link plays without credentials');
  });

  it('without signed URLs: Play fetches the private recording with the key and token into a temporary copy, removed when the panel closes', async () => {
    const s = await sandbox();
    s.setSignedRecordingUrls(false);
    const a = await api();
    const sid = await recordedCall();
    const view = await openDetails(sid);
    assert.strictEqual(view.recording!.kind, 'private');
    assert.strictEqual(view.recording!.src, undefined, 'the page gets no private link to try');
    assert.strictEqual(view.recording!.openUrl, undefined);
    assert.ok(view.recording!.canPlay);
    assert.match(view.recording!.note, /private: the extension fetches it with your API key and token/);
    s.clearLogs();
    await a.callDetails.perform(sid, { action: 'playRecording' });
    const played = await waitFor('the local copy', () => a.callDetails.view(sid)?.recording?.src);
    assert.ok(!played.startsWith(s.baseUrl), `the page plays a local copy, not the link (${played})`);
    assert.ok(!played.includes(s.apiToken) && !played.includes(s.apiKey));
    const fetched = s.requests.find(r => r.path.startsWith(`/exotelrecordings/${s.accountSid}/`) && r.path.endsWith('.mp3'));
    assert.ok(fetched, 'the extension fetched the recording');
    assert.strictEqual(fetched.headers.authorization, s.authorization, 'with the key and token in a header');
    assert.strictEqual(fetched.status, 200);
    const dir = a.callDetails.recordingCopy(sid);
    assert.ok(dir && fs.readdirSync(dir).length === 1, 'one temporary copy');
    assert.strictEqual(fs.statSync(path.join(dir, `${sid}.mp3`)).size, 417 * 39);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('the copy to be removed', () => !fs.existsSync(dir));
  });

  it('a refused private recording says recordings are private and what to do', async () => {
    const s = await sandbox();
    s.setSignedRecordingUrls(false);
    const a = await api();
    const sid = await recordedCall();
    await openDetails(sid);
    s.faults.next({ kind: 'status', status: 403, body: 'Forbidden' }, { path: '/exotelrecordings/' });
    await a.callDetails.perform(sid, { action: 'playRecording' });
    const error = await waitFor('the error', () => a.callDetails.view(sid)?.recording?.error);
    assert.match(
      error,
      /\(403\).*Recordings on this account are private: ask Exotel to enable signed URLs \(PreSignedRecordingUrl\), or whitelist this machine's IP/,
    );
  });

  it("a message the page should not send is ignored and logged, never run (prototype keys, other pages' actions, bad fields)", async () => {
    const s = await sandbox();
    s.setSignedRecordingUrls(false);
    const a = await api();
    const sid = await recordedCall();
    await openDetails(sid);
    s.clearLogs();
    for (const message of [{ action: 'constructor' }, { action: 'resend' }, { action: 'openExternal', url: 42 }, 'playRecording']) {
      await a.callDetails.perform(sid, message);
    }
    const ignored = a.log.recent.filter(l => /a message from the page was ignored/.test(l));
    assert.strictEqual(ignored.length, 4, ignored.join('\n'));
    assert.ok(!s.requests.some(r => r.path.includes('/exotelrecordings/')), 'nothing was fetched');
    assert.strictEqual(a.callDetails.view(sid)?.recording?.src, undefined);
  });

  it('Download Recording… saves the file (private link, with progress), and a failure leaves no partial file', async () => {
    const s = await sandbox();
    s.setSignedRecordingUrls(false);
    const sid = await recordedCall();
    const call = { sid, status: 'completed', recordingUrl: `${s.baseUrl}/exotelrecordings/${s.accountSid}/${sid}.mp3` };
    const target = vscode.Uri.file(path.join(os.tmpdir(), `exotel-test-${sid}.mp3`));
    try {
      const saved = await vscode.commands.executeCommand<vscode.Uri>(COMMANDS.callLogDownloadRecording, call, { uri: target });
      assert.strictEqual(saved?.fsPath, target.fsPath);
      assert.deepStrictEqual([...fs.readFileSync(target.fsPath).subarray(0, 3)], [0xff, 0xfb, 0x90]);
      fs.rmSync(target.fsPath);
      const messages = watchMessages();
      try {
        s.faults.next({ kind: 'status', status: 401, body: 'Authentication required' }, { path: '/exotelrecordings/' });
        const none = await vscode.commands.executeCommand(COMMANDS.callLogDownloadRecording, call, { uri: target });
        assert.strictEqual(none, undefined);
        const shown = await waitFor('the error message', () => messages.shown.find(m => m.kind === 'showErrorMessage'));
        assert.match(shown.message, /Recordings on this account are private/);
        assert.ok(!fs.existsSync(target.fsPath) && !fs.existsSync(`${target.fsPath}.part`), 'no file, no partial file');
      } finally {
        messages.dispose();
      }
    } finally {
      fs.rmSync(target.fsPath, { force: true });
    }
  });
});
