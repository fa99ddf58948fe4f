// The Callbacks core: what was delivered and answered, a local receiver/inspecting proxy, resend and formats.
// Editor-free: never import 'vscode' here.
export * from './delivery';
export * from './formats';
export * from './mask';
export * from './payload';
export * from './receiver';
export * from './rows';
export * from './store';
