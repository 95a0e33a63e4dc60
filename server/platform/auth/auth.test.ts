import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildApp } from '../../app.ts';
import { describeEachDb, openTestPlatform, TEST_PASSWORD } from '../../testing/harness.ts';
import { loadConfig } from '../config.ts';
import type { AppError } from '../errors.ts';
import { forgetLoginFailures } from './login.ts';

describeEachDb('staff log-in', (ctx) => {
  test('admin logs in, sees who they are, and logs out', async () => {
    const { anonymous } = ctx();
    const res = await anonymous.post('/api/auth/login', { username: 'admin', password: TEST_PASSWORD });
    assert.equal(res.statusCode, 200);
    const cookie = res.cookies.find((c) => c.name === 'ow_session');
    assert.ok(cookie?.httpOnly, 'session cookie is HttpOnly');
    assert.equal(cookie?.sameSite, 'Strict');
    const me = res.json();
    assert.equal(me.username, 'admin');
    assert.ok(me.permissions.includes('staff.manage'));

    const headers = { cookie: `ow_session=${cookie?.value}` };
    const meRes = await anonymous.get('/api/auth/me', headers);
    assert.equal(meRes.statusCode, 200);
    assert.equal(meRes.json().name, '系统管理员');

    const noCsrf = await anonymous.post('/api/auth/logout', {}, headers);
    assert.equal(noCsrf.statusCode, 403);
    assert.equal(noCsrf.json().error.code, 'AUTH_CSRF_INVALID');

    const out = await anonymous.post('/api/auth/logout', {}, { ...headers, 'x-csrf-token': me.csrfToken });
    assert.equal(out.statusCode, 200);
    const after = await anonymous.get('/api/auth/me', headers);
    assert.equal(after.statusCode, 401);
    assert.equal(after.json().error.code, 'AUTH_REQUIRED');
  });

  test('a wrong password is refused, and after five in a row this address waits, even with the right one', async () => {
    const { anonymous } = ctx();
    for (let i = 0; i < 5; i++) {
      const res = await anonymous.post('/api/auth/login', { username: 'admin', password: 'wrong' });
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.code, 'AUTH_INVALID_CREDENTIALS');
    }
    const right = await anonymous.post('/api/auth/login', { username: 'admin', password: TEST_PASSWORD });
    assert.equal(right.statusCode, 401, 'even the right password waits out the window here');
    assert.equal(right.json().error.code, 'AUTH_INVALID_CREDENTIALS');
    await forgetLoginFailures(ctx().platform.db, 'admin');
  });

  test('an anonymous change is refused with 401 before its body is looked at', async () => {
    const { anonymous } = ctx();
    for (const [url, body] of [
      ['/api/cases', { itemId: 'not-a-uuid', applicant: 42 }],
      ['/api/auth/password', {}],
      ['/api/org/units', { name: '' }],
    ] as const) {
      const res = await anonymous.post(url, body);
      assert.equal(res.statusCode, 401, `${url}: ${res.body}`);
      assert.equal(res.json().error.code, 'AUTH_REQUIRED');
    }
  });

  test('bad log-in input names the field at fault, in Chinese or English', async () => {
    const { anonymous } = ctx();
    const res = await anonymous.post('/api/auth/login', { username: '' });
    assert.equal(res.statusCode, 400);
    const body = res.json();
    assert.equal(body.error.code, 'VALIDATION_FAILED');
    const paths = body.error.details.fields.map((f: { path: string }) => f.path);
    assert.ok(paths.includes('body.username'), paths.join());
    assert.ok(paths.includes('body.password'), paths.join());
    assert.match(body.error.message, /输入有误/);
    const en = await anonymous.post('/api/auth/login', { username: 1 }, { 'accept-language': 'en-US' });
    assert.match(en.json().error.message, /Invalid input/);
    const broken = await anonymous.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    assert.equal(broken.statusCode, 400);
  });

  test('password change needs the current password and a strong new one', async () => {
    const client = await ctx().as('admin');
    const weak = await client.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'short',
    });
    assert.equal(weak.json().error.code, 'AUTH_PASSWORD_WEAK');
    const wrong = await client.post('/api/auth/password', {
      currentPassword: 'nope',
      newPassword: 'Another-Pass-1',
    });
    assert.equal(wrong.json().error.code, 'AUTH_PASSWORD_WRONG');
    const ok = await client.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Another-Pass-1',
    });
    assert.equal(ok.statusCode, 200);
    await ctx().as('admin', 'Another-Pass-1');
    const back = await client.post('/api/auth/password', {
      currentPassword: 'Another-Pass-1',
      newPassword: TEST_PASSWORD,
    });
    assert.equal(back.statusCode, 200);
  });

  test('of 20 password changes sent at once, one wins; the others are refused and their passwords do not log in', async () => {
    const client = await ctx().as('supervisor');
    const candidates = Array.from({ length: 20 }, (_, i) => `Race-Pass-2026-${String(i).padStart(2, '0')}`);
    const answers = await Promise.all(
      candidates.map((newPassword) =>
        client.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword }),
      ),
    );
    const won = answers.flatMap((res, i) => (res.statusCode === 200 ? [candidates[i] ?? ''] : []));
    assert.equal(won.length, 1, answers.map((a) => a.statusCode).join(' '));
    for (const res of answers.filter((a) => a.statusCode !== 200)) {
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, 'AUTH_PASSWORD_WRONG');
    }
    const [winner = ''] = won;
    const logIn = (password: string) =>
      ctx().anonymous.post('/api/auth/login', { username: 'supervisor', password });
    assert.equal((await logIn(winner)).statusCode, 200, 'the one answered 200 is in force');
    const loser = candidates.find((c) => c !== winner) ?? '';
    assert.equal((await logIn(loser)).statusCode, 401, 'a refused one is not');
    const back = await client.post('/api/auth/password', {
      currentPassword: winner,
      newPassword: TEST_PASSWORD,
    });
    assert.equal(back.statusCode, 200, back.body);
  });
});

test('log-in attempts are rate-limited per address', async () => {
  const opened = await openTestPlatform('sqlite', { demo: false });
  opened.platform.config.loginRateLimit = 3;
  const app = await buildApp(opened.platform);
  try {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'x', password: 'y' },
      });
      codes.push(res.statusCode);
    }
    assert.deepEqual(codes, [401, 401, 401, 429]);
    const last = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'x', password: 'y' },
    });
    assert.equal(last.json().error.code, 'RATE_LIMITED');
  } finally {
    await app.close();
    await opened.close();
  }
});

test('a client cannot escape the log-in rate limit by naming another address in X-Forwarded-For', async () => {
  const opened = await openTestPlatform('sqlite', { demo: false });
  opened.platform.config.loginRateLimit = 3;
  const app = await buildApp(opened.platform);
  try {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-for': `10.0.0.${i + 1}` },
        payload: { username: 'x', password: 'y' },
      });
      codes.push(res.statusCode);
    }
    assert.deepEqual(codes, [401, 401, 401, 429, 429]);
  } finally {
    await app.close();
    await opened.close();
  }
});

test('behind a proxy named in TRUST_PROXY, each forwarded client address is limited on its own', async () => {
  assert.deepEqual(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy, [
    '127.0.0.1',
    '10.0.0.0/8',
  ]);
  assert.equal(loadConfig({}).trustProxy, false);
  assert.throws(
    () => loadConfig({ TRUST_PROXY: 'true' }),
    (err: AppError) => err.code === 'CONFIG_INVALID' && JSON.stringify(err.details).includes('TRUST_PROXY'),
  );
  const opened = await openTestPlatform('sqlite', { demo: false });
  opened.platform.config.loginRateLimit = 2;
  opened.platform.config.trustProxy = ['127.0.0.1'];
  const app = await buildApp(opened.platform);
  try {
    const codeFrom = async (client: string) =>
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers: { 'x-forwarded-for': client },
          payload: { username: 'x', password: 'y' },
        })
      ).statusCode;
    const first = [await codeFrom('10.0.0.1'), await codeFrom('10.0.0.1'), await codeFrom('10.0.0.1')];
    assert.deepEqual(first, [401, 401, 429]);
    assert.equal(await codeFrom('10.0.0.2'), 401);
  } finally {
    await app.close();
    await opened.close();
  }
});

describeEachDb(
  'log-in failures counted under attack',
  (ctx) => {
    const attempt = (username: string, password: string, from: string) =>
      ctx().app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-for': from },
        payload: { username, password },
      });
    const auditCount = async (action: string) =>
      Number(
        (
          await ctx()
            .platform.db.selectFrom('audit_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('action', '=', action)
            .executeTakeFirstOrThrow()
        ).n,
      );

    test('100 wrong passwords at once from 100 addresses are all counted: the right one is then refused at any new address, not at the owner’s', async () => {
      assert.equal(
        (await attempt('supervisor', TEST_PASSWORD, '10.8.0.1')).statusCode,
        200,
        'the owner’s desk',
      );
      const answers = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          attempt('supervisor', `wrong-${i}`, `10.1.${i >> 8}.${i & 255}`),
        ),
      );
      assert.ok(answers.every((a) => a.statusCode === 401));
      const right = await attempt('supervisor', TEST_PASSWORD, '10.9.9.9');
      assert.equal(right.statusCode, 401, 'the account is refused from a fresh address too');
      assert.equal(right.json().error.code, 'AUTH_INVALID_CREDENTIALS');
      assert.equal(await auditCount('auth.lock'), 1, 'the lock is audited once');
      const row = await ctx()
        .platform.db.selectFrom('accounts')
        .select('locked_until')
        .where('username', '=', 'supervisor')
        .executeTakeFirstOrThrow();
      assert.ok(
        row.locked_until && Date.parse(row.locked_until) > Date.now(),
        'the staff list shows it locked',
      );
      assert.equal(
        (await attempt('supervisor', TEST_PASSWORD, '10.8.0.1')).statusCode,
        200,
        'the owner still works',
      );
      assert.equal(
        (await attempt('supervisor', TEST_PASSWORD, '10.9.9.8')).statusCode,
        401,
        'and that lifted nothing',
      );
      await forgetLoginFailures(ctx().platform.db, 'supervisor');
      assert.equal((await attempt('supervisor', TEST_PASSWORD, '10.9.9.9')).statusCode, 200);
    });

    test('five failures from one address block that address only: the owner logs in from another', async () => {
      for (let i = 0; i < 5; i++) assert.equal((await attempt('admin', 'wrong', '10.2.0.1')).statusCode, 401);
      assert.equal((await attempt('admin', TEST_PASSWORD, '10.2.0.1')).statusCode, 401);
      assert.equal((await attempt('admin', TEST_PASSWORD, '10.2.0.2')).statusCode, 200);
      // One address hammering cannot lock the account for everyone: its refused tries are not counted.
      for (let i = 0; i < 40; i++) await attempt('admin', 'wrong', '10.2.0.1');
      assert.equal((await attempt('admin', TEST_PASSWORD, '10.2.0.3')).statusCode, 200);
    });

    test('an unknown name, a wrong password and a disabled account get the same answer', async () => {
      const admin = await ctx().as('admin');
      const staff = (await admin.get('/api/org/staff?q=guojiadian')).json().items as {
        id: string;
        username: string;
        revision: number;
      }[];
      const target = staff.find((s) => s.username.startsWith('guojiadian'));
      assert.ok(target, 'a 郭家店镇 account exists in the demo');
      const off = await admin.patch(`/api/org/staff/${target.id}`, {
        active: false,
        expectedRevision: target.revision,
      });
      assert.equal(off.statusCode, 200, off.body);
      const bodies = await Promise.all([
        attempt('no-such-person', TEST_PASSWORD, '10.3.0.1'),
        attempt('admin', 'wrong-password', '10.3.0.2'),
        attempt(target.username, TEST_PASSWORD, '10.3.0.3'),
      ]);
      const shapes = bodies.map((b) => {
        const { error } = b.json();
        return { status: b.statusCode, code: error.code, message: error.message };
      });
      assert.deepEqual(shapes[0], shapes[1]);
      assert.deepEqual(shapes[1], shapes[2]);
      assert.equal(shapes[0]?.code, 'AUTH_INVALID_CREDENTIALS');
      assert.equal(
        await auditCount('auth.loginDisabled'),
        1,
        'the disabled account’s attempt is audited as such',
      );
    });
  },
  { behindProxy: true },
);
