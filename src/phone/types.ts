export type PhoneKind = 'mobile' | 'landline' | 'tollfree' | 'other';

export interface PhoneNumberInfo {
  /** '+919876543210' */
  e164: string;
  /** libphonenumber's national format, e.g. '098765 43210' or '080 3075 2400'. */
  national: string;
  /** What we send to Exotel: always E.164 (it is Exotel's preferred input, toll-free numbers included). */
  exotel: string;
  /** '+91 98765 43210' */
  international: string;
  /** ISO 3166 code such as 'IN'; undefined when a calling code is shared and the number does not say which country. */
  country: string | undefined;
  kind: PhoneKind;
  isIndian: boolean;
}

export type ParseResult = { ok: true; number: PhoneNumberInfo } | { ok: false; reason: string };

/** A number found in a line of text; [start, end) are UTF-16 offsets into that line. */
export interface PhoneMatch {
  start: number;
  end: number;
  text: string;
  number: PhoneNumberInfo;
}
