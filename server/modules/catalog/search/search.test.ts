import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Client, describeEachDb } from '../../../testing/harness.ts';
import { demoDepartment } from '../testing/test-fixtures.ts';

type Hit = { id: string; name: string; departmentId: string; depthSummary: string; grassroots: string[] };

/** Runs a public search and returns its hits and total. */
async function search(client: Client, query: Record<string, string | number>) {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  const res = await client.get(`/api/catalog/items?${qs}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as { items: Hit[]; total: number };
}

describeEachDb('catalogue search and indicators', (ctx) => {
  test('two-character Chinese: 户口 finds the household-registration items', async () => {
    const r = await search(ctx().anonymous, { q: '户口', pageSize: 50 });
    assert.ok(r.total >= 10, `total ${r.total}`);
    const names = r.items.map((i) => i.name);
    assert.ok(names.includes('户口迁移（市外迁入）'), names.join());
    assert.ok(
      r.items.slice(0, 10).every((i) => i.name.includes('户口')),
      'name matches come first',
    );
  });

  test('营业执照, yyzz and yingyezhizhao find the business-licence items, name matches first', async () => {
    for (const q of ['营业执照', 'yyzz', 'yingyezhizhao', 'YYZZ']) {
      const r = await search(ctx().anonymous, { q });
      assert.ok(r.items[0]?.name.includes('营业执照'), `${q}: ${r.items.map((i) => i.name).join()}`);
      assert.ok(
        r.items.some((i) => i.name === '营业执照遗失补领、换发'),
        q,
      );
    }
    const chinese = await search(ctx().anonymous, { q: '营业执照', pageSize: 100 });
    assert.ok(
      chinese.items.some((i) => i.name === '个体工商户设立登记'),
      'other fields (the result 营业执照) are searched too, ranked after names',
    );
  });

  test('an exact name comes first, then names that start with it', async () => {
    const r = await search(ctx().anonymous, { q: '食品经营许可' });
    assert.equal(r.items[0]?.name, '食品经营许可');
    assert.ok(r.items[1]?.name.startsWith('食品经营许可（'), r.items[1]?.name);
    const again = await search(ctx().anonymous, { q: '食品经营许可' });
    assert.deepEqual(
      again.items.map((i) => i.id),
      r.items.map((i) => i.id),
      'the order is stable',
    );
  });

  test('filters: department, audience, type, topic, online depth, grassroots; pages', async () => {
    const { anonymous, platform } = ctx();
    const police = await demoDepartment(platform.db, '梨树县公安局');
    const byDept = await search(anonymous, { q: '户口', department: police.id, pageSize: 100 });
    assert.ok(byDept.total > 0 && byDept.items.every((i) => i.departmentId === police.id));
    const legal = await search(anonymous, { q: '社会保险登记', object: 'legal' });
    assert.ok(legal.items.some((i) => i.name === '单位参加社会保险登记'));
    const person = await search(anonymous, { q: '社会保险登记', object: 'person' });
    assert.ok(!person.items.some((i) => i.name === '单位参加社会保险登记'));
    const filing = await search(anonymous, { q: '食品', type: 'filing' });
    assert.deepEqual(
      filing.items.map((i) => i.name),
      ['仅销售预包装食品备案'],
    );
    const marriage = await search(anonymous, { topic: '婚姻登记', pageSize: 100 });
    assert.ok(marriage.items.some((i) => i.name === '内地居民结婚登记'));
    const online = await search(anonymous, { depth: 'full_online', pageSize: 100 });
    assert.ok(online.total > 0 && online.items.every((i) => i.depthSummary === 'full_online'));
    const village = await search(anonymous, { grassroots: 'village', pageSize: 100 });
    assert.ok(village.total > 0 && village.items.every((i) => i.grassroots.includes('village')));
    const p1 = await search(anonymous, { q: 'sb', pageSize: 5 });
    const p2 = await search(anonymous, { q: 'sb', pageSize: 5, page: 2 });
    assert.equal(p1.total, p2.total);
    assert.equal(new Set([...p1.items, ...p2.items].map((i) => i.id)).size, 10, 'pages do not overlap');
    const none = await search(anonymous, { q: '100%_不存在' });
    assert.equal(none.total, 0, 'LIKE wildcards in a query match themselves');
    const bad = await anonymous.get('/api/catalog/items?object=robot');
    assert.equal(bad.statusCode, 400);
  });

  test('indicators match the published demo: 1782 in hall, 1688 comprehensive (94.73%), 210 grassroots', async () => {
    const res = await ctx().anonymous.get('/api/catalog/stats');
    assert.equal(res.statusCode, 200);
    const s = res.json();
    assert.equal(s.published, 1782);
    assert.equal(s.inHall, 1782);
    assert.equal(s.comprehensive, 1688);
    assert.equal(s.comprehensiveShare, 94.73);
    assert.equal(s.grassroots, 210);
    assert.ok(s.grassrootsTownship > 0 && s.grassrootsVillage > 0);
    assert.equal(
      s.byDepartment.reduce((n: number, d: { published: number }) => n + d.published, 0),
      1782,
    );
    assert.ok(s.byDepartment.length >= 25, 'spread over the county departments');
  });
});
