#!/usr/bin/env node
// Copies the UI tests' screenshots that the README shows into docs/screenshots/ (run after `npm test`).
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
  'callStats-call-stats.png': 'call-stats.png',
};
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
