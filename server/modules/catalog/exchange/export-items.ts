/**
 * Exports of the catalogue: the filtered list as the exchange workbook (.xlsx, the import's own
 * layout, so an export imports back as the same items) and as GB/T 39046 JSON for the provincial
 * platform. Both are exports of data: each writes a catalog.export audit row with its filters.
 */
import type { CatalogItemDocument } from '../../../../contracts/catalog.ts';
import type { ExchangeItemView, ExportCatalogQueryInput } from '../../../../contracts/catalog-exchange.ts';
import { type Actor, authorize } from '../../../platform/access/policy.ts';
import { type AuditRecord, inTransaction, type Platform } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { listAllOrgUnits } from '../../org/index.ts';
import { auditCatalog, type CatalogAuditAction } from '../audit-actions.ts';
import { type SearchRow, searchItems } from '../search/search.ts';
import { type Department, departmentIdsInScope, loadDepartment } from '../store/departments.ts';
import { exchangeItemOf } from './exchange-json.ts';
import { appendItemRows, emptyWorkbookRows } from './item-rows.ts';
import { versionDocuments } from './store-exchange.ts';
import { buildWorkbook } from './xlsx-template.ts';

/** Who asks: a staff member (authorised and scoped) or the server's operator at the command line. */
export type Requester = Actor | 'operator';

/** One exchange to audit: who asked, the command it is (`import`, `export`), the audit entry. */
export interface ExchangeAudit {
  requester: Requester;
  command: string;
  entry: AuditRecord<CatalogAuditAction>;
}

/** Audits an exchange: as the staff member, or as the command (`onewindow catalog import`) for the operator. */
export function auditExchange(platform: Platform, trx: Tx, audit: ExchangeAudit): Promise<void> {
  const { requester, command, entry } = audit;
  const who =
    requester === 'operator' ? { accountId: null, name: `onewindow catalog ${command}` } : requester;
  return auditCatalog(platform, trx, { ...entry, actor: who });
}

const PAGE = 500;

interface Selected {
  row: SearchRow;
  document: CatalogItemDocument;
}

/**
 * The items an export covers, in list order, each with the document it exports: the published
 * version (what is in force), or the working version of an item never published. `publishedOnly`
 * keeps published items only (the exchange file carries what the public sees).
 */
async function selectItems(
  trx: Tx,
  platform: Platform,
  selection: { requester: Requester; query: ExportCatalogQueryInput; publishedOnly: boolean },
): Promise<Selected[]> {
  const { requester, query, publishedOnly } = selection;
  let departmentIds: string[] | null = null;
  if (requester !== 'operator') {
    authorize(requester, 'catalog.read', 'anywhere');
    departmentIds = await departmentIdsInScope(trx, requester, 'catalog.read');
  }
  const { status, pendingReview, ...search } = query;
  const rows: SearchRow[] = [];
  for (let page = 1; ; page++) {
    const found = await searchItems(trx, platform.dialect, {
      search: { ...search, page, pageSize: PAGE },
      audience: {
        kind: 'staff',
        departmentIds,
        status: publishedOnly ? 'published' : status,
        pendingReview: pendingReview === 'true',
      },
    });
    rows.push(...found.rows);
    if (rows.length >= found.total || found.rows.length === 0) break;
  }
  const versionOf = (r: SearchRow) =>
    publishedOnly ? r.published_version_id : (r.published_version_id ?? r.draft_version_id);
  const docs = await versionDocuments(
    trx,
    rows.flatMap((r) => versionOf(r) ?? []),
  );
  return rows.flatMap((row) => {
    const document = docs.get(versionOf(row) ?? '');
    return document ? [{ row, document }] : [];
  });
}

/** Writes the export's audit row: format, count and filters, never the data itself. */
function auditExport(
  platform: Platform,
  trx: Tx,
  exported: { requester: Requester; format: 'xlsx' | 'json'; count: number; query: ExportCatalogQueryInput },
) {
  const { requester, format, count, query } = exported;
  return auditExchange(platform, trx, {
    requester,
    command: 'export',
    entry: {
      action: 'catalog.export',
      entityType: 'catalog_item',
      entityId: null,
      detail: { format, count, filters: query },
    },
  });
}

/** The filtered list as the exchange workbook. */
export async function exportCatalogXlsx(
  platform: Platform,
  requester: Requester,
  query: ExportCatalogQueryInput,
): Promise<{ file: Buffer; count: number }> {
  const selected = await inTransaction(platform, async (trx) => {
    const items = await selectItems(trx, platform, { requester, query, publishedOnly: false });
    await auditExport(platform, trx, { requester, format: 'xlsx', count: items.length, query });
    return items;
  });
  const rows = emptyWorkbookRows();
  for (const { row, document } of selected) appendItemRows(rows, document, row.department_name);
  const names = [...new Set(selected.map((s) => s.row.department_name))].sort();
  return { file: await buildWorkbook(rows, names), count: selected.length };
}

/** The filtered published items keyed by the GB/T 39046 field names, for the provincial platform. */
export function exportCatalogExchange(
  platform: Platform,
  requester: Requester,
  query: ExportCatalogQueryInput,
): Promise<ExchangeItemView[]> {
  return inTransaction(platform, async (trx) => {
    const items = await selectItems(trx, platform, { requester, query, publishedOnly: true });
    const departments = new Map<string, Department | null>();
    const out: ExchangeItemView[] = [];
    for (const { row, document } of items) {
      if (!departments.has(row.department_id)) {
        departments.set(row.department_id, await loadDepartment(trx, row.department_id));
      }
      const dept = departments.get(row.department_id);
      out.push(exchangeItemOf(document, { name: row.department_name, creditCode: dept?.creditCode ?? '' }));
    }
    await auditExport(platform, trx, { requester, format: 'json', count: out.length, query });
    return out;
  });
}

/** The empty exchange workbook, its 实施部门 drop-down listing the county's implementing units. */
export async function catalogTemplate(platform: Platform, requester: Requester): Promise<Buffer> {
  if (requester !== 'operator') authorize(requester, 'catalog.read', 'anywhere');
  const names: string[] = [];
  for (const unit of await listAllOrgUnits(platform.db)) {
    if (await loadDepartment(platform.db, unit.id)) names.push(unit.name);
  }
  return buildWorkbook(undefined, names);
}
