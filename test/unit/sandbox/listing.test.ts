import * as assert from 'assert';
import { CallRecord, Sandbox } from '../../../src/sandbox';
import { call, start } from './helpers';

const NOW = Date.UTC(2025, 2, 15, 6, 30, 0); // 2025-03-15 12:00:00 IST
const DAY = 86_400_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function page(sb: Sandbox, uri: string): Promise<any> {
  const res = await fetch(`${sb.baseUrl}${uri}`, { headers: { Authorization: sb.authorization } });
  assert.strictEqual(res.status, 200, await res.clone().text());
  return res.json();
}

async function walk(sb: Sandbox, first: string): Promise<{ sids: string[]; pages: number; total: number }> {
  const sids: string[] = [];
  let uri: string | null = first;
  let pages = 0;
  let total = -1;
  while (uri) {
    const body = await page(sb, uri);
    total = body.Metadata.Total;
    sids.push(...body.Calls.map((c: { Sid: string }) => c.Sid));
    uri = body.Metadata.NextPageUri;
    pages++;
  }
  return { sids, pages, total };
}

const byKeyDesc = (a: CallRecord, b: CallRecord): number => b.createdAt - a.createdAt || (a.sid < b.sid ? 1 : -1);

describe('sandbox: bulk call details paging', () => {
  let sb: Sandbox;
  let listed: CallRecord[];
  before(async () => {
    sb = await start({ accountSid: 'list1', now: () => new Date(NOW), seed: { seed: 7, count: 500 } });
    listed = sb.calls
      .all()
      .filter(c => c.createdAt >= NOW - 31 * DAY)
      .sort(byKeyDesc);
  });
  after(() => sb.close());

  it('pages to the end newest first: no duplicates, no gaps, NextPageUri null on the last page', async () => {
    const { sids, pages, total } = await walk(sb, '/v1/Accounts/list1/Calls.json?PageSize=37');
    assert.strictEqual(total, listed.length);
    assert.ok(listed.length > 380 && listed.length < 500, `seeded ${listed.length} in the last 31 days`);
    assert.deepStrictEqual(
      sids,
      listed.map(c => c.sid),
    );
    assert.strictEqual(pages, Math.ceil(listed.length / 37));
  });

  it('pages oldest first with SortBy=DateCreated:asc, and back again with PrevPageUri', async () => {
    const asc = await walk(sb, '/v1/Accounts/list1/Calls.json?SortBy=DateCreated:asc&PageSize=50');
    assert.deepStrictEqual(asc.sids, listed.map(c => c.sid).reverse());
    // Walk back from the last page.
    let body = await page(sb, '/v1/Accounts/list1/Calls.json?PageSize=100');
    while (body.Metadata.NextPageUri) {
      body = await page(sb, body.Metadata.NextPageUri);
    }
    const back: string[] = [];
    for (;;) {
      back.unshift(...body.Calls.map((c: { Sid: string }) => c.Sid));
      if (!body.Metadata.PrevPageUri) {
        break;
      }
      body = await page(sb, body.Metadata.PrevPageUri);
    }
    assert.deepStrictEqual(
      back,
      listed.map(c => c.sid),
    );
  });

  it('page URIs are relative, keep .json and every filter, and add After=/Before=', async () => {
    const first = await page(sb, '/v1/Accounts/list1/Calls.json?Status=completed%2Cbusy&Direction=outbound-api&PageSize=5');
    const m = first.Metadata;
    assert.strictEqual(m.PageSize, 5);
    assert.strictEqual(m.FirstPageUri, '/v1/Accounts/list1/Calls.json?Status=completed%2Cbusy&Direction=outbound-api&PageSize=5');
    assert.strictEqual(m.PrevPageUri, null);
    assert.match(m.NextPageUri, /^\/v1\/Accounts\/list1\/Calls\.json\?Status=completed%2Cbusy&Direction=outbound-api&PageSize=5&After=[A-Za-z0-9_-]+$/);
    const second = await page(sb, m.NextPageUri);
    assert.match(
      second.Metadata.PrevPageUri,
      /^\/v1\/Accounts\/list1\/Calls\.json\?Status=completed%2Cbusy&Direction=outbound-api&PageSize=5&Before=[A-Za-z0-9_-]+$/,
    );
    const prev = await page(sb, second.Metadata.PrevPageUri);
    assert.deepStrictEqual(
      prev.Calls.map((c: { Sid: string }) => c.Sid),
      first.Calls.map((c: { Sid: string }) => c.Sid),
    );
  });

  it('pages through a filtered set completely, every item matching', async () => {
    const { sids, total } = await walk(sb, '/v1/Accounts/list1/Calls.json?Status=completed,busy&Direction=inbound&PageSize=9');
    const expected = listed.filter(c => (c.status === 'completed' || c.status === 'busy') && c.direction === 'inbound').map(c => c.sid);
    assert.ok(expected.length > 40);
    assert.strictEqual(total, expected.length);
    assert.deepStrictEqual(sids, expected);
  });

  it('a page boundary does not move when calls are added mid-paging', async () => {
    const first = await page(sb, '/v1/Accounts/list1/Calls.json?PageSize=10');
    const expectedSecond = listed.slice(10, 20).map(c => c.sid);
    // A new newest call, and one inside the page already seen: an offset cursor would now repeat items.
    sb.calls.add({ dateCreated: new Date(NOW - 1000) });
    sb.calls.add({ dateCreated: new Date(listed[4].createdAt) });
    const second = await page(sb, first.Metadata.NextPageUri);
    assert.deepStrictEqual(
      second.Calls.map((c: { Sid: string }) => c.Sid),
      expectedSecond,
    );
    assert.strictEqual(second.Metadata.Total, listed.length + 2);
  });

  it('XML form: Metadata then Calls/Call, page URIs without .json', async () => {
    const res = await call(sb, 'GET', '/Calls?PageSize=1&Status=failed');
    assert.strictEqual(res.status, 200);
    // Blank out what varies (the count and the cursor), then compare the envelope exactly.
    const head = res.text
      .replace(/<Total>\d+</, '<Total>N<')
      .replace(/After=[A-Za-z0-9_-]+</, 'After=C<')
      .split('\n')
      .slice(0, 14)
      .join('\n');
    assert.strictEqual(
      head,
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<TwilioResponse>',
        ' <Metadata>',
        '  <Total>N</Total>',
        '  <PageSize>1</PageSize>',
        '  <FirstPageUri>/v1/Accounts/list1/Calls?PageSize=1&amp;Status=failed</FirstPageUri>',
        '  <PrevPageUri/>',
        '  <NextPageUri>/v1/Accounts/list1/Calls?PageSize=1&amp;Status=failed&amp;After=C</NextPageUri>',
        ' </Metadata>',
        ' <Calls>',
        '  <Call>',
        res.text.split('\n')[11],
        '   <ParentCallSid/>',
        res.text.split('\n')[13],
      ].join('\n'),
    );
    assert.match(res.text.split('\n')[11], /^ {3}<Sid>[0-9a-z]{32}<\/Sid>$/);
    assert.match(res.text, /<Status>failed<\/Status>/);
    assert.match(res.text, / <\/Calls>\n<\/TwilioResponse>\n$/);
  });
});

describe('sandbox: bulk call details filters', () => {
  let sb: Sandbox;
  const sid = (n: number): string => `${String(n).repeat(31).slice(0, 31)}a`;
  const ago = (days: number): Date => new Date(NOW - days * DAY);
  before(async () => {
    sb = await start({ accountSid: 'filt1', now: () => new Date(NOW) });
    sb.calls.add({
      sid: sid(1),
      dateCreated: ago(1),
      to: '09876500001',
      from: '09845000001',
      phoneNumberSid: '08047112345',
      status: 'completed',
      direction: 'outbound-api',
      duration: 30,
      price: 0.75,
    });
    sb.calls.add({
      sid: sid(2),
      dateCreated: ago(2),
      to: '08047112345',
      from: '09876500002',
      phoneNumberSid: '08047112345',
      status: 'busy',
      direction: 'inbound',
      duration: 10,
      price: 0,
    });
    sb.calls.add({
      sid: sid(3),
      dateCreated: ago(10),
      to: '+919876500003',
      from: '09845000003',
      phoneNumberSid: '01141172345',
      status: 'no-answer',
      direction: 'outbound-dial',
      duration: 45,
      price: 1.5,
    });
    sb.calls.add({ sid: sid(4), dateCreated: ago(40), to: '09876500004', status: 'failed' });
    sb.calls.add({ sid: sid(5), dateCreated: ago(0.01), to: '09876500005', status: 'in-progress' });
    sb.calls.add({ sid: sid(6), dateCreated: ago(3), to: '09876500006', from: '09845000001', status: 'canceled', duration: null, price: null });
  });
  after(() => sb.close());

  const cases: Array<[string, string, number[]]> = [
    ['no filter: last 31 days, ongoing left out, newest first', '', [1, 2, 6, 3]],
    ['Sid list (the old call is outside the default window)', 'Sid=' + ['1', '4', '5'].map(n => sid(Number(n))).join(','), [1]],
    ['Sid with a DateCreated window reaching it', `Sid=${sid(4)}&DateCreated=gte:2025-02-01 00:00:00;lte:2025-02-28 23:59:59`, [4]],
    ['DateCreated gte/lte', 'DateCreated=gte:2025-03-12 00:00:00;lte:2025-03-13 23:59:59', [2, 6]],
    ['DateCreated bare dates', 'DateCreated=gte:2025-03-05;lte:2025-03-05', [3]],
    ['To in E.164 matches a 0-prefixed echo', 'To=%2B919876500001', [1]],
    ['To list', 'To=09876500001,9876500003', [1, 3]],
    ['From', 'From=09845000001', [1, 6]],
    ['PhoneNumber', 'PhoneNumber=01141172345', [3]],
    ['Status OR list', 'Status=busy,no-answer', [2, 3]],
    ['Status ongoing → nothing', 'Status=in-progress', []],
    ['Duration range (unbilled calls never match)', 'Duration=gte:20s;lte:45s', [1, 3]],
    ['Duration eq', 'Duration=eq:10s', [2]],
    ['Price range', 'Price=gte:0.10;lte:1.0', [1]],
    ['Price eq', 'Price=eq:0', [2]],
    ['Direction', 'Direction=inbound', [2]],
    ['SortBy asc', 'SortBy=DateCreated:asc', [3, 6, 2, 1]],
  ];
  for (const [name, query, expected] of cases) {
    it(`filter: ${name}`, async () => {
      const res = await call(sb, 'GET', `/Calls.json?${query}`);
      assert.strictEqual(res.status, 200, res.text);
      assert.deepStrictEqual(
        res.json.Calls.map((c: { Sid: string }) => c.Sid),
        expected.map(sid),
      );
      assert.strictEqual(res.json.Metadata.Total, expected.length);
      assert.strictEqual(res.json.Metadata.NextPageUri, null);
      assert.strictEqual(res.json.Metadata.PrevPageUri, null);
    });
  }

  it('details=true adds Details to every listed call', async () => {
    const res = await call(sb, 'GET', '/Calls.json?details=true&Status=completed');
    assert.deepStrictEqual(Object.keys(res.json.Calls[0].Details), ['ConversationDuration', 'Leg1Status', 'Leg2Status', 'Legs']);
  });

  const tooMany = Array.from({ length: 101 }, (_, i) => sid(i % 10) + i).join(',');
  const violations: Array<[string, string, string]> = [
    ['Sid over 100', `Sid=${tooMany}`, 'Sid: at most 100 comma-separated values are allowed (got 101)'],
    ['range over 31 days', 'DateCreated=gte:2025-02-01 00:00:00;lte:2025-03-05 00:00:00', 'DateCreated: the range must not exceed 31 days (1 month)'],
    ['older than 6 months', 'DateCreated=gte:2024-09-01 00:00:00;lte:2024-09-20 00:00:00', 'DateCreated: records older than 6 months cannot be fetched'],
    ['gte after lte', 'DateCreated=gte:2025-03-10 00:00:00;lte:2025-03-01 00:00:00', 'DateCreated: gte must not be after lte'],
    [
      'unknown operator',
      'DateCreated=gt:2025-03-10 00:00:00',
      "DateCreated: 'gt:2025-03-10 00:00:00' is not understood; use gte/lte operators, e.g. gte:YYYY-MM-DD HH:mm:ss;lte:YYYY-MM-DD HH:mm:ss",
    ],
    ['impossible date', 'DateCreated=gte:2025-02-30 00:00:00', "DateCreated: '2025-02-30 00:00:00' is not a date in the form YYYY-MM-DD HH:mm:ss"],
    [
      'six To numbers',
      'To=09876500001,09876500002,09876500003,09876500004,09876500005,09876500006',
      'To: at most 5 comma-separated values are allowed (got 6)',
    ],
    ['six PhoneNumbers', 'PhoneNumber=1,2,3,4,5,6', 'PhoneNumber: at most 5 comma-separated values are allowed (got 6)'],
    ['an invalid From', 'From=12', "From: '12' is not a valid phone number"],
    ['an unknown Status', 'Status=done', "Status: 'done' is not one of queued, ringing, in-progress, completed, busy, no-answer, failed, canceled"],
    ['Duration without s', 'Duration=gte:10', "Duration: '10' is not valid; expected seconds with an s suffix, e.g. gte:10s;lte:45s"],
    ['Price not a number', 'Price=lte:abc', "Price: 'abc' is not valid; expected an amount, e.g. gte:0.10;lte:1.0"],
    ['an unknown Direction', 'Direction=outbound', "Direction: 'outbound' is not one of inbound, outbound-api, outbound-dial"],
    ['PageSize 0', 'PageSize=0', "PageSize must be a whole number from 1 to 100 (got '0')"],
    ['PageSize 101', 'PageSize=101', "PageSize must be a whole number from 1 to 100 (got '101')"],
    ['a bad SortBy', 'SortBy=Duration:asc', "SortBy must be DateCreated:asc or DateCreated:desc (got 'Duration:asc')"],
    ['a forged cursor', 'After=123', 'After is not a valid page cursor; use the PrevPageUri/NextPageUri given in Metadata'],
    [
      'both cursors',
      `After=${Buffer.from(`1:${sid(1)}`).toString('base64url')}&Before=${Buffer.from(`1:${sid(1)}`).toString('base64url')}`,
      'Send either After or Before, not both',
    ],
    ['RecordingUrlValidity 70', 'RecordingUrlValidity=70', "RecordingUrlValidity must be a whole number of minutes from 5 to 60 (got '70')"],
  ];
  for (const [name, query, message] of violations) {
    it(`400 for ${name}`, async () => {
      const res = await call(sb, 'GET', `/Calls.json?${query}`);
      assert.strictEqual(res.status, 400);
      assert.deepStrictEqual(res.json, { RestException: { Status: 400, Message: message } });
    });
  }
});
