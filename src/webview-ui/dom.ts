// A tiny DOM builder. Text always goes in as text nodes, never as HTML, so API values cannot inject markup; bidi and
// control characters in it are shown as `[U+202E]`, so they cannot reorder what is read either.
import { displayText } from '../common/untrustedText';

type Child = Node | string | undefined | false;

export function h(tag: string, attrs: Record<string, string | undefined> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, displayText(v));
  for (const c of children) {
    if (c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(displayText(c, true)) : c);
  }
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The SVG twin of `h`: attributes and text nodes only, never markup (the charts of Call Stats are built with it). */
export function s(tag: string, attrs: Record<string, string | number | undefined> = {}, ...children: Child[]): SVGElement {
  const el = document.createElementNS(SVG_NS, tag) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, displayText(String(v)));
  for (const c of children) {
    if (c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(displayText(c, true)) : c);
  }
  return el;
}

export function icon(name: string, extra = ''): HTMLElement {
  const [id, modifier] = name.split('~');
  return h('span', { class: `codicon codicon-${id}${modifier ? ` codicon-modifier-${modifier}` : ''} ${extra}`.trim(), 'aria-hidden': 'true' });
}

export function button(label: string, onClick: () => void, secondary = false, iconName?: string): HTMLElement {
  const b = h('vscode-button', secondary ? { secondary: '' } : {}, iconName ? icon(iconName) : undefined, iconName ? ' ' : undefined, label);
  b.addEventListener('click', onClick);
  return b;
}

export function fieldTable(rows: Array<{ label: string; value: string; link?: boolean }>, onLink: (value: string) => void): HTMLElement {
  return h(
    'table',
    { class: 'fields' },
    h(
      'tbody',
      {},
      ...rows.map(r => {
        const value = r.link ? linkTo(r.value, onLink) : h('span', {}, r.value);
        return h('tr', {}, h('th', { scope: 'row' }, r.label), h('td', {}, value));
      }),
    ),
  );
}

/** Links ask the extension to open the URL: the webview itself never navigates. */
function linkTo(url: string, onLink: (value: string) => void): HTMLElement {
  const a = h('a', { href: '#', title: url }, url);
  a.addEventListener('click', e => {
    e.preventDefault();
    onLink(url);
  });
  return a;
}

/** A table with one header row over the given rows. */
export function table(attrs: Record<string, string | undefined>, head: HTMLElement[], rows: HTMLElement[]): HTMLElement {
  return h('table', attrs, h('thead', {}, h('tr', {}, ...head)), h('tbody', {}, ...rows));
}

/** Makes an element act on a click and on Enter (it takes tabindex 0, so a keyboard user reaches it). */
export function actionable(el: HTMLElement, act: () => void): HTMLElement {
  el.setAttribute('tabindex', '0');
  el.classList.add('clickable');
  el.addEventListener('click', act);
  el.addEventListener('keydown', e => {
    if (e.key === 'Enter') act();
  });
  return el;
}
