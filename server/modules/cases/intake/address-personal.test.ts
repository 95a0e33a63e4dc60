import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { sql } from 'kysely';
import type { Platform } from '../../../platform/context.ts';
import { describeEachDb } from '../../../testing/harness.ts';
import { expectError, ok } from '../../../testing/http-support.ts';
import { type CountyDesk, intakeAtA01, person, setUpCountyDesk } from '../testing/http-test-support.ts';
import { insertTestItem, testMaterial } from '../testing/test-items.ts';

/** Every row of every table, as text: what someone holding the database (or a backup of it) reads. */
async function everyRowAsText(platform: Platform, dialect: string): Promise<string> {
  const db = platform.db;
  const tables =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)
      : await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(
          db,
        );
  const texts: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    texts.push(JSON.stringify(rows.rows));
  }
  return texts.join('\n');
}

const HOME = '吉林省四平市梨树县梨树镇胜利街道北二委12组';
const SHOP = '吉林省四平市梨树县郭家店镇繁荣路88号';

describeEachDb(
  'addresses are personal data: masked in reads, encrypted at rest, read in full only audited',
  (ctx) => {
    let desk: CountyDesk;
    let itemId: string;
    before(async () => {
      desk = await setUpCountyDesk(ctx());
      itemId = await insertTestItem(ctx().platform, {
        name: '食品经营许可（地址）',
        departmentCode: '220322D01',
        materials: [testMaterial('m1', '申请书'), testMaterial('m2', '身份证明')],
        formFields: [
          { key: 'applicantAddress', label: '现住址', kind: 'address', required: true, options: [] },
          { key: 'shopPlace', label: '经营场所', kind: 'address', required: true, options: [] },
          { key: 'shopName', label: '字号名称', kind: 'text', required: true, options: [] },
        ],
      });
    });

    test('a role refused the personal read sees only the mask; the clear address is in no answer and no row', async () => {
      const clerk = await ctx().as('clerk');
      const c = ok<{ id: string; form: Record<string, string> }>(
        await clerk.post(
          '/api/cases',
          intakeAtA01(desk, person(41), {
            applicant: { ...person(41), address: HOME },
            itemId,
            form: { applicantAddress: HOME, shopPlace: SHOP, shopName: '梨树老张烧烤' },
          }),
        ),
      );
      // The clerk's own answer already shows the mask.
      assert.equal(c.form.applicantAddress, '吉林省四平市梨树县梨树镇****');
      assert.equal(c.form.shopPlace, '吉林省四平市梨树县郭家店镇****');
      assert.equal(c.form.shopName, '梨树老张烧烤', 'other fields as typed');

      const supervisor = await ctx().as('supervisor');
      expectError(await supervisor.post(`/api/cases/${c.id}/personal`, {}), 403, 'ACCESS_DENIED');
      const page = await supervisor.get(`/api/cases/${c.id}`);
      assert.equal(page.statusCode, 200, page.body);
      assert.equal(page.json().form.applicantAddress, '吉林省四平市梨树县梨树镇****');
      const list = await supervisor.get(`/api/cases?number=${page.json().number}`);
      for (const body of [page.body, list.body]) {
        assert.ok(!body.includes('北二委12组') && !body.includes('繁荣路88号'), body);
      }
      const stored = await everyRowAsText(ctx().platform, ctx().dialect);
      assert.ok(stored.includes('郭家店镇****'), 'the mask is stored');
      assert.ok(!stored.includes('北二委12组'), 'no clear home address in any row');
      assert.ok(!stored.includes('繁荣路88号'), 'no clear shop address in any row');
    });

    test('the personal read returns every address in full and its audit row names the fields read', async () => {
      const clerk = await ctx().as('clerk');
      const c = ok<{ id: string }>(
        await clerk.post(
          '/api/cases',
          intakeAtA01(desk, person(42), {
            applicant: { ...person(42), address: HOME },
            itemId,
            form: { applicantAddress: HOME, shopPlace: SHOP, shopName: '梨树小李面馆' },
          }),
        ),
      );
      const handler = await ctx().as('scjg_handler');
      const full = ok<{ applicantAddress: string; form: Record<string, string> }>(
        await handler.post(`/api/cases/${c.id}/personal`, {}),
      );
      assert.equal(full.applicantAddress, HOME);
      assert.equal(full.form.applicantAddress, HOME);
      assert.equal(full.form.shopPlace, SHOP);
      const read = await ctx()
        .platform.db.selectFrom('audit_log')
        .select(['actor_name', 'detail'])
        .where('entity_id', '=', c.id)
        .where('action', '=', 'case.readPersonal')
        .execute();
      assert.equal(read.length, 1);
      assert.equal(read[0]?.actor_name, '陈志强');
      const detail = JSON.parse(read[0]?.detail ?? '{}') as { fields: string[] };
      assert.ok(
        detail.fields.includes('shopPlace') && detail.fields.includes('applicantAddress'),
        read[0]?.detail,
      );
      assert.ok(!read[0]?.detail.includes('繁荣路'), 'the audit row names fields, not values');
    });
  },
);
