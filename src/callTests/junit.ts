// JUnit XML, the report format CI systems read (GitHub, GitLab, Jenkins): one <testsuite> per file.
import { TestResult } from './runner';

export interface SuiteReport {
  file: string;
  /** A suite that could not run at all (malformed, refused) is one errored case. */
  error?: string;
  results: TestResult[];
  ms: number;
}

const xml = (s: string): string =>
  // Characters XML 1.0 cannot hold at all are dropped; the rest escaped.
  s
    // eslint-disable-next-line no-control-regex -- the control characters are the point
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
const secs = (ms: number): string => (ms / 1000).toFixed(3);

export function junitXml(reports: readonly SuiteReport[]): string {
  const count = (r: SuiteReport, ...o: string[]) => r.results.filter(t => o.includes(t.outcome)).length;
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0, ms: 0 };
  const suites = reports.map(r => {
    const cases = r.error
      ? [`    <testcase classname="${xml(r.file)}" name="(suite)" time="0"><error message="${xml(r.error)}"/></testcase>`]
      : r.results.map(t => testcase(r.file, t));
    const s = {
      tests: r.error ? 1 : r.results.length,
      failures: count(r, 'failed'),
      errors: r.error ? 1 : count(r, 'errored'),
      skipped: count(r, 'skipped', 'cancelled'),
    };
    totals.tests += s.tests;
    totals.failures += s.failures;
    totals.errors += s.errors;
    totals.skipped += s.skipped;
    totals.ms += r.ms;
    return `  <testsuite name="${xml(r.file)}" tests="${s.tests}" failures="${s.failures}" errors="${s.errors}" skipped="${s.skipped}" time="${secs(r.ms)}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="Exotel call tests" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}" time="${secs(totals.ms)}">\n${suites.join('\n')}\n</testsuites>\n`;
}

function testcase(file: string, t: TestResult): string {
  const open = `    <testcase classname="${xml(file)}" name="${xml(t.name)}" time="${secs(t.ms)}">`;
  const sid = t.callSid ? `<system-out>CallSid ${xml(t.callSid)}</system-out>` : '';
  switch (t.outcome) {
    case 'passed':
      return `${open}${sid}</testcase>`;
    case 'skipped':
    case 'cancelled':
      return `${open}<skipped message="${xml(t.message ?? t.outcome)}"/>${sid}</testcase>`;
    case 'errored':
      return `${open}<error message="${xml(t.message ?? 'error')}"/>${sid}</testcase>`;
    case 'failed': {
      const first = t.failures[0]?.message ?? t.message ?? 'failed';
      const body = t.failures.map(f => `${f.message}${f.expected !== undefined ? `\n  expected: ${f.expected}\n  actual:   ${f.actual}` : ''}`).join('\n');
      return `${open}<failure message="${xml(first)}" type="expectation">${xml(body)}</failure>${sid}</testcase>`;
    }
  }
}
