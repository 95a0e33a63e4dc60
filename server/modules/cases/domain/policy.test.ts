import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ROLE_ACTIONS, ROLES, type Role } from '../../../../contracts/access.ts';
import { CASE_ACTION_TYPES } from '../../../../contracts/cases.ts';
import { isAppError } from '../../../platform/errors.ts';
import {
  actorWith,
  CaseRun,
  CENTRE,
  COUNTY,
  clerkStamp,
  GUOJIADIAN,
  LISHUZHEN,
  LISHUZHEN_CENTRE,
  MARKET,
  POLICE,
  PROCESS,
  receivePayload,
} from '../testing/test-fixtures.ts';
import type { CaseState } from './model.ts';
import {
  authorizeCaseAction,
  authorizeRead,
  availableActions,
  mayAct,
  mayRead,
  requirementFor,
  scopeOf,
} from './policy.ts';

const steps = [...PROCESS];
const at = (intakePath: string, departmentPath = MARKET): CaseState => {
  const p = receivePayload();
  return new CaseRun('2026-03-02', {
    ...p,
    intake: { ...p.intake, unitPath: intakePath },
    item: { ...p.item, departmentPath },
  }).state;
};
const acceptedAt = (intakePath: string) => {
  const p = receivePayload();
  return new CaseRun('2026-03-02', { ...p, intake: { ...p.intake, unitPath: intakePath } }).act(
    '2026-03-02',
    { type: 'accept', steps },
    clerkStamp,
  ).state;
};

const clerk = actorWith('clerk', [['window_clerk', CENTRE]]);
const lishuzhen = actorWith('lishuzhen', [['township_clerk', LISHUZHEN]]);
const guojiadian = actorWith('guojiadian', [['township_clerk', GUOJIADIAN]]);
const marketHandler = actorWith('handler', [['dept_handler', MARKET]]);
const marketApprover = actorWith('approver', [['dept_approver', MARKET]]);
const policeHandler = actorWith('gaj', [['dept_handler', POLICE]]);
const supervisor = actorWith('supervisor', [['supervisor', COUNTY]]);

describe('case policy', () => {
  test('a township clerk sees the cases received in the township, not in another', () => {
    const mine = scopeOf(at(LISHUZHEN_CENTRE));
    assert.equal(mayRead(lishuzhen, mine), true);
    assert.equal(mayRead(guojiadian, mine), false);
    assert.throws(
      () => authorizeRead(guojiadian, mine),
      (e) => isAppError(e, 'ACCESS_OUT_OF_SCOPE'),
    );
    assert.equal(mayRead(clerk, mine), false, 'the county centre clerk sees the centre, not the townships');
  });

  test('department staff see their department only; supervisors see the county', () => {
    const marketCase = scopeOf(at(CENTRE, MARKET));
    assert.equal(mayRead(marketHandler, marketCase), true);
    assert.equal(mayRead(policeHandler, marketCase), false);
    assert.equal(mayRead(supervisor, marketCase), true);
    assert.equal(
      mayRead(supervisor, marketCase, 'case.readPersonal'),
      false,
      'supervision needs no ID numbers',
    );
    const catalogAdmin = actorWith('catalog', [['catalog_admin', COUNTY]]);
    assert.throws(
      () => authorizeRead(catalogAdmin, marketCase),
      (e) => isAppError(e, 'ACCESS_DENIED'),
    );
  });

  test('the actions offered follow the table, the state and the grants', () => {
    const received = at(CENTRE);
    assert.deepEqual(availableActions(received, clerk), [
      'accept',
      'requestCorrection',
      'refuse',
      'withdraw',
    ]);
    assert.deepEqual(availableActions(received, supervisor), ['void']);
    assert.deepEqual(availableActions(received, policeHandler), []);
    const inProcess = acceptedAt(CENTRE);
    assert.deepEqual(availableActions(inProcess, marketHandler), [
      'claim',
      'assign',
      'pass',
      'requestCorrection',
      'startSpecial',
      'withdraw',
    ]);
    assert.deepEqual(availableActions(inProcess, marketApprover), ['assign', 'extend']);
    // After acceptance a correction is the step's decision (it stops the clock), not the window's.
    assert.deepEqual(availableActions(inProcess, clerk), ['withdraw']);
  });

  test('refusals name the reason: denied outright, or out of scope', () => {
    const inProcess = acceptedAt(CENTRE);
    assert.throws(
      () => authorizeCaseAction(clerk, inProcess, 'pass'),
      (e) => isAppError(e, 'ACCESS_DENIED'),
    );
    assert.throws(
      () => authorizeCaseAction(policeHandler, inProcess, 'pass'),
      (e) => isAppError(e, 'ACCESS_OUT_OF_SCOPE'),
    );
  });

  test('property: nothing is allowed outside the scope of a grant that carries the needed action', () => {
    const paths = [COUNTY, MARKET, POLICE, CENTRE, LISHUZHEN, LISHUZHEN_CENTRE, GUOJIADIAN, '/other/'];
    const grant = fc.tuple(fc.constantFrom<Role>(...ROLES), fc.constantFrom(...paths));
    const states = [at(CENTRE), at(LISHUZHEN_CENTRE, POLICE), acceptedAt(CENTRE), acceptedAt(GUOJIADIAN)];
    fc.assert(
      fc.property(
        fc.array(grant, { maxLength: 4 }),
        fc.constantFrom(...states),
        fc.constantFrom(...CASE_ACTION_TYPES),
        (grants, state, type) => {
          const actor = actorWith('x', grants);
          const req = requirementFor(state, type);
          const justified = grants.some(([role, scope]) =>
            req.some(
              ({ action, path }) =>
                path.startsWith(scope) && (ROLE_ACTIONS[role] as readonly string[]).includes(action),
            ),
          );
          assert.equal(mayAct(actor, state, type), justified);
          if (availableActions(state, actor).includes(type)) assert.ok(justified);
          const s = scopeOf(state);
          const readable = grants.some(
            ([role, scope]) =>
              (ROLE_ACTIONS[role] as readonly string[]).includes('case.read') &&
              [s.intakePath, s.departmentPath, s.stepDepartmentPath].some((p) => p?.startsWith(scope)),
          );
          assert.equal(mayRead(actor, s), readable);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
