// One applet table: the types, the JSON Schema on disk, the README's applet list and assumptions all follow it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { APPLET_TYPES, APPLETS, FLOW_ASSUMPTIONS, flowJsonSchema } from '../../../src/flows';

const ROOT = path.resolve(__dirname, '../../../..');

describe('flows: the applet table', () => {
  it('the checked-in schemas/exotel-flow.schema.json is exactly what the generator writes', () => {
    const onDisk = fs.readFileSync(path.join(ROOT, 'schemas', 'exotel-flow.schema.json'), 'utf8');
    assert.strictEqual(onDisk, `${JSON.stringify(flowJsonSchema(), null, 2)}\n`, 'run `node scripts/write-schema.js` (npm run build does)');
  });

  it("has one row per applet type, and the schema checks each type's settings and branches", () => {
    assert.deepStrictEqual(
      APPLETS.map(a => a.type),
      [...APPLET_TYPES],
    );
    const schema = flowJsonSchema() as {
      properties: { applets: { additionalProperties: { allOf: Array<{ then: { properties: Record<string, unknown> } }> } } };
    };
    const perType = schema.properties.applets.additionalProperties.allOf;
    APPLETS.forEach((a, i) => {
      const props = Object.keys(perType[i].then.properties);
      for (const s of a.settings) assert.ok(props.includes(s.key), `${a.type}.${s.key}`);
      assert.strictEqual(props.includes('next'), a.branches.length > 0, a.type);
    });
  });

  it('the README names every applet and lists every assumption', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    for (const a of APPLETS) assert.ok(readme.includes(`**${a.title}** (\`${a.type}\`)`), a.type);
    for (const line of FLOW_ASSUMPTIONS) assert.ok(readme.includes(line), `README lacks the assumption: ${line}`);
  });
});
