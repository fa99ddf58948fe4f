import * as assert from 'assert';
import type { NumberMetadata } from '../../../src/exotel';
import { DAY_MS, HOUR_MS } from '../../../src/exotel';
import { accountOf, cacheKey, NumberCache } from '../../../src/services/numbers/numberCache';

const meta = (n: string, dnd = 'No'): NumberMetadata => ({
  phoneNumber: `0${n.slice(3)}`,
  circle: 'DL',
  circleName: 'Delhi',
  type: 'Mobile',
  operator: 'V',
  operatorName: 'Vodafone',
  dnd,
});
const policy = { ttlMs: 7 * DAY_MS, dndTtlMs: 24 * HOUR_MS, maxEntries: 3 };

describe('numbers: NumberCache', () => {
  let now: number;
  let cache: NumberCache;
  beforeEach(() => {
    now = 1_700_000_000_000;
    cache = new NumberCache({ ...policy }, () => now);
  });

  it('keys by account and number, and gives the account back', () => {
    assert.strictEqual(cacheKey('acme1', '+919876543210'), 'acme1 +919876543210');
    assert.strictEqual(accountOf(cacheKey('acme1', '+919876543210')), 'acme1');
    cache.set(cacheKey('a', '+919876543210'), meta('+919876543210'));
    assert.strictEqual(cache.get(cacheKey('b', '+919876543210')), undefined);
  });

  it('keeps an answer for the time to live, then drops it', () => {
    const k = cacheKey('a', '+919876543210');
    cache.set(k, meta('+919876543210'));
    now += 7 * DAY_MS - 1;
    assert.strictEqual(cache.get(k)?.meta.circle, 'DL');
    now += 1;
    assert.strictEqual(cache.get(k), undefined);
    assert.strictEqual(cache.size, 0);
  });

  it('trusts DND for dndTtl only, while the rest stays usable', () => {
    const k = cacheKey('a', '+919876543210');
    const e = cache.set(k, meta('+919876543210', 'Yes'));
    now += 24 * HOUR_MS - 1;
    assert.strictEqual(cache.isDndFresh(e), true);
    now += 1;
    assert.strictEqual(cache.isDndFresh(e), false);
    assert.strictEqual(cache.get(k)?.meta.dnd, 'Yes');
  });

  it('never trusts DND longer than the time to live', () => {
    cache.policy = { ttlMs: HOUR_MS, dndTtlMs: DAY_MS, maxEntries: 3 };
    const e = cache.set('a +919876543210', meta('+919876543210'));
    now += HOUR_MS;
    assert.strictEqual(cache.isDndFresh(e), false);
  });

  it('evicts the oldest answer past the bound; a new answer for a number makes it the newest', () => {
    for (const n of ['1', '2', '3']) cache.set(`a +91987654321${n}`, meta(`+91987654321${n}`));
    cache.set('a +919876543211', meta('+919876543211')); // answered again: now the newest
    cache.set('a +919876543214', meta('+919876543214'));
    assert.strictEqual(cache.size, 3);
    assert.strictEqual(cache.get('a +919876543212'), undefined);
    assert.ok(cache.get('a +919876543211'));
    assert.ok(cache.get('a +919876543213'));
    assert.ok(cache.get('a +919876543214'));
  });

  it('retain() drops the entries of accounts no longer known', () => {
    cache.set('a +919876543211', meta('+919876543211'));
    cache.set('b +919876543212', meta('+919876543212'));
    assert.strictEqual(
      cache.retain(k => accountOf(k) === 'a'),
      1,
    );
    assert.deepStrictEqual([cache.get('a +919876543211') !== undefined, cache.get('b +919876543212')], [true, undefined]);
  });

  it('stores live, non-volatile answers, newest kept, and loads them back', () => {
    cache.set('a +919876543211', meta('+919876543211'));
    now += 1000;
    cache.set('sandboxabc +919876543212', meta('+919876543212'), true);
    cache.set('a +919876543213', meta('+919876543213'));
    const stored = cache.toStored(10);
    assert.deepStrictEqual(
      stored.entries.map(e => [e[0], e[1]]),
      [
        ['a +919876543211', now - 1000],
        ['a +919876543213', now],
      ],
    );
    assert.deepStrictEqual(
      cache.toStored(1).entries.map(e => e[0]),
      ['a +919876543213'],
    );
    const copy = new NumberCache({ ...policy }, () => now);
    assert.strictEqual(copy.load(JSON.parse(JSON.stringify(stored))), 2);
    assert.deepStrictEqual(copy.get('a +919876543213')?.meta, meta('+919876543213'));
    assert.strictEqual(copy.get('a +919876543211')?.fetchedAt, now - 1000);
    assert.strictEqual(copy.get('sandboxabc +919876543212'), undefined);
  });

  it('loads nothing malformed, expired or from the future, and no unknown fields', () => {
    const good = meta('+919876543211');
    const stored = {
      v: 1,
      entries: [
        ['a +919876543211', now - 1, { ...good, extra: '<script>' }],
        ['a +919876543212', now - 8 * DAY_MS, meta('+919876543212')],
        ['a +919876543213', now + DAY_MS, meta('+919876543213')],
        ['a +919876543214', 'yesterday', meta('+919876543214')],
        ['a +919876543215', now, { phoneNumber: 42 }],
        ['a +919876543216', now, { phoneNumber: '0', dnd: { no: 1 } }],
        'junk',
      ],
    };
    assert.strictEqual(cache.load(stored), 1);
    assert.deepStrictEqual(cache.get('a +919876543211')?.meta, good);
    for (const bad of [undefined, null, 'x', { v: 2, entries: [] }, { v: 1, entries: 'no' }]) assert.strictEqual(cache.load(bad), 0);
  });

  it('a cache with a zero time to live keeps nothing', () => {
    cache.policy = { ttlMs: 0, dndTtlMs: 0, maxEntries: 3 };
    cache.set('a +919876543211', meta('+919876543211'));
    assert.strictEqual(cache.get('a +919876543211'), undefined);
  });
});
