// The extension (dist/extension.js) and the MCP server (dist/mcp.js) share most of their code: the client, the
// sandbox, flows, phone numbers, the agent tools and their npm packages. Bundled apart, the VSIX carried all of it
// twice. Here esbuild bundles both entry points in one build with code splitting, so what both use goes to one
// shared chunk (dist/shared/), with only the exports they use, and each module still runs once, in import order.
// Splitting needs ES modules; VS Code loads an extension with require(), so a second pass turns each output into
// CommonJS, keeping the chunks as relative require()s (and chaining the source maps). The sources stay as they are.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const SHARED_DIR = 'shared';

/**
 * Builds `entryPoints` ({ name: source }) into `outdir` as CommonJS programs that require their shared chunks.
 * `options` are the programs' esbuild options (platform node, alias, define, plugins, minify, sourcemap…).
 */
async function buildSharedPrograms({ entryPoints, outdir, absWorkingDir, options }) {
  const esm = fs.mkdtempSync(path.join(require('os').tmpdir(), 'exotel-esm-'));
  try {
    await esbuild.build({
      ...options,
      absWorkingDir,
      entryPoints,
      outdir: esm,
      bundle: true,
      format: 'esm',
      splitting: true,
      chunkNames: `${SHARED_DIR}/[name]-[hash]`,
      sourcesContent: false,
    });
    const outputs = listJs(esm);
    await Promise.all(
      outputs.map(rel =>
        esbuild.build({
          absWorkingDir,
          entryPoints: [path.join(esm, rel)],
          outfile: path.join(outdir, rel),
          bundle: true,
          format: 'cjs',
          platform: 'node',
          target: options.target,
          minify: options.minify,
          sourcemap: options.sourcemap,
          sourcesContent: false,
          legalComments: options.legalComments,
          external: ['vscode', './*'], // the chunks stay files of their own, found next to the program
          supported: { 'dynamic-import': false }, // a lazily imported chunk is require()d too, as VS Code loads code
          logLevel: 'silent',
        }),
      ),
    );
    return outputs;
  } finally {
    fs.rmSync(esm, { recursive: true, force: true });
  }
}

function listJs(dir, prefix = '') {
  return fs.readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap(e => {
    const rel = path.posix.join(prefix, e.name);
    return e.isDirectory() ? listJs(dir, rel) : e.name.endsWith('.js') ? [rel] : [];
  });
}

module.exports = { SHARED_DIR, buildSharedPrograms };
