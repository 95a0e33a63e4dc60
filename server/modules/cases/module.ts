import { errorCodesOf } from '../../../contracts/error-codes.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { CASE_AUDIT_ACTIONS } from './audit-actions.ts';
import { caseRoutes } from './http/routes.ts';
import { caseActionChain } from './store/action-chain-anchor.ts';
import { caseIntakeKeyMigration, casesMigration, caseWarningNoticesMigration } from './store/migration.ts';
import { caseActionsAppendOnlyMigration } from './store/migration-0304-append-only.ts';
import { caseScopeMover } from './store/rescope-cases.ts';
import { caseJobHandlers, scheduleWarningJob } from './supervision/recompute-warnings.ts';

/** The cases module (办件) as a part of the house: see README.md. */
export const casesModule: ModuleDescriptor = {
  name: 'cases',
  migrations: (dialect) => ({
    '0300_cases': casesMigration,
    '0301_case_warning_notices': caseWarningNoticesMigration,
    '0302_case_intake_key': caseIntakeKeyMigration,
    '0304_case_actions_append_only': caseActionsAppendOnlyMigration(dialect),
  }),
  routes: (app, platform) => caseRoutes(app, platform),
  jobHandlers: () => caseJobHandlers(),
  // The daily warning recomputation re-queues itself; this makes sure a chain exists (idempotent).
  start: (platform) => scheduleWarningJob(platform.db),
  scopeMovers: [caseScopeMover],
  anchoredChains: [caseActionChain],
  auditActions: CASE_AUDIT_ACTIONS,
  errorCodes: errorCodesOf('CASE_'),
  accessActions: [
    'case.accept',
    'case.handle',
    'case.review',
    'case.approve',
    'case.extend',
    'case.deliver',
    'case.read',
    'case.readPersonal',
    'case.supervise',
    'case.void',
    'process.manage',
  ],
};
