// How the MCP server (src/mcp/main.ts) is bundled: by esbuild.js into dist/mcp.js (shipped in the VSIX) and by
// scripts/mcp.js (`npm run mcp`) into out/mcp/. One Node program with no dependency left to install.
const path = require('path');

const ROOT = path.join(__dirname, '..');

function mcpBuildOptions() {
  return {
    entryPoints: [path.join(ROOT, 'src', 'mcp', 'main.ts')],
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    define: { EXOTEL_VERSION: JSON.stringify(require('../package.json').version) },
    // jsonc-parser's UMD build hides its requires from bundlers (the flow files the sandbox reads need it)
    alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
    plugins: [],
  };
}

module.exports = { mcpBuildOptions };
