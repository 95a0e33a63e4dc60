import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { shanghaiDay, shanghaiMinute, shanghaiToday } from './shanghai-date.ts';

const INTL = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

describe('shanghaiDay', () => {
  test('agrees with Intl’s Asia/Shanghai date for any instant since 1992, as a string or a Date', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const iso = new Date(ms).toISOString();
        assert.equal(shanghaiDay(iso), INTL.format(new Date(ms)), iso);
        assert.equal(shanghaiDay(new Date(ms)), INTL.format(new Date(ms)), iso);
      }),
      { numRuns: 5000 },
    );
  });

  test('turns the day at 16:00 UTC, across month and year ends, and reads offsets other than Z', () => {
    assert.equal(shanghaiDay('2026-12-31T15:59:59.999Z'), '2026-12-31');
    assert.equal(shanghaiDay('2026-12-31T16:00:00.000Z'), '2027-01-01');
    assert.equal(shanghaiDay('2028-02-28T16:00:00.000Z'), '2028-02-29');
    assert.equal(shanghaiDay('2026-02-28T23:59:59.999Z'), '2026-03-01');
    assert.equal(shanghaiDay('2026-03-01T07:30:00+08:00'), '2026-03-01');
    assert.equal(shanghaiDay('2026-03-01T23:30:00.000+08:00'), '2026-03-01');
  });
});

test('today is the Shanghai date of now', () => {
  const before = INTL.format(new Date());
  const today = shanghaiToday();
  const after = INTL.format(new Date());
  assert.ok(today === before || today === after, today);
});

test('shanghaiMinute gives the Shanghai date and minute', () => {
  assert.equal(shanghaiMinute('2026-12-07T08:15:30.000Z'), '2026-12-07 16:15');
  assert.equal(shanghaiMinute('2026-12-31T16:05:00.000Z'), '2027-01-01 00:05');
  assert.equal(shanghaiMinute(new Date('2026-06-01T00:00:00Z')), '2026-06-01 08:00');
});
