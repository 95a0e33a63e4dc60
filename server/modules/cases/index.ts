/**
 * What other modules may use of the cases module. Nothing else: no other module reads case tables.
 */

export { caseRoutes } from './http/routes.ts';
export { casesModule } from './module.ts';
export { caseActionChain } from './store/action-chain-anchor.ts';
export { casesMigration, caseWarningNoticesMigration } from './store/migration.ts';
export { caseScopeMover } from './store/rescope-cases.ts';
export {
  caseJobHandlers,
  RECOMPUTE_WARNINGS_JOB,
  scheduleWarningJob,
} from './supervision/recompute-warnings.ts';
