import assert from 'node:assert/strict';
import { test } from 'node:test';
import { idNumberCheckChar } from '../../../../contracts/identifiers.ts';
import { describeEachDb } from '../../../testing/harness.ts';
import { expectError, ok } from '../../../testing/http-support.ts';
import { portalDb } from '../store/store.ts';
import { aMinuteLater, codeFromOutbox, portalClient, portalLogIn } from '../testing/index.ts';

interface Me {
  accountId: string;
  phoneMasked: string;
  nameMasked: string | null;
  idNumberMasked: string | null;
  addressMasked: string | null;
  realNameLevel: string;
  revision: number;
  registered?: boolean;
  csrfToken?: string;
}

const idNumber = (first17: string) => `${first17}${idNumberCheckChar(first17)}`;

function from(ip: string) {
  return { 'x-forwarded-for': ip };
}

describeEachDb(
  'portal accounts: one-time codes through the outbox, sessions of their own, real name, profile',
  (ctx) => {
    test('a citizen signs up with a text-message code; the code is kept only as a digest; the next log-in finds the account', async () => {
      const phone = '13900001111';
      const sent = ok<{ sentTo: string; expiresInSeconds: number; resendAfterSeconds: number }>(
        await ctx().anonymous.post('/api/portal/login-code', { phone }, from('10.1.0.1')),
      );
      assert.deepEqual(sent, { sentTo: '139****1111', expiresInSeconds: 300, resendAfterSeconds: 60 });
      const code = await codeFromOutbox(ctx(), '1111');
      const rows = await portalDb(ctx().platform.db).selectFrom('portal_login_codes').selectAll().execute();
      assert.ok(rows.length >= 1);
      for (const r of rows) assert.ok(!r.code_digest.includes(code) && r.code_digest.length === 64);

      const login = await ctx().anonymous.post('/api/portal/login', { phone, code }, from('10.1.0.1'));
      const me = ok<Me>(login);
      assert.equal(me.registered, true);
      assert.equal(me.realNameLevel, 'phone');
      assert.equal(me.phoneMasked, '139****1111');
      assert.equal(me.nameMasked, null);
      const cookie = login.cookies.find((c) => c.name === 'ow_portal');
      assert.ok(cookie?.httpOnly && cookie.sameSite === 'Strict', 'its own HttpOnly SameSite=Strict cookie');
      assert.ok(!login.cookies.some((c) => c.name === 'ow_session'), 'no staff cookie');
      const client = portalClient(ctx(), login);
      assert.equal(ok<Me>(await client.get('/api/portal/me')).accountId, me.accountId);

      // The code was used: it logs nobody in again.
      expectError(
        await ctx().anonymous.post('/api/portal/login', { phone, code }, from('10.1.0.1')),
        401,
        'PORTAL_CODE_INVALID',
      );
      await aMinuteLater(ctx());
      const again = await portalLogIn(ctx(), phone, '10.1.0.1');
      const second = ok<Me>(await again.get('/api/portal/me'));
      assert.equal(second.accountId, me.accountId, 'the same account, not a second one');
      const actions = await ctx()
        .platform.db.selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', me.accountId)
        .execute();
      assert.deepEqual(
        actions.map((a) => a.action).sort(),
        ['portal.login', 'portal.login', 'portal.register'].sort(),
      );
    });

    test('five tries per code, counted even when sent at once; then the right code is refused too', async () => {
      const phone = '13900002222';
      ok(await ctx().anonymous.post('/api/portal/login-code', { phone }, from('10.2.0.1')));
      const code = await codeFromOutbox(ctx(), '2222');
      const wrong = code === '000000' ? '111111' : '000000';
      const first = await ctx().anonymous.post('/api/portal/login', { phone, code: wrong }, from('10.2.0.1'));
      expectError(first, 401, 'PORTAL_CODE_INVALID');
      assert.equal(first.json().error.details.triesLeft, 4);
      const burst = await Promise.all(
        Array.from({ length: 10 }, () =>
          ctx().anonymous.post('/api/portal/login', { phone, code: wrong }, from('10.2.0.1')),
        ),
      );
      const codes = burst.map((r) => r.json().error.code);
      assert.equal(codes.filter((c) => c === 'PORTAL_CODE_INVALID').length, 4, codes.join());
      assert.equal(codes.filter((c) => c === 'PORTAL_CODE_TRIES_EXCEEDED').length, 6, codes.join());
      expectError(
        await ctx().anonymous.post('/api/portal/login', { phone, code }, from('10.2.0.1')),
        401,
        'PORTAL_CODE_TRIES_EXCEEDED',
      );
      // A new code works (a minute later).
      await aMinuteLater(ctx());
      const client = await portalLogIn(ctx(), phone, '10.2.0.1');
      ok(await client.get('/api/portal/me'));
    });

    test('an expired code, a replaced code and a malformed one log nobody in', async () => {
      const phone = '13900003333';
      ok(await ctx().anonymous.post('/api/portal/login-code', { phone }, from('10.3.0.1')));
      const old = await codeFromOutbox(ctx(), '3333');
      await aMinuteLater(ctx());
      ok(await ctx().anonymous.post('/api/portal/login-code', { phone }, from('10.3.0.1')));
      const fresh = await codeFromOutbox(ctx(), '3333');
      if (old !== fresh) {
        expectError(
          await ctx().anonymous.post('/api/portal/login', { phone, code: old }, from('10.3.0.1')),
          401,
          'PORTAL_CODE_INVALID',
        );
      }
      await portalDb(ctx().platform.db)
        .updateTable('portal_login_codes')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('used_at', 'is', null)
        .execute();
      expectError(
        await ctx().anonymous.post('/api/portal/login', { phone, code: fresh }, from('10.3.0.1')),
        401,
        'PORTAL_CODE_INVALID',
      );
      const bad = await ctx().anonymous.post(
        '/api/portal/login',
        { phone, code: '12ab56' },
        from('10.3.0.1'),
      );
      expectError(bad, 400, 'VALIDATION_FAILED');
      assert.match(bad.body, /验证码为6位数字/);
      const badPhone = await ctx().anonymous.post(
        '/api/portal/login-code',
        { phone: '1234' },
        from('10.3.0.9'),
      );
      expectError(badPhone, 400, 'VALIDATION_FAILED');
      assert.match(badPhone.body, /手机号码应为11位数字/);
      expectError(
        await ctx().anonymous.post('/api/portal/login-code', { phone, extra: 1 }, from('10.3.0.9')),
        400,
        'VALIDATION_FAILED',
      );
    });

    test('one code a minute and ten a day, per number and per address', async () => {
      const phone = '13900004444';
      ok(await ctx().anonymous.post('/api/portal/login-code', { phone }, from('10.4.0.1')));
      const soon = await ctx().anonymous.post('/api/portal/login-code', { phone }, from('10.4.0.2'));
      expectError(soon, 429, 'PORTAL_CODE_TOO_SOON');
      assert.match(soon.json().error.message, /每分钟只能获取一次/);
      expectError(
        await ctx().anonymous.post('/api/portal/login-code', { phone: '13900004445' }, from('10.4.0.1')),
        429,
        'PORTAL_CODE_TOO_SOON',
      );
      // Nine more over the day from one address to ten numbers' worth: the eleventh is refused.
      for (let i = 1; i < 10; i++) {
        await aMinuteLater(ctx());
        ok(await ctx().anonymous.post('/api/portal/login-code', { phone }, from(`10.4.1.${i}`)));
      }
      await aMinuteLater(ctx());
      expectError(
        await ctx().anonymous.post('/api/portal/login-code', { phone }, from('10.4.2.1')),
        429,
        'PORTAL_CODE_DAILY_LIMIT',
      );
      const sent = await ctx()
        .platform.db.selectFrom('notifications')
        .select('id')
        .where('template', '=', 'portal.loginCode')
        .where('recipient_masked', '=', '139****4444')
        .execute();
      assert.equal(sent.length, 10, 'ten texts, not eleven');
    });

    test('real name: a wrong check digit is refused by field; the name and number are stored encrypted and shown masked; one number, one account', async () => {
      const client = await portalLogIn(ctx(), '13900005555', '10.5.0.1');
      const wrongDigit = idNumber('22032219850312001').replace(/.$/, (c) => (c === '1' ? '2' : '1'));
      const bad = await client.post('/api/portal/me/identity', { name: '李秀英', idNumber: wrongDigit });
      expectError(bad, 400, 'VALIDATION_FAILED');
      assert.match(bad.body, /idNumber/);
      assert.match(bad.body, /校验位错误/);
      const future = await client.post('/api/portal/me/identity', {
        name: '李秀英',
        idNumber: idNumber('22032221000101001'),
      });
      expectError(future, 400, 'VALIDATION_FAILED');

      const id = idNumber('22032219850312002');
      const me = ok<Me>(await client.post('/api/portal/me/identity', { name: '李秀英', idNumber: id }));
      assert.equal(me.realNameLevel, 'id_checked');
      assert.equal(me.nameMasked, '李**');
      assert.equal(me.idNumberMasked, `2203**********${id.slice(-4)}`);
      const row = await portalDb(ctx().platform.db)
        .selectFrom('portal_accounts')
        .selectAll()
        .where('id', '=', me.accountId)
        .executeTakeFirstOrThrow();
      assert.equal(row.identity_provider, 'dev-stub');
      assert.ok(
        !JSON.stringify(row).includes('李秀英') && !JSON.stringify(row).includes(id),
        'nothing in clear',
      );

      expectError(
        await client.post('/api/portal/me/identity', { name: '李秀英', idNumber: id }),
        409,
        'PORTAL_IDENTITY_DONE',
      );
      const other = await portalLogIn(ctx(), '13900005556', '10.5.0.2');
      expectError(
        await other.post('/api/portal/me/identity', { name: '李秀英', idNumber: id.toLowerCase() }),
        409,
        'PORTAL_IDENTITY_TAKEN',
      );
    });

    test('the profile: the address changes with its revision, a full read is audited, values stay masked in the view', async () => {
      const client = await portalLogIn(ctx(), '13900006666', '10.6.0.1');
      const me = ok<Me>(await client.get('/api/portal/me'));
      const updated = ok<Me>(
        await client.patch('/api/portal/me', {
          expectedRevision: me.revision,
          address: '吉林省四平市梨树县梨树镇霸王路18号',
        }),
      );
      assert.equal(updated.revision, me.revision + 1);
      assert.equal(updated.addressMasked, '吉林省四平市梨树县梨树镇****');
      expectError(
        await client.patch('/api/portal/me', { expectedRevision: me.revision, address: '别处' }),
        409,
        'PORTAL_STALE_VERSION',
      );
      expectError(
        await client.patch('/api/portal/me', {
          expectedRevision: updated.revision,
          address: 'x',
          phone: '1',
        }),
        400,
        'VALIDATION_FAILED',
      );
      const full = ok<{ phone: string; address: string | null; name: string | null }>(
        await client.get('/api/portal/me/full'),
      );
      assert.equal(full.phone, '13900006666');
      assert.equal(full.address, '吉林省四平市梨树县梨树镇霸王路18号');
      assert.equal(full.name, null);
      const reads = await ctx()
        .platform.db.selectFrom('audit_log')
        .select(['actor_name', 'detail'])
        .where('action', '=', 'portal.readProfile')
        .where('entity_id', '=', me.accountId)
        .execute();
      assert.equal(reads.length, 1);
      assert.equal(reads[0]?.actor_name, '公众用户139****6666');
      assert.ok(!String(reads[0]?.detail).includes('13900006666'), 'the audit row holds no value');
    });

    test('portal and staff sessions never mix; a change needs the portal CSRF token; cross-site is refused', async () => {
      const client = await portalLogIn(ctx(), '13900007777', '10.7.0.1');
      expectError(await client.get('/api/cases'), 401, 'AUTH_REQUIRED');
      expectError(await client.get('/api/auth/me'), 401, 'AUTH_REQUIRED');
      const staff = await ctx().as('admin');
      expectError(await staff.get('/api/portal/me'), 401, 'PORTAL_LOGIN_REQUIRED');
      expectError(await ctx().anonymous.get('/api/portal/me'), 401, 'PORTAL_LOGIN_REQUIRED');

      // The portal token in the staff cookie's place is no staff session.
      await aMinuteLater(ctx());
      ok(await ctx().anonymous.post('/api/portal/login-code', { phone: '13900007777' }, from('10.7.0.1')));
      const login = await ctx().anonymous.post(
        '/api/portal/login',
        { phone: '13900007777', code: await codeFromOutbox(ctx(), '7777') },
        from('10.7.0.1'),
      );
      const token = login.cookies.find((c) => c.name === 'ow_portal')?.value;
      assert.ok(token);
      const asStaff = await ctx().app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { cookie: `ow_session=${token}` },
      });
      expectError(asStaff, 401, 'AUTH_REQUIRED');

      const forged = await client.inject({
        method: 'PATCH',
        url: '/api/portal/me',
        payload: { expectedRevision: 1, address: 'x' },
        headers: { 'x-csrf-token': 'wrong' },
      });
      expectError(forged, 403, 'AUTH_CSRF_INVALID');
      assert.equal(ok<Me>(await client.get('/api/portal/me')).addressMasked, null, 'nothing changed');
      expectError(
        await ctx().anonymous.post(
          '/api/portal/login-code',
          { phone: '13900007778' },
          { origin: 'https://evil.example', 'x-forwarded-for': '10.7.0.9' },
        ),
        403,
        'AUTH_CROSS_SITE',
      );
    });

    test('a disabled account is refused at its next request; log-out ends the session', async () => {
      const client = await portalLogIn(ctx(), '13900008888', '10.8.0.1');
      const me = ok<Me>(await client.get('/api/portal/me'));
      ok(await client.post('/api/portal/logout'));
      expectError(await client.get('/api/portal/me'), 401, 'PORTAL_LOGIN_REQUIRED');

      await aMinuteLater(ctx());
      const back = await portalLogIn(ctx(), '13900008888', '10.8.0.1');
      ok(await back.get('/api/portal/me'));
      await portalDb(ctx().platform.db)
        .updateTable('portal_accounts')
        .set({ disabled: 1 })
        .where('id', '=', me.accountId)
        .execute();
      expectError(await back.get('/api/portal/me'), 401, 'PORTAL_LOGIN_REQUIRED');
      expectError(
        await back.patch('/api/portal/me', { expectedRevision: 1, address: 'x' }),
        401,
        'PORTAL_LOGIN_REQUIRED',
      );
    });

    test('the outbox shows the code only where texts go nowhere outside production', async () => {
      ok(await ctx().anonymous.post('/api/portal/login-code', { phone: '13900009999' }, from('10.9.9.1')));
      const admin = await ctx().as('admin');
      const config = ctx().platform.config;
      const env = config.env;
      try {
        config.env = 'production';
        const res = ok<{ items: { template: string; body: string; recipientMasked: string }[] }>(
          await admin.get('/api/notify/outbox?channel=sms&pageSize=50'),
        );
        const item = res.items.find((i) => i.recipientMasked === '139****9999');
        assert.ok(item);
        assert.match(item.body, /验证码为\*{6}/);
      } finally {
        config.env = env;
      }
      assert.match(await codeFromOutbox(ctx(), '9999'), /^\d{6}$/);
    });

    test('one address asking for many numbers spends its own limit, not their owners’ (probe F2)', async () => {
      ok(await ctx().anonymous.post('/api/portal/login-code', { phone: '13900010001' }, from('10.50.0.1')));
      expectError(
        await ctx().anonymous.post('/api/portal/login-code', { phone: '13900010002' }, from('10.50.0.1')),
        429,
        'PORTAL_CODE_TOO_SOON',
      );
      // The owner of the second number, from their own network, still gets their code at once.
      ok(await ctx().anonymous.post('/api/portal/login-code', { phone: '13900010002' }, from('10.50.0.2')));
    });

    test('twenty failed log-ins from one address, over any numbers, make it wait; other addresses go on (probe F1)', async () => {
      for (let i = 0; i < 20; i++) {
        const phone = `1390002${String(i).padStart(4, '0')}`;
        expectError(
          await ctx().anonymous.post('/api/portal/login', { phone, code: '123456' }, from('10.51.0.1')),
          401,
          'PORTAL_CODE_INVALID',
        );
      }
      const refused = await ctx().anonymous.post(
        '/api/portal/login',
        { phone: '13900029999', code: '123456' },
        from('10.51.0.1'),
      );
      expectError(refused, 429, 'PORTAL_LOGIN_TOO_MANY');
      assert.match(refused.json().error.message, /15分钟后再试/);
      expectError(
        await ctx().anonymous.post(
          '/api/portal/login',
          { phone: '13900029999', code: '123456' },
          from('10.51.0.2'),
        ),
        401,
        'PORTAL_CODE_INVALID',
      );
      // A citizen logging in from a fresh address is not affected.
      const client = await portalLogIn(ctx(), '13900029998', '10.51.0.3');
      ok(await client.get('/api/portal/me'));
    });

    test('a method no portal route has is a 404, not "please log in" (probe F7)', async () => {
      const client = await portalLogIn(ctx(), '13900030001', '10.52.0.1');
      expectError(await client.put('/api/portal/me', {}), 404, 'NOT_FOUND');
      expectError(await client.delete('/api/portal/me'), 404, 'NOT_FOUND');
    });
  },
  { behindProxy: true },
);
