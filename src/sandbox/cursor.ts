// Page cursors encode a position — (DateCreated, Sid) of the edge item — never an offset,
// so a page boundary does not move when new calls arrive while someone is paging.
import { CALL_SID_PATTERN } from './random';

export interface Cursor {
  createdAt: number;
  sid: string;
}

export function encodeCursor(position: Cursor): string {
  return Buffer.from(`${position.createdAt / 1000}:${position.sid}`, 'utf8').toString('base64url');
}

export function decodeCursor(text: string): Cursor | undefined {
  const m = /^(\d{1,12}):([0-9a-z]+)$/.exec(Buffer.from(text, 'base64url').toString('utf8'));
  if (!m || !CALL_SID_PATTERN.test(m[2])) {
    return undefined;
  }
  return { createdAt: Number(m[1]) * 1000, sid: m[2] };
}
