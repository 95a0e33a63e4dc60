import type { Actor } from '../../../platform/access/policy.ts';
import type { Platform } from '../../../platform/context.ts';
import { actOnCase } from '../backoffice/act-on-case.ts';
import { resolveProcess } from '../backoffice/processes.ts';
import type { CaseSettings } from '../domain/case-settings.ts';
import type { CaseWritten } from '../store/write-path.ts';

/**
 * 受理 of a received case (after a correction, or for an online application after pre-review):
 * the item's process definition is resolved now and snapshotted on the case, so later edits of
 * the definition do not move running cases.
 */
export function acceptCase(
  platform: Platform,
  actor: Actor,
  { caseId, version, settings, now }: AcceptCaseInput,
): Promise<CaseWritten> {
  return actOnCase(platform, actor, {
    caseId,
    version,
    command: async (state, trx) => ({
      type: 'accept',
      steps: await resolveProcess(trx, {
        id: state.item.id,
        departmentId: state.item.departmentId,
        promisedDays: state.item.promised.days,
      }),
    }),
    settings,
    now,
  });
}

/** What acceptCase takes: the case, the version the client saw, the settings, the instant. */
export interface AcceptCaseInput {
  caseId: string;
  version: number;
  settings: CaseSettings;
  /** The instant of the acceptance: the current one unless given (the demo seed, tests). */
  now?: string;
}
