import { callData, dataBlock } from './toolData';
import { ToolHost } from './toolHost';
import { GetCallInput } from './toolManifest';
import { answer, errorAnswer, NOT_SIGNED_IN, refusal, ToolAnswer } from './toolResult';

/** exotel_getCall: one call by SID, its fields, both legs in words, the recording's availability. */
export async function getCall(host: ToolHost, input: Partial<GetCallInput> | undefined, signal: AbortSignal): Promise<ToolAnswer> {
  const conn = await host.connection();
  if (!conn) return refusal(NOT_SIGNED_IN);
  try {
    // The client checks the SID's shape before anything is sent (a ValidationError otherwise).
    const call = await conn.client.getCall(String(input?.callSid ?? ''), { details: true, signal });
    return answer(`The call, as Exotel reports it on the profile “${conn.profile.name}” (times in the account's zone):`, dataBlock(callData(call)));
  } catch (err) {
    return errorAnswer('Getting the call failed.', err);
  }
}
