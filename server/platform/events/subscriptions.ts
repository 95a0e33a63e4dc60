import { z } from 'zod';
import { enqueueJobs } from '../jobs/enqueue-job.ts';
import { type JobHandlers, typedHandler } from '../jobs/handlers.ts';
import { DISPATCH_JOB, deliveryDedupeKey, deliveryKind, deliveryOrderKey, isDottedName } from './names.ts';
import { loadEvent } from './store.ts';
import type { EventSubscription } from './types.ts';

const EventJob = z.object({ eventId: z.string().min(1) });

/**
 * The job handlers that deliver events to these subscriptions: the dispatch (one job per recorded
 * event, which adds one delivery job per subscriber of its type) and one job kind per subscription
 * (`event:<name>`). The composition root calls it once with every module's subscriptions and merges
 * the result with the other job handlers (a second call would claim `events.dispatch` again, which
 * mergeHandlers refuses). Refuses, at start-up, two subscriptions of one name, a name or type that is
 * not `module.name`, and a subscription to no type.
 *
 * Subscriptions are read when an event is dispatched, just after its commit: a subscription added
 * later gets the events dispatched from then on, none of those before it existed.
 */
export function eventJobHandlers(subscriptions: readonly EventSubscription[]): JobHandlers {
  const byType = new Map<string, EventSubscription[]>();
  const handlers: Record<string, JobHandlers[string]> = {};
  for (const sub of subscriptions) {
    if (!isDottedName(sub.name)) throw new Error(`subscription name "${sub.name}" is not module.verb`);
    const kind = deliveryKind(sub.name);
    if (handlers[kind]) throw new Error(`two event subscriptions are named "${sub.name}"`);
    if (sub.types.length === 0) throw new Error(`subscription "${sub.name}" names no event type`);
    for (const type of new Set(sub.types)) {
      if (!isDottedName(type))
        throw new Error(`subscription "${sub.name}": "${type}" is not module.pastTense`);
      byType.set(type, [...(byType.get(type) ?? []), sub]);
    }
    handlers[kind] = typedHandler(EventJob, async ({ eventId }, platform, job) => {
      const event = await loadEvent(platform.db, eventId);
      await sub.handle(event, platform, {
        subscriber: sub.name,
        jobId: job.id,
        attempt: job.attempt,
        maxAttempts: job.maxAttempts,
        runnerId: job.runnerId,
      });
    });
  }

  handlers[DISPATCH_JOB] = typedHandler(EventJob, async ({ eventId }, platform) => {
    const event = await loadEvent(platform.db, eventId);
    // One statement for all subscribers; after a crash the dedupe keys make a second dispatch add nothing.
    await enqueueJobs(
      platform.db,
      (byType.get(event.type) ?? []).map((sub) => ({
        kind: deliveryKind(sub.name),
        payload: { eventId },
        dedupeKey: deliveryDedupeKey(sub.name, eventId),
        maxAttempts: sub.maxAttempts,
        order: { key: deliveryOrderKey(sub.name, event.subjectId), seq: event.sequence },
      })),
    );
  });
  return handlers;
}
