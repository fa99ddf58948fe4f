import { Call, CallDirection, CallFilter, CallStatus, ExotelClient, FILTER_LIMITS, mergeCalls } from '../exotel';
import { parsePhone } from '../phone';
import { CALL_COLUMNS, callRow, dataTable } from './toolData';
import { ToolHost } from './toolHost';
import { LIST_CALLS_DEFAULT, LIST_CALLS_MAX, ListCallsInput } from './toolManifest';
import { answer, errorAnswer, NOT_SIGNED_IN, refusal, ToolAnswer } from './toolResult';

/** exotel_listCalls: the call log, filtered, newest first, as a compact table. */
export async function listCalls(host: ToolHost, input: ListCallsInput | undefined, signal: AbortSignal): Promise<ToolAnswer> {
  input ??= {};
  const conn = await host.connection();
  if (!conn) return refusal(NOT_SIGNED_IN);
  const limit = Math.min(LIST_CALLS_MAX, Math.max(1, Math.floor(Number(input.limit ?? LIST_CALLS_DEFAULT)) || LIST_CALLS_DEFAULT));
  const filter: CallFilter = { pageSize: Math.min(limit, FILTER_LIMITS.pageSize), sortBy: 'DateCreated:desc' };
  if (input.status?.length) filter.status = input.status as CallStatus[];
  if (input.direction) filter.direction = input.direction as CallDirection;
  if (input.since || input.until) {
    filter.dateCreated = {
      gte: input.since && (input.since.length === 10 ? `${input.since} 00:00:00` : input.since),
      lte: input.until && (input.until.length === 10 ? `${input.until} 23:59:59` : input.until),
    };
    if (!filter.dateCreated.gte) delete filter.dateCreated.gte;
    if (!filter.dateCreated.lte) delete filter.dateCreated.lte;
  }
  let number: string | undefined;
  if (input.number) {
    const p = parsePhone(input.number);
    if (!p.ok) return refusal(`“number” is not a phone number: ${p.reason} Nothing was sent.`);
    number = p.number.e164;
  }
  try {
    // Exotel filters To and From separately: a number is asked both ways and the answers merged.
    const filters = number
      ? [
          { ...filter, to: [number] },
          { ...filter, from: [number] },
        ]
      : [filter];
    const lists = await Promise.all(filters.map(f => collect(conn.client, f, limit, signal)));
    const calls = mergeCalls(lists, limit);
    const more = lists.some(l => l.length >= limit) ? ` There may be more: raise "limit" (up to ${LIST_CALLS_MAX}) or narrow the filter.` : '';
    if (!calls.length) return answer(`No calls match, on the profile “${conn.profile.name}”.${range(filter)}`);
    return answer(
      `${calls.length} call(s) on the profile “${conn.profile.name}”, newest first (times in the account's zone).${range(filter)}${more}`,
      dataTable(CALL_COLUMNS, calls.map(callRow)),
    );
  } catch (err) {
    return errorAnswer('Listing calls failed.', err);
  }
}

function range(f: CallFilter): string {
  return f.dateCreated ? '' : ` Without "since"/"until" Exotel searches the last ${FILTER_LIMITS.rangeDays} days.`;
}

async function collect(client: ExotelClient, filter: CallFilter, limit: number, signal: AbortSignal): Promise<Call[]> {
  const calls: Call[] = [];
  for await (const page of client.pages(filter, { signal })) {
    calls.push(...page.calls);
    if (calls.length >= limit) break;
  }
  return calls.slice(0, limit);
}
