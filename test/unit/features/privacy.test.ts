// exotel.privacy.maskNumbers: numbers masked wherever they are shown, exported or copied, all but the last digits.
import * as assert from 'assert';
import { callFields, callForExport, displayNumber } from '../../../src/common/callText/callFormat';
import { callView } from '../../../src/common/callText/callSummary';
import { maskNumber, maskNumbersIn, setMaskNumbers } from '../../../src/common/privacy';
import type { Call } from '../../../src/exotel';
import { hoverMarkdown } from '../../../src/features/numbers/hoverMarkdown';
import { parsePhone } from '../../../src/phone';

const CALL = {
  sid: 'a'.repeat(32),
  status: 'completed',
  direction: 'outbound-api',
  from: '+919845012340',
  to: '+919876543210',
  phoneNumberSid: '08047112345',
  dateCreated: '2024-05-01 10:00:00',
  accountSid: 'acct',
} as unknown as Call;
const FULL = /9845012340|98450 12340|9876543210|98765 43210|8047112345|80471 12345|4711 2345/;

describe('masking phone numbers for screen sharing', () => {
  afterEach(() => setMaskNumbers(false));

  it('keeps the last three digits (and +91), and the spacing', () => {
    assert.strictEqual(maskNumber('+91 98765 43210'), '+91 ••••• ••210');
    assert.strictEqual(maskNumber('08047112345'), '••••••••345');
  });

  it('masks numbers in free text only while on', () => {
    const text = 'Call +919876543210 again from 98450 12340? (3 calls, 2024-05-01)';
    assert.strictEqual(maskNumbersIn(text), text);
    setMaskNumbers(true);
    const masked = maskNumbersIn(text);
    assert.ok(!FULL.test(masked), masked);
    assert.match(masked, /210 again from •••••• •340\? \(3 calls, 2024-05-01\)|210 again from ••••• ••340\? \(3 calls, 2024-05-01\)/);
  });

  it('the Calls view row, tooltip fields, call panel, hover and export mask them; off, they are in full', () => {
    setMaskNumbers(true);
    const texts = [displayNumber(CALL.to), ...callFields(CALL).map(([, v]) => v), JSON.stringify(callView(CALL)), JSON.stringify(callForExport(CALL))];
    const p = parsePhone('+919876543210');
    if (p.ok) texts.push(hoverMarkdown({ number: p.number } as never));
    for (const text of texts) assert.ok(!FULL.test(text.replace(/command:[^)]*\)/g, '')), text);
    setMaskNumbers(false);
    assert.strictEqual(displayNumber(CALL.to), '+91 98765 43210');
    assert.strictEqual(callForExport(CALL), CALL);
  });
});
