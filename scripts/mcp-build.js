// How the MCP server (src/mcp/main.ts) is bundled: by esbuild.js into dist/mcp.js (shipped in the VSIX) and by
// scripts/mcp.js (`npm run mcp`) into out/mcp/. One Node program with no dependency left to install.
const path = require('path');

const ROOT = path.join(__dirname, '..');

/** The MCP SDK's Ajv validator is replaced by a stub: the server passes its own (see scripts/shims/ajv-provider.js). */
const sdkWithoutAjv = {
  name: 'sdk-without-ajv',
  setup(build) {
    build.onResolve({ filter: /\/validation\/ajv-provider\.js$/ }, args =>
      args.importer.includes(`${path.sep}@modelcontextprotocol${path.sep}`) ? { path: path.join(ROOT, 'scripts', 'shims', 'ajv-provider.js') } : undefined,
    );
  },
};

function mcpBuildOptions() {
  return {
    entryPoints: [path.join(ROOT, 'src', 'mcp', 'main.ts')],
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    define: { EXOTEL_VERSION: JSON.stringify(require('../package.json').version) },
    plugins: [sdkWithoutAjv],
  };
}

module.exports = { mcpBuildOptions };
