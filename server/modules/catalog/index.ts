/**
 * What other modules may use of the catalog module. Nothing else: no other module reads catalogue
 * tables. Cases store a version id from getPublishedVersion and read it back with getVersion.
 * The bulk writers that seeds and tests use are not here: they are in testing/index.ts.
 */
export { applicableFor } from '../../../contracts/catalog.ts';
export { pinyinKeys } from './domain/pinyin.ts';
export { type FieldIssue, parseItemDocument } from './domain/validate-item.ts';
export { catalogTemplate, exportCatalogExchange, exportCatalogXlsx } from './exchange/export-items.ts';
export { importCatalogItems } from './exchange/import-items.ts';
export { catalogRoutes } from './http/routes.ts';
export { requireDepartment, requireFreeImplementationCode } from './items/item-checks.ts';
export { type CatalogVersion, getPublishedVersion, getVersion, itemExists } from './items/versions.ts';
export { catalogModule } from './module.ts';
export {
  type CatalogSearch,
  type SearchAudience,
  type SearchItemsInput,
  searchItems,
} from './search/search.ts';
export { getCatalogStats, percent } from './stats/get-catalog-stats.ts';
export { catalogMigration } from './store/migration.ts';
export { type ProjectedColumns, projectionOf } from './store/projection.ts';
export type { CatalogItemsTable, CatalogItemVersionsTable, CatalogTables } from './store/tables.ts';
