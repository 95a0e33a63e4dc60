import type { Role } from '../../../contracts/access.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Executor } from '../../platform/db/index.ts';
import { nowIso } from '../../platform/time.ts';
import type { OrgTables, OrgUnitsTable, StaffTable, WindowsTable } from './tables.ts';

/** The org module's view of any executor (database or transaction). */
export function orgDb(db: Executor) {
  return db.withTables<OrgTables>();
}

export interface NewOrgUnit {
  parentId: string | null;
  code: string;
  name: string;
  kind: string;
  creditCode?: string | null;
  divisionCode?: string | null;
  sort?: number;
  address?: string | null;
  phone?: string | null;
}

/** Inserts an org unit under its parent, computing its materialised path. */
export async function insertOrgUnit(db: Executor, unit: NewOrgUnit): Promise<OrgUnitsTable> {
  const id = newId();
  let parentPath = '/';
  if (unit.parentId) {
    const parent = await orgDb(db)
      .selectFrom('org_units')
      .select('path')
      .where('id', '=', unit.parentId)
      .executeTakeFirst();
    if (!parent) throw new Error(`parent org unit ${unit.parentId} not found`);
    parentPath = parent.path;
  }
  const now = nowIso();
  const row: OrgUnitsTable = {
    id,
    parent_id: unit.parentId,
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    credit_code: unit.creditCode ?? null,
    division_code: unit.divisionCode ?? null,
    path: `${parentPath}${id}/`,
    sort: unit.sort ?? 0,
    address: unit.address ?? null,
    phone: unit.phone ?? null,
    created_at: now,
    updated_at: now,
  };
  await orgDb(db).insertInto('org_units').values(row).execute();
  return row;
}

/** Finds an org unit by id. */
export function findOrgUnit(db: Executor, id: string): Promise<OrgUnitsTable | undefined> {
  return orgDb(db).selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface NewWindow {
  serviceCentreId: string;
  number: string;
  name: string;
  kind: string;
  departmentId?: string | null;
}

/** Inserts a window of a service centre. */
export async function insertWindow(db: Executor, w: NewWindow): Promise<WindowsTable> {
  const now = nowIso();
  const row: WindowsTable = {
    id: newId(),
    service_centre_id: w.serviceCentreId,
    number: w.number,
    name: w.name,
    kind: w.kind,
    department_id: w.departmentId ?? null,
    active: 1,
    created_at: now,
    updated_at: now,
  };
  await orgDb(db).insertInto('windows').values(row).execute();
  return row;
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
  await orgDb(db)
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
    created_at: now,
    updated_at: now,
  };
  await orgDb(db).insertInto('staff').values(staff).execute();
  for (const r of s.roles) {
    await orgDb(db)
      .insertInto('staff_roles')
      .values({ id: newId(), staff_id: staff.id, role: r.role, scope_org_unit_id: r.scopeOrgUnitId })
      .execute();
  }
  return staff;
}
