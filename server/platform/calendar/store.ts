import type { CalendarDayKind } from '../../../contracts/calendar.ts';
import { newId } from '../db/ids.ts';
import type { Executor, Tx } from '../db/index.ts';
import type { CalendarDaysTable, CalendarYearsTable } from '../db/schema.ts';
import { nowIso } from '../time.ts';
import { WorkCalendar } from './work-calendar.ts';

/** All SQL of the calendar: calendar_years, calendar_days, and the per-process WorkCalendar cache. */

/** Calendars built in this process, keyed by the version stamp of the data they were built from. */
const cache = new Map<string, WorkCalendar>();
const CACHE_SIZE = 8;

/**
 * The version stamp of the calendar data: every year with its random version token. An edit in any
 * process replaces a token, publishing adds a row, so the stamp changes; tokens are random, so a
 * stamp never names two different contents (not across databases, not after a rolled-back edit).
 */
export async function calendarStamp(db: Executor): Promise<string> {
  const rows = await db
    .selectFrom('calendar_years')
    .select(['year', 'version', 'published_at'])
    .orderBy('year')
    .execute();
  return rows.map((r) => `${r.year}:${r.version ?? r.published_at}`).join(',');
}

/**
 * The working-day calendar of the published years, current as of this call: one tiny query on
 * calendar_years per call checks the version stamp; the days are re-read only when it changed.
 */
export async function getWorkCalendar(db: Executor): Promise<WorkCalendar> {
  const stamp = await calendarStamp(db);
  const hit = cache.get(stamp);
  if (hit) return hit;
  const rows = await db.selectFrom('calendar_days').select(['date', 'workday']).execute();
  const calendar = new WorkCalendar(rows);
  cache.set(stamp, calendar);
  // Map keeps insertion order: drop the oldest beyond the bound (tests open many databases).
  for (const key of cache.keys()) {
    if (cache.size <= CACHE_SIZE) break;
    cache.delete(key);
  }
  return calendar;
}

export interface CalendarYearCounts extends CalendarYearsTable {
  holidayDays: number;
  makeupDays: number;
  workdays: number;
}

/** Every published year with its number of holidays, make-up days and working days. */
export async function listCalendarYears(db: Executor): Promise<CalendarYearCounts[]> {
  const years = await db.selectFrom('calendar_years').selectAll().orderBy('year').execute();
  const counts = await db
    .selectFrom('calendar_days')
    .select(['year', 'kind', 'workday', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['year', 'kind', 'workday'])
    .execute();
  return years.map((y) => {
    const of = (pred: (c: (typeof counts)[number]) => boolean) =>
      counts.filter((c) => c.year === y.year && pred(c)).reduce((sum, c) => sum + Number(c.n), 0);
    return {
      ...y,
      holidayDays: of((c) => c.kind === 'holiday'),
      makeupDays: of((c) => c.kind === 'makeup'),
      workdays: of((c) => c.workday === 1),
    };
  });
}

/** One published year, or undefined. */
export function findCalendarYear(db: Executor, year: number): Promise<CalendarYearsTable | undefined> {
  return db.selectFrom('calendar_years').selectAll().where('year', '=', year).executeTakeFirst();
}

/** Every day of a year, in date order. */
export function listCalendarDays(db: Executor, year: number): Promise<CalendarDaysTable[]> {
  return db.selectFrom('calendar_days').selectAll().where('year', '=', year).orderBy('date').execute();
}

/** One day, or undefined when its year is not published. */
export function findCalendarDay(db: Executor, date: string): Promise<CalendarDaysTable | undefined> {
  return db.selectFrom('calendar_days').selectAll().where('date', '=', date).executeTakeFirst();
}

const BATCH = 200;

/** Inserts a whole year: its calendar_years row and every day, in batches (both dialects). */
export async function insertCalendarYear(
  trx: Tx,
  year: { year: number; source: string; publishedBy: string | null; days: Omit<CalendarDaysTable, 'year'>[] },
): Promise<void> {
  await trx
    .insertInto('calendar_years')
    .values({
      year: year.year,
      source: year.source,
      published_at: nowIso(),
      published_by: year.publishedBy,
      version: newId(),
    })
    .execute();
  const rows = year.days.map((d) => ({ ...d, year: year.year }));
  for (let i = 0; i < rows.length; i += BATCH) {
    await trx
      .insertInto('calendar_days')
      .values(rows.slice(i, i + BATCH))
      .execute();
  }
}

/** Rewrites one day and replaces its year's version token, so every process reloads. */
export async function updateCalendarDayRow(
  trx: Tx,
  day: { date: string; year: number; workday: boolean; kind: CalendarDayKind; name: string | null },
): Promise<void> {
  await trx
    .updateTable('calendar_days')
    .set({ workday: day.workday ? 1 : 0, kind: day.kind, name: day.name })
    .where('date', '=', day.date)
    .execute();
  await trx.updateTable('calendar_years').set({ version: newId() }).where('year', '=', day.year).execute();
}
