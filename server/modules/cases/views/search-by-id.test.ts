import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { buildApp } from '../../../app.ts';
import { describeEachDb, TEST_PASSWORD } from '../../../testing/harness.ts';
import { expectError, ok } from '../../../testing/http-support.ts';
import { type CountyDesk, intakeByClerk, person, setUpCountyDesk } from '../testing/http-test-support.ts';

/**
 * Searching cases by a full ID number (issue 9 #12): never in a URL (request logs, proxies), always
 * in a POST body, and audited as the "does this person have a case" question it is.
 */
describeEachDb('case search by a full ID number: in the body, masked in logs, audited', (ctx) => {
  let desk: CountyDesk;
  let caseId: string;
  const id = person(71).idNumber;
  before(async () => {
    desk = await setUpCountyDesk(ctx());
    caseId = (await intakeByClerk<{ id: string }>(ctx(), desk, { applicant: person(71, '孙秀英') })).id;
  });

  test('a full ID number in the list URL is refused with a message naming the body search', async () => {
    const clerk = await ctx().as('clerk');
    const zh = expectError(await clerk.get(`/api/cases?applicant=${id}`), 400, 'CASE_SEARCH_ID_IN_URL');
    assert.match(zh.message, /POST \/api\/cases\/search/);
    assert.ok(JSON.stringify(zh.details).includes('querystring.applicant'));
    const en = expectError(
      await clerk.get(`/api/cases?applicant=${id.toLowerCase()}`, { 'accept-language': 'en' }),
      400,
      'CASE_SEARCH_ID_IN_URL',
    );
    assert.match(en.message, /in the body of POST \/api\/cases\/search/);
    // Without a full ID the list query is as it was.
    const byName = ok<{ items: { id: string }[] }>(
      await clerk.get(`/api/cases?applicant=${encodeURIComponent('孙秀英')}`),
    );
    assert.ok(byName.items.some((c) => c.id === caseId));
  });

  test('a search of only % or _ finds what holds those signs, not every case', async () => {
    const clerk = await ctx().as('clerk');
    const all = ok<{ total: number }>(await clerk.get('/api/cases'));
    assert.ok(all.total > 0);
    for (const sign of ['%', '_', '%%', '\\']) {
      for (const field of ['applicant', 'number']) {
        const found = ok<{ total: number }>(
          await clerk.get(`/api/cases?${field}=${encodeURIComponent(sign)}`),
        );
        assert.equal(found.total, 0, `${field}=${sign}`);
      }
    }
    const part = ok<{ items: { number: string }[] }>(await clerk.get('/api/cases')).items[0]?.number.slice(
      0,
      8,
    );
    assert.ok(
      ok<{ total: number }>(await clerk.get(`/api/cases?number=${encodeURIComponent(part ?? '')}`)).total > 0,
    );
  });

  test('the body search finds the case and writes an audit row with the actor and the masked ID only', async () => {
    const clerk = await ctx().as('clerk');
    const found = ok<{ items: { id: string }[]; total: number }>(
      await clerk.post('/api/cases/search', { applicant: id, pageSize: 10 }),
    );
    assert.deepEqual(
      found.items.map((c) => c.id),
      [caseId],
    );
    const rows = await ctx()
      .platform.db.selectFrom('audit_log')
      .select(['actor_name', 'detail'])
      .where('action', '=', 'case.searchByIdNumber')
      .execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.actor_name, '李秀梅');
    const detail = JSON.parse(rows[0]?.detail ?? '{}') as { applicantIdMasked: string; matched: number };
    assert.equal(detail.applicantIdMasked, `${id.slice(0, 4)}**********${id.slice(-4)}`);
    assert.equal(detail.matched, 1);
    assert.ok(!rows[0]?.detail.includes(id), 'never the full ID');
    // A body search without a full ID is a plain list: nothing audited.
    ok(await clerk.post('/api/cases/search', { status: 'in_process' }));
    expectError(await clerk.post('/api/cases/search', { applicant: id, bogus: 1 }), 400, 'VALIDATION_FAILED');
    const after = await ctx()
      .platform.db.selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'case.searchByIdNumber')
      .execute();
    assert.equal(after.length, 1);
  });

  test('the body search refuses an anonymous caller and a role without case reading, and finds nothing out of scope', async () => {
    expectError(await ctx().anonymous.post('/api/cases/search', { applicant: id }), 401, 'AUTH_REQUIRED');
    const admin = await ctx().as('admin');
    expectError(await admin.post('/api/cases/search', { applicant: id }), 403, 'ACCESS_DENIED');
    const township = await ctx().as('lishuzhen');
    const found = ok<{ items: unknown[]; total: number }>(
      await township.post('/api/cases/search', { applicant: id }),
    );
    assert.equal(found.total, 0, 'a county case is not a township clerk’s to find');
  });

  test('request logging (LOG_REQUESTS=1) masks an ID number a client put in a URL', async () => {
    const lines: string[] = [];
    const app = await buildApp(ctx().platform, {
      logRequests: true,
      logStream: { write: (l) => lines.push(l) },
    });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'clerk', password: TEST_PASSWORD },
      });
      assert.equal(login.statusCode, 200, login.body);
      const cookie = login.cookies.find((c) => c.name === 'ow_session');
      const res = await app.inject({
        method: 'GET',
        url: `/api/cases?applicant=${id}`,
        headers: { cookie: `ow_session=${cookie?.value}` },
      });
      assert.equal(res.statusCode, 400);
      // A 17-digit prefix (the number without its check digit) and an old 15-digit number name the
      // person too.
      for (const part of [id.slice(0, 17), id.slice(0, 15)]) {
        await app.inject({
          method: 'GET',
          url: `/api/cases?number=${part}`,
          headers: { cookie: `ow_session=${cookie?.value}` },
        });
      }
    } finally {
      await app.close();
    }
    const log = lines.join('');
    assert.ok(log.includes('/api/cases?applicant='), 'the request was logged');
    assert.ok(log.includes(`${id.slice(0, 4)}**********${id.slice(-4)}`), 'masked');
    assert.ok(!log.includes(id), 'the full ID number is in no log line');
    assert.ok(log.includes('/api/cases?number='), 'the prefix requests were logged');
    assert.ok(!log.includes(id.slice(0, 15)), 'no 17- or 15-digit prefix of it either');
  });
});
