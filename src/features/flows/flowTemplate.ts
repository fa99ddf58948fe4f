// What "Exotel: New Call Flow" writes: a small flow that uses the common applets, runnable on the sandbox at once
// against the example handler (examples/flow-handler.js). The schema comes from package.json's jsonValidation.
import { FLOW_FILE_SUFFIX } from '../../flows';

/** A new flow file's text. `appId`: a fresh id; `exoPhone`: the ExoPhone it answers (0-prefixed). */
export function flowTemplate(name: string, appId: string, exoPhone: string): string {
  const flow = {
    name,
    appId,
    exoPhone,
    start: 'welcome',
    applets: {
      welcome: { type: 'greeting', text: `Welcome to ${name}.`, next: 'menu' },
      menu: {
        type: 'gather',
        prompt: { text: 'Press 1 for sales, 2 for support.' },
        maxDigits: 1,
        next: { entered: 'route', noInput: 'bye' },
      },
      route: { type: 'passthru', url: 'http://127.0.0.1:3005/route', next: { ok: 'sales', else: 'support' } },
      sales: { type: 'connect', numbers: ['09876543210'], next: { answered: 'thanks', noAnswer: 'bye', notDialled: 'bye' } },
      support: { type: 'connect', dialWhomUrl: 'http://127.0.0.1:3005/support-agents', next: { answered: 'thanks', noAnswer: 'bye', notDialled: 'bye' } },
      thanks: { type: 'sms', text: 'Thanks for calling us.', next: 'bye' },
      bye: { type: 'hangup' },
    },
  };
  return `${JSON.stringify(flow, null, 2)}\n`;
}

/** A file name for a flow name: lower-case words joined by dashes, with the suffix the extension recognises. */
export function flowFileName(name: string): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'call-flow';
  return `${base}${FLOW_FILE_SUFFIX}`;
}
