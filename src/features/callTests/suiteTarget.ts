// Where a suite's calls go from the editor: the extension's sandbox (started if need be), or the signed-in profile
// the suite names — real calls, placed only after a confirmation that says what will ring.
import { t } from '../../common/callText/translate';
import * as path from 'path';
import {
  CALLBACKS_NEED_RECEIVER,
  FlowKeyRegistry,
  ParsedSuite,
  realRunPlan,
  refuseRealRun,
  RunTarget,
  SANDBOX_TIMEOUT_SECONDS,
  ACCOUNT_TIMEOUT_SECONDS,
  describeRealRun,
  SuiteTest,
} from '../../callTests';
import { showWarning } from '../../common/notify';
import { SANDBOX_PROFILE_ID } from '../../session/profile';
import { Session } from '../../session/session';
import { SandboxControl } from '../../services/sandbox/sandboxControl';

export type TargetResult = { target: RunTarget } | { refused: string };

import { loadFlowFile } from '../../flows';

/**
 * `suiteFile`: the suite's path (flow files named by a test are relative to it); `flowKeys`: where each test announces
 * its keys for the sandbox. The sandbox runs the workspace's flow files (the flows feature gives it them).
 */
export async function suiteTarget(
  suite: ParsedSuite,
  tests: readonly SuiteTest[],
  session: Session,
  sandbox: SandboxControl,
  suiteFile?: string,
  flowKeys?: FlowKeyRegistry,
): Promise<TargetResult> {
  if (suite.isSandbox) {
    await sandbox.start();
    const handle = sandbox.handle;
    if (!handle) return { refused: t('The sandbox could not be started; see the Exotel log.') };
    const client = session.clientFor(handle.baseUrl, handle.accountSid, handle.apiKey, handle.apiToken);
    // The sandbox ends a call after its progress time (6 s unless started otherwise): poll a few times within it.
    const appIdOfFile = (file: string): string | undefined => {
      try {
        return suiteFile ? loadFlowFile(path.resolve(path.dirname(suiteFile), file)).loaded?.flow.appId : undefined;
      } catch {
        return undefined;
      }
    };
    return {
      target: {
        client,
        callbacks: () => handle.callbacks,
        armCallbackFault: (callSid, kind, event) => handle.faults.nextCallback({ kind }, { callSid, event }),
        pollMs: 1000,
        defaultTimeoutSeconds: SANDBOX_TIMEOUT_SECONDS,
        flows: flowKeys && { sandbox: handle.flows, keys: flowKeys, appIdOfFile },
      },
    };
  }
  const connection = await session.current();
  const profile = connection?.profile;
  const wanted = suite.profile.toLowerCase();
  if (!connection || !profile || profile.id === SANDBOX_PROFILE_ID || (profile.name.toLowerCase() !== wanted && profile.id.toLowerCase() !== wanted)) {
    return { refused: t('This suite runs on profile “{0}”: switch to it (Exotel: Switch Profile) and run it again. No call was placed.', suite.profile) };
  }
  const plan = realRunPlan(suite, tests, false);
  const refused = refuseRealRun(suite, plan);
  if (refused) return { refused: `${refused} ${t('No call was placed.')}` };
  if (plan.calls === 0) return { target: accountTarget(connection.client) };
  const place = plan.calls === 1 ? t('Place 1 Call') : t('Place {0} Calls', plan.calls);
  const title = profile.production ? t('Production profile “{0}”: these calls are real.', profile.name) : t('These calls are real.');
  const answer = await showWarning(title, { modal: true, detail: describeRealRun({ ...plan, profile: profile.name }) }, place);
  if (answer !== place) return { refused: t('Not confirmed: no call was placed.') };
  return { target: accountTarget(connection.client) };
}

function accountTarget(client: RunTarget['client']): RunTarget {
  return { client, callbacksUnavailable: CALLBACKS_NEED_RECEIVER, pollMs: 5000, defaultTimeoutSeconds: ACCOUNT_TIMEOUT_SECONDS };
}
