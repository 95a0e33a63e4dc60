/**
 * What other modules may use of the cases module. Nothing else: no other module reads case tables.
 */

export { caseActionChain } from './action-chain-anchor.ts';
export { CASE_EVENT_TYPES, type CaseEventPayload, type CaseEventType } from './events.ts';
export { casesMigration, caseWarningNoticesMigration } from './migration.ts';
export { casesModule } from './module.ts';
export { caseJobHandlers, RECOMPUTE_WARNINGS_JOB, scheduleWarningJob } from './recompute-warnings.ts';
export { caseScopeMover } from './rescope-cases.ts';
export { caseRoutes } from './routes.ts';
