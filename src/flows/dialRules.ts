// How a Connect's dialled leg ended, in the words Exotel's applet requests use. What a number does is the
// caller's to say (RunFlowOptions.dial: the sandbox passes its last-digit rules, src/sandbox/flowDial.ts).
import type { DialResult } from './runModel';

/** Q.850-style CauseCode/Cause per result; NORMAL_CLEARING 16 and RING_TIMEOUT 1003 are the observed ones (O3). */
export const CAUSES: Record<DialResult, { causeCode: string; cause: string; dialCallStatus: string }> = {
  answered: { causeCode: 'NORMAL_CLEARING', cause: '16', dialCallStatus: 'completed' },
  busy: { causeCode: 'USER_BUSY', cause: '17', dialCallStatus: 'busy' },
  'no-answer': { causeCode: 'RING_TIMEOUT', cause: '1003', dialCallStatus: 'no-answer' },
  failed: { causeCode: 'NO_ROUTE_DESTINATION', cause: '3', dialCallStatus: 'failed' },
  canceled: { causeCode: 'RING_TIMEOUT', cause: '1003', dialCallStatus: 'canceled' },
};
