import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { describeEachDb } from '../../testing/harness.ts';
import { inTransaction } from '../context.ts';
import { dropAppendOnly } from '../db/append-only.ts';
import { writeAudit } from './audit.ts';

describeEachDb(
  'audit_log and case_actions are append-only in the database',
  (ctx) => {
    const rowCount = async (table: 'audit_log' | 'case_actions') =>
      Number(
        (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(ctx().platform.db))
          .rows[0]?.n,
      );

    for (const table of ['audit_log', 'case_actions'] as const) {
      test(`${table}: UPDATE and DELETE fail, even with the database's full rights; the rows stay`, async () => {
        const { db } = ctx().platform;
        const before = await rowCount(table);
        assert.ok(before > 0, `${table} has rows`);
        const first = (
          await sql<{ hash: string }>`select hash from ${sql.table(table)} where seq = 1 limit 1`.execute(db)
        ).rows[0];
        await assert.rejects(
          sql`update ${sql.table(table)} set hash = 'x' where seq = 1`.execute(db),
          /append-only/,
        );
        await assert.rejects(sql`delete from ${sql.table(table)} where seq = 1`.execute(db), /append-only/);
        await assert.rejects(sql`delete from ${sql.table(table)}`.execute(db), /append-only/);
        if (ctx().dialect === 'postgres') {
          await assert.rejects(sql`truncate ${sql.table(table)} cascade`.execute(db), /append-only/);
        }
        assert.equal(await rowCount(table), before);
        const again = (
          await sql<{ hash: string }>`select hash from ${sql.table(table)} where seq = 1 limit 1`.execute(db)
        ).rows[0];
        assert.deepEqual(again, first);
      });
    }

    test('an audit row with seq 0 is refused by the database', async () => {
      const { db } = ctx().platform;
      await assert.rejects(
        db
          .insertInto('audit_log')
          .values({
            seq: 0,
            at: new Date().toISOString(),
            actor_id: null,
            actor_name: 'intruder',
            action: 'staff.create',
            entity_type: 'staff',
            entity_id: 'x',
            org_unit_id: null,
            detail: '{}',
            prev_hash: '0'.repeat(64),
            hash: 'f'.repeat(64),
          })
          .execute(),
        /seq must be 1 or more/,
      );
    });

    test('the write path refuses to extend a log whose newest row is below seq 1', async () => {
      const { platform } = ctx();
      // As a database administrator: triggers dropped, every row moved below 1.
      await dropAppendOnly(platform.db, platform.dialect, 'audit_log');
      const rows = await rowCount('audit_log');
      await sql`update audit_log set seq = seq - ${rows + 5}`.execute(platform.db);
      await assert.rejects(
        inTransaction(platform, (trx) =>
          writeAudit(trx, platform.dialect, {
            actorId: null,
            actorName: 'test',
            action: 'test.write',
            entityType: 'test',
            entityId: null,
          }),
        ),
        (err: Error & { code?: string }) => err.code === 'AUDIT_CHAIN_BROKEN',
      );
    });
  },
  { cases: true },
);
