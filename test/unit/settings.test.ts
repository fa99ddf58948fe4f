// The settings table (src/common/settingSpecs.ts) and package.json declare the same settings, types, defaults and bounds;
// the command table (src/common/commandIds.ts) and package.json the same commands.
import * as assert from 'assert';
import * as path from 'path';
import { COMMANDS } from '../../src/common/commandIds';
import { checkedSetting, RECONNECT_SETTINGS, SETTINGS, SettingSpec } from '../../src/common/settingSpecs';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require(path.join(__dirname, '..', '..', '..', 'package.json'));
const declared: Record<string, Record<string, unknown>> = pkg.contributes.configuration.properties;

describe('settings and commands: one table each, matching package.json', () => {
  it('every exotel.* setting is in the table with the type, default, bounds and choices of package.json', () => {
    assert.deepStrictEqual(
      Object.keys(SETTINGS)
        .map(k => `exotel.${k}`)
        .sort(),
      Object.keys(declared).sort(),
    );
    for (const [key, spec] of Object.entries(SETTINGS) as Array<[string, SettingSpec<unknown>]>) {
      const p = declared[`exotel.${key}`];
      assert.deepStrictEqual(
        { type: spec.type, default: spec.default, minimum: spec.minimum, maximum: spec.maximum, enum: spec.enum },
        { type: p.type, default: p.default, minimum: p.minimum, maximum: p.maximum, enum: p.enum },
        key,
      );
    }
  });

  it('a value of the wrong type is the default; a number stays within its bounds', () => {
    assert.strictEqual(checkedSetting('callLog.pageSize', 500), 100);
    assert.strictEqual(checkedSetting('callLog.pageSize', 0), 1);
    assert.strictEqual(checkedSetting('callLog.pageSize', '20'), 50);
    assert.strictEqual(checkedSetting('confirmBeforeCalling', 'yes'), false);
    assert.strictEqual(checkedSetting('apiBaseUrl', 7), '');
    assert.deepStrictEqual(checkedSetting('hover.include', 'json'), []);
  });

  it('the session reconnects on the connection settings', () => {
    assert.deepStrictEqual([...RECONNECT_SETTINGS].sort(), ['apiBaseUrl', 'rateLimitPerMinute', 'requestTimeoutSeconds']);
  });

  it('every contributed command is in the command table, and nothing else', () => {
    const contributed = (pkg.contributes.commands as Array<{ command: string }>).map(c => c.command).sort();
    assert.deepStrictEqual(Object.values(COMMANDS).sort(), contributed);
  });
});
