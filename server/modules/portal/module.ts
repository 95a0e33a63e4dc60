import { errorCodesOf } from '../../../contracts/error-codes.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { PORTAL_AUDIT_ACTIONS } from './audit-actions.ts';
import { portalRoutes } from './http/routes.ts';
import { portalAccountsMigration } from './store/migration.ts';
import { portalEnterprisesMigration } from './store/migration-0401-enterprises.ts';
import { portalApplicationsMigration } from './store/migration-0410-applications.ts';
import { portalApplicationFilesMigration } from './store/migration-0411-application-files.ts';
import { portalApplicationCaseMigration } from './store/migration-0412-application-case.ts';

/** The citizen portal (一网通办 / 掌上办) as a part of the house: see README.md. */
export const portalModule: ModuleDescriptor = {
  name: 'portal',
  migrations: () => ({
    '0400_portal_accounts': portalAccountsMigration,
    '0401_portal_enterprises': portalEnterprisesMigration,
    '0410_portal_applications': portalApplicationsMigration,
    '0411_portal_application_files': portalApplicationFilesMigration,
    '0412_portal_application_case': portalApplicationCaseMigration,
  }),
  routes: (app, platform) => portalRoutes(app, platform),
  auditActions: PORTAL_AUDIT_ACTIONS,
  errorCodes: errorCodesOf('PORTAL_'),
  // Citizens are not staff: no staff access action is the portal's.
  accessActions: [],
};
