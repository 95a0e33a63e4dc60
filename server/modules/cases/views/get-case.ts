import type { CaseDetailView } from '../../../../contracts/case-views.ts';
import { shanghaiDay } from '../../../../contracts/shanghai-date.ts';
import type { Actor } from '../../../platform/access/policy.ts';
import { getWorkCalendar } from '../../../platform/calendar/index.ts';
import type { Platform } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/time.ts';
import { orgUnitNames } from '../../org/index.ts';
import type { CaseSettings } from '../domain/case-settings.ts';
import { computeClock } from '../domain/clock.ts';
import { authorizeRead, scopeOf } from '../domain/policy.ts';
import { actionFromRow, listActionRows, loadCase } from '../store/store.ts';
import { detailOf, timelineOf } from './present.ts';

/**
 * The case page: the state with a clock computed as of today, the steps with the time each used,
 * and the full timeline (every action, who, for which org unit, working days used by then).
 * Personal values stay masked; reading them is read-case-personal.ts, which is audited.
 */
export async function getCase(
  platform: Platform,
  actor: Actor,
  { caseId, settings, now }: GetCaseInput,
): Promise<CaseDetailView> {
  const { state } = await loadCase(platform.db, caseId);
  authorizeRead(actor, scopeOf(state));
  const calendar = await getWorkCalendar(platform.db);
  const clock = computeClock(state, { calendar, today: shanghaiDay(now ?? nowIso()), settings });
  const actions = (await listActionRows(platform.db, caseId)).map(actionFromRow);
  const names = await orgUnitNames(
    platform.db,
    actions.map((a) => a.actor.orgUnitId).filter((id): id is string => id !== null),
  );
  return detailOf(state, {
    clock,
    actor,
    timeline: timelineOf(state, actions, { calendar, orgNames: names }),
  });
}

/** What getCase takes: the case, the settings, the instant. */
export interface GetCaseInput {
  caseId: string;
  settings: CaseSettings;
  /** The current instant, as the write use cases take it (the demo seed and tests set it). */
  now?: string;
}
