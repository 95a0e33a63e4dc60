/** Events between modules: what other code imports (see README.md). */
export { markEventHandled } from './receipts.ts';
export { recordEvent } from './record-event.ts';
export { eventJobHandlers } from './subscriptions.ts';
export type {
  DeliveryContext,
  DomainEvent,
  DomainEventType,
  EventPayload,
  EventSubscription,
  NewDomainEvent,
} from './types.ts';
