import type { Actor } from '../access/policy.ts';
import { auditPlatform } from '../audit/actions.ts';
import { inTransaction, type Platform } from '../context.ts';
import { AppError, say } from '../errors.ts';
import { nowIso } from '../time.ts';
import { assertAcceptablePassword, hashPassword, verifyPassword } from './passwords.ts';
import { deleteAccountSessions } from './sessions.ts';

/** Changes the actor's own password (the policy of passwords.ts, and not the current one again); other sessions of the account end. */
export async function changePassword(
  platform: Platform,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; sessionToken: string | null },
): Promise<void> {
  assertAcceptablePassword(input.newPassword, 'newPassword', { username: actor.username });
  const account = await platform.db
    .selectFrom('accounts')
    .select(['password_hash'])
    .where('id', '=', actor.accountId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(account.password_hash, input.currentPassword))) {
    throw new AppError('AUTH_PASSWORD_WRONG', { fields: [{ path: 'currentPassword' }] });
  }
  if (await verifyPassword(account.password_hash, input.newPassword)) {
    throw new AppError('AUTH_PASSWORD_WEAK', {
      fields: [
        { path: 'newPassword', message: say('不能与当前密码相同', 'Must differ from the current password') },
      ],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(platform, async (trx) => {
    // Compare-and-set on the hash the current password was checked against: of several changes
    // sent at once (each checked the same old password), one wins and the others are told the
    // current password is no longer right, instead of all answering "changed" for one in force.
    const changed = await trx
      .updateTable('accounts')
      .set({ password_hash: passwordHash, password_changed_at: nowIso(), must_change_password: 0 })
      .where('id', '=', actor.accountId)
      .where('password_hash', '=', account.password_hash)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) {
      throw new AppError('AUTH_PASSWORD_WRONG', { fields: [{ path: 'currentPassword' }] });
    }
    await deleteAccountSessions(trx, actor.accountId, input.sessionToken ?? undefined);
    await auditPlatform(platform, trx, {
      actor,
      action: 'auth.changePassword',
      entityType: 'account',
      entityId: actor.accountId,
    });
  });
}
