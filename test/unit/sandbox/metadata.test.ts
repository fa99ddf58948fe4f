import * as assert from 'assert';
import { Sandbox } from '../../../src/sandbox';
import { CIRCLES, OPERATORS } from '../../../src/sandbox/circles';
import { lookupNumber } from '../../../src/sandbox/metadata';
import { call, start } from './helpers';

describe('sandbox: number metadata', () => {
  let sb: Sandbox;
  before(async () => (sb = await start()));
  after(() => sb.close());

  it('JSON: the Numbers object in the documented field order, PhoneNumber 0-prefixed', async () => {
    const res = await call(sb, 'GET', '/Numbers/%2B919000012345.json');
    assert.strictEqual(res.status, 200);
    assert.deepStrictEqual(Object.keys(res.json.Numbers), ['PhoneNumber', 'Circle', 'CircleName', 'Type', 'Operator', 'OperatorName', 'DND']);
    const n = res.json.Numbers;
    assert.deepStrictEqual([n.PhoneNumber, n.Type, n.DND], ['09000012345', 'Mobile', 'Yes']);
    assert.strictEqual(n.CircleName, CIRCLES[n.Circle]);
    assert.strictEqual(n.OperatorName, OPERATORS[n.Operator]);
  });

  it('XML by default, with & escaped in long circle names', async () => {
    const res = await call(sb, 'GET', '/Numbers/01141172345');
    assert.strictEqual(
      res.text,
      '<?xml version="1.0" encoding="UTF-8"?>\n<TwilioResponse>\n <Numbers>\n  <PhoneNumber>01141172345</PhoneNumber>\n  <Circle>DL</Circle>\n' +
        '  <CircleName>Delhi Metro Telecom Circle (includes NCR, Faridabad, Ghaziabad, Gurgaon &amp; Noida)</CircleName>\n  <Type>Landline</Type>\n' +
        '  <Operator>MT</Operator>\n  <OperatorName>MTNL</OperatorName>\n  <DND>No</DND>\n </Numbers>\n</TwilioResponse>\n',
    );
  });

  it('the deterministic table: landlines by STD code, DND series, the same answer every time', () => {
    const cases: Array<[string, Partial<Record<string, string>>]> = [
      ['08047112345', { PhoneNumber: '08047112345', Circle: 'KA', Type: 'Landline', Operator: 'B', OperatorName: 'BSNL', DND: 'No' }],
      ['022-6173-4567', { PhoneNumber: '02261734567', Circle: 'MU', Operator: 'MT', DND: 'No' }],
      ['07926301234', { Circle: 'GJ', CircleName: 'Gujarat Telecom Circle (includes Daman & Diu, Dadra & Nagar Haveli)', Operator: 'B' }],
      ['04471234567', { Circle: 'CH', CircleName: 'Chennai Metro Telecom Circle' }],
      ['+919000054321', { Type: 'Mobile', DND: 'Yes' }],
      ['9000154321', { PhoneNumber: '09000154321', DND: 'Unavailable' }],
      ['+919876543210', { PhoneNumber: '09876543210', Type: 'Mobile', DND: 'No' }],
    ];
    for (const [input, expected] of cases) {
      const found = lookupNumber(input);
      assert.ok(found.ok, input);
      for (const [key, value] of Object.entries(expected)) {
        assert.strictEqual(found.numbers[key as keyof typeof found.numbers], value, `${input} ${key}`);
      }
      assert.deepStrictEqual(lookupNumber(input), found);
    }
  });

  it('mobile circle follows the 5-digit series, operator the 4-digit one', () => {
    const a = lookupNumber('+919876500001');
    const b = lookupNumber('+919876599999');
    assert.ok(a.ok && b.ok);
    assert.deepStrictEqual([a.numbers.Circle, a.numbers.Operator], [b.numbers.Circle, b.numbers.Operator]);
    const circles = new Set<string>();
    for (let series = 70000; series < 70400; series++) {
      const r = lookupNumber(`+91${series}12345`);
      if (r.ok) {
        circles.add(r.numbers.Circle);
      }
    }
    assert.strictEqual(circles.size, 23, 'every circle is reachable');
    assert.strictEqual(Object.keys(CIRCLES).length, 23);
  });

  for (const bad of ['+14155550123', '12345', '18003091234']) {
    it(`400 for ${bad}: not an Indian mobile or landline`, async () => {
      const res = await call(sb, 'GET', `/Numbers/${encodeURIComponent(bad)}.json`);
      assert.strictEqual(res.status, 400);
      assert.deepStrictEqual(res.json, { RestException: { Status: 400, Message: `${bad} is not a valid Indian phone number` } });
    });
  }
});
