// Number metadata (GET /Numbers/<n>): a deterministic stand-in for Exotel's circle/operator/DND lookup.
// Rules (documented for tests and the README):
//  - Mobile: circle from the 5-digit series (first 5 digits after +91), operator from the 4-digit one.
//  - Landline: circle from the STD code (table in circles.ts, else from the series); MTNL in Delhi and
//    Mumbai, BSNL elsewhere.
//  - DND: "Yes" for +9190000xxxxx (which Calls/connect refuses with 403), "Unavailable" for
//    +9190001xxxxx, else "No".
//  - Anything not an Indian mobile or landline number → 400 "<n> is not a valid Indian phone number".
import { CIRCLES, CIRCLE_CODES, MOBILE_OPERATORS, OPERATORS, STD_CIRCLES } from './circles';
import { isReserved } from './outcomes';
import { parseIndian } from './phoneEcho';
import { stableHash } from './random';

export interface NumberMetadata {
  PhoneNumber: string;
  Circle: string;
  CircleName: string;
  Type: 'Mobile' | 'Landline';
  Operator: string;
  OperatorName: string;
  DND: 'Yes' | 'No' | 'Unavailable';
}

export type Lookup = { ok: true; numbers: NumberMetadata } | { ok: false; message: string };

export function lookupNumber(input: string): Lookup {
  const parsed = parseIndian(input);
  if (!parsed.ok || !parsed.number.isIndian || (parsed.number.kind !== 'mobile' && parsed.number.kind !== 'landline')) {
    return { ok: false, message: `${input} is not a valid Indian phone number` };
  }
  const e164 = parsed.number.e164;
  const nsn = e164.slice(3);
  const mobile = parsed.number.kind === 'mobile';
  const circle = mobile ? circleOfSeries(nsn) : (stdCircle(nsn) ?? circleOfSeries(nsn));
  const operator = mobile ? MOBILE_OPERATORS[stableHash(nsn.slice(0, 4)) % MOBILE_OPERATORS.length] : circle === 'DL' || circle === 'MU' ? 'MT' : 'B';
  return {
    ok: true,
    numbers: {
      PhoneNumber: `0${nsn}`,
      Circle: circle,
      CircleName: CIRCLES[circle],
      Type: mobile ? 'Mobile' : 'Landline',
      Operator: operator,
      OperatorName: OPERATORS[operator],
      DND: dndOf(e164),
    },
  };
}

function dndOf(e164: string): NumberMetadata['DND'] {
  if (isReserved(e164, 'dnd')) {
    return 'Yes';
  }
  return isReserved(e164, 'dndUnavailable') ? 'Unavailable' : 'No';
}

function circleOfSeries(nsn: string): string {
  return CIRCLE_CODES[stableHash(nsn.slice(0, 5)) % CIRCLE_CODES.length];
}

function stdCircle(nsn: string): string | undefined {
  for (const length of [4, 3, 2]) {
    const circle = STD_CIRCLES[nsn.slice(0, length)];
    if (circle) {
      return circle;
    }
  }
  return undefined;
}
