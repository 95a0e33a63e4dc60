import type { Role } from '../../../../contracts/access.ts';
import type { Actor } from '../../../platform/access/policy.ts';
import type { ActorLoader } from '../../../platform/auth/plugin.ts';
import type { OrgTables } from '../store/tables.ts';

/** Builds a staff actor from the account: name, org unit and every role grant with its scope path. */
export const loadStaffActor: ActorLoader = async (db, accountId) => {
  const odb = db.withTables<OrgTables>();
  const row = await odb
    .selectFrom('accounts')
    .innerJoin('staff', 'staff.account_id', 'accounts.id')
    .select([
      'accounts.id as accountId',
      'accounts.username',
      'accounts.must_change_password',
      'accounts.disabled',
      'staff.id as staffId',
      'staff.name',
      'staff.org_unit_id',
      'staff.active',
    ])
    .where('accounts.id', '=', accountId)
    .executeTakeFirst();
  if (!row || row.disabled || !row.active) return null;
  const grants = await odb
    .selectFrom('staff_roles')
    .innerJoin('org_units', 'org_units.id', 'staff_roles.scope_org_unit_id')
    .select(['staff_roles.role', 'staff_roles.scope_org_unit_id', 'org_units.path', 'org_units.name'])
    .where('staff_roles.staff_id', '=', row.staffId)
    .execute();
  const actor: Actor = {
    accountId: row.accountId,
    kind: 'staff',
    staffId: row.staffId,
    username: row.username,
    name: row.name,
    orgUnitId: row.org_unit_id,
    mustChangePassword: row.must_change_password === 1,
    grants: grants.map((g) => ({
      role: g.role as Role,
      scopeOrgUnitId: g.scope_org_unit_id,
      scopePath: g.path,
      scopeName: g.name,
    })),
  };
  return actor;
};
