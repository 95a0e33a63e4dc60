/** `module.name` in lower camel case: event types and subscription names. */
const DOTTED_NAME = /^[a-z][a-zA-Z0-9]*\.[a-z][a-zA-Z0-9]*$/;

export function isDottedName(name: string): boolean {
  return DOTTED_NAME.test(name);
}

/** The job kind that fans one recorded event out into one delivery per subscriber. */
export const DISPATCH_JOB = 'events.dispatch';

/** The job kind of the deliveries to one subscriber, e.g. `event:ratings.inviteOnDelivery`. */
export function deliveryKind(subscriber: string): string {
  return `event:${subscriber}`;
}

/** Deliveries to one subscriber about one subject run one at a time, in the events' order. */
export function deliveryOrderKey(subscriber: string, subjectId: string): string {
  return `${deliveryKind(subscriber)}:${subjectId}`;
}

/** Dispatches of one subject's events run in order too, so deliveries are created in order. */
export function dispatchOrderKey(subjectId: string): string {
  return `${DISPATCH_JOB}:${subjectId}`;
}

/** One delivery per event and subscriber, ever: the dedupe key of its job. */
export function deliveryDedupeKey(subscriber: string, eventId: string): string {
  return `${deliveryKind(subscriber)}@${eventId}`;
}
