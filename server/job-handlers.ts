import { anchoredChains } from './anchored-chains.ts';
import { caseJobHandlers } from './modules/cases/index.ts';
import { auditJobHandlers } from './platform/audit/checkpoint-job.ts';
import { type JobHandlers, mergeHandlers } from './platform/jobs/handlers.ts';
import type { SmsProvider } from './platform/notify/providers.ts';
import { notifyJobHandlers } from './platform/notify/send-sms-job.ts';

/** What handlers need from the process that runs them (chosen by configuration in main). */
export interface JobWiring {
  sms: SmsProvider;
}

/**
 * Every job kind the house knows, from every module. A module that adds a kind adds one line
 * here with its handler set (`xxxJobHandlers(wiring)`); two sets claiming one kind fail at start-up.
 */
export function buildJobHandlers(wiring: JobWiring): JobHandlers {
  return mergeHandlers([notifyJobHandlers(wiring.sms), caseJobHandlers(), auditJobHandlers(anchoredChains)]);
}
