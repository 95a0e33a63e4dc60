import type { Actor } from '../../../platform/access/policy.ts';
import type { Platform } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import type { CaseSettings } from '../domain/case-settings.ts';
import type { CaseCommand } from '../domain/decide.ts';
import type { CaseState } from '../domain/model.ts';
import { caseWork } from '../store/case-work.ts';
import { caseTransaction } from '../store/group-commit.ts';
import { applyToCase, type CaseWritten } from '../store/write-path.ts';

/**
 * One action on a case by a staff member, in one transaction: load at the version the client saw
 * (else CASE_STALE_VERSION), the status table (409), the policy (403), decide, append + project +
 * audit + notify. Most actions need nothing else; acceptance and assignment build their command
 * from what they load (see accept-case.ts, assign-case.ts).
 */
export function actOnCase(
  platform: Platform,
  actor: Actor,
  { caseId, version, command, settings, now }: ActOnCaseInput,
): Promise<CaseWritten> {
  return caseTransaction(platform, async (trx, batch) => {
    const work = await caseWork(platform, trx, { actor, settings, now, batch });
    return applyToCase(work, {
      caseId,
      version,
      commands: async (state) => [typeof command === 'function' ? await command(state, trx) : command],
    });
  });
}

/** What actOnCase takes: the case at the version the client saw, the command, the settings, the instant. */
export interface ActOnCaseInput {
  caseId: string;
  version: number;
  /** The command, or how to make it from the loaded state in the transaction. */
  command: CaseCommand | ((state: CaseState, trx: Tx) => Promise<CaseCommand>);
  settings: CaseSettings;
  /** The instant of the action: the current one unless given (the demo seed, tests). */
  now?: string;
}
