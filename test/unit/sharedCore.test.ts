// dist/extension.js and dist/mcp.js share dist/core.js (scripts/shared-core.js): no module ships twice, and every
// module a program takes from the core is there. Read from the development build (`node esbuild.js`, which
// test:unit runs first), where esbuild marks each module with a `// path` line.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const DIST = path.join(__dirname, '..', '..', '..', 'dist');

/** The modules a bundle holds, from esbuild's `// path` lines; modules taken from the core are `shared-core:path`. */
function modulesOf(file: string): string[] {
  const text = fs.readFileSync(path.join(DIST, file), 'utf8');
  return [...text.matchAll(/^\/\/ (\S+)$/gm)].map(m => m[1]).filter(m => !m.endsWith('.map') && !m.startsWith('#'));
}

describe('the shared core (dist/core.js)', () => {
  before(function () {
    if (!/^\/\/ src\/extension\.ts$/m.test(fs.readFileSync(path.join(DIST, 'extension.js'), 'utf8'))) this.skip(); // minified: `npm run package` built it
  });

  it('holds each module once: the extension and the MCP server bundle none of what the core holds', () => {
    const core = new Set(modulesOf('core.js'));
    assert.ok(core.has('src/exotel/client.ts') && core.has('src/sandbox/index.ts'), 'the client and the sandbox are in the core');
    assert.ok(
      [...core].some(m => m.includes('node_modules/libphonenumber-js/')),
      'libphonenumber is in the core',
    );
    for (const program of ['extension.js', 'mcp.js']) {
      const twice = modulesOf(program).filter(m => core.has(m));
      assert.deepStrictEqual(twice, [], `${program} bundles modules the core already holds`);
    }
    const mcp = new Set(modulesOf('mcp.js'));
    const both = modulesOf('extension.js').filter(m => !m.startsWith('shared-core:') && mcp.has(m));
    assert.deepStrictEqual(both, [], 'modules both programs bundle belong in the core');
  });

  it('exposes every module the programs take from it, each the same object for every importer', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const core = require(path.join(DIST, 'core.js')) as Record<string, unknown>;
    const taken = new Set(
      [...modulesOf('extension.js'), ...modulesOf('mcp.js')].filter(m => m.startsWith('shared-core:')).map(m => m.slice('shared-core:'.length)),
    );
    assert.ok(taken.size > 10, `the programs take ${taken.size} modules from the core`);
    for (const m of taken) {
      assert.ok(m in core, `${m} is not in dist/core.js`);
      assert.strictEqual(core[m], core[m], `${m} is one instance`);
    }
    assert.strictEqual(typeof (core['src/exotel/index.ts'] as { ExotelClient?: unknown }).ExotelClient, 'function');
  });
});
