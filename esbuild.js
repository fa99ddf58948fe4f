// Bundles the extension (Node, CommonJS, `vscode` external) and the webview scripts (browser) into dist/.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');
const { writeSchema } = require('./scripts/write-schema');
const { mcpBuildOptions } = require('./scripts/mcp-build');

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

/** Codicons' CSS and font ship inside dist/, never served from node_modules. */
function copyWebviewAssets() {
  const out = path.join(__dirname, 'dist', 'webview');
  fs.mkdirSync(out, { recursive: true });
  for (const f of ['codicon.css', 'codicon.ttf']) {
    fs.copyFileSync(path.join(__dirname, 'node_modules', '@vscode', 'codicons', 'dist', f), path.join(out, f));
  }
  fs.copyFileSync(path.join(__dirname, 'src', 'webview-ui', 'panel.css'), path.join(out, 'panel.css'));
}

async function main() {
  fs.rmSync(path.join(__dirname, 'dist'), { recursive: true, force: true }); // no stale maps or files ship
  const common = { bundle: true, minify: production, sourcemap: !production, sourcesContent: false, logLevel: 'silent', plugins: [problemMatcher] };
  const entries = [
    {
      ...common,
      entryPoints: ['src/extension.ts'],
      outfile: 'dist/extension.js',
      platform: 'node',
      format: 'cjs',
      target: 'node18',
      external: ['vscode'],
      alias: { 'whatwg-url': './scripts/shims/whatwg-url.js', 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' }, // jsonc-parser's UMD build hides its requires from bundlers
    },
  ];
  // The MCP server (src/mcp): its own Node program, run by agents with `node dist/mcp.js [--sandbox]`.
  entries.push({ ...common, ...mcpBuildOptions(), outfile: 'dist/mcp.js', plugins: [...common.plugins, ...mcpBuildOptions().plugins] });
  const webviewEntry = 'src/webview-ui/main.ts';
  if (fs.existsSync(webviewEntry)) {
    entries.push({ ...common, entryPoints: [webviewEntry], outfile: 'dist/webview/main.js', platform: 'browser', format: 'iife', target: 'es2022' });
  }
  // Call Stats has its own page script, so Chart.js loads only in that panel.
  entries.push({
    ...common,
    entryPoints: ['src/webview-ui/stats.ts'],
    outfile: 'dist/webview/stats.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  });
  copyWebviewAssets();
  writeSchema(); // schemas/exotel-tests.schema.json, from the one call-options table
  const contexts = await Promise.all(entries.map(e => esbuild.context(e)));
  if (watch) {
    await Promise.all(contexts.map(c => c.watch()));
  } else {
    await Promise.all(contexts.map(c => c.rebuild()));
    await Promise.all(contexts.map(c => c.dispose()));
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
