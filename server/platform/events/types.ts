import type { Platform } from '../context.ts';

/**
 * An event's type: `module.pastTense`, what happened, e.g. `case.received`, `case.delivered`,
 * `case.statusChanged` (lower camel case on both sides of the one dot).
 */
export type DomainEventType = `${string}.${string}`;

/**
 * What an event carries: ids, codes, numbers, flags and instants, one level deep. Never personal
 * data — no names, phone numbers, ID card numbers, addresses or text typed by people: the outbox is
 * kept and readable by operators, and every subscriber gets every field. A subscriber that needs
 * more reads it through the publishing module's `index.ts`, under its own access rules.
 */
export type EventPayload = Readonly<Record<string, string | number | boolean | null>>;

/** What a module records (see recordEvent). */
export interface NewDomainEvent<P extends EventPayload = EventPayload> {
  type: DomainEventType;
  /** The record the event is about (a case id); events of one subject reach a subscriber in order. */
  subjectId: string;
  payload: P;
}

/** An event as a subscriber receives it. */
export interface DomainEvent<P extends EventPayload = EventPayload> {
  id: string;
  type: DomainEventType;
  subjectId: string;
  /** 1, 2, … per subject, in the order the events were recorded. */
  sequence: number;
  payload: P;
  /** When it was recorded (UTC ISO). */
  recordedAt: string;
}

/** What a subscriber's handler learns about the delivery it is part of. */
export interface DeliveryContext {
  /** The subscription's name, e.g. `ratings.inviteOnDelivery` (what markEventHandled records). */
  subscriber: string;
  /** The delivery job (shown on the jobs console). */
  jobId: string;
  /** This try's number, from 1; equals maxAttempts on the last one. */
  attempt: number;
  maxAttempts: number;
  runnerId: string;
}

/**
 * A module's interest in some event types. Its handler runs after the publishing transaction
 * committed, outside any transaction, at least once per event (make it idempotent with
 * markEventHandled); throwing fails the try and the delivery is retried with the jobs' back-off.
 */
export interface EventSubscription {
  /** `module.verb`, unique in the house, e.g. `ratings.inviteOnDelivery`; never renamed once deployed. */
  name: string;
  types: readonly DomainEventType[];
  handle(event: DomainEvent, platform: Platform, ctx: DeliveryContext): Promise<void>;
  /** Tries per event before its delivery is dead (default: the jobs' DEFAULT_MAX_ATTEMPTS). */
  maxAttempts?: number;
}
