// What leaves the editor from the Callbacks view: cURL, a fixture, JSON Lines. Secrets are masked in all three.
import { CapturedRequest, Delivery, resultKind } from './delivery';
import { maskHeaders, maskIdentifiers, maskText, maskUrl } from './mask';
import { contentTypeOf, parsePayload } from './payload';

const LEFT_OUT = new Set(['content-length', 'host', 'connection', 'transfer-encoding', 'accept-encoding', 'x-exotel-receiver-hop']);

/** POSIX shell single quotes: nothing inside is expanded. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The request as a cURL command. Multipart fields use --form-string, which never reads files (@, <). */
export function curlCommand(r: CapturedRequest): string {
  const type = contentTypeOf(r.headers) ?? '';
  const parsed = parsePayload(type, r.body);
  const multipart = parsed.kind === 'multipart' && !parsed.problem;
  const lines = [`curl -X ${r.method} ${shellQuote(maskUrl(r.url))}`];
  for (const [k, v] of Object.entries(maskHeaders(r.headers))) {
    if (LEFT_OUT.has(k.toLowerCase()) || (multipart && k.toLowerCase() === 'content-type')) continue;
    lines.push(`-H ${shellQuote(`${k}: ${v}`)}`);
  }
  if (multipart) {
    for (const [k, v] of parsed.fields) lines.push(`--form-string ${shellQuote(`${k}=${maskText(v)}`)}`);
  } else if (r.body) {
    lines.push(`--data-raw ${shellQuote(maskText(r.body))}`);
  }
  return lines.join(' \\\n  ');
}

/**
 * The payload as a fixture like those in test/fixtures/exotel: the fields (or the JSON document) as one
 * JSON object. URL credentials always masked; numbers and SIDs too when `maskIds`.
 */
export function fixtureOf(r: CapturedRequest, maskIds: boolean): string {
  const parsed = parsePayload(contentTypeOf(r.headers), r.body);
  const doc = parsed.kind === 'json' && !parsed.problem ? parsed.json : parsed.fields.length ? Object.fromEntries(parsed.fields) : { body: r.body };
  const text = maskText(JSON.stringify(doc, null, 2));
  return `${maskIds ? maskIdentifiers(text) : text}\n`;
}

/** One line of Export… (JSON Lines): the request and the answer in full, secrets masked. */
export function jsonLine(d: Delivery): string {
  return JSON.stringify({
    at: d.at.toISOString(),
    source: d.source,
    callSid: d.callSid,
    event: d.event,
    attempt: d.attempt,
    maxAttempts: d.maxAttempts,
    result: resultKind(d),
    request: { method: d.request.method, url: maskUrl(d.request.url), headers: maskHeaders(d.request.headers), body: maskText(d.request.body) },
    answer: d.answer && { status: d.answer.status, headers: maskHeaders(d.answer.headers), body: maskText(d.answer.body), truncated: d.answer.truncated },
    latencyMs: d.latencyMs,
    failure: d.failure,
    error: d.error && maskText(d.error),
    forwardedTo: d.forwardedTo && maskUrl(d.forwardedTo),
    answeredStatus: d.answeredStatus,
  });
}
