// The VSIX holds only the bundle, media and docs: `vsce ls` lists what would ship. The VS Code versions it claims.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TOOL_SPECS } from '../../src/agentTools';
import { startMcp } from '../helpers/mcpClient';

const ROOT = path.join(__dirname, '..', '..', '..');
const ALLOWED = [
  /^dist\/(extension|mcp)\.js$/,
  /^dist\/shared\/[\w-]+\.js$/, // what the extension and the MCP server share (scripts/shared-core.js)
  /^dist\/webview\/(elements\.js|main\.js|stats\.js|panel\.css|codicon\.css|codicon\.ttf)$/,
  /^media\/[\w/.-]+\.(svg|png|md)$/,
  /^schemas\/exotel-(tests|flow)\.schema\.json$/,
  /^package\.json$/,
  /^package\.nls\.json$/,
  /^README\.md$/,
  /^CHANGELOG\.md$/,
  /^LICENSE$/,
];

describe('the packaged extension', function () {
  this.timeout(60000);
  let files: string[];
  before(() => {
    files = execFileSync('npx', ['vsce', 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' })
      .trim()
      .split('\n')
      .map(f => f.trim())
      .filter(Boolean);
  });

  it('ships only the bundle, media and docs', () => {
    const stray = files.filter(f => !ALLOWED.some(re => re.test(f)));
    assert.deepStrictEqual(stray, [], `files that should not ship: ${stray.join(', ')}`);
    for (const needed of [
      'dist/extension.js',
      'dist/mcp.js',
      'dist/webview/elements.js',
      'dist/webview/main.js',
      'dist/webview/stats.js',
      'package.json',
      'README.md',
      'LICENSE',
      'media/icon.png',
    ]) {
      assert.ok(files.includes(needed), `${needed} is missing from the package`);
    }
    assert.ok(
      files.some(f => f.startsWith('dist/shared/')),
      'the code the programs share is in the package',
    );
    assert.ok(!files.some(f => f.endsWith('.map') || f.startsWith('src/') || f.startsWith('node_modules/')));
  });

  it('the MCP server starts from the files that ship alone (dist/mcp.js with the shared code it requires) and lists its tools', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exotel-packaged-'));
    try {
      for (const f of files) {
        fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
        fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
      }
      const mcp = await startMcp({ args: [path.join(dir, 'dist', 'mcp.js'), '--sandbox'], cwd: dir });
      try {
        const { tools } = await mcp.client.listTools();
        assert.deepStrictEqual(
          tools.map(t => t.name),
          TOOL_SPECS.map(s => s.name),
        );
      } finally {
        await mcp.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the VS Code versions the extension claims and is tested on', () => {
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
  const oldest = (read('scripts/host/versions.json') as { oldest: string }).oldest; // code-server 4.N.x = VS Code 1.N.x
  const minor = oldest.split('.')[1];

  it('engines.vscode is the oldest VS Code the tests run on', () => {
    assert.strictEqual(read('package.json').engines.vscode, `^1.${minor}.0`);
  });

  it('@types/vscode is that version, so nothing newer is used without a feature check', () => {
    assert.strictEqual(read('package.json').devDependencies['@types/vscode'], `1.${minor}.0`);
    assert.strictEqual(read('node_modules/@types/vscode/package.json').version, `1.${minor}.0`);
  });
});
