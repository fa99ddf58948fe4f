import * as assert from 'assert';
import { lineWindow, numberAt } from '../../../src/features/numbers/hoverTarget';

/** The line with the hovered character marked by "|" in front of it. */
function at(marked: string): [string, number] {
  const ch = marked.indexOf('|');
  assert.ok(ch >= 0, 'no | in the case');
  return [marked.slice(0, ch) + marked.slice(ch + 1), ch];
}

describe('numbers: number under the pointer', () => {
  const FOUND: Array<[marked: string, text: string, e164: string]> = [
    ['call +91|9876543210 now', '+919876543210', '+919876543210'],
    ['call 0|9876543210', '09876543210', '+919876543210'],
    ['to: 98|76543210', '9876543210', '+919876543210'],
    ['+91 98765 4|3210', '+91 98765 43210', '+919876543210'],
    ['{"To":"0905216|1119","From":"x"}', '09052161119', '+919052161119'],
    ['42,Completed,+9190000|12345,2024-01-15', '+919000012345', '+919000012345'],
    ['office (080) 30|75 2400', '(080) 3075 2400', '+918030752400'],
    ['landline 080-3075-2|400', '080-3075-2400', '+918030752400'],
    ['toll-free 1800 12|3 4567', '1800 123 4567', '+9118001234567'],
    ['uk +44 20 71|83 8750', '+44 20 7183 8750', '+442071838750'],
    ['9876543210|', '9876543210', '+919876543210'], // just after the last digit still counts
  ];
  for (const [marked, text, e164] of FOUND) {
    it(`finds ${e164} in ${JSON.stringify(marked)}`, () => {
      const [line, ch] = at(marked);
      const m = numberAt(line, ch);
      assert.ok(m, 'no number found');
      assert.strictEqual(m.number.e164, e164);
      assert.strictEqual(line.slice(m.start, m.end), text);
    });
  }

  const NOT_FOUND = [
    'on 2024-01-|15 18:42:19',
    'at 18:4|2:19 IST',
    'sid b6cfaf3a1e7d4f2a8c9d0e1f2a3b98|76',
    'price ₹ 98765|43210',
    'price 1500.0|0',
    'vscode 1.95|.0',
    'host 192.168.10|.254',
    'id=1700000000|123',
    'uuid 123e4567-e89b-12d3-a456-4266141740|00',
    'call +919876543210 |now', // a word next to a number
    'masked 0XXXXXX|4890',
  ];
  for (const marked of NOT_FOUND) {
    it(`finds nothing in ${JSON.stringify(marked)}`, () => {
      const [line, ch] = at(marked);
      assert.strictEqual(numberAt(line, ch), undefined);
    });
  }

  it('picks the number under the pointer when a line has several', () => {
    const line = 'from 9876543210 to 09052161119';
    assert.strictEqual(numberAt(line, 7)?.number.e164, '+919876543210');
    assert.strictEqual(numberAt(line, 22)?.number.e164, '+919052161119');
    assert.strictEqual(numberAt(line, 17), undefined);
  });

  it('on a long line looks only around the pointer and gives line offsets', () => {
    const filler = '{"k":"' + 'x'.repeat(5000) + '"},';
    const line = `${filler}{"To":"09052161119"},${filler}`;
    const ch = line.indexOf('09052161119') + 3;
    const w = lineWindow(line, ch);
    assert.ok(w.text.length <= 240 && w.offset > 0, `window ${w.offset}+${w.text.length}`);
    const m = numberAt(line, ch);
    assert.strictEqual(m && line.slice(m.start, m.end), '09052161119');
  });

  it('takes a long line whole when nothing near the pointer can cut it cleanly', () => {
    const line = `${'a'.repeat(3000)} 9876543210`;
    assert.deepStrictEqual(lineWindow(line, line.length - 3), { text: line, offset: 0 });
    assert.strictEqual(numberAt(line, line.length - 3)?.number.e164, '+919876543210');
  });

  it('a short line is never cut', () => {
    assert.deepStrictEqual(lineWindow('x 9876543210', 4), { text: 'x 9876543210', offset: 0 });
  });
});
