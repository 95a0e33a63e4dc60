import { timingSafeEqual } from 'node:crypto';
import { PORTAL_CODE_RULES, type PortalMeView } from '../../../../contracts/portal.ts';
import { countFailure, limitAddressOf, readAttempts } from '../../../platform/attempts/index.ts';
import { inTransaction, type Platform } from '../../../platform/context.ts';
import { maskPhone } from '../../../platform/crypto/mask.ts';
import { newId } from '../../../platform/db/ids.ts';
import { AppError } from '../../../platform/errors.ts';
import { auditPortal } from '../audit-actions.ts';
import {
  findAccountByPhoneDigest,
  findOpenCode,
  insertAccount,
  spendCodeTry,
  useCode,
} from '../store/store.ts';
import type { PortalAccountsTable } from '../store/tables.ts';
import { codeDigest, phoneDigest } from './digests.ts';
import { portalAuditActor } from './portal-actor.ts';
import { toPortalMe } from './present.ts';
import { createPortalSession } from './sessions.ts';

export interface PortalLogInInput {
  phone: string;
  code: string;
  ip: string | null;
  userAgent: string | null;
}

/**
 * Failed log-ins per address within LOGIN_WINDOW, over every number; past it the address waits. Only
 * failures count, so a hall's shared network where many citizens log in is not held up.
 */
const LOGIN_FAILURES_PER_ADDRESS = 20;
const LOGIN_WINDOW = { windowMs: 15 * 60_000 };

function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Logs in with the number and its newest one-time code; the first log-in of a number opens its
 * account (real-name level `phone`). A try is spent before the code is compared (one atomic
 * statement), so five guesses sent at once are five tries; a used, replaced or expired code, or
 * one with no try left, logs nobody in. Audited as `portal.login` (and `portal.register`).
 */
export async function logInToPortal(
  platform: Platform,
  input: PortalLogInInput,
): Promise<{ me: PortalMeView; token: string; csrfToken: string; registered: boolean }> {
  // Guesses from one address, over every number, are limited too (probe finding F1): one address
  // cannot spoil the codes of many numbers, nor try many numbers' codes.
  const addressKey = { key: `portal.login:ip:${limitAddressOf(input.ip)}`, policy: LOGIN_WINDOW };
  const failed = async (error: AppError): Promise<never> => {
    await countFailure(platform.db, addressKey);
    throw error;
  };
  if ((await readAttempts(platform.db, addressKey)).failures >= LOGIN_FAILURES_PER_ADDRESS) {
    throw new AppError('PORTAL_LOGIN_TOO_MANY');
  }
  const digest = phoneDigest(platform, input.phone);
  const code = await findOpenCode(platform.db, digest);
  if (!code || Date.parse(code.expires_at) < Date.now()) return failed(new AppError('PORTAL_CODE_INVALID'));
  const tries = await spendCodeTry(platform.db, code.id, PORTAL_CODE_RULES.triesPerCode);
  if (tries === null) return failed(new AppError('PORTAL_CODE_TRIES_EXCEEDED'));
  if (!sameDigest(code.code_digest, codeDigest(platform, { phoneDigest: digest, code: input.code }))) {
    return failed(new AppError('PORTAL_CODE_INVALID', { triesLeft: PORTAL_CODE_RULES.triesPerCode - tries }));
  }
  return inTransaction(platform, async (trx) => {
    const at = new Date().toISOString();
    if (!(await useCode(trx, code.id, at))) throw new AppError('PORTAL_CODE_INVALID');
    let account = await findAccountByPhoneDigest(trx, digest);
    const registered = !account;
    if (!account) {
      account = newAccount(platform, { phone: input.phone, digest, at });
      await insertAccount(trx, account);
      await auditPortal(platform, trx, {
        actor: portalAuditActor({ accountId: account.id, phoneMasked: account.phone_masked }),
        action: 'portal.register',
        entityType: 'portal_account',
        entityId: account.id,
      });
    }
    if (account.disabled) throw new AppError('PORTAL_CODE_INVALID');
    const session = await createPortalSession(trx, {
      accountId: account.id,
      ip: input.ip,
      userAgent: input.userAgent,
    });
    await auditPortal(platform, trx, {
      actor: portalAuditActor({ accountId: account.id, phoneMasked: account.phone_masked }),
      action: 'portal.login',
      entityType: 'portal_account',
      entityId: account.id,
      detail: { ip: input.ip },
    });
    return { me: toPortalMe(account), token: session.token, csrfToken: session.csrfToken, registered };
  });
}

function newAccount(
  platform: Platform,
  fresh: { phone: string; digest: string; at: string },
): PortalAccountsTable {
  return {
    id: newId(),
    kind: 'citizen',
    phone_digest: fresh.digest,
    phone_enc: platform.cipher.encrypt(fresh.phone),
    phone_masked: maskPhone(fresh.phone),
    name_enc: null,
    name_masked: null,
    id_number_enc: null,
    id_number_masked: null,
    id_number_digest: null,
    address_enc: null,
    address_masked: null,
    real_name_level: 'phone',
    identity_provider: null,
    identity_checked_at: null,
    disabled: 0,
    revision: 1,
    created_at: fresh.at,
    updated_at: fresh.at,
  };
}
