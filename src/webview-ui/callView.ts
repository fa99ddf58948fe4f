import { button, fieldTable, h, icon } from './dom';
import { CallView, FromWebview } from './protocol';

export function renderCall(c: CallView, post: (m: FromWebview) => void): HTMLElement {
  const open = (value: string) => post({ type: 'action', action: 'openExternal', value });
  const legs = c.legs.length
    ? h('table', { class: 'legs' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Leg'), h('th', {}, 'Who'), h('th', {}, 'Status'), h('th', {}, 'On call'))),
      h('tbody', {}, ...c.legs.map(l => h('tr', {}, h('td', {}, l.leg), h('td', {}, l.who), h('td', {}, l.status), h('td', {}, l.onCall)))))
    : h('p', { class: 'muted' }, 'Exotel reported no leg details for this call.');
  const recording = c.recording && h('section', { class: 'recording' },
    h('h2', {}, icon('record'), ' Recording'),
    h('audio', { controls: '', preload: 'none', src: c.recording.url }),
    h('p', { class: 'muted' }, c.recording.validity),
    button('Open in browser', () => open(c.recording!.url), true, 'link-external'));
  return h('article', { class: 'call', 'data-sid': c.sid },
    h('header', {},
      h('h1', {}, icon(c.statusIcon, 'status'), ' ', c.title),
      h('vscode-badge', {}, c.statusLabel)),
    h('p', { class: 'summary', id: 'summary' }, c.summary),
    h('div', { class: 'actions' },
      button('Refresh', () => post({ type: 'action', action: 'refresh' }), false, 'refresh'),
      button('Copy Call SID', () => post({ type: 'action', action: 'copy', value: c.sid }), true, 'copy'),
      c.canCallAgain && button('Call Again', () => post({ type: 'action', action: 'callAgain' }), true, 'call-outgoing')),
    h('section', {}, h('h2', {}, 'Legs'), legs, c.conversation ? h('p', { class: 'muted' }, c.conversation) : undefined),
    recording,
    h('section', {}, h('h2', {}, 'All fields'), fieldTable(c.fields, open)));
}
