import { z } from 'zod';
import { shanghaiDay } from '../../../contracts/shanghai-date.ts';
import type { Executor } from '../db/index.ts';
import { enqueueDailyJob, type JobHandlers, typedHandler } from '../jobs/index.ts';
import { nowIso } from '../time.ts';
import type { AnchoredChain } from './anchored-chain.ts';
import { createCheckpoint } from './create-checkpoint.ts';

/** The job kind of the daily signed checkpoint. */
export const AUDIT_CHECKPOINT_JOB = 'audit.checkpoint';

/**
 * Queues the checkpoint of the day after `today` (Asia/Shanghai), due at 00:10 that day. The dedupe
 * key names the day, so however many processes call this, one job (one checkpoint) exists per day.
 */
export async function scheduleCheckpointJob(
  db: Executor,
  today: string = shanghaiDay(nowIso()),
): Promise<void> {
  await enqueueDailyJob(db, { kind: AUDIT_CHECKPOINT_JOB, today, shanghaiTime: '00:10' });
}

/**
 * The daily checkpoint: queues the next day's first (a day that fails, e.g. on a broken chain, does
 * not stop the days after it), then writes the checkpoint.
 */
export function auditJobHandlers(chains: readonly AnchoredChain[]): JobHandlers {
  return {
    [AUDIT_CHECKPOINT_JOB]: typedHandler(z.object({ day: z.iso.date() }), async ({ day }, platform) => {
      await scheduleCheckpointJob(platform.db, day);
      await createCheckpoint(platform, null, { chains });
    }),
  };
}
