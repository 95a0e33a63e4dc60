import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ACTIONS, type Action, ROLE_ACTIONS, ROLES, type Role } from '../../../contracts/access.ts';
import { AppError } from '../errors.ts';
import { type Actor, authorize, can, type Grant, scopePathsFor, type Target } from './policy.ts';

/**
 * Property tests of the access policy over random org forests. The oracle walks parent pointers,
 * never materialised paths, so a path-prefix mistake in the policy (say '/a/' covering '/ab/')
 * shows up as a counterexample.
 */

interface Tree {
  ids: string[];
  parent: (string | null)[];
  path: Map<string, string>;
}

// Ids from a tiny alphabet make some ids prefixes of others ('a', 'ab'): the classic prefix trap.
const idArb = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 1, maxLength: 3 });

const treeArb: fc.Arbitrary<Tree> = fc.uniqueArray(idArb, { minLength: 1, maxLength: 14 }).chain((ids) =>
  fc
    .tuple(...ids.map((_, i) => (i === 0 ? fc.constant(-1) : fc.integer({ min: -1, max: i - 1 }))))
    .map((parents) => {
      const parent = parents.map((p) => (p < 0 ? null : (ids[p] ?? null)));
      const path = new Map<string, string>();
      ids.forEach((id, i) => {
        const p = parent[i];
        path.set(id, `${p ? path.get(p) : '/'}${id}/`);
      });
      return { ids, parent, path };
    }),
);

/** Oracle: is `node` the unit `scope` or below it? Walks parent pointers. */
function isAncestorOrSelf(tree: Tree, scope: string, node: string): boolean {
  let cur: string | null = node;
  while (cur !== null) {
    if (cur === scope) return true;
    cur = tree.parent[tree.ids.indexOf(cur)] ?? null;
  }
  return false;
}

function isRoot(tree: Tree, id: string): boolean {
  return tree.parent[tree.ids.indexOf(id)] === null;
}

const roleHas = (role: Role, action: Action) => (ROLE_ACTIONS[role] as readonly Action[]).includes(action);

interface Scenario {
  tree: Tree;
  actor: Actor;
  scopes: string[];
  action: Action;
  targetNode: string;
  target: Target;
}

const scenarioArb: fc.Arbitrary<Scenario> = treeArb.chain((tree) =>
  fc
    .record({
      grants: fc.array(fc.tuple(fc.constantFrom(...ROLES), fc.constantFrom(...tree.ids)), { maxLength: 4 }),
      action: fc.constantFrom(...ACTIONS),
      targetNode: fc.constantFrom(...tree.ids),
      targetKind: fc.constantFrom('path', 'path', 'path', 'global', 'anywhere'),
    })
    .map(({ grants, action, targetNode, targetKind }) => {
      const list: Grant[] = grants.map(([role, id]) => ({
        role,
        scopeOrgUnitId: id,
        scopePath: tree.path.get(id) ?? '',
        scopeName: id,
      }));
      const actor: Actor = {
        accountId: 'acc',
        kind: 'staff',
        staffId: 's',
        username: 'u',
        name: 'n',
        orgUnitId: null,
        grants: list,
        mustChangePassword: false,
      };
      const target: Target =
        targetKind === 'path'
          ? { path: tree.path.get(targetNode) ?? '' }
          : (targetKind as 'global' | 'anywhere');
      return { tree, actor, scopes: grants.map(([, id]) => id), action, targetNode, target };
    }),
);

/** The expected answer, computed from the tree and the role table alone. */
function expected(s: Scenario): boolean {
  return s.actor.grants.some((g) => {
    if (!roleHas(g.role, s.action)) return false;
    if (s.target === 'anywhere') return true;
    if (s.target === 'global') return isRoot(s.tree, g.scopeOrgUnitId);
    return isAncestorOrSelf(s.tree, g.scopeOrgUnitId, s.targetNode);
  });
}

const RUNS = { numRuns: 2000 };

test('can() agrees with the tree oracle on every actor × action × target', () => {
  fc.assert(
    fc.property(scenarioArb, (s) => {
      assert.equal(can(s.actor, s.action, s.target), expected(s));
    }),
    RUNS,
  );
});

test('a target outside every grant subtree is never allowed', () => {
  fc.assert(
    fc.property(scenarioArb, (s) => {
      if (typeof s.target !== 'object') return;
      const inside = s.scopes.some((scope) => isAncestorOrSelf(s.tree, scope, s.targetNode));
      if (!inside) assert.equal(can(s.actor, s.action, s.target), false);
    }),
    RUNS,
  );
});

test("'global' is allowed only through a root grant of a role that has the action", () => {
  fc.assert(
    fc.property(scenarioArb, (s) => {
      const rootGrant = s.actor.grants.some(
        (g) => isRoot(s.tree, g.scopeOrgUnitId) && roleHas(g.role, s.action),
      );
      assert.equal(can(s.actor, s.action, 'global'), rootGrant);
    }),
    RUNS,
  );
});

test('an action in none of the granted roles is never allowed, on any target', () => {
  fc.assert(
    fc.property(scenarioArb, (s) => {
      if (s.actor.grants.some((g) => roleHas(g.role, s.action))) return;
      assert.equal(can(s.actor, s.action, s.target), false);
      assert.equal(can(s.actor, s.action, 'anywhere'), false);
      assert.deepEqual(scopePathsFor(s.actor, s.action), []);
    }),
    RUNS,
  );
});

test('scopePathsFor gives exactly the subtrees where a path target is allowed', () => {
  fc.assert(
    fc.property(scenarioArb, (s) => {
      const paths = scopePathsFor(s.actor, s.action);
      for (const id of s.tree.ids) {
        const path = s.tree.path.get(id) ?? '';
        const viaScopes = paths.some((p) => path.startsWith(p));
        assert.equal(viaScopes, can(s.actor, s.action, { path }), `node ${id}`);
      }
    }),
    RUNS,
  );
});

test('authorize: 401 without an actor, 403 ACCESS_DENIED or ACCESS_OUT_OF_SCOPE, else the actor', () => {
  fc.assert(
    fc.property(scenarioArb, (s) => {
      assert.throws(
        () => authorize(null, s.action, s.target),
        (e: unknown) => e instanceof AppError && e.status === 401 && e.code === 'AUTH_REQUIRED',
      );
      if (expected(s)) {
        assert.equal(authorize(s.actor, s.action, s.target), s.actor);
        return;
      }
      const hasRoleSomewhere = s.actor.grants.some((g) => roleHas(g.role, s.action));
      assert.throws(
        () => authorize(s.actor, s.action, s.target),
        (e: unknown) =>
          e instanceof AppError &&
          e.status === 403 &&
          e.code === (hasRoleSomewhere ? 'ACCESS_OUT_OF_SCOPE' : 'ACCESS_DENIED'),
      );
    }),
    RUNS,
  );
});

test('a malformed scope path covers nothing', () => {
  const actor: Actor = {
    accountId: 'a',
    kind: 'staff',
    staffId: 's',
    username: 'u',
    name: 'n',
    orgUnitId: null,
    grants: [{ role: 'system_admin', scopeOrgUnitId: 'x', scopePath: '', scopeName: 'x' }],
    mustChangePassword: false,
  };
  assert.equal(can(actor, 'staff.manage', { path: '/a/b/' }), false);
  assert.equal(can(actor, 'staff.manage', 'global'), false);
});
