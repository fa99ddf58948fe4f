// Entry of the in-host integration suite: the extension host loads this module (extensionTestsPath =
// out/test/integration/index) and awaits run(). Works under both runners:
//   npm run test:host       (offline: code-server + Chromium, scripts/host/run-in-host.js)
//   npm run test:electron   (@vscode/test-electron, needs internet to download VS Code)
// Loads every *.test.js under out/test/integration (recursively); mocha BDD (describe/it).
// Before each top-level describe, the host is reset (helpers.resetHost): no suite depends on another's leftovers.
// Env knobs (reach the extension host): MOCHA_GREP=<pattern>, MOCHA_TIMEOUT=<ms>.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { resetHost } from './helpers';

function findTests(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      files.push(...findTests(full));
    } else if (entry.name.endsWith('.test.js')) {
      files.push(full);
    }
  }
  return files.sort();
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: Number(process.env.MOCHA_TIMEOUT) || 60000,
    ...(process.env.MOCHA_GREP ? { grep: process.env.MOCHA_GREP } : {}),
  });
  // Each top-level describe starts from the same host: resetHost runs first among its "before all" hooks (it is
  // added as the describe is created, before its body adds its own).
  mocha.suite.on(Mocha.Suite.constants.EVENT_SUITE_ADD_SUITE, (suite: Mocha.Suite) => {
    suite.beforeAll('reset the host (helpers.resetHost)', resetHost);
  });
  for (const file of findTests(__dirname)) {
    mocha.addFile(file);
  }
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(failures => {
        const passed = runner.stats?.passes ?? 0;
        console.log(`${passed} passed, ${failures} failed`);
        if (passed + failures === 0) {
          reject(new Error('no test ran (a MOCHA_GREP that matches nothing?)'));
        } else if (failures > 0) {
          reject(new Error(`${failures} integration test(s) failed`));
        } else {
          resolve();
        }
      });
    } catch (err) {
      // a test file that throws while loading
      console.error(err);
      console.log('0 passed, 1 failed');
      reject(err);
    }
  });
}
