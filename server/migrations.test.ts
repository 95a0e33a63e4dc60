import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { migrateToLatest } from './migrations.ts';
import { DIALECTS, openTestPlatform } from './testing/harness.ts';

for (const dialect of DIALECTS) {
  test(`a database migrated before a block gained a migration takes it on the next start [${dialect}]`, async () => {
    const opened = await openTestPlatform(dialect, { demo: false });
    try {
      const { db } = opened.platform.database;
      // As a database of the release before 0004: later blocks' migrations run, 0004 never did.
      await sql`drop table attempt_counters`.execute(db);
      await sql`delete from kysely_migration where name = '0004_attempt_counters'`.execute(db);
      assert.deepEqual(await migrateToLatest(opened.platform.database), ['0004_attempt_counters']);
      const rows = await db.selectFrom('attempt_counters').selectAll().execute();
      assert.deepEqual(rows, [], 'the table exists again, empty');
      assert.deepEqual(await migrateToLatest(opened.platform.database), [], 'nothing runs twice');
    } finally {
      await opened.close();
    }
  });
}
