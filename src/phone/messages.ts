// Failure reasons shown to the user. Each says what is wrong and what a correct number looks like,
// with Indian examples because almost every Exotel number is Indian.
import type { PhoneNumber } from 'libphonenumber-js/core';
import { metadata } from './metadata';

const INDIAN_FORMS = 'mobiles are 10 digits starting 6–9 (98765 43210, or 098765 43210 with the 0); ' +
  'landlines are 0 + STD code + number, 11 digits in all (080 3075 2400)';

/** Quotes the user's input, shortened so a pasted paragraph doesn't flood a notification. */
export function quote(input: string): string {
  return `“${input.length > 40 ? `${input.slice(0, 39)}…` : input}”`;
}

let regionNames: Intl.DisplayNames | undefined;
/** "United Kingdom (+44)"; a shared calling code is named after its main country, as libphonenumber lists it first. */
function countryName(country: string | undefined, callingCode: string): string {
  const code = country ?? metadata.country_calling_codes[callingCode]?.[0];
  let name: string | undefined;
  try {
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
    name = code ? regionNames.of(code) : undefined;
  } catch {
    name = code; // Node without full ICU: the ISO code is still meaningful
  }
  return name ? `${name} (+${callingCode})` : `+${callingCode}`;
}

export const reasons = {
  empty: (): string => 'Enter a phone number, e.g. +91 98765 43210, 98765 43210 or 080 3075 2400.',
  unknownCountry: (code: string): string =>
    `${quote(code)} is not a country code we know: use a two-letter ISO code such as IN or US.`,
  masked: (input: string, hidden: number): string =>
    `${quote(input)} is masked (${hidden} digit${hidden === 1 ? ' is' : 's are'} hidden), so it can't be dialled: use the full number.`,
  extension: (input: string): string =>
    `${quote(input)} has an extension, which Exotel can't dial: remove it and use the main number.`,
  letters: (input: string, letters: string): string =>
    `${quote(input)} contains letters (${quote(letters)}): a phone number has only digits, spaces, dashes, brackets and a leading +.`,
  strayCharacter: (input: string, ch: string): string =>
    `${quote(input)} contains ${quote(ch)}, which can't be part of a phone number.`,
  misplacedPlus: (input: string): string =>
    `${quote(input)} has a + in the wrong place: it only goes at the start, before the country code (e.g. +91 98765 43210).`,
  noDigits: (input: string): string => `${quote(input)} has no digits, so it isn't a phone number.`,
  notANumber: (input: string): string =>
    `${quote(input)} isn't a phone number: write it like +91 98765 43210, 98765 43210 or 080 3075 2400.`,
  unknownCallingCode: (input: string): string =>
    `${quote(input)} doesn't start with a known country calling code after the + (India is +91, e.g. +91 98765 43210).`,

  tooShort(input: string, n: PhoneNumber | undefined): string {
    if (!n || n.country === 'IN') {
      return `${quote(input)} is too short to be a phone number: Indian mobiles have 10 digits (e.g. 98765 43210).`;
    }
    return `${quote(input)} is too short for a ${countryName(n.country, n.countryCallingCode)} number: check for missing digits.`;
  },

  tooLong(input: string, n: PhoneNumber | undefined): string {
    if (!n || n.country === 'IN') {
      return `${quote(input)} is too long to be an Indian phone number: ${INDIAN_FORMS}.`;
    }
    return `${quote(input)} is too long for a ${countryName(n.country, n.countryCallingCode)} number: check for extra digits.`;
  },

  /** Right length, but no number range matches. For India, point at the usual mistake. */
  invalid(input: string, n: PhoneNumber): string {
    if (n.country !== 'IN') {
      return `${quote(input)} isn't a valid ${countryName(n.country, n.countryCallingCode)} number: check the digits.`;
    }
    const national = n.nationalNumber;
    if (national.length === 10 && national[0] >= '1' && national[0] <= '5') {
      return `${quote(input)} isn't a valid Indian number: mobiles start with 6, 7, 8 or 9, and no landline ` +
        'range (STD code + exchange) matches it. Check the digits; a landline looks like 080 3075 2400.';
    }
    if (national.length === 10) {
      return `${quote(input)} isn't a valid Indian number: no mobile or landline range starts with ${national.slice(0, 4)}. Check the digits.`;
    }
    return `${quote(input)} isn't a valid Indian number: ${INDIAN_FORMS}.`;
  },
};
