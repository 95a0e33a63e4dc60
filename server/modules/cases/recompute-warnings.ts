import { z } from 'zod';
import { dateOf, dayNumber } from '../../platform/calendar/dates.ts';
import { getWorkCalendar } from '../../platform/calendar/index.ts';
import { inTransaction, type Platform } from '../../platform/context.ts';
import type { Executor, Tx } from '../../platform/db/index.ts';
import { fromJson } from '../../platform/db/json.ts';
import { enqueueJob, type JobHandlers, typedHandler } from '../../platform/jobs/index.ts';
import { nowIso, shanghaiDateOf } from '../../platform/time.ts';
import { computeClock } from './clock.ts';
import type { CaseState } from './model.ts';
import { projectionOf } from './projection.ts';
import { type CaseSettings, loadCaseSettings } from './settings.ts';
import { casesDb, updateClockColumns } from './store.ts';
import { timeLeftPhrase, warnStaffOnce } from './warn-staff.ts';

/** The job kind of the daily recomputation. */
export const RECOMPUTE_WARNINGS_JOB = 'cases.recomputeWarnings';
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
}

/**
 * Recomputes the clock of every open case as of `today` (time passes without actions), writes
 * the columns that changed, and tells the responsible staff and the supervisors when a case is
 * yellow or red, once per case and level (warn-staff.ts). Each batch is its own transaction; a
 * case an action moved meanwhile is skipped (the action wrote a fresh clock).
 */
export async function recomputeWarnings(
  platform: Platform,
  settings: CaseSettings,
  today: string = shanghaiDateOf(nowIso()),
  /** Run inside this transaction instead of one per batch (the demo seed). */
  within?: Tx,
): Promise<RecomputeSummary> {
  const summary: RecomputeSummary = { checked: 0, changed: 0, raised: 0, notified: 0 };
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
        const clock = computeClock(state, calendar, today, settings);
        const p = projectionOf(state, clock, today, row.last_hash);
        const { state: _s, ...cols } = p;
        const unchanged =
          row.warning_level === p.warning_level && row.used_days === p.used_days && row.clock_on === today;
        if (!unchanged) {
          const written = await updateClockColumns(trx, row.id, row.version, {
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
          });
          // An action moved the case meanwhile and wrote a fresh clock: the next run looks again.
          if (!written) continue;
          summary.changed++;
          const rank = RANK[p.warning_level] ?? 0;
          if (rank > (RANK[row.warning_level] ?? 0) && rank >= 2) summary.raised++;
        }
        // Whether this run or an action turned it, staff hear of each level once.
        if (p.warning_level === 'yellow' || p.warning_level === 'red') {
          const told = await warnStaffOnce(trx, state, p.warning_level, timeLeftPhrase(clock, today));
          if (told !== null) summary.notified++;
        }
      }
    });
  }
  return summary;
}

/** Queues the recomputation for 01:00 Shanghai time of the day after `today`, once per day. */
export async function scheduleWarningJob(
  db: Executor,
  today: string = shanghaiDateOf(nowIso()),
): Promise<void> {
  const tomorrow = dateOf(dayNumber(today) + 1);
  await enqueueJob(db, {
    kind: RECOMPUTE_WARNINGS_JOB,
    payload: { day: tomorrow },
    runAt: `${dateOf(dayNumber(today))}T17:00:00.000Z`,
    dedupeKey: `${RECOMPUTE_WARNINGS_JOB}:${tomorrow}`,
  });
}

/** The job handlers of the cases module: the daily recomputation, which also queues the next one. */
export function caseJobHandlers(): JobHandlers {
  return {
    [RECOMPUTE_WARNINGS_JOB]: typedHandler(z.object({ day: z.string() }), async (payload, platform) => {
      const settings = loadCaseSettings();
      await recomputeWarnings(platform, settings, payload.day);
      await scheduleWarningJob(platform.db, payload.day);
    }),
  };
}
