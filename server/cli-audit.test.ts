import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { openPlatform } from './bootstrap.ts';
import { writeAudit } from './platform/audit/audit.ts';
import { loadConfig } from './platform/config.ts';
import { inTransaction } from './platform/context.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin/onewindow.mjs');

/** Runs `onewindow <args>` as an operator would, against the test's data directory. */
function onewindow(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: root, env }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('onewindow verify-audit', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'onewindow-cli-audit-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    ONEWINDOW_ENCRYPTION_KEY: '0123456789abcdeffedcba9876543210',
    JOB_POLL_MS: '0',
  };
  const sqliteFile = path.join(dataDir, 'onewindow.sqlite');

  before(async () => {
    const seeded = await onewindow(['seed', '--demo'], env);
    assert.equal(seeded.code, 0, seeded.stderr);
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('--help explains the command', async () => {
    const res = await onewindow(['verify-audit', '--help'], env);
    assert.equal(res.code, 0);
    assert.match(res.stdout, /hash chain of the audit log/);
  });

  test('an intact log exits 0 with the row count; a tampered row exits 2 naming its seq', async () => {
    const platform = await openPlatform(loadConfig(env));
    const before = Number(
      (
        await platform.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    for (let i = 0; i < 4; i++) {
      await inTransaction(platform, (trx) =>
        writeAudit(trx, platform.dialect, {
          actorId: null,
          actorName: 'operator',
          action: 'test.cli',
          entityType: 'test',
          entityId: `row-${i}`,
        }),
      );
    }
    await platform.database.close();
    const rows = before + 4;

    const intact = await onewindow(['verify-audit'], env);
    assert.equal(intact.code, 0, intact.stderr);
    assert.match(intact.stdout, new RegExp(`audit log intact: ${rows} rows`));

    const target = before + 3;
    const sqlite = new BetterSqlite3(sqliteFile);
    // The log is append-only: only someone with the database's full rights, dropping the trigger, can alter it.
    assert.throws(
      () => sqlite.prepare('update audit_log set detail = ? where seq = ?').run('{"forged":true}', target),
      /append-only/,
    );
    sqlite.exec('drop trigger audit_log_no_update');
    sqlite.prepare('update audit_log set detail = ? where seq = ?').run('{"forged":true}', target);
    sqlite.close();

    const broken = await onewindow(['verify-audit'], env);
    assert.equal(broken.code, 2, broken.stdout + broken.stderr);
    assert.match(broken.stderr, new RegExp(`第 ${target} 行`));
    assert.match(broken.stderr, new RegExp(`seq ${target}: hash_mismatch`));
    assert.doesNotMatch(broken.stdout, /intact/);
  });

  test('audit checkpoint writes and prints a signed checkpoint; deleting the newest rows then exits 2 naming it', async () => {
    // Put the forged row of the test above back, so the chain holds again.
    const sqlite = new BetterSqlite3(sqliteFile);
    sqlite.exec('drop trigger audit_log_no_delete');
    const newest = (sqlite.prepare('select max(seq) as n from audit_log').get() as { n: number }).n;
    sqlite.prepare('delete from audit_log where seq >= ?').run(newest - 1);
    sqlite.close();

    const help = await onewindow(['audit', 'checkpoint', '--help'], env);
    assert.match(help.stdout, /signed with the platform SM2 key/);
    const written = await onewindow(['audit', 'checkpoint'], env);
    assert.equal(written.code, 0, written.stderr);
    const file = written.stdout.match(/checkpoint written: (\S+)/)?.[1] ?? '';
    assert.ok(file.startsWith(path.join(dataDir, 'audit-checkpoints')), written.stdout);
    assert.match(written.stdout, /-----BEGIN PUBLIC KEY-----/);
    assert.match(written.stdout, /"signature": "[0-9a-f]{128}"/);

    const intact = await onewindow(['verify-audit'], env);
    assert.equal(intact.code, 0, intact.stdout + intact.stderr);
    assert.match(intact.stdout, /checked against 1 signed checkpoint/);

    const seq = Number(path.basename(file).match(/-seq-(\d+)\.json$/)?.[1]);
    const db = new BetterSqlite3(sqliteFile);
    db.prepare('delete from audit_log where seq >= ?').run(seq - 1);
    db.close();
    const truncated = await onewindow(['verify-audit'], env);
    assert.equal(truncated.code, 2, truncated.stdout + truncated.stderr);
    assert.match(truncated.stderr, new RegExp(`checkpoint_truncated: .*seq ${seq}`));
    assert.match(truncated.stderr, /审计日志已不再到达检查点记录的序号/);
  });
});
