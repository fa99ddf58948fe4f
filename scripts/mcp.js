#!/usr/bin/env node
// `npm run --silent mcp -- [--sandbox]`: bundles the MCP server (src/mcp) with esbuild in well under a second, then
// runs it in this process. stdout is the MCP protocol's alone: esbuild reports only errors, on stderr.
const esbuild = require('esbuild');
const path = require('path');
const { mcpBuildOptions } = require('./mcp-build');

const out = path.join(__dirname, '..', 'out', 'mcp', 'mcp.js');
esbuild.build({ ...mcpBuildOptions(), outfile: out, sourcemap: true, logLevel: 'error' }).then(
  () => require(out).main(),
  () => {
    process.exitCode = 2; // esbuild has printed why, on stderr
  },
);
