/**
 * Imports items from the exchange workbook. Every row goes through the same item schema as an
 * item saved in the console; faults come back as { sheet, row, column, message }. All-or-nothing
 * (the default) writes nothing while any fault remains; valid-only writes the faultless items in
 * one transaction and reports the rest. Items arrive as drafts, or published when a county-wide
 * publisher asks for it; one catalog.import audit row lists the created ids.
 */
import type { ImportCatalogResultView, ImportMode } from '../../../../contracts/catalog-exchange.ts';
import { authorize } from '../../../platform/access/policy.ts';
import { inTransaction, type Platform } from '../../../platform/context.ts';
import { newId } from '../../../platform/db/ids.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { toJson } from '../../../platform/db/json.ts';
import { nowIso } from '../../../platform/time.ts';
import { listAllOrgUnits } from '../../org/index.ts';
import { type Department, loadDepartment } from '../store/departments.ts';
import { projectionOf } from '../store/projection.ts';
import { insertItems, insertVersions, syncSearchIndex } from '../store/store.ts';
import type { CatalogItemsTable, CatalogItemVersionsTable } from '../store/tables.ts';
import { auditExchange, type Requester } from './export-items.ts';
import {
  type ItemCandidate,
  itemFromRows,
  type RowError,
  type SheetRow,
  type SheetsData,
} from './item-from-rows.ts';
import { readWorkbook } from './read-workbook.ts';
import { textOf } from './sheet-cells.ts';
import { DATA_SHEETS, KEY_HEADER, SHEETS } from './sheet-columns.ts';
import { itemsHoldingCodes } from './store-exchange.ts';

/** An import: the workbook's bytes, the mode, whether to publish at once, the uploaded file's name. */
export interface ImportCatalogItemsInput {
  file: Buffer;
  mode: ImportMode;
  publish: boolean;
  fileName?: string;
}

/** 实施部门 cells → departments: an org-unit code or a unit name, kept when the unit implements items. */
async function resolveDepartments(db: Executor, rows: readonly SheetRow[]): Promise<Map<string, Department>> {
  const wanted = new Set(rows.map((r) => textOf(r.cells.get('实施部门') ?? null)).filter(Boolean));
  const units = await listAllOrgUnits(db);
  const resolved = new Map<string, Department>();
  for (const text of wanted) {
    const byCode = units.find((u) => u.code === text);
    const byName = units.filter((u) => u.name === text);
    // A name two units share is ambiguous: the code must be used.
    const unit = byCode ?? (byName.length === 1 ? byName[0] : undefined);
    const department = unit ? await loadDepartment(db, unit.id) : null;
    if (department) resolved.set(text, department);
  }
  return resolved;
}

/**
 * Groups a child sheet's rows by 实施编码 (one of `codes`, the file's items); rows naming no item
 * of the file are faults, pushed onto `errors`.
 */
function childrenByCode(
  sheets: SheetsData,
  sheet: string,
  { codes, errors }: { codes: ReadonlySet<string>; errors: RowError[] },
): Map<string, SheetRow[]> {
  const groups = new Map<string, SheetRow[]>();
  for (const r of sheets.get(sheet) ?? []) {
    const code = textOf(r.cells.get(KEY_HEADER) ?? null).toUpperCase();
    if (!code) {
      errors.push({
        sheet,
        row: r.row,
        column: KEY_HEADER,
        message: '实施编码不能为空（用于关联“事项”表中的事项）',
      });
    } else if (!codes.has(code)) {
      errors.push({
        sheet,
        row: r.row,
        column: KEY_HEADER,
        message: `实施编码 ${code} 在“事项”表中没有对应的事项`,
      });
    } else groups.set(code, [...(groups.get(code) ?? []), r]);
  }
  return groups;
}

/** Parses every item of the file and flags implementation codes repeated in it. */
async function candidatesOf(
  db: Executor,
  sheets: SheetsData,
): Promise<{ items: ItemCandidate[]; orphans: RowError[] }> {
  const itemRows = sheets.get(SHEETS.items) ?? [];
  const departments = await resolveDepartments(db, itemRows);
  const codes = new Set(
    itemRows.map((r) => textOf(r.cells.get(KEY_HEADER) ?? null).toUpperCase()).filter(Boolean),
  );
  const orphans: RowError[] = [];
  const [materials, situations, faq, formFields] = [
    SHEETS.materials,
    SHEETS.situations,
    SHEETS.faq,
    SHEETS.formFields,
  ].map((s) => childrenByCode(sheets, s, { codes, errors: orphans })) as Map<string, SheetRow[]>[];
  const firstRow = new Map<string, number>();
  const items = itemRows.map((r) => {
    const code = textOf(r.cells.get(KEY_HEADER) ?? null).toUpperCase();
    const first = firstRow.get(code);
    // Child rows belong to the first item with the code; a repeated code is itself the fault.
    const own = first === undefined;
    if (own && code) firstRow.set(code, r.row);
    const pick = (m: Map<string, SheetRow[]> | undefined) => (own ? (m?.get(code) ?? []) : []);
    const item = itemFromRows(
      r,
      {
        materials: pick(materials),
        situations: pick(situations),
        faq: pick(faq),
        formFields: pick(formFields),
      },
      departments,
    );
    if (!own) {
      item.errors.push({
        sheet: SHEETS.items,
        row: r.row,
        column: KEY_HEADER,
        message: `实施编码 ${code} 与第 ${first} 行重复`,
      });
      item.document = null;
    }
    return item;
  });
  return { items, orphans };
}

/** Flags items whose implementation code an existing item holds (read in the writing transaction). */
async function flagTakenCodes(db: Executor, items: ItemCandidate[]): Promise<void> {
  const held = await itemsHoldingCodes(db, items.map((i) => i.implementationCode).filter(Boolean));
  for (const item of items) {
    const holder = held.get(item.implementationCode);
    if (holder !== undefined) {
      item.errors.push({
        sheet: SHEETS.items,
        row: item.row,
        column: KEY_HEADER,
        message: `实施编码 ${item.implementationCode} 已被事项“${holder}”使用`,
      });
      item.document = null;
    }
  }
}

const SHEET_ORDER: readonly string[] = DATA_SHEETS.map((s) => s.name);

/** Faults in reading order: sheet, then row. */
function sorted(errors: RowError[]): RowError[] {
  return [...errors].sort(
    (a, b) => SHEET_ORDER.indexOf(a.sheet) - SHEET_ORDER.indexOf(b.sheet) || a.row - b.row,
  );
}

/** The rows of a new item: its projection and its first version, a draft or already published. */
function rowsFor(
  item: ItemCandidate,
  { requester, publish, now }: { requester: Requester; publish: boolean; now: string },
) {
  const document = item.document as NonNullable<ItemCandidate['document']>;
  const department = item.department as Department;
  const actor = requester === 'operator' ? null : requester;
  const id = newId();
  const versionId = newId();
  const row: CatalogItemsTable = {
    id,
    status: publish ? 'published' : 'draft',
    published_version_id: publish ? versionId : null,
    draft_version_id: publish ? null : versionId,
    revision: 1,
    ...projectionOf(document, department),
    created_at: now,
    updated_at: now,
    published_at: publish ? now : null,
  };
  const version: CatalogItemVersionsTable = {
    id: versionId,
    item_id: id,
    number: 1,
    status: publish ? 'published' : 'draft',
    document: toJson(document),
    created_by: actor?.accountId ?? null,
    created_by_name: actor?.name ?? '命令行导入',
    created_at: now,
    updated_at: now,
    submitted_by: null,
    submitted_by_name: null,
    submitted_at: null,
    reviewed_by: publish ? (actor?.accountId ?? null) : null,
    reviewed_by_name: publish ? (actor?.name ?? '命令行导入') : null,
    reviewed_at: publish ? now : null,
    approved_by: publish ? (actor?.accountId ?? null) : null,
    published_at: publish ? now : null,
    review_note: publish ? '批量导入并直接发布' : null,
  };
  return { row, version };
}

/** Imports the workbook `input.file`; file-level faults throw, row faults come back in the result. */
export async function importCatalogItems(
  platform: Platform,
  requester: Requester,
  input: ImportCatalogItemsInput,
): Promise<ImportCatalogResultView> {
  const { file, ...options } = input;
  if (requester !== 'operator') {
    authorize(requester, 'catalog.edit', 'global');
    if (options.publish) authorize(requester, 'catalog.publish', 'global');
  }
  const sheets = await readWorkbook(file);
  // Parsing and validating (seconds for a whole catalogue) happen before the transaction opens.
  const { items, orphans } = await candidatesOf(platform.db, sheets);
  return inTransaction(platform, async (trx) => {
    await flagTakenCodes(trx, items);
    const errors = sorted([...items.flatMap((i) => i.errors), ...orphans]);
    const valid = items.filter((i) => i.document !== null);
    const result = { mode: options.mode, published: options.publish, total: items.length, errors };
    if (valid.length === 0 || (options.mode === 'all-or-nothing' && errors.length > 0)) {
      return { ...result, imported: 0, items: [] };
    }
    const now = nowIso();
    const created = valid.map((i) => rowsFor(i, { requester, publish: options.publish, now }));
    await insertItems(
      trx,
      created.map((c) => c.row),
    );
    await insertVersions(
      trx,
      created.map((c) => c.version),
    );
    await syncSearchIndex(
      trx,
      platform.dialect,
      created.map((c) => c.row),
    );
    await auditExchange(platform, trx, {
      requester,
      command: 'import',
      entry: {
        action: 'catalog.import',
        entityType: 'catalog_item',
        entityId: null,
        detail: {
          mode: options.mode,
          published: options.publish,
          fileName: options.fileName ?? null,
          imported: created.length,
          rejected: items.length - valid.length,
          itemIds: created.map((c) => c.row.id),
        },
      },
    });
    return {
      ...result,
      imported: created.length,
      items: created.map((c) => ({
        id: c.row.id,
        name: c.row.name,
        implementationCode: c.row.implementation_code,
      })),
    };
  });
}
