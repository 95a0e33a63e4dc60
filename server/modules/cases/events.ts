import type { CaseActionType, CaseChannel, CaseStatus, DecisionOutcome } from '../../../contracts/cases.ts';
import type { Platform } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { recordEvent } from '../../platform/events/index.ts';
import type { CaseAction, CaseState } from './domain/model.ts';

/**
 * The events the cases module publishes (platform/events), recorded by the write path in the
 * transaction of the actions that cause them. Other modules subscribe to these types and read the
 * payload below; they never read case tables.
 *
 * - `case.statusChanged` on EVERY change of status (from `previousStatus` to `status`), whatever
 *   the action; a subscriber that follows statuses needs nothing else.
 * - One event named after what happened for the moments other modules wait for: received,
 *   accepted, refused, concluded, delivered, withdrawn, voided. Recorded before the action's
 *   `case.statusChanged`, so a subscriber of both sees `case.delivered` then the change.
 */
export const CASE_EVENT_TYPES = [
  'case.received',
  'case.accepted',
  'case.statusChanged',
  'case.refused',
  'case.concluded',
  'case.delivered',
  'case.withdrawn',
  'case.voided',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/** The action whose append is the moment of each named event. */
const NAMED: Partial<Record<CaseActionType, CaseEventType>> = {
  receive: 'case.received',
  accept: 'case.accepted',
  refuse: 'case.refused',
  conclude: 'case.concluded',
  deliver: 'case.delivered',
  withdraw: 'case.withdrawn',
  void: 'case.voided',
};

/**
 * Every case event's payload: ids, codes and instants, no personal data (no applicant, no form,
 * no opinion or reason text). `at` is the action's instant (UTC ISO), `seq` its number in the
 * case's log.
 */
export interface CaseEventPayload {
  [field: string]: string | number | boolean | null;
  caseId: string;
  caseNumber: string;
  seq: number;
  at: string;
  itemId: string;
  itemVersionId: string;
  itemCode: string;
  /** The item's department (the deciding department). */
  departmentId: string;
  /** The service centre or point that received the case, and the 代收代办 point if any. */
  intakeUnitId: string;
  servicePointId: string | null;
  channel: CaseChannel;
  /** 一件事: the bundle case this one belongs to. */
  parentId: string | null;
  /** The status before the action (null for the receipt) and after it. */
  previousStatus: CaseStatus | null;
  status: CaseStatus;
  /** The decision's outcome once decided (grant / deny), else null. */
  outcome: DecisionOutcome | null;
}

/** One appended action with the status the case had before it. */
export interface StatusStep {
  action: CaseAction;
  previousStatus: CaseStatus | null;
  status: CaseStatus;
}

/** The events one action causes, in the order they are recorded. */
export function caseEventsOf(
  state: CaseState,
  step: StatusStep,
): { type: CaseEventType; payload: CaseEventPayload }[] {
  const payload: CaseEventPayload = {
    caseId: state.id,
    caseNumber: state.number,
    seq: step.action.seq,
    at: step.action.at,
    itemId: state.item.id,
    itemVersionId: state.item.versionId,
    itemCode: state.item.code,
    departmentId: state.item.departmentId,
    intakeUnitId: state.intake.unitId,
    servicePointId: state.intake.servicePointId,
    channel: state.channel,
    parentId: state.parentId,
    previousStatus: step.previousStatus,
    status: step.status,
    outcome: state.decision?.outcome ?? null,
  };
  const events: { type: CaseEventType; payload: CaseEventPayload }[] = [];
  const named = NAMED[step.action.type];
  if (named) events.push({ type: named, payload });
  if (step.previousStatus !== null && step.previousStatus !== step.status) {
    events.push({ type: 'case.statusChanged', payload });
  }
  return events;
}

/** Records the events of the appended actions; call after the write that took the case's version. */
export async function recordCaseEvents(
  work: { platform: Pick<Platform, 'subscribedEventTypes'>; trx: Tx },
  state: CaseState,
  steps: readonly StatusStep[],
): Promise<void> {
  for (const step of steps) {
    for (const event of caseEventsOf(state, step)) {
      await recordEvent(work.platform, work.trx, {
        type: event.type,
        subjectId: state.id,
        payload: event.payload,
      });
    }
  }
}
