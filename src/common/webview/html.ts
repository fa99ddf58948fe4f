import { randomBytes } from 'crypto';
import * as vscode from 'vscode';

/** Which page a panel shows; Call Stats has its own script (its charts). */
export type PageKind = 'call' | 'number' | 'callback' | 'stats' | 'flowRun';

/** A nonce from a crypto source, fresh for every render. */
function makeNonce(): string {
  return randomBytes(18).toString('base64');
}

/** Webview options: scripts on, resources only from our own bundle and media. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/**
 * The one HTML shell of every panel. It holds no API value: data arrives by postMessage and is set
 * with textContent in the page, so hostile text stays inert. `mediaOrigin` allows one audio origin.
 */
export function buildHtml(webview: vscode.Webview, extensionUri: vscode.Uri, view: PageKind, title: string, mediaOrigin?: string): string {
  const nonce = makeNonce();
  const asset = (f: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', f)).toString();
  const media = mediaOrigin ? ` ${mediaOrigin}` : '';
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    // Call Stats draws its SVG chart into an <img> from a data: URL to save it as PNG; no other page loads data: images.
    `img-src ${webview.cspSource}${view === 'stats' ? ' data:' : ''}`,
    `script-src 'nonce-${nonce}'`,
    `media-src${media || " 'none'"}`,
  ].join('; ');
  const safeTitle = title.replace(/[<>&"']/g, c => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('codicon.css')}" id="vscode-codicon-stylesheet">
<link rel="stylesheet" href="${asset('panel.css')}">
<title>${safeTitle}</title>
</head>
<body data-view="${view}">
<main id="root" aria-live="polite"><p class="muted">Loading…</p></main>
<script nonce="${nonce}" src="${asset('elements.js')}"></script>
<script nonce="${nonce}" src="${asset(view === 'stats' ? 'stats.js' : 'main.js')}"></script>
</body>
</html>`;
}
