// The VS Code web components every panel uses (and Lit under them), in a script of their own (dist/webview/
// elements.js) that each page loads before its own: one copy in the VSIX instead of one per page script.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-divider/index.js';
