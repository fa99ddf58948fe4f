// `npm run bench`: every figure the issues ask for, printed as a table. No assertions, no thresholds:
// these machines are noisy, so compare ratios measured in the same run.
import * as fs from 'fs';
import * as path from 'path';
import { benchCallTests } from './callTests.bench';
import { benchCallbacks } from './callbacks.bench';
import { benchClient } from './client.bench';
import { benchMcp } from './mcp.bench';
import { benchFlowRun } from './flowRun.bench';
import { benchFlows } from './flows.bench';
import { benchPhone } from './phone.bench';
import { benchStats } from './stats.bench';
import { benchTools } from './tools.bench';
import { benchVsix } from './vsix.bench';

const ROOT = path.join(__dirname, '..', '..', '..');

function bundleFigures(): Record<string, string | number> {
  const shared = () => {
    const dir = path.join(ROOT, 'dist', 'shared');
    if (!fs.existsSync(dir)) return 'not built';
    const js = fs.readdirSync(dir).filter(f => f.endsWith('.js'));
    return `${(js.reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0) / 1024).toFixed(1)} KB in ${js.length} file(s)`;
  };
  const size = (f: string) => (fs.existsSync(path.join(ROOT, f)) ? `${(fs.statSync(path.join(ROOT, f)).size / 1024).toFixed(1)} KB` : 'not built');
  return {
    'dist/extension.js': size('dist/extension.js'),
    'dist/shared/ (what the extension and the MCP server share)': shared(),
    'dist/mcp.js': size('dist/mcp.js'),
    'dist/webview/main.js': size('dist/webview/main.js'),
    'dist/webview/stats.js': size('dist/webview/stats.js'),
    'dist/webview/codicon.ttf': size('dist/webview/codicon.ttf'),
  };
}

async function main(): Promise<void> {
  const sections: Array<[string, () => Promise<Record<string, string | number>> | Record<string, string | number>]> = [
    ['client and paging', benchClient],
    ['phone numbers', benchPhone],
    ['call test suite: 50 tests on the sandbox', benchCallTests],
    ['call flows (the flow simulator): 100 runs, the example handler as its own process', benchFlows],
    ['call stats', benchStats],
    ['language-model tools (formatting only)', benchTools],
    ['MCP server (node dist/mcp.js --sandbox over stdio)', benchMcp],
    ['Callbacks view (1,000 deliveries)', benchCallbacks],
    ['flow run panel (50 applets)', benchFlowRun],
    ['bundle (run `npm run package` first for production sizes)', bundleFigures],
    ['VSIX (exotel-vscode.vsix from `npm run package`): total, then each file as stored, largest first', benchVsix],
  ];
  const optional = path.join(__dirname, 'numbers.bench.js');
  if (fs.existsSync(optional)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const m = require(optional) as Record<string, () => Promise<Record<string, string | number>>>;
    const fn = Object.values(m).find(v => typeof v === 'function');
    if (fn) sections.push(['hover', fn]);
  }
  for (const [name, run] of sections) {
    console.log(`\n## ${name}`);
    const figures = await run();
    for (const [k, v] of Object.entries(figures)) console.log(`  ${k}: ${v}`);
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
