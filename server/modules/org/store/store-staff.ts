import { sql } from 'kysely';
import type { Role } from '../../../../contracts/access.ts';
import { newId } from '../../../platform/db/ids.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { escapeLike } from '../../../platform/db/like.ts';
import { nowIso } from '../../../platform/time.ts';
import type { OrgTables, StaffTable } from './tables.ts';

function odb(db: Executor) {
  return db.withTables<OrgTables>();
}

export interface NewStaff {
  username: string;
  passwordHash: string;
  name: string;
  orgUnitId: string;
  windowId?: string | null;
  phoneEnc?: string | null;
  phoneMasked?: string | null;
  title?: string | null;
  roles: { role: Role; scopeOrgUnitId: string }[];
  mustChangePassword?: boolean;
}

/** Inserts an account, its staff record and its role grants. */
export async function insertStaff(db: Executor, s: NewStaff): Promise<StaffTable> {
  const now = nowIso();
  const accountId = newId();
  await odb(db)
    .insertInto('accounts')
    .values({
      id: accountId,
      username: s.username,
      password_hash: s.passwordHash,
      kind: 'staff',
      created_at: now,
      password_changed_at: now,
      must_change_password: s.mustChangePassword ? 1 : 0,
      locked_until: null,
    })
    .execute();
  const staff: StaffTable = {
    id: newId(),
    account_id: accountId,
    name: s.name,
    org_unit_id: s.orgUnitId,
    window_id: s.windowId ?? null,
    phone_enc: s.phoneEnc ?? null,
    phone_masked: s.phoneMasked ?? null,
    title: s.title ?? null,
    active: 1,
    revision: 1,
    created_at: now,
    updated_at: now,
  };
  await odb(db).insertInto('staff').values(staff).execute();
  await replaceStaffRoles(db, staff.id, s.roles);
  return staff;
}

/** Replaces every role grant of a staff member. */
export async function replaceStaffRoles(
  db: Executor,
  staffId: string,
  roles: readonly { role: Role; scopeOrgUnitId: string }[],
): Promise<void> {
  await odb(db).deleteFrom('staff_roles').where('staff_id', '=', staffId).execute();
  const seen = new Set<string>();
  for (const r of roles) {
    const key = `${r.role}@${r.scopeOrgUnitId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    await odb(db)
      .insertInto('staff_roles')
      .values({ id: newId(), staff_id: staffId, role: r.role, scope_org_unit_id: r.scopeOrgUnitId })
      .execute();
  }
}

/** True when an account already uses the user name. */
export async function usernameTaken(db: Executor, username: string): Promise<boolean> {
  const row = await odb(db)
    .selectFrom('accounts')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst();
  return row !== undefined;
}

/** The staff query with everything a staff row shows: account, org unit (with path), window. */
function staffQuery(db: Executor) {
  return odb(db)
    .selectFrom('staff')
    .innerJoin('accounts', 'accounts.id', 'staff.account_id')
    .innerJoin('org_units as unit', 'unit.id', 'staff.org_unit_id')
    .leftJoin('windows', 'windows.id', 'staff.window_id');
}

const STAFF_COLUMNS = [
  'staff.id',
  'staff.account_id',
  'staff.name',
  'staff.org_unit_id',
  'staff.window_id',
  'staff.phone_enc',
  'staff.phone_masked',
  'staff.title',
  'staff.active',
  'staff.revision',
  'accounts.username',
  'accounts.locked_until',
  'accounts.must_change_password',
  'unit.name as org_unit_name',
  'unit.path as org_unit_path',
  'windows.number as window_number',
  'windows.name as window_name',
] as const;

export interface StaffFilter {
  /** Only staff whose org unit lies under one of these paths (the actor's scope). */
  scopePaths: readonly string[];
  /** Only staff under this path (a chosen org unit's subtree). */
  underPath?: string;
  q?: string;
  role?: Role;
  active?: boolean;
}

function filtered(db: Executor, f: StaffFilter) {
  let q = staffQuery(db).where((eb) =>
    // Paths hold only UUIDs and slashes, so they need no LIKE escaping.
    eb.or(f.scopePaths.map((p) => eb('unit.path', 'like', `${p}%`))),
  );
  if (f.underPath) q = q.where('unit.path', 'like', `${f.underPath}%`);
  if (f.q) {
    const needle = `%${escapeLike(f.q.toLowerCase())}%`;
    q = q.where(
      sql<boolean>`(lower(staff.name) like ${needle} escape '\\' or accounts.username like ${needle} escape '\\')`,
    );
  }
  if (f.role) {
    const role = f.role;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('staff_roles')
          .select('staff_roles.id')
          .whereRef('staff_roles.staff_id', '=', 'staff.id')
          .where('staff_roles.role', '=', role),
      ),
    );
  }
  if (f.active !== undefined) q = q.where('staff.active', '=', f.active ? 1 : 0);
  return q;
}

/** One page (`page`, from 1, of `pageSize` rows) of staff rows matching a filter, and the total. */
export async function listStaffRows(
  db: Executor,
  f: StaffFilter,
  { page, pageSize }: { page: number; pageSize: number },
) {
  if (f.scopePaths.length === 0) return { rows: [], total: 0 };
  const total = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await filtered(db, f)
    .select(STAFF_COLUMNS)
    .orderBy('unit.code')
    .orderBy('accounts.username')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

/** One staff row by staff id. */
export function findStaffRow(db: Executor, id: string) {
  return staffQuery(db).select(STAFF_COLUMNS).where('staff.id', '=', id).executeTakeFirst();
}
/** One staff row by the id of its log-in account. */
export function findStaffRowByAccount(db: Executor, accountId: string) {
  return staffQuery(db).select(STAFF_COLUMNS).where('staff.account_id', '=', accountId).executeTakeFirst();
}
export type StaffRow = NonNullable<Awaited<ReturnType<typeof findStaffRow>>>;

/** Role grants (with scope name and path) of some staff members. */
export async function rolesOfStaff(db: Executor, staffIds: readonly string[]) {
  if (staffIds.length === 0) return [];
  return odb(db)
    .selectFrom('staff_roles')
    .innerJoin('org_units', 'org_units.id', 'staff_roles.scope_org_unit_id')
    .select([
      'staff_roles.staff_id',
      'staff_roles.role',
      'staff_roles.scope_org_unit_id',
      'org_units.name as scope_name',
      'org_units.path as scope_path',
    ])
    .where('staff_roles.staff_id', 'in', staffIds)
    .orderBy('staff_roles.role')
    .execute();
}
export type StaffRoleRow = Awaited<ReturnType<typeof rolesOfStaff>>[number];

/** Where a staff member's power reaches (their unit and their grants' scopes), for `authorizeOverStaff`. */
export async function reachOf(db: Executor, row: { id: string; org_unit_path: string }) {
  const grants = await rolesOfStaff(db, [row.id]);
  return { orgPath: row.org_unit_path, grantPaths: grants.map((g) => g.scope_path) };
}
