import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildApp } from './app.ts';
import { openPlatform } from './bootstrap.ts';
import { loadConfig } from './platform/config.ts';
import { onewindow } from './testing/cli.ts';
import { DIALECTS } from './testing/harness.ts';
import { createScratchPostgres } from './testing/scratch-postgres.ts';

const KEY = '0123456789abcdef0123456789abcdef';

/** Logs in through the real app on the install's database; returns the status and body. */
async function logIn(env: Record<string, string>, username: string, password: string) {
  const platform = await openPlatform(loadConfig(env));
  const app = await buildApp(platform);
  try {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    const units = await platform.db
      .withTables<{ org_units: { id: string; name: string; parent_id: string | null } }>()
      .selectFrom('org_units')
      .select(['name', 'parent_id'])
      .execute();
    const audit = await platform.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name'])
      .orderBy('seq')
      .execute();
    return { status: res.statusCode, body: res.json(), units, audit };
  } finally {
    await app.close();
    await platform.database.close();
  }
}

for (const dialect of DIALECTS) {
  describe(`onewindow create-admin on an empty production install [${dialect}]`, () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ow-admin-'));
    const env: Record<string, string> = {
      NODE_ENV: 'production',
      ONEWINDOW_ENCRYPTION_KEY: KEY,
      DATA_DIR: dataDir,
    };
    let dropDb = async () => {};
    before(async () => {
      if (dialect !== 'postgres') return;
      const scratch = await createScratchPostgres('ow_cli');
      env.DATABASE_URL = scratch.url;
      dropDb = scratch.drop;
    });
    after(async () => {
      await dropDb();
      rmSync(dataDir, { recursive: true, force: true });
    });

    test('creates the root unit and a county-wide administrator who must change the password', async () => {
      const run = await onewindow(
        ['create-admin', '--username', 'chief', '--name', '赵立新', '--password', 'First-Pass-2026'],
        env,
      );
      assert.equal(run.code, 0, run.out);
      assert.match(run.out, /root org unit created: 梨树县人民政府/);
      assert.ok(!run.out.includes('First-Pass-2026'), 'a given password is not echoed');

      const res = await logIn(env, 'chief', 'First-Pass-2026');
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.name, '赵立新');
      assert.equal(res.body.mustChangePassword, true);
      assert.deepEqual(
        res.body.grants.map((g: { role: string; scopeName: string }) => [g.role, g.scopeName]),
        [['system_admin', '梨树县人民政府']],
      );
      assert.ok(res.body.permissions.includes('staff.manage'));
      assert.deepEqual(
        res.units,
        [{ name: '梨树县人民政府', parent_id: null }],
        'no demo data in production',
      );
      assert.deepEqual(
        res.audit.filter((a) => a.action !== 'auth.login').map((a) => [a.action, a.actor_name]),
        [
          ['org.createUnit', 'onewindow create-admin'],
          ['org.createStaff', 'onewindow create-admin'],
        ],
      );
    });

    test('refuses a user name that exists', async () => {
      const run = await onewindow(
        ['create-admin', '--username', 'chief', '--password', 'Other-Pass-2026'],
        env,
      );
      assert.notEqual(run.code, 0);
      assert.match(run.out, /STAFF_USERNAME_TAKEN/);
    });

    test('without --password it prints a strong generated one, once, that logs in', async () => {
      const run = await onewindow(['create-admin', '--username', 'deputy'], env);
      assert.equal(run.code, 0, run.out);
      assert.doesNotMatch(run.out, /root org unit created/, 'the existing root is reused');
      const password = run.out.match(/initial password[^:]*: (\S+)/)?.[1];
      assert.ok(
        password && password.length >= 16 && /\d/.test(password) && /[A-Za-z]/.test(password),
        run.out,
      );
      const res = await logIn(env, 'deputy', password);
      assert.equal(res.status, 200);
      assert.equal(res.body.name, '系统管理员');
      assert.equal(res.units.length, 1);
    });
  });
}
