// The README's claims that the code also states: the settings table (package.json + package.nls.json) and the
// Calls view's filters (the steps of Filter Calls…). A change to either side without the other fails here.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

describe('the README', () => {
  it('describes every setting as its contributed description and default do', () => {
    const readme = read('README.md');
    const nls = JSON.parse(read('package.nls.json')) as Record<string, string>;
    const properties = (
      JSON.parse(read('package.json')) as { contributes: { configuration: { properties: Record<string, { default: unknown; markdownDescription: string }> } } }
    ).contributes.configuration.properties;
    for (const [key, p] of Object.entries(properties)) {
      const row = readme.split('\n').find(l => l.startsWith(`| \`${key}\` |`));
      assert.ok(row, `${key} has no row in the README's settings table`);
      const [, defaultCell, description] = row.split(' | ').map(c => c.trim());
      assert.strictEqual(defaultCell, `\`${JSON.stringify(p.default)}\``, `${key}: default`);
      // A setting link (`#key#`) in the Settings UI is plain code in the README.
      const expected = nls[p.markdownDescription.replace(/^%|%$/g, '')].replace(/`#([^#`]+)#`/g, '`$1`');
      assert.strictEqual(description.replace(/ ?\|$/, ''), expected, `${key}: description`);
    }
  });

  it('lists every filter that Filter Calls… asks for', () => {
    const steps = [...read('src/features/callLog/filterPrompt.ts').matchAll(/Filter Calls \(\d\/(\d)\): (\w+)/g)];
    assert.strictEqual(steps.length, Number(steps[0][1]), 'every step of the prompt was found');
    const listed = /filters \(([^)]*)\)/.exec(read('README.md').replace(/\s+/g, ' '))?.[1].split(', ') ?? [];
    for (const [, , name] of steps)
      assert.ok(
        listed.some(l => l.startsWith(name)),
        `the README's filter list (${listed.join(', ')}) lacks ${name}`,
      );
  });
});
