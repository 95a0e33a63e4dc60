import type { ModuleDescriptor } from '../../platform/module.ts';
import { loadStaffActor } from './actor.ts';
import { registerAdminCommands } from './cli.ts';
import { orgMigration } from './migration.ts';
import { orgRoutes } from './routes.ts';

/** Org units, windows and staff (机构、窗口、人员) as a part of the house: see README.md. */
export const orgModule: ModuleDescriptor = {
  name: 'org',
  migrations: () => ({ '0100_org': orgMigration }),
  routes: (app, platform) => orgRoutes(app, platform),
  actorLoader: loadStaffActor,
  commands: registerAdminCommands,
  auditActions: [],
  errorCodes: [],
  accessActions: [],
};
