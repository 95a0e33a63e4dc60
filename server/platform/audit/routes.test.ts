import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shanghaiDay } from '../../../contracts/shanghai-date.ts';
import { describeEachDb } from '../../testing/harness.ts';

interface Item {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  detail: Record<string, unknown>;
}

describeEachDb('audit log read API', (ctx) => {
  test('an administrator reads the log newest first, filtered and paged', async () => {
    const { anonymous } = ctx();
    for (let i = 0; i < 2; i++) {
      await anonymous.post('/api/auth/login', { username: 'admin', password: 'wrong' });
    }
    const admin = await ctx().as('admin');
    const res = await admin.get('/api/audit');
    assert.equal(res.statusCode, 200, res.body);
    const all: { items: Item[]; total: number } = res.json();
    assert.ok(all.total >= 3);
    assert.equal(all.items.length, Math.min(all.total, 50));
    const seqs = all.items.map((i) => i.seq);
    assert.deepEqual(
      seqs,
      [...seqs].sort((a, b) => b - a),
      'newest first',
    );
    const newest = all.items[0];
    assert.equal(newest?.action, 'auth.login');
    assert.equal(newest?.actorName, 'admin');
    assert.equal(newest?.entityType, 'account');
    assert.equal(typeof newest?.detail, 'object');

    const failed = (await admin.get('/api/audit?action=auth.loginFailed')).json();
    assert.equal(failed.total, 2);
    assert.ok(failed.items.every((i: Item) => i.action === 'auth.loginFailed'));
    assert.deepEqual(
      failed.items.map((i: Item) => i.detail.failures),
      [2, 1],
    );

    const byEntity = (await admin.get(`/api/audit?entityType=account&entityId=${newest?.entityId}`)).json();
    const ofThatAccount = all.items.filter(
      (i) => i.entityType === 'account' && i.entityId === newest?.entityId,
    );
    assert.ok(ofThatAccount.length >= 3);
    assert.equal(byEntity.total, ofThatAccount.length);
    const byActor = (await admin.get('/api/audit?actorId=nobody')).json();
    assert.deepEqual(byActor, { items: [], total: 0 });

    const page2 = (await admin.get('/api/audit?pageSize=1&page=2')).json();
    assert.equal(page2.total, all.total);
    assert.deepEqual(
      page2.items.map((i: Item) => i.seq),
      [seqs[1]],
    );
  });

  test('dates filter by Asia/Shanghai day; instants by time', async () => {
    const admin = await ctx().as('admin');
    const today = shanghaiDay(new Date());
    const total = (await admin.get('/api/audit')).json().total;
    assert.equal((await admin.get(`/api/audit?from=${today}&to=${today}`)).json().total, total);
    assert.equal((await admin.get('/api/audit?to=2000-01-01')).json().total, 0);
    assert.equal((await admin.get('/api/audit?from=2999-01-01T00:00:00Z')).json().total, 0);
  });

  test('bad filters are a 400 naming the field', async () => {
    const admin = await ctx().as('admin');
    for (const [query, field] of [
      ['pageSize=201', 'querystring.pageSize'],
      ['page=0', 'querystring.page'],
      ['from=yesterday', 'querystring.from'],
      ['to=2026-02-30', 'querystring.to'],
    ] as const) {
      const res = await admin.get(`/api/audit?${query}`);
      assert.equal(res.statusCode, 400, query);
      const fields = res.json().error.details.fields.map((f: { path: string }) => f.path);
      assert.ok(fields.includes(field), `${query}: ${fields.join()}`);
    }
    const bad = (await admin.get('/api/audit?from=yesterday')).json();
    assert.match(bad.error.details.fields[0].message, /应为日期 YYYY-MM-DD/);
  });

  test('without a session the log and its check are refused with 401', async () => {
    for (const url of ['/api/audit', '/api/audit/verify']) {
      const res = await ctx().anonymous.get(url);
      assert.equal(res.statusCode, 401, url);
      assert.equal(res.json().error.code, 'AUTH_REQUIRED');
    }
  });

  test('the chain check answers intact with the row count', async () => {
    const admin = await ctx().as('admin');
    const total = (await admin.get('/api/audit')).json().total;
    const res = await admin.get('/api/audit/verify');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), {
      ok: true,
      rows: total,
      problems: [],
      checkpoints: { checked: 0, latest: null },
    });
  });
});
