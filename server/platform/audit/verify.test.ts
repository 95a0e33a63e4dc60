import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { describeEachDb } from '../../testing/harness.ts';
import { inTransaction } from '../context.ts';
import { dropAppendOnly } from '../db/append-only.ts';
import type { AuditLogTable } from '../db/schema.ts';
import { auditRowHash, writeAudit } from './audit.ts';
import { verifyAuditChain } from './verify.ts';

describeEachDb('audit log hash chain', (ctx) => {
  /** Every row, in seq order. */
  const allRows = async (): Promise<AuditLogTable[]> =>
    ctx().platform.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
  const rowAt = async (seq: number): Promise<AuditLogTable> =>
    ctx().platform.db.selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();
  /** Verifies through the HTTP API, as an administrator would. */
  const verifyViaApi = async () => {
    const admin = await ctx().as('admin');
    const res = await admin.get('/api/audit/verify');
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };

  test('logins and failed logins chain into an intact log', async () => {
    const { anonymous } = ctx();
    for (let i = 0; i < 3; i++) await ctx().as('admin');
    for (let i = 0; i < 2; i++) {
      const res = await anonymous.post('/api/auth/login', { username: 'admin', password: 'wrong' });
      assert.equal(res.statusCode, 401);
    }
    await ctx().as('admin');
    const rows = await allRows();
    assert.ok(rows.length >= 6, `rows: ${rows.length}`);
    assert.deepEqual(
      rows.map((r) => Number(r.seq)),
      rows.map((_, i) => i + 1),
    );
    assert.equal(rows.filter((r) => r.action === 'auth.loginFailed').length, 2);
    const result = await verifyAuditChain(ctx().platform.db);
    assert.deepEqual(result, { ok: true, rows: rows.length });
    // Tiny pages walk the same chain across page boundaries.
    assert.deepEqual(await verifyAuditChain(ctx().platform.db, 2), { ok: true, rows: rows.length });
  });

  test('as a database administrator with full rights, drop the append-only triggers to tamper', async () => {
    const { db, dialect } = ctx().platform;
    await assert.rejects(db.deleteFrom('audit_log').where('seq', '=', 1).execute(), /append-only/);
    await dropAppendOnly(db, dialect, 'audit_log');
  });

  test('an altered row is reported at its seq as hash_mismatch', async () => {
    const { db } = ctx().platform;
    const original = await rowAt(3);
    await db.updateTable('audit_log').set({ detail: '{"ip":"10.0.0.66"}' }).where('seq', '=', 3).execute();
    assert.deepEqual(await verifyAuditChain(db), {
      ok: false,
      rows: 2,
      firstBad: { seq: 3, reason: 'hash_mismatch' },
    });
    assert.deepEqual((await verifyAuditChain(db, 2)).firstBad, { seq: 3, reason: 'hash_mismatch' });
    assert.deepEqual((await verifyViaApi()).firstBad, { seq: 3, reason: 'hash_mismatch' });

    // Recomputing the altered row's own hash moves the break to the next row, which still links
    // to the old hash: a plain chain forces the forger to rewrite every later row too.
    const forged = { ...original, seq: 3, detail: '{"ip":"10.0.0.66"}' };
    const { hash: _old, ...content } = forged;
    await db
      .updateTable('audit_log')
      .set({ hash: auditRowHash(content) })
      .where('seq', '=', 3)
      .execute();
    assert.deepEqual((await verifyAuditChain(db)).firstBad, { seq: 4, reason: 'prev_mismatch' });

    await db
      .updateTable('audit_log')
      .set({ detail: original.detail, hash: original.hash })
      .where('seq', '=', 3)
      .execute();
    assert.equal((await verifyAuditChain(db)).ok, true);
  });

  test('a deleted middle row is reported as a gap at the missing seq', async () => {
    const { db } = ctx().platform;
    const original = await rowAt(4);
    await db.deleteFrom('audit_log').where('seq', '=', 4).execute();
    assert.deepEqual(await verifyAuditChain(db), { ok: false, rows: 3, firstBad: { seq: 4, reason: 'gap' } });
    assert.deepEqual((await verifyViaApi()).firstBad, { seq: 4, reason: 'gap' });
    await db.insertInto('audit_log').values(original).execute();
    assert.equal((await verifyAuditChain(db)).ok, true);
  });

  test('deleting the first row is a gap at seq 1', async () => {
    const { db } = ctx().platform;
    const original = await rowAt(1);
    await db.deleteFrom('audit_log').where('seq', '=', 1).execute();
    assert.deepEqual(await verifyAuditChain(db), { ok: false, rows: 0, firstBad: { seq: 1, reason: 'gap' } });
    await db.insertInto('audit_log').values(original).execute();
    assert.equal((await verifyAuditChain(db)).ok, true);
  });

  test('two rows swapped out of order are reported as prev_mismatch', async () => {
    const { db } = ctx().platform;
    const swap = async () => {
      await db.updateTable('audit_log').set({ seq: -1 }).where('seq', '=', 2).execute();
      await db.updateTable('audit_log').set({ seq: 2 }).where('seq', '=', 3).execute();
      await db.updateTable('audit_log').set({ seq: 3 }).where('seq', '=', -1).execute();
    };
    await swap();
    assert.deepEqual(await verifyAuditChain(db), {
      ok: false,
      rows: 1,
      firstBad: { seq: 2, reason: 'prev_mismatch' },
    });
    await swap();
    assert.equal((await verifyAuditChain(db)).ok, true);
  });

  test('a row appended with a made-up prev_hash is reported as prev_mismatch', async () => {
    const { db } = ctx().platform;
    const rows = await allRows();
    const seq = rows.length + 1;
    // A forger can compute the row's own hash; what they cannot fake is the link to the real chain.
    const content = {
      seq,
      at: new Date().toISOString(),
      actor_id: null,
      actor_name: 'intruder',
      action: 'staff.create',
      entity_type: 'staff',
      entity_id: 'x',
      org_unit_id: null,
      detail: '{}',
      prev_hash: 'f'.repeat(64),
    };
    await db
      .insertInto('audit_log')
      .values({ ...content, hash: auditRowHash(content) })
      .execute();
    assert.deepEqual(await verifyAuditChain(db), {
      ok: false,
      rows: rows.length,
      firstBad: { seq, reason: 'prev_mismatch' },
    });
    await db.deleteFrom('audit_log').where('seq', '=', seq).execute();
    assert.equal((await verifyAuditChain(db)).ok, true);
  });

  test('20 transactions writing audit rows at once still give one intact chain', async () => {
    const { platform } = ctx();
    const before = (await allRows()).length;
    // Each transaction holds on after its insert, so without the lock they would all read the
    // same last row and collide on seq (or fork the chain).
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        inTransaction(platform, async (trx) => {
          await writeAudit(trx, platform.dialect, {
            actorId: null,
            actorName: 'load test',
            action: 'test.parallel',
            entityType: 'test',
            entityId: `parallel-${i}`,
          });
          await sleep(5);
        }),
      ),
    );
    assert.deepEqual(
      results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason)),
      [],
    );
    const rows = await allRows();
    assert.equal(rows.length, before + 20);
    const written = rows.filter((r) => r.action === 'test.parallel').map((r) => r.entity_id);
    assert.equal(new Set(written).size, 20);
    assert.deepEqual(await verifyAuditChain(platform.db), { ok: true, rows: before + 20 });
  });
});
