import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildApp } from '../../app.ts';
import { describeEachDb, openTestPlatform, TEST_PASSWORD } from '../../testing/harness.ts';
import { loadConfig } from '../config.ts';
import type { AppError } from '../errors.ts';

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

  test('a wrong password is refused, and five in a row lock the account', async () => {
    const { anonymous } = ctx();
    for (let i = 0; i < 4; i++) {
      const res = await anonymous.post('/api/auth/login', { username: 'admin', password: 'wrong' });
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.code, 'AUTH_INVALID_CREDENTIALS');
    }
    const fifth = await anonymous.post('/api/auth/login', { username: 'admin', password: 'wrong' });
    assert.equal(fifth.statusCode, 423);
    const right = await anonymous.post('/api/auth/login', { username: 'admin', password: TEST_PASSWORD });
    assert.equal(right.statusCode, 423, 'even the right password waits out the lock');
    assert.equal(right.json().error.code, 'AUTH_ACCOUNT_LOCKED');
    await ctx()
      .platform.db.updateTable('accounts')
      .set({ locked_until: null })
      .where('username', '=', 'admin')
      .execute();
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
