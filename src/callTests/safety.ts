// Real accounts ring real phones and cost money: what a run would place, said plainly before it is confirmed,
// and the suite's own limits (allowNumbers, maxCalls) enforced here as well as in the file's diagnostics.
import { checkPhone, ParsedSuite, SuiteTest } from './parseSuite';

export interface RealRunPlan {
  profile: string;
  /** Calls the run would place (tests that are valid, not skipped and checkable). */
  calls: number;
  callerIds: string[];
  /** Every number that would ring: From and To. */
  numbers: string[];
}

function e164(n: string | undefined): string | undefined {
  return n === undefined ? undefined : (checkPhone(n).e164 ?? n);
}

/** The tests of `tests` that would place a call. */
export function callingTests(tests: readonly SuiteTest[], callbacksObservable: boolean): SuiteTest[] {
  return tests.filter(t => !t.spec.skip && !t.problems.some(p => p.severity === 'error') && (callbacksObservable || !t.spec.expect.callback));
}

export function realRunPlan(suite: ParsedSuite, tests: readonly SuiteTest[], callbacksObservable: boolean): RealRunPlan {
  const calling = callingTests(tests, callbacksObservable);
  const uniq = (xs: Array<string | undefined>) => [...new Set(xs.filter((x): x is string => !!x))];
  return {
    profile: suite.profile,
    calls: calling.length,
    callerIds: uniq(calling.map(t => e164(t.spec.callerId))),
    numbers: uniq(calling.flatMap(t => [e164(t.spec.from), e164(t.spec.to)])),
  };
}

/** Why the run may not go ahead at all, whatever the user answers; undefined when it may. */
export function refuseRealRun(suite: ParsedSuite, plan: RealRunPlan): string | undefined {
  if (suite.suiteProblems.length) return `The suite has problems: ${suite.suiteProblems[0].message}`;
  if (!suite.allowNumbers) return `Profile "${suite.profile}" places real calls: the suite must list the numbers it may ring in "allowNumbers".`;
  if (suite.maxCalls === undefined) return `Profile "${suite.profile}" places real calls: the suite must cap them with "maxCalls".`;
  if (plan.calls > suite.maxCalls) return `This run would place ${plan.calls} calls; the suite's "maxCalls" is ${suite.maxCalls}.`;
  const outside = plan.numbers.filter(n => !suite.allowNumbers!.includes(n));
  if (outside.length) return `${outside.join(', ')} ${outside.length === 1 ? 'is' : 'are'} not in "allowNumbers".`;
  return undefined;
}

/** The confirmation's text: profile, how many calls, from which ExoPhone, to which numbers. */
export function describeRealRun(plan: RealRunPlan): string {
  const calls = plan.calls === 1 ? '1 real call' : `${plan.calls} real calls`;
  return `Place ${calls} on profile “${plan.profile}”, from ExoPhone ${plan.callerIds.join(', ') || '(none)'}, ringing ${plan.numbers.join(', ') || '(none)'}? They cost money and ring real phones.`;
}
