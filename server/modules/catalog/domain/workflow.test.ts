import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ROLES } from '../../../../contracts/access.ts';
import { VERSION_STATUS_CODES } from '../../../../contracts/catalog-api.ts';
import type { Actor } from '../../../platform/access/policy.ts';
import { isAppError } from '../../../platform/errors.ts';
import { permitsOn } from './policy.ts';
import {
  ALLOWED_ACTIONS,
  availableActions,
  decide,
  type ItemState,
  itemStatusOf,
  stateActions,
} from './workflow.ts';

const ALL = { read: true, write: true, publish: true };

test('the status × action table: what each version status allows', () => {
  assert.deepEqual(ALLOWED_ACTIONS.draft, ['edit', 'submit']);
  assert.deepEqual(ALLOWED_ACTIONS.rejected, ['edit', 'submit']);
  assert.deepEqual(ALLOWED_ACTIONS.in_review, ['approve', 'reject']);
  assert.deepEqual(ALLOWED_ACTIONS.published, ['retire', 'newVersion']);
  assert.deepEqual(ALLOWED_ACTIONS.superseded, []);
  assert.deepEqual(ALLOWED_ACTIONS.retired, []);
  assert.deepEqual(Object.keys(ALLOWED_ACTIONS).sort(), [...VERSION_STATUS_CODES].sort());
});

test('a new item goes draft → in review → published; a revision runs beside the published version', () => {
  let s: ItemState = { published: null, working: 'draft' };
  assert.equal(itemStatusOf(s), 'draft');
  s = decide(s, 'submit');
  assert.equal(itemStatusOf(s), 'in_review');
  s = decide(s, 'approve');
  assert.deepEqual(s, { published: 'published', working: null });
  assert.deepEqual(stateActions(s), ['retire', 'newVersion']);
  s = decide(s, 'newVersion');
  assert.equal(itemStatusOf(s), 'published', 'the item stays published while a revision is drafted');
  assert.deepEqual(stateActions(s), ['edit', 'submit', 'retire'], 'no second revision while one is open');
  s = decide(decide(s, 'submit'), 'reject');
  assert.deepEqual(s, { published: 'published', working: 'rejected' });
  s = decide(s, 'edit');
  assert.equal(s.working, 'draft');
  s = decide(s, 'retire');
  assert.deepEqual(s, { published: 'retired', working: null });
  assert.deepEqual(stateActions(s), []);
});

test('an action the state does not allow is a CATALOG_ACTION_NOT_ALLOWED', () => {
  const draft: ItemState = { published: null, working: 'draft' };
  for (const action of ['approve', 'reject', 'retire', 'newVersion'] as const) {
    assert.throws(
      () => decide(draft, action),
      (e) => isAppError(e, 'CATALOG_ACTION_NOT_ALLOWED'),
    );
  }
  assert.throws(
    () => decide({ published: 'retired', working: null }, 'newVersion'),
    (e) => isAppError(e, 'CATALOG_ACTION_NOT_ALLOWED'),
  );
});

test('available actions follow the grants: proposers write, administrators also publish', () => {
  const inReview: ItemState = { published: 'published', working: 'in_review' };
  assert.deepEqual(availableActions(inReview, ALL), ['approve', 'reject', 'retire']);
  assert.deepEqual(availableActions(inReview, { read: true, write: true, publish: false }), []);
  const draft: ItemState = { published: null, working: 'draft' };
  assert.deepEqual(availableActions(draft, { read: true, write: true, publish: false }), ['edit', 'submit']);
  assert.deepEqual(availableActions(draft, { read: true, write: false, publish: false }), []);
});

const COUNTY = '/county/';
const DEPARTMENTS = ['/county/market/', '/county/police/', '/county/hrss/'];
const SCOPES = [COUNTY, ...DEPARTMENTS, '/county/township/'];

test('property: no grant reaches an item outside its scope', () => {
  const grant = fc.record({ role: fc.constantFrom(...ROLES), scopePath: fc.constantFrom(...SCOPES) });
  fc.assert(
    fc.property(fc.array(grant, { maxLength: 4 }), fc.constantFrom(...DEPARTMENTS), (grants, department) => {
      const actor: Actor = {
        accountId: 'a',
        kind: 'staff',
        staffId: 's',
        username: 'u',
        name: 'n',
        orgUnitId: null,
        mustChangePassword: false,
        grants: grants.map((g) => ({ ...g, scopeOrgUnitId: g.scopePath, scopeName: g.scopePath })),
      };
      const permits = permitsOn(actor, department);
      const covering = grants.filter((g) => department.startsWith(g.scopePath));
      const canWrite = covering.some((g) =>
        ['catalog_admin', 'dept_handler', 'dept_reviewer', 'dept_approver'].includes(g.role),
      );
      const canPublish = covering.some((g) => g.role === 'catalog_admin');
      assert.equal(permits.write, canWrite);
      assert.equal(permits.publish, canPublish);
      if (permits.read)
        assert.ok(covering.length > 0, 'reading drafts needs a grant covering the department');
    }),
  );
});
