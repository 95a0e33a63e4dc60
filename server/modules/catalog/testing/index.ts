/**
 * The catalog module's testing entry: bulk writers for seeds and tests, and test fixtures. Tests
 * and the demo seed (demo/) import it; runtime code never does (it uses ../index.ts).
 */

/** The demo seed audits its bulk load (catalog.seedDemo) like any catalogue write. */
export { auditCatalog } from '../audit-actions.ts';
export { readWorkbook } from '../exchange/read-workbook.ts';
export { catalogDb, insertItems, insertVersions, syncSearchIndex } from '../store/store.ts';
export { multipart, rowsOf, setCell, unzipEntry, workbookOf } from './exchange-fixtures.ts';
export { demoDepartment, sampleItem } from './test-fixtures.ts';
