// A page's message is input: checkMessage lets through only its own table's actions, with their fields typed.
import * as assert from 'assert';
import { CALL_MESSAGES, CALLBACK_MESSAGES, checkMessage, MAX_FIELD_CHARS, NUMBER_MESSAGES, STATS_MESSAGES } from '../../../src/webview-ui/messages';

const refused = (r: ReturnType<typeof checkMessage>) => ('refused' in r ? r.refused : undefined);

describe('webview messages: checkMessage', () => {
  it('passes a message of the table, keeping only its declared fields', () => {
    const r = checkMessage(NUMBER_MESSAGES, { action: 'showCall', sid: 'abc', extra: '<script>' });
    assert.deepStrictEqual(r, { message: { action: 'showCall', sid: 'abc' } });
    assert.deepStrictEqual(checkMessage(CALL_MESSAGES, { action: 'refresh' }), { message: { action: 'refresh' } });
  });

  it('refuses an action of another page, and anything that is not a message', () => {
    assert.match(refused(checkMessage(CALL_MESSAGES, { action: 'resend' }))!, /unknown action 'resend'/);
    assert.ok(refused(checkMessage(CALLBACK_MESSAGES, { action: 'copySid' })));
    for (const raw of [undefined, null, 'refresh', 42, [], { action: 7 }, {}]) assert.ok(refused(checkMessage(CALL_MESSAGES, raw)), String(raw));
  });

  it('never resolves an action through the prototype chain', () => {
    for (const action of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      assert.match(refused(checkMessage(CALLBACK_MESSAGES, { action }))!, /unknown action/, action);
    }
  });

  it('refuses a missing, mistyped or oversized field', () => {
    assert.match(refused(checkMessage(NUMBER_MESSAGES, { action: 'showCall' }))!, /bad 'sid'/);
    assert.match(refused(checkMessage(NUMBER_MESSAGES, { action: 'showCall', sid: 5 }))!, /bad 'sid'/);
    assert.match(refused(checkMessage(STATS_MESSAGES, { action: 'applyFilter', on: 'true' }))!, /bad 'on'/);
    assert.match(refused(checkMessage(STATS_MESSAGES, { action: 'painted', calls: '3' }))!, /bad 'calls'/);
    const huge = 'x'.repeat(MAX_FIELD_CHARS + 1);
    assert.match(refused(checkMessage(STATS_MESSAGES, { action: 'saveImage', chart: 'perDay', dataUrl: huge }))!, /bad 'dataUrl'/);
  });

  it('checks nested values with their guards (a range, a selection)', () => {
    assert.deepStrictEqual(checkMessage(STATS_MESSAGES, { action: 'range', range: { preset: 'last7' } }), {
      message: { action: 'range', range: { preset: 'last7' } },
    });
    assert.ok(refused(checkMessage(STATS_MESSAGES, { action: 'range', range: { preset: 'custom', fromDay: 20260101 } })));
    assert.ok(refused(checkMessage(STATS_MESSAGES, { action: 'range', range: 'last7' })));
    assert.ok(refused(checkMessage(STATS_MESSAGES, { action: 'select', selection: { day: '2026-01-01' } })));
    assert.ok(refused(checkMessage(STATS_MESSAGES, { action: 'select', selection: { chart: 'heatmap', hour: '9' } })));
    assert.ok('message' in checkMessage(STATS_MESSAGES, { action: 'select', selection: { chart: 'heatmap', weekday: 0, hour: 9 } }));
  });
});
