// The page's one handle on the extension, shared by the page scripts (main.ts, stats.ts): a page may acquire it only once.
import { FromWebview, ToWebview } from './protocol';

interface VsCodeApi {
  postMessage(m: FromWebview): void;
  getState(): ToWebview | undefined;
  setState(s: ToWebview): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

export const vscode = acquireVsCodeApi();
export const post = (m: FromWebview) => vscode.postMessage(m);
