import * as vscode from 'vscode';
import { t } from '../../common/callText/translate';
import { Call, CallDirection, CallFilter, CallStatus, ExotelClient, FILTER_LIMITS } from '../../exotel';
import { parsePhone } from '../../phone';
import { Session } from '../../session/session';
import { CALL_COLUMNS, callRow, dataTable, mergeCalls } from './toolData';
import { LIST_CALLS_DEFAULT, LIST_CALLS_MAX, ListCallsInput } from './toolManifest';
import { abortOn, errorResult, NOT_SIGNED_IN, toolText } from './toolResult';

/** exotel_listCalls: the call log, filtered, newest first, as a compact table. */
export class ListCallsTool implements vscode.LanguageModelTool<ListCallsInput> {
  constructor(private readonly session: Session) {}

  prepareInvocation(): vscode.PreparedToolInvocation {
    return { invocationMessage: t('Reading the Exotel call log') };
  }

  async invoke(options: vscode.LanguageModelToolInvocationOptions<ListCallsInput>, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
    const input = options.input ?? {};
    const conn = await this.session.current();
    if (!conn) return toolText(NOT_SIGNED_IN);
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
      if (!p.ok) return toolText(`“number” is not a phone number: ${p.reason} Nothing was sent.`);
      number = p.number.e164;
    }
    const abort = abortOn(token);
    try {
      // Exotel filters To and From separately: a number is asked both ways and the answers merged.
      const filters = number
        ? [
            { ...filter, to: [number] },
            { ...filter, from: [number] },
          ]
        : [filter];
      const lists = await Promise.all(filters.map(f => collect(conn.client, f, limit, abort.signal)));
      const calls = mergeCalls(lists, limit);
      const more = lists.some(l => l.length >= limit) ? ` There may be more: raise "limit" (up to ${LIST_CALLS_MAX}) or narrow the filter.` : '';
      if (!calls.length) return toolText(`No calls match, on the profile “${conn.profile.name}”.${range(filter)}`);
      return toolText(
        `${calls.length} call(s) on the profile “${conn.profile.name}”, newest first (times in the account's zone).${range(filter)}${more}`,
        dataTable(CALL_COLUMNS, calls.map(callRow)),
      );
    } catch (err) {
      return errorResult('Listing calls failed.', err);
    } finally {
      abort.dispose();
    }
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
