import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_CASE_SETTINGS } from '../domain/case-settings.ts';
import { loadCaseSettings } from '../settings.ts';

/** The cases module's settings come through platform/config: a bad value stops the start, named. */

test('unset or blank: the defaults; set: the value', () => {
  assert.deepEqual(loadCaseSettings({}), DEFAULT_CASE_SETTINGS);
  assert.deepEqual(loadCaseSettings({ CASE_YELLOW_DAYS_LEFT: ' ' }), DEFAULT_CASE_SETTINGS);
  const set = loadCaseSettings({ CASE_YELLOW_DAYS_LEFT: '3', CASE_YELLOW_USED_RATIO: '0.75' });
  assert.equal(set.yellowDaysLeft, 3);
  assert.equal(set.yellowUsedRatio, 0.75);
});

test('a malformed value is CONFIG_INVALID naming the variable and the value', () => {
  for (const [name, value] of [
    ['CASE_YELLOW_DAYS_LEFT', '2.5'],
    ['CASE_YELLOW_DAYS_LEFT', '31'],
    ['CASE_YELLOW_DAYS_LEFT', 'two'],
    ['CASE_YELLOW_USED_RATIO', '0'],
    ['CASE_YELLOW_USED_RATIO', '1.5'],
  ] as const) {
    assert.throws(
      () => loadCaseSettings({ [name]: value }),
      (err: { code?: string; details?: { field?: string; value?: string } }) =>
        err.code === 'CONFIG_INVALID' && err.details?.field === name && err.details?.value === value,
      `${name}=${value}`,
    );
  }
});
