// Maps a request line to one of Exotel's v1 resources (plus the recording files, at Exotel's /exotelrecordings/ path).
import { Format } from './render';
import { RECORDING_PATH } from './recording';

export type Route =
  | { name: 'connect'; accountSid: string; format: Format }
  | { name: 'list'; accountSid: string; format: Format }
  | { name: 'call'; accountSid: string; callSid: string; format: Format }
  | { name: 'number'; accountSid: string; number: string; format: Format }
  | { name: 'recording'; accountSid: string; file: string }
  | { name: 'inbox' }
  | { name: 'not-found'; format: Format };

export interface Routed {
  route: Route;
  /** The method the resource answers to; anything else gets 405. */
  method: 'GET' | 'POST';
}

/** The sandbox's own StatusCallback target: it answers 200 and the delivery shows in the Callbacks view. */
export const CALLBACK_INBOX_PATH = '/sandbox/callbacks';

const ACCOUNT = '/v1/Accounts/([^/]+)';
const PATTERNS: Array<[RegExp, (m: RegExpExecArray, format: Format) => Routed]> = [
  [new RegExp(`^${ACCOUNT}/Calls/connect(\\.json)?/?$`), (m, format) => ({ route: { name: 'connect', accountSid: m[1], format }, method: 'POST' })],
  [new RegExp(`^${ACCOUNT}/Calls(\\.json)?/?$`), (m, format) => ({ route: { name: 'list', accountSid: m[1], format }, method: 'GET' })],
  [new RegExp(`^${ACCOUNT}/Calls/([^/]+?)(\\.json)?/?$`), (m, format) => ({ route: { name: 'call', accountSid: m[1], callSid: m[2], format }, method: 'GET' })],
  [
    new RegExp(`^${ACCOUNT}/Numbers/([^/]+?)(\\.json)?/?$`),
    (m, format) => ({ route: { name: 'number', accountSid: m[1], number: m[2], format }, method: 'GET' }),
  ],
];

/**
 * JSON when the path ends in .json (Exotel's documented switch), else XML. As an extra, an explicit
 * `Accept: application/json` also gets JSON: Exotel's own MCP server relies on that (unverified).
 */
export function formatOf(pathname: string, accept: string | undefined): Format {
  if (/\.json\/?$/.test(pathname)) {
    return 'json';
  }
  const wantsJson = /\bapplication\/json\b/i.test(accept ?? '') && !/xml/i.test(accept ?? '');
  return wantsJson ? 'json' : 'xml';
}

export function route(pathname: string, accept: string | undefined): Routed {
  const recording = RECORDING_PATH.exec(pathname);
  if (recording) {
    return { route: { name: 'recording', accountSid: safeDecode(recording[1]), file: recording[2] }, method: 'GET' };
  }
  if (pathname === CALLBACK_INBOX_PATH || pathname === `${CALLBACK_INBOX_PATH}/`) {
    return { route: { name: 'inbox' }, method: 'POST' };
  }
  const format = formatOf(pathname, accept);
  for (const [pattern, build] of PATTERNS) {
    const m = pattern.exec(pathname);
    if (m) {
      return build(m.map(safeDecode) as unknown as RegExpExecArray, format);
    }
  }
  return { route: { name: 'not-found', format }, method: 'GET' };
}

function safeDecode(part: string | undefined): string {
  if (part === undefined) {
    return '';
  }
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
