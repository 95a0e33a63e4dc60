/**
 * Tables owned by the catalog module (reach them with `catalogDb(db)`). `catalog_items` is the
 * projection lists and search read; `catalog_item_versions` holds every version's document.
 */
export type CatalogTables = {
  catalog_items: CatalogItemsTable;
  catalog_item_versions: CatalogItemVersionsTable;
  /** SQLite only: FTS5 trigram index over the search columns (PostgreSQL uses pg_trgm indexes). */
  catalog_search: CatalogSearchTable;
};

export interface CatalogItemsTable {
  id: string;
  implementation_code: string;
  catalog_code: string;
  department_id: string;
  department_name: string;
  status: 'draft' | 'in_review' | 'published' | 'retired';
  published_version_id: string | null;
  /** The open working version (draft, in review or rejected), if any. */
  draft_version_id: string | null;
  /** Bumped by every change of the item or its working version (optimistic concurrency). */
  revision: number;
  // Search and filter columns: from the published version, or the working one before publication.
  name: string;
  name_pinyin: string;
  name_initials: string;
  /** Other fields searched below the name: department, result, topics (Chinese text). */
  search_text: string;
  /** 基本编码 and 实施编码, searched by Latin terms only. */
  codes: string;
  type: string;
  /** Service object codes framed by commas (',1,2,') so a filter is one LIKE. */
  service_objects: string;
  /** Topic labels framed by '|' ('|户籍办理|证件办理|'). */
  topics: string;
  depth_summary: string;
  visits: number;
  promised_value: number;
  promised_unit: string;
  in_hall: number;
  comprehensive: number;
  /** 'none' | 'township' | 'village' | 'township_village'. */
  grassroots: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

export interface CatalogItemVersionsTable {
  id: string;
  item_id: string;
  number: number;
  status: 'draft' | 'in_review' | 'published' | 'superseded' | 'retired' | 'rejected';
  /** The item document (contracts/catalog.ts) as JSON text. */
  document: string;
  created_by: string | null;
  created_by_name: string | null;
  created_at: string;
  updated_at: string;
  submitted_by: string | null;
  submitted_by_name: string | null;
  submitted_at: string | null;
  /** Who approved or rejected it last. */
  reviewed_by: string | null;
  reviewed_by_name: string | null;
  reviewed_at: string | null;
  approved_by: string | null;
  published_at: string | null;
  review_note: string | null;
}

export interface CatalogSearchTable {
  item_id: string;
  name: string;
  /** The other fields: search_text and codes. */
  body: string;
  /** Full pinyin and initials of the name, space-separated. */
  pinyin: string;
}
