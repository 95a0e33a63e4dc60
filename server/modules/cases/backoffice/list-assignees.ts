import type { z } from 'zod';
import type { AssigneeList } from '../../../../contracts/case-views.ts';
import type { Actor } from '../../../platform/access/policy.ts';
import type { Platform } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { listStaffWhoCan } from '../../org/index.ts';
import { authorizeCaseAction, authorizeRead, STEP_ROLE_ACTIONS, scopeOf } from '../domain/policy.ts';
import { guard } from '../domain/workflow.ts';
import { loadCase } from '../store/store.ts';

/**
 * Whom 分派 may choose at a case's current step: the staff whose grants give the step role's
 * action (承办 case.handle, 审核 case.review, 批准 case.approve) over the step's department, the same
 * test the assignment itself applies. Only someone who may assign here may ask; the answer names
 * each person, their title and unit, never a phone or an ID number.
 */
export async function listAssignees(
  platform: Platform,
  actor: Actor,
  caseId: string,
): Promise<z.infer<typeof AssigneeList>> {
  const { state } = await loadCase(platform.db, caseId);
  authorizeRead(actor, scopeOf(state));
  const refused = guard(state, 'assign', actor.accountId);
  if (refused) throw refused;
  authorizeCaseAction(actor, state, 'assign');
  const step = state.stepIndex === null ? undefined : state.steps[state.stepIndex];
  if (!step) throw new AppError('CASE_ACTION_NOT_ALLOWED', { status: state.status, action: 'assign' });
  const staff = await listStaffWhoCan(platform.db, STEP_ROLE_ACTIONS[step.role], step.departmentPath);
  return {
    stepName: step.name,
    departmentName: step.departmentName,
    items: staff.map((s) => ({
      accountId: s.accountId,
      name: s.name,
      title: s.title,
      orgUnitName: s.orgUnitName,
      current: s.accountId === state.assignee?.accountId,
    })),
  };
}
