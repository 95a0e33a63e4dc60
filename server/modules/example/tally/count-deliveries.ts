import { inTransaction } from '../../../platform/context.ts';
import { type EventSubscription, markEventHandled } from '../../../platform/events/index.ts';
import type { CaseEventPayload } from '../../cases/index.ts';
import { countDelivery } from '../store/store.ts';

/**
 * Hears every `case.delivered` (published by the cases module, platform/events/README.md) and adds
 * one to the receiving unit's count. Delivered at least once: markEventHandled, in the transaction
 * of the effect, makes a second delivery of the same event do nothing.
 */
export const countDeliveries: EventSubscription = {
  name: 'example.countDeliveries',
  types: ['case.delivered'],
  async handle(event, platform, ctx) {
    const payload = event.payload as CaseEventPayload;
    await inTransaction(platform, async (trx) => {
      if (!(await markEventHandled(trx, event, ctx))) return;
      await countDelivery(trx, payload.intakeUnitId);
    });
  },
};
