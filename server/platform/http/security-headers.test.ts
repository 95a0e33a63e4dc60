import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildApp } from '../../app.ts';
import { describeEachDb, openTestPlatform } from '../../testing/harness.ts';

/** What a browser is told about every kind of answer: pages, notices, the API, the docs. */
describeEachDb(
  'security headers',
  (ctx) => {
    const directives = (policy: unknown) =>
      new Map(
        String(policy)
          .split(';')
          .map((d) => d.trim())
          .filter(Boolean)
          .map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const),
      );

    test('the portal and console pages run under a policy with no inline script and no framing', async () => {
      for (const url of ['/', '/console/', '/console/cases/work']) {
        const res = await ctx().anonymous.get(url);
        assert.equal(res.statusCode, 200, url);
        const csp = directives(res.headers['content-security-policy']);
        assert.deepEqual(csp.get('script-src'), ["'self'"], `${url}: scripts only from this origin`);
        assert.deepEqual(csp.get('script-src-attr'), ["'none'"]);
        assert.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
        assert.deepEqual(csp.get('object-src'), ["'none'"]);
        assert.equal(res.headers['x-content-type-options'], 'nosniff');
        assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin');
        assert.equal(res.headers['strict-transport-security'], undefined, 'no HSTS over plain HTTP');
        assert.doesNotMatch(
          res.body,
          /<script(?![^>]*\bsrc=)[^>]*>/,
          `${url}: the page has no inline script`,
        );
      }
    });

    test('API answers are never stored by a cache, and carry the same headers', async () => {
      const supervisor = await ctx().as('supervisor');
      for (const url of [
        '/api/auth/me',
        '/api/cases?pageSize=5',
        '/api/catalog/items?q=户口',
        '/api/nothing-here',
      ]) {
        const res = await supervisor.get(url);
        assert.equal(res.headers['cache-control'], 'no-store', url);
        assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
        assert.ok(res.headers['content-security-policy'], url);
      }
      const anon = await ctx().anonymous.get('/api/public/case-progress?number=x&tail=y');
      assert.equal(anon.headers['cache-control'], 'no-store');
    });

    test('a printed notice allows only its own styles, its QR code and its print button', async () => {
      const supervisor = await ctx().as('supervisor');
      const list = (await supervisor.get('/api/cases?pageSize=1')).json() as { items: { id: string }[] };
      const id = list.items[0]?.id;
      assert.ok(id, 'the demo has cases');
      const res = await supervisor.get(`/api/cases/${id}/documents/receipt`);
      assert.equal(res.statusCode, 200);
      const csp = directives(res.headers['content-security-policy']);
      assert.deepEqual(csp.get('default-src'), ["'none'"]);
      assert.deepEqual(csp.get('frame-ancestors'), ["'self'"]);
      const [hash] = csp.get('script-src') ?? [];
      assert.match(String(hash), /^'sha256-[A-Za-z0-9+/=]+'$/, 'the one script is allowed by its hash');
      const script = /<script>([^<]*)<\/script>/.exec(res.body)?.[1] ?? '';
      const { createHash } = await import('node:crypto');
      assert.equal(hash, `'sha256-${createHash('sha256').update(script).digest('base64')}'`);
      assert.doesNotMatch(res.body, /\son[a-z]+=/i, 'no inline event handler');
      assert.equal(res.headers['cache-control'], 'no-store', 'a notice names the applicant');
    });

    test('the API docs run under their own policy: scripts of this origin only, no framing', async () => {
      const res = await ctx().anonymous.get('/api/docs/');
      assert.equal(res.statusCode, 200);
      const csp = directives(res.headers['content-security-policy']);
      assert.deepEqual(csp.get('script-src'), ["'self'"]);
      assert.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
      assert.ok(![...csp.values()].flat().includes('https:'), 'no source outside this origin');
    });

    test('HSTS is sent when the request came over TLS through the trusted proxy, and only then', async () => {
      const tls = await ctx().anonymous.get('/', { 'x-forwarded-proto': 'https' });
      assert.match(String(tls.headers['strict-transport-security']), /max-age=31536000/);
      const plain = await ctx().anonymous.get('/', { 'x-forwarded-proto': 'http' });
      assert.equal(plain.headers['strict-transport-security'], undefined);
    });
  },
  { cases: true, behindProxy: true },
);

test('with PUBLIC_URL https: HSTS goes out even when the TLS proxy is not in TRUST_PROXY', async () => {
  const opened = await openTestPlatform('sqlite', { demo: false });
  opened.platform.config.publicUrl = 'https://zwfw.lishu.gov.cn';
  const app = await buildApp(opened.platform);
  try {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['strict-transport-security']), /max-age=31536000/);
  } finally {
    await app.close();
    await opened.close();
  }
});
