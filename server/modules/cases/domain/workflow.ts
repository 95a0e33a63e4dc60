import type { CaseActionType, CaseStatus } from '../../../../contracts/cases.ts';
import { shanghaiDay } from '../../../../contracts/shanghai-date.ts';
import { AppError, type ErrorCode } from '../../../platform/errors.ts';
import type { CaseAction, CaseState, MaterialRecord, NewCaseAction } from './model.ts';

/**
 * The case workflow, pure: which actions each status allows, the guards that depend on the
 * state beyond its status, and `evolve`, the fold of one action into the state. No I/O here.
 */

/**
 * THE table: what may happen to a case in each status. The console's buttons and the server's
 * 409 both come from it; a status without a row does not compile. `receive` creates a case and so
 * belongs to no row.
 */
export const ALLOWED_ACTIONS = {
  received: ['accept', 'requestCorrection', 'refuse', 'withdraw', 'void'],
  intake_correction: ['resubmit', 'refuse', 'withdraw', 'void'],
  refused: [],
  in_process: [
    'claim',
    'assign',
    'pass',
    'returnStep',
    'requestCorrection',
    'startSpecial',
    'extend',
    'decide',
    'supplyMaterial',
    'withdraw',
    'void',
  ],
  process_correction: ['resubmit', 'supplyMaterial', 'withdraw', 'void'],
  special_procedure: ['endSpecial', 'extend', 'supplyMaterial', 'withdraw', 'void'],
  decided: ['conclude', 'supplyMaterial', 'void'],
  concluded: ['deliver', 'void'],
  delivered: [],
  withdrawn: [],
  voided: [],
} as const satisfies Record<CaseStatus, readonly CaseActionType[]>;

/** True when the status table allows an action in a status. */
export function statusAllows(status: CaseStatus, type: CaseActionType): boolean {
  return (ALLOWED_ACTIONS[status] as readonly CaseActionType[]).includes(type);
}

/** Most working days a legal limit may be extended (行政许可法 第42条: 10, or 15 for joint handling). */
export function maxExtensionDays(state: Pick<CaseState, 'item'>): number {
  return state.item.joint ? 15 : 10;
}

/** Deferred (容缺) materials not yet supplied. */
export function outstandingDeferred(state: Pick<CaseState, 'materials'>): MaterialRecord[] {
  return state.materials.filter((m) => m.form === 'deferred' && m.suppliedAt === null);
}

/** Why a guard refuses: the error code and its details (an AppError only when it is thrown). */
export interface Refusal {
  code: ErrorCode;
  details?: unknown;
}

/**
 * The state-dependent rule an action must also pass, beyond the status table, for an actor; null
 * when it may go ahead. Rules that need the command's content (reasons, dates) live in decide.ts.
 * Returns a plain refusal: availableActions asks it for every action of every listed case.
 */
export function refusalOf(state: CaseState, type: CaseActionType, actorId: string | null): Refusal | null {
  if (!statusAllows(state.status, type)) {
    return {
      code: 'CASE_ACTION_NOT_ALLOWED',
      details: { status: state.status, action: type, allowed: ALLOWED_ACTIONS[state.status] },
    };
  }
  const index = state.stepIndex ?? 0;
  const last = state.steps.length - 1;
  const claimedByOther = state.assignee !== null && state.assignee.accountId !== actorId;
  const claimed: Refusal = { code: 'CASE_CLAIMED_BY_OTHER', details: { assignee: state.assignee?.name } };
  switch (type) {
    case 'claim':
      if (state.assignee?.accountId === actorId) return conflict('already claimed by you');
      return claimedByOther ? claimed : null;
    case 'pass':
      if (index >= last) return conflict('the last step ends with a decision, not a pass');
      return claimedByOther ? claimed : null;
    case 'decide':
      if (index < last) return conflict('only the last step decides');
      return claimedByOther ? claimed : null;
    case 'returnStep':
      if (index === 0) return conflict('the first step has no previous step');
      return claimedByOther ? claimed : null;
    case 'startSpecial':
      return claimedByOther ? claimed : null;
    case 'requestCorrection':
      return state.status === 'in_process' && claimedByOther ? claimed : null;
    case 'extend': {
      const used = state.extensions.reduce((sum, e) => sum + e.days, 0);
      if (used >= maxExtensionDays(state)) {
        return { code: 'CASE_EXTENSION_EXCEEDED', details: { max: maxExtensionDays(state), used } };
      }
      return null;
    }
    case 'supplyMaterial':
      return outstandingDeferred(state).length === 0 ? { code: 'CASE_MATERIAL_NOT_OUTSTANDING' } : null;
    case 'conclude':
      if (state.decision?.outcome === 'grant' && outstandingDeferred(state).length > 0) {
        return {
          code: 'CASE_DEFERRED_OUTSTANDING',
          details: { materials: outstandingDeferred(state).map((m) => m.name) },
        };
      }
      return null;
    default:
      return null;
  }
}

/** The guard as an error to throw, or null when the action may go ahead. */
export function guard(state: CaseState, type: CaseActionType, actorId: string | null): AppError | null {
  const refusal = refusalOf(state, type, actorId);
  return refusal ? new AppError(refusal.code, refusal.details) : null;
}

function conflict(reason: string): Refusal {
  return { code: 'CASE_STEP_CONFLICT', details: { reason } };
}

/** The state a `receive` action starts; every other action evolves it. */
export function startState(caseId: string, action: NewCaseAction & { seq: number }): CaseState {
  if (action.type !== 'receive') throw new Error(`a case starts with receive, not ${action.type}`);
  const p = action.payload;
  return {
    id: caseId,
    number: p.number,
    version: action.seq,
    status: 'received',
    channel: p.channel,
    parentId: p.parentId,
    item: p.item,
    intake: p.intake,
    applicant: p.applicant,
    agent: p.agent,
    form: p.form,
    formSecrets: p.formSecrets,
    situations: p.situations,
    materials: p.materials,
    ...(p.intakeKey ? { intakeKey: { ...p.intakeKey, accountId: action.actor.accountId } } : {}),
    receivedAt: action.at,
    lastReceivedOn: shanghaiDay(action.at),
    corrections: [],
    refusal: null,
    acceptedAt: null,
    clockStart: null,
    deemedAccepted: false,
    steps: [],
    stepIndex: null,
    assignee: null,
    stepVisits: [],
    pauses: [],
    extensions: [],
    decision: null,
    result: null,
    delivery: null,
    closure: null,
    lastActionAt: action.at,
  };
}

/** Folds one action into the state; the action was decided on this state, so it is not re-checked. */
export function evolve(state: CaseState, action: CaseAction): CaseState {
  const on = shanghaiDay(action.at);
  const s: CaseState = { ...state, version: action.seq, lastActionAt: action.at };
  const by = action.actor.name;
  switch (action.type) {
    case 'receive':
      throw new Error('receive only starts a case');
    case 'accept':
      return {
        ...s,
        status: 'in_process',
        acceptedAt: action.at,
        clockStart: action.payload.clockStart,
        deemedAccepted: action.payload.deemed,
        steps: action.payload.steps,
        stepIndex: 0,
        assignee: null,
        stepVisits: [{ index: 0, from: action.payload.clockStart, to: null, assigneeName: null }],
      };
    case 'requestCorrection': {
      const round = { ...action.payload, at: action.at, answeredAt: null };
      if (action.payload.stage === 'intake') {
        return { ...s, status: 'intake_correction', corrections: [...s.corrections, round] };
      }
      return {
        ...s,
        status: 'process_correction',
        corrections: [...s.corrections, round],
        pauses: [...s.pauses, pause('correction', on, action.payload.items.map((i) => i.name).join('、'))],
      };
    }
    case 'resubmit': {
      const corrections = s.corrections.map((c, i) =>
        i === s.corrections.length - 1 ? { ...c, answeredAt: action.at } : c,
      );
      const materials = mergeMaterials(s.materials, action.payload.materials);
      if (s.status === 'intake_correction') {
        return { ...s, status: 'received', corrections, materials, lastReceivedOn: on };
      }
      return { ...s, status: 'in_process', corrections, materials, pauses: closePause(s.pauses, on, null) };
    }
    case 'refuse':
      return { ...s, status: 'refused', refusal: { ...action.payload, at: action.at } };
    case 'claim':
      return withAssignee(s, { accountId: action.actor.accountId ?? '', name: by });
    case 'assign':
      return withAssignee(s, { accountId: action.payload.assigneeId, name: action.payload.assigneeName });
    case 'pass':
      return moveStep(s, action.payload.step + 1, on);
    case 'returnStep':
      return moveStep(s, action.payload.step - 1, on);
    case 'startSpecial': {
      const p = action.payload;
      const special = { ...pause('special', on, p.reason), specialKind: p.kind, expectedEnd: p.expectedEnd };
      return { ...s, status: 'special_procedure', pauses: [...s.pauses, special] };
    }
    case 'endSpecial':
      return { ...s, status: 'in_process', pauses: closePause(s.pauses, on, action.payload.result) };
    case 'extend':
      return { ...s, extensions: [...s.extensions, { ...action.payload, at: action.at, by }] };
    case 'decide':
      return {
        ...s,
        status: 'decided',
        decision: { ...action.payload, at: action.at, by },
        stepVisits: closeVisit(s.stepVisits, on),
      };
    case 'conclude':
      return { ...s, status: 'concluded', result: { ...action.payload, at: action.at } };
    case 'deliver':
      return { ...s, status: 'delivered', delivery: { ...action.payload, at: action.at } };
    case 'supplyMaterial':
      return {
        ...s,
        materials: s.materials.map((m) =>
          m.materialId === action.payload.materialId && m.suppliedAt === null
            ? { ...m, form: action.payload.form, suppliedAt: action.at }
            : m,
        ),
      };
    case 'withdraw':
    case 'void':
      return {
        ...s,
        status: action.type === 'withdraw' ? 'withdrawn' : 'voided',
        closure: {
          kind: action.type === 'withdraw' ? 'withdrawn' : 'voided',
          reason: action.payload.reason,
          at: action.at,
          by,
        },
        pauses: closePause(s.pauses, on, null),
        stepVisits: closeVisit(s.stepVisits, on),
      };
  }
}

/** The state of a case from its whole log, in seq order. */
export function foldActions(caseId: string, actions: readonly CaseAction[]): CaseState {
  const [first, ...rest] = actions;
  if (!first) throw new Error(`case ${caseId} has no actions`);
  return rest.reduce(evolve, startState(caseId, first));
}

function pause(kind: 'correction' | 'special', from: string, reason: string) {
  return { kind, from, to: null, reason, specialKind: null, expectedEnd: null, result: null };
}

function closePause(pauses: CaseState['pauses'], on: string, result: string | null): CaseState['pauses'] {
  return pauses.map((p) => (p.to === null ? { ...p, to: on, result } : p));
}

function closeVisit(visits: CaseState['stepVisits'], on: string): CaseState['stepVisits'] {
  return visits.map((v) => (v.to === null ? { ...v, to: on } : v));
}

function withAssignee(s: CaseState, assignee: { accountId: string; name: string }): CaseState {
  const visits = s.stepVisits.map((v) => (v.to === null ? { ...v, assigneeName: assignee.name } : v));
  return { ...s, assignee, stepVisits: visits };
}

function moveStep(s: CaseState, to: number, on: string): CaseState {
  return {
    ...s,
    stepIndex: to,
    assignee: null,
    stepVisits: [...closeVisit(s.stepVisits, on), { index: to, from: on, to: null, assigneeName: null }],
  };
}

/** Replaces checklist entries by material id (a resubmission updates what was missing). */
function mergeMaterials(current: MaterialRecord[], updates: MaterialRecord[]): MaterialRecord[] {
  const byId = new Map(updates.map((m) => [m.materialId, m]));
  return current.map((m) => byId.get(m.materialId) ?? m);
}
