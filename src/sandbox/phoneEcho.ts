// Adapts the shared phone parser to how Exotel echoes numbers back.
import { parsePhone } from '../phone';
import type { NumberEcho } from './context';
import { PhoneEcho } from './types';

export type PhoneParse = ReturnType<typeof parsePhone>;
export type ParsedNumber = Extract<PhoneParse, { ok: true }>['number'];

/**
 * Exotel answers with Indian numbers 0-prefixed ("09876543210") whatever form was sent: the docs send
 * +919876543210 and print 09876543210, and the 2017, 2019 and 2025 captures agree (docs/exotel-api-notes.md,
 * Connect two numbers). Only its 2020 sample echoed E.164; 'as-sent' keeps that older behaviour. Toll-free keeps its
 * 1800 form; foreign numbers stay E.164.
 */
export function echoOf(input: string, number: ParsedNumber, mode: NumberEcho = 'national'): string {
  if (!number.isIndian || (mode === 'as-sent' && input.trim().startsWith('+'))) {
    return number.e164;
  }
  const nsn = number.e164.slice(3);
  return number.kind === 'tollfree' ? nsn : `0${nsn}`;
}

export function toEcho(input: string, mode: NumberEcho = 'national'): PhoneEcho | undefined {
  const parsed = parsePhone(input, 'IN');
  if (!parsed.ok) {
    return undefined;
  }
  return { echo: echoOf(input, parsed.number, mode), e164: parsed.number.e164 };
}

export function parseIndian(input: string): PhoneParse {
  return parsePhone(input, 'IN');
}
