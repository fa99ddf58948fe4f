// Bidi and control characters from API text are made visible, so they cannot reorder or hide what is read.
import * as assert from 'assert';
import { escapeMarkdown } from '../../../src/common/markdown';
import { displayText, outputLine } from '../../../src/common/untrustedText';

const HIDDEN = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/; // eslint-disable-line no-control-regex

describe('text from outside, cleaned for display', () => {
  it('a right-to-left override in a number is shown, not obeyed', () => {
    const spoofed = '+91 98765 \u202E01234\u202C';
    const shown = displayText(spoofed);
    assert.ok(!HIDDEN.test(shown), JSON.stringify(shown));
    assert.strictEqual(shown, '+91 98765 [U+202E]01234[U+202C]');
  });

  it('every bidi embedding, override, isolate and mark, and control characters', () => {
    const all = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C\u0000\u0007\u001B\u007F\u0085';
    const shown = displayText(`a${all}b`);
    assert.ok(!HIDDEN.test(shown), JSON.stringify(shown));
    assert.strictEqual((shown.match(/\[U\+[0-9A-F]{4}\]/g) ?? []).length, [...all].length);
  });

  it('keeps line breaks only when asked; leaves ordinary text (Hindi included) as it is', () => {
    assert.strictEqual(displayText('a\r\nb\tc\u2028d'), 'a b c d');
    assert.strictEqual(displayText('a\r\nb\tc', true), 'a\nb\tc');
    assert.strictEqual(displayText('कॉल पूरी हुई · +91 98765 43210'), 'कॉल पूरी हुई · +91 98765 43210');
  });

  it('Markdown (hovers, tooltips) gets the same cleaning', () => {
    assert.ok(!HIDDEN.test(escapeMarkdown('Airtel \u202Eetats\u202C')));
  });

  it('the Output log shows them as the rest of the UI does, after cleaning, keeping line breaks', () => {
    const line = outputLine('Call to \u202E0123\u202C busy\u0007\nat stack', t => t.replace('busy', 'BUSY'));
    assert.strictEqual(line, 'Call to [U+202E]0123[U+202C] BUSY[U+0007]\nat stack');
  });
});
