// Writes schemas/exotel-tests.schema.json from src/callTests/suiteSchema.ts (which reads the one call-options
// table), so the schema VS Code validates suites with never drifts from the code. Run by esbuild.js on every
// build; `node scripts/write-schema.js` alone works too. A unit test checks the checked-in file is current.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');
const Module = require('module');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'schemas', 'exotel-tests.schema.json');

function loadSchemaModule() {
  const result = esbuild.buildSync({
    entryPoints: [path.join(ROOT, 'src', 'callTests', 'suiteSchema.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
  });
  const m = new Module(OUT);
  m.paths = Module._nodeModulePaths(ROOT);
  m._compile(result.outputFiles[0].text, path.join(ROOT, 'src', 'callTests', 'suiteSchema.js'));
  return m.exports;
}

function schemaText() {
  return `${JSON.stringify(loadSchemaModule().suiteJsonSchema(), null, 2)}\n`;
}

function writeSchema() {
  const text = schemaText();
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  if (!fs.existsSync(OUT) || fs.readFileSync(OUT, 'utf8') !== text) fs.writeFileSync(OUT, text);
  return OUT;
}

module.exports = { writeSchema, schemaText, OUT };
if (require.main === module) console.log(`wrote ${path.relative(ROOT, writeSchema())}`);
