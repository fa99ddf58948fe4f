// Writes the JSON Schemas VS Code validates our files with, each generated from its one table so it never drifts
// from the code: schemas/exotel-tests.schema.json from src/callTests/suiteSchema.ts (the call-options table) and
// schemas/exotel-flow.schema.json from src/flows/schema.ts (the applet table). Run by esbuild.js on every build;
// `node scripts/write-schema.js` alone works too. Unit tests check the checked-in files are current.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');
const Module = require('module');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'schemas', 'exotel-tests.schema.json');
const FLOW_OUT = path.join(ROOT, 'schemas', 'exotel-flow.schema.json');

function loadModule(entry, out) {
  const result = esbuild.buildSync({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
    alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
    absWorkingDir: ROOT,
  });
  const m = new Module(out);
  m.paths = Module._nodeModulePaths(ROOT);
  m._compile(result.outputFiles[0].text, path.join(ROOT, entry.replace(/\.ts$/, '.js')));
  return m.exports;
}

function schemaText() {
  return `${JSON.stringify(loadModule('src/callTests/suiteSchema.ts', OUT).suiteJsonSchema(), null, 2)}\n`;
}

function flowSchemaText() {
  return `${JSON.stringify(loadModule('src/flows/schema.ts', FLOW_OUT).flowJsonSchema(), null, 2)}\n`;
}

function write(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text);
  return file;
}

function writeSchema() {
  write(FLOW_OUT, flowSchemaText());
  return write(OUT, schemaText());
}

module.exports = { writeSchema, schemaText, flowSchemaText, OUT, FLOW_OUT };
if (require.main === module) {
  writeSchema();
  console.log(`wrote ${path.relative(ROOT, OUT)} and ${path.relative(ROOT, FLOW_OUT)}`);
}
