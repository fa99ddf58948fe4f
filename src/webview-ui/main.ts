// The page script of the call and number panels. It renders what the extension posts; state survives
// hiding the panel through getState/setState. Its web components come from elements.js, loaded first.
import { renderCall } from './callView';
import { renderCallback } from './callbackView';
import { renderNumber } from './numberView';
import { renderFlowRun } from './flowRunPage';
import { h } from './dom';
import { ToWebview } from './protocol';
import { ready, send, vscode } from './vscodeApi';

const root = document.getElementById('root')!;

function render(msg: ToWebview): void {
  let view: HTMLElement;
  switch (msg.type) {
    case 'call':
      view = renderCall(msg.call, send);
      break;
    case 'number':
      view = renderNumber(msg.number, send);
      break;
    case 'callback':
      view = renderCallback(msg.callback, send);
      break;
    case 'flowRun':
      view = renderFlowRun(msg.run, root, send);
      break;
    case 'loading':
      view = h('p', { class: 'muted' }, msg.message);
      break;
    case 'error':
      view = h('p', { class: 'error', role: 'alert' }, msg.message);
      break;
    default:
      return; // the stats page has its own script (stats.ts)
  }
  root.replaceChildren(view);
  if (msg.type !== 'loading') vscode.setState(msg);
}

window.addEventListener('message', (e: MessageEvent<ToWebview>) => {
  if (e.data && typeof e.data === 'object' && typeof e.data.type === 'string') render(e.data);
});
const saved = vscode.getState();
if (saved) render(saved);
ready();
