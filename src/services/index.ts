// Services several features use, each behind one interface, created once by the composition root (src/extension.ts)
// and handed to the features that need them; a feature never builds or imports another feature's service.
import { Deps } from '../deps';
import { CallHistoryService } from './calls/callHistory';
import { NumberInfoService } from './numbers/numberInfoService';
import { LocalSandbox } from './sandbox/localSandbox';

export type { CallHistory } from './calls/callHistory';
export type { SandboxControl, StartOptions } from './sandbox/sandboxControl';

export interface Services {
  /** Number metadata, cached per account (NumberLookups, src/exotel/numberLookups.ts). */
  numbers: NumberInfoService;
  /** Calls placed from this editor and the recent calls of a number (CallHistory). */
  calls: CallHistoryService;
  /** The local sandbox: start, stop, its callbacks and flows (SandboxControl). */
  sandbox: LocalSandbox;
}

/** Creates the services; each is disposed with the extension. */
export function createServices({ context, log, session }: Deps): Services {
  const services: Services = {
    numbers: new NumberInfoService(context.globalState, session, log),
    calls: new CallHistoryService(session),
    sandbox: new LocalSandbox(session, log),
  };
  context.subscriptions.push(services.numbers, services.calls, services.sandbox);
  return services;
}
