// Exotel's timestamps are `YYYY-MM-DD HH:mm:ss` with no zone: the account's zone (IST for Indian accounts).

export const IST_OFFSET_MINUTES = 330;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
const PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** Formats an instant as Exotel writes it, in a zone `offsetMinutes` east of UTC. */
export function formatExotelTime(date: Date, offsetMinutes = IST_OFFSET_MINUTES): string {
  const shifted = new Date(date.getTime() + offsetMinutes * 60_000);
  return shifted.toISOString().slice(0, 19).replace('T', ' ');
}

/** Parses Exotel's form to an instant; undefined when the text is not in that form. */
export function parseExotelTime(text: string, offsetMinutes = IST_OFFSET_MINUTES): Date | undefined {
  const m = PATTERN.exec(text);
  if (!m) {
    return undefined;
  }
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  const utc = Date.UTC(y, mo - 1, d, h, mi, s) - offsetMinutes * 60_000;
  const date = new Date(utc);
  // Date.UTC rolls 31 February over into March: such a date is refused, not moved.
  const back = new Date(utc + offsetMinutes * 60_000);
  const same = back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
  return Number.isNaN(date.getTime()) || !same ? undefined : date;
}
