import type { ListStaffInput, StaffView } from '../../../../contracts/org.ts';
import { type Actor, authorize, scopePathsFor } from '../../../platform/access/policy.ts';
import type { Platform } from '../../../platform/context.ts';
import { say } from '../../../platform/errors.ts';
import { getOrgUnitPath } from '../store/store.ts';
import { listStaffRows, rolesOfStaff } from '../store/store-staff.ts';
import { fieldError, toStaffView } from '../views/present.ts';

/** One page of the staff the actor may see (staff.read scope), filtered by unit, text, role, state. */
export async function listStaff(
  platform: Platform,
  actor: Actor,
  input: ListStaffInput,
): Promise<{ items: StaffView[]; total: number }> {
  const who = authorize(actor, 'staff.read', 'anywhere');
  let underPath: string | undefined;
  if (input.orgUnitId) {
    underPath = (await getOrgUnitPath(platform.db, input.orgUnitId)) ?? undefined;
    if (!underPath)
      throw fieldError('VALIDATION_FAILED', 'querystring.orgUnitId', say('机构不存在', 'No such org unit'));
  }
  const { rows, total } = await listStaffRows(
    platform.db,
    {
      scopePaths: scopePathsFor(who, 'staff.read'),
      underPath,
      q: input.q || undefined,
      role: input.role,
      active: input.active === undefined ? undefined : input.active === 'true',
    },
    { page: input.page, pageSize: input.pageSize },
  );
  const roles = await rolesOfStaff(
    platform.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toStaffView(who, r, roles)), total };
}
