import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { TimeLimitUnit } from '../../../../contracts/cases.ts';
import { getWorkCalendar, type WorkCalendar } from '../../../platform/calendar/index.ts';
import { findCalendarYear, listCalendarDays } from '../../../platform/calendar/store.ts';
import { openTestPlatform } from '../../../testing/harness.ts';
import { approverStamp, CaseRun, clerkStamp, PROCESS, receivePayload } from '../testing/test-fixtures.ts';
import { DEFAULT_CASE_SETTINGS } from './case-settings.ts';
import { computeClock } from './clock.ts';
import type { CaseCommand } from './decide.ts';

/**
 * The clock against an independent count: random acceptances in 2025–2026, limits of 1–60 working
 * or natural days (promised and legal each in either unit), corrections and special procedures in
 * between, an extension (working days) now and then; each figure recounted day by day over the
 * platform calendar's own list of days (as the database holds it), with none of the clock's or the
 * calendar's arithmetic. A natural-day period whose last day is a day off (or a paused day) ends on
 * the first working day of the clock after it (民法典 第二百零三条); an extension runs from there.
 */

/** The next date of a YYYY-MM-DD date, by the JavaScript calendar. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function plusDays(date: string, n: number): string {
  let d = date;
  for (let i = 0; i < n; i++) d = nextDay(d);
  return d;
}

interface Span {
  from: string;
  /** null: still open, it runs to today. */
  to: string | null;
}

/** What the naive count says of a case on `today`. */
interface Expected {
  usedDays: number;
  pausedDays: number;
  /** A date, or the first year without a day list the count ran into. */
  promisedDue: string | { unpublished: number };
  legalDue: string | { unpublished: number };
  /** Days left in the promised unit (null when the due date is unknown and the unit natural). */
  remainingDays: number | null;
  /** Working days after today up to the promised due date (when known and not passed). */
  workdaysLeft: number | null;
  /** The days of the clock up to the due date, promised and legal (natural days), when known. */
  limitDays: number | null;
  legalLimitDays: number | null;
}

interface Limit {
  days: number;
  unit: TimeLimitUnit;
}

/** A case as the naive count sees it: accepted on a day, its limits, extension and pauses, on `today`. */
interface NaiveCase {
  accepted: string;
  promised: Limit;
  legal: Limit;
  extension: number;
  pauses: readonly Span[];
  today: string;
}

/** Counts day by day, over the list of days, what a case's clock should show. */
function naive(workdays: ReadonlyMap<string, boolean>, naiveCase: NaiveCase): Expected {
  const { accepted, promised, legal, extension, pauses, today } = naiveCase;
  // The day of an event does not count; a pause from d1 to d2 takes the days after d1 up to d2.
  const paused = (d: string) => pauses.some((p) => p.from < d && d <= (p.to ?? today));
  const counts = (unit: TimeLimitUnit, d: string) => unit === 'natural_day' || workdays.get(d) === true;
  const used = (unit: TimeLimitUnit, from: string, to: string) => {
    let n = 0;
    for (let d = nextDay(from); d <= to; d = nextDay(d)) if (counts(unit, d) && !paused(d)) n++;
    return n;
  };
  let pausedDays = 0;
  for (let d = nextDay(accepted); d <= today; d = nextDay(d)) {
    if (counts(promised.unit, d) && paused(d)) pausedDays++;
  }
  const due = ({ days, unit }: Limit): Expected['promisedDue'] => {
    const unknown = (d: string) => ({ unpublished: Number(d.slice(0, 4)) });
    // Working days: limit + extension working days of the clock.
    let d = accepted;
    let counted = 0;
    const target = unit === 'working_day' ? days + extension : days;
    while (counted < target) {
      d = nextDay(d);
      if (unit === 'working_day' && workdays.get(d) === undefined) return unknown(d);
      if (counts(unit, d) && !paused(d)) counted++;
    }
    if (unit === 'working_day') return d;
    // Natural days: the period ends on a working day of the clock, then the extension runs.
    for (;;) {
      const work = workdays.get(d);
      if (work === undefined) return unknown(d);
      if (work && !paused(d)) break;
      d = nextDay(d);
    }
    for (let n = 0; n < extension; ) {
      d = nextDay(d);
      const work = workdays.get(d);
      if (work === undefined) return unknown(d);
      if (work && !paused(d)) n++;
    }
    return d;
  };
  const promisedDue = due(promised);
  const legalDue = due(legal);
  const usedDays = used(promised.unit, accepted, today);
  // Days left: to the due date; past it, minus the days of the clock after it.
  const left = (unit: TimeLimitUnit, d: Expected['promisedDue']) => {
    if (typeof d !== 'string') return null;
    return today <= d ? used(unit, today, d) : -used(unit, d, today);
  };
  let remainingDays = left(promised.unit, promisedDue);
  if (promised.unit === 'working_day') remainingDays = promised.days + extension - usedDays;
  const workdaysLeft =
    typeof promisedDue === 'string' && today <= promisedDue ? used('working_day', today, promisedDue) : null;
  const legalLeft = left(legal.unit, legalDue);
  return {
    usedDays,
    pausedDays,
    promisedDue,
    legalDue,
    remainingDays,
    workdaysLeft,
    limitDays: remainingDays === null ? null : usedDays + remainingDays,
    legalLimitDays: legalLeft === null ? null : used(legal.unit, accepted, today) + legalLeft,
  };
}

const correction: CaseCommand = {
  type: 'requestCorrection',
  items: [{ name: '营业执照', problem: '已过期' }],
};

/** A pause of the scenario: days after the previous event, its length, and its kind. */
const pauseArb = fc.record({
  gap: fc.integer({ min: 0, max: 30 }),
  length: fc.integer({ min: 0, max: 30 }),
  kind: fc.constantFrom('correction' as const, 'special' as const),
});

const scenarioArb = fc.record({
  acceptedOffset: fc.integer({ min: 0, max: 729 }),
  limit: fc.integer({ min: 1, max: 60 }),
  legalExtra: fc.integer({ min: 0, max: 30 }),
  unit: fc.constantFrom<TimeLimitUnit>('working_day', 'natural_day'),
  legalUnit: fc.constantFrom<TimeLimitUnit>('working_day', 'natural_day'),
  pauses: fc.array(pauseArb, { maxLength: 3 }),
  /** The last pause is still running today. */
  lastOpen: fc.boolean(),
  /** An extension of 1–10 days after the pause of this index (−1: right at acceptance). */
  extension: fc.option(
    fc.record({ after: fc.integer({ min: -1, max: 2 }), days: fc.integer({ min: 1, max: 10 }) }),
  ),
  tail: fc.integer({ min: 0, max: 40 }),
  /** Days after today on which a still-running pause is looked at again. */
  later: fc.integer({ min: 1, max: 20 }),
});

describe('the clock agrees with a naive day-by-day count over the calendar’s days (property)', () => {
  let workdays: Map<string, boolean>;
  let calendar: WorkCalendar;
  let close: () => Promise<void>;

  before(async () => {
    const opened = await openTestPlatform('sqlite', { demo: false });
    close = opened.close;
    const db = opened.platform.db;
    workdays = new Map();
    for (const year of [2025, 2026]) {
      for (const row of await listCalendarDays(db, year)) workdays.set(row.date, row.workday === 1);
    }
    assert.equal(workdays.size, 365 + 365, 'both years, every day');
    assert.equal(await findCalendarYear(db, 2027), undefined, '2027 is not published');
    calendar = await getWorkCalendar(db);
  });
  after(async () => {
    await close?.();
  });

  test('used, paused and left days, and the promised and legal dates (or 2027 unknown), for any case', () => {
    let unknownSeen = 0;
    let pausedSeen = 0;
    let naturalSeen = 0;
    /** Natural-day cases whose due date the holiday rule moved off a day off. */
    let movedSeen = 0;
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const accepted = plusDays('2025-01-01', s.acceptedOffset);
        // The events on their dates: each pause starts `gap` days after the previous event.
        const spans: Span[] = [];
        let cursor = accepted;
        s.pauses.forEach((p, i) => {
          const from = plusDays(cursor, p.gap);
          const open = s.lastOpen && i === s.pauses.length - 1;
          const to = open ? null : plusDays(from, p.length);
          spans.push({ from, to });
          cursor = to ?? from;
        });
        const today = plusDays(cursor, s.tail);
        fc.pre(today <= '2026-12-31');

        const base = receivePayload();
        const promisedLimit = { days: s.limit, unit: s.unit };
        const legalLimit = { days: s.limit + s.legalExtra, unit: s.legalUnit };
        const run = new CaseRun(accepted, {
          ...base,
          item: { ...base.item, promised: promisedLimit, legal: legalLimit },
        }).act(accepted, { type: 'accept', steps: [...PROCESS] }, clerkStamp);
        const extend = (after: number, on: string) => {
          if (s.extension?.after !== after) return;
          run.act(on, { type: 'extend', days: s.extension.days, reason: '情况复杂' }, approverStamp);
        };
        extend(-1, accepted);
        s.pauses.forEach((p, i) => {
          const span = spans[i] as Span;
          if (p.kind === 'correction') run.act(span.from, correction);
          else {
            run.act(span.from, {
              type: 'startSpecial',
              kind: 'inspection',
              reason: '现场核查',
              expectedEnd: span.to ?? span.from,
            });
          }
          if (span.to === null) return;
          if (p.kind === 'correction') run.act(span.to, { type: 'resubmit', materials: [] }, clerkStamp);
          else run.act(span.to, { type: 'endSpecial', result: '核查完毕' });
          extend(i, span.to);
        });
        const extension = run.state.extensions.reduce((sum, e) => sum + e.days, 0);
        const count = (on: string) =>
          naive(workdays, {
            accepted,
            promised: promisedLimit,
            legal: legalLimit,
            extension,
            pauses: spans,
            today: on,
          });
        const expected = count(today);
        const clock = computeClock(run.state, { calendar, today, settings: DEFAULT_CASE_SETTINGS });
        const paused = spans.at(-1)?.to === null;
        const what = JSON.stringify({
          accepted,
          today,
          promisedLimit,
          legalLimit,
          extension,
          spans,
          expected,
        });

        assert.equal(clock.paused, paused, what);
        assert.equal(clock.usedDays, expected.usedDays, `used: ${what}`);
        assert.equal(clock.pausedDays, expected.pausedDays, `paused: ${what}`);
        const nominal = s.limit + extension - expected.usedDays;
        assert.equal(clock.remainingDays, expected.remainingDays ?? nominal, `left: ${what}`);
        if (expected.limitDays !== null) assert.equal(clock.limitDays, expected.limitDays, `limit: ${what}`);
        const [promised, legalDue] = paused
          ? [clock.promisedDueIfResumedToday, clock.legalDueIfResumedToday]
          : [clock.promisedDue, clock.legalDue];
        if (paused) assert.deepEqual([clock.promisedDue, clock.legalDue], [null, null], what);
        else assert.deepEqual([clock.promisedDueIfResumedToday, clock.legalDueIfResumedToday], [null, null]);
        // A date in a year without a day list is unknown, and the case says which year: never guessed.
        const shown = (e: Expected['promisedDue']) => (typeof e === 'string' ? e : null);
        assert.equal(promised, shown(expected.promisedDue), `promised: ${what}`);
        if (typeof expected.promisedDue === 'string') {
          assert.equal(legalDue, shown(expected.legalDue), `legal: ${what}`);
          if (s.legalUnit === 'natural_day' && expected.legalLimitDays !== null) {
            assert.equal(clock.legalLimitDays, expected.legalLimitDays, `legal limit: ${what}`);
          }
        }
        const unknown =
          typeof expected.promisedDue !== 'string'
            ? expected.promisedDue.unpublished
            : typeof expected.legalDue !== 'string'
              ? expected.legalDue.unpublished
              : null;
        assert.deepEqual(
          clock.calendarProblem,
          unknown === null ? null : { code: 'CALENDAR_YEAR_NOT_PUBLISHED', year: unknown },
          `calendar problem: ${what}`,
        );
        if (unknown !== null) unknownSeen++;
        // Red once a day of the clock has passed after the due date; yellow with at most two
        // working days left before it, or 80% of the days up to it used.
        const left = expected.remainingDays ?? nominal;
        const limit = expected.limitDays ?? s.limit + extension;
        const level =
          left < 0
            ? 'red'
            : (expected.workdaysLeft ?? left) <= 2 || expected.usedDays >= limit * 0.8
              ? 'yellow'
              : 'green';
        assert.equal(clock.warningLevel, level, `warning: ${what}`);
        if (s.unit === 'natural_day') {
          naturalSeen++;
          const raw = plusDays(accepted, s.limit + expected.pausedDays);
          if (typeof expected.promisedDue === 'string' && !workdays.get(raw) && !paused) movedSeen++;
        }

        if (paused) {
          pausedSeen++;
          // A stopped clock stays stopped: later days of the same pause leave the working days left
          // alone; a natural-day limit's days left are those to the date it would be due then.
          const later = plusDays(today, s.later);
          if (later <= '2026-12-31') {
            const then = computeClock(run.state, { calendar, today: later, settings: DEFAULT_CASE_SETTINGS });
            const expectedThen = count(later);
            if (s.unit === 'working_day') {
              assert.equal(then.remainingDays, clock.remainingDays, `frozen: ${what} then ${later}`);
            } else if (expectedThen.remainingDays !== null) {
              assert.equal(then.remainingDays, expectedThen.remainingDays, `left ${later}: ${what}`);
            }
            const dueThen = expectedThen.promisedDue;
            assert.equal(then.promisedDueIfResumedToday, shown(dueThen), `resumed ${later}: ${what}`);
          }
        }
      }),
      { numRuns: 1200 },
    );
    // The generator reaches the cases that matter, or the property says little.
    assert.ok(unknownSeen > 10, `deadlines in 2027: ${unknownSeen}`);
    assert.ok(pausedSeen > 50, `paused cases: ${pausedSeen}`);
    assert.ok(naturalSeen > 300, `natural-day limits: ${naturalSeen}`);
    assert.ok(movedSeen > 30, `natural-day periods moved off a day off: ${movedSeen}`);
  });
});
