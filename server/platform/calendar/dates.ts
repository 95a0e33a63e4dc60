import { isRealIsoDate } from '../../../contracts/calendar.ts';
import { AppError } from '../errors.ts';

/**
 * Date arithmetic on "day numbers" (days since 1970-01-01). Business dates are Asia/Shanghai
 * calendar dates written YYYY-MM-DD; as plain dates they carry no time zone, so UTC arithmetic on
 * them is exact (no DST in either zone).
 */
const MS_PER_DAY = 86_400_000;

/** The day number of a YYYY-MM-DD date; throws CALENDAR_DATE_INVALID for anything else. */
export function dayNumber(date: string): number {
  if (!isRealIsoDate(date)) throw new AppError('CALENDAR_DATE_INVALID', { date });
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY
  );
}

/** The YYYY-MM-DD date of a day number. */
export function dateOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day of the week of a day number: 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** True for Saturdays and Sundays. */
export function isWeekend(day: number): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

/** The year of a day number. */
export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** Day number of 1 January of a year. */
export function firstDayOf(year: number): number {
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(year, 0, 1);
  return d.getTime() / MS_PER_DAY;
}

/** Number of days in a year (365 or 366). */
export function daysInYear(year: number): number {
  return firstDayOf(year + 1) - firstDayOf(year);
}
