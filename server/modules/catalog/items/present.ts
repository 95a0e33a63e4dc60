import { depthSummaryOf, type ItemType } from '../../../../contracts/catalog.ts';
import type {
  CatalogItemDetailView,
  CatalogSearchHitView,
  CatalogWorkflowAction,
  ItemStatus,
  VersionStatus,
} from '../../../../contracts/catalog-api.ts';
import type { DepthSummary, LimitUnit } from '../../../../contracts/catalog-codes.ts';
import type { SearchRow } from '../search/search.ts';
import { grassrootsLevels } from '../store/projection.ts';
import { documentOf } from '../store/store.ts';
import type { CatalogItemsTable, CatalogItemVersionsTable } from '../store/tables.ts';

/** A search hit: what a result list shows without opening the guide. */
export function hitOf(row: SearchRow): CatalogSearchHitView {
  return {
    id: row.id,
    name: row.name,
    implementationCode: row.implementation_code,
    departmentId: row.department_id,
    departmentName: row.department_name,
    type: row.type as ItemType,
    depthSummary: row.depth_summary as DepthSummary,
    visits: row.visits,
    promisedLimit: { value: row.promised_value, unit: row.promised_unit as LimitUnit },
    comprehensive: row.comprehensive === 1,
    grassroots: grassrootsLevels(row.grassroots),
  };
}

/** One version of an item with its full document, and what the actor may do now. */
export function detailOf(
  item: CatalogItemsTable,
  version: CatalogItemVersionsTable,
  allowedActions: CatalogWorkflowAction[],
): CatalogItemDetailView {
  const document = documentOf(version);
  return {
    id: item.id,
    status: item.status as ItemStatus,
    revision: item.revision,
    versionId: version.id,
    versionNumber: version.number,
    versionStatus: version.status as VersionStatus,
    publishedAt: version.published_at,
    departmentName: item.department_name,
    depthSummary: depthSummaryOf(document.depthFlags),
    document,
    allowedActions,
  };
}

/** A console list row. */
export function staffRowOf(row: SearchRow, allowedActions: CatalogWorkflowAction[]) {
  return {
    id: row.id,
    name: row.name,
    implementationCode: row.implementation_code,
    departmentId: row.department_id,
    departmentName: row.department_name,
    type: row.type as ItemType,
    status: row.status as ItemStatus,
    publishedVersionId: row.published_version_id,
    draftVersionId: row.draft_version_id,
    draftStatus: (row.draft_version_id ? row.draft_status : null) as VersionStatus | null,
    revision: row.revision,
    updatedAt: row.updated_at,
    allowedActions,
  };
}

/** A version in the history list. */
export function versionRowOf(v: CatalogItemVersionsTable) {
  return {
    id: v.id,
    number: v.number,
    status: v.status as VersionStatus,
    name: documentOf(v).name,
    createdByName: v.created_by_name,
    createdAt: v.created_at,
    submittedByName: v.submitted_by_name,
    submittedAt: v.submitted_at,
    reviewedByName: v.reviewed_by_name,
    reviewedAt: v.reviewed_at,
    publishedAt: v.published_at,
    reviewNote: v.review_note,
  };
}
