import { sql } from 'kysely';
import { newId } from '../../../platform/db/ids.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { nowIso } from '../../../platform/time.ts';
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
  /** The parent's path when the caller already has it (saves a query while seeding). */
  parentPath?: string;
}

/** Inserts an org unit under its parent, computing its materialised path. */
export async function insertOrgUnit(db: Executor, unit: NewOrgUnit): Promise<OrgUnitsTable> {
  const id = newId();
  let parentPath = '/';
  if (unit.parentId) {
    parentPath = unit.parentPath ?? (await getOrgUnitPath(db, unit.parentId)) ?? '';
    if (!parentPath) throw new Error(`parent org unit ${unit.parentId} not found`);
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
    revision: 1,
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

/** Finds an org unit by its code (codes are unique county-wide). */
export function findOrgUnitByCode(db: Executor, code: string): Promise<OrgUnitsTable | undefined> {
  return orgDb(db).selectFrom('org_units').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The materialised path of an org unit, or null when there is no such unit. */
export async function getOrgUnitPath(db: Executor, id: string): Promise<string | null> {
  const row = await orgDb(db).selectFrom('org_units').select('path').where('id', '=', id).executeTakeFirst();
  return row?.path ?? null;
}

/** Every org unit, in display order (sort, then code). */
export function listAllOrgUnits(db: Executor): Promise<OrgUnitsTable[]> {
  return orgDb(db).selectFrom('org_units').selectAll().orderBy('sort').orderBy('code').execute();
}

/** The root units (a county install has exactly one). */
export function listRootOrgUnits(db: Executor): Promise<OrgUnitsTable[]> {
  return orgDb(db).selectFrom('org_units').selectAll().where('parent_id', 'is', null).execute();
}

/** Ids of a unit and every unit below it. */
export async function listDescendantIds(db: Executor, id: string, includeSelf = true): Promise<string[]> {
  const path = await getOrgUnitPath(db, id);
  if (!path) return [];
  const rows = await orgDb(db)
    .selectFrom('org_units')
    .select('id')
    .where('path', 'like', `${path}%`)
    .execute();
  return rows.map((r) => r.id).filter((x) => includeSelf || x !== id);
}

/** What still hangs on a unit: child units, staff, windows (hosted or as department) and grants. */
export async function countDependants(db: Executor, id: string): Promise<Record<string, number>> {
  const o = orgDb(db);
  const count = (n: { n: number | string } | undefined) => Number(n?.n ?? 0);
  // Sequential on purpose: inside a transaction the queries share one connection.
  const children = await o
    .selectFrom('org_units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', id)
    .executeTakeFirst();
  const staff = await o
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_unit_id', '=', id)
    .executeTakeFirst();
  const windows = await o
    .selectFrom('windows')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or([eb('service_centre_id', '=', id), eb('department_id', '=', id)]))
    .executeTakeFirst();
  const grants = await o
    .selectFrom('staff_roles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('scope_org_unit_id', '=', id)
    .executeTakeFirst();
  return { children: count(children), staff: count(staff), windows: count(windows), grants: count(grants) };
}

/** Rewrites the path prefix of a whole subtree (a moved unit and everything under it); how many units moved. */
export async function movePathPrefix(db: Executor, oldPrefix: string, newPrefix: string): Promise<number> {
  // substr is 1-based on both dialects: keep everything after the old prefix.
  const result = await orgDb(db)
    .updateTable('org_units')
    .set({ path: sql<string>`${newPrefix} || substr(path, ${oldPrefix.length + 1})` })
    .where('path', 'like', `${oldPrefix}%`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Staff sitting in a subtree and role grants scoped to it. Both name their unit by id, so they
 * follow a move without a write (an actor's grant paths are read from the units at each session
 * lookup); the move's audit row counts them.
 */
export async function countScopedToSubtree(
  db: Executor,
  prefix: string,
): Promise<{ staff: number; grants: number }> {
  const o = orgDb(db);
  const staff = await o
    .selectFrom('staff')
    .innerJoin('org_units', 'org_units.id', 'staff.org_unit_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_units.path', 'like', `${prefix}%`)
    .executeTakeFirst();
  const grants = await o
    .selectFrom('staff_roles')
    .innerJoin('org_units', 'org_units.id', 'staff_roles.scope_org_unit_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_units.path', 'like', `${prefix}%`)
    .executeTakeFirst();
  return { staff: Number(staff?.n ?? 0), grants: Number(grants?.n ?? 0) };
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
    revision: 1,
    created_at: now,
    updated_at: now,
  };
  await orgDb(db).insertInto('windows').values(row).execute();
  return row;
}

/** Finds a window by id. */
export function findWindow(db: Executor, id: string): Promise<WindowsTable | undefined> {
  return orgDb(db).selectFrom('windows').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Windows with their centre's and department's names, optionally of one centre. */
export function listWindowRows(db: Executor, serviceCentreId?: string) {
  let q = orgDb(db)
    .selectFrom('windows')
    .innerJoin('org_units as centre', 'centre.id', 'windows.service_centre_id')
    .leftJoin('org_units as dept', 'dept.id', 'windows.department_id')
    .selectAll('windows')
    .select([
      'centre.name as centre_name',
      'centre.path as centre_path',
      'dept.name as department_name',
      'dept.path as department_path',
    ]);
  if (serviceCentreId) q = q.where('windows.service_centre_id', '=', serviceCentreId);
  return q.orderBy('centre.code').orderBy('windows.number').execute();
}

/** The names of some org units by id (for lists in other modules); unknown ids are left out. */
export async function orgUnitNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await orgDb(db)
    .selectFrom('org_units')
    .select(['id', 'name'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The org tables that carry the concurrency field, and what a change of each may set. */
interface RevisedTables {
  org_units: Partial<Omit<OrgUnitsTable, 'id' | 'revision'>>;
  windows: Partial<Omit<WindowsTable, 'id' | 'revision'>>;
  staff: Partial<Omit<StaffTable, 'id' | 'revision'>>;
}

/**
 * A 409 ORG_STALE_VERSION unless the row read still has the revision the change was decided on
 * (checked before anything is written).
 */
export function assertRevision(expected: number, current: number): void {
  if (Number(current) !== expected)
    throw new AppError('ORG_STALE_VERSION', { expected, current: Number(current) });
}

/**
 * Writes a change (`patch`) of a unit, window or staff row (`id`) only if its revision is still
 * `expected`, and bumps it, in one UPDATE … WHERE revision = ?: of concurrent changes decided on one
 * revision exactly one lands, the others are 409 ORG_STALE_VERSION (never a lost update). Returns
 * the new revision.
 */
export async function updateRevised<T extends keyof RevisedTables>(
  db: Executor,
  table: T,
  { id, expected, patch }: { id: string; expected: number; patch: RevisedTables[T] },
): Promise<number> {
  const o = orgDb(db);
  // The three tables share id, revision and updated_at; Kysely cannot follow a generic table name
  // through set(), so the union is named once here.
  const result = await o
    .updateTable(table as 'org_units')
    .set({ ...(patch as RevisedTables['org_units']), revision: expected + 1, updated_at: nowIso() })
    .where('id', '=', id)
    .where('revision', '=', expected)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    const row = await o
      .selectFrom(table as 'org_units')
      .select('revision')
      .where('id', '=', id)
      .executeTakeFirst();
    throw new AppError('ORG_STALE_VERSION', { expected, current: row ? Number(row.revision) : null });
  }
  return expected + 1;
}
