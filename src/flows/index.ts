// The flow simulator's engine: flow files, the applet table, validation, the run model and runFlow.
// Editor-free (no vscode): the sandbox, the extension and the call-test CLI all use it. See README-API.md.
export * from './types';
export * from './applets';
export * from './settings';
export * from './runModel';
export * from './keys';
export * from './diagnostics';
export * from './library';
export * from './schema';
export * from './engine';
