#!/usr/bin/env node
// Copies the UI tests' screenshots that the README shows into docs/screenshots/ (taking them first when missing).
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const from = path.join(root, 'artifacts', 'screenshots');
const to = path.join(root, 'docs', 'screenshots');
const picks = {
  'userJourney-palette-connect-call.png': 'connect-call.png',
  'userJourney-call-log-with-placed-call.png': 'call-log.png',
  'userJourney-call-details.png': 'call-details.png',
  'userJourney-number-hover.png': 'number-hover.png',
  'userJourney-number-panel.png': 'number-panel.png',
  'signInAndCalls-welcome-signed-out.png': 'welcome.png',
  'callTests-test-explorer.png': 'test-explorer.png',
  'callbacks-view.png': 'callbacks-view.png',
  'callbacks-panel.png': 'callback-panel.png',
  'callStats-call-stats.png': 'call-stats.png',
  'flows-run-panel.png': 'flow-run.png',
  'flows-keypad.png': 'flow-keypad.png',
  'flows-run-request.png': 'flow-request.png',
};
// On its own (a fresh clone): the screenshots come from the UI tiers, so run them first when any is missing.
if (Object.keys(picks).some(src => !fs.existsSync(path.join(from, src)))) {
  console.log('screenshots missing: running the UI tests that take them (node scripts/run-tests.js e2e vsix)…');
  require('child_process').spawnSync('node', [path.join(__dirname, 'run-tests.js'), 'e2e', 'vsix'], { cwd: root, stdio: 'inherit' });
}
fs.mkdirSync(to, { recursive: true });
for (const [src, dest] of Object.entries(picks)) {
  const file = path.join(from, src);
  if (!fs.existsSync(file)) {
    console.error(`missing ${src}: run npm test first`);
    process.exitCode = 1;
    continue;
  }
  fs.copyFileSync(file, path.join(to, dest));
  console.log(`${src} → docs/screenshots/${dest}`);
}
