import { z } from 'zod';
import { shanghaiDay } from '../../../../contracts/shanghai-date.ts';
import { getWorkCalendar } from '../../../platform/calendar/index.ts';
import { inTransaction, type Platform } from '../../../platform/context.ts';
import type { Executor, Tx } from '../../../platform/db/index.ts';
import { fromJson } from '../../../platform/db/json.ts';
import { enqueueDailyJob, enqueueJob, type JobHandlers, typedHandler } from '../../../platform/jobs/index.ts';
import { nowIso } from '../../../platform/time.ts';
import type { CaseSettings } from '../domain/case-settings.ts';
import { computeClock } from '../domain/clock.ts';
import type { CaseState } from '../domain/model.ts';
import { loadCaseSettings } from '../settings.ts';
import { projectionOf } from '../store/projection.ts';
import { casesDb, updateClockColumns } from '../store/store.ts';
import { remindCalendarMaintainers, timeLeftPhrase, warnStaffOnce } from './warn-staff.ts';

/** The job kind of the daily recomputation. */
export const RECOMPUTE_WARNINGS_JOB = 'cases.recomputeWarnings';
/** The job kind that tells the calendar's maintainers a year's holidays are missing (once per year). */
export const REMIND_CALENDAR_JOB = 'cases.remindCalendarYear';
/**
 * From this day of the year (MM-DD) the next year's holidays are due even if no open case needs
 * them yet: the State Council's notice usually appears in November, and cases accepted in December
 * soon run into January.
 */
export const NEXT_YEAR_CALENDAR_DUE_FROM = '12-01';
const OPEN = ['received', 'in_process', 'process_correction', 'special_procedure'];
const RANK: Record<string, number> = { none: 0, green: 1, yellow: 2, red: 3 };
const BATCH = 200;

export interface RecomputeSummary {
  checked: number;
  changed: number;
  /** Cases whose warning level rose to yellow or red in this run. */
  raised: number;
  /** Cases whose staff and supervisors were told of a level for the first time. */
  notified: number;
  /** Years without published holidays whose reminder to the calendar's maintainers this run queued. */
  calendarReminders: number[];
}

/**
 * Recomputes the clock of every open case as of `today` (time passes without actions), writes
 * the columns that changed, and tells the responsible staff and the supervisors when a case is
 * yellow or red, once per case and level (warn-staff.ts). Each batch is its own transaction; a
 * case an action moved meanwhile is skipped (the action wrote a fresh clock). Last, when open
 * cases need a year whose holidays are not published, or the next year is due (yearsToRemind),
 * queues the reminder to the calendar's maintainers, once per year.
 */
export async function recomputeWarnings(
  platform: Platform,
  settings: CaseSettings,
  {
    today = shanghaiDay(nowIso()),
    within,
  }: {
    today?: string;
    /** Run inside this transaction instead of one per batch (the demo seed). */
    within?: Tx;
  } = {},
): Promise<RecomputeSummary> {
  const summary: RecomputeSummary = { checked: 0, changed: 0, raised: 0, notified: 0, calendarReminders: [] };
  /** Open cases whose clock needs a year without published holidays, by year. */
  const uncounted = new Map<number, number>();
  const db = within ?? platform.db;
  const calendar = await getWorkCalendar(db);
  const batch = (work: (trx: Tx) => Promise<void>) => (within ? work(within) : inTransaction(platform, work));
  let after = '';
  for (;;) {
    const rows = await casesDb(db)
      .selectFrom('cases')
      .select([
        'id',
        'state',
        'version',
        'warning_level',
        'last_hash',
        'used_days',
        'promised_due',
        'clock_on',
      ])
      .where('status', 'in', OPEN)
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    after = rows.at(-1)?.id ?? after;
    await batch(async (trx) => {
      for (const row of rows) {
        summary.checked++;
        const state = fromJson<CaseState>(row.state, {} as CaseState);
        const clock = computeClock(state, { calendar, today, settings });
        const missingYear = clock.calendarProblem?.year;
        if (missingYear !== undefined) uncounted.set(missingYear, (uncounted.get(missingYear) ?? 0) + 1);
        const p = projectionOf(state, { clock, clockOn: today, lastHash: row.last_hash });
        const { state: _s, ...cols } = p;
        const unchanged =
          row.warning_level === p.warning_level && row.used_days === p.used_days && row.clock_on === today;
        if (!unchanged) {
          const written = await updateClockColumns(trx, {
            id: row.id,
            version: row.version,
            cols: {
              clock_start: cols.clock_start,
              deemed_accepted: cols.deemed_accepted,
              promised_due: cols.promised_due,
              legal_due: cols.legal_due,
              limit_days: cols.limit_days,
              used_days: cols.used_days,
              remaining_days: cols.remaining_days,
              paused: cols.paused,
              paused_days: cols.paused_days,
              extension_days: cols.extension_days,
              warning_level: cols.warning_level,
              lost_step: cols.lost_step,
              clock_on: today,
            },
          });
          // An action moved the case meanwhile and wrote a fresh clock: the next run looks again.
          if (!written) continue;
          summary.changed++;
          const rank = RANK[p.warning_level] ?? 0;
          if (rank > (RANK[row.warning_level] ?? 0) && rank >= 2) summary.raised++;
        }
        // Whether this run or an action turned it, staff hear of each level once.
        if (p.warning_level === 'yellow' || p.warning_level === 'red') {
          const told = await warnStaffOnce(trx, state, {
            level: p.warning_level,
            timeLeft: timeLeftPhrase(clock, today),
          });
          if (told !== null) summary.notified++;
        }
      }
    });
  }
  for (const [year, openCases] of yearsToRemind(uncounted, { publishedYears: calendar.years, today })) {
    await batch(async (trx) => {
      const queued = await enqueueJob(trx, {
        kind: REMIND_CALENDAR_JOB,
        payload: { year, openCases },
        // Named after the event: the maintainers hear of a year once, whichever run or process queues it.
        dedupeKey: `${REMIND_CALENDAR_JOB}:${year}`,
      });
      if (queued.created) summary.calendarReminders.push(year);
    });
  }
  return summary;
}

/**
 * The years whose missing holidays the calendar's maintainers should hear of as of `today`, with the
 * number of open cases each leaves uncounted: every year an open case needs, and from `dueFrom`
 * (MM-DD) on the next year, if it is not published, with the cases that need it (possibly none).
 */
export function yearsToRemind(
  uncounted: ReadonlyMap<number, number>,
  {
    publishedYears,
    today,
    dueFrom = NEXT_YEAR_CALENDAR_DUE_FROM,
  }: { publishedYears: readonly number[]; today: string; dueFrom?: string },
): Map<number, number> {
  const years = new Map(uncounted);
  const next = Number(today.slice(0, 4)) + 1;
  if (today.slice(5) >= dueFrom && !publishedYears.includes(next) && !years.has(next)) years.set(next, 0);
  return years;
}

/** Queues the recomputation for 01:00 Shanghai time of the day after `today`, once per day. */
export async function scheduleWarningJob(db: Executor, today: string = shanghaiDay(nowIso())): Promise<void> {
  await enqueueDailyJob(db, { kind: RECOMPUTE_WARNINGS_JOB, today, shanghaiTime: '01:00' });
}

/**
 * The job handlers of the cases module: the daily recomputation, which also queues the next one,
 * and the reminder to the calendar's maintainers it may queue.
 */
export function caseJobHandlers(): JobHandlers {
  return {
    [RECOMPUTE_WARNINGS_JOB]: typedHandler(z.object({ day: z.string() }), async (payload, platform) => {
      const settings = loadCaseSettings(platform.config.source);
      await recomputeWarnings(platform, settings, { today: payload.day });
      await scheduleWarningJob(platform.db, payload.day);
    }),
    [REMIND_CALENDAR_JOB]: typedHandler(
      z.object({ year: z.number().int(), openCases: z.number().int().min(0) }),
      async ({ year, openCases }, platform) => {
        await inTransaction(platform, (trx) => remindCalendarMaintainers(trx, year, openCases));
      },
    ),
  };
}
