// Adapts the shared phone parser to how Exotel echoes numbers back.
import { parsePhone } from '../phone';
import { PhoneEcho } from './types';

export type PhoneParse = ReturnType<typeof parsePhone>;
export type ParsedNumber = Extract<PhoneParse, { ok: true }>['number'];

/**
 * Exotel prints Indian numbers 0-prefixed ("09876543210") in docs and captures, but echoed an
 * E.164 input as E.164 in its own sample (docs/exotel-api-notes.md, Connect two numbers; inferred). Toll-free keeps its 1800 form.
 */
function echoOf(input: string, number: ParsedNumber): string {
  if (input.trim().startsWith('+') || !number.isIndian) {
    return number.e164;
  }
  const nsn = number.e164.slice(3);
  return number.kind === 'tollfree' ? nsn : `0${nsn}`;
}

export function toEcho(input: string): PhoneEcho | undefined {
  const parsed = parsePhone(input, 'IN');
  if (!parsed.ok) {
    return undefined;
  }
  return { echo: echoOf(input, parsed.number), e164: parsed.number.e164 };
}

export function parseIndian(input: string): PhoneParse {
  return parsePhone(input, 'IN');
}
