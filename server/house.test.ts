import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACTIONS } from '../contracts/access.ts';
import { ERROR_CODES } from '../contracts/error-codes.ts';
import { PARTS } from './house.ts';
import { exampleModule } from './modules/example/index.ts';
import { openTestPlatform } from './testing/harness.ts';

/**
 * The house's vocabularies are owned part by part (platform/module.ts): every audit action, error
 * code and access action belongs to exactly one part, and audit actions follow one pattern.
 */

/**
 * The parts whose vocabularies contracts/ holds: the house, and the example module (the template,
 * never mounted in production, whose codes and actions are in contracts/ like a real module's).
 */
const ALL_PARTS = [...PARTS, exampleModule];

/** Each value with the parts that claim it. */
function owners(lists: (part: (typeof ALL_PARTS)[number]) => readonly string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of ALL_PARTS) {
    for (const value of lists(part)) map.set(value, [...(map.get(value) ?? []), part.name]);
  }
  return map;
}

function claimedTwice(map: Map<string, string[]>): string[] {
  return [...map].filter(([, parts]) => parts.length > 1).map(([v, parts]) => `${v}: ${parts.join(', ')}`);
}

test('every error code and access action belongs to exactly one part', () => {
  const codes = owners((p) => p.errorCodes);
  assert.deepEqual(claimedTwice(codes), []);
  assert.deepEqual(
    Object.keys(ERROR_CODES).filter((c) => !codes.has(c)),
    [],
    'codes no part claims: add their prefix to a descriptor',
  );
  const actions = owners((p) => p.accessActions);
  assert.deepEqual(claimedTwice(actions), []);
  assert.deepEqual(
    ACTIONS.filter((a) => !actions.has(a)),
    [],
    'access actions no part claims',
  );
  assert.deepEqual(
    [...actions.keys()].filter((a) => !(ACTIONS as readonly string[]).includes(a)),
    [],
    'claimed actions that contracts/access.ts does not define',
  );
});

test('audit actions: one pattern (prefix.verbObject), one owner, and one prefix per part', () => {
  const actions = owners((p) => p.auditActions);
  assert.deepEqual(claimedTwice(actions), []);
  for (const action of actions.keys()) assert.match(action, /^[a-z]+\.[a-z][a-zA-Z]*$/, action);
  const prefixes = owners((p) => [...new Set(p.auditActions.map((a) => a.split('.')[0] ?? ''))]);
  assert.deepEqual(claimedTwice(prefixes), [], 'two parts writing under one prefix');
  for (const part of ALL_PARTS)
    assert.ok(part.auditActions.length > 0, `${part.name} lists its audit actions`);
});

test('every audit row the demo writes (seed, log-ins, case work) is an action some part lists', async () => {
  const listed = new Set(PARTS.flatMap((p) => p.auditActions));
  const { platform, close } = await openTestPlatform('sqlite', { cases: true });
  try {
    const rows = await platform.db.selectFrom('audit_log').select('action').distinct().execute();
    assert.ok(rows.length >= 5, `the demo wrote ${rows.length} kinds of audit rows`);
    assert.deepEqual(
      rows.map((r) => r.action).filter((a) => !listed.has(a)),
      [],
    );
  } finally {
    await close();
  }
});
