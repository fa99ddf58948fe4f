// A description of markup as plain data, made by pure functions: the page turns it into DOM nodes (text always as text
// nodes, attributes set one by one), and Node turns it into an escaped string (the bench, the unit tests). So the flow
// run panel's rendering is measured and tested without a browser, and no value ever reaches an HTML parser.
import { displayText } from '../common/untrustedText';

export interface VNode {
  tag: string;
  attrs: Record<string, string>;
  children: VChild[];
}
export type VChild = VNode | string;

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An element; attributes that are undefined or false are left out, children that are undefined or false too. */
export function v(
  tag: string,
  attrs: Record<string, string | number | undefined | false> = {},
  ...children: Array<VChild | undefined | false | VChild[]>
): VNode {
  const a: Record<string, string> = {};
  for (const [k, val] of Object.entries(attrs)) if (val !== undefined && val !== false) a[k] = String(val);
  const c: VChild[] = [];
  for (const child of children) {
    if (child === undefined || child === false) continue;
    if (Array.isArray(child)) c.push(...child);
    else c.push(child);
  }
  return { tag, attrs: a, children: c };
}

/** Builds the DOM for a node; SVG elements (inside an `svg`) get the SVG namespace. Text is made displayable first. */
export function toDom(node: VChild, inSvg = false): Node {
  if (typeof node === 'string') return document.createTextNode(displayText(node, true));
  const svg = inSvg || node.tag === 'svg';
  const el = svg ? document.createElementNS(SVG_NS, node.tag) : document.createElement(node.tag);
  for (const [k, val] of Object.entries(node.attrs)) el.setAttribute(k, displayText(val));
  for (const c of node.children) el.appendChild(toDom(c, svg));
  return el;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML or SVG, in content and in quoted attribute values. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, c => ESCAPES[c]);
}

/** Serialises a node as markup, every text and attribute value escaped (what toDom would build). */
export function toMarkup(node: VChild): string {
  if (typeof node === 'string') return escapeMarkup(displayText(node, true));
  const attrs = Object.entries(node.attrs)
    .map(([k, val]) => ` ${k}="${escapeMarkup(displayText(val))}"`)
    .join('');
  return `<${node.tag}${attrs}>${node.children.map(toMarkup).join('')}</${node.tag}>`;
}
