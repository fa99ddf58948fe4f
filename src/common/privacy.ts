// Phone numbers masked for screen sharing and demos (exotel.privacy.maskNumbers): every place that shows a number
// asks here. Editor-free (the setting is read by src/features/privacy), so it is unit-tested in Node.
import { findPhoneNumbers } from '../phone';

const KEEP = 3;
let masking = false;

export function setMaskNumbers(on: boolean): void {
  masking = on;
}

export function maskingNumbers(): boolean {
  return masking;
}

/** A number with every digit but the last three (and an Indian +91) replaced by •, keeping its spacing. */
export function maskNumber(text: string): string {
  const total = (text.match(/\d/g) ?? []).length;
  const lead = /^\s*\+91/.test(text) ? 2 : 0;
  let seen = 0;
  return text.replace(/\d/g, d => {
    seen++;
    return seen <= lead || seen > total - KEEP ? d : '•';
  });
}

/** A number as shown: masked while masking is on. */
export function shownNumber(text: string): string {
  return masking ? maskNumber(text) : text;
}

/** Free text (a notification, a field) with every phone number in it masked while masking is on. */
export function maskNumbersIn(text: string): string {
  if (!masking) return text;
  let out = '';
  let at = 0;
  for (const m of findPhoneNumbers(text, 'IN')) {
    out += text.slice(at, m.start) + maskNumber(text.slice(m.start, m.end));
    at = m.end;
  }
  return out + text.slice(at);
}
