import type { CaseDetailView, CaseSummaryView } from '../../../../contracts/case-views.ts';
import { CASE_ACTION_LABELS, type CaseDocumentKind, type WarningLevel } from '../../../../contracts/cases.ts';
import { shanghaiDay } from '../../../../contracts/shanghai-date.ts';
import type { Actor } from '../../../platform/access/policy.ts';
import { maskName } from '../../../platform/crypto/mask.ts';
import { fromJson } from '../../../platform/db/json.ts';
import { type CaseClock, type ClockCalendar, counterFor, usedDaysAt } from '../domain/clock.ts';
import type { CaseAction, CaseState } from '../domain/model.ts';
import { availableActions } from '../domain/policy.ts';
import type { CasesTable } from '../store/tables.ts';

/** Rows and states into the API's views; allowed actions are computed for the actor asking. */

/** The clock figures a summary shows (from a fresh clock, or from the projection's columns). */
export type ClockFigures = Pick<
  CaseClock,
  | 'clockStart'
  | 'promisedDue'
  | 'legalDue'
  | 'limitDays'
  | 'usedDays'
  | 'remainingDays'
  | 'paused'
  | 'deemedAccepted'
  | 'warningLevel'
> & { lostStep: string | null };

/** The clock figures stored in a projection row. */
export function figuresOfRow(row: CasesTable): ClockFigures {
  return {
    clockStart: row.clock_start,
    promisedDue: row.promised_due,
    legalDue: row.legal_due,
    limitDays: row.limit_days,
    usedDays: row.used_days,
    remainingDays: row.remaining_days,
    paused: row.paused === 1,
    deemedAccepted: row.deemed_accepted === 1,
    warningLevel: row.warning_level as WarningLevel,
    lostStep: row.lost_step,
  };
}

/** The clock figures of a freshly computed clock. */
export function figuresOf(clock: CaseClock): ClockFigures {
  return { ...clock, lostStep: clock.lostStep?.name ?? null };
}

/** A list row of a case for an actor. */
export function summaryOf(state: CaseState, f: ClockFigures, actor: Actor): CaseSummaryView {
  const step = state.stepIndex === null ? undefined : state.steps[state.stepIndex];
  const open = ['in_process', 'process_correction', 'special_procedure'].includes(state.status);
  const a = state.applicant;
  return {
    id: state.id,
    number: state.number,
    status: state.status,
    channel: state.channel,
    itemId: state.item.id,
    itemCode: state.item.code,
    itemName: state.item.name,
    departmentId: state.item.departmentId,
    departmentName: state.item.departmentName,
    intakeUnitName: state.intake.unitName,
    intakeLevel: state.intake.level,
    windowNumber: state.intake.windowNumber,
    servicePointName: state.intake.servicePointName,
    applicantKind: a.kind,
    applicantName: a.kind === 'enterprise' ? a.name : maskName(a.name),
    applicantIdMasked: a.idMasked,
    receivedAt: state.receivedAt,
    acceptedAt: state.acceptedAt,
    clockStart: f.clockStart,
    promisedDue: f.promisedDue,
    legalDue: f.legalDue,
    limitDays: f.limitDays,
    usedDays: f.usedDays,
    remainingDays: f.remainingDays,
    limitUnit: state.item.promised.unit,
    paused: f.paused,
    deemedAccepted: f.deemedAccepted,
    warningLevel: f.warningLevel,
    lostStep: f.lostStep,
    stepName: open ? (step?.name ?? null) : null,
    assigneeName: open ? (state.assignee?.name ?? null) : null,
    decision: state.decision?.outcome ?? null,
    version: state.version,
    allowedActions: availableActions(state, actor),
  };
}

/** A list row from a projection row (its state JSON and its stored clock). */
export function summaryOfRow(row: CasesTable, actor: Actor): CaseSummaryView {
  return summaryOf(fromJson<CaseState>(row.state, {} as CaseState), figuresOfRow(row), actor);
}

/** Which printable documents a case has. */
export function documentsOf(state: CaseState): CaseDocumentKind[] {
  const docs: CaseDocumentKind[] = ['receipt'];
  if (state.acceptedAt) docs.push('acceptance');
  if (state.materials.some((m) => m.form === 'deferred') && state.acceptedAt) docs.push('deferral');
  if (state.corrections.length > 0) docs.push('correction');
  if (state.refusal) docs.push('refusal');
  return docs;
}

/** The case page for an actor: everything but the full personal values. */
export function detailOf(
  state: CaseState,
  { clock, actor, timeline }: { clock: CaseClock; actor: Actor; timeline: CaseDetailView['timeline'] },
): CaseDetailView {
  const a = state.applicant;
  return {
    ...summaryOf(state, figuresOf(clock), actor),
    applicant: {
      kind: a.kind,
      name: a.name,
      idMasked: a.idMasked,
      phoneMasked: a.phoneMasked,
      legalRepresentative: a.legalRepresentative,
    },
    agent: state.agent
      ? { name: state.agent.name, idMasked: state.agent.idMasked, phoneMasked: state.agent.phoneMasked }
      : null,
    form: state.form,
    situations: state.situations,
    materials: state.materials,
    steps: state.steps.map((s, i) => {
      const usage = clock.steps[i];
      return {
        key: s.key,
        name: s.name,
        role: s.role,
        departmentName: s.departmentName,
        budgetDays: s.budgetDays,
        usedDays: usage?.usedDays ?? 0,
        overrunDays: usage?.overrunDays ?? 0,
        current:
          state.stepIndex === i &&
          ['in_process', 'process_correction', 'special_procedure'].includes(state.status),
      };
    }),
    pauses: state.pauses,
    extensionDays: clock.extensionDays,
    pausedDays: clock.pausedDays,
    pausedSince: clock.pausedSince,
    promisedDueIfResumedToday: clock.promisedDueIfResumedToday,
    legalDueIfResumedToday: clock.legalDueIfResumedToday,
    calendarProblem: clock.calendarProblem,
    corrections: state.corrections.map((c) => ({
      stage: c.stage,
      at: c.at,
      items: c.items,
      answeredAt: c.answeredAt,
    })),
    refusal: state.refusal,
    decisionDetail: state.decision,
    result: state.result,
    delivery: state.delivery,
    closure: state.closure,
    documents: documentsOf(state),
    timeline,
  };
}

/** The timeline of a case: every action with who, where and the working days used by then. */
export function timelineOf(
  state: CaseState,
  actions: readonly CaseAction[],
  {
    calendar,
    orgNames,
  }: {
    calendar: ClockCalendar;
    /** The names of the org units the actions were taken for, by id. */
    orgNames: ReadonlyMap<string, string>;
  },
): CaseDetailView['timeline'] {
  const counter = counterFor(calendar, state.item.promised.unit);
  return actions.map((a) => {
    let elapsed: number | null = null;
    if (state.clockStart) {
      try {
        elapsed = usedDaysAt(counter, {
          start: state.clockStart,
          pauses: state.pauses,
          date: shanghaiDay(a.at),
        });
      } catch {
        elapsed = null;
      }
    }
    return {
      seq: a.seq,
      type: a.type,
      label: CASE_ACTION_LABELS[a.type].zh,
      at: a.at,
      actorName: a.actor.name,
      orgUnitName: a.actor.orgUnitId ? (orgNames.get(a.actor.orgUnitId) ?? null) : null,
      workdaysElapsed: elapsed,
      summary: summaryLine(a),
    };
  });
}

/** One line on what an action said, without personal values. */
function summaryLine(a: CaseAction): string {
  switch (a.type) {
    case 'receive':
      return `${a.payload.intake.servicePointName ?? a.payload.intake.unitName}${a.payload.intake.windowNumber ? ` ${a.payload.intake.windowNumber}窗口` : ''}收件，编号 ${a.payload.number}`;
    case 'accept':
      return a.payload.deemed ? `受理（逾期未告知，自收件日 ${a.payload.clockStart} 起视为受理）` : '受理';
    case 'requestCorrection':
      return `一次性告知补正：${a.payload.items.map((i) => i.name).join('、')}`;
    case 'resubmit':
      return a.payload.note ?? '申请人提交补正材料';
    case 'refuse':
      return `不予受理：${a.payload.reason}`;
    case 'assign':
      return `分派给 ${a.payload.assigneeName}`;
    case 'pass':
      return a.payload.opinion;
    case 'returnStep':
      return `退回：${a.payload.reason}`;
    case 'startSpecial':
      return `${a.payload.reason}（预计 ${a.payload.expectedEnd} 结束）`;
    case 'endSpecial':
      return a.payload.result;
    case 'extend':
      return `延长 ${a.payload.days} 个工作日：${a.payload.reason}`;
    case 'decide':
      return a.payload.outcome === 'grant'
        ? `准予：${a.payload.opinion}`
        : `不予许可：${a.payload.reasons ?? ''}`;
    case 'conclude':
      return `${a.payload.documentName} ${a.payload.documentNumber}`;
    case 'deliver':
      return a.payload.trackingNumber ? `邮件单号 ${a.payload.trackingNumber}` : (a.payload.note ?? '');
    case 'supplyMaterial':
      return `容缺材料已补齐（${a.payload.materialId}）`;
    case 'withdraw':
    case 'void':
      return a.payload.reason;
    case 'claim':
      return '签收';
  }
}
