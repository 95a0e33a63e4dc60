/*
 * What an SMS provider is, apart from providers.ts (which lists them) so that each provider in this
 * folder can implement it without an import cycle.
 */

/**
 * Something that delivers a text message. `send` resolves once the gateway has accepted the message
 * and rejects when it has not (the job then retries with back-off). It may be called twice for one
 * message after a crash, so a gateway that de-duplicates is welcome but not assumed.
 */
export interface SmsProvider {
  readonly name: string;
  /** `meta.notificationId` is stable across retries: a gateway may de-duplicate by it. */
  send(
    phone: string,
    body: string,
    meta?: { notificationId: string },
  ): Promise<{ providerMessageId?: string }>;
}

/** Builds a provider from the environment (its own settings, e.g. a gateway URL and key). */
export type SmsProviderFactory = (env: NodeJS.ProcessEnv) => SmsProvider;
