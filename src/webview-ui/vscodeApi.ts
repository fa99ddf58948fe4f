// The page's one handle on the extension, shared by the page scripts (main.ts, stats.ts): a page may acquire it only once.
import { FromWebview, ToWebview } from './protocol';

interface VsCodeApi {
  postMessage(m: FromWebview): void;
  getState(): ToWebview | undefined;
  setState(s: ToWebview): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

export const vscode = acquireVsCodeApi();
/** Tells the extension the page can take messages. */
export const ready = () => vscode.postMessage({ type: 'ready' });
/** Sends one of the page's own messages (typed by its table in messages.ts; the extension checks it again). */
export const send = <M>(message: M) => vscode.postMessage({ type: 'action', message });
