import { shanghaiDay } from '../../../../contracts/shanghai-date.ts';
import { maskName } from '../../../platform/crypto/mask.ts';
import type { CaseClock } from '../domain/clock.ts';
import type { CaseState } from '../domain/model.ts';
import { stateJson } from '../domain/state-json.ts';
import type { CasesTable } from './tables.ts';

/** The projection row of a case, pure: from its folded state and clock; and what an action changes of it. */

function isInProcess(state: CaseState): boolean {
  return ['in_process', 'process_correction', 'special_procedure'].includes(state.status);
}

/** The scope columns of a state's projection (where it sits in the org tree), as `projectionOf` writes them. */
export function scopeColumnsOf(
  state: CaseState,
): Pick<CasesTable, 'department_path' | 'intake_path' | 'step_department_path'> {
  const step = state.stepIndex === null ? undefined : state.steps[state.stepIndex];
  return {
    department_path: state.item.departmentPath,
    intake_path: state.intake.unitPath,
    step_department_path: isInProcess(state) ? (step?.departmentPath ?? null) : null,
  };
}

/** The projection row of a state and its clock as of a date (`clockOn`), with its last action's hash. */
export function projectionOf(
  state: CaseState,
  { clock, clockOn, lastHash }: { clock: CaseClock; clockOn: string; lastHash: string },
): CasesTable {
  const step = state.stepIndex === null ? undefined : state.steps[state.stepIndex];
  const a = state.applicant;
  const inProcess = isInProcess(state);
  return {
    id: state.id,
    number: state.number,
    parent_id: state.parentId,
    channel: state.channel,
    status: state.status,
    item_id: state.item.id,
    item_version_id: state.item.versionId,
    item_code: state.item.code,
    item_name: state.item.name,
    department_id: state.item.departmentId,
    department_path: state.item.departmentPath,
    department_name: state.item.departmentName,
    step_index: inProcess ? state.stepIndex : null,
    step_name: inProcess ? (step?.name ?? null) : null,
    step_role: inProcess ? (step?.role ?? null) : null,
    step_department_path: inProcess ? (step?.departmentPath ?? null) : null,
    assignee_id: inProcess ? (state.assignee?.accountId ?? null) : null,
    assignee_name: inProcess ? (state.assignee?.name ?? null) : null,
    intake_unit_id: state.intake.unitId,
    intake_path: state.intake.unitPath,
    intake_unit_name: state.intake.unitName,
    intake_level: state.intake.level,
    window_id: state.intake.windowId,
    window_number: state.intake.windowNumber,
    service_point_id: state.intake.servicePointId,
    service_point_name: state.intake.servicePointName,
    applicant_kind: a.kind,
    applicant_name_masked: a.kind === 'enterprise' ? a.name : maskName(a.name),
    applicant_name: a.name,
    applicant_id_masked: a.idMasked,
    applicant_id_digest: a.idDigest,
    applicant_phone_masked: a.phoneMasked,
    received_at: state.receivedAt,
    received_on: shanghaiDay(state.receivedAt),
    accepted_at: state.acceptedAt,
    clock_start: clock.clockStart,
    deemed_accepted: clock.deemedAccepted ? 1 : 0,
    promised_due: clock.promisedDue,
    legal_due: clock.legalDue,
    limit_days: clock.limitDays,
    used_days: clock.usedDays,
    remaining_days: clock.remainingDays,
    paused: clock.paused ? 1 : 0,
    paused_days: clock.pausedDays,
    extension_days: clock.extensionDays,
    warning_level: clock.warningLevel,
    lost_step: clock.lostStep?.name ?? null,
    clock_on: clockOn,
    decision: state.decision?.outcome ?? null,
    concluded_at: state.result?.at ?? null,
    delivered_at: state.delivery?.at ?? null,
    closed_at: state.closure?.at ?? state.refusal?.at ?? null,
    version: state.version,
    last_hash: lastHash,
    intake_key: state.intakeKey?.key ?? null,
    intake_key_account: state.intakeKey?.accountId ?? null,
    intake_key_hash: state.intakeKey?.bodyHash ?? null,
    state: stateJson(state),
    created_at: state.receivedAt,
    updated_at: state.lastActionAt,
  };
}

/** Columns fixed at receipt (the number, the item, the intake point, the applicant). */
type FixedColumn =
  | 'id'
  | 'number'
  | 'parent_id'
  | 'channel'
  | 'item_id'
  | 'item_version_id'
  | 'item_code'
  | 'item_name'
  | 'department_id'
  | 'department_path'
  | 'department_name'
  | 'intake_unit_id'
  | 'intake_path'
  | 'intake_unit_name'
  | 'intake_level'
  | 'window_id'
  | 'window_number'
  | 'service_point_id'
  | 'service_point_name'
  | 'applicant_kind'
  | 'applicant_name_masked'
  | 'applicant_name'
  | 'applicant_id_masked'
  | 'applicant_id_digest'
  | 'applicant_phone_masked'
  | 'received_at'
  | 'received_on'
  | 'intake_key'
  | 'intake_key_account'
  | 'intake_key_hash'
  | 'created_at';
export type ChangingColumns = Omit<CasesTable, FixedColumn>;

/**
 * The columns an action may change. No action changes what a case was received as, so an update
 * leaves the fixed columns alone, and with them five of the eight indexes SQLite would otherwise
 * rewrite on every action. (The rebuild test would see a fixed column that drifted: it compares
 * every column of every projection with one rebuilt from the log.)
 */
export function changingColumns(row: CasesTable): ChangingColumns {
  return {
    status: row.status,
    step_index: row.step_index,
    step_name: row.step_name,
    step_role: row.step_role,
    step_department_path: row.step_department_path,
    assignee_id: row.assignee_id,
    assignee_name: row.assignee_name,
    accepted_at: row.accepted_at,
    clock_start: row.clock_start,
    deemed_accepted: row.deemed_accepted,
    promised_due: row.promised_due,
    legal_due: row.legal_due,
    limit_days: row.limit_days,
    used_days: row.used_days,
    remaining_days: row.remaining_days,
    paused: row.paused,
    paused_days: row.paused_days,
    extension_days: row.extension_days,
    warning_level: row.warning_level,
    lost_step: row.lost_step,
    clock_on: row.clock_on,
    decision: row.decision,
    concluded_at: row.concluded_at,
    delivered_at: row.delivered_at,
    closed_at: row.closed_at,
    version: row.version,
    last_hash: row.last_hash,
    state: row.state,
    updated_at: row.updated_at,
  };
}
