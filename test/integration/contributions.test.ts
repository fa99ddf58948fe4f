// Every contributed command is registered, every registered exotel.* command is contributed (or hidden
// on purpose), and every id lives in the exotel.* namespace.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, EXTENSION_ID } from './helpers';

interface Manifest {
  contributes: {
    commands: Array<{ command: string; category?: string }>;
    menus: { commandPalette: Array<{ command: string; when?: string }> };
    configuration: { properties: Record<string, unknown> };
    views: Record<string, Array<{ id: string }>>;
  };
}

// Commands VS Code itself registers for our view: they are not ours to contribute.
const GENERATED = /^exotel\.(calls|callbacks|flowRuns)\.(focus|resetViewLocation|toggleVisibility|removeView|open)$/;

describe('contributions', () => {
  let manifest: Manifest;
  before(async () => {
    await api();
    manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as Manifest;
  });

  it('every contributed command is registered', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest.contributes.commands.map(c => c.command).filter(c => !registered.has(c));
    assert.deepStrictEqual(missing, []);
  });

  it('every registered exotel.* command is contributed', async () => {
    const contributed = new Set(manifest.contributes.commands.map(c => c.command));
    const ours = (await vscode.commands.getCommands(true)).filter(c => c.startsWith('exotel.') && !GENERATED.test(c));
    assert.deepStrictEqual(
      ours.filter(c => !contributed.has(c)),
      [],
    );
  });

  it('palette commands carry the Exotel category; the others are hidden on purpose', () => {
    const hidden = new Set(manifest.contributes.menus.commandPalette.filter(m => m.when === 'false').map(m => m.command));
    const stray = manifest.contributes.commands.filter(c => !hidden.has(c.command) && c.category !== 'Exotel').map(c => c.command);
    assert.deepStrictEqual(stray, []);
  });

  it('every id is in the exotel namespace', () => {
    const ids = [
      ...manifest.contributes.commands.map(c => c.command),
      ...Object.keys(manifest.contributes.configuration.properties),
      ...Object.values(manifest.contributes.views)
        .flat()
        .map(v => v.id),
    ];
    assert.deepStrictEqual(
      ids.filter(id => !id.startsWith('exotel.')),
      [],
    );
  });
});
