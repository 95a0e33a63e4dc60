import { type Actor, authorize } from '../../../platform/access/policy.ts';
import { forgetLoginFailures } from '../../../platform/auth/login.ts';
import { assertAcceptablePassword, hashPassword } from '../../../platform/auth/passwords.ts';
import { deleteAccountSessions } from '../../../platform/auth/sessions.ts';
import { inTransaction, type Platform } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { nowIso } from '../../../platform/time.ts';
import { auditOrg } from '../audit-actions.ts';
import { authorizeOverStaff } from '../domain/policy.ts';
import { orgDb } from '../store/store.ts';
import { findStaffRow, reachOf } from '../store/store-staff.ts';

/** Whose password to reset (the staff id) and the new one. */
export interface ResetStaffPasswordInput {
  id: string;
  newPassword: string;
}

/**
 * Sets a new password for a staff member the actor manages: it must be changed at next log-in,
 * every open session ends and a lock-out is lifted (the usual reason to call the administrator).
 */
export async function resetStaffPassword(
  platform: Platform,
  actor: Actor,
  input: ResetStaffPasswordInput,
): Promise<void> {
  const { id } = input;
  authorize(actor, 'staff.manage', 'anywhere');
  // The account's user name is part of the password rule (not contained in the password); read
  // before hashing, so the slow hash stays outside the transaction.
  const target = await findStaffRow(platform.db, id);
  if (!target) throw new AppError('STAFF_NOT_FOUND', { id });
  assertAcceptablePassword(input.newPassword, 'body.newPassword', { username: target.username });
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(platform, async (trx) => {
    const row = await findStaffRow(trx, id);
    if (!row) throw new AppError('STAFF_NOT_FOUND', { id });
    const who = authorizeOverStaff(actor, 'staff.manage', await reachOf(trx, row));
    await orgDb(trx)
      .updateTable('accounts')
      .set({
        password_hash: passwordHash,
        password_changed_at: nowIso(),
        must_change_password: 1,
        failed_attempts: 0,
        locked_until: null,
      })
      .where('id', '=', row.account_id)
      .execute();
    await deleteAccountSessions(trx, row.account_id);
    await forgetLoginFailures(trx, row.username);
    await auditOrg(platform, trx, {
      actor: who,
      action: 'org.resetStaffPassword',
      entityType: 'staff',
      entityId: id,
      orgUnitId: row.org_unit_id,
      detail: { username: row.username },
    });
  });
}
