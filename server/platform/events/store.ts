import type { Executor } from '../db/index.ts';
import { fromJson } from '../db/json.ts';
import type { DomainEvent, DomainEventType, EventPayload } from './types.ts';

/** An event by id; throws when it does not exist (a delivery never outlives its event). */
export async function loadEvent(db: Executor, id: string): Promise<DomainEvent> {
  const row = await db.selectFrom('domain_events').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new Error(`domain event ${id} does not exist`);
  return {
    id: row.id,
    type: row.type as DomainEventType,
    subjectId: row.subject_id,
    sequence: Number(row.subject_seq),
    payload: fromJson<EventPayload>(row.payload, {}),
    recordedAt: row.recorded_at,
  };
}
