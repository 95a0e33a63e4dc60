import assert from 'node:assert/strict';
import { test } from 'node:test';
import { creditCodeCheckChar, idNumberCheckChar } from '../../../../contracts/identifiers.ts';
import { type Client, describeEachDb, type TestContext } from '../../../testing/harness.ts';
import { expectError, ok } from '../../../testing/http-support.ts';
import { portalDb } from '../store/store.ts';
import { portalLogIn } from '../testing/index.ts';

interface Member {
  memberId: string;
  phoneMasked: string;
  role: 'admin' | 'staff';
  you: boolean;
}
interface Enterprise {
  enterpriseId: string;
  creditCode: string;
  name: string;
  role: 'admin' | 'staff';
  legalRepresentativeMasked: string;
  address: string;
  members: Member[];
}
interface Memberships {
  items: { enterpriseId: string; creditCode: string; name: string; role: string }[];
}

const creditCode = (first17: string) => `${first17}${creditCodeCheckChar(first17)}`;
const idNumber = (first17: string) => `${first17}${idNumberCheckChar(first17)}`;

/** A citizen logged in from its own address and verified by real name (the development stub). */
async function verifiedCitizen(
  ctx: TestContext,
  who: { phone: string; ip: string; id17: string },
): Promise<Client> {
  const client = await portalLogIn(ctx, who.phone, who.ip);
  ok(await client.post('/api/portal/me/identity', { name: '王建国', idNumber: idNumber(who.id17) }));
  return client;
}

function enterpriseBody(code: string) {
  return {
    creditCode: code,
    name: '梨树县丰收农机合作社',
    legalRepresentative: '王建国',
    address: '吉林省四平市梨树县梨树镇光明路8号',
  };
}

describeEachDb(
  'portal enterprises: registered by a verified citizen, staff added by number, membership read at every request',
  (ctx) => {
    test('an enterprise with two staff: one added before its first log-in is a member at once; roles and masked numbers', async () => {
      const admin = await verifiedCitizen(ctx(), {
        phone: '13700001001',
        ip: '10.41.0.1',
        id17: '22032219800101001',
      });
      const code = creditCode('93220322MA0000001');
      const made = ok<Enterprise>(
        await admin.post('/api/portal/enterprises', enterpriseBody(code.toLowerCase())),
      );
      assert.equal(made.creditCode, code, 'stored upper-cased');
      assert.equal(made.role, 'admin');
      assert.equal(made.legalRepresentativeMasked, '王**');
      assert.deepEqual(
        made.members.map((m) => [m.phoneMasked, m.role, m.you]),
        [['137****1001', 'admin', true]],
      );

      const early = await portalLogIn(ctx(), '13700001002', '10.41.0.2');
      assert.deepEqual(ok<Memberships>(await early.get('/api/portal/enterprises')).items, []);
      const url = `/api/portal/enterprises/${made.enterpriseId}`;
      ok(await admin.post(`${url}/members`, { phone: '13700001002' }));
      const both = ok<Enterprise>(
        await admin.post(`${url}/members`, { phone: '13700001003', role: 'staff' }),
      );
      assert.deepEqual(
        both.members.map((m) => [m.phoneMasked, m.role]),
        [
          ['137****1001', 'admin'],
          ['137****1002', 'staff'],
          ['137****1003', 'staff'],
        ],
      );
      expectError(
        await admin.post(`${url}/members`, { phone: '13700001003' }),
        409,
        'PORTAL_ENTERPRISE_MEMBER_EXISTS',
      );

      // The second staff member had never logged in: at its first log-in it is already a member.
      const late = await portalLogIn(ctx(), '13700001003', '10.41.0.3');
      for (const staff of [early, late]) {
        assert.deepEqual(ok<Memberships>(await staff.get('/api/portal/enterprises')).items, [
          { enterpriseId: made.enterpriseId, creditCode: code, name: '梨树县丰收农机合作社', role: 'staff' },
        ]);
        const seen = ok<Enterprise>(await staff.get(url));
        assert.equal(seen.role, 'staff');
        assert.equal(seen.members.filter((m) => m.you).length, 1);
      }
      assert.equal(ok<Memberships>(await admin.get('/api/portal/enterprises')).items[0]?.role, 'admin');

      // Nothing personal in clear in the tables; the audit rows hold ids and roles, no numbers.
      const rows = JSON.stringify([
        await portalDb(ctx().platform.db).selectFrom('portal_enterprises').selectAll().execute(),
        await portalDb(ctx().platform.db).selectFrom('portal_enterprise_members').selectAll().execute(),
      ]);
      assert.ok(!rows.includes('王建国') && !rows.includes('13700001002'), rows);
      const audit = await ctx()
        .platform.db.selectFrom('audit_log')
        .select(['action', 'actor_name', 'detail'])
        .where('entity_id', '=', made.enterpriseId)
        .execute();
      assert.deepEqual(audit.map((a) => a.action).sort(), [
        'portal.addEnterpriseMember',
        'portal.addEnterpriseMember',
        'portal.registerEnterprise',
      ]);
      assert.ok(audit.every((a) => a.actor_name === '公众用户137****1001'));
      assert.ok(!JSON.stringify(audit).includes('13700001003'));

      // One enterprise per credit code.
      const other = await verifiedCitizen(ctx(), {
        phone: '13700001004',
        ip: '10.41.0.4',
        id17: '22032219800101002',
      });
      expectError(
        await other.post('/api/portal/enterprises', enterpriseBody(code)),
        409,
        'PORTAL_ENTERPRISE_TAKEN',
      );
    });

    test('only an administrator manages members; a removed member is refused at its next request; the last administrator stays', async () => {
      const admin = await verifiedCitizen(ctx(), {
        phone: '13700002001',
        ip: '10.42.0.1',
        id17: '22032219800202001',
      });
      const made = ok<Enterprise>(
        await admin.post('/api/portal/enterprises', enterpriseBody(creditCode('91220322MA0000002'))),
      );
      const url = `/api/portal/enterprises/${made.enterpriseId}`;
      const added = ok<Enterprise>(await admin.post(`${url}/members`, { phone: '13700002002' }));
      ok(await admin.post(`${url}/members`, { phone: '13700002003' }));
      const staff = await portalLogIn(ctx(), '13700002002', '10.42.0.2');
      const adminRow = added.members.find((m) => m.role === 'admin');
      const staffRow = added.members.find((m) => m.phoneMasked === '137****2002');
      assert.ok(adminRow && staffRow);

      expectError(
        await staff.post(`${url}/members`, { phone: '13700002009' }),
        403,
        'PORTAL_ENTERPRISE_ADMIN_ONLY',
      );
      expectError(
        await staff.delete(`${url}/members/${adminRow.memberId}`),
        403,
        'PORTAL_ENTERPRISE_ADMIN_ONLY',
      );
      expectError(
        await staff.delete(`${url}/members/${staffRow.memberId}`),
        403,
        'PORTAL_ENTERPRISE_ADMIN_ONLY',
      );
      assert.equal(ok<Enterprise>(await admin.get(url)).members.length, 3, 'nothing changed');

      // The last administrator cannot be removed, not even by itself.
      expectError(
        await admin.delete(`${url}/members/${adminRow.memberId}`),
        409,
        'PORTAL_ENTERPRISE_LAST_ADMIN',
      );

      ok(await staff.get(url));
      ok(await admin.delete(`${url}/members/${staffRow.memberId}`));
      expectError(await staff.get(url), 404, 'PORTAL_ENTERPRISE_NOT_FOUND');
      expectError(await staff.get(`${url}/full`), 404, 'PORTAL_ENTERPRISE_NOT_FOUND');
      assert.deepEqual(ok<Memberships>(await staff.get('/api/portal/enterprises')).items, []);
      expectError(
        await admin.delete(`${url}/members/${staffRow.memberId}`),
        404,
        'PORTAL_ENTERPRISE_MEMBER_NOT_FOUND',
      );

      // With a second administrator, the first may leave; then it manages nothing.
      const second = ok<Enterprise>(
        await admin.post(`${url}/members`, { phone: '13700002004', role: 'admin' }),
      );
      assert.equal(second.members.filter((m) => m.role === 'admin').length, 2);
      ok(await admin.delete(`${url}/members/${adminRow.memberId}`));
      expectError(
        await admin.post(`${url}/members`, { phone: '13700002005' }),
        404,
        'PORTAL_ENTERPRISE_NOT_FOUND',
      );
      const heir = await portalLogIn(ctx(), '13700002004', '10.42.0.4');
      const last = ok<Enterprise>(await heir.get(url));
      assert.equal(last.role, 'admin');
      const heirRow = last.members.find((m) => m.you);
      assert.ok(heirRow);
      // Added by number, it administers nothing until its owner has proved who they are.
      expectError(
        await heir.post(`${url}/members`, { phone: '13700002006' }),
        403,
        'PORTAL_REAL_NAME_REQUIRED',
      );
      ok(
        await heir.post('/api/portal/me/identity', {
          name: '赵海燕',
          idNumber: idNumber('22032219810303004'),
        }),
      );
      expectError(
        await heir.delete(`${url}/members/${heirRow.memberId}`),
        409,
        'PORTAL_ENTERPRISE_LAST_ADMIN',
      );
      const removals = await ctx()
        .platform.db.selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'portal.removeEnterpriseMember')
        .where('entity_id', '=', made.enterpriseId)
        .execute();
      assert.equal(removals.length, 2);
    });

    test('at once: two administrators removing each other leave one; one number added twice is one member; one code registered twice is one enterprise', async () => {
      const first = await verifiedCitizen(ctx(), {
        phone: '13700005001',
        ip: '10.45.0.1',
        id17: '22032219800505001',
      });
      const made = ok<Enterprise>(
        await first.post('/api/portal/enterprises', enterpriseBody(creditCode('91220322MA0000005'))),
      );
      const url = `/api/portal/enterprises/${made.enterpriseId}`;
      const both = ok<Enterprise>(
        await first.post(`${url}/members`, { phone: '13700005002', role: 'admin' }),
      );
      const second = await portalLogIn(ctx(), '13700005002', '10.45.0.2');
      // An administrator acts only once real-name checked: both are, so only the race decides.
      ok(
        await second.post('/api/portal/me/identity', {
          name: '钱国栋',
          idNumber: idNumber('22032219820606003'),
        }),
      );
      const firstRow = both.members.find((m) => m.phoneMasked === '137****5001');
      const secondRow = both.members.find((m) => m.phoneMasked === '137****5002');
      assert.ok(firstRow && secondRow);
      const answers = await Promise.all([
        first.delete(`${url}/members/${secondRow.memberId}`),
        second.delete(`${url}/members/${firstRow.memberId}`),
      ]);
      assert.deepEqual(
        answers.map((a) => a.statusCode).sort(),
        [200, 404],
        answers.map((a) => a.body).join(),
      );
      const admins = await portalDb(ctx().platform.db)
        .selectFrom('portal_enterprise_members')
        .select('role')
        .where('enterprise_id', '=', made.enterpriseId)
        .execute();
      assert.deepEqual(admins, [{ role: 'admin' }]);

      const winner = answers[0]?.statusCode === 200 ? first : second;
      const twice = await Promise.all([
        winner.post(`${url}/members`, { phone: '13700005003' }),
        winner.post(`${url}/members`, { phone: '13700005003' }),
      ]);
      assert.deepEqual(twice.map((a) => a.statusCode).sort(), [200, 409], twice.map((a) => a.body).join());
      assert.ok(twice.some((a) => a.body.includes('PORTAL_ENTERPRISE_MEMBER_EXISTS')));
      assert.equal(ok<Enterprise>(await winner.get(url)).members.length, 2);

      // One credit code registered twice at once: one enterprise, the other told it is taken.
      const code = creditCode('91220322MA0000006');
      const registrar = await verifiedCitizen(ctx(), {
        phone: '13700005004',
        ip: '10.45.0.4',
        id17: '22032219800505002',
      });
      const racing = await Promise.all([
        registrar.post('/api/portal/enterprises', enterpriseBody(code)),
        registrar.post('/api/portal/enterprises', enterpriseBody(code)),
      ]);
      assert.deepEqual(racing.map((a) => a.statusCode).sort(), [200, 409], racing.map((a) => a.body).join());
      assert.ok(racing.some((a) => a.body.includes('PORTAL_ENTERPRISE_TAKEN')));
      const rows = await portalDb(ctx().platform.db)
        .selectFrom('portal_enterprises')
        .select('id')
        .where('credit_code', '=', code)
        .execute();
      assert.equal(rows.length, 1);
    });

    test('a wrong check digit is refused by field; an unverified citizen, or one who is not the legal representative, cannot register; an unknown key is refused', async () => {
      const plain = await portalLogIn(ctx(), '13700003001', '10.43.0.1');
      const good = creditCode('91220322MA0000003');
      expectError(
        await plain.post('/api/portal/enterprises', enterpriseBody(good)),
        403,
        'PORTAL_REAL_NAME_REQUIRED',
      );
      const verified = await verifiedCitizen(ctx(), {
        phone: '13700003002',
        ip: '10.43.0.2',
        id17: '22032219800303001',
      });
      const wrong = good.replace(/.$/, (c) => (c === '1' ? '2' : '1'));
      const bad = await verified.post('/api/portal/enterprises', enterpriseBody(wrong));
      const error = expectError(bad, 400, 'VALIDATION_FAILED');
      assert.match(JSON.stringify(error.details), /creditCode/);
      assert.match(bad.body, /校验位错误/);
      expectError(
        await verified.post('/api/portal/enterprises', { ...enterpriseBody(good), extra: 1 }),
        400,
        'VALIDATION_FAILED',
      );
      assert.deepEqual(ok<Memberships>(await verified.get('/api/portal/enterprises')).items, []);
      // Someone else, verified, cannot take the company's code first: only its legal representative registers it.
      expectError(
        await verified.post('/api/portal/enterprises', {
          ...enterpriseBody(good),
          legalRepresentative: '刘德胜',
        }),
        403,
        'PORTAL_ENTERPRISE_NOT_REPRESENTATIVE',
      );
      ok(await verified.post('/api/portal/enterprises', enterpriseBody(good)));
      expectError(await ctx().anonymous.get('/api/portal/enterprises'), 401, 'PORTAL_LOGIN_REQUIRED');
      const staff = await ctx().as('admin');
      expectError(await staff.get('/api/portal/enterprises'), 401, 'PORTAL_LOGIN_REQUIRED');
    });

    test("another account's enterprise is 404 like an unknown one; a full read shows the representative and is audited", async () => {
      const owner = await verifiedCitizen(ctx(), {
        phone: '13700004001',
        ip: '10.44.0.1',
        id17: '22032219800404001',
      });
      const made = ok<Enterprise>(
        await owner.post('/api/portal/enterprises', enterpriseBody(creditCode('91220322MA0000004'))),
      );
      const url = `/api/portal/enterprises/${made.enterpriseId}`;
      const stranger = await portalLogIn(ctx(), '13700004002', '10.44.0.2');
      const unknown = '/api/portal/enterprises/0190a000-0000-7000-8000-000000000000';
      for (const path of [url, `${url}/full`, unknown, `${unknown}/full`]) {
        const res = await stranger.get(path);
        expectError(res, 404, 'PORTAL_ENTERPRISE_NOT_FOUND');
        assert.ok(!res.body.includes('丰收') && !res.body.includes(made.creditCode), res.body);
      }
      expectError(
        await stranger.post(`${url}/members`, { phone: '13700004002' }),
        404,
        'PORTAL_ENTERPRISE_NOT_FOUND',
      );
      const ownerRow = made.members[0];
      assert.ok(ownerRow);
      expectError(
        await stranger.delete(`${url}/members/${ownerRow.memberId}`),
        404,
        'PORTAL_ENTERPRISE_NOT_FOUND',
      );

      const full = ok<{ legalRepresentative: string; creditCode: string; address: string }>(
        await owner.get(`${url}/full`),
      );
      assert.equal(full.legalRepresentative, '王建国');
      assert.equal(full.creditCode, made.creditCode);
      const reads = await ctx()
        .platform.db.selectFrom('audit_log')
        .select(['actor_name', 'detail'])
        .where('action', '=', 'portal.readEnterprise')
        .where('entity_id', '=', made.enterpriseId)
        .execute();
      assert.equal(reads.length, 1);
      assert.equal(reads[0]?.actor_name, '公众用户137****4001');
      assert.ok(!String(reads[0]?.detail).includes('王建国'), 'the audit row holds no value');
      // The masked view is not a full read.
      ok(await owner.get(url));
      const after = await ctx()
        .platform.db.selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'portal.readEnterprise')
        .where('entity_id', '=', made.enterpriseId)
        .execute();
      assert.equal(after.length, 1);
    });
  },
  { behindProxy: true },
);
