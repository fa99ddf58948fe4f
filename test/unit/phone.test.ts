import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parsePhoneNumberFromString } from 'libphonenumber-js/core';
import maxMetadata from 'libphonenumber-js/max/metadata';
import { findPhoneNumbers, parsePhone, type PhoneKind, type PhoneNumberInfo } from '../../src/phone';
import { indianNumberType } from '../../src/phone/india-type';
import { INDIA_MAX_METADATA } from '../../src/phone/metadata-in';
import { metadata } from '../../src/phone/metadata';

type Valid = { e164: string; kind: PhoneKind; national?: string; country?: string };
type Invalid = { reason: string };
type ParseCase = [input: string, expected: Valid | Invalid, defaultCountry?: string];

const mobile = (e164: string, national?: string): Valid => ({ e164, kind: 'mobile', national, country: 'IN' });
const landline = (e164: string, national?: string): Valid => ({ e164, kind: 'landline', national, country: 'IN' });
const tollfree = (e164: string, national?: string): Valid => ({ e164, kind: 'tollfree', national, country: 'IN' });
const fails = (reason: string): Invalid => ({ reason });

const PARSE_CASES: ParseCase[] = [
  // Indian mobiles in every written form
  ['+919876543210', mobile('+919876543210', '098765 43210')],
  ['919876543210', mobile('+919876543210')],
  ['09052161119', mobile('+919052161119', '090521 61119')],
  ['9876543210', mobile('+919876543210')],
  ['98765 43210', mobile('+919876543210')],
  ['98765-43210', mobile('+919876543210')],
  ['0 98765 43210', mobile('+919876543210')],
  ['+91 98765 43210', mobile('+919876543210')],
  ['+91 9876543210', mobile('+919876543210')],
  ['+91-98765-43210', mobile('+919876543210')],
  ['+91 (0) 98765 43210', mobile('+919876543210')],
  ['(+91) 98765 43210', mobile('+919876543210')],
  ['0091 98765 43210', mobile('+919876543210')],
  ['91 98765 43210', mobile('+919876543210')],
  ['  9876543210  ', mobile('+919876543210')],
  ['\t+919876543210\n', mobile('+919876543210')],
  ['098765.43210', mobile('+919876543210')],
  ['tel:+919876543210', mobile('+919876543210')],
  ['+917800000000', mobile('+917800000000', '078000 00000')],
  ['+919890000000', mobile('+919890000000')],
  ['6000000000', mobile('+916000000000')],
  ['7000012345', mobile('+917000012345')],
  ['98765 43210', mobile('+919876543210'), 'in'],
  // Indian landlines: STD code + number
  ['08030752400', landline('+918030752400', '080 3075 2400')],
  ['080-3075-2400', landline('+918030752400')],
  ['(080) 3075 2400', landline('+918030752400')],
  ['080 3075 2400', landline('+918030752400')],
  ['080.3075.2400', landline('+918030752400')],
  ['080/3075/2400', landline('+918030752400')],
  ['8030752400', landline('+918030752400')],
  ['+91 80 3075 2400', landline('+918030752400')],
  ['+91 080 3075 2400', landline('+918030752400')],
  ['011 2345 6789', landline('+911123456789', '011 2345 6789')],
  ['022 2659 1234', landline('+912226591234')],
  ['044 2345 6789', landline('+914423456789')],
  ['033 2345 6789', landline('+913323456789')],
  ['040 2345 6789', landline('+914023456789')],
  ['0471 234 5678', landline('+914712345678', '0471 234 5678')],
  // Indian toll-free (1800) and 1860 numbers
  ['1800 123 4567', tollfree('+9118001234567', '1800 123 4567')],
  ['18001234567', tollfree('+9118001234567')],
  ['1800-123-4567', tollfree('+9118001234567')],
  ['+91 1800 123 4567', tollfree('+9118001234567')],
  ['1860 500 1234', tollfree('+9118605001234', '1860 500 1234')],
  ['18602677777', tollfree('+9118602677777')],
  // Other countries, in E.164 or with a default country
  ['+14155550123', { e164: '+14155550123', kind: 'other', national: '(415) 555-0123', country: 'US' }],
  ['+1 (415) 555-0123', { e164: '+14155550123', kind: 'other', country: 'US' }],
  ['+1 800 555 0199', { e164: '+18005550199', kind: 'tollfree', country: 'US' }],
  ['+60327712799', { e164: '+60327712799', kind: 'other', national: '03-2771 2799', country: 'MY' }],
  ['+442071838750', { e164: '+442071838750', kind: 'landline', national: '020 7183 8750', country: 'GB' }],
  ['+44 (0)20 7183 8750', { e164: '+442071838750', kind: 'landline', country: 'GB' }],
  ['00442071838750', { e164: '+442071838750', kind: 'landline', country: 'GB' }],
  ['+65 6123 4567', { e164: '+6561234567', kind: 'other', country: 'SG' }],
  ['+880 1712 345678', { e164: '+8801712345678', kind: 'other', country: 'BD' }],
  ['020 7183 8750', { e164: '+442071838750', kind: 'landline', country: 'GB' }, 'GB'],
  ['(415) 555-0123', { e164: '+14155550123', kind: 'other', country: 'US' }, 'US'],
  // Rejections, each with a reason the user can act on
  ['', fails('Enter a phone number, e.g. +91 98765 43210, 98765 43210 or 080 3075 2400.')],
  ['   ', fails('Enter a phone number')],
  ['abc', fails('“abc” contains letters (“abc”)')],
  ['call me', fails('contains letters (“callme”)')],
  ['1-800-FLOWERS', fails('contains letters (“FLOWERS”)')],
  ['12345', fails('“12345” is too short to be a phone number: Indian mobiles have 10 digits (e.g. 98765 43210).')],
  ['987654', fails('“987654” is too short to be a phone number')],
  ['0', fails('“0” is too short')],
  ['+91 12345', fails('“+91 12345” is too short')],
  ['98765432101234567', fails('“98765432101234567” is too long to be an Indian phone number')],
  ['987654321012345678901', fails('is too long to be an Indian phone number')],
  ['1700000000', fails("“1700000000” isn't a valid Indian number: mobiles start with 6, 7, 8 or 9")],
  ['5000000000', fails("“5000000000” isn't a valid Indian number: mobiles start with 6, 7, 8 or 9")],
  ['040 1234 5678', fails('no landline range (STD code + exchange) matches it')],
  ['98765432101', fails("“98765432101” isn't a valid Indian number: mobiles are 10 digits starting 6–9")],
  ['0123456789', fails("“0123456789” isn't a valid Indian number")],
  ['0XXXXX30240', fails("“0XXXXX30240” is masked (5 digits are hidden), so it can't be dialled: use the full number.")],
  ['0XXXXXX4890', fails('is masked (6 digits are hidden)')],
  ['98765X3210', fails('is masked (1 digit is hidden)')],
  ['98765*****', fails('is masked (5 digits are hidden)')],
  ['98765 43210 ext 12', fails("has an extension, which Exotel can't dial")],
  ['98765#43210', fails("contains “#”, which can't be part of a phone number")],
  ['98+76543210', fails('has a + in the wrong place')],
  ['+91 98765 +43210', fails('has a + in the wrong place')],
  ['+999 1234567', fails("doesn't start with a known country calling code")],
  ['+44 2071', fails('“+44 2071” is too short for a United Kingdom (+44) number')],
  ['+1 415 555 01234567', fails('is too long for a United States (+1) number')],
  ['+', fails('“+” has no digits')],
  ['---', fails('has no digits')],
  ['9876543210', fails('“ZZ” is not a country code we know'), 'ZZ'],
];

describe('phone: parsePhone', () => {
  for (const [input, expected, country] of PARSE_CASES) {
    it(`${JSON.stringify(input)}${country ? ` (${country})` : ''} → ${'reason' in expected ? 'rejected' : expected.e164}`, () => {
      const result = parsePhone(input, country);
      if ('reason' in expected) {
        assert.strictEqual(result.ok, false, `accepted: ${JSON.stringify(result)}`);
        if (!result.ok) assert.ok(result.reason.includes(expected.reason), `reason was: ${result.reason}`);
        return;
      }
      assert.ok(result.ok, result.ok ? '' : result.reason);
      if (!result.ok) return;
      const n = result.number;
      assert.strictEqual(n.e164, expected.e164);
      assert.strictEqual(n.exotel, expected.e164);
      assert.strictEqual(n.kind, expected.kind);
      assert.strictEqual(n.country, expected.country);
      assert.strictEqual(n.isIndian, expected.country === 'IN');
      if (expected.national) assert.strictEqual(n.national, expected.national);
    });
  }

  it('returns every field of PhoneNumberInfo, as plain data', () => {
    const result = parsePhone('080-3075-2400');
    assert.ok(result.ok);
    const expected: PhoneNumberInfo = {
      e164: '+918030752400',
      national: '080 3075 2400',
      exotel: '+918030752400',
      international: '+91 80 3075 2400',
      country: 'IN',
      kind: 'landline',
      isIndian: true,
    };
    assert.deepStrictEqual({ ...result.number }, expected);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(result.number)), expected);
  });

  it('carries the form for Exotel (E.164) and for display (international)', () => {
    const result = parsePhone('09052161119');
    assert.ok(result.ok);
    assert.strictEqual(result.number.exotel, '+919052161119');
    assert.strictEqual(result.number.international, '+91 90521 61119');
    const tollFree = parsePhone('1800 123 4567');
    assert.ok(tollFree.ok);
    assert.strictEqual(tollFree.number.exotel, '+9118001234567');
    assert.strictEqual(tollFree.number.international, '+91 1800 123 4567');
  });

  it('defaults to India', () => {
    const plain = parsePhone('9876543210');
    assert.deepStrictEqual(plain, parsePhone('9876543210', 'IN'));
    assert.ok(plain.ok);
    assert.strictEqual(plain.number.country, 'IN');
    // Another default country is honoured: a national US number is read as American.
    const us = parsePhone('(415) 555-0123', 'US');
    assert.ok(us.ok, JSON.stringify(us));
    assert.strictEqual(us.number.country, 'US');
    assert.strictEqual(us.number.e164, '+14155550123');
  });
});

type Found = [text: string, e164: string, start?: number];
type FindCase = [line: string, expected: Found[]];

const EXOTEL_CALL =
  '{"Call":{"Sid":"40ccc7656e1a3eb66c6cb2be57d1142k","ParentCallSid":null,"DateCreated":"2020-02-20 18:42:19",' +
  '"To":"+919890000000","From":"+917800000000","PhoneNumberSid":"+60327712799","Status":"in-progress","Price":"1.500"}}';

const FIND_CASES: FindCase[] = [
  // Numbers in JSON, CSV, code, logs and prose
  ['{"To":"+919890000000"}', [['+919890000000', '+919890000000']]],
  [
    EXOTEL_CALL,
    [
      ['+919890000000', '+919890000000'],
      ['+917800000000', '+917800000000'],
      ['+60327712799', '+60327712799'],
    ],
  ],
  ['1234,09052161119,Completed,2024-01-15', [['09052161119', '+919052161119']]],
  ["const to = '9876543210';", [['9876543210', '+919876543210']]],
  ['[2024-01-15 18:42:19] INFO dialling 080-3075-2400 from 192.168.10.254', [['080-3075-2400', '+918030752400']]],
  [
    'Call (080) 3075 2400 or 1800 123 4567.',
    [
      ['(080) 3075 2400', '+918030752400'],
      ['1800 123 4567', '+9118001234567'],
    ],
  ],
  [
    'Mobile: +91 98765 43210, landline: 080 3075 2400',
    [
      ['+91 98765 43210', '+919876543210'],
      ['080 3075 2400', '+918030752400'],
    ],
  ],
  [
    '9876543210 9123456789',
    [
      ['9876543210', '+919876543210'],
      ['9123456789', '+919123456789'],
    ],
  ],
  [
    '98765 43210 98123 45678',
    [
      ['98765 43210', '+919876543210'],
      ['98123 45678', '+919812345678'],
    ],
  ],
  [
    '9876543210/9123456789',
    [
      ['9876543210', '+919876543210'],
      ['9123456789', '+919123456789'],
    ],
  ],
  ['call(9876543210)', [['9876543210', '+919876543210']]],
  ['(9876543210)', [['9876543210', '+919876543210']]],
  ['<a href="tel:+919876543210">', [['+919876543210', '+919876543210']]],
  ['GET /v1/Accounts/exotel/Numbers/09052161119.json', [['09052161119', '+919052161119']]],
  [
    'UK office +44 20 7183 8750, US +1 415 555 0123',
    [
      ['+44 20 7183 8750', '+442071838750'],
      ['+1 415 555 0123', '+14155550123'],
    ],
  ],
  ['Sid 40ccc7656e1a3eb66c6cb2be57d1142k to 09052161119', [['09052161119', '+919052161119']]],
  ['x9876543210y 9876543210', [['9876543210', '+919876543210', 13]]],
  ['Toll-free 18001234567 today', [['18001234567', '+9118001234567']]],
  ['To:9876543210', [['9876543210', '+919876543210']]],
  ['Please dial 9876543210.', [['9876543210', '+919876543210']]],
  ['919876543210', [['919876543210', '+919876543210']]],
  ['+91-98765-43210;', [['+91-98765-43210', '+919876543210']]],
  ['"PhoneNumberSid": "+60327712799"', [['+60327712799', '+60327712799']]],
  ['    from: "08030752400", // Bengaluru ExoPhone', [['08030752400', '+918030752400']]],
  ['2024-01-15 9876543210', [['9876543210', '+919876543210']]],
  ['मोबाइल 9876543210 पर', [['9876543210', '+919876543210']]],
  ['Consumer helpline 1800 11 4000', [['1800 11 4000', '+911800114000']]],
  ['Board: 0 80 3075 2400', [['0 80 3075 2400', '+918030752400']]],
  // Look-alikes: nothing to find
  ['2024-01-15', []],
  ['15/01/2024', []],
  ['20240115', []],
  ['18:42:19', []],
  ['2020-02-20 18:42:19', []],
  ['"DateCreated":"2020-02-20 15" 2020-02-20 15/01/2024', []],
  ['40ccc7656e1a3eb66c6cb2be57d1142k', []],
  ['b6cfaf5b0b3d4d0c1b6e2a1e9f5a1234', []],
  ['1.500 ₹ 2,345.00 $12.30', []],
  ['₹ 9876543210 and $9876543210', []],
  ['1.95.0 v20.20.2 4.100.3', []],
  ['192.168.10.254 10.0.0.1', []],
  ['12345678901234567890', []],
  ['123e4567-e89b-12d3-a456-426614174000', []],
  ['123e4567-e89b-12d3-a456-919876543210', []],
  ['9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', []],
  ['1700000000 1700000000123', []],
  ['1800000000', []], // a 2027 Unix time, though 1800 + 6 digits is a possible toll-free number
  ['8030752400', []], // a bare landline without its 0 is as likely an id
  ['80 3075 2400 and 12345 67890', []], // so is a grouped one: numeric data columns look like this
  ['0XXXXXX4890 0XXXXX30240', []],
  ['order 98765432109876 id=98765432101', []],
  ['19876543210123', []],
  ['ab-9876543210 9876543210-abc 9876543210.5', []],
  ['0x9876543210 user_9876543210 9876543210@example.com', []],
  ['if (retries > 3) { await sleep(30000); }', []],
];

describe('phone: findPhoneNumbers', () => {
  for (const [line, expected] of FIND_CASES) {
    it(`${JSON.stringify(line.length > 60 ? `${line.slice(0, 57)}...` : line)} → ${expected.length} number(s)`, () => {
      let from = 0;
      const want = expected.map(([text, e164, start]) => {
        const at = start ?? line.indexOf(text, from);
        from = at + text.length;
        return { start: at, end: at + text.length, text, e164 };
      });
      const got = findPhoneNumbers(line).map(m => ({ start: m.start, end: m.end, text: m.text, e164: m.number.e164 }));
      assert.deepStrictEqual(got, want);
    });
  }

  it('gives the same info as parsePhone for what it finds', () => {
    const [match] = findPhoneNumbers('ring (080) 3075 2400 now');
    const parsed = parsePhone('(080) 3075 2400');
    assert.ok(parsed.ok);
    assert.deepStrictEqual({ ...match.number }, { ...parsed.number });
  });

  it('finds only + numbers when the default country is unknown', () => {
    assert.deepStrictEqual(
      findPhoneNumbers('9876543210 +14155550123', 'ZZ').map(m => m.text),
      ['+14155550123'],
    );
  });

  it('uses the default country for numbers without +', () => {
    assert.deepStrictEqual(
      findPhoneNumbers('office: 020 7183 8750', 'GB').map(m => m.number.e164),
      ['+442071838750'],
    );
  });

  it('returns nothing for an empty line', () => assert.deepStrictEqual(findPhoneNumbers(''), []));

  it('finds every number in a long list of grouped numbers (the reject budget does not cut it short)', () => {
    const line = '98765 43210 '.repeat(800);
    const found = findPhoneNumbers(line);
    assert.strictEqual(found.length, 800);
    assert.deepStrictEqual(found[799], { start: 799 * 12, end: 799 * 12 + 11, text: '98765 43210', number: found[0].number });
  });
});

describe('phone: India metadata', () => {
  it('is the installed libphonenumber-js max metadata for India (regenerate metadata-in.ts if not)', () => {
    assert.deepStrictEqual(INDIA_MAX_METADATA, maxMetadata.countries.IN);
    assert.deepStrictEqual(metadata.countries.IN, maxMetadata.countries.IN);
  });

  it('precompiled India types agree with libphonenumber on 20,000 numbers', () => {
    let seed = 12345;
    const random = (n: number): number => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) % n;
    const prefixes = ['1800', '1860', '1861', '140', '000800', '11', '22', '33', '44', '80', '40', '79', '6', '7', '8', '9', '5', '2', '3', '4', '1'];
    const seen = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      let national = prefixes[random(prefixes.length)];
      const length = 8 + random(6);
      while (national.length < length) national += random(10);
      const expected = parsePhoneNumberFromString(`+91${national}`, metadata)?.getType();
      const type = indianNumberType(national);
      assert.strictEqual(type, expected, national);
      seen.set(String(type), (seen.get(String(type)) ?? 0) + 1);
    }
    for (const type of ['MOBILE', 'FIXED_LINE', 'TOLL_FREE', 'SHARED_COST', 'UAN', 'undefined']) {
      assert.ok((seen.get(type) ?? 0) > 20, `too few ${type}: ${JSON.stringify([...seen])}`);
    }
  });

  it('keeps src/phone free of the editor', () => {
    const dir = path.join(__dirname, '..', '..', '..', 'src', 'phone');
    const files = fs.readdirSync(dir).filter(f => f.endsWith('.ts'));
    assert.ok(files.includes('index.ts'), dir);
    for (const f of files) assert.ok(!/from ['"]vscode['"]|require\(['"]vscode['"]\)/.test(fs.readFileSync(path.join(dir, f), 'utf8')), f);
  });
});
