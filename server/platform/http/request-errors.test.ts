import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { openTestPlatform } from '../../testing/harness.ts';

/**
 * Requests the router or the body parser refuses before any route runs still get the one error
 * body (code, message, the field at fault) in the asker's language, saying what was wrong.
 */
describe('requests refused before any route runs', () => {
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

  const fieldMessage = (body: string): string => JSON.parse(body).error.details.fields[0].message;

  test('valid JSON with __proto__ or constructor.prototype is refused naming the key, not as broken JSON', async () => {
    for (const [payload, key] of [
      ['{"username":"x","password":"y","__proto__":{"admin":true}}', 'body.__proto__'],
      [
        '{"username":"x","password":"y","a":[{"constructor":{"prototype":{}}}]}',
        'body.a.0.constructor.prototype',
      ],
    ] as const) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, 'VALIDATION_FAILED');
      assert.equal(fieldMessage(res.body), `请求内容含有不允许的键 ${key}`);
    }
    const broken = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json', 'accept-language': 'en-US' },
      payload: '{"username":',
    });
    assert.equal(fieldMessage(broken.body), 'The body is not valid JSON');
    const empty = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    assert.equal(fieldMessage(empty.body), '请求内容为空，应为 JSON');
  });

  test('an over-long or badly escaped address parameter gets the error body in Chinese or English', async () => {
    for (const url of [`/api/catalog/items/${'a'.repeat(300)}`, '/api/catalog/items/%E0%A4%A']) {
      const zh = await app.inject({ method: 'GET', url });
      assert.equal(zh.statusCode, 400);
      assert.equal(zh.json().error.code, 'VALIDATION_FAILED');
      assert.equal(fieldMessage(zh.body), '请求地址无效（参数过长或编码有误）');
      assert.ok(!zh.body.includes('aaaa'), 'the address is not echoed');
      const en = await app.inject({ method: 'GET', url, headers: { 'accept-language': 'en' } });
      assert.match(fieldMessage(en.body), /^The address is invalid/);
    }
  });

  test('a number that is NaN or infinite is named as such, not as "a number"', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/catalog/items?page=NaN' });
    assert.equal(res.statusCode, 400);
    assert.equal(fieldMessage(res.body), '应为数字，收到的是非数字（NaN）');
    const en = await app.inject({
      method: 'GET',
      url: '/api/catalog/items?page=NaN',
      headers: { 'accept-language': 'en' },
    });
    assert.match(fieldMessage(en.body), /NaN/);
  });
});
