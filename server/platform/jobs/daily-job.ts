import { dateOf, dayNumber } from '../calendar/dates.ts';
import type { Executor } from '../db/index.ts';
import { enqueueJob } from './enqueue-job.ts';

/**
 * Queues the run of a daily job chain for the day after `today` (Asia/Shanghai dates), due at
 * `shanghaiTime` (`HH:mm`) that day, with `{ day }` as its payload. The dedupe key names the day, so
 * however many processes start and schedule it, one job exists per day; the handler calls this again
 * with its own day first, so a day that fails does not stop the days after it.
 */
export async function enqueueDailyJob(
  db: Executor,
  job: { kind: string; today: string; shanghaiTime: string },
): Promise<void> {
  const tomorrow = dateOf(dayNumber(job.today) + 1);
  await enqueueJob(db, {
    kind: job.kind,
    payload: { day: tomorrow },
    runAt: new Date(`${tomorrow}T${job.shanghaiTime}:00+08:00`).toISOString(),
    dedupeKey: `${job.kind}:${tomorrow}`,
  });
}
