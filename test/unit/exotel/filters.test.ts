// The bulk API's filters: encoded exactly as documented, and refused with a clear message when Exotel would refuse them.
import * as assert from 'assert';
import { encodeCallFilter, splitDateRange, ValidationError } from '../../../src/exotel';

const NOW = new Date('2026-11-26T12:00:00Z'); // 17:30 IST
const enc = (f: Parameters<typeof encodeCallFilter>[0]) => encodeCallFilter(f, { now: NOW });

function refuses(f: Parameters<typeof encodeCallFilter>[0], field: string, pattern: RegExp): void {
  assert.throws(
    () => enc(f),
    (e: unknown) => e instanceof ValidationError && e.field.startsWith(field) && pattern.test(e.message),
  );
}

describe('bulk call filters', () => {
  it("encodes every filter in Exotel's form", () => {
    const q = enc({
      sids: ['a'.repeat(32), 'b'.repeat(31) + 'k'],
      dateCreated: { gte: '2026-11-01 00:00:00', lte: '2026-11-26 23:59:59' },
      to: ['9876543210', '+919123456780'],
      from: ['09052161119'],
      phoneNumbers: ['080 3075 2400'],
      status: ['completed', 'busy', 'completed'],
      duration: { gte: 10, lte: 45 },
      price: { gte: 0.1, lte: 1 },
      direction: 'outbound-api',
      pageSize: 100,
      sortBy: 'DateCreated:asc',
      after: 'cursor123',
      details: true,
      recordingUrlValidity: 30,
    });
    assert.deepStrictEqual(q, [
      ['Sid', `${'a'.repeat(32)},${'b'.repeat(31)}k`],
      ['DateCreated', 'gte:2026-11-01 00:00:00;lte:2026-11-26 23:59:59'],
      ['To', '+919876543210,+919123456780'],
      ['From', '+919052161119'],
      ['PhoneNumber', '+918030752400'],
      ['Status', 'completed,busy'],
      ['Duration', 'gte:10s;lte:45s'],
      ['Price', 'gte:0.1;lte:1'],
      ['Direction', 'outbound-api'],
      ['PageSize', '100'],
      ['SortBy', 'DateCreated:asc'],
      ['After', 'cursor123'],
      ['details', 'true'],
      ['RecordingUrlValidity', '30'],
    ]);
  });

  it('writes Date bounds in IST, as Exotel keeps them', () => {
    assert.deepStrictEqual(enc({ dateCreated: { gte: new Date('2026-11-20T18:30:00Z') } }), [['DateCreated', 'gte:2026-11-21 00:00:00']]);
    assert.deepStrictEqual(enc({ duration: { eq: 30 } }), [['Duration', 'eq:30s']]);
  });

  it('the query string is URL-encoded', () => {
    const qs = new URLSearchParams(enc({ dateCreated: { gte: '2026-11-01 00:00:00' }, to: ['+919876543210'] })).toString();
    assert.strictEqual(qs, 'DateCreated=gte%3A2026-11-01+00%3A00%3A00&To=%2B919876543210');
  });

  it('refuses what Exotel would refuse, each with a reason', () => {
    refuses({ sids: Array.from({ length: 101 }, (_, i) => i.toString(36).padStart(32, '0')) }, 'Sid', /at most 100/);
    refuses({ sids: ['not-a-sid'] }, 'Sid', /not a call SID/);
    refuses({ to: ['9876543210', '9876543211', '9876543212', '9876543213', '9876543214', '9876543215'] }, 'To', /at most 5/);
    refuses({ from: ['12345'] }, 'From', /From:/);
    refuses({ dateCreated: { gte: '2026-10-01 00:00:00', lte: '2026-11-20 00:00:00' } }, 'DateCreated', /at most 31 days/);
    refuses({ dateCreated: { gte: '2026-04-01 00:00:00', lte: '2026-04-10 00:00:00' } }, 'DateCreated', /6 months/);
    refuses({ dateCreated: { gte: '2026-10-01 00:00:00' } }, 'DateCreated', /at most 31 days.*to now/);
    refuses({ dateCreated: { gte: '2026-11-20 00:00:00', lte: '2026-11-10 00:00:00' } }, 'DateCreated', /starts after it ends/);
    refuses({ dateCreated: { gte: '20/11/2026' } }, 'DateCreated', /like 2024-01-31 23:59:59/);
    refuses({ pageSize: 0 }, 'PageSize', /1 to 100/);
    refuses({ pageSize: 101 }, 'PageSize', /1 to 100/);
    refuses({ status: ['done' as never] }, 'Status', /one of queued/);
    refuses({ duration: { gte: -1 } }, 'Duration', /zero or more/);
    refuses({ duration: { gte: 1.5 } }, 'Duration', /whole number/);
    refuses({ duration: {} }, 'Duration', /at least one/);
    refuses({ price: { gte: 2, lte: 1 } }, 'Price', /larger than/);
    refuses({ direction: 'sideways' as never }, 'Direction', /inbound, outbound-dial, outbound-api/);
    refuses({ before: 'a', after: 'b' }, 'Before', /not both/);
    refuses({ recordingUrlValidity: 61 }, 'RecordingUrlValidity', /5 to 60/);
  });

  it('splits a long range into windows Exotel accepts', () => {
    const windows = splitDateRange(new Date('2026-06-01T00:00:00Z'), new Date('2026-09-01T00:00:00Z'));
    assert.strictEqual(windows.length, 3);
    for (const w of windows) assert.ok(w.lte.getTime() - w.gte.getTime() <= 31 * 86_400_000);
    assert.strictEqual(windows[0].lte.toISOString(), '2026-09-01T00:00:00.000Z');
    assert.strictEqual(windows.at(-1)!.gte.toISOString(), '2026-06-01T00:00:00.000Z');
  });
});
