// dist/extension.js and dist/mcp.js share their common code through dist/shared/ (scripts/shared-core.js): no
// module ships twice. Read from the development build's source maps (`node esbuild.js`, which test:unit runs first),
// which name the sources each output holds.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const DIST = path.join(__dirname, '..', '..', '..', 'dist');

/** The sources an output holds, from its source map, relative to the repository. */
function sourcesOf(file: string): string[] {
  const map = JSON.parse(fs.readFileSync(path.join(DIST, `${file}.map`), 'utf8')) as { sources: string[] };
  return map.sources.map(s =>
    path
      .relative(path.join(DIST, '..'), path.resolve(path.dirname(path.join(DIST, file)), s))
      .split(path.sep)
      .join('/'),
  );
}

describe('the code the extension and the MCP server share (dist/shared/)', () => {
  let chunks: string[];
  before(function () {
    if (!fs.existsSync(path.join(DIST, 'extension.js.map'))) this.skip(); // a production build (npm run package) has no maps
    chunks = fs
      .readdirSync(path.join(DIST, 'shared'))
      .filter(f => f.endsWith('.js'))
      .map(f => `shared/${f}`);
  });

  it('holds the client, the sandbox and libphonenumber, which both programs require from it', () => {
    const shared = chunks.flatMap(sourcesOf);
    for (const m of ['src/exotel/client.ts', 'src/sandbox/index.ts', 'src/agentTools/toolManifest.ts']) assert.ok(shared.includes(m), `${m} is shared`);
    assert.ok(
      shared.some(s => s.startsWith('node_modules/libphonenumber-js/')),
      'libphonenumber is shared',
    );
    for (const program of ['extension.js', 'mcp.js']) {
      const text = fs.readFileSync(path.join(DIST, program), 'utf8');
      assert.ok(
        chunks.some(c => text.includes(`require("./${c}")`)),
        `${program} requires the shared chunk`,
      );
    }
  });

  it('ships each module once: no source is in two outputs', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const output of ['extension.js', 'mcp.js', ...chunks]) {
      for (const s of sourcesOf(output)) {
        if (seen.has(s)) twice.push(`${s} (${seen.get(s)} and ${output})`);
        seen.set(s, output);
      }
    }
    assert.deepStrictEqual(twice, []);
    assert.ok(!sourcesOf('mcp.js').includes('src/exotel/client.ts'), 'the MCP server takes the client from the shared chunk');
  });
});
