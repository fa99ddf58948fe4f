// Bundles the extension (Node, CommonJS, `vscode` external) and the webview scripts (browser) into dist/.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');
const { writeSchema } = require('./scripts/write-schema');
const { mcpBuildOptions } = require('./scripts/mcp-build');
const { copyCodicons, writeCodicons } = require('./scripts/codicons');
const { buildSharedPrograms } = require('./scripts/shared-core');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints errors in a form the `$esbuild-watch` problem matcher understands. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd(result => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/** The page stylesheet ships inside dist/ (the codicons too: scripts/codicons.js), never served from node_modules. */
function copyWebviewAssets() {
  const out = path.join(__dirname, 'dist', 'webview');
  fs.mkdirSync(out, { recursive: true });
  fs.copyFileSync(path.join(__dirname, 'src', 'webview-ui', 'panel.css'), path.join(out, 'panel.css'));
}

async function main() {
  fs.rmSync(path.join(__dirname, 'dist'), { recursive: true, force: true }); // no stale maps or files ship
  const common = {
    absWorkingDir: __dirname,
    bundle: true,
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'silent',
    plugins: [problemMatcher],
  };
  // The two Node programs: the extension, and the MCP server that agents run with `node dist/mcp.js [--sandbox]`.
  // node18: the README's promise for the MCP server.
  const node = { platform: 'node', format: 'cjs', target: 'node18', legalComments: 'none' };
  const mcp = mcpBuildOptions();
  const extensionAlias = { 'whatwg-url': './scripts/shims/whatwg-url.js', 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' }; // jsonc-parser's UMD build hides its requires from bundlers
  const programs = [
    { ...common, ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], alias: extensionAlias },
    { ...common, ...mcp, ...node, outfile: 'dist/mcp.js', plugins: [...common.plugins, ...mcp.plugins] },
  ];
  // Built once, what both programs use ships once, in dist/shared/ (scripts/shared-core.js). While watching, each
  // program is bundled whole (esbuild's watch has no second pass).
  const entries = watch ? [...programs] : [];
  const shared = watch
    ? undefined
    : buildSharedPrograms({
        absWorkingDir: __dirname,
        outdir: path.join(__dirname, 'dist'),
        entryPoints: { extension: 'src/extension.ts', mcp: mcp.entryPoints[0] },
        options: { ...common, ...node, external: ['vscode'], alias: { ...extensionAlias, ...mcp.alias }, define: mcp.define, plugins: programs[1].plugins },
      });
  // The page scripts: the web components in elements.js, which every page loads before its own script; Call Stats
  // has its own (its SVG charts), so their code loads only in that panel.
  for (const page of ['elements', 'main', 'stats']) {
    entries.push({
      ...common,
      entryPoints: [`src/webview-ui/${page}.ts`],
      outfile: `dist/webview/${page}.js`,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
    });
  }
  copyWebviewAssets();
  // The icon font cut to the icons the sources name; while watching, whole (an icon may be added meanwhile).
  const codicons = watch ? copyCodicons(path.join(__dirname, 'dist', 'webview')) : writeCodicons(path.join(__dirname, 'dist', 'webview'));
  writeSchema(); // schemas/exotel-tests.schema.json, from the one call-options table
  const contexts = await Promise.all(entries.map(e => esbuild.context(e)));
  if (watch) {
    await Promise.all(contexts.map(c => c.watch()));
  } else {
    await Promise.all([codicons, shared, ...contexts.map(c => c.rebuild())]);
    await Promise.all(contexts.map(c => c.dispose()));
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
