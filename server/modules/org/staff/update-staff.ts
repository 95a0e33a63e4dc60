import type { Role } from '../../../../contracts/access.ts';
import type { StaffView, UpdateStaffInput } from '../../../../contracts/org.ts';
import { type Actor, authorize } from '../../../platform/access/policy.ts';
import { deleteAccountSessions } from '../../../platform/auth/sessions.ts';
import { inTransaction, type Platform } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { auditOrg } from '../audit-actions.ts';
import { assertMayChangeGrants, authorizeOverStaff } from '../domain/policy.ts';
import { grantsMissingFrom } from '../domain/staff-rules.ts';
import { assertRevision, orgDb, updateRevised } from '../store/store.ts';
import { findStaffRow, reachOf, replaceStaffRoles, rolesOfStaff } from '../store/store-staff.ts';
import type { StaffTable } from '../store/tables.ts';
import { staffView } from './get-staff.ts';
import { checkWindowAssignable, loadStaffUnit, protectPhone, resolveGrants } from './staff-checks.ts';

/** Which staff member to edit (`id`) and the changes (the request body). */
export type UpdateStaffRequest = UpdateStaffInput & { id: string };

/**
 * Edits a staff member the actor manages. Moving them needs staff.manage at the new unit too; every
 * grant added or removed must be one the actor could give; deactivating disables the account and
 * ends its sessions at once. Decided on the revision the editor saw: a moved one is 409
 * ORG_STALE_VERSION. A password reset (reset-staff-password.ts) changes the account, not this record,
 * and takes no revision.
 */
export async function updateStaff(
  platform: Platform,
  actor: Actor,
  input: UpdateStaffRequest,
): Promise<StaffView> {
  const { id } = input;
  authorize(actor, 'staff.manage', 'anywhere');
  return inTransaction(platform, async (trx) => {
    const row = await findStaffRow(trx, id);
    if (!row) throw new AppError('STAFF_NOT_FOUND', { id });
    const who = authorizeOverStaff(actor, 'staff.manage', await reachOf(trx, row));
    assertRevision(input.expectedRevision, row.revision);

    const patch: Partial<StaffTable> = {};
    if (input.name !== undefined) patch.name = input.name;
    if (input.title !== undefined) patch.title = input.title;
    if (input.orgUnitId !== undefined && input.orgUnitId !== row.org_unit_id) {
      const unit = await loadStaffUnit(trx, input.orgUnitId);
      authorize(who, 'staff.manage', { path: unit.path });
      patch.org_unit_id = unit.id;
    }
    if (input.windowId !== undefined && input.windowId !== row.window_id) {
      if (input.windowId) await checkWindowAssignable(trx, who, input.windowId);
      patch.window_id = input.windowId;
    }
    if (input.phone !== undefined) Object.assign(patch, protectPhone(platform, input.phone));
    if (input.active !== undefined && (input.active ? 1 : 0) !== row.active)
      patch.active = input.active ? 1 : 0;

    let rolesAdded: { role: Role; scopeOrgUnitId: string }[] = [];
    let rolesRemoved: { role: Role; scopeOrgUnitId: string }[] = [];
    let newGrants: Awaited<ReturnType<typeof resolveGrants>> | null = null;
    if (input.roles !== undefined) {
      const wanted = await resolveGrants(trx, input.roles);
      const current = (await rolesOfStaff(trx, [id])).map((r) => ({
        role: r.role as Role,
        scopeOrgUnitId: r.scope_org_unit_id,
        scopePath: r.scope_path,
      }));
      const added = grantsMissingFrom(wanted, current);
      const removed = grantsMissingFrom(current, wanted);
      assertMayChangeGrants(who, [...added, ...removed]);
      if (added.length > 0 || removed.length > 0) newGrants = wanted;
      rolesAdded = added.map(({ role, scopeOrgUnitId }) => ({ role, scopeOrgUnitId }));
      rolesRemoved = removed.map(({ role, scopeOrgUnitId }) => ({ role, scopeOrgUnitId }));
    }

    const changed = Object.keys(patch).map((k) => (k.startsWith('phone_') ? 'phone' : k));
    if (rolesAdded.length > 0 || rolesRemoved.length > 0) changed.push('roles');
    if (changed.length === 0) return staffView(trx, who, id);

    // The guarded write first (a grant change moves the revision too): it takes the staff row, so
    // a concurrent change decided on the same revision waits here and then hears ORG_STALE_VERSION.
    await updateRevised(trx, 'staff', { id, expected: input.expectedRevision, patch });
    if (newGrants) await replaceStaffRoles(trx, id, newGrants);
    if (patch.active !== undefined) {
      // A deactivated account cannot log in again, and its open sessions end now.
      await orgDb(trx)
        .updateTable('accounts')
        .set({ disabled: patch.active ? 0 : 1 })
        .where('id', '=', row.account_id)
        .execute();
      if (!patch.active) await deleteAccountSessions(trx, row.account_id);
    }
    await auditOrg(platform, trx, {
      actor: who,
      action: patch.active === 0 ? 'org.deactivateStaff' : 'org.updateStaff',
      entityType: 'staff',
      entityId: id,
      orgUnitId: patch.org_unit_id ?? row.org_unit_id,
      detail: { username: row.username, changed: [...new Set(changed)], rolesAdded, rolesRemoved },
    });
    return staffView(trx, who, id);
  });
}
