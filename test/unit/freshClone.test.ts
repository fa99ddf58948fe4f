// The README's commands on a fresh clone: npm test installs what is missing before it runs anything, and
// test:unit builds what its tests read. (scripts/check-fresh-clone.js runs them all for real; it is slow.)
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { missingPackages } = require(path.join(ROOT, 'scripts', 'ensure-deps.js')) as { missingPackages(dir?: string): string[] };

describe('a fresh clone', () => {
  it('finds the packages node_modules lacks (nothing installed, or an outdated one); optional ones are not required', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deps-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'package-lock.json'),
        JSON.stringify({
          packages: {
            '': { name: 'x' },
            'node_modules/a': { version: '1.0.0' },
            'node_modules/b': { version: '2.0.0' },
            'node_modules/@esbuild/darwin-arm64': { version: '1.0.0', optional: true },
          },
        }),
      );
      assert.deepStrictEqual(missingPackages(dir), ['a', 'b']);
      fs.mkdirSync(path.join(dir, 'node_modules', 'a'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'node_modules', 'a', 'package.json'), JSON.stringify({ version: '1.0.0' }));
      fs.mkdirSync(path.join(dir, 'node_modules', 'b'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'node_modules', 'b', 'package.json'), JSON.stringify({ version: '1.9.0' }));
      assert.deepStrictEqual(missingPackages(dir), ['b@2.0.0']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('npm test installs what is missing before any npx; test:unit builds dist/ before the tests that read it', () => {
    const runTests = fs.readFileSync(path.join(ROOT, 'scripts', 'run-tests.js'), 'utf8');
    assert.ok(runTests.indexOf('ensureDeps()') > 0 && runTests.indexOf('ensureDeps()') < runTests.indexOf('for (let i = 0; i < stages.length;)'));
    assert.match(runTests, /scripts\/host\/install\.sh/);
    const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    assert.match(scripts['test:unit'], /esbuild\.js.*mocha/);
  });
});
