// Entry of the in-host integration suite: the extension host loads this module (extensionTestsPath =
// out/test/integration/index) and awaits run(). Works under both runners:
//   npm run test:host       (offline: code-server + Chromium, scripts/host/run-in-host.js)
//   npm run test:electron   (@vscode/test-electron, needs internet to download VS Code)
// Loads every *.test.js under out/test/integration (recursively); mocha BDD (describe/it).
// Env knobs (reach the extension host): MOCHA_GREP=<pattern>, MOCHA_TIMEOUT=<ms>.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

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
