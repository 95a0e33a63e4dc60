import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildApp } from '../../app.ts';
import { describeEachDb, openTestPlatform, TEST_PASSWORD } from '../../testing/harness.ts';

const LOGIN = { username: 'admin', password: TEST_PASSWORD };

describeEachDb(
  'session cookie and cross-site changes',
  (ctx) => {
    const login = (headers: Record<string, string>) =>
      ctx().app.inject({ method: 'POST', url: '/api/auth/login', headers, payload: LOGIN });

    test('over plain HTTP the cookie is ow_session: HttpOnly, SameSite=Strict, not Secure', async () => {
      const res = await login({});
      assert.equal(res.statusCode, 200);
      const [cookie] = res.cookies;
      assert.equal(cookie?.name, 'ow_session');
      assert.equal(cookie?.httpOnly, true);
      assert.equal(cookie?.sameSite, 'Strict');
      assert.notEqual(cookie?.secure, true);
    });

    test('over TLS through the named proxy the cookie is __Host-ow_session, Secure, Path=/, no Domain; a plain one is ignored', async () => {
      const tls = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '10.5.0.1' };
      const res = await login(tls);
      assert.equal(res.statusCode, 200);
      const [cookie] = res.cookies;
      assert.equal(cookie?.name, '__Host-ow_session');
      assert.equal(cookie?.secure, true);
      assert.equal(cookie?.path, '/');
      assert.equal(cookie?.domain, undefined);
      const me = (name: string) =>
        ctx().app.inject({
          method: 'GET',
          url: '/api/auth/me',
          headers: { ...tls, cookie: `${name}=${cookie?.value}` },
        });
      assert.equal((await me('__Host-ow_session')).statusCode, 200);
      assert.equal(
        (await me('ow_session')).statusCode,
        401,
        'a cookie a sibling site could plant does not count over TLS',
      );
    });

    test('a change sent from another site is refused before the session or the body is looked at, log-in included', async () => {
      const admin = await ctx().as('admin');
      const sites: Record<string, string>[] = [
        { origin: 'https://evil.example' },
        { origin: 'null' },
        { 'sec-fetch-site': 'cross-site' },
        { 'sec-fetch-site': 'same-site', origin: 'http://localhost:80' },
      ];
      for (const headers of sites) {
        const refused = await login(headers);
        assert.equal(refused.statusCode, 403, JSON.stringify(headers));
        assert.equal(refused.json().error.code, 'AUTH_CROSS_SITE');
        assert.match(refused.json().error.message, /其他网站/);
        const change = await admin.post('/api/org/units', { name: '跨站提交的单位' }, headers);
        assert.equal(change.json().error.code, 'AUTH_CROSS_SITE', JSON.stringify(headers));
      }
      const units = await admin.get('/api/org/units');
      assert.ok(!units.body.includes('跨站提交的单位'), 'nothing was created');
      const en = await login({ origin: 'https://evil.example', 'accept-language': 'en' });
      assert.match(en.json().error.message, /another site/);
    });

    test('a change from this site’s own pages, or from a script that names no origin, goes through', async () => {
      assert.equal(
        (await login({ origin: 'http://localhost:80', 'sec-fetch-site': 'same-origin' })).statusCode,
        200,
      );
      assert.equal((await login({ origin: ctx().platform.config.publicUrl })).statusCode, 200);
      assert.equal((await login({})).statusCode, 200);
      const reads = await ctx().app.inject({
        method: 'GET',
        url: '/api/catalog/items?q=户口',
        headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      });
      assert.equal(reads.statusCode, 200, 'reading is not a change');
    });
  },
  { behindProxy: true },
);

test('with PUBLIC_URL on https the cookie is Secure and __Host- even when the proxy is not named', async () => {
  const opened = await openTestPlatform('sqlite', { demo: true });
  opened.platform.config.publicUrl = 'https://zwfw.lishu.example';
  const app = await buildApp(opened.platform);
  try {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: LOGIN });
    assert.equal(res.statusCode, 200);
    assert.equal(res.cookies[0]?.name, '__Host-ow_session');
    assert.equal(res.cookies[0]?.secure, true);
    const fromSite = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://zwfw.lishu.example', host: '10.0.0.7:3000' },
      payload: LOGIN,
    });
    assert.equal(fromSite.statusCode, 200, 'the public address is this site, whatever Host the proxy sends');
  } finally {
    await app.close();
    await opened.close();
  }
});
