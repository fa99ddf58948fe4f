// Call test suites (`*.exotel-tests.json`): parse, run, report. Editor-free: used by the Test Explorer and the CLI.
export { parseSuite, lineColumn } from './parseSuite';
export type { ParsedSuite, SuiteTest, SuiteProblem, TestSpec, TextRange } from './parseSuite';
export { runSuite, runTest } from './runner';
export type { CallApi, RunOptions, RunTarget, TestOutcome, TestResult } from './runner';
export type { Expectations, Failure, CallbackRecord } from './expectations';
export { suiteJsonSchema, SUITE_FILE_SUFFIX, SANDBOX_PROFILE } from './suiteSchema';
export { callingTests, describeRealRun, realRunPlan, refuseRealRun } from './safety';
export type { RealRunPlan } from './safety';
export { junitXml } from './junit';
export { sandboxTarget, envTarget, CALLBACKS_NEED_RECEIVER, SANDBOX_TIMEOUT_SECONDS, ACCOUNT_TIMEOUT_SECONDS } from './targets';
export { checkFlowRun, pathOf, FlowKeyRegistry } from './flowExpectations';
export type { FlowExpectation, FlowTestSpec, RequestExpectation } from './flowExpectations';
export { startHandler } from './handler';
export type { HandlerSpec, RunningHandler } from './handler';
export type { FlowTarget } from './runner';
