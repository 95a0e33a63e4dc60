import { sql } from 'kysely';
import type { ScopeMover } from '../../../platform/access/scope-moves.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { findOrgUnit } from '../../org/index.ts';
import type { CaseState } from '../domain/model.ts';
import { casesDb } from './store.ts';

/**
 * Cases follow their org units when a unit moves. A case is scoped by three paths (where it was
 * received, its department, its current step's department: `policy.ts` `scopeOf`), stored both as
 * projection columns (lists filter by them) and in the folded state JSON (use cases check them).
 *
 * The action log is append-only and hash-chained, so it is never rewritten: it keeps the paths as
 * they were when each action happened, and names every place by unit id as well. The projection
 * is what moves (`rescopeCases`, in the move's transaction), and a rebuild from the log resolves
 * each path anew from the unit's id (`withCurrentPaths`), so it gives the moved paths too. The
 * in-process state cache (`store.ts` `loadCase`) checks the scope columns as well as the last hash,
 * so it never serves a state from before the move.
 */

function movedPath(
  column: 'department_path' | 'intake_path' | 'step_department_path',
  from: string,
  to: string,
) {
  // substr is 1-based on both dialects: keep everything after the old prefix. NULL stays NULL.
  return sql<string>`case when ${sql.ref(column)} like ${`${from}%`} then ${to} || substr(${sql.ref(column)}, ${from.length + 1}) else ${sql.ref(column)} end`;
}

/**
 * Rewrites every case path starting with `from` to start with `to`: the three scope columns and
 * every path in the state JSON (the item's and each step's department, the intake point). Paths are
 * ids joined by '/', and in the JSON each is a whole string value, so `"<from>` is found only at the
 * start of a path under the moved unit. Returns how many cases moved.
 */
export async function rescopeCases(trx: Executor, from: string, to: string): Promise<number> {
  const inJson = `"${from}`;
  const result = await casesDb(trx)
    .updateTable('cases')
    .set({
      department_path: movedPath('department_path', from, to),
      intake_path: movedPath('intake_path', from, to),
      step_department_path: movedPath('step_department_path', from, to),
      state: sql<string>`replace(state, ${inJson}, ${`"${to}`})`,
    })
    .where((eb) =>
      eb.or([
        eb('department_path', 'like', `${from}%`),
        eb('intake_path', 'like', `${from}%`),
        eb('step_department_path', 'like', `${from}%`),
        eb('state', 'like', `%${inJson}%`),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The cases module's scope mover, registered at start-up (`bootstrap.ts`). */
export const caseScopeMover: ScopeMover = { name: 'cases', move: rescopeCases };

/**
 * A state folded from the log with each org path resolved from the unit's id in the current org
 * tree (a unit no longer there keeps the path the log recorded). Key order is kept, so the state's
 * JSON equals that of the projection `rescopeCases` moved.
 */
export async function withCurrentPaths(db: Executor, state: CaseState): Promise<CaseState> {
  const paths = new Map<string, string>();
  const pathOf = async (id: string, logged: string): Promise<string> => {
    if (!paths.has(id)) paths.set(id, (await findOrgUnit(db, id))?.path ?? logged);
    return paths.get(id) ?? logged;
  };
  const item = {
    ...state.item,
    departmentPath: await pathOf(state.item.departmentId, state.item.departmentPath),
  };
  const intake = { ...state.intake, unitPath: await pathOf(state.intake.unitId, state.intake.unitPath) };
  const steps = [];
  for (const step of state.steps) {
    steps.push({ ...step, departmentPath: await pathOf(step.departmentId, step.departmentPath) });
  }
  return { ...state, item, intake, steps };
}
