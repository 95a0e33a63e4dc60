import type { Action } from '../../../../contracts/access.ts';
import type { CaseActionType, StepRole } from '../../../../contracts/cases.ts';
import { type Actor, can } from '../../../platform/access/policy.ts';
import { AppError } from '../../../platform/errors.ts';
import type { CaseState } from './model.ts';
import { ALLOWED_ACTIONS, refusalOf } from './workflow.ts';

/**
 * Who may do what to a case, pure. A case lives in up to three places of the org tree: where it
 * was received (a county-centre service centre, or a township / village point), its department,
 * and the department of its current step. A grant over any of them lets its holder read the case;
 * each action names the access action it needs and the places where that grant must sit.
 */

/** The org-tree places of a case (materialised paths). */
export interface CaseScope {
  intakePath: string;
  departmentPath: string;
  stepDepartmentPath: string | null;
}

/** The access action each step role acts with. */
export const STEP_ROLE_ACTIONS: Record<StepRole, Action> = {
  dept_handler: 'case.handle',
  dept_reviewer: 'case.review',
  dept_approver: 'case.approve',
};

/** Where a case lives in the org tree. */
export function scopeOf(state: Pick<CaseState, 'intake' | 'item' | 'steps' | 'stepIndex'>): CaseScope {
  const step = state.stepIndex === null ? undefined : state.steps[state.stepIndex];
  return {
    intakePath: state.intake.unitPath,
    departmentPath: state.item.departmentPath,
    stepDepartmentPath: step?.departmentPath ?? null,
  };
}

function paths(scope: CaseScope): string[] {
  return [scope.intakePath, scope.departmentPath, scope.stepDepartmentPath].filter((p): p is string => !!p);
}

/** A requirement: any one of these (access action, org-tree path) pairs. */
export type Requirement = { action: Action; path: string }[];

function anyOf(actions: readonly Action[], paths: readonly string[]): Requirement {
  return actions.flatMap((action) => paths.map((path) => ({ action, path })));
}

/** What an actor needs to do an action to a case in its current state. */
export function requirementFor(state: CaseState, type: CaseActionType): Requirement {
  const scope = scopeOf(state);
  const step = state.stepIndex === null ? undefined : state.steps[state.stepIndex];
  const stepPath = scope.stepDepartmentPath ?? scope.departmentPath;
  const stepAction = step ? STEP_ROLE_ACTIONS[step.role] : 'case.handle';
  // Intake work: the receiving window or service point, or the department handling the item.
  const intakeOrHandler = [
    { action: 'case.accept' as const, path: scope.intakePath },
    { action: 'case.handle' as const, path: scope.departmentPath },
  ];
  switch (type) {
    case 'receive':
    case 'accept':
    case 'refuse':
    case 'withdraw':
    case 'supplyMaterial':
      return intakeOrHandler;
    case 'requestCorrection':
      if (state.acceptedAt === null) return intakeOrHandler;
      // After acceptance only the step asks (it stops the clock): not a window on its own.
      return [{ action: stepAction, path: stepPath }];
    case 'resubmit':
      if (state.acceptedAt === null) return intakeOrHandler;
      // The applicant's answer may come in at the window, or at the step.
      return [
        { action: stepAction, path: stepPath },
        { action: 'case.accept', path: scope.intakePath },
      ];
    case 'claim':
    case 'pass':
    case 'returnStep':
    case 'decide':
    case 'startSpecial':
    case 'endSpecial':
      return [{ action: stepAction, path: stepPath }];
    case 'assign':
      return anyOf([stepAction, 'case.approve'], [stepPath]);
    case 'extend':
      return anyOf(['case.extend'], [scope.departmentPath, stepPath]);
    case 'conclude':
      return anyOf(['case.handle', 'case.approve'], [scope.departmentPath]);
    case 'deliver':
      return anyOf(['case.deliver'], [scope.intakePath, scope.departmentPath]);
    case 'void':
      // Voiding ends the department's case: a grant over the place that received it is not enough,
      // so a township's supervisor voids the cases of departments inside the township only, never a
      // county department's case received there (it still reads and supervises them).
      return anyOf(
        ['case.void'],
        [scope.departmentPath, scope.stepDepartmentPath].filter((p) => p !== null),
      );
  }
}

function meets(actor: Actor, req: Requirement): boolean {
  return req.some(({ action, path }) => can(actor, action, { path }));
}

/** True when the actor may do this action to this case (the status table aside). */
export function mayAct(actor: Actor, state: CaseState, type: CaseActionType): boolean {
  return meets(actor, requirementFor(state, type));
}

/** Throws 403 unless the actor may do the action: ACCESS_DENIED, or ACCESS_OUT_OF_SCOPE when it holds the action elsewhere. */
export function authorizeCaseAction(actor: Actor, state: CaseState, type: CaseActionType): void {
  const req = requirementFor(state, type);
  if (meets(actor, req)) return;
  const elsewhere = req.some(({ action }) => can(actor, action, 'anywhere'));
  throw new AppError(elsewhere ? 'ACCESS_OUT_OF_SCOPE' : 'ACCESS_DENIED', { action: type });
}

/** True when the actor may read the case (case.read, or personal data with case.readPersonal). */
export function mayRead(
  actor: Actor,
  scope: CaseScope,
  action: 'case.read' | 'case.readPersonal' = 'case.read',
): boolean {
  return paths(scope).some((path) => can(actor, action, { path }));
}

/** Throws 403 unless the actor may read the case. */
export function authorizeRead(
  actor: Actor,
  scope: CaseScope,
  action: 'case.read' | 'case.readPersonal' = 'case.read',
): void {
  if (mayRead(actor, scope, action)) return;
  throw new AppError(can(actor, action, 'anywhere') ? 'ACCESS_OUT_OF_SCOPE' : 'ACCESS_DENIED', { action });
}

/**
 * The actions this actor may take on this case now: the status table, filtered by the state's
 * guards and by the actor's grants. The console shows exactly these buttons; the server refuses
 * anything else with the same rules.
 */
export function availableActions(state: CaseState, actor: Actor): CaseActionType[] {
  const list: readonly CaseActionType[] = ALLOWED_ACTIONS[state.status];
  return list.filter(
    (type) => refusalOf(state, type, actor.accountId) === null && mayAct(actor, state, type),
  );
}
