import type { Role } from '../../../contracts/access.ts';
import type { Executor } from '../../platform/db/index.ts';
import type { OrgTables } from './tables.ts';

/** The window a staff member works at (with its service centre), or null. */
export async function findStaffWindow(
  db: Executor,
  staffId: string,
): Promise<{ windowId: string; serviceCentreId: string; kind: string; number: string; name: string } | null> {
  const row = await db
    .withTables<OrgTables>()
    .selectFrom('staff')
    .innerJoin('windows', 'windows.id', 'staff.window_id')
    .select([
      'windows.id as windowId',
      'windows.service_centre_id as serviceCentreId',
      'windows.kind',
      'windows.number',
      'windows.name',
    ])
    .where('staff.id', '=', staffId)
    .where('windows.active', '=', 1)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Active staff holding `role` with a grant that covers the org unit at `path` (their scope is the unit
 * or one of its ancestors): who must be told about something happening there, e.g. supervisors.
 */
export async function listStaffWithRoleOver(
  db: Executor,
  role: Role,
  path: string,
): Promise<{ staffId: string; accountId: string; name: string }[]> {
  const rows = await db
    .withTables<OrgTables>()
    .selectFrom('staff_roles')
    .innerJoin('staff', 'staff.id', 'staff_roles.staff_id')
    .innerJoin('org_units', 'org_units.id', 'staff_roles.scope_org_unit_id')
    .select(['staff.id as staffId', 'staff.account_id as accountId', 'staff.name', 'org_units.path'])
    .where('staff_roles.role', '=', role)
    .where('staff.active', '=', 1)
    .execute();
  const seen = new Set<string>();
  const result: { staffId: string; accountId: string; name: string }[] = [];
  for (const r of rows) {
    if (!path.startsWith(r.path) || seen.has(r.staffId)) continue;
    seen.add(r.staffId);
    result.push({ staffId: r.staffId, accountId: r.accountId, name: r.name });
  }
  return result;
}
