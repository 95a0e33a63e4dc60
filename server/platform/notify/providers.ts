import { AppError } from '../errors.ts';
import { createWebhookSmsProvider } from './webhook-provider.ts';

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

/**
 * The default: delivers nowhere. The message is only marked sent in the outbox, where
 * administrators read it (短信发件箱); no SMS leaves the machine.
 */
export class OutboxSmsProvider implements SmsProvider {
  readonly name = 'outbox';
  async send(_phone: string, _body: string): Promise<{ providerMessageId?: string }> {
    return {};
  }
}

/** Builds a provider from the environment (its own settings, e.g. a gateway URL and key). */
export type SmsProviderFactory = (env: NodeJS.ProcessEnv) => SmsProvider;

/**
 * The providers SMS_PROVIDER can name. To plug in a carrier or a cloud SMS service, write a
 * class implementing SmsProvider in this folder and add one line here (see README.md).
 */
export const SMS_PROVIDERS: Readonly<Record<string, SmsProviderFactory>> = {
  outbox: () => new OutboxSmsProvider(),
  webhook: (env) => createWebhookSmsProvider(env),
};

/** The provider named by configuration; an unknown name stops the process at start-up. */
export function createSmsProvider(name: string, env: NodeJS.ProcessEnv = process.env): SmsProvider {
  const factory = SMS_PROVIDERS[name];
  if (!factory) {
    throw new AppError('CONFIG_INVALID', {
      field: 'SMS_PROVIDER',
      value: name,
      expected: Object.keys(SMS_PROVIDERS),
    });
  }
  return factory(env);
}
