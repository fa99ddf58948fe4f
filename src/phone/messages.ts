// Failure reasons shown to the user. Each says what is wrong and what a correct number looks like,
// with Indian examples because almost every Exotel number is Indian. Through the one translator (see translate.ts).
import type { PhoneNumber } from 'libphonenumber-js/core';
import { t } from '../common/callText/translate';
import { metadata } from './metadata';

const indianForms = () =>
  t('mobiles are 10 digits starting 6–9 (98765 43210, or 098765 43210 with the 0); ' + 'landlines are 0 + STD code + number, 11 digits in all (080 3075 2400)');

/** Quotes the user's input, shortened so a pasted paragraph doesn't flood a notification. */
function quote(input: string): string {
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
  empty: (): string => t('Enter a phone number, e.g. +91 98765 43210, 98765 43210 or 080 3075 2400.'),
  unknownCountry: (code: string): string => t('{0} is not a country code we know: use a two-letter ISO code such as IN or US.', quote(code)),
  masked: (input: string, hidden: number): string =>
    t("{0} is masked ({1} digit{2} hidden), so it can't be dialled: use the full number.", quote(input), hidden, hidden === 1 ? ' is' : 's are'),
  extension: (input: string): string => t("{0} has an extension, which Exotel can't dial: remove it and use the main number.", quote(input)),
  letters: (input: string, letters: string): string =>
    t('{0} contains letters ({1}): a phone number has only digits, spaces, dashes, brackets and a leading +.', quote(input), quote(letters)),
  strayCharacter: (input: string, ch: string): string => t("{0} contains {1}, which can't be part of a phone number.", quote(input), quote(ch)),
  misplacedPlus: (input: string): string =>
    t('{0} has a + in the wrong place: it only goes at the start, before the country code (e.g. +91 98765 43210).', quote(input)),
  noDigits: (input: string): string => t("{0} has no digits, so it isn't a phone number.", quote(input)),
  notANumber: (input: string): string => t("{0} isn't a phone number: write it like +91 98765 43210, 98765 43210 or 080 3075 2400.", quote(input)),
  unknownCallingCode: (input: string): string =>
    t("{0} doesn't start with a known country calling code after the + (India is +91, e.g. +91 98765 43210).", quote(input)),

  tooShort(input: string, n: PhoneNumber | undefined): string {
    if (!n || n.country === 'IN') {
      return t('{0} is too short to be a phone number: Indian mobiles have 10 digits (e.g. 98765 43210).', quote(input));
    }
    return t('{0} is too short for a {1} number: check for missing digits.', quote(input), countryName(n.country, n.countryCallingCode));
  },

  tooLong(input: string, n: PhoneNumber | undefined): string {
    if (!n || n.country === 'IN') {
      return t('{0} is too long to be an Indian phone number: {1}.', quote(input), indianForms());
    }
    return t('{0} is too long for a {1} number: check for extra digits.', quote(input), countryName(n.country, n.countryCallingCode));
  },

  /** Right length, but no number range matches. For India, point at the usual mistake. */
  invalid(input: string, n: PhoneNumber): string {
    if (n.country !== 'IN') {
      return t("{0} isn't a valid {1} number: check the digits.", quote(input), countryName(n.country, n.countryCallingCode));
    }
    const national = n.nationalNumber;
    if (national.length === 10 && national[0] >= '1' && national[0] <= '5') {
      return t(
        "{0} isn't a valid Indian number: mobiles start with 6, 7, 8 or 9, and no landline " +
          'range (STD code + exchange) matches it. Check the digits; a landline looks like 080 3075 2400.',
        quote(input),
      );
    }
    if (national.length === 10) {
      return t("{0} isn't a valid Indian number: no mobile or landline range starts with {1}. Check the digits.", quote(input), national.slice(0, 4));
    }
    return t("{0} isn't a valid Indian number: {1}.", quote(input), indianForms());
  },
};
