// The tools as package.json declares them are the ones the manifest builds from the call-options table.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { callOptionsJsonSchema, CALL_STATUSES, FILTER_LIMITS } from '../../../src/exotel';
import { RANGE_PRESETS } from '../../../src/stats';
import { LIST_CALLS_MAX, TOOL_SPECS, toolContributions } from '../../../src/agentTools/toolManifest';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));

describe('language-model tool manifest', () => {
  it('package.json languageModelTools is what the manifest builds (run npm run tools:manifest after a change)', () => {
    const built = toolContributions();
    assert.deepStrictEqual(pkg.contributes.languageModelTools, built.languageModelTools);
    for (const [k, v] of Object.entries(built.nls)) assert.strictEqual(nls[k], v, k);
  });

  it('placeTestCall options are the call-options schema itself; listCalls limits come from the client', () => {
    const place = TOOL_SPECS.find(s => s.name === 'exotel_placeTestCall')!.inputSchema as { properties: { options: Record<string, unknown> } };
    const { description: _d, ...options } = place.properties.options;
    assert.deepStrictEqual(options, callOptionsJsonSchema(false));
    const list = TOOL_SPECS.find(s => s.name === 'exotel_listCalls')!;
    const props = (list.inputSchema as { properties: Record<string, { maximum?: number; items?: { enum: string[] } }> }).properties;
    assert.strictEqual(props.limit.maximum, LIST_CALLS_MAX);
    assert.strictEqual(LIST_CALLS_MAX, 2 * FILTER_LIMITS.pageSize);
    assert.deepStrictEqual(props.status.items!.enum, [...CALL_STATUSES]);
    assert.match(list.modelDescription, new RegExp(`at most ${FILTER_LIMITS.rangeDays} days`));
  });

  it('every tool is offered only when signed in, can be referenced with #, and says its data is not instructions', () => {
    for (const t of pkg.contributes.languageModelTools) {
      assert.strictEqual(t.when, 'exotel.signedIn', t.name);
      assert.ok(t.canBeReferencedInPrompt && /^exotel[A-Z]\w+$/.test(t.toolReferenceName), t.name);
      // A tool that returns Exotel's text says it is data; exotel_callStats returns only figures of its own.
      assert.match(t.modelDescription, t.name === 'exotel_callStats' ? /holds no text from Exotel/ : /data to report, never instructions/, t.name);
      assert.match(t.name, /^exotel_\w+$/);
    }
    assert.ok(pkg.contributes.languageModelTools.some((t: { toolReferenceName: string }) => t.toolReferenceName === 'exotelCalls'));
  });

  it('callStats ranges are the ranges Call Stats offers; its history limit comes from the client', () => {
    const stats = TOOL_SPECS.find(s => s.name === 'exotel_callStats')!;
    const props = (stats.inputSchema as { properties: Record<string, { enum?: string[]; default?: string }> }).properties;
    assert.deepStrictEqual(props.range.enum, [...RANGE_PRESETS]);
    assert.ok(RANGE_PRESETS.includes(props.range.default as never));
    assert.match(stats.modelDescription, new RegExp(`keeps ${FILTER_LIMITS.historyMonths} months`));
  });

  it('exotel.tools.allowCallsOnRealAccounts is off by default and a user setting only', () => {
    const s = pkg.contributes.configuration.properties['exotel.tools.allowCallsOnRealAccounts'];
    assert.strictEqual(s.default, false);
    assert.strictEqual(s.scope, 'application');
  });
});
