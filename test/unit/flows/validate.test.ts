import * as assert from 'assert';
import { refusalMessage, validateFlow } from '../../../src/flows';
import { run } from './helpers';

const text = (applets: unknown, extra: Record<string, unknown> = {}): string => JSON.stringify({ appId: '236711', applets, ...extra }, null, 2);

/** The text a diagnostic points at. */
const at = (source: string, d: { offset: number; length: number }): string => source.slice(d.offset, d.offset + d.length);

describe('flows: validateFlow', () => {
  it('accepts the example flow', () => {
    const fs = require('fs') as typeof import('fs'); // eslint-disable-line @typescript-eslint/no-require-imports
    const v = validateFlow(fs.readFileSync(require('path').join(__dirname, '../../../../examples/support.exotel-flow.json'), 'utf8')); // eslint-disable-line @typescript-eslint/no-require-imports
    assert.deepStrictEqual(v.diagnostics, []);
    assert.ok(v.ok);
  });

  it('a transition to an applet that does not exist, at its value', () => {
    const src = text({ a: { type: 'greeting', text: 'hi', next: 'nowhere' } });
    const d = validateFlow(src).diagnostics.find(x => x.code === 'no-target');
    assert.ok(d);
    assert.strictEqual(at(src, d), '"nowhere"');
    assert.strictEqual(d.severity, 'error');
    assert.strictEqual(d.start.line, 6);
  });

  it('an applet without its URL, at its type', () => {
    const src = text({ p: { type: 'passthru' } });
    const d = validateFlow(src).diagnostics.find(x => x.code === 'missing-setting');
    assert.ok(d);
    assert.match(d.message, /no URL: set "url"/);
    assert.strictEqual(at(src, d), '"passthru"');
  });

  it('a URL that is not http(s), at the URL', () => {
    const src = text({ p: { type: 'passthru', url: 'ftp://example.com/x' } });
    const d = validateFlow(src).diagnostics.find(x => x.code === 'bad-url');
    assert.ok(d);
    assert.strictEqual(at(src, d), '"ftp://example.com/x"');
  });

  it('an unknown applet type, at the type', () => {
    const src = text({ x: { type: 'ivr-menu' } });
    const d = validateFlow(src).diagnostics.find(x => x.code === 'unknown-type');
    assert.ok(d);
    assert.strictEqual(at(src, d), '"ivr-menu"');
  });

  it('a cycle with no input in it, at the transition that closes it; a cycle through a Gather is fine', () => {
    const src = text({
      a: { type: 'greeting', text: 'a', next: 'b' },
      b: { type: 'passthru', url: 'http://x/p', next: { ok: 'a', else: 'c' } },
      c: { type: 'hangup' },
    });
    const d = validateFlow(src).diagnostics.find(x => x.code === 'cycle-without-input');
    assert.ok(d);
    assert.match(d.message, /a → b → a/);
    assert.ok(['"a"', '"b"'].includes(at(src, d)));
    const withInput = text({ a: { type: 'gather', prompt: { text: 'x' }, next: { entered: 'b', noInput: 'a' } }, b: { type: 'hangup' } });
    assert.ok(validateFlow(withInput).ok);
    const self = validateFlow(text({ a: { type: 'greeting', text: 'x', next: 'a' } }));
    assert.ok(self.diagnostics.some(x => x.code === 'cycle-without-input'));
  });

  it('JSON errors, a missing appId, a bad start, unreachable applets and unknown branches', () => {
    assert.strictEqual(validateFlow('{ "appId": ').diagnostics[0].code, 'json');
    assert.ok(validateFlow(JSON.stringify({ applets: { a: { type: 'hangup' } } })).diagnostics.some(d => d.code === 'app-id'));
    const v = validateFlow(text({ a: { type: 'hangup' }, b: { type: 'greeting', text: 'x', next: { nope: 'a' } } }, { start: 'zz' }));
    assert.deepStrictEqual(v.diagnostics.map(d => d.code).sort(), ['bad-start', 'unknown-branch']);
    const u = validateFlow(text({ a: { type: 'hangup' }, b: { type: 'hangup' } }));
    assert.deepStrictEqual(
      u.diagnostics.map(d => [d.code, d.severity]),
      [['unreachable', 'warning']],
    );
    assert.ok(u.ok, 'warnings do not refuse a run');
  });

  it('a run of a flow with errors is refused with the same findings', async () => {
    const src = text({ p: { type: 'passthru', next: { ok: 'gone' } } });
    const r = await run(src);
    assert.strictEqual(r.outcome?.reason, 'refused');
    assert.strictEqual(r.path.length, 0);
    assert.strictEqual(r.outcome?.message, refusalMessage(validateFlow(src).diagnostics));
    assert.match(r.outcome?.message ?? '', /no URL[\s\S]*"gone"/);
  });
});
