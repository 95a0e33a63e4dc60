import { AppError } from '../errors.ts';
import type { SmsProvider, SmsProviderFactory } from './sms-provider.ts';
import { createWebhookSmsProvider } from './webhook-provider.ts';

export type { SmsProvider, SmsProviderFactory } from './sms-provider.ts';

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
