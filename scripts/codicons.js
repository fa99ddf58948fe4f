// The webviews' icon font, cut down to the icons our code names. The whole codicon font is ~650 glyphs (123 KB);
// the panels show a few dozen. Which ones is read from the sources themselves, so there is no list to keep: every
// name in src/ written as a string ('pass-filled', 'sync~spin'), a theme icon ('$(search)') or a class
// ('codicon-table') that is a codicon keeps its glyph and its CSS rule. Words that happen to be icon names too
// ('error', 'key') keep a glyph for nothing; an icon name built at run time from pieces would lose its glyph, so
// names are written whole (a unit test checks every icon table against the font).
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const CODICONS = path.join(ROOT, 'node_modules', '@vscode', 'codicons', 'dist');

/** Every codicon name with its code point, from the package's CSS (`.codicon-add:before { content: "\ea60" }`). */
function codiconPoints(cssText = fs.readFileSync(path.join(CODICONS, 'codicon.css'), 'utf8')) {
  return new Map([...cssText.matchAll(/\.codicon-([a-z0-9-]+):before\s*\{\s*content:\s*"\\([0-9a-f]+)"\s*\}/g)].map(m => [m[1], parseInt(m[2], 16)]));
}

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.(ts|css)$/.test(e.name) ? [p] : [];
  });
}

/** The codicon names the sources mention, sorted. */
function usedCodicons(points = codiconPoints(), dir = path.join(ROOT, 'src')) {
  const used = new Set();
  for (const file of sourceFiles(dir)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:['"`]|\$\(|codicon-)([a-z0-9-]+)(?:~[a-z]+)?(?=['"`)]|[^a-z0-9~-])/g)) {
      if (points.has(m[1])) used.add(m[1]);
    }
  }
  return [...used].sort();
}

/** codicon.css with the glyph rules of the used icons only; the font face, base and modifier rules stay. */
function trimCss(cssText, used, fontVersion) {
  const keep = new Set(used);
  return cssText
    .replace(/^\.codicon-([a-z0-9-]+):before\s*\{[^}]*\}\n/gm, (rule, name) => (keep.has(name) ? rule : ''))
    .replace(/codicon\.ttf\?[0-9a-f]+/, `codicon.ttf?${fontVersion}`);
}

/** Writes codicon.ttf (the used glyphs) and codicon.css (their rules) into `outDir`. */
async function writeCodicons(outDir) {
  const subsetFont = require('subset-font'); // harfbuzz's hb-subset (wasm): a build-time tool, never shipped
  const cssText = fs.readFileSync(path.join(CODICONS, 'codicon.css'), 'utf8');
  const points = codiconPoints(cssText);
  const used = usedCodicons(points);
  const text = String.fromCodePoint(...new Set(used.map(n => points.get(n))));
  const font = await subsetFont(fs.readFileSync(path.join(CODICONS, 'codicon.ttf')), text, { targetFormat: 'truetype' });
  const version = crypto.createHash('sha256').update(font).digest('hex').slice(0, 32); // a new font is fetched anew
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'codicon.ttf'), font);
  fs.writeFileSync(path.join(outDir, 'codicon.css'), trimCss(cssText, used, version));
  return used;
}

/** The whole font and CSS, as the package ships them (watch mode: any icon may be added while it runs). */
function copyCodicons(outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  for (const f of ['codicon.css', 'codicon.ttf']) fs.copyFileSync(path.join(CODICONS, f), path.join(outDir, f));
}

module.exports = { codiconPoints, usedCodicons, trimCss, writeCodicons, copyCodicons };
