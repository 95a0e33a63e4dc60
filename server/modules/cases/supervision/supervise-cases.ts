import type { z } from 'zod';
import type { SupervisionView } from '../../../../contracts/case-views.ts';
import type { SupervisionQuery as Query } from '../../../../contracts/cases.ts';
import { shanghaiDay } from '../../../../contracts/shanghai-date.ts';
import { type Actor, authorize, scopePathsFor } from '../../../platform/access/policy.ts';
import type { Platform } from '../../../platform/context.ts';
import { fromJson } from '../../../platform/db/json.ts';
import { AppError, say } from '../../../platform/errors.ts';
import { nowIso } from '../../../platform/time.ts';
import { findOrgUnit } from '../../org/index.ts';
import type { CaseState } from '../domain/model.ts';
import { casesDb } from '../store/store.ts';
import { figuresOfRow } from '../views/present.ts';

/**
 * 电子监察: the yellow and red cases inside the supervisor's area, worst first, with the time used
 * and the step where time was lost, and counts by department, by window (or service point) and by
 * township / village service point; a service point filter takes the point and the points under it.
 * The warning levels are those of the last recomputation (each action and the daily job).
 */
export async function superviseCases(
  platform: Platform,
  actor: Actor,
  q: z.infer<typeof Query>,
): Promise<z.infer<typeof SupervisionView>> {
  authorize(actor, 'case.supervise', 'anywhere');
  const scopes = scopePathsFor(actor, 'case.supervise');
  let query = casesDb(platform.db)
    .selectFrom('cases')
    .selectAll()
    .where('warning_level', 'in', q.level ? [q.level] : ['yellow', 'red'])
    .where('status', 'in', ['received', 'in_process', 'process_correction', 'special_procedure'])
    .where((eb) =>
      eb.or(
        scopes.flatMap((p) => [eb('intake_path', 'like', `${p}%`), eb('department_path', 'like', `${p}%`)]),
      ),
    );
  if (q.departmentId) query = query.where('department_id', '=', q.departmentId);
  if (q.windowId) query = query.where('window_id', '=', q.windowId);
  // A point outside the supervisor's area simply finds nothing, as a department filter does.
  if (q.servicePointId)
    query = query.where('intake_path', 'like', `${await pointPath(platform, q.servicePointId)}%`);
  const rows = await query.orderBy('remaining_days', 'asc').orderBy('number').limit(1000).execute();
  // The limit's unit is fixed per item version: one state parsed per version, not per row.
  const units = new Map<string, CaseState['item']['promised']['unit']>();
  const unitOf = (row: (typeof rows)[number]) => {
    let unit = units.get(row.item_version_id);
    if (!unit) {
      unit = fromJson<CaseState>(row.state, {} as CaseState).item.promised.unit;
      units.set(row.item_version_id, unit);
    }
    return unit;
  };
  const byDepartment = new Map<string, { key: string; name: string; yellow: number; red: number }>();
  const byWindow = new Map<string, { key: string; name: string; yellow: number; red: number }>();
  const byServicePoint = new Map<string, { key: string; name: string; yellow: number; red: number }>();
  const count = (
    map: typeof byDepartment,
    { key, name, level }: { key: string; name: string; level: string },
  ) => {
    const g = map.get(key) ?? { key, name, yellow: 0, red: 0 };
    if (level === 'red') g.red++;
    else g.yellow++;
    map.set(key, g);
  };
  for (const row of rows) {
    count(byDepartment, { key: row.department_id, name: row.department_name, level: row.warning_level });
    const key = row.window_id ?? row.service_point_id ?? row.intake_unit_id;
    const name = row.window_number
      ? `${row.intake_unit_name} ${row.window_number}窗口`
      : (row.service_point_name ?? row.intake_unit_name);
    count(byWindow, { key, name, level: row.warning_level });
    if (row.service_point_id) {
      count(byServicePoint, {
        key: row.service_point_id,
        name: row.service_point_name ?? '',
        level: row.warning_level,
      });
    }
  }
  const order = (a: { red: number; yellow: number }, b: { red: number; yellow: number }) =>
    b.red - a.red || b.yellow - a.yellow;
  return {
    asOf: shanghaiDay(nowIso()),
    items: rows
      .sort((a, b) => (a.warning_level === b.warning_level ? 0 : a.warning_level === 'red' ? -1 : 1))
      .map((row) => {
        const f = figuresOfRow(row);
        return {
          id: row.id,
          number: row.number,
          status: row.status as z.infer<typeof SupervisionView>['items'][number]['status'],
          itemName: row.item_name,
          departmentName: row.department_name,
          intakeUnitName: row.intake_unit_name,
          windowNumber: row.window_number,
          servicePointId: row.service_point_id,
          servicePointName: row.service_point_name,
          promisedDue: f.promisedDue,
          limitDays: f.limitDays,
          usedDays: f.usedDays,
          remainingDays: f.remainingDays,
          limitUnit: unitOf(row),
          warningLevel: f.warningLevel,
          lostStep: f.lostStep,
          stepName: row.step_name,
          assigneeName: row.assignee_name,
        };
      }),
    byDepartment: [...byDepartment.values()].sort(order),
    byWindow: [...byWindow.values()].sort(order),
    byServicePoint: [...byServicePoint.values()].sort(order),
  };
}

/** The path of a township or village service point (its villages' cases are its own too), or a 400. */
async function pointPath(platform: Platform, id: string): Promise<string> {
  const unit = await findOrgUnit(platform.db, id);
  if (!unit || (unit.kind !== 'township' && unit.kind !== 'village')) {
    throw new AppError('CASE_SERVICE_POINT_INVALID', {
      fields: [
        {
          path: 'querystring.servicePointId',
          message: say('请选择乡镇或村（社区）便民服务点', 'Choose a township or village service point'),
        },
      ],
    });
  }
  return unit.path;
}
