import { type Actor, authorize } from '../../../platform/access/policy.ts';
import { inTransaction, type Platform } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { auditOrg } from '../audit-actions.ts';
import { authorizeOverStaff } from '../domain/policy.ts';
import { findStaffRow, reachOf } from '../store/store-staff.ts';

/** The full phone number of a staff member (staff.readPersonal); every read leaves an audit row. */
export async function readStaffPhone(
  platform: Platform,
  actor: Actor,
  id: string,
): Promise<{ phone: string | null }> {
  authorize(actor, 'staff.readPersonal', 'anywhere');
  return inTransaction(platform, async (trx) => {
    const row = await findStaffRow(trx, id);
    if (!row) throw new AppError('STAFF_NOT_FOUND', { id });
    const who = authorizeOverStaff(actor, 'staff.readPersonal', await reachOf(trx, row));
    const phone = row.phone_enc ? platform.cipher.decrypt(row.phone_enc) : null;
    await auditOrg(platform, trx, {
      actor: who,
      action: 'org.readStaffPhone',
      entityType: 'staff',
      entityId: id,
      orgUnitId: row.org_unit_id,
      detail: { username: row.username, present: phone !== null },
    });
    return { phone };
  });
}
