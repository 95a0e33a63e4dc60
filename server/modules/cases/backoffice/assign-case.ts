import { type Actor, can } from '../../../platform/access/policy.ts';
import type { Platform } from '../../../platform/context.ts';
import { AppError, say } from '../../../platform/errors.ts';
import type { CaseSettings } from '../domain/case-settings.ts';
import { authorizeCaseAction, STEP_ROLE_ACTIONS } from '../domain/policy.ts';
import { guard } from '../domain/workflow.ts';
import type { CaseWritten } from '../store/write-path.ts';
import { actOnCase } from './act-on-case.ts';

/**
 * 分派: gives the current step to a named staff member, who must hold the step's role over the
 * step's department (CASE_ASSIGNEE_INVALID otherwise). The assignee is told in the inbox.
 */
export function assignCase(
  platform: Platform,
  actor: Actor,
  { caseId, version, assigneeAccountId, settings }: AssignCaseInput,
): Promise<CaseWritten> {
  return actOnCase(platform, actor, {
    caseId,
    version,
    command: async (state, trx) => {
      // Who may not assign here hears that first (409 / 403), not a verdict on the person named.
      const refused = guard(state, 'assign', actor.accountId);
      if (refused) throw refused;
      authorizeCaseAction(actor, state, 'assign');
      const step = state.stepIndex === null ? undefined : state.steps[state.stepIndex];
      const assignee = await platform.loadActor(trx, assigneeAccountId);
      const fit =
        step && assignee && can(assignee, STEP_ROLE_ACTIONS[step.role], { path: step.departmentPath });
      if (!assignee || !fit) {
        throw new AppError('CASE_ASSIGNEE_INVALID', {
          fields: [
            {
              path: 'body.assigneeAccountId',
              message: say(
                `被分派人须为“${step?.name ?? ''}”环节的办理人员`,
                `The assignee must be one who handles the step “${step?.name ?? ''}”`,
              ),
            },
          ],
        });
      }
      return { type: 'assign', assigneeId: assignee.accountId, assigneeName: assignee.name };
    },
    settings,
  });
}

/** What assignCase takes: the case at the version the client saw, the account to give the step to, the settings. */
export interface AssignCaseInput {
  caseId: string;
  version: number;
  assigneeAccountId: string;
  settings: CaseSettings;
}
