import * as assert from 'assert';
import { checkedSetting } from '../../../src/common/settingSpecs';
import { entryFilter, excludeSelector, HOVER_SCHEMES, hoverSelector } from '../../../src/features/numbers/hoverSettings';

describe('numbers: hover settings', () => {
  it('reads a bare word as a language id and anything glob-like as a pattern', () => {
    assert.deepStrictEqual(entryFilter('json'), { language: 'json' });
    assert.deepStrictEqual(entryFilter(' plaintext '), { language: 'plaintext' });
    assert.deepStrictEqual(entryFilter('*.csv'), { pattern: '**/*.csv' });
    assert.deepStrictEqual(entryFilter('package.json'), { pattern: '**/package.json' });
    assert.deepStrictEqual(entryFilter('**/logs/**'), { pattern: '**/logs/**' });
    assert.deepStrictEqual(entryFilter('src/*.{ts,js}'), { pattern: 'src/*.{ts,js}' });
    assert.strictEqual(entryFilter('  '), undefined);
  });

  it('registers for the default schemes when nothing is included', () => {
    assert.deepStrictEqual(
      hoverSelector([]),
      HOVER_SCHEMES.map(scheme => ({ scheme })),
    );
    assert.deepStrictEqual(
      hoverSelector(undefined),
      HOVER_SCHEMES.map(scheme => ({ scheme })),
    );
    assert.ok(HOVER_SCHEMES.includes('file') && HOVER_SCHEMES.includes('untitled'));
    assert.ok(!(HOVER_SCHEMES as readonly string[]).includes('output'), 'the Output panel is not a place to send numbers from');
  });

  it('narrows the schemes to the included languages and patterns', () => {
    const sel = hoverSelector(['json', '*.csv', 42]);
    assert.strictEqual(sel.length, HOVER_SCHEMES.length * 2);
    assert.deepStrictEqual(sel.slice(0, 2), [
      { language: 'json', scheme: 'file' },
      { pattern: '**/*.csv', scheme: 'file' },
    ]);
  });

  it('ignores exclude entries that are not strings', () => {
    assert.deepStrictEqual(excludeSelector(['markdown', null, '', '*.log']), [{ language: 'markdown' }, { pattern: '**/*.log' }]);
    assert.deepStrictEqual(excludeSelector('markdown'), []);
  });

  it('reads the lookup mode, asking for anything unknown', () => {
    assert.deepStrictEqual(
      ['auto', 'onClick', 'off', 'ask', 'always', undefined].map(v => checkedSetting('hover.lookup', v)),
      ['auto', 'onClick', 'off', 'ask', 'ask', 'ask'],
    );
  });
});
