// The callback panel: the request exactly as sent, the answer, every retry. All values go in as text.
import { actionable, button, h, icon, table } from './dom';
import { CallbackMessage } from './messages';
import { CallbackView, FieldRow } from './protocol';

/** Header or form fields, as sent. */
function fields(rows: FieldRow[], empty: string): HTMLElement {
  if (!rows.length) return h('p', { class: 'muted' }, empty);
  return h(
    'table',
    { class: 'fields' },
    h('tbody', {}, ...rows.map(r => h('tr', {}, h('th', { scope: 'row' }, r.label), h('td', {}, h('code', {}, r.value))))),
  );
}

function details(summary: string, body: HTMLElement, open = false): HTMLElement {
  const d = h('details', open ? { open: '' } : {}, h('summary', {}, summary), body);
  return d;
}

export function renderCallback(c: CallbackView, send: (m: CallbackMessage) => void): HTMLElement {
  const x = c.text;
  const act = (message: CallbackMessage) => () => send(message);
  const attempts = table(
    { class: 'attempts' },
    [x.attempt, x.when, x.result, x.latency].map(w => h('th', {}, w)),
    c.attempts.map(a => {
      const row = h(
        'tr',
        { class: a.current ? 'current' : undefined, 'data-id': a.id },
        h('td', {}, a.attempt),
        h('td', {}, a.when),
        h('td', {}, icon(a.resultIcon), ' ', a.result),
        h('td', {}, a.latency),
      );
      return a.current ? row : actionable(row, () => send({ action: 'showAttempt', id: a.id }));
    }),
  );
  const answer = c.answer
    ? h(
        'section',
        { class: 'answer' },
        h('h2', {}, icon('arrow-left'), ' ', x.answer),
        h('p', { class: 'line' }, h('code', {}, c.answer.line)),
        c.answer.note ? h('p', { class: 'muted' }, c.answer.note) : undefined,
        details(x.headers, fields(c.answer.headers, x.empty)),
        h('pre', { class: 'raw', id: 'answer-body' }, c.answer.body || x.empty),
      )
    : h(
        'section',
        { class: 'answer' },
        h('h2', {}, icon('arrow-left'), ' ', x.answer),
        h('p', { class: c.failure ? 'error' : 'muted' }, c.failure ?? x.noAnswer),
      );
  return h(
    'article',
    { class: 'callback', 'data-id': c.id },
    h('header', {}, h('h1', {}, icon(c.resultIcon, `status tone-${c.tone}`), ' ', c.title), h('vscode-badge', {}, c.resultLabel)),
    h('p', { class: `summary tone-${c.tone}`, id: 'summary' }, c.summary),
    h(
      'div',
      { class: 'actions' },
      c.canResend && button(x.resend, act({ action: 'resend' }), false, 'debug-restart'),
      c.canResend && button(x.editResend, act({ action: 'editResend' }), true, 'edit'),
      button(x.copyCurl, act({ action: 'copyCurl' }), true, 'terminal'),
      button(x.copyFixture, act({ action: 'copyFixture' }), true, 'beaker'),
      c.canOpenCall && button(x.openCall, act({ action: 'openCall' }), true, 'call-outgoing'),
    ),
    h(
      'section',
      { class: 'request' },
      h('h2', {}, icon('arrow-right'), ' ', x.request),
      h('p', { class: 'line' }, h('code', {}, c.request.line)),
      c.request.note ? h('p', { class: 'error' }, c.request.note) : undefined,
      details(x.headers, fields(c.request.headers, x.empty), true),
      h('h3', {}, x.fields),
      fields(c.request.fields, x.empty),
      details(x.raw, h('pre', { class: 'raw', id: 'request-raw' }, c.request.raw || x.empty)),
    ),
    answer,
    h('section', {}, h('h2', {}, icon('history'), ' ', x.attempts), attempts),
  );
}
