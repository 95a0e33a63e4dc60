import { errorCodesOf } from '../../../contracts/error-codes.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { ORG_AUDIT_ACTIONS } from './audit-actions.ts';
import { registerAdminCommands } from './cli.ts';
import { orgRoutes } from './http/routes.ts';
import { loadStaffActor } from './staff/actor.ts';
import { alertAdminsOnLockout } from './staff/alert-on-lockout.ts';
import { orgMigration, orgRevisionMigration } from './store/migration.ts';

/** Org units, windows and staff (机构、窗口、人员) as a part of the house: see README.md. */
export const orgModule: ModuleDescriptor = {
  name: 'org',
  migrations: () => ({ '0100_org': orgMigration, '0101_org_revision': orgRevisionMigration }),
  routes: (app, platform) => orgRoutes(app, platform),
  actorLoader: loadStaffActor,
  subscriptions: [alertAdminsOnLockout],
  commands: registerAdminCommands,
  auditActions: ORG_AUDIT_ACTIONS,
  errorCodes: errorCodesOf('ORG_', 'STAFF_', 'WINDOW_'),
  accessActions: [
    'org.read',
    'org.manage',
    'window.manage',
    'staff.read',
    'staff.manage',
    'staff.readPersonal',
  ],
};
