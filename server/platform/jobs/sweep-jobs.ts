import { z } from 'zod';
import { shanghaiDay } from '../../../contracts/shanghai-date.ts';
import { numberSetting, type SettingsSource } from '../config.ts';
import type { Executor } from '../db/index.ts';
import { nowIso } from '../time.ts';
import { enqueueDailyJob } from './daily-job.ts';
import { type JobHandlers, typedHandler } from './handlers.ts';

/** The job kind of the daily sweep of finished jobs. */
export const SWEEP_JOBS_JOB = 'jobs.sweep';

/** JOB_RETENTION_DAYS: how long a finished job stays on the jobs console (integer 1–3650, default 30). */
export function jobRetentionDays(source: SettingsSource): number {
  return numberSetting(source, 'JOB_RETENTION_DAYS', { fallback: 30, min: 1, max: 3650, integer: true });
}

/**
 * Deletes the jobs that finished (`done`) more than `days` ago: the SMS sends, event dispatches and
 * deliveries that are history (the notification rows, the events and the receipts stay). Kept are
 * dead jobs (an operator must look at them), and done jobs holding a dedupe key other than an event
 * delivery's: that key is what makes "once a year" or "once a day" true (the calendar reminder), and
 * a deleted one could be queued again. An event delivery's key may go: its dispatch, the only writer
 * of that key, finished before it and is swept with it. Returns the number deleted.
 */
export async function sweepFinishedJobs(db: Executor, days: number, now: string = nowIso()): Promise<number> {
  const before = new Date(Date.parse(now) - days * 86_400_000).toISOString();
  const result = await db
    .deleteFrom('jobs')
    .where('status', '=', 'done')
    .where('updated_at', '<', before)
    .where((eb) => eb.or([eb('dedupe_key', 'is', null), eb('kind', 'like', 'event:%')]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Queues the sweep of the day after `today` (Asia/Shanghai), due at 03:30 that day, once a day. */
export function scheduleSweepJob(db: Executor, today: string = shanghaiDay(nowIso())): Promise<void> {
  return enqueueDailyJob(db, { kind: SWEEP_JOBS_JOB, today, shanghaiTime: '03:30' });
}

/** The daily sweep: queues the next day's first, then deletes what is past the retention. */
export function sweepJobHandlers(): JobHandlers {
  return {
    [SWEEP_JOBS_JOB]: typedHandler(z.object({ day: z.iso.date() }), async ({ day }, platform) => {
      await scheduleSweepJob(platform.db, day);
      await sweepFinishedJobs(platform.db, jobRetentionDays(platform.config.source));
    }),
  };
}
