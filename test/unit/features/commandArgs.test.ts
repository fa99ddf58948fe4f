// Arguments from code: every value checked, every refusal names the argument, secrets never quoted back.
import * as assert from 'assert';
import { bool, checkArgs, date, listOf, number, oneOf, shape, text } from '../../../src/common/commandArgs';
import { ValidationError } from '../../../src/exotel';

const SPEC = {
  command: 'exotel.test',
  consequence: 'Nothing was done.',
  secret: ['apiToken'],
  checks: {
    name: text(),
    apiToken: text(),
    production: bool,
    filter: shape({ statuses: listOf(['busy', 'failed']), since: date, range: shape({ gte: number(0) }) }),
    scope: oneOf(['current', 'all']),
  },
};

function refusal(raw: unknown): string {
  try {
    checkArgs(SPEC, raw);
  } catch (err) {
    assert.ok(err instanceof ValidationError, String(err));
    return err.message;
  }
  assert.fail('not refused');
}

describe('command arguments from code', () => {
  it('takes good values; leaves out undefined ones', () => {
    const args = checkArgs<Record<string, unknown>>(SPEC, {
      name: ' Staging ',
      production: false,
      scope: 'all',
      apiToken: undefined,
      filter: { statuses: ['busy', 'busy'], since: '2024-05-01T00:00:00Z' },
    });
    assert.deepStrictEqual(Object.keys(args), ['name', 'production', 'scope', 'filter']);
    assert.strictEqual(args.name, 'Staging');
    assert.deepStrictEqual((args.filter as { statuses: string[] }).statuses, ['busy']);
    assert.ok((args.filter as { since: Date }).since instanceof Date);
  });

  it('refuses empty, null and wrong-typed values by name', () => {
    assert.match(refusal({ name: '' }), /^exotel\.test: “name” must be non-empty text \(got empty text\)\. Nothing was done\.$/);
    assert.match(refusal({ name: null }), /“name” must be non-empty text \(got null\)/);
    assert.match(refusal({ production: 'yes' }), /“production” must be true or false \(got “yes”\)/);
    assert.match(refusal({ scope: 'some' }), /“scope” must be one of “current”, “all”/);
    assert.match(refusal('x'), /takes an object/);
    assert.match(refusal({ Name: 'x' }), /does not take “Name”\. Did you mean “name”\?/);
  });

  it('names the nested argument that failed', () => {
    assert.match(refusal({ filter: { statuses: ['done'] } }), /“filter\.statuses” must be a list of “busy”, “failed” \(got a list\)/);
    assert.match(refusal({ filter: { range: { gte: -1 } } }), /“filter\.range\.gte” must be a number of 0 or more \(got -1\)/);
    assert.match(refusal({ filter: { since: 'soon' } }), /“filter\.since” must be a date/);
    assert.match(refusal({ filter: { other: 1 } }), /“filter” must be an object with statuses, since, range \(not “other”\)/);
  });

  it('never quotes a secret, a URL-like or a long value back', () => {
    assert.match(refusal({ apiToken: 12345 }), /“apiToken” must be non-empty text \(got a number\)/);
    assert.ok(!refusal({ scope: 'https://k:t@x' }).includes('k:t'));
    assert.ok(!refusal({ scope: 'x'.repeat(60) }).includes('xxxxxxxxxx'));
  });
});
