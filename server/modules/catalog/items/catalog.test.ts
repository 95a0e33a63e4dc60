import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDb } from '../../../testing/harness.ts';
import { getPublishedVersion, getVersion } from '../index.ts';
import { demoDepartment, sampleItem } from '../testing/test-fixtures.ts';

const MARKET = '梨树县市场监督管理局';
const POLICE = '梨树县公安局';

describeEachDb('catalogue workflow', (ctx) => {
  test('an administrator creates, submits and approves an item; then the public finds and reads it', async () => {
    const { platform, anonymous } = ctx();
    const market = await demoDepartment(platform.db, MARKET);
    const admin = await ctx().as('catalog');
    const document = sampleItem(market, {
      name: '流动食品摊贩信息登记',
      implementationCode: `${market.creditCode}1099901001`,
    });
    const created = await admin.post('/api/catalog/items', { document });
    assert.equal(created.statusCode, 200, created.body);
    const item = created.json();
    assert.equal(item.status, 'draft');
    assert.equal(item.versionNumber, 1);
    assert.deepEqual(item.allowedActions, ['edit', 'submit']);

    assert.equal(
      (await anonymous.get(`/api/catalog/items/${item.id}`)).statusCode,
      404,
      'a draft is not public',
    );
    const hidden = await anonymous.get(`/api/catalog/items?q=${encodeURIComponent('流动食品摊贩信息登记')}`);
    assert.equal(hidden.json().total, 0);

    const submitted = await admin.post(`/api/catalog/items/${item.id}/submit`, {
      expectedRevision: item.revision,
    });
    assert.equal(submitted.json().status, 'in_review');
    assert.equal(item.revision, 1, 'a new item starts at revision 1');
    assert.equal(submitted.json().revision, 2, 'every change moves it by one');
    assert.deepEqual(submitted.json().allowedActions, ['approve', 'reject']);
    const approved = await admin.post(`/api/catalog/items/${item.id}/approve`, {
      expectedRevision: submitted.json().revision,
    });
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal(approved.json().status, 'published');

    const guide = await anonymous.get(`/api/catalog/items/${item.id}`);
    assert.equal(guide.statusCode, 200);
    assert.equal(guide.json().document.name, '流动食品摊贩信息登记');
    assert.equal(guide.json().document.situations[0].question, '是否委托他人办理？');
    assert.deepEqual(guide.json().allowedActions, []);
    const found = await anonymous.get(`/api/catalog/items?q=${encodeURIComponent('流动食品摊贩信息登记')}`);
    assert.equal(found.json().items[0].id, item.id);

    const audit = await platform.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', item.id)
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['catalog.create', 'catalog.submit', 'catalog.publish'],
    );
  });

  test('editing a published item makes a new version; cases keep reading the old one by id', async () => {
    const { platform, anonymous } = ctx();
    const market = await demoDepartment(platform.db, MARKET);
    const admin = await ctx().as('catalog');
    const document = sampleItem(market, {
      name: '小食杂店信息登记',
      implementationCode: `${market.creditCode}1099901002`,
    });
    const v1 = (await admin.post('/api/catalog/items', { document })).json();
    const s1 = (
      await admin.post(`/api/catalog/items/${v1.id}/submit`, { expectedRevision: v1.revision })
    ).json();
    const a1 = (
      await admin.post(`/api/catalog/items/${v1.id}/approve`, { expectedRevision: s1.revision })
    ).json();
    const accepted = await getPublishedVersion(platform.db, v1.id);
    assert.equal(accepted?.versionId, v1.versionId, 'a case accepted now records version 1');

    const v2 = (
      await admin.post(`/api/catalog/items/${v1.id}/new-version`, { expectedRevision: a1.revision })
    ).json();
    assert.equal(v2.versionNumber, 2);
    assert.equal(v2.versionStatus, 'draft');
    const revised = { ...document, promisedLimit: { value: 2, unit: 'working_day', note: '' } };
    const stale = await admin.put(`/api/catalog/items/${v1.id}/draft`, {
      document: revised,
      expectedRevision: v1.revision,
    });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.code, 'CATALOG_STALE_VERSION');
    assert.deepEqual(stale.json().error.details, { expected: v1.revision, current: v2.revision });
    const saved = await admin.put(`/api/catalog/items/${v1.id}/draft`, {
      document: revised,
      expectedRevision: v2.revision,
    });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(
      (await anonymous.get(`/api/catalog/items/${v1.id}`)).json().document.promisedLimit.value,
      5,
      'the public still sees version 1 while version 2 is a draft',
    );
    const s2 = (
      await admin.post(`/api/catalog/items/${v1.id}/submit`, { expectedRevision: saved.json().revision })
    ).json();
    const a2 = (
      await admin.post(`/api/catalog/items/${v1.id}/approve`, { expectedRevision: s2.revision })
    ).json();

    const now = (await anonymous.get(`/api/catalog/items/${v1.id}`)).json();
    assert.equal(now.versionNumber, 2);
    assert.equal(now.document.promisedLimit.value, 2);
    const old = await admin.get(`/api/catalog/items/${v1.id}?version=${v1.versionId}`);
    assert.equal(old.json().versionStatus, 'superseded');
    assert.equal(old.json().document.promisedLimit.value, 5);
    assert.equal(
      (await anonymous.get(`/api/catalog/items/${v1.id}?version=${v1.versionId}`)).statusCode,
      401,
    );
    assert.equal((await getVersion(platform.db, v1.versionId))?.document.promisedLimit.value, 5);

    const history = (await admin.get(`/api/catalog/items/${v1.id}/versions`)).json();
    assert.deepEqual(
      history.items.map((v: { number: number; status: string }) => [v.number, v.status]),
      [
        [2, 'published'],
        [1, 'superseded'],
      ],
    );

    const retired = await admin.post(`/api/catalog/items/${v1.id}/retire`, {
      note: '事项取消',
      expectedRevision: a2.revision,
    });
    assert.equal(retired.json().status, 'retired');
    assert.equal((await anonymous.get(`/api/catalog/items/${v1.id}`)).statusCode, 404);
    assert.equal(await getPublishedVersion(platform.db, v1.id), null);
    assert.equal(
      (await getVersion(platform.db, v1.versionId))?.versionId,
      v1.versionId,
      'still readable by id',
    );
  });

  test('department staff propose for their own department only, and cannot publish', async () => {
    const { platform } = ctx();
    const market = await demoDepartment(platform.db, MARKET);
    const police = await demoDepartment(platform.db, POLICE);
    const handler = await ctx().as('scjg_handler');
    const own = await handler.post('/api/catalog/items', {
      document: sampleItem(market, {
        name: '食品摊贩信息变更',
        implementationCode: `${market.creditCode}1099901003`,
      }),
    });
    assert.equal(own.statusCode, 200, own.body);
    const other = await handler.post('/api/catalog/items', {
      document: sampleItem(police, {
        name: '犬只登记',
        implementationCode: `${police.creditCode}1099901004`,
      }),
    });
    assert.equal(other.statusCode, 403);
    assert.equal(other.json().error.code, 'ACCESS_OUT_OF_SCOPE');

    const submitted = await handler.post(`/api/catalog/items/${own.json().id}/submit`, {
      expectedRevision: own.json().revision,
    });
    assert.equal(submitted.statusCode, 200);
    assert.deepEqual(submitted.json().allowedActions, [], 'a handler may not approve');
    const approve = await handler.post(`/api/catalog/items/${own.json().id}/approve`, {
      expectedRevision: submitted.json().revision,
    });
    assert.equal(approve.statusCode, 403);
    assert.equal(approve.json().error.code, 'ACCESS_DENIED');

    const list = await handler.get(`/api/console/catalog/items?q=${encodeURIComponent('居民身份证换领')}`);
    const policeItem = list.json().items[0];
    assert.equal(policeItem.departmentName, POLICE);
    assert.deepEqual(policeItem.allowedActions, []);
    const revise = await handler.post(`/api/catalog/items/${policeItem.id}/new-version`, {
      expectedRevision: policeItem.revision,
    });
    assert.equal(revise.statusCode, 403);
    const mine = await handler.get(
      `/api/console/catalog/items?q=${encodeURIComponent('个体工商户变更登记')}`,
    );
    assert.deepEqual(mine.json().items[0].allowedActions, ['newVersion']);
  });

  test('bad input is refused with the field at fault named', async () => {
    const { platform } = ctx();
    const market = await demoDepartment(platform.db, MARKET);
    const admin = await ctx().as('catalog');
    const code = `${market.creditCode}1099901005`;
    const refused = async (overrides: Parameters<typeof sampleItem>[1], path: string, message: RegExp) => {
      const res = await admin.post('/api/catalog/items', {
        document: sampleItem(market, { implementationCode: code, ...overrides }),
      });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.code, 'VALIDATION_FAILED');
      const field = res.json().error.details.fields.find((f: { path: string }) => f.path === path);
      assert.ok(field, `${path} in ${res.body}`);
      assert.match(field.message, message);
    };
    await refused({ type: 'xx' as never }, 'body.document.type', /事项类型代码无效/);
    await refused({ name: '' }, 'body.document.name', /事项名称不能为空/);
    await refused(
      { promisedLimit: { value: 30, unit: 'working_day' } },
      'body.document.promisedLimit.value',
      /不得长于法定办结时限/,
    );
    await refused(
      {
        implementingBody: {
          name: MARKET,
          creditCode: `${market.creditCode.slice(0, 17)}${market.creditCode.endsWith('0') ? '1' : '0'}`,
          nature: '1',
        },
      },
      'body.document.implementingBody.creditCode',
      /校验位错误/,
    );

    const taken = await admin.post('/api/catalog/items', {
      document: sampleItem(market, { implementationCode: code.replace(/1005$/, '1099') }),
    });
    assert.equal(taken.statusCode, 200);
    const duplicate = await admin.post('/api/catalog/items', {
      document: sampleItem(market, { name: '另一个事项', implementationCode: code.replace(/1005$/, '1099') }),
    });
    assert.equal(duplicate.statusCode, 409);
    assert.equal(duplicate.json().error.code, 'CATALOG_IMPLEMENTATION_CODE_TAKEN');
    assert.equal(duplicate.json().error.details.fields[0].path, 'body.document.implementationCode');
    assert.match(duplicate.json().error.details.fields[0].message, /已被事项“测试食品摊贩备案”使用/);
  });

  test('the console lists every status with the actor’s actions; the review queue holds the demo revision', async () => {
    const admin = await ctx().as('catalog');
    const queue = await admin.get('/api/console/catalog/items?pendingReview=true');
    const names = queue.json().items.map((i: { name: string }) => i.name);
    assert.ok(names.includes('食品经营许可'), names.join());
    const food = queue.json().items.find((i: { name: string }) => i.name === '食品经营许可');
    assert.equal(food.status, 'published');
    assert.equal(food.draftStatus, 'in_review');
    assert.deepEqual(food.allowedActions, ['approve', 'reject', 'retire']);
    const reject = await admin.post(`/api/catalog/items/${food.id}/reject`, {
      note: '',
      expectedRevision: food.revision,
    });
    assert.equal(reject.statusCode, 400, 'a rejection needs a note');
    assert.equal((await ctx().anonymous.get('/api/console/catalog/items')).statusCode, 401);
  });
});
