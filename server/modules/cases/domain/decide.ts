import type {
  CorrectionItem,
  DecisionOutcome,
  DeliveryMethod,
  MaterialInput,
  SpecialProcedureKind,
} from '../../../../contracts/cases.ts';
import { shanghaiDay } from '../../../../contracts/shanghai-date.ts';
import { AppError, type Bilingual, say } from '../../../platform/errors.ts';
import type { CaseSettings } from './case-settings.ts';
import { type ClockCalendar, deemedAcceptance, limitDue } from './clock.ts';
import type {
  ActionPayloads,
  ActorStamp,
  CaseState,
  MaterialRecord,
  NewCaseAction,
  ProcessStep,
} from './model.ts';
import { guard, maxExtensionDays } from './workflow.ts';

/**
 * decide(state, command, ctx): the action to append, or an AppError. Pure: the use case loads what
 * a command needs (the process definition for an acceptance, the assignee's name) and puts it in
 * the command. The status table and the state guards come first; then the command's own rules.
 */

export type CaseCommand =
  | { type: 'accept'; steps: ProcessStep[] }
  | { type: 'requestCorrection'; items: CorrectionItem[]; note?: string | null }
  | { type: 'resubmit'; materials: MaterialInput[]; note?: string | null }
  | { type: 'refuse'; reason: string; competentBody?: string | null; legalBasis?: string | null }
  | { type: 'claim' }
  | { type: 'assign'; assigneeId: string; assigneeName: string }
  | { type: 'pass'; opinion: string }
  | { type: 'returnStep'; reason: string }
  | { type: 'startSpecial'; kind: SpecialProcedureKind; reason: string; expectedEnd: string }
  | { type: 'endSpecial'; result: string }
  | { type: 'extend'; days: number; reason: string }
  | {
      type: 'decide';
      outcome: DecisionOutcome;
      opinion: string;
      reasons?: string | null;
      legalBasis?: string | null;
    }
  | {
      type: 'conclude';
      documentName: string;
      documentNumber: string;
      validFrom?: string | null;
      validUntil?: string | null;
      issuer?: string | null;
    }
  | { type: 'deliver'; method: DeliveryMethod; trackingNumber?: string | null; note?: string | null }
  | { type: 'supplyMaterial'; materialId: string; form: 'original' | 'copy' | 'electronic' }
  | { type: 'withdraw'; reason: string }
  | { type: 'void'; reason: string };

export interface DecideContext {
  actor: ActorStamp;
  /** The instant of the action (UTC ISO); business dates are its Shanghai date. */
  now: string;
  calendar: ClockCalendar;
  settings: CaseSettings;
}

/** The action a command produces on a state, or throws the AppError that refuses it. */
export function decide(state: CaseState, command: CaseCommand, ctx: DecideContext): NewCaseAction {
  const refused = guard(state, command.type, ctx.actor.accountId);
  if (refused) throw refused;
  const today = shanghaiDay(ctx.now);
  const make = <T extends NewCaseAction['type']>(type: T, payload: ActionPayloads[T]) =>
    ({ type, at: ctx.now, actor: ctx.actor, payload }) as NewCaseAction;
  const step = state.stepIndex ?? 0;
  switch (command.type) {
    case 'accept':
      return make('accept', decideAccept(state, command.steps, { ctx, today }));
    case 'requestCorrection':
      checkCorrectionItems(state, command.items);
      return make('requestCorrection', {
        stage: state.status === 'received' ? 'intake' : 'process',
        items: command.items,
        note: command.note ?? null,
      });
    case 'resubmit':
      return make('resubmit', {
        materials: resubmittedMaterials(state, command.materials, { ctx, today }),
        note: command.note ?? null,
      });
    case 'refuse':
      return make('refuse', {
        reason: command.reason,
        competentBody: command.competentBody ?? null,
        legalBasis: command.legalBasis ?? null,
      });
    case 'claim':
      return make('claim', { step });
    case 'assign':
      return make('assign', { step, assigneeId: command.assigneeId, assigneeName: command.assigneeName });
    case 'pass':
      return make('pass', { step, opinion: command.opinion });
    case 'returnStep':
      return make('returnStep', { step, reason: command.reason });
    case 'startSpecial':
      if (command.expectedEnd < today) {
        throw fieldError(
          'expectedEnd',
          say('预计结束日期不能早于今天', 'The expected end cannot be before today'),
        );
      }
      return make('startSpecial', {
        kind: command.kind,
        reason: command.reason,
        expectedEnd: command.expectedEnd,
      });
    case 'endSpecial':
      return make('endSpecial', { result: command.result });
    case 'extend': {
      const used = state.extensions.reduce((sum, e) => sum + e.days, 0);
      if (used + command.days > maxExtensionDays(state)) {
        throw new AppError('CASE_EXTENSION_EXCEEDED', {
          max: maxExtensionDays(state),
          used,
          asked: command.days,
        });
      }
      return make('extend', { days: command.days, reason: command.reason });
    }
    case 'decide':
      return make('decide', decideDecision(command, step));
    case 'conclude':
      if (command.validFrom && command.validUntil && command.validUntil < command.validFrom) {
        throw fieldError(
          'validUntil',
          say('有效期截止日期不能早于起始日期', 'The end of validity cannot be before its start'),
        );
      }
      return make('conclude', {
        documentName: command.documentName,
        documentNumber: command.documentNumber,
        validFrom: command.validFrom ?? null,
        validUntil: command.validUntil ?? null,
        issuer: command.issuer ?? null,
      });
    case 'deliver':
      if (command.method === 'mail' && !command.trackingNumber) {
        throw fieldError(
          'trackingNumber',
          say('邮寄送达须填写邮件单号', 'Delivery by mail needs the tracking number'),
        );
      }
      return make('deliver', {
        method: command.method,
        trackingNumber: command.trackingNumber ?? null,
        note: command.note ?? null,
      });
    case 'supplyMaterial': {
      const m = state.materials.find((x) => x.materialId === command.materialId);
      if (!m) throw new AppError('CASE_MATERIAL_UNKNOWN', { materialId: command.materialId });
      if (m.form !== 'deferred' || m.suppliedAt !== null) {
        throw new AppError('CASE_MATERIAL_NOT_OUTSTANDING', { material: m.name });
      }
      return make('supplyMaterial', { materialId: command.materialId, form: command.form });
    }
    case 'withdraw':
      return make('withdraw', { reason: command.reason });
    case 'void':
      return make('void', { reason: command.reason });
  }
}

/** The context of a decision and its Shanghai date. */
interface DecideOn {
  ctx: DecideContext;
  today: string;
}

/** Acceptance: the process snapshot, the clock start (receipt day when accepted by law), complete materials. */
function decideAccept(state: CaseState, steps: ProcessStep[], { ctx, today }: DecideOn) {
  if (steps.length === 0) throw new AppError('CASE_PROCESS_INVALID', { reason: 'no steps' });
  // Unknown (the days run into a year without published holidays) is not deemed: the clock starts today.
  const deemed =
    deemedAcceptance(ctx.calendar, {
      receivedOn: state.lastReceivedOn,
      today,
      days: ctx.settings.intakeDecisionDays,
    }).deemed === true;
  const clockStart = deemed ? state.lastReceivedOn : today;
  const missing = state.materials.filter((m) => m.required && m.form === 'missing');
  if (missing.length > 0) {
    throw new AppError('CASE_MATERIAL_MISSING', { materials: missing.map((m) => m.name) });
  }
  const window = {
    earliest: state.lastReceivedOn,
    latest: latestDeferralDate(state, clockStart, ctx.calendar),
  };
  for (const m of state.materials) {
    if (m.form === 'deferred' && m.suppliedAt === null) checkDeferral(m, window);
  }
  return { clockStart, deemed, steps };
}

/** The last date a deferred material may be promised for: the end of the promised limit from `from`. */
export function latestDeferralDate(
  state: Pick<CaseState, 'item'>,
  from: string,
  calendar: ClockCalendar,
): string | null {
  const { days, unit } = state.item.promised;
  try {
    return limitDue(calendar, { unit, start: from, limit: days, extension: 0, pauses: [], end: from });
  } catch {
    // The limit runs into a year without published holidays: no date can be checked, so none is allowed.
    return null;
  }
}

/** The dates a deferred material may be promised for: from the day it is ticked to the end of the promised limit. */
export interface DeferralWindow {
  earliest: string;
  /** Null when the limit runs into a year without published holidays. */
  latest: string | null;
}

/** A deferral needs a deferrable material, a signed promise and a due date within the window. */
export function checkDeferral(m: MaterialRecord, window: DeferralWindow): void {
  const { earliest, latest } = window;
  const problems: Bilingual[] = [];
  if (!m.deferrable)
    problems.push(say('该材料不在容缺受理清单内', 'This material is not on the deferral list'));
  if (!m.deferredUntil) {
    problems.push(
      say('须签署容缺受理承诺书并约定补齐日期', 'A signed promise and the date to supply it by are required'),
    );
  } else if (m.deferredUntil < earliest) {
    problems.push(
      say(`补齐日期不得早于${earliest}`, `The date to supply it by cannot be before ${earliest}`),
    );
  } else if (latest === null || m.deferredUntil > latest) {
    problems.push(
      say(
        `补齐日期不得晚于承诺办结时限（${latest ?? '无法计算'}）`,
        `The date to supply it by cannot be after the promised limit (${latest ?? 'not computable'})`,
      ),
    );
  }
  if (problems.length > 0) {
    throw new AppError('CASE_DEFERRAL_INVALID', { material: m.name, materialId: m.materialId, problems });
  }
}

/** The checklist entries a resubmission replaces, checked against the case's own materials. */
function resubmittedMaterials(
  state: CaseState,
  inputs: MaterialInput[],
  { ctx, today }: DecideOn,
): MaterialRecord[] {
  const from = state.clockStart ?? today;
  const window = { earliest: today, latest: latestDeferralDate(state, from, ctx.calendar) };
  const records = inputs.map((input, i) => {
    const current = state.materials.find((m) => m.materialId === input.materialId);
    if (!current) {
      throw new AppError('CASE_MATERIAL_UNKNOWN', {
        materialId: input.materialId,
        fields: [{ path: `body.materials.${i}.materialId`, message: NOT_ON_CASE }],
      });
    }
    const record = applyMaterialInput(current, input);
    if (record.form === 'deferred') checkDeferral(record, window);
    return record;
  });
  // Answering a correction asked for during processing resumes the clock and the steps: the
  // checklist must then be as complete as at acceptance (an intake-stage answer is checked when accepted).
  if (state.corrections.at(-1)?.stage === 'process') {
    const after = state.materials.map((m) => records.find((r) => r.materialId === m.materialId) ?? m);
    const missing = after.filter((m) => m.required && m.form === 'missing');
    if (missing.length > 0) {
      throw new AppError('CASE_MATERIAL_MISSING', { materials: missing.map((m) => m.name) });
    }
  }
  return records;
}

const NOT_ON_CASE = say('该材料不在本办件的材料清单中', 'This material is not on the case’s checklist');

/** A correction notice names only materials of the case (an item without a material is free text). */
function checkCorrectionItems(state: CaseState, items: readonly CorrectionItem[]): void {
  const fields = items.flatMap((item, i) =>
    item.materialId !== undefined && !state.materials.some((m) => m.materialId === item.materialId)
      ? [{ path: `body.items.${i}.materialId`, message: NOT_ON_CASE }]
      : [],
  );
  if (fields.length > 0) {
    throw new AppError('CASE_MATERIAL_UNKNOWN', { materialId: items[0]?.materialId, fields });
  }
}

/** A checklist entry updated from what the clerk ticked. */
export function applyMaterialInput(base: MaterialRecord, input: MaterialInput): MaterialRecord {
  return {
    ...base,
    form: input.form,
    copies: input.copies ?? null,
    note: input.note ?? null,
    deferredUntil: input.form === 'deferred' ? (input.deferral?.dueDate ?? null) : null,
    suppliedAt: null,
  };
}

function decideDecision(command: Extract<CaseCommand, { type: 'decide' }>, step: number) {
  if (command.outcome === 'deny') {
    const fields = [];
    if (!command.reasons?.trim()) {
      fields.push({ path: 'body.reasons', message: say('不予许可须说明理由', 'A denial needs its reasons') });
    }
    if (!command.legalBasis?.trim()) {
      fields.push({
        path: 'body.legalBasis',
        message: say('不予许可须写明法律依据', 'A denial needs its legal basis'),
      });
    }
    if (fields.length > 0) throw new AppError('CASE_DECISION_REASONS_REQUIRED', { fields });
  }
  return {
    step,
    outcome: command.outcome,
    opinion: command.opinion,
    reasons: command.reasons?.trim() || null,
    legalBasis: command.legalBasis?.trim() || null,
  };
}

function fieldError(path: string, message: Bilingual): AppError {
  return new AppError('VALIDATION_FAILED', { fields: [{ path: `body.${path}`, message }] });
}
