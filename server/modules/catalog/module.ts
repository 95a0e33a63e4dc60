import { errorCodesOf } from '../../../contracts/error-codes.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { CATALOG_AUDIT_ACTIONS } from './audit-actions.ts';
import { registerCatalogCommands } from './cli.ts';
import { catalogRoutes } from './http/routes.ts';
import { catalogMigration, catalogRevisionFromOneMigration } from './store/migration.ts';

/** The service catalogue (事项目录) as a part of the house: see README.md. */
export const catalogModule: ModuleDescriptor = {
  name: 'catalog',
  migrations: (dialect) => ({
    '0200_catalog': catalogMigration(dialect),
    '0201_catalog_revision_from_one': catalogRevisionFromOneMigration,
  }),
  routes: (app, platform) => catalogRoutes(app, platform),
  commands: registerCatalogCommands,
  auditActions: CATALOG_AUDIT_ACTIONS,
  errorCodes: errorCodesOf('CATALOG_'),
  accessActions: ['catalog.read', 'catalog.propose', 'catalog.edit', 'catalog.publish'],
};
