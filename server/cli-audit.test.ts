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
    sqlite.prepare('update audit_log set detail = ? where seq = ?').run('{"forged":true}', target);
    sqlite.close();

    const broken = await onewindow(['verify-audit'], env);
    assert.equal(broken.code, 2, broken.stdout + broken.stderr);
    assert.match(broken.stderr, new RegExp(`第 ${target} 行`));
    assert.match(broken.stderr, new RegExp(`seq ${target}: hash_mismatch`));
    assert.doesNotMatch(broken.stdout, /intact/);
  });
});
