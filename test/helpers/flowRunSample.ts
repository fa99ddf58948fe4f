// A hand-made flow run view of any size, for the bench and the unit tests of the run panel: a chain of Greeting →
// Gather → Passthru (two branches, one a retry back up) → … → Hangup, each step with one request and its answer.
import { FlowRunText, FlowRunView, FlowStepView } from '../../src/webview-ui/protocol';

const TEXT: Record<FlowRunText, string> = {
  timeline: 'Timeline',
  graph: 'Flow',
  request: 'Request',
  answer: 'Answer',
  headers: 'Headers',
  params: 'Parameters',
  body: 'Body',
  resend: 'Resend',
  copyCurl: 'Copy as cURL',
  noAnswer: 'No answer.',
  empty: '(empty)',
  openFlow: 'Open Flow File',
  keypad: 'Keys',
  send: 'Send',
  clear: 'Clear',
  noKeys: 'Press nothing',
  call: 'The call',
  legend: 'Click a box to see its step.',
};

const KINDS = ['Greeting', 'Gather', 'Passthru', 'Connect', 'SMS'];

/** A run through `applets` applets (the last a Hangup); `hostile` puts markup and bidi controls in every name. */
export function sampleFlowRun(applets: number, hostile = ''): FlowRunView {
  const nodes = Array.from({ length: applets }, (_, i) => {
    const kind = i === applets - 1 ? 'Hangup' : KINDS[i % KINDS.length];
    return {
      id: `a${i}`,
      label: `${kind} ${i}${hostile}`,
      kind,
      state: 'visited' as const,
      result: kind === 'Hangup' ? undefined : i % 7 === 3 ? '500 · 812 ms' : '200 · 34 ms',
      tone: i % 7 === 3 ? 'fail' : 'ok',
      step: i + 1,
    };
  });
  const edges = nodes.slice(0, -1).flatMap((n, i) => {
    const next = { from: n.id, to: nodes[i + 1].id, label: n.kind === 'Passthru' ? '200 OK' : 'next', taken: true };
    if (n.kind !== 'Passthru') return [next];
    const back = { from: n.id, to: nodes[Math.max(0, i - 1)].id, label: 'anything else', taken: false };
    return [next, back];
  });
  const steps: FlowStepView[] = nodes.map((n, i) => ({
    index: i + 1,
    appletId: n.id,
    title: n.label,
    kind: n.kind,
    icon: 'circle-filled',
    tone: n.tone,
    when: `12:00:${String(i % 60).padStart(2, '0')}.123`,
    lines: [
      { kind: 'hears', text: `Welcome to step ${i}${hostile}. Press 1 for sales, 2 for support.` },
      { kind: 'branch', text: `next → a${i + 1} because the URL answered 200 OK` },
    ],
    requests: [
      {
        id: `r${i}`,
        line: `GET http://localhost:3000/exotel/${n.kind.toLowerCase()}${hostile}`,
        url: `http://localhost:3000/exotel/${n.kind.toLowerCase()}?CallSid=abc&CallFrom=09876543210&digits=%221%22${hostile}`,
        result: n.tone === 'fail' ? '500' : '200',
        tone: n.tone,
        latency: '34 ms',
        params: [
          { label: 'CallSid', value: 'b6cfaf0a5bd2a9c7a4b1e0b2f3c8d187v' },
          { label: 'CallFrom', value: '09876543210' },
          { label: 'CallTo', value: '08047112345' },
          { label: 'Direction', value: 'incoming' },
          { label: 'digits', value: `"1"${hostile}` },
        ],
        headers: [{ label: 'User-Agent', value: 'Exotel-Sandbox/1.0' }],
        answer: { line: 'HTTP 200 OK', headers: [{ label: 'Content-Type', value: 'text/plain' }], body: `ok${hostile}` },
        canResend: true,
      },
    ],
  }));
  return {
    id: 'run1',
    title: `Support line${hostile}`,
    statusLabel: 'Ended',
    statusIcon: 'pass',
    tone: 'ok',
    summary: `The call went through ${applets} applets and ended at the Hangup.`,
    fields: [
      { label: 'CallSid', value: 'b6cfaf0a5bd2a9c7a4b1e0b2f3c8d187v' },
      { label: 'From', value: '09876543210' },
    ],
    graph: { start: 'a0', nodes, edges },
    steps,
    canOpenFlow: true,
    text: TEXT,
  };
}
