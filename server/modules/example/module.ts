import type { ModuleDescriptor } from '../../platform/module.ts';
import { EXAMPLE_AUDIT_ACTIONS } from './audit-actions.ts';
import { exampleRoutes } from './http/routes.ts';
import { exampleNotesMigration } from './store/migration.ts';
import { countDeliveries } from './tally/count-deliveries.ts';

/**
 * The example module (便签, notes) as a part of the house: see README.md. The template to copy; it
 * is NOT in server/modules/index.ts, so production never mounts it (tests do, through the harness's
 * `modules` option).
 */
export const exampleModule: ModuleDescriptor = {
  name: 'example',
  migrations: () => ({ '9900_example_notes': exampleNotesMigration }),
  routes: (app, platform) => exampleRoutes(app, platform),
  subscriptions: [countDeliveries],
  auditActions: EXAMPLE_AUDIT_ACTIONS,
  errorCodes: ['EXAMPLE_NOTE_NOT_FOUND', 'EXAMPLE_STALE_VERSION'],
  accessActions: ['example.readNotes', 'example.writeNotes'],
};
