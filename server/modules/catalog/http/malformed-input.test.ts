import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { CatalogItemInput } from '../../../../contracts/catalog.ts';
import { type Client, describeEachDb } from '../../../testing/harness.ts';
import { BIG, fieldRefused, NOT_AN_OBJECT, refused, tally } from '../../../testing/malformed-support.ts';
import { demoDepartment, sampleItem } from '../testing/test-fixtures.ts';

/**
 * The catalogue's write endpoints under malformed and concurrent input: every refusal is a 4xx with
 * a known code, a Chinese message and the field at fault, and leaves the item, its versions and its
 * audit trail as they were; ten copies of one workflow step sent at once change the item once.
 */

interface Detail {
  id: string;
  revision: number;
  status: string;
  document: CatalogItemInput;
}

describeEachDb(
  'malformed and concurrent input to the catalogue',
  (ctx) => {
    let editor: Client;
    let admin: Client;
    let market: { id: string; creditCode: string };
    let serial = 0;
    before(async () => {
      editor = await ctx().as('catalog');
      admin = await ctx().as('admin');
      market = await demoDepartment(ctx().platform.db, '梨树县市场监督管理局');
    });
    const documentOf = (over: Partial<CatalogItemInput> = {}) => {
      serial++;
      return sampleItem(market, {
        implementationCode: `${market.creditCode}10999${String(serial).padStart(5, '0')}`,
        ...over,
      });
    };
    const create = async (): Promise<Detail> => {
      const res = await editor.post('/api/catalog/items', { document: documentOf() });
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    /** The item as its editor sees it, its versions and its audit rows. */
    const snapshot = async (id: string) => {
      const detail = await editor.get(`/api/catalog/items/${id}`);
      const versions = await editor.get(`/api/catalog/items/${id}/versions`);
      const audit = await admin.get(`/api/audit?entityType=catalog_item&entityId=${id}&pageSize=1`);
      return { detail: detail.json(), versions: versions.json(), audited: audit.json().total as number };
    };
    const itemCount = async () => (await editor.get('/api/console/catalog/items?pageSize=1')).json().total;

    test('bodies that are not a JSON object are refused on every write endpoint, changing nothing', async () => {
      const item = await create();
      const before = await snapshot(item.id);
      const count = await itemCount();
      const writes: [string, string][] = [
        ['POST', '/api/catalog/items'],
        ['PUT', `/api/catalog/items/${item.id}/draft`],
        ...['submit', 'approve', 'retire', 'new-version', 'reject'].map((step): [string, string] => [
          'POST',
          `/api/catalog/items/${item.id}/${step}`,
        ]),
      ];
      for (const [method, url] of writes) {
        for (const [what, payload, type] of NOT_AN_OBJECT) {
          const res = await editor.inject({
            method: method as 'POST',
            url,
            payload,
            headers: { 'content-type': type },
          });
          const error = refused(res);
          assert.ok(['VALIDATION_FAILED', 'UNSUPPORTED_MEDIA_TYPE'].includes(error.code), `${url} ${what}`);
        }
      }
      assert.deepEqual(await snapshot(item.id), before);
      assert.equal(await itemCount(), count, 'no item was created');
    });

    test('each corrupted field of an item is named, and neither a new item nor a draft change is kept', async () => {
      const item = await create();
      const before = await snapshot(item.id);
      const count = await itemCount();
      const good = documentOf();
      const corrupt: [string, Record<string, unknown>, string][] = [
        ['a name of 100,000 characters', { name: BIG }, 'name'],
        ['a name with a NUL', { name: '食品\u0000经营' }, 'name'],
        ['a name with an escape sequence', { name: '食品\u001b[2J经营' }, 'name'],
        ['a name with a bidi override', { name: '\u202e营经品食' }, 'name'],
        ['a name with a broken surrogate', { name: '食品\ud800' }, 'name'],
        ['a name that is a number', { name: 42 }, 'name'],
        ['a blank name', { name: '   ' }, 'name'],
        ['an implementation code with a NUL', { implementationCode: 'AB\u0000C' }, 'implementationCode'],
        ['a department that is a NUL', { departmentId: '\u0000' }, 'departmentId'],
        [
          'a negative promised limit',
          { promisedLimit: { value: -1, unit: 'working_day', note: '' } },
          'promisedLimit.value',
        ],
        [
          'a fractional promised limit',
          { promisedLimit: { value: 1.5, unit: 'working_day', note: '' } },
          'promisedLimit.value',
        ],
        [
          'a huge legal limit',
          { legalLimit: { value: 1e308, unit: 'working_day', note: '' } },
          'legalLimit.value',
        ],
        [
          'a limit given as a string',
          { legalLimit: { value: '20', unit: 'working_day', note: '' } },
          'legalLimit.value',
        ],
        [
          'an unknown limit unit',
          { legalLimit: { value: 20, unit: 'fortnight', note: '' } },
          'legalLimit.unit',
        ],
        ['no conditions', { conditions: [] }, 'conditions'],
        ['101 materials', { materials: Array(101).fill(good.materials?.[0]) }, 'materials'],
        [
          'a credit code with a wrong check character',
          {
            implementingBody: {
              ...good.implementingBody,
              creditCode: `${market.creditCode.slice(0, 17)}${market.creditCode.endsWith('1') ? '2' : '1'}`,
            },
          },
          'implementingBody.creditCode',
        ],
        ['visits as a string', { visits: '1' }, 'visits'],
      ];
      for (const [what, over, field] of corrupt) {
        const document = { ...good, ...over };
        const path = `body.document.${field}`;
        fieldRefused(await editor.post('/api/catalog/items', { document }), path, {
          what: `create with ${what}`,
        });
        const draft = { document, expectedRevision: item.revision };
        fieldRefused(await editor.put(`/api/catalog/items/${item.id}/draft`, draft), path, {
          what: `draft with ${what}`,
        });
      }
      for (const expectedRevision of [-1, 0, 1.5, '1', null, undefined]) {
        const res = await editor.put(`/api/catalog/items/${item.id}/draft`, {
          document: good,
          expectedRevision,
        });
        fieldRefused(res, 'body.expectedRevision', { what: `revision ${String(expectedRevision)}` });
        fieldRefused(
          await editor.post(`/api/catalog/items/${item.id}/submit`, { expectedRevision }),
          'body.expectedRevision',
        );
      }
      // Every change of an item names the revision it was decided on: none named is a 400.
      for (const step of ['submit', 'approve', 'retire', 'new-version']) {
        fieldRefused(
          await editor.post(`/api/catalog/items/${item.id}/${step}`, {}),
          'body.expectedRevision',
          {
            what: step,
          },
        );
      }
      fieldRefused(
        await editor.post(`/api/catalog/items/${item.id}/reject`, { note: '退回' }),
        'body.expectedRevision',
      );
      const stale = {
        document: { ...item.document, name: '过期的修改' },
        expectedRevision: item.revision + 1,
      };
      const moved = refused(
        await editor.put(`/api/catalog/items/${item.id}/draft`, stale),
        'CATALOG_STALE_VERSION',
      );
      assert.deepEqual(moved.details, { expected: item.revision + 1, current: item.revision });
      refused(
        await editor.post(`/api/catalog/items/${item.id}/submit`, { expectedRevision: item.revision + 1 }),
        'CATALOG_STALE_VERSION',
      );
      fieldRefused(await editor.post(`/api/catalog/items/${item.id}/reject`, { note: BIG }), 'body.note');
      fieldRefused(
        await editor.post(`/api/catalog/items/${item.id}/approve`, { note: 'a\u0000' }),
        'body.note',
      );
      assert.deepEqual(
        await snapshot(item.id),
        before,
        'the item, its versions and audit trail are unchanged',
      );
      assert.equal(await itemCount(), count, 'no item was created');
    });

    test('bad ids are named, unknown ones are 404, bad filters are named', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      for (const id of [unknown, 'not-a-uuid']) {
        refused(await editor.get(`/api/catalog/items/${id}`), 'CATALOG_ITEM_NOT_FOUND');
        refused(
          await editor.post(`/api/catalog/items/${id}/submit`, { expectedRevision: 1 }),
          'CATALOG_ITEM_NOT_FOUND',
        );
        refused(
          await editor.put(`/api/catalog/items/${id}/draft`, { document: documentOf(), expectedRevision: 1 }),
          'CATALOG_ITEM_NOT_FOUND',
        );
      }
      for (const id of ['%00', 'a%00b', 'x'.repeat(65), '%E2%80%AEx']) {
        fieldRefused(await editor.get(`/api/catalog/items/${id}`), 'params.id');
        fieldRefused(await editor.post(`/api/catalog/items/${id}/approve`, {}), 'params.id');
      }
      for (const [query, path] of [
        ['q=%00', 'querystring.q'],
        [`q=${'食'.repeat(51)}`, 'querystring.q'],
        ['department=%00', 'querystring.department'],
        ['page=0', 'querystring.page'],
        ['pageSize=1000', 'querystring.pageSize'],
        ['type=zz', 'querystring.type'],
      ]) {
        fieldRefused(await ctx().anonymous.get(`/api/catalog/items?${query}`), path as string);
        fieldRefused(await editor.get(`/api/console/catalog/items?${query}`), path as string);
      }
    });

    test('ten copies of each workflow step at once change the item once; ten creations of one code make one item', async () => {
      const item = await create();
      let revision = item.revision;
      const tenTimes = async (send: () => Promise<{ statusCode: number }>, step: string) => {
        const before = await snapshot(item.id);
        const all = await Promise.all(Array.from({ length: 10 }, send));
        const counts = tally(all as Parameters<typeof tally>[0]);
        assert.equal(counts[200], 1, `${step}: exactly one succeeds ${JSON.stringify(counts)}`);
        for (const r of all.filter((x) => x.statusCode !== 200)) {
          const error = refused(r as Parameters<typeof refused>[0]);
          assert.ok(
            ['CATALOG_STALE_VERSION', 'CATALOG_ACTION_NOT_ALLOWED'].includes(error.code),
            `${step}: ${error.code}`,
          );
        }
        const after = await snapshot(item.id);
        assert.equal(after.audited, before.audited + 1, `${step}: one audit row`);
        revision = after.detail.revision;
      };
      await tenTimes(
        () =>
          editor.put(`/api/catalog/items/${item.id}/draft`, {
            document: { ...item.document, name: '并发修改' },
            expectedRevision: revision,
          }),
        'save',
      );
      await tenTimes(
        () => editor.post(`/api/catalog/items/${item.id}/submit`, { expectedRevision: revision }),
        'submit',
      );
      await tenTimes(
        () => editor.post(`/api/catalog/items/${item.id}/approve`, { expectedRevision: revision }),
        'approve',
      );
      await tenTimes(
        () => editor.post(`/api/catalog/items/${item.id}/new-version`, { expectedRevision: revision }),
        'revise',
      );
      const versions = (await editor.get(`/api/catalog/items/${item.id}/versions`)).json().items;
      assert.equal(versions.length, 2, 'one published version and one draft');

      const document = documentOf();
      const creations = await Promise.all(
        Array.from({ length: 10 }, () => editor.post('/api/catalog/items', { document })),
      );
      assert.deepEqual(tally(creations), { 200: 1, '409 CATALOG_IMPLEMENTATION_CODE_TAKEN': 9 });
      for (const r of creations.filter((x) => x.statusCode === 409)) {
        fieldRefused(r, 'body.document.implementationCode', { code: 'CATALOG_IMPLEMENTATION_CODE_TAKEN' });
      }
    });

    test('an import that is not a multipart .xlsx upload is refused clearly and imports nothing', async () => {
      const count = await itemCount();
      const part = (name: string, data: string, file = true) =>
        `--b1\r\nContent-Disposition: form-data; name="${name}"${file ? '; filename="a.xlsx"' : ''}\r\n\r\n${data}\r\n`;
      for (const [what, payload, type] of [
        ['a JSON body', '{"file":"x"}', 'application/json'],
        ['multipart without a boundary', 'x', 'multipart/form-data'],
        ['multipart cut short', '--b1\r\nContent-Disposition: form-da', 'multipart/form-data; boundary=b1'],
        [
          'no file part',
          `${part('mode', 'valid-only', false)}--b1--\r\n`,
          'multipart/form-data; boundary=b1',
        ],
        ['a text file named .xlsx', `${part('file', 'hello')}--b1--\r\n`, 'multipart/form-data; boundary=b1'],
        [
          'an unknown mode',
          `${part('mode', 'zzz', false)}${part('file', 'x')}--b1--\r\n`,
          'multipart/form-data; boundary=b1',
        ],
      ]) {
        const res = await editor.inject({
          method: 'POST',
          url: '/api/catalog/import',
          payload,
          headers: { 'content-type': type as string },
        });
        assert.ok(refused(res).code, what);
      }
      assert.equal(await itemCount(), count, 'nothing imported');
    });

    test('without the CSRF token a change is refused; English on request', async () => {
      const item = await create();
      const before = await snapshot(item.id);
      const res = await editor.inject({
        method: 'POST',
        url: `/api/catalog/items/${item.id}/submit`,
        payload: {},
        headers: { 'x-csrf-token': 'forged' },
      });
      refused(res, 'AUTH_CSRF_INVALID');
      assert.deepEqual(await snapshot(item.id), before);
      const en = await editor.post(
        `/api/catalog/items/${item.id}/submit`,
        { expectedRevision: -1 },
        { 'accept-language': 'en-US' },
      );
      fieldRefused(en, 'body.expectedRevision', { english: true });
    });
  },
  { catalog: true },
);
