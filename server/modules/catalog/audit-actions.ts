import { auditFor } from '../../platform/context.ts';

/**
 * The audit actions the catalogue writes, `catalog.verbObject`. `catalog.startVersion` was
 * `catalog.newVersion` before 2026-12-07 (older rows keep that name).
 */
export const CATALOG_AUDIT_ACTIONS = [
  'catalog.create',
  'catalog.saveDraft',
  'catalog.submit',
  'catalog.publish',
  'catalog.reject',
  'catalog.retire',
  'catalog.startVersion',
  'catalog.import',
  'catalog.export',
  /** The demo seed's bulk load (demo/catalog/seed.ts). */
  'catalog.seedDemo',
] as const;
export type CatalogAuditAction = (typeof CATALOG_AUDIT_ACTIONS)[number];

export const auditCatalog = auditFor(CATALOG_AUDIT_ACTIONS);
