import { randomInt } from 'node:crypto';
import { PORTAL_CODE_RULES, type PortalCodeSentView } from '../../../../contracts/portal.ts';
import { countFailure, limitAddressOf } from '../../../platform/attempts/index.ts';
import { inTransaction, type Platform } from '../../../platform/context.ts';
import { maskPhone } from '../../../platform/crypto/mask.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError } from '../../../platform/errors.ts';
import { notifySms } from '../../../platform/notify/index.ts';
import { closeOpenCodes, insertCode } from '../store/store.ts';
import { codeDigest, phoneDigest } from './digests.ts';

const MINUTE = { windowMs: 60_000 };
const DAY = { windowMs: 24 * 3600_000 };

/**
 * Counts one code request against a limit, atomically (the shared attempt limiter): past it the
 * request is refused with nothing sent.
 */
async function withinLimit(
  platform: Platform,
  limit: { key: string; window: { windowMs: number }; max: number },
): Promise<boolean> {
  const state = await countFailure(platform.db, { key: limit.key, policy: limit.window });
  return state.failures <= limit.max;
}

/**
 * Sends a one-time log-in code by text message (registration and log-in are the same step): six
 * digits, five minutes, five tries; at most one a minute and ten a day per number and per address.
 * Only the code's digest is kept; the text goes through the notification outbox. A newer code
 * replaces an older one. The answer is the same whether or not the number has an account.
 */
export async function requestPortalCode(
  platform: Platform,
  input: { phone: string; ip: string | null },
): Promise<PortalCodeSentView> {
  const digest = phoneDigest(platform, input.phone);
  const ip = limitAddressOf(input.ip);
  // The address is counted first and a refusal there stops before the number is counted: one
  // address asking for many numbers spends its own limit, never their owners' (probe finding F2).
  const limits = [
    { key: `portal.code:ip:${ip}:minute`, window: MINUTE, max: 1, refusal: 'PORTAL_CODE_TOO_SOON' },
    {
      key: `portal.code:ip:${ip}:day`,
      window: DAY,
      max: PORTAL_CODE_RULES.perDay,
      refusal: 'PORTAL_CODE_DAILY_LIMIT',
    },
    { key: `portal.code:phone:${digest}:minute`, window: MINUTE, max: 1, refusal: 'PORTAL_CODE_TOO_SOON' },
    {
      key: `portal.code:phone:${digest}:day`,
      window: DAY,
      max: PORTAL_CODE_RULES.perDay,
      refusal: 'PORTAL_CODE_DAILY_LIMIT',
    },
  ] as const;
  for (const limit of limits) {
    if (!(await withinLimit(platform, limit))) {
      throw limit.refusal === 'PORTAL_CODE_TOO_SOON'
        ? new AppError(limit.refusal, { retryAfterSeconds: PORTAL_CODE_RULES.resendAfterSeconds })
        : new AppError(limit.refusal);
    }
  }
  const code = String(randomInt(0, 10 ** PORTAL_CODE_RULES.digits)).padStart(PORTAL_CODE_RULES.digits, '0');
  const now = new Date();
  await inTransaction(platform, async (trx) => {
    await closeOpenCodes(trx, digest, now.toISOString());
    await insertCode(trx, {
      id: newId(),
      phone_digest: digest,
      code_digest: codeDigest(platform, { phoneDigest: digest, code }),
      tries: 0,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + PORTAL_CODE_RULES.ttlSeconds * 1000).toISOString(),
      used_at: null,
      ip: input.ip,
    });
    await notifySms(platform, trx, {
      phone: input.phone,
      template: 'portal.loginCode',
      params: { code, minutes: PORTAL_CODE_RULES.ttlSeconds / 60 },
    });
  });
  return {
    sentTo: maskPhone(input.phone),
    expiresInSeconds: PORTAL_CODE_RULES.ttlSeconds,
    resendAfterSeconds: PORTAL_CODE_RULES.resendAfterSeconds,
  };
}
