import type { WorkCalendar } from '../../../platform/calendar/index.ts';
import type { Executor } from '../../../platform/db/index.ts';
import type { CaseSettings } from '../domain/case-settings.ts';
import { computeClock } from '../domain/clock.ts';
import { foldActions } from '../domain/workflow.ts';
import { projectionOf } from './projection.ts';
import { withCurrentPaths } from './rescope-cases.ts';
import { actionFromRow, brokenLink, casesDb, listActionRows } from './store.ts';
import type { CasesTable } from './tables.ts';

/**
 * The projection row of a case rebuilt from its action log alone (clock as of `clockOn`), and
 * whether its hash chain holds. Equal to the stored row when the projection is sound: the test of
 * every case after a run, and the tool to repair a projection if one ever drifts. Org paths are
 * resolved from the units' ids in today's org tree, so a unit moved since keeps its cases moved.
 */
export async function rebuildProjection(
  db: Executor,
  {
    caseId,
    calendar,
    clockOn,
    settings,
  }: { caseId: string; calendar: WorkCalendar; clockOn: string; settings: CaseSettings },
): Promise<{ row: CasesTable; brokenAt: number | null }> {
  const rows = await listActionRows(db, caseId);
  const actions = rows.map(actionFromRow);
  // The log keeps the paths of the day; the org tree may have moved since (rescope-cases.ts).
  const state = await withCurrentPaths(db, foldActions(caseId, actions));
  const clock = computeClock(state, { calendar, today: clockOn, settings });
  const row = projectionOf(state, { clock, clockOn, lastHash: rows.at(-1)?.hash ?? '' });
  return { row, brokenAt: brokenLink(rows) };
}

/** Every case id, for a full rebuild or check. */
export async function allCaseIds(db: Executor): Promise<string[]> {
  const rows = await casesDb(db).selectFrom('cases').select('id').orderBy('id').execute();
  return rows.map((r) => r.id);
}
