import { AppError } from '../errors.ts';
import type { SmsProvider } from './sms-provider.ts';

const TIMEOUT_MS = 10_000;

/**
 * Hands each text to an HTTP endpoint the county runs in front of its SMS gateway (a carrier's
 * or a cloud service's, which each sign requests their own way): POST SMS_WEBHOOK_URL with JSON
 * `{ "id", "phone", "body" }` (`id`: the notification, the same on every retry) and, when
 * SMS_WEBHOOK_TOKEN is set, `Authorization: Bearer <token>`. Any 2xx is accepted; a JSON
 * answer's `messageId` is kept. Anything else fails the attempt.
 */
export function createWebhookSmsProvider(env: NodeJS.ProcessEnv): SmsProvider {
  const url = env.SMS_WEBHOOK_URL;
  if (!url || !/^https?:\/\//.test(url)) {
    throw new AppError('CONFIG_INVALID', { field: 'SMS_WEBHOOK_URL', expected: 'an http(s) URL' });
  }
  const token = env.SMS_WEBHOOK_TOKEN;
  return {
    name: 'webhook',
    async send(phone, body, meta) {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ id: meta?.notificationId ?? null, phone, body }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`SMS gateway answered HTTP ${res.status}: ${text.slice(0, 200)}`);
      return { providerMessageId: messageIdOf(text) };
    },
  };
}

/** The `messageId` of a JSON answer, if there is one. */
function messageIdOf(text: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && 'messageId' in parsed) {
      const id = (parsed as { messageId: unknown }).messageId;
      return id === undefined || id === null ? undefined : String(id);
    }
  } catch {
    // Not JSON: the gateway accepted the message and said nothing more.
  }
  return undefined;
}
