// Number intelligence inside a real VS Code: the hover (formats, look-alikes, cache, privacy modes, escaping,
// errors, settings) and the number panel, against the embedded sandbox.
import { COMMANDS } from '../../src/common/commandIds';
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { NumberMetadata } from '../../src/exotel';
import type { LookupOptions, NumberEntry } from '../../src/exotel';
import { escapeMarkdown, HOVER_COMMANDS } from '../../src/features/numbers/hoverMarkdown';
import type { Sandbox } from '../../src/sandbox';
import { lookupNumber } from '../../src/sandbox/metadata';
import type { NumberView } from '../../src/webview-ui/protocol';
import { EXTENSION_ID, waitFor } from './helpers';

/** The parts of the activation result this suite uses (the extension's own types live in its bundle). */
interface NumbersApi {
  readonly requestCount: number;
  readonly signedIn: boolean;
  readonly size: number;
  lookup(e164: string, opts?: LookupOptions): Promise<NumberMetadata | undefined>;
  peek(e164: string): NumberMetadata | undefined;
  entry(e164: string): NumberEntry | undefined;
  clear(): Promise<void>;
  saveNow(): Promise<void>;
}
interface Api {
  globalState: vscode.Memento;
  sandbox: { handle: Sandbox | undefined };
  numbers?: NumbersApi;
}

let api: Api;
let numbers: NumbersApi;
let sandbox: Sandbox;
let startedSandbox = false;

async function until(what: string, test: () => boolean | Promise<boolean>, ms = 15000): Promise<void> {
  await waitFor(what, test, ms);
}

/** Writes a user setting and waits until the extension host sees it (listeners have run by then). */
async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('exotel').update(key, value, vscode.ConfigurationTarget.Global);
  const expected = JSON.stringify(value ?? vscode.workspace.getConfiguration('exotel').inspect(key)?.defaultValue);
  await until(`exotel.${key} = ${expected}`, () => JSON.stringify(vscode.workspace.getConfiguration('exotel').get(key)) === expected);
}

const numberRequests = () => sandbox.requests.filter(r => r.path.includes('/Numbers/')).length;

/** Opens `text` (with "|" marking the hovered character) and runs every hover provider there. */
async function hover(marked: string, language = 'plaintext'): Promise<{ hovers: vscode.Hover[]; doc: vscode.TextDocument; pos: vscode.Position }> {
  const at = marked.indexOf('|');
  assert.ok(at >= 0, 'no | in the text');
  const content = marked.slice(0, at) + marked.slice(at + 1);
  const doc = await vscode.workspace.openTextDocument({ content, language });
  const pos = doc.positionAt(at);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
  return { hovers, doc, pos };
}

function valueOf(c: vscode.MarkdownString | vscode.MarkedString): string {
  return typeof c === 'string' ? c : c.value;
}

/** Our hover among all providers' (ours always carries the Copy E.164 link). */
function ours(hovers: vscode.Hover[]): { hover: vscode.Hover; md: string; content: vscode.MarkdownString } | undefined {
  for (const h of hovers) {
    for (const c of h.contents) {
      if (valueOf(c).includes('command:exotel.numbers.copy')) return { hover: h, md: valueOf(c), content: c as vscode.MarkdownString };
    }
  }
  return undefined;
}

async function ourHover(marked: string, language = 'plaintext') {
  const r = await hover(marked, language);
  const found = ours(r.hovers);
  assert.ok(found, `no Exotel hover for ${JSON.stringify(marked)}`);
  return { ...r, ...found };
}

/** The sandbox's deterministic answer, as the hover writes its circle line. */
function circleLine(e164: string): string {
  const found = lookupNumber(e164);
  assert.ok(found.ok);
  return `Circle: ${escapeMarkdown(`${found.numbers.Circle} · ${found.numbers.CircleName}`)}`;
}

function numberTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap(g => g.tabs)
    .filter(t => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('exotel.numberDetails'));
}

describe('numbers: hover and panel in a real VS Code', function () {
  this.timeout(60000);

  before(async () => {
    api = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as Api;
    assert.ok(api.numbers, 'activate() does not return `numbers`: registerNumbers is not wired in src/extension.ts');
    numbers = api.numbers;
    startedSandbox = !api.sandbox.handle;
    await vscode.commands.executeCommand(COMMANDS.startSandbox);
    assert.ok(api.sandbox.handle, 'the sandbox did not start');
    sandbox = api.sandbox.handle;
    await until('the numbers service to see the sandbox account', () => numbers.signedIn);
    await setSetting('hover.lookup', 'auto');
    await setSetting('hover.exclude', []);
    await numbers.clear();
  });

  after(async () => {
    sandbox?.faults.clear();
    for (const key of ['hover.lookup', 'hover.exclude', 'hover.include', 'hover.enabled', 'numbers.dndCacheHours']) await setSetting(key, undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (startedSandbox) await vscode.commands.executeCommand(COMMANDS.stopSandbox);
  });

  beforeEach(() => sandbox.faults.clear());

  describe('finding numbers', () => {
    const FORMATS: Array<[marked: string, language: string, text: string, e164: string]> = [
      ['call +91|9876543210 now', 'plaintext', '+919876543210', '+919876543210'],
      ['dial 0|9052161119', 'plaintext', '09052161119', '+919052161119'],
      ['mobile: 98765|43211', 'plaintext', '9876543211', '+919876543211'],
      ['spaced +91 98765 4|3212 here', 'plaintext', '+91 98765 43212', '+919876543212'],
      ['{\n  "To": "0905216|1118",\n  "Status": "completed"\n}', 'json', '09052161118', '+919052161118'],
      ['42,completed,+919000|112345,2024-01-15 10:00:00', 'plaintext', '+919000112345', '+919000112345'],
      ['office = "080-3075-2|400"', 'ini', '080-3075-2400', '+918030752400'],
      ['# (080) 30|75 2401', 'markdown', '(080) 3075 2401', '+918030752401'],
    ];
    for (const [marked, language, text, e164] of FORMATS) {
      it(`hovers ${JSON.stringify(text)} in ${language} as ${e164}, with Exotel's metadata`, async () => {
        const h = await ourHover(marked, language);
        assert.strictEqual(h.doc.getText(h.hover.range), text);
        assert.ok(h.md.includes(`E\\.164: ${escapeMarkdown(e164)} · `), h.md);
        assert.ok(h.md.includes(circleLine(e164)), h.md);
        assert.ok(h.md.includes(`[$(copy) Copy E\\.164](command:exotel.numbers.copy?${encodeURIComponent(JSON.stringify([e164]))})`), h.md);
      });
    }

    const LOOK_ALIKES = [
      'created 2024-01-|15 18:42:19',
      'at 18:4|2:19 IST',
      'CallSid b6cfaf3a1e7d4f2a8c9d0e1f2a3b98|76',
      'Price: ₹ 98765|43210',
      '"Price": "1500.0|0"',
      'vscode 1.95|.0',
      'server 192.168.10|.254:8080',
      'id=1700000000|123',
      'uuid 123e4567-e89b-12d3-a456-4266141740|00',
      'masked 0XXXXXX|4890',
      'plain words, no dig|its',
    ];
    it('shows no hover over dates, times, Call SIDs, prices, versions, IPs and long ids, and sends nothing', async () => {
      const before = numberRequests();
      for (const marked of LOOK_ALIKES) {
        const { hovers } = await hover(marked);
        assert.strictEqual(ours(hovers), undefined, `a hover over ${JSON.stringify(marked)}`);
      }
      assert.strictEqual(numberRequests(), before);
    });

    it('hovers a non-Indian number without sending it', async () => {
      const before = numberRequests();
      const h = await ourHover('UK office +44 20 71|83 8750');
      assert.ok(h.md.includes('covers Indian mobile and landline numbers only'), h.md);
      assert.ok(!h.md.includes('lookUpInHover'), h.md);
      assert.strictEqual(numberRequests(), before);
    });
  });

  describe('cache', () => {
    it('answers a second hover from the cache: no request, whatever format the number is written in', async () => {
      await numbers.clear();
      const before = numberRequests();
      const count = numbers.requestCount;
      await ourHover('to 98765|43213');
      assert.strictEqual(numberRequests(), before + 1);
      await ourHover('to 98765|43213');
      await ourHover('to +91 98765 4|3213');
      await ourHover('{"To":"098765|43213"}', 'json');
      assert.strictEqual(numberRequests(), before + 1);
      assert.strictEqual(numbers.requestCount, count + 1);
      assert.strictEqual(numbers.peek('+919876543213')?.circle, (lookupNumber('+919876543213') as { numbers: { Circle: string } }).numbers.Circle);
    });

    it('concurrent hovers over one number share one request', async () => {
      await numbers.clear();
      sandbox.faults.next({ kind: 'delay', ms: 300 }, { path: '/Numbers/' });
      const before = numberRequests();
      const results = await Promise.all([1, 2, 3].map(() => hover('x 98765|43214')));
      assert.deepStrictEqual(
        results.map(r => ours(r.hovers)?.md.includes(circleLine('+919876543214'))),
        [true, true, true],
      );
      assert.strictEqual(numberRequests(), before + 1);
    });

    it('refetches a DND older than exotel.numbers.dndCacheHours', async () => {
      await numbers.clear();
      await ourHover('x 98765|43215');
      const before = numberRequests();
      await setSetting('numbers.dndCacheHours', 0);
      await ourHover('x 98765|43215');
      assert.strictEqual(numberRequests(), before + 1);
      await setSetting('numbers.dndCacheHours', undefined);
      await ourHover('x 98765|43215');
      assert.strictEqual(numberRequests(), before + 1);
    });

    it('keeps sandbox answers out of global state (its account is new at every start)', async () => {
      await ourHover('x 98765|43216');
      await numbers.saveNow();
      const stored = api.globalState.get<{ v: number; entries: Array<[string, number, unknown]> }>('exotel.numberCache');
      assert.strictEqual(stored?.v, 1);
      assert.deepStrictEqual(
        stored.entries.filter(e => e[0].startsWith(`${sandbox.accountSid} `)),
        [],
      );
    });

    it('a caller that aborts gets CancelledError before the server answers, and the aborted request is not cached', async () => {
      await numbers.clear();
      sandbox.faults.next({ kind: 'delay', ms: 1500 }, { path: '/Numbers/' });
      const ac = new AbortController();
      const previous = sandbox.requests.at(-1);
      const pending = numbers.lookup('+919876543217', { signal: ac.signal });
      let answeredWhenRejected: number | undefined = -1;
      const settled = pending.catch((err: unknown) => {
        // The sandbox's log sets `status` only when it replies: still undefined means the caller did not wait for it.
        answeredWhenRejected = sandbox.requests.at(-1)?.status;
        throw err;
      });
      await until('the lookup to reach the sandbox', () => sandbox.requests.at(-1) !== previous);
      const request = sandbox.requests.at(-1)!;
      assert.ok(request.path.includes('/Numbers/') && request.path.includes('9876543217'), request.path);
      assert.strictEqual(request.fault, 'delay');
      ac.abort();
      await assert.rejects(settled, (err: Error) => err.name === 'CancelledError');
      assert.strictEqual(answeredWhenRejected, undefined, "the rejection waited for the server's answer");
      assert.strictEqual(numbers.peek('+919876543217'), undefined);
    });
  });

  describe('DND', () => {
    it('DND Yes: a warning icon and what it means for calling', async () => {
      const h = await ourHover('x +9190000|12345');
      assert.ok(
        h.md.includes(
          '$(warning) **DND: Yes** — On the DND register\\: Exotel blocks calls to it unless the call is transactional and the number called your ExoPhone in the last 6 months',
        ),
        h.md,
      );
    });

    it('DND No and Unavailable', async () => {
      assert.ok((await ourHover('x 98765|43218')).md.includes('$(pass) **DND: No** — Not on the DND register\\: it can be called\\.'));
      assert.ok((await ourHover('x +9190001|12345')).md.includes('$(question) **DND: Unavailable** — Exotel does not know'));
    });

    it('lookup() is what the Connect Call DND pre-check uses', async () => {
      assert.strictEqual((await numbers.lookup('+919000012345'))?.dnd, 'Yes');
      assert.strictEqual(await numbers.lookup('+442071838750'), undefined);
      assert.strictEqual(numbers.peek('+919000012345')?.dnd, 'Yes');
      // Connect Call to that DND number, told to cancel on DND: the pre-check answers from lookup()'s cache
      // (no new Numbers request) and nothing is placed.
      const lookups = numberRequests();
      const posts = sandbox.requests.filter(r => r.method === 'POST').length;
      const result = await vscode.commands.executeCommand(COMMANDS.connectCall, {
        from: '+919845012340',
        to: '+919000012345',
        callerId: '08047112345',
        onDnd: 'cancel',
      });
      assert.strictEqual(result, undefined, 'the call was placed');
      assert.strictEqual(sandbox.requests.filter(r => r.method === 'POST').length, posts, 'a connect request was sent');
      assert.strictEqual(numberRequests(), lookups, 'the DND pre-check asked Exotel again instead of using the cache');
    });
  });

  describe('privacy', () => {
    afterEach(() => setSetting('hover.lookup', 'auto'));

    // The link's arguments start with the number (then where the hover was).
    const lookupLink = (e164: string) => `[$(search) Look up with Exotel](command:exotel.numbers.lookUpInHover?${encodeURIComponent(`[{"number":"${e164}"`)}`;

    for (const mode of ['off', 'onClick', 'ask'] as const) {
      it(`"${mode}": sends nothing from a hover, shows what the number is and the lookup link`, async () => {
        await setSetting('hover.lookup', mode);
        await numbers.clear();
        const before = numberRequests();
        const h = await ourHover('x 98765|43219');
        assert.strictEqual(numberRequests(), before);
        assert.ok(h.md.includes('**\\+91 98765 43219** — Indian mobile number'), h.md);
        assert.ok(h.md.includes(lookupLink('+919876543219')), h.md);
        assert.ok(!h.md.includes('**DND'), h.md);
      });
    }

    it('"off": the link looks up that one number, and the hover then shows it from the cache', async () => {
      await setSetting('hover.lookup', 'off');
      await numbers.clear();
      const before = numberRequests();
      const meta = await vscode.commands.executeCommand<NumberMetadata>(COMMANDS.numbersLookUpInHover, { number: '+919876543219' });
      assert.strictEqual(meta?.phoneNumber, '09876543219');
      assert.strictEqual(numberRequests(), before + 1);
      const h = await ourHover('x 98765|43219');
      assert.ok(h.md.includes(circleLine('+919876543219')), h.md);
      assert.ok(!h.md.includes('lookUpInHover'), h.md);
      assert.strictEqual(numberRequests(), before + 1);
    });
  });

  describe('commands', () => {
    afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

    it('"Look up with Exotel" moves the cursor to the hovered number and shows the hover there', async () => {
      await setSetting('hover.lookup', 'off');
      try {
        const doc = await vscode.workspace.openTextDocument({ content: 'first line\nthe customer is 098765 43225, call later', language: 'plaintext' });
        const editor = await vscode.window.showTextDocument(doc);
        editor.selection = new vscode.Selection(0, 0, 0, 5);
        const meta = await vscode.commands.executeCommand<NumberMetadata>(COMMANDS.numbersLookUpInHover, {
          number: '+919876543225',
          uri: doc.uri.toString(),
          line: 1,
          character: 16,
        });
        assert.strictEqual(meta?.phoneNumber, '09876543225');
        assert.deepStrictEqual([editor.selection.active.line, editor.selection.active.character, editor.selection.isEmpty], [1, 16, true]);
        assert.strictEqual(numbers.peek('+919876543225')?.phoneNumber, '09876543225');
      } finally {
        await setSetting('hover.lookup', 'auto');
      }
    });

    it('Copy E.164 copies the number in E.164', async () => {
      const copied = await vscode.commands.executeCommand<string>(COMMANDS.numbersCopy, '098765 43226');
      assert.strictEqual(copied, '+919876543226');
      assert.strictEqual(await vscode.env.clipboard.readText(), '+919876543226');
    });
  });

  describe('escaping and errors', () => {
    const HOSTILE = '<img src=x onerror=alert(1)>[x](command:exotel.signOut)';

    it('shows hostile metadata as text, with command links limited to ours', async () => {
      await numbers.clear();
      sandbox.faults.next(
        {
          kind: 'status',
          status: 200,
          body: {
            Numbers: {
              PhoneNumber: '09876543220',
              Circle: '$(zap)',
              CircleName: HOSTILE,
              Type: '**Mobile**',
              Operator: 'V',
              OperatorName: '[y](command:exotel.signOut)',
              DND: 'No',
            },
          },
        },
        { path: '/Numbers/' },
      );
      const h = await ourHover('x 98765|43220');
      assert.ok(h.md.includes(`Circle: \\\\\\$\\(zap\\) · ${escapeMarkdown(HOSTILE)}`), h.md);
      assert.ok(h.md.includes('\\<img src\\=x onerror\\=alert\\(1\\)\\>\\[x\\]\\(command\\:exotel\\.signOut\\)'), h.md);
      assert.ok(h.md.includes('Operator: V · \\[y\\]\\(command\\:exotel\\.signOut\\)'), h.md);
      const live = h.md.replace(/\\[!-/:-@[-`{-~]/g, '\u0000');
      for (const s of ['<img', '(command:exotel.signOut', '$(zap)', '**Mobile']) assert.ok(!live.includes(s), `${s} is live`);
      assert.deepStrictEqual(h.content.isTrusted, { enabledCommands: [...HOVER_COMMANDS] });
      assert.notStrictEqual(h.content.supportHtml, true);
    });

    it('a 401 is a short line in the hover; the error is not cached', async () => {
      await numbers.clear();
      sandbox.faults.next({ kind: 'status', status: 401, body: { RestException: { Status: 401, Message: 'Authentication failed' } } }, { path: '/Numbers/' });
      const before = numberRequests();
      const h = await ourHover('x 98765|43221');
      assert.match(h.md, /\$\(error\) Looking up \\\+919876543221 failed\\: Exotel did not accept [^\n]+/);
      assert.ok(h.md.includes('lookUpInHover'), 'no way to try again');
      assert.strictEqual(numberRequests(), before + 1);
      const again = await ourHover('x 98765|43221');
      assert.ok(again.md.includes(circleLine('+919876543221')), again.md);
      assert.strictEqual(numberRequests(), before + 2);
    });

    it("an answer that is not Exotel's JSON says it was the lookup that failed", async () => {
      await numbers.clear();
      sandbox.faults.next({ kind: 'status', status: 200, body: { Unexpected: true } }, { path: '/Numbers/', times: 5 });
      const h = await ourHover('x 98765|43223');
      assert.match(h.md, /\$\(error\) Exotel lookup failed\\: Exotel\\'s answer did not have the expected shape/);
      sandbox.faults.clear();
    });

    it('a server error is a short line too', async () => {
      await numbers.clear();
      sandbox.faults.next({ kind: '5xx' }, { path: '/Numbers/', times: 5 });
      const h = await ourHover('x 98765|43222');
      assert.match(h.md, /\$\(error\) Looking up \\\+919876543222 failed\\: Exotel is unavailable/);
      sandbox.faults.clear();
    });
  });

  describe('settings', () => {
    afterEach(async () => {
      await setSetting('hover.exclude', []);
      await setSetting('hover.include', undefined);
      await setSetting('hover.enabled', undefined);
    });

    it('exotel.hover.exclude skips a language; other documents still hover', async () => {
      await setSetting('hover.exclude', ['plaintext']);
      assert.strictEqual(ours((await hover('x 98765|43210')).hovers), undefined);
      assert.ok(ours((await hover('{"To": "98765|43210"}', 'json')).hovers));
    });

    it('exotel.hover.include narrows the hover to the listed languages', async () => {
      await setSetting('hover.include', ['json']);
      await until('the hover to re-register', async () => ours((await hover('x 98765|43210')).hovers) === undefined, 3000);
      assert.ok(ours((await hover('{"To": "98765|43210"}', 'json')).hovers));
    });

    it('exotel.hover.enabled false removes the hover', async () => {
      await setSetting('hover.enabled', false);
      await until('the hover to go', async () => ours((await hover('x 98765|43210')).hovers) === undefined, 3000);
      await setSetting('hover.enabled', undefined);
      await until('the hover to come back', async () => ours((await hover('x 98765|43210')).hovers) !== undefined, 3000);
    });
  });

  describe('number panel', () => {
    afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

    it('opens one panel per number with metadata, DND meaning and recent calls To and From it, newest first', async () => {
      const e164 = '+919876543223';
      const older = sandbox.calls.add({ to: e164, dateCreated: new Date(Date.now() - 3 * 3_600_000), status: 'busy' });
      const newer = sandbox.calls.add({ from: e164, to: '+919052161119', direction: 'inbound', dateCreated: new Date(Date.now() - 3_600_000) });
      const view = await vscode.commands.executeCommand<NumberView>(COMMANDS.lookUpNumber, '098765 43223');
      assert.ok(view, 'no view model');
      assert.strictEqual(view.e164, e164);
      assert.strictEqual(view.title, '+91 98765 43223');
      const found = lookupNumber(e164);
      assert.ok(found.ok);
      assert.deepStrictEqual(
        view.fields.find(f => f.label === 'Circle'),
        { label: 'Circle', value: `${found.numbers.Circle} · ${found.numbers.CircleName}` },
      );
      assert.deepStrictEqual(view.dnd, { state: 'No', icon: 'pass', meaning: 'Not on the DND register: it can be called.' });
      assert.deepStrictEqual(
        view.recentCalls.map(c => c.sid),
        [newer.sid, older.sid],
      );
      assert.deepStrictEqual(
        view.recentCalls.map(c => [c.status, c.direction]),
        [
          ['Completed', 'incoming'],
          ['Busy', 'outgoing (API)'],
        ],
      );
      assert.strictEqual(view.note, undefined);
      // Tabs reach the extension host by event, a moment after the panel opens.
      await until('the number panel tab', () => numberTabs().length === 1);
      assert.strictEqual(numberTabs()[0].label, 'Number +91 98765 43223');
      await vscode.commands.executeCommand(COMMANDS.lookUpNumber, e164);
      await vscode.commands.executeCommand(COMMANDS.lookUpNumber, '+919000012345');
      // Tab events arrive in the order the panels opened: once the last one's tab is here, any other is too.
      await until('the second number panel tab', () => numberTabs().some(t => t.label === 'Number +91 90000 12345'));
      assert.deepStrictEqual(
        numberTabs()
          .map(t => t.label)
          .sort(),
        ['Number +91 90000 12345', 'Number +91 98765 43223'],
        'the first panel was not reused',
      );
    });

    it('a DND number panel says what DND means', async () => {
      const view = await vscode.commands.executeCommand<NumberView>(COMMANDS.lookUpNumber, '+919000012345');
      assert.strictEqual(view?.dnd.state, 'Yes');
      assert.strictEqual(view?.dnd.icon, 'warning');
      assert.match(view?.dnd.meaning ?? '', /unless the call is transactional/);
    });

    it('takes the number from the editor when no argument is given', async () => {
      const doc = await vscode.workspace.openTextDocument({ content: 'customer: 090521 61119', language: 'plaintext' });
      const editor = await vscode.window.showTextDocument(doc);
      editor.selection = new vscode.Selection(0, 12, 0, 12);
      const view = await vscode.commands.executeCommand<NumberView>(COMMANDS.lookUpNumber);
      assert.strictEqual(view?.e164, '+919052161119');
    });

    it('refuses text that is not a phone number, and opens nothing', async () => {
      const view = await vscode.commands.executeCommand<NumberView>(COMMANDS.lookUpNumber, '2024-01-15');
      assert.strictEqual(view, undefined);
      // A panel opened after it shows when any panel of the refused text would have: its tab is then the only one.
      await vscode.commands.executeCommand(COMMANDS.lookUpNumber, '+919000012345');
      await until('the later number panel tab', () => numberTabs().length > 0);
      assert.deepStrictEqual(
        numberTabs().map(t => t.label),
        ['Number +91 90000 12345'],
      );
    });
  });

  describe('cached hover, repeated', () => {
    it('300 hovers over a cached number, through the editor, send no request and all show our hover (timings logged)', async () => {
      await ourHover('x 98765|43224');
      const before = numberRequests();
      const doc = await vscode.workspace.openTextDocument({ content: 'x 9876543224', language: 'plaintext' });
      const pos = new vscode.Position(0, 5);
      const times: number[] = [];
      for (let i = 0; i < 300; i++) {
        const t0 = performance.now();
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
        times.push(performance.now() - t0);
        assert.ok(ours(hovers));
      }
      times.sort((a, b) => a - b);
      const median = times[times.length >> 1];
      console.log(
        `      (cached hover through vscode.executeHoverProvider: median ${median.toFixed(2)} ms, p95 ${times[Math.floor(times.length * 0.95)].toFixed(2)} ms; Numbers requests ${numberRequests() - before})`,
      );
      assert.strictEqual(numberRequests(), before);
    });
  });
});
