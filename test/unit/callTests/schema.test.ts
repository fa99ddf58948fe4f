import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CALL_OPTIONS, callOptionsJsonSchema } from '../../../src/exotel/callOptions';
import { FINAL_STATUSES } from '../../../src/exotel/models';
import { suiteJsonSchema } from '../../../src/callTests/suiteSchema';

const ROOT = path.resolve(__dirname, '../../../..');

describe('call tests: the suite schema', () => {
  it('the checked-in schemas/exotel-tests.schema.json is exactly what the generator writes', () => {
    const onDisk = fs.readFileSync(path.join(ROOT, 'schemas', 'exotel-tests.schema.json'), 'utf8');
    assert.strictEqual(onDisk, `${JSON.stringify(suiteJsonSchema(), null, 2)}\n`, 'run `node scripts/write-schema.js` (npm run build does)');
  });

  it('takes its call options from the one options table, limits included', () => {
    const schema = suiteJsonSchema() as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    const testOptions = schema.properties.tests.items.properties.options;
    const { description: _d, ...rest } = testOptions;
    assert.deepStrictEqual(rest, callOptionsJsonSchema(false));
    assert.deepStrictEqual(
      Object.keys(testOptions.properties),
      CALL_OPTIONS.map(o => o.key),
    );
    const timeLimit = CALL_OPTIONS.find(o => o.key === 'timeLimit')!;
    assert.strictEqual(testOptions.properties.timeLimit.maximum, timeLimit.max);
    assert.deepStrictEqual(schema.properties.tests.items.properties.expect.properties.status.anyOf[0].enum, [...FINAL_STATUSES]);
  });

  it('is contributed for *.exotel-tests.json and shipped in the VSIX', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepStrictEqual(pkg.contributes.jsonValidation, [
      { fileMatch: '*.exotel-tests.json', url: './schemas/exotel-tests.schema.json' },
      { fileMatch: '*.exotel-flow.json', url: './schemas/exotel-flow.schema.json' },
    ]);
    assert.ok(fs.existsSync(path.join(ROOT, 'schemas', 'exotel-flow.schema.json')), 'the flow schema is written by the build');
    assert.match(fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8'), /^!schemas\/\*\*$/m);
  });
});
