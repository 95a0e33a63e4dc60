import { sql } from 'kysely';
import { GENESIS_HASH } from '../../platform/audit/audit.ts';
import { maskName } from '../../platform/crypto/mask.ts';
import { sm3 } from '../../platform/crypto/sm3.ts';
import type { Executor } from '../../platform/db/index.ts';
import { fromJson, toJson } from '../../platform/db/json.ts';
import { prepared } from '../../platform/db/prepared.ts';
import { AppError } from '../../platform/errors.ts';
import type { CaseClock } from './clock.ts';
import type { CaseAction, CaseState, NewCaseAction } from './model.ts';
import { shanghaiDay } from './shanghai-day.ts';
import type { CaseActionsTable, CasesTable, CaseTables } from './tables.ts';

/** All SQL of the cases module: the action log, the projection, numbers and process definitions. */

/** The cases module's view of any executor. */
export function casesDb(db: Executor) {
  return db.withTables<CaseTables>();
}

/** The text an action's hash covers: every column but the hash, in a fixed order. */
export function actionHashText(row: Omit<CaseActionsTable, 'hash'>): string {
  return [
    row.case_id,
    row.seq,
    row.type,
    row.actor_id ?? '',
    row.actor_name,
    row.org_unit_id ?? '',
    row.at,
    row.payload,
    row.prev_hash,
  ].join('\u001f');
}

/** The log row of an action, chained to the previous action of its case with SM3. */
export function actionRow(
  caseId: string,
  seq: number,
  action: NewCaseAction,
  prevHash: string,
): CaseActionsTable {
  const row = {
    case_id: caseId,
    seq,
    type: action.type,
    actor_id: action.actor.accountId,
    actor_name: action.actor.name,
    org_unit_id: action.actor.orgUnitId,
    at: action.at,
    payload: toJson(action.payload),
    prev_hash: prevHash,
  };
  return { ...row, hash: sm3(actionHashText(row)) };
}

/** An action back from its log row. */
export function actionFromRow(row: CaseActionsTable): CaseAction {
  return {
    type: row.type,
    seq: row.seq,
    at: row.at,
    actor: { accountId: row.actor_id, name: row.actor_name, orgUnitId: row.org_unit_id },
    payload: fromJson(row.payload, {}),
  } as CaseAction;
}

/** The first action whose hash or link does not hold, or null when the case's chain is intact. */
export function brokenLink(rows: readonly CaseActionsTable[]): number | null {
  let prev = GENESIS_HASH;
  for (const [i, row] of rows.entries()) {
    if (row.seq !== i + 1 || row.prev_hash !== prev) return row.seq;
    const { hash, ...rest } = row;
    if (sm3(actionHashText(rest)) !== hash) return row.seq;
    prev = hash;
  }
  return null;
}

/** The projection row of a state and its clock as of a date. */
export function projectionOf(
  state: CaseState,
  clock: CaseClock,
  clockOn: string,
  lastHash: string,
): CasesTable {
  const step = state.stepIndex === null ? undefined : state.steps[state.stepIndex];
  const a = state.applicant;
  const inProcess = ['in_process', 'process_correction', 'special_procedure'].includes(state.status);
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
    state: toJson(state),
    created_at: state.receivedAt,
    updated_at: state.lastActionAt,
  };
}

/** A loaded case: its folded state and the hash its next action chains to. */
export interface LoadedCase {
  state: CaseState;
  lastHash: string;
}

const selectCaseState = prepared((db, p: { id: string }) =>
  casesDb(db).selectFrom('cases').select(['state', 'last_hash']).where('id', '=', p.id),
);

/** Loads a case's state from its projection row; CASE_NOT_FOUND when there is none. */
export async function loadCase(db: Executor, id: string): Promise<LoadedCase> {
  const [row] = (await selectCaseState(db, { id })).rows;
  if (!row) throw new AppError('CASE_NOT_FOUND', { id });
  return { state: fromJson<CaseState>(row.state, {} as CaseState), lastHash: row.last_hash };
}

/** The id of the case with a number, or undefined. */
export async function caseIdByNumber(db: Executor, number: string): Promise<string | undefined> {
  const row = await casesDb(db)
    .selectFrom('cases')
    .select('id')
    .where('number', '=', number)
    .executeTakeFirst();
  return row?.id;
}

// The hot statements of every action, built once (see platform/db/prepared.ts).
const insertProjection = prepared((db, p: { row: CasesTable }) =>
  casesDb(db).insertInto('cases').values(p.row),
);
const insertAction = prepared((db, p: { row: CaseActionsTable }) =>
  casesDb(db).insertInto('case_actions').values(p.row),
);
const updateProjection = prepared((db, p: { changes: ChangingColumns; id: string; expected: number }) =>
  casesDb(db).updateTable('cases').set(p.changes).where('id', '=', p.id).where('version', '=', p.expected),
);

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
  | 'created_at';
type ChangingColumns = Omit<CasesTable, FixedColumn>;

/**
 * The columns an action may change. No action changes what a case was received as, so an update
 * leaves the fixed columns alone, and with them five of the eight indexes SQLite would otherwise
 * rewrite on every action. (The rebuild test would see a fixed column that drifted: it compares
 * every column of every projection with one rebuilt from the log.)
 */
function changingColumns(row: CasesTable): ChangingColumns {
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

/** Inserts a new case: its projection row, then its first actions. */
export async function insertCase(
  db: Executor,
  row: CasesTable,
  actions: readonly CaseActionsTable[],
): Promise<void> {
  await insertProjection(db, { row });
  for (const action of actions) await insertAction(db, { row: action });
}

/**
 * Appends actions decided on version `expected` and writes the new projection. The projection is
 * updated only where its version is still `expected`: a concurrent writer that got there first
 * leaves no row to update, and this one fails with CASE_STALE_VERSION before writing any action.
 */
export async function appendActions(
  db: Executor,
  expected: number,
  row: CasesTable,
  actions: readonly CaseActionsTable[],
): Promise<void> {
  const id = row.id;
  const result = await updateProjection(db, { changes: changingColumns(row), id, expected });
  if (Number(result.numAffectedRows) !== 1) throw new AppError('CASE_STALE_VERSION', { id, expected });
  for (const action of actions) await insertAction(db, { row: action });
}

/** Every action of a case, in order, as log rows. */
export function listActionRows(db: Executor, caseId: string): Promise<CaseActionsTable[]> {
  return casesDb(db)
    .selectFrom('case_actions')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();
}

/** The next case number of a year, county-wide: one counter row per year, bumped in the transaction. */
export async function nextCaseSerial(db: Executor, year: number): Promise<number> {
  const [row] = (await bumpSerial(db, { year })).rows;
  if (!row) throw new Error(`no case number for ${year}`);
  return Number(row.last);
}

const bumpSerial = prepared((db, p: { year: number }) =>
  casesDb(db)
    .insertInto('case_numbers')
    .values({ year: p.year, last: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last: sql<number>`case_numbers.last + 1` }))
    .returning('last'),
);

/** Replaces the clock columns of a case (the daily recomputation); the version does not move. */
export async function updateClockColumns(
  db: Executor,
  id: string,
  version: number,
  cols: Pick<
    CasesTable,
    | 'clock_start'
    | 'deemed_accepted'
    | 'promised_due'
    | 'legal_due'
    | 'limit_days'
    | 'used_days'
    | 'remaining_days'
    | 'paused'
    | 'paused_days'
    | 'extension_days'
    | 'warning_level'
    | 'lost_step'
    | 'clock_on'
  >,
): Promise<boolean> {
  const r = await casesDb(db)
    .updateTable('cases')
    .set(cols)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
