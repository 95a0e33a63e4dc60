import { sql } from 'kysely';
import { GENESIS_HASH } from '../../../platform/audit/audit.ts';
import { sm3 } from '../../../platform/crypto/sm3.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { fromJson, toJson } from '../../../platform/db/json.ts';
import { prepared } from '../../../platform/db/prepared.ts';
import { AppError } from '../../../platform/errors.ts';
import type { CaseAction, CaseState, NewCaseAction } from '../domain/model.ts';
import { type ChangingColumns, changingColumns, scopeColumnsOf } from './projection.ts';
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

/** The log row of an action (number `seq` of its case), chained to the previous action of its case with SM3. */
export function actionRow({
  caseId,
  seq,
  action,
  prevHash,
}: {
  caseId: string;
  seq: number;
  action: NewCaseAction;
  prevHash: string;
}): CaseActionsTable {
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

/** A loaded case: its folded state and the hash its next action chains to. */
export interface LoadedCase {
  state: CaseState;
  lastHash: string;
}

// The state column is sent back only when it is not the one this process already holds: the
// last hash names the whole action chain, so an equal hash means an equal fold, unless an org unit
// moved since (rescope-cases.ts moves the paths, not the chain): so the scope columns must match too.
const selectCaseState = prepared(
  (db, p: { id: string; knownHash: string; intake: string; department: string; step: string }) =>
    casesDb(db)
      .selectFrom('cases')
      .select([
        'last_hash',
        sql<
          string | null
        >`case when last_hash = ${p.knownHash} and intake_path = ${p.intake} and department_path = ${p.department} and coalesce(step_department_path, '') = ${p.step} then null else state end`.as(
          'state',
        ),
      ])
      .where('id', '=', p.id),
);

/**
 * The folded states this process loaded or wrote last, by case id (most recent last). Parsing a
 * case's state JSON (3–4 KB) on every action cost more than the statements that read it. An entry
 * is used only when the case's row still ends with the same hash, so a write that rolled back or
 * another process's write is never taken for the current state. Entries are frozen: a use case
 * that tried to change a loaded state in place would fail loudly instead of changing the cache.
 */
const recent = new Map<string, LoadedCase>();
const RECENT_MAX = 2000;

/** Remembers a case's state as of its last hash (the projection's, once committed). */
export function rememberCase(loaded: LoadedCase): void {
  recent.delete(loaded.state.id);
  recent.set(loaded.state.id, { state: deepFreeze(loaded.state), lastHash: loaded.lastHash });
  if (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value as string);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Loads a case's state from its projection row; CASE_NOT_FOUND when there is none. */
export async function loadCase(db: Executor, id: string): Promise<LoadedCase> {
  const known = recent.get(id);
  const scope = known ? scopeColumnsOf(known.state) : null;
  const [row] = (
    await selectCaseState(db, {
      id,
      knownHash: known?.lastHash ?? '',
      intake: scope?.intake_path ?? '',
      department: scope?.department_path ?? '',
      step: scope?.step_department_path ?? '',
    })
  ).rows;
  if (!row) throw new AppError('CASE_NOT_FOUND', { id });
  if (row.state === null && known) return known;
  const loaded = { state: fromJson<CaseState>(row.state, {} as CaseState), lastHash: row.last_hash };
  rememberCase(loaded);
  return loaded;
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
// The scope columns as the writer loaded them are part of the guard: an org unit that moved in between
// (rescope-cases.ts) re-paths the row without a new version, and must not be written back over.
const updateProjection = prepared(
  (
    db,
    p: {
      changes: ChangingColumns;
      id: string;
      expected: number;
      intake: string;
      department: string;
      step: string;
    },
  ) =>
    casesDb(db)
      .updateTable('cases')
      .set(p.changes)
      .where('id', '=', p.id)
      .where('version', '=', p.expected)
      .where('intake_path', '=', p.intake)
      .where('department_path', '=', p.department)
      .where(sql<boolean>`coalesce(step_department_path, '') = ${p.step}`),
);

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
 * Appends actions decided on the loaded state `before` and writes the new projection. The projection
 * is updated only where its version and scope columns are still those of `before`: a concurrent
 * writer (or an org move) that got there first leaves no row to update, and this one fails with
 * CASE_STALE_VERSION before writing any action.
 */
export async function appendActions(
  db: Executor,
  { before, row, actions }: { before: CaseState; row: CasesTable; actions: readonly CaseActionsTable[] },
): Promise<void> {
  const id = row.id;
  const expected = before.version;
  const scope = scopeColumnsOf(before);
  const result = await updateProjection(db, {
    changes: changingColumns(row),
    id,
    expected,
    intake: scope.intake_path,
    department: scope.department_path,
    step: scope.step_department_path ?? '',
  });
  if (Number(result.numAffectedRows) !== 1) throw new AppError('CASE_STALE_VERSION', { id, expected });
  for (const action of actions) await insertAction(db, { row: action });
}

/** The case a clerk's intake key names, with the digest of the body it was received with. */
export async function findKeyedIntake(
  db: Executor,
  accountId: string,
  key: string,
): Promise<{ id: string; number: string; bodyHash: string } | undefined> {
  const row = await casesDb(db)
    .selectFrom('cases')
    .select(['id', 'number', 'intake_key_hash'])
    .where('intake_key_account', '=', accountId)
    .where('intake_key', '=', key)
    .executeTakeFirst();
  return row && { id: row.id, number: row.number, bodyHash: row.intake_key_hash ?? '' };
}

/** Whether an error is the unique index on intake keys refusing a second case (SQLite or PostgreSQL). */
export function isIntakeKeyTaken(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown; constraint?: unknown; message?: unknown };
  if (e.code === '23505') return e.constraint === 'cases_intake_key';
  return e.code === 'SQLITE_CONSTRAINT_UNIQUE' && String(e.message).includes('cases.intake_key');
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

/** The columns of a case's projection that the clock sets. */
type ClockColumns = Pick<
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
>;

/**
 * Replaces the clock columns of a case (the daily recomputation), if its version is still `version`;
 * the version does not move.
 */
export async function updateClockColumns(
  db: Executor,
  { id, version, cols }: { id: string; version: number; cols: ClockColumns },
): Promise<boolean> {
  const r = await casesDb(db)
    .updateTable('cases')
    .set(cols)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
