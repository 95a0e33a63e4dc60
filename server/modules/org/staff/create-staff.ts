import type { CreateStaffInput, StaffView } from '../../../../contracts/org.ts';
import { type Actor, authorize } from '../../../platform/access/policy.ts';
import { assertAcceptablePassword, hashPassword } from '../../../platform/auth/passwords.ts';
import { inTransaction, type Platform } from '../../../platform/context.ts';
import { say } from '../../../platform/errors.ts';
import { auditOrg } from '../audit-actions.ts';
import { assertMayChangeGrants } from '../domain/policy.ts';
import { insertStaff, usernameTaken } from '../store/store-staff.ts';
import { fieldError } from '../views/present.ts';
import { staffView } from './get-staff.ts';
import { checkWindowAssignable, loadStaffUnit, protectPhone, resolveGrants } from './staff-checks.ts';

/**
 * Creates a staff account at an org unit the actor manages, with role grants the actor may give.
 * The initial password must be changed at first log-in.
 */
export async function createStaff(
  platform: Platform,
  actor: Actor,
  input: CreateStaffInput,
): Promise<StaffView> {
  authorize(actor, 'staff.manage', 'anywhere');
  assertAcceptablePassword(input.initialPassword, 'body.initialPassword', { username: input.username });
  // argon2 is slow: hash before the transaction so the writer is not held while it runs.
  const passwordHash = await hashPassword(input.initialPassword);
  return inTransaction(platform, async (trx) => {
    const unit = await loadStaffUnit(trx, input.orgUnitId);
    const who = authorize(actor, 'staff.manage', { path: unit.path });
    if (await usernameTaken(trx, input.username)) {
      throw fieldError(
        'STAFF_USERNAME_TAKEN',
        'body.username',
        say(`${input.username} 已被使用`, `${input.username} is already taken`),
      );
    }
    if (input.windowId) await checkWindowAssignable(trx, who, input.windowId);
    const grants = await resolveGrants(trx, input.roles);
    assertMayChangeGrants(who, grants);
    const phone = protectPhone(platform, input.phone ?? null);
    const staff = await insertStaff(trx, {
      username: input.username,
      passwordHash,
      name: input.name,
      orgUnitId: unit.id,
      windowId: input.windowId ?? null,
      phoneEnc: phone.phone_enc,
      phoneMasked: phone.phone_masked,
      title: input.title ?? null,
      roles: grants,
      mustChangePassword: true,
    });
    await auditOrg(platform, trx, {
      actor: who,
      action: 'org.createStaff',
      entityType: 'staff',
      entityId: staff.id,
      orgUnitId: unit.id,
      detail: {
        username: input.username,
        name: input.name,
        roles: grants.map((g) => ({ role: g.role, scopeOrgUnitId: g.scopeOrgUnitId })),
      },
    });
    return staffView(trx, who, staff.id);
  });
}
