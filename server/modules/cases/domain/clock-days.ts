import type { TimeLimitUnit } from '../../../../contracts/cases.ts';
import { dateOf, dayNumber } from '../../../platform/calendar/dates.ts';
import { isAppError } from '../../../platform/errors.ts';
import type { Pause } from './model.ts';

/**
 * The day arithmetic of the case clock, pure: counting in working days or natural days (自然日),
 * pauses excluded, and the day a time limit ends. Counting convention, the calendar's: the day of
 * an event does not count, the next day is day 1; a pause from d1 to d2 removes the days after d1
 * up to and including d2 (an open pause runs to the `end` the caller counts to).
 */

/** What the clock needs of the working-day calendar (platform/calendar's WorkCalendar has it). */
export interface ClockCalendar {
  addWorkdays(from: string, n: number): string;
  workdaysBetween(from: string, to: string): number;
  isWorkday(date: string): boolean;
}

/** Day arithmetic in one unit (see counterFor). */
export interface Counter {
  add(from: string, n: number): string;
  between(from: string, to: string): number;
}

/** Day arithmetic in the unit of a time limit: working days from the calendar, or plain days. */
export function counterFor(calendar: ClockCalendar, unit: TimeLimitUnit): Counter {
  if (unit !== 'working_day') return NATURAL_DAYS;
  // One counter per calendar, made once: the clock asks for it several times per action.
  let counter = workdayCounters.get(calendar);
  if (!counter) {
    counter = {
      add: (f, n) => calendar.addWorkdays(f, n),
      between: (f, t) => calendar.workdaysBetween(f, t),
    };
    workdayCounters.set(calendar, counter);
  }
  return counter;
}

const NATURAL_DAYS: Counter = {
  add: (f, n) => dateOf(dayNumber(f) + n),
  between: (f, t) => Math.max(0, dayNumber(t) - dayNumber(f)),
};
const workdayCounters = new WeakMap<ClockCalendar, Counter>();

/** Days of the pauses that fall after `from` up to and including `until` (open pauses run to `until`). */
export function pausedWithin(
  counter: Counter,
  { pauses, from, until }: { pauses: readonly Pause[]; from: string; until: string },
): number {
  let days = 0;
  for (const p of pauses) {
    const start = p.from > from ? p.from : from;
    const end = p.to === null || p.to > until ? until : p.to;
    if (end > start) days += counter.between(start, end);
  }
  return days;
}

/**
 * The day on which `limit` days of the clock (pauses excluded) have run from `start`, pauses known
 * up to `end` (an open pause runs to `end`). Only pauses before that day move it: a correction
 * asked for after the deadline passed does not bring it back.
 * Throws CALENDAR_YEAR_NOT_PUBLISHED when the count reaches a year without published holidays.
 */
export function dueDate(
  counter: Counter,
  { start, limit, pauses, end }: { start: string; limit: number; pauses: readonly Pause[]; end: string },
): string {
  // Fixpoint from below: the limit-th day, pushed on by the paused days before it, until no
  // further paused day falls before it (each round can only add days, and they are finite).
  let due = counter.add(start, limit);
  if (pauses.length === 0) return due;
  for (;;) {
    const next = counter.add(
      start,
      limit + pausedWithin(counter, { pauses, from: start, until: due < end ? due : end }),
    );
    if (next === due) return due;
    due = next;
  }
}

/** True when a date is a paused day: after a pause's first day, up to its last (open ones: `end`). */
function pausedOn(pauses: readonly Pause[], date: string, end: string): boolean {
  return pauses.some((p) => p.from < date && date <= (p.to === null || p.to > end ? end : p.to));
}

/**
 * The due date of a time limit of `limit` days in its unit, plus `extension` working days
 * (行政许可法 第四十二条 extends in working days, whatever the item's unit).
 * - Working days: the (limit + extension)-th working day of the clock.
 * - Natural days: the limit-th day of the clock; when it is a rest day or a statutory holiday
 *   (per the platform calendar, so a 调休 make-up Saturday is a working day), the period ends on
 *   the first working day of the clock after it (民法典 第二百零三条; 民事诉讼法 第八十五条, which
 *   行政诉讼法 第一百零一条 applies to administrative cases, says the same). An extension runs from that day.
 * Throws CALENDAR_YEAR_NOT_PUBLISHED when it has to look at a day of an unpublished year.
 */
export function limitDue(calendar: ClockCalendar, time: TimeLimitRun): string {
  const { unit, start, limit, extension, pauses, end } = time;
  const workdays = counterFor(calendar, 'working_day');
  if (unit === 'working_day') return dueDate(workdays, { start, limit: limit + extension, pauses, end });
  let due = dueDate(counterFor(calendar, 'natural_day'), { start, limit, pauses, end });
  // A period does not end on a day off, nor on a day the clock does not count (paused).
  while (!calendar.isWorkday(due) || pausedOn(pauses, due, end)) due = dateOf(dayNumber(due) + 1);
  return extension === 0 ? due : dueDate(workdays, { start: due, limit: extension, pauses, end });
}

/** A time limit as it runs on a case's clock (see limitDue). */
export interface TimeLimitRun {
  /** The limit's unit. */
  unit: TimeLimitUnit;
  /** The clock start. */
  start: string;
  /** The limit, in its unit. */
  limit: number;
  /** Extension, in working days. */
  extension: number;
  pauses: readonly Pause[];
  /** The day pauses are known up to (an open pause runs to it). */
  end: string;
}

/** Days used from the clock start up to a date, pauses excluded. */
export function usedDaysAt(
  counter: Counter,
  { start, pauses, date }: { start: string; pauses: readonly Pause[]; date: string },
): number {
  if (date <= start) return 0;
  return counter.between(start, date) - pausedWithin(counter, { pauses, from: start, until: date });
}

/**
 * Days left on `end` until a due date, in the counter's unit: the days after `end` up to the due
 * date; once past it, minus the days of the clock (pauses excluded) after the due date up to `end`.
 */
export function daysLeft(
  counter: Counter,
  { pauses, end, due }: { pauses: readonly Pause[]; end: string; due: string },
): number {
  if (end <= due) return counter.between(end, due);
  return -(counter.between(due, end) - pausedWithin(counter, { pauses, from: due, until: end }));
}

/** The year a CALENDAR_YEAR_NOT_PUBLISHED error names; any other error is thrown on. */
export function unpublishedYear(err: unknown): number {
  if (!isAppError(err, 'CALENDAR_YEAR_NOT_PUBLISHED')) throw err;
  const year = (err.details as { year?: unknown } | undefined)?.year;
  if (typeof year !== 'number') throw err;
  return year;
}

/** How far the calendar counts from a day towards another (see reachOf). */
export interface Reach {
  /** The last day a count may run to: the target, or the eve of the first unpublished year. */
  day: string;
  /** The first year without published holidays on the way; null when the target is reached. */
  missingYear: number | null;
}

/**
 * How far a count from `from` towards `to` can go: all the way, or, when it crosses a year whose
 * holidays are not published, up to 31 December before that year (never before `from`). Counts up
 * to `day` are exact; what lies beyond is unknown and is not guessed.
 */
export function reachOf(counter: Counter, from: string, to: string): Reach {
  try {
    counter.between(from, to);
    return { day: to, missingYear: null };
  } catch (err) {
    const year = unpublishedYear(err);
    const eve = `${year - 1}-12-31`;
    return { day: eve > from ? eve : from, missingYear: year };
  }
}
