import { actionable, button, fieldTable, h, icon, table } from './dom';
import { NumberMessage } from './messages';
import { NumberView } from './protocol';

export function renderNumber(n: NumberView, send: (m: NumberMessage) => void): HTMLElement {
  const x = n.text;
  const open = (value: string) => send({ action: 'openExternal', url: value });
  const calls = n.recentCalls.length
    ? table(
        { class: 'legs' },
        [x.when, x.status, x.direction, x.duration].map(w => h('th', {}, w)),
        n.recentCalls.map(c =>
          actionable(
            h(
              'tr',
              { title: x.showCall },
              h('td', {}, c.when),
              h('td', {}, icon(c.statusIcon), ' ', c.status),
              h('td', {}, c.direction),
              h('td', {}, c.duration),
            ),
            () => send({ action: 'showCall', sid: c.sid }),
          ),
        ),
      )
    : h('p', { class: 'muted' }, x.noCalls);
  return h(
    'article',
    { class: 'number', 'data-number': n.e164 },
    h('header', {}, h('h1', {}, icon('device-mobile'), ' ', n.title)),
    h('section', { class: `dnd dnd-${n.dnd.state.toLowerCase()}` }, h('h2', {}, icon(n.dnd.icon), ' ', x.dnd, ': ', n.dnd.state), h('p', {}, n.dnd.meaning)),
    h(
      'div',
      { class: 'actions' },
      button(x.callNumber, () => send({ action: 'callNumber' }), false, 'call-outgoing'),
      button(x.copyE164, () => send({ action: 'copyNumber' }), true, 'copy'),
      button(x.refresh, () => send({ action: 'refresh' }), true, 'refresh'),
    ),
    n.note ? h('p', { class: 'muted' }, n.note) : undefined,
    h('section', {}, h('h2', {}, x.metadata), fieldTable(n.fields, open)),
    h('section', {}, h('h2', {}, x.recentCalls), calls),
  );
}
