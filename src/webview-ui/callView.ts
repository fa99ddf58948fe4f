import { button, fieldTable, h, icon, table } from './dom';
import { CallMessage } from './messages';
import { CallView } from './protocol';

export function renderCall(c: CallView, send: (m: CallMessage) => void): HTMLElement {
  const x = c.text;
  const open = (value: string) => send({ action: 'openExternal', url: value });
  const legs = c.legs.length
    ? table(
        { class: 'legs' },
        [x.leg, x.who, x.status, x.onCall].map(w => h('th', {}, w)),
        c.legs.map(l => h('tr', {}, h('td', {}, l.leg), h('td', {}, l.who), h('td', {}, l.status), h('td', {}, l.onCall))),
      )
    : h('p', { class: 'muted' }, x.noLegs);
  const r = c.recording;
  const recording =
    r &&
    h(
      'section',
      { class: 'recording', 'data-kind': r.kind },
      h('h2', {}, icon('record'), ' ', x.recording),
      r.src ? h('audio', { controls: '', preload: 'none', src: r.src }) : undefined,
      h('p', { class: 'muted', id: 'recording-note' }, r.note),
      r.busy ? h('p', { class: 'muted' }, icon('loading~spin'), ' ', r.busy) : undefined,
      r.error ? h('p', { class: 'error', role: 'alert', id: 'recording-error' }, r.error) : undefined,
      h(
        'div',
        { class: 'actions' },
        r.canPlay && !r.busy && button(x.play, () => send({ action: 'playRecording' }), false, 'play'),
        r.canRefreshLink && button(x.freshLink, () => send({ action: 'refresh' }), false, 'refresh'),
        r.openUrl && button(x.openInBrowser, () => open(r.openUrl!), true, 'link-external'),
        button(x.download, () => send({ action: 'downloadRecording' }), true, 'desktop-download'),
      ),
    );
  return h(
    'article',
    { class: 'call', 'data-sid': c.sid },
    h('header', {}, h('h1', {}, icon(c.statusIcon, 'status'), ' ', c.title), h('vscode-badge', {}, c.statusLabel)),
    c.problem ? h('p', { class: 'error problem', role: 'alert' }, icon('warning'), ' ', c.problem) : undefined,
    h('p', { class: 'summary', id: 'summary' }, c.summary),
    h(
      'div',
      { class: 'actions' },
      button(x.refresh, () => send({ action: 'refresh' }), false, 'refresh'),
      button(x.copySid, () => send({ action: 'copySid' }), true, 'copy'),
      c.canCallAgain && button(x.callAgain, () => send({ action: 'callAgain' }), true, 'call-outgoing'),
    ),
    h('section', {}, h('h2', {}, x.legs), legs, c.conversation ? h('p', { class: 'muted' }, c.conversation) : undefined),
    recording,
    h('section', {}, h('h2', {}, x.allFields), fieldTable(c.fields, open)),
  );
}
