import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from './index.ts';
import { prepared } from './prepared.ts';

type T = { things: { id: string; n: number; note: string | null } };

test('a prepared query runs with new values each time, and refuses a parameter it cannot place', async () => {
  const database = openDatabase({ databaseUrl: null, dataDir: '', sqliteFile: ':memory:' });
  const db = database.db;
  try {
    await sql`create table things (id text primary key, n integer not null, note text)`.execute(db);
    const insert = prepared((d, p: { row: { id: string; n: number; note: string | null } }) =>
      d.withTables<T>().insertInto('things').values(p.row),
    );
    const bump = prepared((d, p: { id: string; by: number }) =>
      d
        .withTables<T>()
        .updateTable('things')
        .set((eb) => ({ n: eb('n', '+', p.by) }))
        .where('id', '=', p.id),
    );
    const find = prepared((d, p: { id: string }) =>
      d.withTables<T>().selectFrom('things').select(['id', 'n', 'note']).where('id', '=', p.id).limit(1),
    );
    await insert(db, { row: { id: 'a', n: 1, note: 'x' } });
    await insert(db, { row: { id: 'b', n: 5, note: null } });
    await db.transaction().execute((trx) => bump(trx, { id: 'b', by: 2 }));
    assert.deepEqual((await find(db, { id: 'a' })).rows, [{ id: 'a', n: 1, note: 'x' }]);
    assert.deepEqual((await find(db, { id: 'b' })).rows, [{ id: 'b', n: 7, note: null }]);
    const listed = prepared((d, p: { ids: string }) =>
      d.withTables<T>().selectFrom('things').select('id').where('id', 'in', [p.ids, 'z']),
    );
    assert.deepEqual((await listed(db, { ids: 'b' })).rows, [{ id: 'b' }]);
    // A list as a parameter would change the SQL with its length: refused when the query is built.
    const fresh = prepared((d, p: { ids: string }) =>
      d.withTables<T>().selectFrom('things').select('id').where('id', 'in', [p.ids]),
    );
    await assert.rejects(fresh(db, { ids: ['a', 'b'] } as unknown as { ids: string }), /is a list/);
    // Inside a transaction (where SQLite runs it directly) it is part of the transaction.
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await insert(trx, { row: { id: 'c', n: 3, note: null } });
        await bump(trx, { id: 'c', by: 1 });
        assert.deepEqual((await find(trx, { id: 'c' })).rows, [{ id: 'c', n: 4, note: null }]);
        throw new Error('roll back');
      }),
      /roll back/,
    );
    assert.deepEqual((await find(db, { id: 'c' })).rows, [], 'rolled back with its transaction');
    const unused = prepared((d, _p: { id: string }) => d.withTables<T>().selectFrom('things').select('id'));
    await assert.rejects(unused(db, { id: 'a' }), /1 parameters, 0 bound/);
  } finally {
    await database.close();
  }
});
