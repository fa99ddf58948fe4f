// The flow run panel in the page: builds the DOM from flowRunNode's tree, keeps which requests are open across the
// updates of a live run, and turns clicks (buttons with data-action, keypad keys, graph boxes) into messages.
import { flowRunNode, KEYPAD } from './flowRunView';
import { FlowRunMessage } from './messages';
import { FlowRunView } from './protocol';
import { toDom } from './vnode';

const open = new Set<string>();
let wired = false;

/** Renders a run; `details` the user opened stay open when the run updates. */
export function renderFlowRun(run: FlowRunView, root: HTMLElement, post: (m: FlowRunMessage) => void): HTMLElement {
  if (!wired) wire(root, post);
  const typed = (document.getElementById('keys') as HTMLInputElement | null)?.value;
  const el = toDom(flowRunNode(run)) as HTMLElement;
  el.querySelectorAll<HTMLDetailsElement>('details[id]').forEach(d => {
    if (open.has(d.id)) d.open = true;
  });
  const keys = el.querySelector<HTMLInputElement>('#keys');
  if (keys && typed) keys.value = typed;
  return el;
}

function wire(root: HTMLElement, post: (m: FlowRunMessage) => void): void {
  wired = true;
  root.addEventListener(
    'toggle',
    e => {
      const d = e.target as HTMLDetailsElement;
      if (!d.id) return;
      if (d.open) open.add(d.id);
      else open.delete(d.id);
    },
    true,
  );
  const keysInput = () => document.getElementById('keys') as HTMLInputElement | null;
  const send = (keys: string) => post({ action: 'pressKeys', keys });
  root.addEventListener('click', e => {
    const target = e.target as Element;
    const key = target.closest('[data-key]');
    if (key) {
      const input = keysInput();
      if (input) {
        input.value += key.getAttribute('data-key') ?? '';
        input.focus();
      }
      return;
    }
    const button = target.closest('[data-action]');
    if (button) {
      const action = button.getAttribute('data-action');
      const value = button.getAttribute('data-value');
      if (action === 'pressKeys') send(value ?? keysInput()?.value ?? '');
      else if ((action === 'resendRequest' || action === 'copyCurlRequest') && value !== null) post({ action, request: value });
      else if (action === 'openFlow') post({ action });
      return;
    }
    const box = target.closest('[data-step]');
    if (box) showStep(box.getAttribute('data-step'));
  });
  root.addEventListener('keydown', e => {
    const target = e.target as Element;
    if (target.id === 'keys') {
      if (e.key === 'Enter') send((target as HTMLInputElement).value);
      else if (e.key.length === 1 && !KEYPAD.includes(e.key) && !e.ctrlKey && !e.metaKey) e.preventDefault(); // keys a phone has, only
      return;
    }
    if ((e.key === 'Enter' || e.key === ' ') && target.closest('[data-step]')) {
      e.preventDefault();
      showStep(target.closest('[data-step]')!.getAttribute('data-step'));
    }
  });
}

/** A click on a box of the graph: its step in the timeline, scrolled to and marked for a moment. */
function showStep(step: string | null): void {
  const li = step ? document.getElementById(`step-${step}`) : null;
  if (!li) return;
  li.scrollIntoView({ behavior: 'smooth', block: 'center' });
  li.classList.add('flash');
  setTimeout(() => li.classList.remove('flash'), 1200);
  const first = li.querySelector<HTMLDetailsElement>('details.request');
  if (first && !first.open) first.open = true;
}
