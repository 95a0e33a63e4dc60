import type { Tx } from '../db/index.ts';
import { nowIso } from '../time.ts';
import type { DeliveryContext, DomainEvent } from './types.ts';

/**
 * Records "this subscriber handled this event" in the handler's own transaction, with its effect.
 * True the first time; false when it was handled already (a redelivery after a crash, or a second
 * runner that took over a delivery whose lease ran out): then do nothing, and let the transaction end.
 *
 * ```ts
 * await inTransaction(platform, async (trx) => {
 *   if (!(await markEventHandled(trx, event, ctx))) return;
 *   // … the effect …
 * });
 * ```
 */
export async function markEventHandled(
  trx: Tx,
  event: Pick<DomainEvent, 'id'>,
  ctx: Pick<DeliveryContext, 'subscriber'>,
): Promise<boolean> {
  if (!trx.isTransaction) throw new Error('markEventHandled runs inside the transaction of the effect');
  const inserted = await trx
    .insertInto('event_receipts')
    .values({ subscriber: ctx.subscriber, event_id: event.id, handled_at: nowIso() })
    // On PostgreSQL a concurrent twin waits here for the first to commit, then inserts nothing.
    .onConflict((oc) => oc.columns(['subscriber', 'event_id']).doNothing())
    .returning('event_id')
    .executeTakeFirst();
  return inserted !== undefined;
}
