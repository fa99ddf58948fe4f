// The VSIX holds only the bundle, media and docs: `vsce ls` lists what would ship.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..', '..');
const ALLOWED = [
  /^dist\/(extension|mcp)\.js$/,
  /^dist\/webview\/(main\.js|stats\.js|panel\.css|codicon\.css|codicon\.ttf)$/,
  /^media\/[\w/.-]+\.(svg|png|md)$/,
  /^schemas\/exotel-tests\.schema\.json$/,
  /^package\.json$/,
  /^package\.nls\.json$/,
  /^README\.md$/,
  /^CHANGELOG\.md$/,
  /^LICENSE$/,
];

describe('the packaged extension', function () {
  this.timeout(60000);

  it('ships only the bundle, media and docs', () => {
    const files = execFileSync('npx', ['vsce', 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' })
      .trim()
      .split('\n')
      .map(f => f.trim())
      .filter(Boolean);
    const stray = files.filter(f => !ALLOWED.some(re => re.test(f)));
    assert.deepStrictEqual(stray, [], `files that should not ship: ${stray.join(', ')}`);
    for (const needed of [
      'dist/extension.js',
      'dist/mcp.js',
      'dist/webview/main.js',
      'dist/webview/stats.js',
      'package.json',
      'README.md',
      'LICENSE',
      'media/icon.png',
    ]) {
      assert.ok(files.includes(needed), `${needed} is missing from the package`);
    }
    assert.ok(!files.some(f => f.endsWith('.map') || f.startsWith('src/') || f.startsWith('node_modules/')));
  });
});
