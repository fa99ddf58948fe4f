import { COMMANDS } from '../../../src/common/commandIds';
import * as assert from 'assert';
import type { NumberMetadata } from '../../../src/exotel';
import { commandUri, escapeMarkdown, HOVER_COMMANDS, hoverMarkdown } from '../../../src/features/numbers/hoverMarkdown';
import { plain, useTranslator } from '../../../src/common/callText/translate';
import { DAY_MS } from '../../../src/exotel';
import { parsePhone, PhoneNumberInfo } from '../../../src/phone';

function info(text: string): PhoneNumberInfo {
  const p = parsePhone(text);
  assert.ok(p.ok, `${text} does not parse`);
  return p.number;
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/** True when every ASCII punctuation character is backslash-escaped (so Markdown reads it as a literal). */
function allEscaped(md: string): boolean {
  for (let i = 0; i < md.length; i++) {
    if (md[i] === '\\') {
      if (!ASCII_PUNCTUATION.test(md[i + 1] ?? '')) return false;
      i++;
    } else if (ASCII_PUNCTUATION.test(md[i])) {
      return false;
    }
  }
  return true;
}

/** The Markdown with every escaped pair blanked out: what is left is what Markdown interprets. */
const raw = (md: string) => md.replace(/\\[!-/:-@[-`{-~]/g, '\u0000');

const unescape = (md: string) => md.replace(/\\([!-/:-@[-`{-~])/g, '$1');

const DELHI: NumberMetadata = {
  phoneNumber: '09876543210',
  circle: 'DL',
  circleName: 'Delhi Metro Telecom Circle (includes NCR & Noida)',
  type: 'Mobile',
  operator: 'V',
  operatorName: 'Vodafone',
  dnd: 'No',
};
const HOSTILE = '<img src=x onerror=alert(1)>[x](command:exotel.signOut)';

describe('numbers: hover Markdown', () => {
  describe('escapeMarkdown', () => {
    for (const text of [
      HOSTILE,
      '**bold** _it_ `code` # h',
      '| a | b |',
      '&lt;b&gt; &amp;',
      '1. list',
      '- item',
      '> quote',
      'a\\b',
      '![img](http://x/y.png)',
      'https://evil.example/x',
      'www.evil.example',
    ]) {
      it(`escapes every meta-character of ${JSON.stringify(text)} and keeps the text`, () => {
        const md = escapeMarkdown(text);
        assert.ok(allEscaped(md), md);
        assert.strictEqual(unescape(md), text);
      });
    }

    it('escapes HTML, links and command URIs exactly', () => {
      assert.strictEqual(escapeMarkdown(HOSTILE), '\\<img src\\=x onerror\\=alert\\(1\\)\\>\\[x\\]\\(command\\:exotel\\.signOut\\)');
    });

    it('keeps a theme icon literal the way the editor expects ($ after an escaped backslash)', () => {
      // \\ → "\" and \$\( → "$(" after Markdown, leaving "\$(zap)": the editor shows that as the text "$(zap)".
      assert.strictEqual(escapeMarkdown('$(zap) go'), '\\\\\\$\\(zap\\) go');
      assert.strictEqual(escapeMarkdown('$(sync~spin)'), '\\\\\\$\\(sync\\~spin\\)');
      assert.strictEqual(escapeMarkdown('cost $5 (approx)'), 'cost \\$5 \\(approx\\)');
    });

    it('turns newlines and runs of whitespace into one space (no new Markdown block can start)', () => {
      assert.strictEqual(escapeMarkdown('a\n\n# b\r\n\tc\u2028d'), 'a \\# b c d');
    });
  });

  describe('commandUri', () => {
    it('encodes JSON arguments so no character can close the link', () => {
      const uri = commandUri(COMMANDS.numbersLookUpInHover, [{ number: '+919876543210', uri: "file:///a (1)/it's*!.txt" }]);
      assert.ok(!/[()'!* \]]/.test(uri), uri);
      const args = JSON.parse(decodeURIComponent(uri.slice('command:exotel.numbers.lookUpInHover?'.length)));
      assert.deepStrictEqual(args, [{ number: '+919876543210', uri: "file:///a (1)/it's*!.txt" }]);
    });
  });

  describe('hoverMarkdown', () => {
    const n = info('+919876543210');
    const callLink = '[$(call-outgoing) Call this number](command:exotel.connectCall?%5B%7B%22to%22%3A%22%2B919876543210%22%7D%5D)';
    const detailsLink = '[$(info) Open number details](command:exotel.lookUpNumber?%5B%22%2B919876543210%22%5D)';
    const copyLink = '[$(copy) Copy E\\.164](command:exotel.numbers.copy?%5B%22%2B919876543210%22%5D)';

    it('shows the number, the metadata, DND with its meaning and the three command links', () => {
      const md = hoverMarkdown({ number: n, meta: DELHI, age: 2 * 3_600_000 });
      assert.deepStrictEqual(md.split('\n\n'), [
        '$(device-mobile) **\\+91 98765 43210** — Indian mobile number',
        'E\\.164: \\+919876543210 · National: 098765 43210',
        'Circle: DL · Delhi Metro Telecom Circle \\(includes NCR \\& Noida\\)  \nOperator: V · Vodafone  \nType: Mobile',
        '$(pass) **DND: No** — Not on the DND register\\: it can be called\\.',
        "_From Exotel\\'s Number Metadata API\\, 2 h ago\\._",
        [callLink, detailsLink, copyLink].join(' · '),
      ]);
    });

    it('marks DND Yes with a warning and says when Exotel blocks the call', () => {
      const md = hoverMarkdown({ number: n, meta: { ...DELHI, dnd: 'Yes' } });
      assert.ok(
        md.includes(
          '$(warning) **DND: Yes** — On the DND register\\: Exotel blocks calls to it unless the call is transactional and the number called your ExoPhone in the last 6 months\\, or the number is whitelisted for your account\\.',
        ),
        md,
      );
    });

    it('says a DND flag is old and offers to look again', () => {
      const md = hoverMarkdown({ number: n, meta: DELHI, age: 2 * DAY_MS, dndStale: true, lookup: { number: n.e164 } });
      assert.ok(md.includes('**DND: No** \\(checked 2 days ago\\; it may have changed\\) — '), md);
      assert.ok(
        md.includes('[$(search) Look up again with Exotel](command:exotel.numbers.lookUpInHover?%5B%7B%22number%22%3A%22%2B919876543210%22%7D%5D)'),
        md,
      );
    });

    it('without metadata: what the number parses to and the one-number lookup link, no DND', () => {
      const md = hoverMarkdown({ number: n, lookup: { number: n.e164, uri: 'untitled:Untitled-1', line: 3, character: 7 } });
      assert.ok(!md.includes('DND:'), md);
      const args = encodeURIComponent(JSON.stringify([{ number: '+919876543210', uri: 'untitled:Untitled-1', line: 3, character: 7 }]));
      assert.ok(md.includes(`[$(search) Look up with Exotel](command:exotel.numbers.lookUpInHover?${args})`), md);
    });

    it('a failed lookup is one line in the hover', () => {
      const md = hoverMarkdown({ number: n, problem: 'Exotel lookup failed: Exotel did not accept the API key (401).' });
      assert.ok(md.includes('$(error) Exotel lookup failed\\: Exotel did not accept the API key \\(401\\)\\.'), md);
    });

    it('numbers Exotel does not cover get a note and no lookup link', () => {
      for (const other of [info('+44 20 7183 8750'), info('1800 123 4567')]) {
        const md = hoverMarkdown({ number: other, lookup: { number: other.e164 } });
        assert.ok(md.includes("_Exotel\\'s number metadata covers Indian mobile and landline numbers only\\._"), md);
        assert.ok(!md.includes('lookUpInHover'), md);
      }
    });

    it('renders hostile metadata as text: no HTML, no foreign link, no icon from the API', () => {
      const meta: NumberMetadata = {
        phoneNumber: HOSTILE,
        circle: '$(zap)',
        circleName: HOSTILE,
        type: '**Mobile**',
        operator: '[a](https://evil.example)',
        operatorName: '`x`',
        dnd: '<b>Yes</b>',
      };
      const md = hoverMarkdown({ number: n, meta });
      assert.ok(md.includes('\\<img src\\=x'), md);
      for (const live of ['<', '>', '](https', '(command:exotel.signOut', '$(zap)', '**Mobile', '`x`'])
        assert.ok(!raw(md).includes(live), `${live} is live in ${md}`);
      assert.ok(md.includes(`Circle: \\\\\\$\\(zap\\) · ${escapeMarkdown(HOSTILE)}`), md);
      // The only links are ours, to the trusted commands.
      const targets = [...md.matchAll(/\]\((command:[^?)]+)/g)].map(m => m[1].slice('command:'.length));
      assert.deepStrictEqual(targets, [COMMANDS.connectCall, COMMANDS.lookUpNumber, COMMANDS.numbersCopy]);
      assert.ok(targets.every(t => (HOVER_COMMANDS as readonly string[]).includes(t)));
      // An unknown DND value is shown (escaped) and explained as unknown.
      assert.ok(md.includes('$(question) **DND: \\<b\\>Yes\\<\\/b\\>** — Exotel did not say'), md);
    });

    it('passes every user string through the translator', () => {
      const seen: string[] = [];
      useTranslator((m, ...args) => {
        seen.push(m);
        return plain(m, ...args);
      });
      try {
        hoverMarkdown({ number: n, meta: DELHI, age: 0, lookup: { number: n.e164 } });
      } finally {
        useTranslator(plain);
      }
      for (const s of [
        'Call this number',
        'Open number details (asks Exotel)',
        'Copy E.164',
        'Look up again with Exotel',
        'Circle',
        'DND',
        '{0} mobile number',
      ]) {
        assert.ok(seen.includes(s), `${s} was not translated`);
      }
    });
  });
});
