import type { IntakeInput } from '../../../contracts/cases.ts';
import type { Actor } from '../../platform/access/policy.ts';
import type { Executor } from '../../platform/db/index.ts';
import { AppError, say } from '../../platform/errors.ts';
import {
  findOrgUnit,
  findStaffWindow,
  findWindow,
  listAllOrgUnits,
  listRootOrgUnits,
  type OrgUnitRecord,
} from '../org/index.ts';
import type { IntakePoint } from './intake/intake.ts';
import type { CaseBatch } from './store/group-commit.ts';

/**
 * What cases need of the org module, through its index.ts only: where an intake happens (window,
 * service centre or service point, and its level), departments' paths and names, the county's
 * division code for case numbers.
 */

/** Org lookups in a transaction, each read once per batch when one is given (see CaseBatch). */
function orgLookups(db: Executor, batch?: CaseBatch) {
  const once = <T>(key: string, load: () => Promise<T>) => (batch ? batch.once(key, load) : load());
  return {
    unit: (id: string) => once(`org.unit:${id}`, () => findOrgUnit(db, id)),
    window: (id: string) => once(`org.window:${id}`, () => findWindow(db, id)),
    staffWindow: (staffId: string) => once(`org.staffWindow:${staffId}`, () => findStaffWindow(db, staffId)),
  };
}
type OrgLookups = ReturnType<typeof orgLookups>;

/** The ancestors of a unit and the unit itself, root first (from its materialised path). */
async function lineage(org: OrgLookups, unit: OrgUnitRecord): Promise<OrgUnitRecord[]> {
  const ids = unit.path.split('/').filter(Boolean);
  const units: OrgUnitRecord[] = [];
  for (const id of ids) {
    const u = id === unit.id ? unit : await org.unit(id);
    if (u) units.push(u);
  }
  return units;
}

/**
 * Resolves where an intake happens. An explicit window must belong to the clerk's own service
 * centre (the centre of the clerk's window, or the centre the clerk belongs to): a clerk does not
 * receive at another centre's counter. Without one: the service point named, else the clerk's own
 * unit; a township or village point is recognised by its place in the tree, and at a county-level
 * centre the clerk's own window is used, since window kinds decide what may be taken there.
 */
export async function resolveIntakePoint(
  db: Executor,
  actor: Actor,
  {
    body,
    batch,
  }: {
    /** Where the intake says it happens. */
    body: Pick<IntakeInput, 'windowId' | 'servicePointId'>;
    /** Reference data read once per transaction, when there is one. */
    batch?: CaseBatch;
  },
): Promise<IntakePoint> {
  const org = orgLookups(db, batch);
  let window: Awaited<ReturnType<typeof findWindow>>;
  let unit: OrgUnitRecord | undefined;
  let units: OrgUnitRecord[] = [];
  if (body.windowId) {
    window = await org.window(body.windowId);
    if (!window?.active) throw new AppError('WINDOW_NOT_FOUND', { windowId: body.windowId });
    await assertOwnCentre(org, actor, window.service_centre_id);
    unit = await org.unit(window.service_centre_id);
  } else {
    const id = body.servicePointId ?? actor.orgUnitId;
    unit = id ? await org.unit(id) : undefined;
    if (unit) units = await lineage(org, unit);
    const grassroots = units.some((u) => u.kind === 'village' || u.kind === 'township');
    if (!grassroots && !body.servicePointId) {
      const own = actor.staffId ? await org.staffWindow(actor.staffId) : null;
      if (!own) {
        throw new AppError('CASE_INTAKE_POINT_REQUIRED', {
          fields: [
            {
              path: 'body.windowId',
              message: say(
                '您未被分配受理窗口，请指明受理窗口',
                'You have no window of your own; name the window',
              ),
            },
          ],
        });
      }
      window = await org.window(own.windowId);
      unit = await org.unit(own.serviceCentreId);
      units = [];
    }
  }
  if (!unit && body.servicePointId) {
    throw new AppError('ORG_UNIT_NOT_FOUND', {
      fields: [{ path: 'body.servicePointId', message: say('找不到该便民服务点', 'No such service point') }],
    });
  }
  if (!unit) throw new AppError('CASE_INTAKE_POINT_REQUIRED');
  if (units.length === 0) units = await lineage(org, unit);
  const village = units.find((u) => u.kind === 'village');
  const township = units.find((u) => u.kind === 'township');
  const point = village ?? township ?? null;
  const level = village ? 'village' : township ? 'township' : 'county';
  const notAPoint = {
    path: 'body.servicePointId',
    message: say(
      '所选机构不是乡镇或村（社区）便民服务点',
      'The unit chosen is not a township or village service point',
    ),
  };
  if (level === 'county' && !window && body.servicePointId) {
    throw new AppError('CASE_SERVICE_POINT_INVALID', { fields: [notAPoint] });
  }
  if (level === 'county' && !window) {
    throw new AppError('CASE_INTAKE_POINT_REQUIRED', {
      fields: [
        {
          path: 'body.windowId',
          message: say('县级政务服务中心受理须指明受理窗口', 'Intake at the county centre needs the window'),
        },
      ],
    });
  }
  if (
    level !== 'county' &&
    !['township', 'village', 'service_centre', 'service_station'].includes(unit.kind)
  ) {
    throw body.servicePointId
      ? new AppError('CASE_SERVICE_POINT_INVALID', { unit: unit.name, fields: [notAPoint] })
      : new AppError('CASE_INTAKE_POINT_REQUIRED', { unit: unit.name });
  }
  return {
    record: {
      unitId: unit.id,
      unitPath: unit.path,
      unitName: unit.name,
      level,
      windowId: window?.id ?? null,
      windowNumber: window?.number ?? null,
      windowName: window?.name ?? null,
      servicePointId: point?.id ?? null,
      servicePointName: point?.name ?? null,
    },
    windowKind: window?.kind ?? null,
    windowDepartmentId: window?.department_id ?? null,
  };
}

/**
 * A window named at intake must be one of the clerk's own service centre: the centre of the
 * clerk's own window, or the service centre (or station) the clerk belongs to. An actor tied to
 * no centre at all is left to the scope check that follows (case.accept over the centre).
 */
async function assertOwnCentre(org: OrgLookups, actor: Actor, centreId: string): Promise<void> {
  const own = actor.staffId ? await org.staffWindow(actor.staffId) : null;
  let ownCentre = own?.serviceCentreId ?? null;
  if (!ownCentre && actor.orgUnitId) {
    const home = await org.unit(actor.orgUnitId);
    if (home && (home.kind === 'service_centre' || home.kind === 'service_station')) ownCentre = home.id;
  }
  if (ownCentre && ownCentre !== centreId) {
    throw new AppError('CASE_WINDOW_NOT_OWN', {
      fields: [
        {
          path: 'body.windowId',
          message: say(
            '只能使用本人所在服务中心的窗口收件',
            'Only windows of your own service centre can receive',
          ),
        },
      ],
    });
  }
}

/** A department's path and name, or null when there is no such unit. */
export async function departmentOf(
  db: Executor,
  id: string,
  batch?: CaseBatch,
): Promise<{ id: string; path: string; name: string } | null> {
  const unit = await orgLookups(db, batch).unit(id);
  return unit ? { id: unit.id, path: unit.path, name: unit.name } : null;
}

let divisionCache: string | null = null;

/** The county's division code (case numbers start with it): the root unit's, read once per process. */
export async function countyDivision(db: Executor): Promise<string> {
  if (divisionCache) return divisionCache;
  const [root] = await listRootOrgUnits(db);
  const code = root?.division_code ?? root?.code ?? '000000';
  if (root) divisionCache = code;
  return code;
}

/**
 * The county's service centre (政务服务中心), where online applications are received: the
 * `service_centre` unit with no township or village above it (the unit the county's comprehensive
 * windows belong to), the first by the tree's order if there were several; null if there is none.
 */
export async function countyCentre(
  db: Executor,
  batch?: CaseBatch,
): Promise<{ record: IntakePoint['record'] } | null> {
  const load = async () => {
    const units = await listAllOrgUnits(db);
    const byId = new Map(units.map((u) => [u.id, u]));
    const grassroots = (u: OrgUnitRecord) =>
      u.path
        .split('/')
        .filter(Boolean)
        .some((id) => ['township', 'village'].includes(byId.get(id)?.kind ?? ''));
    return units.find((u) => u.kind === 'service_centre' && !grassroots(u)) ?? null;
  };
  const unit = batch ? await batch.once('org.countyCentre', load) : await load();
  if (!unit) return null;
  return {
    record: {
      unitId: unit.id,
      unitPath: unit.path,
      unitName: unit.name,
      level: 'county',
      windowId: null,
      windowNumber: null,
      windowName: null,
      servicePointId: null,
      servicePointName: null,
    },
  };
}
