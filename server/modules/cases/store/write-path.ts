import type { WorkCalendar } from '../../../platform/calendar/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { auditCase } from '../audit-actions.ts';
import { type CaseClock, computeClock } from '../domain/clock.ts';
import { type CaseCommand, decide } from '../domain/decide.ts';
import type { CaseAction, CaseState, NewCaseAction } from '../domain/model.ts';
import { authorizeCaseAction, authorizeRead, scopeOf } from '../domain/policy.ts';
import { evolve, startState, statusAllows } from '../domain/workflow.ts';
import { recordCaseEvents, type StatusStep } from '../events.ts';
import { notifyAfter } from '../notices/notifications.ts';
import type { CaseWork } from './case-work.ts';
import { projectionOf } from './projection.ts';
import { actionRow, appendActions, insertCase, type LoadedCase, loadCase, rememberCase } from './store.ts';

/**
 * The write path every case use case shares, inside its transaction: check the version, run the
 * commands through the status table, the policy and decide(), fold them, then append the actions
 * with their hashes, write the projection (guarded by the version), audit each action and queue
 * its notifications. A failure anywhere rolls all of it back.
 */

/** The result of a write: the new state, its clock, the actions appended and the calendar used. */
export interface CaseWritten {
  state: CaseState;
  clock: CaseClock;
  actions: CaseAction[];
  calendar: WorkCalendar;
}

/** Runs commands on a state, each checked by the table (409), the policy (403) and decide(). */
export function runCommands(
  work: CaseWork,
  state: CaseState,
  commands: readonly CaseCommand[],
): { state: CaseState; steps: StatusStep[] } {
  const steps: StatusStep[] = [];
  let current = state;
  for (const command of commands) {
    if (!statusAllows(current.status, command.type)) {
      throw new AppError('CASE_ACTION_NOT_ALLOWED', { status: current.status, action: command.type });
    }
    authorizeCaseAction(work.actor, current, command.type);
    const action = decide(current, command, {
      actor: work.stamp,
      now: work.now,
      calendar: work.calendar,
      settings: work.settings,
    });
    const numbered = { ...action, seq: current.version + 1 } as CaseAction;
    const previousStatus = current.status;
    current = evolve(current, numbered);
    steps.push({ action: numbered, previousStatus, status: current.status });
  }
  return { state: current, steps };
}

/** Loads a case the actor may read, checked against the version the client saw. */
export async function loadForWrite(work: CaseWork, caseId: string, version: number): Promise<LoadedCase> {
  const loaded = await loadCase(work.trx, caseId);
  authorizeRead(work.actor, scopeOf(loaded.state));
  if (loaded.state.version !== version) {
    throw new AppError('CASE_STALE_VERSION', { expected: version, current: loaded.state.version });
  }
  return loaded;
}

/** Applies commands to an existing case and persists them; the use case's one call. */
export async function applyToCase(
  work: CaseWork,
  {
    caseId,
    version,
    commands,
  }: {
    caseId: string;
    /** The version the client saw. */
    version: number;
    /** The commands, or how to make them from the loaded state. */
    commands: readonly CaseCommand[] | ((state: CaseState) => Promise<CaseCommand[]>);
  },
): Promise<CaseWritten> {
  const loaded = await loadForWrite(work, caseId, version);
  const list = typeof commands === 'function' ? await commands(loaded.state) : commands;
  const { state, steps } = runCommands(work, loaded.state, list);
  return persist(work, { before: loaded, state, steps });
}

/** Starts a new case with its receive action and any intake decision that follows it. */
export async function createCase(
  work: CaseWork,
  {
    caseId,
    receive,
    then,
  }: {
    caseId: string;
    receive: Extract<NewCaseAction, { type: 'receive' }>;
    /** The intake decisions that follow the receipt. */
    then: readonly CaseCommand[];
  },
): Promise<CaseWritten> {
  const first: CaseAction = { ...receive, seq: 1 };
  const initial = startState(caseId, first);
  authorizeCaseAction(work.actor, initial, 'receive');
  const { state, steps } = runCommands(work, initial, then);
  const received: StatusStep = { action: first, previousStatus: null, status: initial.status };
  return persist(work, { before: null, state, steps: [received, ...steps] });
}

/**
 * Appends the actions (hash-chained), writes the projection, records the case events (after the
 * write that took the version, see platform/events), audits and queues notifications.
 */
async function persist(
  work: CaseWork,
  { before, state, steps }: { before: LoadedCase | null; state: CaseState; steps: readonly StatusStep[] },
): Promise<CaseWritten> {
  const actions = steps.map((s) => s.action);
  let prev = before?.lastHash ?? '0'.repeat(64);
  const rows = actions.map((a) => {
    const row = actionRow({ caseId: state.id, seq: a.seq, action: a, prevHash: prev });
    prev = row.hash;
    return row;
  });
  const clock = computeClock(state, { calendar: work.calendar, today: work.today, settings: work.settings });
  const projection = projectionOf(state, { clock, clockOn: work.today, lastHash: prev });
  if (before) await appendActions(work.trx, { before: before.state, row: projection, actions: rows });
  else await insertCase(work.trx, projection, rows);
  await recordCaseEvents(work, state, steps);
  for (const a of actions) {
    await auditCase(work.platform, work.trx, {
      actor: work.actor,
      action: `case.${a.type}`,
      entityType: 'case',
      entityId: state.id,
      orgUnitId: work.actor.orgUnitId,
      detail: { number: state.number, seq: a.seq, status: state.status },
    });
    await notifyAfter(work, { state, clock, action: a });
  }
  // Used by the next write only if this one commits (loadCase compares the hash with the row).
  rememberCase({ state, lastHash: prev });
  return { state, clock, actions: [...actions], calendar: work.calendar };
}
