/**
 * What other modules may use of the cases module. Nothing else: no other module reads case tables.
 * (Tests of other parts, e2e/ and bench/ take their set-up from testing/index.ts.)
 */

export { CASE_EVENT_TYPES, type CaseEventPayload, type CaseEventType } from './events.ts';
export { caseRoutes } from './http/routes.ts';
/** The window's own checks of situation answers and of personal form fields, for the portal's drafts. */
export { chosenAnswers, secretFieldKind } from './intake/intake.ts';
/** Online applications (the portal): received as cases of channel `online`, for pre-review. */
export {
  type OnlineApplicationInput,
  type OnlineIntake,
  receiveOnlineApplication,
} from './intake/online-intake.ts';
export { casesModule } from './module.ts';
export { loadCaseSettings } from './settings.ts';
export { caseActionChain } from './store/action-chain-anchor.ts';
export { casesMigration, caseWarningNoticesMigration } from './store/migration.ts';
export { caseScopeMover } from './store/rescope-cases.ts';
export {
  caseJobHandlers,
  RECOMPUTE_WARNINGS_JOB,
  scheduleWarningJob,
} from './supervision/recompute-warnings.ts';

import { resolveProcess } from './backoffice/processes.ts';
import { DEFAULT_CASE_SETTINGS } from './domain/case-settings.ts';
import type { CaseCommand } from './domain/decide.ts';
import { receiveWith } from './intake/receive-case.ts';
import { caseWork } from './store/case-work.ts';
import { applyToCase, type CaseWritten } from './store/write-path.ts';
import { recomputeWarnings } from './supervision/recompute-warnings.ts';

/*
 * For the demo seed (demo/cases.ts), which plays applications forward through the use cases on
 * their own dates: receive with a fixed time, the process an item runs, apply a command as an
 * actor, the default settings and the warning recomputation as of a day (page tests that age cases
 * the same way use it too). Not for other modules.
 */
export {
  applyToCase,
  type CaseCommand,
  type CaseWritten,
  caseWork,
  DEFAULT_CASE_SETTINGS,
  receiveWith,
  recomputeWarnings,
  resolveProcess,
};
