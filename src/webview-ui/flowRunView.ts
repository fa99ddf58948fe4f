// The flow run panel as a VNode tree: the call, the keypad when a Gather waits, the graph, the timeline of steps with
// each request to the developer's URL. Pure, so Node renders it to a string for the bench and the unit tests. Buttons
// carry data-action / data-value; the page (flowRunPage.ts) turns clicks on them into messages.
import { flowGraphSvg } from './flowGraph';
import { FieldRow, FlowRequestView, FlowRunView, FlowStepLine, FlowStepView } from './protocol';
import { v, VNode } from './vnode';

export const KEYPAD = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

const LINE_ICONS: Record<FlowStepLine['kind'], string> = {
  hears: 'unmute',
  keys: 'record-keys',
  sms: 'comment',
  branch: 'git-merge',
  note: 'info',
  error: 'error',
  end: 'call-incoming',
};

function codicon(name: string, extra = ''): VNode {
  return v('span', { class: `codicon codicon-${name}${extra ? ` ${extra}` : ''}`, 'aria-hidden': 'true' });
}

function actionButton(label: string, action: string, value: string | undefined, iconName: string, secondary = true): VNode {
  return v('vscode-button', { secondary: secondary ? '' : undefined, 'data-action': action, 'data-value': value }, codicon(iconName), ' ', label);
}

function rows(list: FieldRow[], empty: string, code = true): VNode {
  if (!list.length) return v('p', { class: 'muted' }, empty);
  return v(
    'table',
    { class: 'fields' },
    v(
      'tbody',
      {},
      list.map(r => v('tr', {}, v('th', { scope: 'row' }, r.label), v('td', {}, code ? v('code', {}, r.value) : r.value))),
    ),
  );
}

function requestNode(q: FlowRequestView, x: FlowRunView['text']): VNode {
  return v(
    'details',
    { class: `request tone-${q.tone}`, id: `req-${q.id}` },
    v(
      'summary',
      {},
      v('code', { class: 'req-line' }, q.line),
      v('span', { class: `result tone-${q.tone}` }, q.result),
      q.latency && v('span', { class: 'muted latency' }, q.latency),
    ),
    v(
      'div',
      { class: 'actions' },
      q.canResend && actionButton(x.resend, 'resendRequest', q.id, 'debug-restart'),
      actionButton(x.copyCurl, 'copyCurlRequest', q.id, 'terminal'),
    ),
    v('p', { class: 'line' }, v('code', { class: 'url' }, q.url)),
    v('h4', {}, x.params),
    rows(q.params, x.empty),
    v('details', { class: 'headers' }, v('summary', {}, x.headers), rows(q.headers, x.empty)),
    v('h4', {}, x.answer),
    q.answer
      ? [
          v('p', { class: 'line' }, v('code', {}, q.answer.line)),
          v('details', { class: 'headers' }, v('summary', {}, x.headers), rows(q.answer.headers, x.empty)),
          v('pre', { class: 'raw' }, q.answer.body || x.empty),
        ]
      : [],
    q.failure ? v('p', { class: 'error' }, q.failure) : !q.answer && v('p', { class: 'muted' }, x.noAnswer),
  );
}

function stepNode(s: FlowStepView, x: FlowRunView['text']): VNode {
  return v(
    'li',
    { class: `step tone-${s.tone}`, id: `step-${s.index}`, 'data-applet': s.appletId },
    v(
      'div',
      { class: 'step-head' },
      v('span', { class: 'step-no' }, String(s.index)),
      codicon(s.icon),
      v('strong', {}, s.title),
      v('span', { class: 'kind muted' }, s.kind),
      v('span', { class: 'when muted' }, s.when),
    ),
    s.lines.length > 0 &&
      v(
        'ul',
        { class: 'lines' },
        s.lines.map(l => v('li', { class: `line-${l.kind}` }, codicon(LINE_ICONS[l.kind]), ' ', v('span', {}, l.text))),
      ),
    s.requests.map(q => requestNode(q, x)),
  );
}

function keypadNode(run: FlowRunView): VNode | undefined {
  const k = run.keys;
  if (!k) return undefined;
  const x = run.text;
  return v(
    'section',
    { class: 'keypad', 'aria-label': x.keypad },
    v('h2', {}, codicon('record-keys'), ' ', x.keypad),
    v('p', { class: 'prompt' }, codicon('unmute'), ' ', k.prompt),
    v('input', {
      id: 'keys',
      type: 'text',
      inputmode: 'numeric',
      autocomplete: 'off',
      maxlength: k.maxDigits !== undefined ? k.maxDigits + 1 : undefined,
      'aria-label': x.keypad,
      'data-finish': k.finishOnKey,
    }),
    v(
      'div',
      { class: 'keys' },
      KEYPAD.map(key => v('button', { class: 'key', type: 'button', 'data-key': key }, key)),
    ),
    v('div', { class: 'actions' }, actionButton(x.send, 'pressKeys', undefined, 'send', false), actionButton(x.noKeys, 'pressKeys', '', 'circle-slash')),
  );
}

/** The whole page for one run. */
export function flowRunNode(run: FlowRunView): VNode {
  const x = run.text;
  return v(
    'article',
    { class: 'flow-run', 'data-id': run.id },
    v(
      'header',
      {},
      v('h1', {}, codicon(run.statusIcon, `status tone-${run.tone}`), ' ', run.title),
      v('vscode-badge', {}, run.statusLabel),
      run.canOpenFlow && v('span', { class: 'header-actions' }, actionButton(x.openFlow, 'openFlow', undefined, 'go-to-file')),
    ),
    v('p', { class: `summary tone-${run.tone}`, id: 'summary' }, run.summary),
    keypadNode(run),
    v(
      'div',
      { class: 'flow-layout' },
      v(
        'section',
        { class: 'graph-pane' },
        v('h2', {}, codicon('type-hierarchy'), ' ', x.graph),
        v('div', { class: 'graph-scroll' }, flowGraphSvg(run.graph, x.graph)),
        v('p', { class: 'muted legend' }, x.legend),
      ),
      v(
        'section',
        { class: 'timeline-pane' },
        v('h2', {}, codicon('list-ordered'), ' ', x.timeline),
        v(
          'ol',
          { class: 'timeline' },
          run.steps.map(s => stepNode(s, x)),
        ),
        v('details', { class: 'call' }, v('summary', {}, x.call), rows(run.fields, x.empty, false)),
      ),
    ),
  );
}
