/**
 * Seeds the demo catalogue: every spec bound to its department (looked up by name in the seeded
 * org units), validated by the same schema as an item saved in the console or imported, and
 * inserted as a published version-1 item in a few multi-row inserts.
 */
import type { CatalogItemDocument } from '../../contracts/catalog.ts';
import { creditCodeCheckChar, isValidCreditCode } from '../../contracts/identifiers.ts';
import {
  type CatalogItemsTable,
  type CatalogItemVersionsTable,
  type ProjectedColumns,
  parseItemDocument,
  projectionOf,
} from '../../server/modules/catalog/index.ts';
import {
  auditCatalog,
  insertItems,
  insertVersions,
  syncSearchIndex,
} from '../../server/modules/catalog/testing/index.ts';
import { listAllOrgUnits } from '../../server/modules/org/index.ts';
import type { Platform } from '../../server/platform/context.ts';
import { newId } from '../../server/platform/db/ids.ts';
import type { Tx } from '../../server/platform/db/index.ts';
import { toJson } from '../../server/platform/db/json.ts';
import { nowIso } from '../../server/platform/time.ts';
import { DEMO_DEPARTMENTS } from '../org.ts';
import { type DemoDepartment, type DeptKey, documentOf } from './build.ts';
import { demoItemSpecs } from './catalogue.ts';
import { seedPendingRevision } from './pending.ts';

const PHONE = /^0\d{2,3}-\d{7,8}$/;

/** The seeded departments by key, with a valid credit code and a publishable telephone number. */
async function demoDepartments(trx: Tx): Promise<Map<DeptKey, DemoDepartment & { path: string }>> {
  const units = await listAllOrgUnits(trx);
  const byName = new Map(units.map((u) => [u.name, u]));
  const result = new Map<DeptKey, DemoDepartment & { path: string }>();
  for (const [index, [key, name]] of DEMO_DEPARTMENTS.entries()) {
    const unit = byName.get(name);
    if (!unit) throw new Error(`demo catalogue: department ${name} is not in org_units`);
    const fallback = `1122032200000${String(index).padStart(4, '0')}`;
    result.set(key, {
      id: unit.id,
      name: unit.name,
      path: unit.path,
      index,
      creditCode:
        unit.credit_code && isValidCreditCode(unit.credit_code)
          ? unit.credit_code
          : `${fallback}${creditCodeCheckChar(fallback)}`,
      phone:
        unit.phone && PHONE.test(unit.phone)
          ? unit.phone
          : `0434-52${String(22000 + index).padStart(5, '0')}`,
    });
  }
  return result;
}

type Prepared = { document: CatalogItemDocument; columns: ProjectedColumns }[];
let prepared: { fingerprint: string; rows: Prepared } | null = null;

/**
 * Builds and validates every document once per process (the slow part: schema checks and pinyin);
 * later seeds with the same departments only bind the new department ids.
 */
function prepare(departments: Map<DeptKey, DemoDepartment & { path: string }>): Prepared {
  const fingerprint = JSON.stringify([...departments.values()].map((d) => [d.name, d.creditCode, d.phone]));
  if (prepared?.fingerprint === fingerprint) return prepared.rows;
  const rows = demoItemSpecs().map((spec, i) => {
    const dept = departments.get(spec.dept);
    if (!dept) throw new Error(`demo catalogue: no department ${spec.dept}`);
    const parsed = parseItemDocument(documentOf(spec, dept, i + 1), spec.name);
    if (!parsed.ok) throw new Error(`demo item does not validate: ${JSON.stringify(parsed.fields)}`);
    return {
      document: parsed.document,
      columns: projectionOf(parsed.document, { ...dept, kind: 'department' }),
    };
  });
  prepared = { fingerprint, rows };
  return rows;
}

/** Seeds 1,782 published items over the demo departments, inside the caller's transaction. */
export async function seedDemoCatalog(platform: Platform, trx: Tx): Promise<{ items: number }> {
  const departments = await demoDepartments(trx);
  const idByName = new Map([...departments.values()].map((d) => [d.name, d.id]));
  const now = nowIso();
  const items: CatalogItemsTable[] = [];
  const versions: CatalogItemVersionsTable[] = [];
  for (const { document, columns } of prepare(departments)) {
    const departmentId = idByName.get(columns.department_name) ?? '';
    const id = newId();
    const versionId = newId();
    items.push({
      id,
      status: 'published',
      published_version_id: versionId,
      draft_version_id: null,
      revision: 1,
      ...columns,
      department_id: departmentId,
      created_at: now,
      updated_at: now,
      published_at: now,
    });
    versions.push({
      id: versionId,
      item_id: id,
      number: 1,
      status: 'published',
      document: toJson({ ...document, departmentId }),
      created_by: null,
      created_by_name: '演示数据',
      created_at: now,
      updated_at: now,
      submitted_by: null,
      submitted_by_name: null,
      submitted_at: null,
      reviewed_by: null,
      reviewed_by_name: null,
      reviewed_at: null,
      approved_by: null,
      published_at: now,
      review_note: null,
    });
  }
  await insertItems(trx, items);
  await insertVersions(trx, versions);
  await syncSearchIndex(trx, platform.dialect, items);
  await seedPendingRevision(platform, trx, { items, versions });
  await auditCatalog(platform, trx, {
    actor: null,
    action: 'catalog.seedDemo',
    entityType: 'catalog_item',
    entityId: null,
    detail: { published: items.length },
  });
  return { items: items.length };
}
