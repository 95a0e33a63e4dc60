import type { z } from 'zod';
import type { Platform } from '../context.ts';

/** What a handler learns about the run it is part of (the notify handler marks its last try). */
export interface JobContext {
  id: string;
  kind: string;
  /** This run's number, from 1; equals maxAttempts on the last try. */
  attempt: number;
  maxAttempts: number;
  runnerId: string;
}

/**
 * Runs one job. It runs after the enqueuing transaction committed, outside any transaction, and may
 * run more than once (a crash after the side effect but before `done` is recorded), so it must be
 * idempotent. Throwing fails this attempt.
 */
export type JobHandler = (payload: unknown, platform: Platform, job: JobContext) => Promise<void>;

/** Handlers by job kind (`module.verb`, e.g. `notify.sms`). */
export type JobHandlers = Readonly<Record<string, JobHandler>>;

/** Joins the handler sets of several modules; two modules claiming one kind is a start-up error. */
export function mergeHandlers(sets: readonly JobHandlers[]): JobHandlers {
  const all: Record<string, JobHandler> = {};
  for (const set of sets) {
    for (const [kind, handler] of Object.entries(set)) {
      if (all[kind]) throw new Error(`job kind "${kind}" has two handlers`);
      all[kind] = handler;
    }
  }
  return all;
}

/** A handler whose payload is checked by a zod schema first: a malformed payload fails the job clearly. */
export function typedHandler<S extends z.ZodType>(
  schema: S,
  run: (payload: z.infer<S>, platform: Platform, job: JobContext) => Promise<void>,
): JobHandler {
  return async (payload, platform, job) => {
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      throw new Error(`invalid payload for job kind "${job.kind}": ${parsed.error.message}`);
    }
    await run(parsed.data, platform, job);
  };
}
