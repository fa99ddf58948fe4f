// The one options table: the form body, the prompts and every schema agree with it.
import * as assert from 'assert';
import { CALL_OPTIONS, callOptionsFor, callOptionsJsonSchema, ValidationError } from '../../../src/exotel';
import { connectCallForm, connectToFlowForm } from '../../../src/exotel/connectParams';

const BASE = { from: '9876543210', to: '9123456780', callerId: '08030752400' };

describe('call options table', () => {
  for (const o of CALL_OPTIONS.filter(x => x.kind === 'int')) {
    it(`${o.key}: the form takes ${o.max} and refuses ${(o.max as number) + 1} under its Exotel name`, () => {
      const form = connectCallForm({ ...BASE, [o.key]: o.max });
      assert.deepStrictEqual(
        form.find(([k]) => k === o.api),
        [o.api, String(o.max)],
      );
      assert.throws(
        () => connectCallForm({ ...BASE, [o.key]: (o.max as number) + 1 }),
        (e: unknown) => e instanceof ValidationError && e.field === o.api,
      );
    });
  }

  it('the schema carries each limit and choice of the table, and flow schemas only flow options', () => {
    const all = callOptionsJsonSchema() as { properties: Record<string, { maximum?: number; maxLength?: number; enum?: string[] }> };
    assert.deepStrictEqual(
      Object.keys(all.properties),
      CALL_OPTIONS.map(o => o.key),
    );
    assert.strictEqual(all.properties.timeLimit.maximum, 14400);
    assert.strictEqual(all.properties.customField.maxLength, 128);
    assert.deepStrictEqual(all.properties.recordingFormat.enum, ['mp3', 'mp3-hq']);
    const flow = callOptionsJsonSchema(true) as { properties: Record<string, unknown> };
    assert.deepStrictEqual(
      Object.keys(flow.properties),
      callOptionsFor(true).map(o => o.key),
    );
    assert.ok(!('record' in flow.properties) && !('waitUrl' in flow.properties));
  });

  it('every flow option is accepted by a connect to a flow', () => {
    const form = connectToFlowForm(
      {
        from: BASE.from,
        callerId: BASE.callerId,
        flow: { appId: '1' },
        timeLimit: 60,
        timeOut: 30,
        callType: 'trans',
        customField: 'x',
        statusCallback: 'https://example.com/s',
        statusCallbackEvents: ['terminal'],
        statusCallbackContentType: 'application/json',
      },
      'acc',
    );
    for (const o of callOptionsFor(true))
      assert.ok(
        form.some(([k]) => k.startsWith(o.api)),
        o.api,
      );
  });
});
