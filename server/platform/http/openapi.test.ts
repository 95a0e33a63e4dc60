import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { openTestPlatform } from '../../testing/harness.ts';

// The API document does not depend on the database, so one SQLite platform is enough here.
let app: FastifyInstance;
let close: () => Promise<void>;
before(async () => {
  const opened = await openTestPlatform('sqlite', { demo: false });
  app = await buildApp(opened.platform);
  close = async () => {
    await app.close();
    await opened.close();
  };
});
after(() => close());

interface OpenApiDoc {
  paths: Record<string, Record<string, { operationId?: string }>>;
}

test('the OpenAPI document is valid OpenAPI 3 by an independent validator', async () => {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  assert.equal(res.statusCode, 200);
  const validator = new Validator();
  const result = await validator.validate(res.json());
  assert.equal(result.valid, true, JSON.stringify(result.errors, null, 1)?.slice(0, 2000));
});

test('every operation has a unique operationId, and the documented ones exist', async () => {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApiDoc;
  const ids: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      assert.ok(op.operationId, `${method.toUpperCase()} ${path} has no operationId`);
      ids.push(op.operationId);
    }
  }
  assert.equal(new Set(ids).size, ids.length, 'operationIds are unique');
  for (const expected of ['login', 'getMe', 'getHealth', 'listOrgUnits'])
    assert.ok(ids.includes(expected), expected);
  assert.ok(
    ids.some((id) => id.includes('Staff')),
    'staff are listed by an operation whose id contains Staff',
  );
});

test('the docs page is served', async () => {
  const res = await app.inject({ method: 'GET', url: '/api/docs/' });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /swagger/i);
});

test('health answers with the database checked, readiness after migrations', async () => {
  const health = await app.inject({ method: 'GET', url: '/healthz' });
  assert.equal(health.statusCode, 200);
  assert.deepEqual(health.json(), { status: 'ok', database: 'sqlite' });
  const ready = await app.inject({ method: 'GET', url: '/readyz' });
  assert.equal(ready.statusCode, 200);
});
