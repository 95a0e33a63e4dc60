import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from './index.ts';

const modeOf = (file: string) => statSync(file).mode & 0o777;

test('the data directory, the SQLite file, its WAL and shared memory are readable by the server only', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'onewindow-modes-'));
  const dataDir = path.join(root, 'data');
  try {
    const database = openDatabase({ databaseUrl: null, dataDir });
    await sql`create table t (x integer)`.execute(database.db);
    await sql`insert into t values (1)`.execute(database.db);
    const file = path.join(dataDir, 'onewindow.sqlite');
    assert.equal(modeOf(dataDir), 0o700, 'data directory');
    assert.equal(modeOf(file), 0o600, 'database file');
    assert.equal(modeOf(`${file}-wal`), 0o600, 'write-ahead log');
    assert.equal(modeOf(`${file}-shm`), 0o600, 'shared memory');
    await database.close();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('an existing, world-readable database is made private again when it is opened', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'onewindow-modes-'));
  const dataDir = path.join(root, 'data');
  try {
    const first = openDatabase({ databaseUrl: null, dataDir });
    await sql`create table t (x integer)`.execute(first.db);
    await first.close();
    const file = path.join(dataDir, 'onewindow.sqlite');
    chmodSync(dataDir, 0o755);
    chmodSync(file, 0o644);
    writeFileSync(`${file}-wal`, '');
    chmodSync(`${file}-wal`, 0o644);
    const again = openDatabase({ databaseUrl: null, dataDir });
    assert.equal(modeOf(dataDir), 0o700);
    assert.equal(modeOf(file), 0o600);
    assert.equal(modeOf(`${file}-wal`), 0o600);
    await again.close();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
