import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { groupedTransaction } from './group-commit.ts';
import { type Database, openDatabase } from './index.ts';
import { WalSync } from './wal-sync.ts';

/** A flush the test completes by hand, counting how often it was started. */
function manualFlush() {
  const pending: { resolve: () => void; reject: (e: Error) => void }[] = [];
  return {
    started: () => pending.length,
    flush: () => new Promise<void>((resolve, reject) => pending.push({ resolve, reject })),
    finish: (i: number) => pending[i]?.resolve(),
    fail: (i: number) => pending[i]?.reject(new Error('EIO')),
  };
}

/** Lets queued promise callbacks run. */
const settle = () => new Promise((r) => setImmediate(r));

/** Whether a promise has settled yet. */
function tracked<T>(p: Promise<T>) {
  const t = { done: false, failed: false as boolean, value: undefined as T | undefined };
  p.then(
    (v) => {
      t.done = true;
      t.value = v;
    },
    () => {
      t.failed = true;
    },
  );
  return t;
}

test('a write is durable only once a flush that started after it has finished', async () => {
  const f = manualFlush();
  const wal = new WalSync('unused', f.flush);
  await wal.durable(); // nothing written: no flush
  assert.equal(f.started(), 0);

  wal.markWritten();
  const first = tracked(wal.durable());
  const alsoFirst = tracked(wal.durable());
  await settle();
  assert.equal(f.started(), 1, 'callers waiting for the same writes share one flush');

  wal.markWritten(); // written while the first flush runs: not covered by it
  const second = tracked(wal.durable());
  f.finish(0);
  await settle();
  assert.ok(first.done && alsoFirst.done, 'the first writes are on disk');
  assert.equal(second.done, false, 'the later write waits for a flush of its own');
  assert.equal(f.started(), 2);
  f.finish(1);
  await settle();
  assert.ok(second.done);
});

test('a failed flush fails every wait after it: the state of the file is unknown', async () => {
  const f = manualFlush();
  const wal = new WalSync('unused', f.flush);
  wal.markWritten();
  const waiting = tracked(wal.durable());
  await settle();
  f.fail(0);
  await settle();
  assert.ok(waiting.failed);
  await assert.rejects(wal.durable(), /could not be flushed/);
  wal.markWritten();
  await assert.rejects(wal.durable(), /could not be flushed/);
});

test('the embedded database flushes its WAL before a transaction or a lone write returns', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'onewindow-wal-'));
  const database = openDatabase({ databaseUrl: null, dataDir: dir });
  t.after(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const { db } = database;
  const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
  assert.equal(mode.rows[0]?.journal_mode, 'wal');
  const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
  assert.equal(sync.rows[0]?.synchronous, 1, 'NORMAL: the commit does not block on fsync');
  await sql`create table t (id integer primary key, v text)`.execute(db);

  // Count fdatasync calls on any file handle (the WAL's is one of them).
  const probe = await open(path.join(dir, 'probe'), 'w');
  const proto = Object.getPrototypeOf(probe) as { datasync(): Promise<void> };
  await probe.close();
  const original = proto.datasync;
  let flushes = 0;
  proto.datasync = function (this: unknown) {
    flushes++;
    return original.call(this);
  };
  t.after(() => {
    proto.datasync = original;
  });

  let before = flushes;
  await sql`insert into t (v) values ('lone write')`.execute(db);
  assert.ok(flushes > before, 'a write outside a transaction waits for a flush');

  before = flushes;
  await db.transaction().execute((trx) => sql`insert into t (v) values ('in a transaction')`.execute(trx));
  await database.durable();
  assert.ok(flushes > before, 'durable() after a commit flushes');

  before = flushes;
  await database.durable();
  assert.equal(flushes, before, 'nothing new written: no flush');
});

test('a grouped write is answered only after its batch is on disk, and the next batch runs meanwhile', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'onewindow-wal-'));
  const real = openDatabase({ databaseUrl: null, dataDir: dir });
  t.after(async () => {
    await real.close();
    rmSync(dir, { recursive: true, force: true });
  });
  await sql`create table t (id integer primary key, v text)`.execute(real.db);
  const gates: (() => void)[] = [];
  const gated: Database = { ...real, durable: () => new Promise<void>((r) => gates.push(r)) };
  const insert = (v: string) =>
    groupedTransaction(gated, async (trx) => {
      await sql`insert into t (v) values (${v})`.execute(trx);
      return v;
    });
  const count = async () =>
    Number((await sql<{ n: number }>`select count(*) as n from t`.execute(real.db)).rows[0]?.n);

  const first = tracked(insert('a'));
  while ((await count()) < 1) await settle();
  assert.equal(first.done, false, 'committed, but not answered before the flush');

  const second = tracked(insert('b'));
  while ((await count()) < 2) await settle();
  assert.equal(second.done, false);
  assert.equal(gates.length, 2, 'the second batch committed while the first was still being flushed');

  gates[0]?.();
  await settle();
  assert.equal(first.value, 'a');
  assert.equal(second.done, false);
  gates[1]?.();
  await settle();
  assert.equal(second.value, 'b');
});
