// Smoke test: the extension loads and activates in a real VS Code extension host.
import { COMMANDS } from '../../src/common/commandIds';
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';

describe('smoke: extension in a real VS Code extension host', () => {
  it('runs in a real VS Code', () => {
    assert.ok(vscode.version.length > 0, 'vscode.version is empty');
    console.log(
      `  (VS Code ${vscode.version}, ${vscode.env.appName}, uiKind=${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'}, ` +
        `remoteName=${vscode.env.remoteName ?? '-'}, node ${process.version})`,
    );
  });

  it(`finds ${EXTENSION_ID}`, () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} is not loaded`);
  });

  it('activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });

  it('registers exotel.showLog', async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate(); // activation waits for a file to be opened: activate explicitly
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(COMMANDS.showLog), 'command exotel.showLog is not registered');
  });
});
