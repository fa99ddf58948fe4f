// JSON when the path ends in .json, else Exotel's Twilio-compatible XML envelope.

export type Format = 'json' | 'xml';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
  /** Kept in the request log (and sent as X-Sandbox-Warning): the request was accepted, but is doubtful. */
  warnings?: string[];
}

const CONTENT_TYPES: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
};

export function render(format: Format, status: number, payload: Record<string, unknown>, headers: Record<string, string> = {}): Reply {
  const body = format === 'json' ? JSON.stringify(payload) : toXml(payload);
  return { status, headers: { 'Content-Type': CONTENT_TYPES[format], ...headers }, body };
}

/** Exotel's error envelope: {"RestException":{"Status":…,"Message":…[,"Code":…]}}. */
export function restException(format: Format, status: number, message: string, code?: number, headers?: Record<string, string>): Reply {
  const inner: Record<string, unknown> = { Status: status, Message: message };
  if (code !== undefined) {
    inner.Code = code;
  }
  return render(format, status, { RestException: inner }, headers);
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

/** `<?xml …?><TwilioResponse>…</TwilioResponse>`, one element per key, empty elements for null. */
export function toXml(payload: Record<string, unknown>): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<TwilioResponse>'];
  for (const [key, value] of Object.entries(payload)) {
    element(key, value, 1, lines);
  }
  lines.push('</TwilioResponse>');
  return lines.join('\n') + '\n';
}

function element(name: string, value: unknown, depth: number, lines: string[]): void {
  const pad = ' '.repeat(depth);
  if (value === null || value === undefined || value === '') {
    lines.push(`${pad}<${name}/>`);
  } else if (Array.isArray(value)) {
    lines.push(`${pad}<${name}>`);
    value.forEach(item => arrayItem(name, item, depth + 1, lines));
    lines.push(`${pad}</${name}>`);
  } else if (typeof value === 'object') {
    lines.push(`${pad}<${name}>`);
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      element(key, child, depth + 1, lines);
    }
    lines.push(`${pad}</${name}>`);
  } else {
    lines.push(`${pad}<${name}>${escapeXml(String(value))}</${name}>`);
  }
}

/** `Legs: [{Leg:{…}}]` already names its items; `Calls: [{…}]` items are named by the singular (`Call`). */
function arrayItem(listName: string, item: unknown, depth: number, lines: string[]): void {
  if (item && typeof item === 'object' && !Array.isArray(item)) {
    const entries = Object.entries(item as Record<string, unknown>);
    if (entries.length === 1 && entries[0][1] && typeof entries[0][1] === 'object') {
      element(entries[0][0], entries[0][1], depth, lines);
      return;
    }
  }
  element(listName.replace(/s$/, ''), item, depth, lines);
}
