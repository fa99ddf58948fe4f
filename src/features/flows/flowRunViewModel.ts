// A flow run (the engine's record) as the run panel shows it: steps grouped by applet, each request with its answer,
// the graph of the whole flow with the path taken. Editor-free and pure, so it is unit-tested and benched in Node.
import { t } from '../../common/callText/translate';
import { appletSpec, branchLabel, FlowEvent, FlowFile, FlowRun, transitionsOf } from '../../flows';
import {
  FieldRow,
  FlowGraphEdge,
  FlowGraphNode,
  FlowKeysWanted,
  FlowRequestView,
  FlowRunText,
  FlowRunView,
  FlowStepLine,
  FlowStepView,
} from '../../webview-ui/protocol';

type RequestEvent = Extract<FlowEvent, { kind: 'request' }>;

const ICONS: Record<string, string> = {
  greeting: 'megaphone',
  gather: 'record-keys',
  passthru: 'arrow-swap',
  connect: 'call-outgoing',
  sms: 'comment',
  voicemail: 'mic',
  hangup: 'debug-disconnect',
};

/** A word or two for each branch, on the graph's arrows (the flow builder's sentence is the hover). */
const SHORT_BRANCH: Record<string, string> = {
  next: '',
  entered: 'keys',
  noInput: 'no input',
  ok: '200',
  else: 'else',
  answered: 'answered',
  noAnswer: 'no answer',
  notDialled: 'not dialled',
};

const FAILURES: Record<string, string> = {
  timeout: 'timed out',
  refused: 'connection refused',
  reset: 'connection reset',
  other: 'failed',
};

export function flowRunText(): Record<FlowRunText, string> {
  return {
    timeline: t('Timeline'),
    graph: t('The flow'),
    request: t('Request'),
    answer: t('Answer'),
    headers: t('Headers'),
    params: t('Query parameters'),
    body: t('Body'),
    resend: t('Resend'),
    copyCurl: t('Copy as cURL'),
    noAnswer: t('No answer yet.'),
    empty: t('(none)'),
    openFlow: t('Open Flow File'),
    keypad: t('The caller presses keys'),
    send: t('Send Keys'),
    clear: t('Clear'),
    noKeys: t('Press Nothing'),
    call: t('The call'),
    legend: t('Highlighted: the path this call took. Numbers: the order of the steps. Click a box to see its step.'),
  };
}

/** The words for a request's result: its status, or why there is none. */
function resultOf(e: RequestEvent): { result: string; tone: string } {
  const r = e.response;
  if (!e.done || !r) return { result: e.async ? t('sent (async)') : t('waiting…'), tone: 'pending' };
  if (r.failure) return { result: t(FAILURES[r.failure] ?? 'failed'), tone: 'fail' };
  const status = r.status === undefined ? '—' : String(r.status);
  if (e.problem && e.problem.kind !== 'warning') return { result: status, tone: 'fail' };
  if (e.problem) return { result: status, tone: 'warn' };
  return { result: status, tone: 'ok' };
}

/** The path of a URL (the summary line; the whole URL is inside). */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0];
  }
}

const rows = (pairs: Array<[string, string]>): FieldRow[] => pairs.map(([label, value]) => ({ label, value }));

function requestView(e: RequestEvent): FlowRequestView {
  const r = e.response;
  const { result, tone } = resultOf(e);
  const failure = [e.problem?.message, r?.failure ? r.error : undefined, e.exotelNext && t('Exotel: {0}', e.exotelNext)].filter(Boolean).join(' — ');
  const role = e.request.role === 'fallback' ? ` (${t('Fallback URL')})` : '';
  return {
    id: String(e.seq),
    line: `${e.request.method} ${pathOf(e.request.url)}${role}`,
    url: e.request.url,
    result,
    tone,
    latency: r ? `${Math.round(r.latencyMs)} ms` : '',
    params: rows(e.request.params),
    headers: rows(Object.entries(e.request.headers)),
    answer:
      r && r.status !== undefined
        ? {
            line: `HTTP ${r.status}`,
            headers: rows(Object.entries(r.headers ?? {})),
            body: (r.body ?? '') + (r.truncated ? `\n… ${t('(cut: {0} bytes in all)', r.bodyBytes ?? 0)}` : ''),
          }
        : undefined,
    failure: failure || undefined,
    canResend: e.done && e.request.method === 'GET',
  };
}

function line(e: FlowEvent, label: (id: string) => string): FlowStepLine | undefined {
  switch (e.kind) {
    case 'say': {
      const what = e.text ?? (e.audioUrls?.length ? t('audio: {0}', e.audioUrls.join(', ')) : t('(nothing)'));
      return { kind: 'hears', text: t('The caller hears: “{0}”', what) };
    }
    case 'keys': {
      if (e.digits === null || e.digits === '') return { kind: 'keys', text: t('Pressed nothing (attempt {0})', e.attempt) };
      const how = e.finishedBy === 'finish-key' ? t('ended by the finish key') : e.finishedBy === 'max-digits' ? t('all the digits asked for') : '';
      return { kind: 'keys', text: how ? t('Pressed {0} ({1})', e.digits, how) : t('Pressed {0}', e.digits) };
    }
    case 'dial':
      return { kind: 'note', text: t('Dialled {0}: {1} (rang {2} s, talked {3} s)', e.number, e.result, e.ringSeconds, e.talkSeconds) };
    case 'sms':
      return { kind: 'sms', text: t('SMS to {0}: “{1}”', e.to, e.text) };
    case 'recording':
      return { kind: 'note', text: t('Recorded {0} s: {1}', e.seconds, e.url) };
    case 'branch': {
      const to = e.target ? label(e.target) : t('(no transition: the call ends)');
      return { kind: 'branch', text: t('“{0}” → {1} — {2}', e.label, to, e.why) };
    }
    case 'warning':
      return { kind: 'error', text: e.message };
    case 'call-end':
      return { kind: 'end', text: t('The call ends: {0}', e.message) };
    default:
      return undefined;
  }
}

function worstTone(tones: string[]): string {
  if (tones.includes('fail')) return 'fail';
  if (tones.includes('warn')) return 'warn';
  if (tones.includes('pending')) return 'pending';
  return 'ok';
}

/** A box's result: the HTTP status, the failure, or (no request) the way it went on. */
function resultWords(result: string | undefined, branch: string | undefined, applet: { type: string; async?: boolean } | undefined): string | undefined {
  if (result && /^\d+$/.test(result)) return `HTTP ${result}${applet?.type === 'passthru' && applet.async ? ` · ${t('async')}` : ''}`;
  if (result) return t(FAILURES[result] ?? result);
  if (applet?.type === 'passthru' && applet.async) return t('async: not waited for');
  return branch ? (SHORT_BRANCH[branch] ?? branch) || undefined : undefined;
}

/** Two branches into the same applet (no answer, not dialled → voicemail) are drawn as one arrow. */
function mergeParallel(edges: FlowGraphEdge[]): FlowGraphEdge[] {
  const byPair = new Map<string, FlowGraphEdge>();
  for (const e of edges) {
    const key = `${e.from}\u0000${e.to}`;
    const seen = byPair.get(key);
    if (!seen) byPair.set(key, { ...e });
    else {
      seen.label = [seen.label, e.label].filter(Boolean).join(', ');
      seen.hint = [seen.hint, e.hint].filter(Boolean).join(' / ');
      seen.taken ||= e.taken;
    }
  }
  return [...byPair.values()];
}

const seconds = (ms: number) => `+${(ms / 1000).toFixed(2)} s`;

/** The panel's view of a run. `flow`: the flow file it ran (for the boxes it did not visit); `keys`: a Gather waiting. */
export function flowRunView(run: FlowRun, flow: FlowFile | undefined, keys?: FlowKeysWanted, canOpenFlow = false): FlowRunView {
  const applets = flow?.applets ?? {};
  const label = (id: string) => applets[id]?.label ?? id;
  const steps: FlowStepView[] = [];
  const preamble: FlowStepLine[] = [];
  for (const e of run.events) {
    if (e.kind === 'applet') {
      const spec = appletSpec(e.type);
      steps.push({
        index: steps.length + 1,
        appletId: e.appletId,
        title: e.label ?? label(e.appletId),
        kind: spec?.title ?? e.type,
        icon: ICONS[e.type] ?? 'circle-outline',
        tone: 'ok',
        when: seconds(e.atMs),
        lines: [],
        requests: [],
      });
      continue;
    }
    const step = steps[steps.length - 1];
    if (e.kind === 'request') {
      if (step) step.requests.push(requestView(e));
      continue;
    }
    const l = line(e, label);
    if (!l) continue;
    if (step) step.lines.push(l);
    else preamble.push(l);
  }
  for (const s of steps) s.tone = worstTone([...s.requests.map(r => r.tone), ...(s.lines.some(l => l.kind === 'error') ? ['warn'] : [])]);
  const ended = run.outcome !== undefined;
  if (!ended && steps.length) steps[steps.length - 1].tone = 'pending';

  // The graph: every applet of the flow (or, without the file, those the run entered), the path highlighted.
  const ids = flow ? Object.keys(applets) : [...new Set(run.path.map(p => p.appletId))];
  const firstStep = new Map<string, number>();
  for (const s of steps) if (!firstStep.has(s.appletId)) firstStep.set(s.appletId, s.index);
  const lastAt = new Map(run.path.map(p => [p.appletId, p]));
  const toneAt = new Map<string, string>();
  for (const s of steps) toneAt.set(s.appletId, s.tone);
  const current = !ended ? run.path[run.path.length - 1]?.appletId : undefined;
  const nodes: FlowGraphNode[] = ids.map(id => {
    const type = applets[id]?.type ?? run.path.find(p => p.appletId === id)?.type ?? '';
    const step = lastAt.get(id);
    const result = step?.result;
    return {
      id,
      label: label(id),
      kind: appletSpec(type)?.title ?? type,
      state: id === current ? 'current' : step ? 'visited' : 'idle',
      result: step ? resultWords(result, step.branch, applets[id]) : undefined,
      tone: step ? toneAt.get(id) : undefined,
      step: firstStep.get(id),
    };
  });
  const taken = new Set(run.path.filter(p => p.branch).map(p => `${p.appletId}\u0000${p.branch}`));
  const transitions = flow
    ? ids.flatMap(id => transitionsOf(applets[id]).map(tr => ({ from: id, to: tr.target, type: applets[id].type, branch: tr.branch })))
    : run.path.slice(1).map((p, i) => ({ from: run.path[i].appletId, to: p.appletId, type: run.path[i].type, branch: run.path[i].branch ?? '' }));
  const edges = mergeParallel(
    transitions.map(tr => ({
      from: tr.from,
      to: tr.to,
      label: SHORT_BRANCH[tr.branch] ?? tr.branch,
      hint: branchLabel(tr.type, tr.branch),
      taken: !flow || taken.has(`${tr.from}\u0000${tr.branch}`),
    })),
  );

  const o = run.outcome;
  const lastStep = steps[steps.length - 1];
  if (preamble.length && lastStep) lastStep.lines.push(...preamble.filter(l => l.kind === 'end'));
  const where = lastStep ? lastStep.title : t('the start');
  const bad = o && (o.reason === 'refused' || o.reason === 'error');
  const warn = o && (o.reason === 'max-applets' || steps.some(s => s.tone === 'fail'));
  const who = run.direction === 'incoming' ? t('{0} called {1}', run.from, run.exoPhone) : t('{0} called {1} (Connect Call to Flow)', run.exoPhone, run.from);
  const fields: Array<[string, string]> = [
    ['CallSid', run.callSid],
    [t('Direction'), run.direction],
    ['From', run.from],
    ['ExoPhone', run.exoPhone],
    [t('App id (flow_id)'), run.appId],
    ...(run.file ? ([[t('Flow file'), run.file]] as Array<[string, string]>) : []),
    [t('Started'), new Date(run.startedAt).toISOString()],
    ...(o
      ? ([
          [t('CallType'), o.callType],
          [t('Simulated length'), `${o.simulatedSeconds} s`],
        ] as Array<[string, string]>)
      : []),
    ...(o?.recordingUrl ? ([['RecordingUrl', o.recordingUrl]] as Array<[string, string]>) : []),
  ];
  return {
    id: run.id,
    title: run.flowName ?? flow?.name ?? t('Flow {0}', run.appId),
    statusLabel: o ? (bad ? t('Refused') : t('Ended')) : keys ? t('Waiting for keys') : t('Running'),
    statusIcon: o ? (bad ? 'error' : warn ? 'warning' : 'pass') : 'loading~spin',
    tone: o ? (bad ? 'fail' : warn ? 'warn' : 'ok') : 'pending',
    summary: o
      ? `${who}. ${o.message} (${t('{0} steps, CallType {1}', steps.length, o.callType)})`
      : `${who}. ${keys ? t('The caller is at {0}, waiting to press keys.', where) : t('Now at {0}…', where)}`,
    fields: fields.map(([l, value]) => ({ label: l, value })),
    graph: { start: flow?.start ?? ids[0] ?? '', nodes, edges },
    steps,
    keys,
    canOpenFlow,
    text: flowRunText(),
  };
}
