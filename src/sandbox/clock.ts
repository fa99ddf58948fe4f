// Exotel writes `YYYY-MM-DD HH:mm:ss` with no zone; for Indian accounts that is IST (UTC+05:30).

const IST_OFFSET_MS = 330 * 60_000;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/;
export const DAY_MS = 86_400_000;

export function formatIst(ms: number): string {
  return new Date(ms + IST_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * Parses `YYYY-MM-DD HH:mm:ss` (or a bare date, taken as the start or end of that day) as IST.
 * Returns undefined for anything else, including impossible dates like 2024-02-31.
 */
export function parseIst(text: string, bareDateAt: 'start' | 'end' = 'start'): number | undefined {
  const m = DATE_TIME.exec(text.trim());
  if (!m) {
    return undefined;
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const hasTime = m[4] !== undefined;
  const [h, mi, s] = hasTime ? [Number(m[4]), Number(m[5]), Number(m[6])] : bareDateAt === 'end' ? [23, 59, 59] : [0, 0, 0];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) {
    return undefined;
  }
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(utc).getUTCDate() !== d) {
    return undefined;
  }
  return utc - IST_OFFSET_MS;
}

export function wholeSeconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/** The same wall-clock moment `months` calendar months earlier (in IST). */
export function monthsBefore(ms: number, months: number): number {
  const shifted = new Date(ms + IST_OFFSET_MS);
  shifted.setUTCMonth(shifted.getUTCMonth() - months);
  return shifted.getTime() - IST_OFFSET_MS;
}
