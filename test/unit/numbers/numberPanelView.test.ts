import * as assert from 'assert';
import type { Call } from '../../../src/exotel';
import { numberView } from '../../../src/features/numbers/numberPanelView';
import { mergeRecentCalls } from '../../../src/services/calls/recentCalls';
import { ageText, dndIcon, dndMeaning, dndState } from '../../../src/features/numbers/numberText';
import { parsePhone, PhoneNumberInfo } from '../../../src/phone';

const call = (sid: string, dateCreated: string | undefined, extra: Partial<Call> = {}): Call => ({
  sid: sid.padEnd(32, '0'),
  dateCreated,
  status: 'completed',
  ...extra,
});

function info(text: string): PhoneNumberInfo {
  const p = parsePhone(text);
  assert.ok(p.ok);
  return p.number;
}

describe('numbers: number panel view model', () => {
  it('merges calls To and From the number: each once, newest first, at most the limit', () => {
    const to = [call('b', '2024-01-15 10:00:00'), call('a', '2024-01-14 09:00:00')];
    const from = [call('c', '2024-01-15 11:30:00'), call('b', '2024-01-15 10:00:00'), call('d', undefined)];
    assert.deepStrictEqual(
      mergeRecentCalls([to, from]).map(c => c.sid[0]),
      ['c', 'b', 'a', 'd'],
    );
    assert.deepStrictEqual(
      mergeRecentCalls([to, from], 2).map(c => c.sid[0]),
      ['c', 'b'],
    );
    const many = Array.from({ length: 30 }, (_, i) => call(`x${String(i).padStart(2, '0')}`, `2024-01-${String(i + 1).padStart(2, '0')} 00:00:00`));
    const merged = mergeRecentCalls([many]);
    assert.strictEqual(merged.length, 20);
    assert.strictEqual(merged[0].dateCreated, '2024-01-30 00:00:00');
  });

  it('builds the view: number forms, metadata rows, DND meaning, calls in words', () => {
    const v = numberView({
      number: info('09876543210'),
      meta: { phoneNumber: '09876543210', circle: 'DL', circleName: 'Delhi', type: 'Mobile', operator: 'V', operatorName: 'Vodafone', dnd: 'Yes' },
      age: 5 * 60_000,
      calls: [call('s1', '2024-01-15 10:00:00', { status: 'no-answer', direction: 'inbound', duration: 0 })],
      problems: [],
    });
    assert.strictEqual(v.e164, '+919876543210');
    assert.strictEqual(v.title, '+91 98765 43210');
    assert.deepStrictEqual(v.fields, [
      { label: 'E.164', value: '+919876543210' },
      { label: 'National', value: '098765 43210' },
      { label: 'Kind', value: 'Indian mobile number' },
      { label: 'Circle', value: 'DL · Delhi' },
      { label: 'Operator', value: 'V · Vodafone' },
      { label: 'Type', value: 'Mobile' },
      { label: 'Exotel writes it', value: '09876543210' },
      { label: 'Looked up', value: '5 min ago' },
    ]);
    assert.deepStrictEqual(v.dnd, { state: 'Yes', icon: 'warning', meaning: dndMeaning('Yes') });
    assert.deepStrictEqual(v.recentCalls, [
      { sid: 's1'.padEnd(32, '0'), when: '2024-01-15 10:00:00', status: 'No answer', statusIcon: 'bell-slash', direction: 'incoming', duration: '0 s' },
    ]);
    assert.strictEqual(v.note, undefined);
  });

  it('says why something is missing, each reason once', () => {
    const v = numberView({ number: info('+919876543210'), calls: [], problems: ['Sign in first.', 'Sign in first.', 'Calls failed.'] });
    assert.deepStrictEqual(v.dnd, { state: 'Unknown', icon: 'question', meaning: 'Not looked up: Exotel did not answer.' });
    assert.strictEqual(v.note, 'Sign in first. Calls failed.');
    const uk = numberView({ number: info('+442071838750'), calls: [], problems: [] });
    assert.strictEqual(uk.dnd.meaning, "Exotel's number metadata covers Indian mobile and landline numbers only.");
    assert.strictEqual(uk.fields[2].value, 'GB landline number');
  });
});

describe('numbers: DND in words', () => {
  it('has a state, an icon and a meaning for each flag', () => {
    assert.deepStrictEqual(['Yes', 'No', 'Unavailable', 'maybe', undefined].map(dndState), ['Yes', 'No', 'Unavailable', 'Unknown', 'Unknown']);
    assert.deepStrictEqual(['Yes', 'No', 'Unavailable', undefined].map(dndIcon), ['warning', 'pass', 'question', 'question']);
    assert.match(
      dndMeaning('Yes'),
      /blocks calls to it unless the call is transactional and the number called your ExoPhone in the last 6 months, or the number is whitelisted/,
    );
    assert.strictEqual(dndMeaning('No'), 'Not on the DND register: it can be called.');
    assert.match(dndMeaning('Unavailable'), /does not know/);
  });

  it('says how old an answer is', () => {
    assert.deepStrictEqual(
      [0, 59_999, 60_000, 3_600_000 * 3, 3_600_000 * 49].map(ms => ageText(ms)),
      ['just now', 'just now', '1 min ago', '3 h ago', '2 days ago'],
    );
  });
});
