import { sql } from 'kysely';
import type { Platform } from '../context.ts';
import { newId } from '../db/ids.ts';
import type { Tx } from '../db/index.ts';
import { toJson } from '../db/json.ts';
import { prepared } from '../db/prepared.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import { nowIso } from '../time.ts';
import { DISPATCH_JOB, dispatchOrderKey, isDottedName } from './names.ts';
import type { EventPayload, NewDomainEvent } from './types.ts';

/** Tries of a dispatch (it only inserts rows): about an hour and a half of back-off before it is dead. */
const DISPATCH_MAX_ATTEMPTS = 10;
/** An event is a handful of ids and codes; a payload this long is a mistake. */
const MAX_PAYLOAD_CHARS = 4000;

// Built once: every case action runs it (see platform/db/prepared.ts). The subject's next number is
// read in the same statement: one more than its last event's, 1 for its first.
const insertEvent = prepared(
  (
    db,
    p: { id: string; type: string; subjectId: string; sameSubject: string; payload: string; at: string },
  ) =>
    db
      .insertInto('domain_events')
      .values({
        id: p.id,
        type: p.type,
        subject_id: p.subjectId,
        subject_seq: sql<number>`(select coalesce(max(subject_seq), 0) + 1 from domain_events where subject_id = ${p.sameSubject})`,
        payload: p.payload,
        recorded_at: p.at,
      })
      .returning('subject_seq'),
);

/**
 * Records a domain event in the caller's transaction, with the change that caused it: a rolled-back
 * change leaves no event, a committed one is delivered to every subscriber of its type after the
 * commit (a dispatch job, in the same transaction, fans it out). Two statements, whatever the
 * number of subscribers; one when no part of this process subscribes to the type
 * (`platform.subscribedEventTypes`): the event is then kept as history and dispatched to no one.
 *
 * Events of one subject are numbered in the order they are recorded and reach each subscriber in
 * that order. Record the event after the write that serialises changes to the subject (the update of
 * its row with its version check): on PostgreSQL, two transactions recording for one subject at the
 * same time would otherwise collide on the number and the second would fail.
 */
export async function recordEvent(
  platform: Pick<Platform, 'subscribedEventTypes'>,
  trx: Tx,
  event: NewDomainEvent<EventPayload>,
): Promise<{ id: string; sequence: number }> {
  if (!trx.isTransaction) throw new Error('recordEvent runs inside the transaction of the change');
  if (!isDottedName(event.type)) {
    throw new Error(`event type "${event.type}" is not module.pastTense (e.g. case.delivered)`);
  }
  if (!event.subjectId) throw new Error(`event "${event.type}" has no subjectId`);
  const payload = toJson(event.payload);
  if (payload.length > MAX_PAYLOAD_CHARS) {
    throw new Error(`event "${event.type}" payload is ${payload.length} characters: ids and codes only`);
  }
  const id = newId();
  const [row] = (
    await insertEvent(trx, {
      id,
      type: event.type,
      subjectId: event.subjectId,
      sameSubject: event.subjectId,
      payload,
      at: nowIso(),
    })
  ).rows;
  if (!row) throw new Error('recording the event returned no row');
  const sequence = Number(row.subject_seq);
  // A type no part of this process subscribes to is history only: no dispatch that would find no one.
  if (!platform.subscribedEventTypes.has(event.type)) return { id, sequence };
  await enqueueJob(trx, {
    kind: DISPATCH_JOB,
    payload: { eventId: id },
    maxAttempts: DISPATCH_MAX_ATTEMPTS,
    order: { key: dispatchOrderKey(event.subjectId), seq: sequence },
  });
  return { id, sequence };
}
