import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { openTestPlatform } from '../../testing/harness.ts';
import { forbiddenKey, MAX_DEPTH } from './json-body.ts';

/**
 * Bodies nested deeper than any request of the house are refused with a clear 400 before anything
 * walks them, and a failure of the server is logged with its request id even when requests are not.
 */
let app: FastifyInstance;
const lines: string[] = [];
let close: () => Promise<void>;
before(async () => {
  const opened = await openTestPlatform('sqlite', { demo: false });
  app = await buildApp(opened.platform, { logStream: { write: (line) => lines.push(line) } });
  app.get('/api/test-only/fail', async () => {
    throw new Error('something broke inside');
  });
  close = async () => {
    await app.close();
    await opened.close();
  };
});
after(() => close());

const nested = (depth: number, inner: string) => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;

test('bodies nested 10,000 and 100,000 deep are a 400 on anonymous and public operations, never a 500', async () => {
  for (const depth of [10_000, 100_000]) {
    for (const inner of ['1', '"\\u0041"', '{"__proto__":1}']) {
      for (const url of ['/api/auth/login', '/api/org/units', '/api/cases']) {
        const res = await app.inject({
          method: 'POST',
          url,
          payload: `{"a":${nested(depth, inner)}}`,
          headers: { 'content-type': 'application/json' },
        });
        assert.equal(res.statusCode, 400, `${url} depth ${depth}: ${res.body.slice(0, 200)}`);
        const { error } = res.json();
        assert.equal(error.code, 'VALIDATION_FAILED');
        assert.match(error.details.fields[0].message, /嵌套过深（最多 64 层）/);
      }
    }
  }
  const en = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: nested(1000, '1'),
    headers: { 'content-type': 'application/json', 'accept-language': 'en' },
  });
  assert.match(en.json().error.details.fields[0].message, /nested too deeply \(at most 64 levels\)/);
});

test('a body at the limit still passes the parser, brackets inside strings do not count', async () => {
  const atLimit = `{"username":"a","password":"b","x":${nested(MAX_DEPTH - 1, '1')}}`;
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: atLimit,
    headers: { 'content-type': 'application/json' },
  });
  assert.doesNotMatch(res.body, /嵌套过深/);
  const inString = JSON.stringify({ username: '['.repeat(500), password: '{'.repeat(500) });
  const res2 = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: inString,
    headers: { 'content-type': 'application/json' },
  });
  assert.doesNotMatch(res2.body, /嵌套过深/);
});

test('the prototype-key walk uses its own stack: a value nested 200,000 deep is walked without overflow', () => {
  let value: unknown = JSON.parse('{"constructor":{"prototype":1}}');
  for (let i = 0; i < 200_000; i++) value = { a: value };
  assert.match(String(forbiddenKey(value)), /^body(\.a)+\.constructor\.prototype$/);
});

test('a 5xx is logged with its request id, method and path, not its query, while requests are not logged', async () => {
  lines.length = 0;
  const ok = await app.inject({ method: 'GET', url: '/healthz' });
  assert.equal(ok.statusCode, 200);
  assert.equal(lines.length, 0, 'a successful request writes no log line');
  const res = await app.inject({ method: 'GET', url: '/api/test-only/fail?idNumber=220322198503120011' });
  assert.equal(res.statusCode, 500);
  assert.equal(res.json().error.code, 'INTERNAL_ERROR');
  assert.doesNotMatch(res.body, /something broke/, 'no internals in the answer');
  assert.equal(lines.length, 1, lines.join('\n'));
  const entry = JSON.parse(lines[0] ?? '{}');
  assert.ok(entry.reqId, 'the request id');
  assert.equal(entry.method, 'GET');
  assert.equal(entry.path, '/api/test-only/fail');
  assert.match(entry.err.message, /something broke inside/);
  assert.doesNotMatch(lines[0] ?? '', /220322198503120011/, 'the query is not logged');
});
