// The webviews' icon font is cut to the icons the sources name (scripts/codicons.js). An icon a page is given must
// keep its glyph and its CSS rule: read from the built font's own character map (`node esbuild.js`, run by test:unit).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RESULT_STYLES } from '../../src/callbacks/rows';
import { statusStyle } from '../../src/common/callText/callFormat';
import { dndIcon } from '../../src/features/numbers/numberText';

const ROOT = path.join(__dirname, '..', '..', '..');
const WEBVIEW = path.join(ROOT, 'dist', 'webview');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const codicons = require(path.join(ROOT, 'scripts', 'codicons.js')) as {
  codiconPoints(): Map<string, number>;
  usedCodicons(points?: Map<string, number>, dir?: string): string[];
};

/** The code points a TrueType font maps (its cmap's format 4 or 12 subtable). */
function fontCodePoints(font: Buffer): Set<number> {
  const tables = font.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < tables; i++) if (font.toString('latin1', 12 + i * 16, 16 + i * 16) === 'cmap') cmap = font.readUInt32BE(20 + i * 16);
  assert.ok(cmap >= 0, 'the font has a cmap table');
  const points = new Set<number>();
  for (let i = 0; i < font.readUInt16BE(cmap + 2); i++) {
    const sub = cmap + font.readUInt32BE(cmap + 8 + i * 8);
    const format = font.readUInt16BE(sub);
    if (format === 12) {
      for (let g = 0; g < font.readUInt32BE(sub + 12); g++) {
        const at = sub + 16 + g * 12;
        for (let c = font.readUInt32BE(at); c <= font.readUInt32BE(at + 4); c++) points.add(c);
      }
    } else if (format === 4) {
      const segs = font.readUInt16BE(sub + 6) / 2;
      for (let s = 0; s < segs; s++) {
        const end = font.readUInt16BE(sub + 14 + s * 2);
        const start = font.readUInt16BE(sub + 16 + segs * 2 + s * 2);
        if (start !== 0xffff) for (let c = start; c <= end; c++) points.add(c);
      }
    }
  }
  return points;
}

describe('the codicons the webviews ship', () => {
  const points = codicons.codiconPoints();
  const shipped = fontCodePoints(fs.readFileSync(path.join(WEBVIEW, 'codicon.ttf')));
  const css = fs.readFileSync(path.join(WEBVIEW, 'codicon.css'), 'utf8');
  const bare = (icon: string) => icon.replace(/~\w+$/, '');

  it('every icon a page is given has its glyph in the font and its rule in the CSS', () => {
    const given = [
      ...Object.values(RESULT_STYLES).map(s => s.icon),
      ...['queued', 'ringing', 'in-progress', 'completed', 'busy', 'no-answer', 'failed', 'canceled', 'something new'].map(s => statusStyle(s).icon),
      ...['Yes', 'No', undefined].map(dndIcon),
      'loading~spin',
      'refresh',
      'file-media',
    ].map(bare);
    for (const icon of given) {
      assert.ok(points.has(icon), `${icon} is a codicon`);
      assert.ok(shipped.has(points.get(icon)!), `the font has no glyph for ${icon}`);
      assert.ok(css.includes(`.codicon-${icon}:before`), `codicon.css has no rule for ${icon}`);
    }
  });

  it('is cut to what the sources name: far fewer glyphs than the whole font, and no rule without its glyph', () => {
    const used = codicons.usedCodicons();
    assert.ok(used.length > 20 && used.length < points.size / 4, `${used.length} of ${points.size} icons`);
    const rules = [...css.matchAll(/\.codicon-([a-z0-9-]+):before/g)].map(m => m[1]);
    assert.deepStrictEqual(
      rules.filter(r => !shipped.has(points.get(r)!)),
      [],
    );
    assert.deepStrictEqual([...new Set(rules)].sort(), used);
    assert.match(css, /@font-face[^}]*codicon\.ttf\?[0-9a-f]{32}/, 'the font face keeps its cache-busting version');
    assert.match(css, /\.codicon-modifier-spin/, 'the modifier rules stay');
  });

  it('reads names written as strings, with a modifier, as theme icons and as classes; not other words', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codicons-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'a.ts'),
        "const a = { icon: 'pass-filled' }; const b = \"sync~spin\"; const c = `$(beaker) Sandbox`; const d = 'not-an-icon'; // zap\n",
      );
      fs.writeFileSync(path.join(dir, 'b.css'), '.codicon-table { color: red }\n');
      assert.deepStrictEqual(codicons.usedCodicons(points, dir), ['beaker', 'pass-filled', 'sync', 'table']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
