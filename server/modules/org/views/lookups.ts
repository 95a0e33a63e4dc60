import { type Action, ROLES, type Role } from '../../../../contracts/access.ts';
import { pathWithin, roleAllows } from '../../../platform/access/policy.ts';
import type { Executor } from '../../../platform/db/index.ts';
import type { OrgTables } from '../store/tables.ts';

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

/**
 * Active staff (account not disabled) whose grants allow `action` over the org unit at `path`, with
 * their own unit's name and their title: whom a case step may be given to. No phone, no ID number.
 */
export async function listStaffWhoCan(
  db: Executor,
  action: Action,
  path: string,
): Promise<
  { staffId: string; accountId: string; name: string; title: string | null; orgUnitName: string }[]
> {
  const roles = ROLES.filter((r) => roleAllows(r, action));
  if (roles.length === 0) return [];
  const rows = await db
    .withTables<OrgTables>()
    .selectFrom('staff_roles')
    .innerJoin('staff', 'staff.id', 'staff_roles.staff_id')
    .innerJoin('accounts', 'accounts.id', 'staff.account_id')
    .innerJoin('org_units as scope', 'scope.id', 'staff_roles.scope_org_unit_id')
    .innerJoin('org_units as home', 'home.id', 'staff.org_unit_id')
    .select([
      'staff.id as staffId',
      'staff.account_id as accountId',
      'staff.name',
      'staff.title',
      'home.name as orgUnitName',
      'scope.path as scopePath',
    ])
    .where('staff_roles.role', 'in', roles)
    .where('staff.active', '=', 1)
    .where('accounts.disabled', '=', 0)
    .orderBy('staff.name')
    .orderBy('staff.id')
    .execute();
  const seen = new Set<string>();
  const result: {
    staffId: string;
    accountId: string;
    name: string;
    title: string | null;
    orgUnitName: string;
  }[] = [];
  for (const { scopePath, ...r } of rows) {
    // The same test as the access policy's grantCovers, so whoever is listed may act there.
    if (!pathWithin(path, scopePath) || seen.has(r.staffId)) continue;
    seen.add(r.staffId);
    result.push(r);
  }
  return result;
}
