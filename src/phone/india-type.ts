// The type of an Indian number, from libphonenumber's own patterns compiled once. libphonenumber's getType()
// rebuilds a RegExp from each ~1 KB pattern string on every call (~10 µs a number, most of the cost of
// scanning text); compiled once they take ~0.3 µs. This mirrors libphonenumber's getNumberType() and a unit
// test checks that both agree on thousands of numbers.
import type { PhoneNumberType } from 'libphonenumber-js/core';
import { INDIA_MAX_METADATA } from './metadata-in';

// Metadata format v4: [2] national number pattern, [3] possible lengths, [11] types as [pattern, lengths?]
// in this order (0 where a type does not exist).
const TYPE_ORDER: PhoneNumberType[] = [
  'FIXED_LINE',
  'MOBILE',
  'TOLL_FREE',
  'PREMIUM_RATE',
  'PERSONAL_NUMBER',
  'VOICEMAIL',
  'UAN',
  'PAGER',
  'VOIP',
  'SHARED_COST',
];
// The order libphonenumber tries them in after FIXED_LINE.
const NON_FIXED_LINE: PhoneNumberType[] = ['MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'];

const whole = (pattern: string): RegExp => new RegExp(`^(?:${pattern})$`);
const general = whole(INDIA_MAX_METADATA[2]);
const types = new Map<PhoneNumberType, { pattern: RegExp; lengths: number[] }>();
(INDIA_MAX_METADATA[11] as ([string, number[]?] | 0)[]).forEach((t, i) => {
  if (t && t[0]) types.set(TYPE_ORDER[i], { pattern: whole(t[0]), lengths: t[1] ?? INDIA_MAX_METADATA[3] });
});

function isType(national: string, type: PhoneNumberType): boolean {
  const t = types.get(type);
  return t !== undefined && t.lengths.includes(national.length) && t.pattern.test(national);
}

/** libphonenumber's type for an Indian national number (without 0 or 91); undefined means not valid. */
export function indianNumberType(national: string): PhoneNumberType | undefined {
  if (!general.test(national)) return undefined;
  if (isType(national, 'FIXED_LINE')) {
    return !types.has('MOBILE') || isType(national, 'MOBILE') ? 'FIXED_LINE_OR_MOBILE' : 'FIXED_LINE';
  }
  return NON_FIXED_LINE.find(type => isType(national, type));
}
