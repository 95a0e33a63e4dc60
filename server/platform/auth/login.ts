import { writeAudit } from '../audit/audit.ts';
import type { Platform } from '../context.ts';
import { inTransaction } from '../context.ts';
import { AppError } from '../errors.ts';
import { nowIso } from '../time.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { createSession } from './sessions.ts';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;

// Verifying against a real hash for unknown users keeps the timing of both answers alike.
let dummyHash: Promise<string> | null = null;

/**
 * Logs a user in: checks lock-out and password, counts failures (5 in a row lock the account for
 * 15 minutes), and opens a session. Every attempt is audited.
 */
export async function login(
  platform: Platform,
  input: { username: string; password: string; ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; accountId: string }> {
  const account = await platform.db
    .selectFrom('accounts')
    .selectAll()
    .where('username', '=', input.username)
    .executeTakeFirst();
  if (!account) {
    dummyHash ??= hashPassword('not-a-real-password-0');
    await verifyPassword(await dummyHash, input.password);
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  const now = Date.now();
  if (account.locked_until && Date.parse(account.locked_until) > now) {
    throw new AppError('AUTH_ACCOUNT_LOCKED', { lockedUntil: account.locked_until });
  }
  if (account.disabled) throw new AppError('AUTH_ACCOUNT_DISABLED');
  const ok = await verifyPassword(account.password_hash, input.password);
  const auditBase = {
    actorId: account.id,
    actorName: account.username,
    entityType: 'account',
    entityId: account.id,
  };
  if (!ok) {
    const failures = account.failed_attempts + 1;
    const lock = failures >= MAX_FAILED_ATTEMPTS;
    await inTransaction(platform, async (trx) => {
      await trx
        .updateTable('accounts')
        .set({
          failed_attempts: lock ? 0 : failures,
          locked_until: lock ? new Date(now + LOCK_MINUTES * 60_000).toISOString() : null,
        })
        .where('id', '=', account.id)
        .execute();
      await writeAudit(trx, platform.dialect, {
        ...auditBase,
        action: lock ? 'auth.locked' : 'auth.loginFailed',
        detail: { ip: input.ip, failures },
      });
    });
    throw new AppError(lock ? 'AUTH_ACCOUNT_LOCKED' : 'AUTH_INVALID_CREDENTIALS');
  }
  return inTransaction(platform, async (trx) => {
    await trx
      .updateTable('accounts')
      .set({ failed_attempts: 0, locked_until: null })
      .where('id', '=', account.id)
      .execute();
    const session = await createSession(trx, account.id, { ip: input.ip, userAgent: input.userAgent });
    await writeAudit(trx, platform.dialect, {
      ...auditBase,
      action: 'auth.login',
      detail: { ip: input.ip, at: nowIso() },
    });
    return { ...session, accountId: account.id };
  });
}
