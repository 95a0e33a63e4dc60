/**
 * What other modules may use of the catalog module. Nothing else: no other module reads catalogue
 * tables. Cases store a version id from getPublishedVersion and read it back with getVersion.
 */
export { applicableFor } from '../../../contracts/catalog.ts';
export { catalogTemplate, exportCatalogExchange, exportCatalogXlsx } from './export-items.ts';
export { getCatalogStats, percent } from './get-catalog-stats.ts';
export { importCatalogItems } from './import-items.ts';
export { catalogMigration } from './migration.ts';
export { catalogModule } from './module.ts';
export { pinyinKeys } from './pinyin.ts';
export { type ProjectedColumns, projectionOf } from './projection.ts';
export { catalogRoutes } from './routes.ts';
export { type CatalogSearch, type SearchAudience, searchItems } from './search.ts';
export { catalogDb, insertItems, insertVersions, syncSearchIndex } from './store.ts';
export type { CatalogItemsTable, CatalogItemVersionsTable, CatalogTables } from './tables.ts';
export {
  type FieldIssue,
  parseItemDocument,
  requireDepartment,
  requireFreeImplementationCode,
} from './validate-item.ts';
export { type CatalogVersion, getPublishedVersion, getVersion, itemExists } from './versions.ts';
