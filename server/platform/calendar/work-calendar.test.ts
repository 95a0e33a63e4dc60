import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { chineseDaysYear } from '../db/migrations/0002_calendar_seed.ts';
import { isAppError } from '../errors.ts';
import { dateOf, dayNumber, isWeekend } from './dates.ts';
import { WorkCalendar } from './work-calendar.ts';
import { planYear } from './year-plan.ts';

/** The 国办 notices as DOMAIN.md §8.2 transcribes them: holiday ranges and 调休 make-up days. */
export const OFFICIAL = {
  2025: [
    { name: '元旦', from: '2025-01-01', to: '2025-01-01', makeup: [] },
    { name: '春节', from: '2025-01-28', to: '2025-02-04', makeup: ['2025-01-26', '2025-02-08'] },
    { name: '清明节', from: '2025-04-04', to: '2025-04-06', makeup: [] },
    { name: '劳动节', from: '2025-05-01', to: '2025-05-05', makeup: ['2025-04-27'] },
    { name: '端午节', from: '2025-05-31', to: '2025-06-02', makeup: [] },
    { name: '国庆节', from: '2025-10-01', to: '2025-10-08', makeup: ['2025-09-28', '2025-10-11'] },
  ],
  2026: [
    { name: '元旦', from: '2026-01-01', to: '2026-01-03', makeup: ['2026-01-04'] },
    { name: '春节', from: '2026-02-15', to: '2026-02-23', makeup: ['2026-02-14', '2026-02-28'] },
    { name: '清明节', from: '2026-04-04', to: '2026-04-06', makeup: [] },
    { name: '劳动节', from: '2026-05-01', to: '2026-05-05', makeup: ['2026-05-09'] },
    { name: '端午节', from: '2026-06-19', to: '2026-06-21', makeup: [] },
    { name: '中秋节', from: '2026-09-25', to: '2026-09-27', makeup: [] },
    { name: '国庆节', from: '2026-10-01', to: '2026-10-07', makeup: ['2026-09-20', '2026-10-10'] },
  ],
} as const;

const seeded = [...chineseDaysYear(2025), ...chineseDaysYear(2026)];
const calendar = new WorkCalendar(seeded);

function throwsNotPublished(fn: () => unknown, year: number): void {
  assert.throws(
    fn,
    (err) =>
      isAppError(err, 'CALENDAR_YEAR_NOT_PUBLISHED') && (err.details as { year: number }).year === year,
  );
}

describe('the seeded calendar follows the State Council notices of 2025 and 2026', () => {
  for (const year of [2025, 2026] as const) {
    test(`${year}: every holiday off, every 调休 day on, other weekends off, weekdays on`, () => {
      const holidays = new Map<string, string>();
      const makeups = new Set<string>();
      for (const h of OFFICIAL[year]) {
        for (let d = dayNumber(h.from); d <= dayNumber(h.to); d++) holidays.set(dateOf(d), h.name);
        for (const m of h.makeup) makeups.add(m);
      }
      const rows = seeded.filter((r) => r.year === year);
      assert.equal(rows.length, 365);
      for (const row of rows) {
        const d = dayNumber(row.date);
        const expected = makeups.has(row.date) ? true : holidays.has(row.date) ? false : !isWeekend(d);
        assert.equal(calendar.isWorkday(row.date), expected, row.date);
      }
      for (const [date, name] of holidays) {
        const row = rows.find((r) => r.date === date);
        assert.equal(row?.kind, 'holiday', date);
        // The 2025 国庆 range includes 中秋 (10-06), which the table names on its own.
        if (date !== '2025-10-06') assert.equal(row?.name, name, date);
      }
      for (const date of makeups) {
        assert.equal(seeded.find((r) => r.date === date)?.kind, 'makeup', date);
        assert.ok(isWeekend(dayNumber(date)), `${date} is a Saturday or Sunday`);
      }
      assert.equal(calendar.workdaysBetween(`${year - 1}-12-31`, `${year}-12-31`), 248);
    });
  }
});

describe('deadline arithmetic', () => {
  const cases: [string, number, string][] = [
    ['2026-09-30', 5, '2026-10-13'], // 国庆 2026, then the Saturday 10-10 make-up day
    ['2026-09-30', 3, '2026-10-10'],
    ['2026-10-03', 1, '2026-10-08'], // starting on a holiday
    ['2026-09-18', 1, '2026-09-20'], // Friday → Sunday make-up day
    ['2026-02-13', 1, '2026-02-14'], // 春节 2026: Saturday make-up day before it
    ['2026-02-13', 2, '2026-02-24'],
    ['2026-02-13', 5, '2026-02-27'],
    ['2026-02-13', 6, '2026-02-28'],
    ['2026-02-13', 7, '2026-03-02'],
    ['2025-12-31', 1, '2026-01-04'], // 元旦 2026 off, Sunday 01-04 on
    ['2025-12-30', 1, '2025-12-31'],
    ['2025-01-24', 1, '2025-01-26'], // 春节 2025
    ['2025-01-24', 3, '2025-02-05'],
    ['2025-09-26', 4, '2025-10-09'], // 国庆 + 中秋 2025
    ['2025-09-26', 6, '2025-10-11'],
    ['2024-12-31', 1, '2025-01-02'], // the day before the first year is only an anchor
    ['2026-10-01', 0, '2026-10-01'],
    ['2026-06-18', 1, '2026-06-22'], // 端午 2026
    ['2026-12-30', 1, '2026-12-31'],
  ];
  for (const [from, n, expected] of cases) {
    test(`${from} + ${n} working days = ${expected}`, () => {
      assert.equal(calendar.addWorkdays(from, n), expected);
      assert.equal(calendar.workdaysBetween(from, expected), n);
    });
  }

  test('workdaysBetween counts after from up to and including to, and 0 backwards', () => {
    assert.equal(calendar.workdaysBetween('2026-02-13', '2026-03-02'), 7);
    assert.equal(calendar.workdaysBetween('2026-09-30', '2026-10-07'), 0);
    assert.equal(calendar.workdaysBetween('2026-03-02', '2026-03-02'), 0);
    assert.equal(calendar.workdaysBetween('2026-03-06', '2026-03-02'), 0);
    assert.equal(calendar.workdaysBetween('2025-06-30', '2026-06-30'), 248);
  });

  test('reaching 2027, which has no published notice, is an explicit error naming the year', () => {
    throwsNotPublished(() => calendar.addWorkdays('2026-12-01', 30), 2027);
    throwsNotPublished(() => calendar.addWorkdays('2026-12-31', 1), 2027);
    throwsNotPublished(() => calendar.addWorkdays('2027-03-01', 1), 2027);
    throwsNotPublished(() => calendar.workdaysBetween('2026-12-01', '2027-01-05'), 2027);
    throwsNotPublished(() => calendar.isWorkday('2027-01-04'), 2027);
    throwsNotPublished(() => calendar.addWorkdays('2024-12-30', 1), 2024);
  });

  test('bad input is refused with its own code', () => {
    assert.throws(
      () => calendar.addWorkdays('2026-02-30', 1),
      (e) => isAppError(e, 'CALENDAR_DATE_INVALID'),
    );
    assert.throws(
      () => calendar.workdaysBetween('2026-1-5', '2026-02-01'),
      (e) => isAppError(e, 'CALENDAR_DATE_INVALID'),
    );
    assert.throws(
      () => calendar.addWorkdays('2026-03-02', -1),
      (e) => isAppError(e, 'VALIDATION_FAILED'),
    );
    assert.throws(
      () => calendar.addWorkdays('2026-03-02', 1.5),
      (e) => isAppError(e, 'VALIDATION_FAILED'),
    );
  });

  test('a gap between published years is unpublished too', () => {
    const gapped = new WorkCalendar([
      ...chineseDaysYear(2025),
      ...planYear({
        year: 2027,
        holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }],
        makeupDays: [],
      }),
    ]);
    assert.deepEqual(gapped.years, [2025, 2027]);
    throwsNotPublished(() => gapped.addWorkdays('2025-12-31', 1), 2026);
    throwsNotPublished(() => gapped.workdaysBetween('2025-06-01', '2027-02-01'), 2026);
    assert.equal(gapped.addWorkdays('2026-12-31', 1), '2027-01-04');
    assert.equal(gapped.workdaysBetween('2027-01-01', '2027-01-08'), 5);
  });

  test('an empty calendar knows no year', () => {
    throwsNotPublished(() => new WorkCalendar([]).addWorkdays('2026-05-06', 1), 2026);
  });

  test('agrees with a day-by-day count on random dates and spans', () => {
    const start = dayNumber('2024-12-31');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 730 }), fc.integer({ min: 0, max: 300 }), (offset, n) => {
        const from = dateOf(start + offset);
        let expected: string | null = from;
        for (let d = start + offset, left = n; left > 0; ) {
          d++;
          if (d > dayNumber('2026-12-31')) {
            expected = null;
            break;
          }
          if (calendar.isWorkday(dateOf(d))) left--;
          if (left === 0) expected = dateOf(d);
        }
        if (expected === null) {
          throwsNotPublished(() => calendar.addWorkdays(from, n), 2027);
          return;
        }
        assert.equal(calendar.addWorkdays(from, n), expected);
        assert.equal(calendar.workdaysBetween(from, expected), n);
        if (n > 0) assert.ok(calendar.isWorkday(expected));
      }),
      { numRuns: 500 },
    );
  });
});
