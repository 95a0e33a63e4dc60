import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { type Client, describeEachDb, TEST_PASSWORD } from '../../../testing/harness.ts';
import { ok } from '../../../testing/http-support.ts';
import {
  corruptionsOf,
  fieldRefused,
  NOT_AN_OBJECT,
  refused,
  tally,
} from '../../../testing/malformed-support.ts';
import { ALL_ORIGINALS, person, setUpItems, type TestItems, windowId } from '../testing/http-test-support.ts';
import {
  ACTIONS,
  assertUnchanged,
  type CaseSnapshot,
  intakeCorruptions,
  snapshotOf,
} from '../testing/malformed-bodies.ts';

/**
 * The case API under malformed, hostile and concurrent input, as an independent checker sends it:
 * every refusal is a 4xx with a code of contracts/error-codes.ts, a Chinese message (English on
 * request) and the fields at fault; afterwards the case, its timeline and its audit trail are
 * exactly as before. Ten copies of one action sent at once: one succeeds, nine hear CASE_STALE_VERSION.
 */

describeEachDb(
  'malformed and concurrent input to the case API',
  (ctx) => {
    let items: TestItems;
    let a01: string;
    let clerk: Client;
    let handler: Client;
    let approver: Client;
    let delivery: Client;
    let supervisor: Client;
    let admin: Client;
    let serial = 500;
    before(async () => {
      items = await setUpItems(ctx());
      clerk = await ctx().as('clerk');
      handler = await ctx().as('scjg_handler');
      approver = await ctx().as('scjg_approver');
      delivery = await ctx().as('delivery');
      supervisor = await ctx().as('supervisor');
      admin = await ctx().as('admin');
      a01 = await windowId(clerk, { centreCode: '220322C00', number: 'A01' }, ctx());
    });
    const intake = (decision = 'accept', over: Record<string, unknown> = {}) => ({
      itemId: items.market,
      windowId: a01,
      applicant: person(++serial),
      materials: ALL_ORIGINALS,
      decision,
      ...over,
    });
    const newCase = async (decision = 'accept') => ok(await clerk.post('/api/cases', intake(decision)));
    const snapshot = (id: string): Promise<CaseSnapshot> => snapshotOf(supervisor, admin, id);
    const unchanged = (id: string, before: CaseSnapshot, what: string) =>
      assertUnchanged(supervisor, admin, { id, before, what });

    test('bodies that are not a JSON object are refused on every endpoint, changing nothing', async () => {
      const c = await newCase();
      const before = await snapshot(c.id);
      const urls = [...ACTIONS.map((a) => `/api/cases/${c.id}/${a.url}`), '/api/cases'];
      for (const url of urls) {
        for (const [what, payload, type] of NOT_AN_OBJECT) {
          const res = await clerk.inject({ method: 'POST', url, payload, headers: { 'content-type': type } });
          const error = refused(res);
          assert.ok(['VALIDATION_FAILED', 'UNSUPPORTED_MEDIA_TYPE'].includes(error.code), `${url} ${what}`);
          if (error.code === 'VALIDATION_FAILED') fieldRefused(res, 'body');
        }
      }
      const processUrl = `/api/case-processes/${items.market}`;
      const catalog = await ctx().as('catalog');
      for (const [what, payload, type] of NOT_AN_OBJECT) {
        const res = await catalog.inject({
          method: 'PUT',
          url: processUrl,
          payload,
          headers: { 'content-type': type },
        });
        assert.ok(res.statusCode === 400 || res.statusCode === 415, `${what}: ${res.body}`);
        refused(res);
      }
      assert.equal(ok<{ isDefault: boolean }>(await catalog.get(processUrl)).isDefault, true);
      await unchanged(c.id, before, 'bodies that are not objects');
    });

    test('each field sent missing, of the wrong type, too long, with control characters or a bad date is named, and nothing changes', async () => {
      const c = await newCase();
      const before = await snapshot(c.id);
      for (const action of ACTIONS) {
        const base = { version: c.version, ...action.base };
        for (const [what, body, path] of corruptionsOf(base, { version: 'version', ...action.kinds })) {
          const res = await handler.post(`/api/cases/${c.id}/${action.url}`, body);
          fieldRefused(res, path, { what: `${action.url} with ${what}` });
        }
      }
      await unchanged(c.id, before, 'corrupted fields');
    });

    test('intake: wrong check digits, bad dates, oversized forms and control characters are named; no case, no number used', async () => {
      const lastBefore = ok<{ items: { number: string }[] }>(await supervisor.get('/api/cases?pageSize=1'))
        .items[0];
      const good = intake('receive');
      for (const [what, body, path] of intakeCorruptions(good)) {
        fieldRefused(await clerk.post('/api/cases', body), path, { what: `an intake with ${what}` });
      }
      // Refusals after validation (the item, the window, the materials) roll the case number back too.
      refused(
        await clerk.post('/api/cases', intake('receive', { itemId: '00000000-0000-4000-8000-000000000000' })),
        'CASE_ITEM_NOT_PUBLISHED',
      );
      refused(
        await clerk.post('/api/cases', intake('receive', { windowId: 'no-such-window' })),
        'WINDOW_NOT_FOUND',
      );
      refused(await clerk.post('/api/cases', intake('accept', { materials: [] })), 'CASE_MATERIAL_MISSING');
      const unknownField = await clerk.post('/api/cases', intake('receive', { form: { nosuchfield: 'x' } }));
      fieldRefused(unknownField, 'body.form.nosuchfield', { code: 'CASE_FORM_INVALID' });
      const unknownPoint = refused(
        await clerk.post(
          '/api/cases',
          intake('receive', { windowId: undefined, servicePointId: 'no-such-point' }),
        ),
      );
      assert.ok(
        (unknownPoint.details?.fields ?? []).some((f) => f.path === 'body.servicePointId'),
        `an unknown service point is named: ${JSON.stringify(unknownPoint)}`,
      );
      const lastAfter = ok<{ items: { number: string }[] }>(await supervisor.get('/api/cases?pageSize=1'))
        .items[0];
      assert.equal(lastAfter?.number, lastBefore?.number, 'no case was created by any refused intake');
      const next = ok<{ number: string }>(await clerk.post('/api/cases', intake('receive')));
      const serialOf = (n: string | undefined) => Number(n?.split('-')[2]);
      assert.equal(
        serialOf(next.number),
        serialOf(lastBefore?.number) + 1,
        'the next case takes the next number: no gap',
      );
    });

    test('text keeps emoji and rare characters as typed; an unknown field is refused by name, never ignored', async () => {
      const c = ok<{ id: string; version: number; applicantName: string }>(
        await clerk.post(
          '/api/cases',
          intake('accept', { applicant: { ...person(++serial), name: '𠈌明' } }),
        ),
      );
      assert.equal(c.applicantName, '𠈌*', 'a CJK Extension B surname is masked as one character');
      const smuggled = fieldRefused(
        await handler.post(`/api/cases/${c.id}/claim`, { version: c.version, status: 'delivered' }),
        'body',
        { what: 'a status in the body' },
      );
      assert.match(JSON.stringify(smuggled.details), /不认识的字段：status/);
      const claimed = ok(await handler.post(`/api/cases/${c.id}/claim`, { version: c.version }));
      assert.equal(claimed.status, 'in_process');
      const opinion = '材料齐全 👍 同意（𠈌）';
      const pass = { version: claimed.version, opinion };
      const typo = await handler.post(`/api/cases/${c.id}/pass`, { ...pass, seq: 99, zzzExtra: 'SMUGGLED' });
      assert.match(JSON.stringify(fieldRefused(typo, 'body').details), /seq、zzzExtra/);
      const misspelt = await clerk.post('/api/cases', intake('accept', { windowID: a01 }), {
        'accept-language': 'en-US',
      });
      const english = fieldRefused(misspelt, 'body', { english: true });
      assert.match(JSON.stringify(english.details), /Unrecognized key: \\"windowID\\"/);
      const nested = await clerk.post(
        '/api/cases',
        intake('accept', { applicant: { ...person(++serial), isAdmin: true } }),
      );
      fieldRefused(nested, 'body.applicant');
      ok(await handler.post(`/api/cases/${c.id}/pass`, pass));
      const page = ok<{ timeline: { summary: string; type: string }[] }>(
        await supervisor.get(`/api/cases/${c.id}`),
      );
      assert.equal(page.timeline.at(-1)?.summary, opinion, 'the opinion is shown exactly as typed');
      assert.ok(!JSON.stringify(page).includes('SMUGGLED'), 'an unknown field is not stored');
      assert.deepEqual(
        page.timeline.map((t) => t.type),
        ['receive', 'accept', 'claim', 'pass'],
      );
    });

    test('a version that is stale, negative, fractional, missing or a string is refused; the case is unchanged', async () => {
      const c = await newCase();
      const claim = (body: object) => handler.post(`/api/cases/${c.id}/claim`, body);
      const before = await snapshot(c.id);
      const stale = refused(await claim({ version: c.version - 1 }), 'CASE_STALE_VERSION');
      assert.equal((stale.details as { current?: number }).current, c.version, 'it says the current version');
      refused(await claim({ version: c.version + 1 }), 'CASE_STALE_VERSION');
      refused(await claim({ version: 1_000_000_000 }), 'CASE_STALE_VERSION');
      for (const version of [-1, 0, 1.5, '2', null, 2 ** 53, undefined]) {
        fieldRefused(await claim({ version }), 'body.version', { what: `version ${String(version)}` });
      }
      await unchanged(c.id, before, 'bad versions');
    });

    test('bad and unknown ids: 404 for a case or item that does not exist, 400 for an id that cannot be one', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      for (const id of ['not-a-uuid', unknown, '%F0%9F%98%80', "1'%20or%20'1'='1"]) {
        refused(await supervisor.get(`/api/cases/${id}`), 'CASE_NOT_FOUND');
        refused(await supervisor.get(`/api/cases/${id}/summary`), 'CASE_NOT_FOUND');
        refused(await supervisor.get(`/api/cases/${id}/documents/receipt`), 'CASE_NOT_FOUND');
        refused(await handler.post(`/api/cases/${id}/claim`, { version: 1 }), 'CASE_NOT_FOUND');
        refused(await admin.post(`/api/cases/${id}/personal`, {}), 'CASE_NOT_FOUND');
      }
      for (const id of ['%00', 'a%00b', 'x'.repeat(65), '%E2%80%AEabc']) {
        fieldRefused(await supervisor.get(`/api/cases/${id}`), 'params.id');
        fieldRefused(await handler.post(`/api/cases/${id}/claim`, { version: 1 }), 'params.id');
      }
      fieldRefused(await supervisor.get(`/api/cases/${unknown}/documents/passport`), 'params.kind');
      const catalog = await ctx().as('catalog');
      const steps = [
        { key: 'approve', name: '批准', role: 'dept_approver', departmentId: null, budgetDays: 5 },
      ];
      refused(await catalog.get(`/api/case-processes/${unknown}`), 'CATALOG_ITEM_NOT_FOUND');
      refused(
        await catalog.put(`/api/case-processes/${unknown}`, { steps, expectedRevision: 0 }),
        'CATALOG_ITEM_NOT_FOUND',
      );
      refused(await catalog.get(`/api/case-processes/${unknown}`), 'CATALOG_ITEM_NOT_FOUND');
      fieldRefused(await catalog.get('/api/case-processes/%00'), 'params.itemId');
      const c = await newCase();
      const claimed = ok(await handler.post(`/api/cases/${c.id}/claim`, { version: c.version }));
      const before = await snapshot(c.id);
      refused(
        await handler.post(`/api/cases/${c.id}/assign`, {
          version: claimed.version,
          assigneeAccountId: unknown,
        }),
        'CASE_ASSIGNEE_INVALID',
      );
      refused(
        await handler.post(`/api/cases/${c.id}/supply`, {
          version: claimed.version,
          materialId: 'zz',
          form: 'copy',
        }),
      );
      await unchanged(c.id, before, 'an unknown assignee and material');
    });

    test('list and supervision filters that cannot be right are named', async () => {
      for (const [query, path] of [
        ['page=-1', 'querystring.page'],
        ['page=1.5', 'querystring.page'],
        ['pageSize=1000', 'querystring.pageSize'],
        ['receivedFrom=2026-02-30', 'querystring.receivedFrom'],
        ['receivedTo=2026-13-01', 'querystring.receivedTo'],
        ['status=lost', 'querystring.status'],
        ['view=everything', 'querystring.view'],
        ['number=%00', 'querystring.number'],
        [`applicant=${'x'.repeat(101)}`, 'querystring.applicant'],
        ['itemId=a%00', 'querystring.itemId'],
      ]) {
        fieldRefused(await supervisor.get(`/api/cases?${query}`), path as string);
      }
      fieldRefused(await supervisor.get('/api/cases/supervision?level=blue'), 'querystring.level');
      fieldRefused(
        await supervisor.get('/api/cases/supervision?departmentId=%00'),
        'querystring.departmentId',
      );
      const none = ok<{ items: unknown[]; total: number }>(
        await supervisor.get('/api/cases?number=not-a-number'),
      );
      assert.equal(none.total, 0, 'a number in the wrong format finds nothing, without an error');
    });

    test('without the CSRF header (or with a wrong one) a change is refused before anything else', async () => {
      const c = await newCase();
      const before = await snapshot(c.id);
      const send = (headers: Record<string, string>, payload: unknown) =>
        handler.inject({
          method: 'POST',
          url: `/api/cases/${c.id}/claim`,
          payload: payload as object,
          headers,
        });
      refused(await send({ 'x-csrf-token': '' }, { version: c.version }), 'AUTH_CSRF_INVALID');
      refused(await send({ 'x-csrf-token': 'forged' }, { version: c.version }), 'AUTH_CSRF_INVALID');
      const noHeader = await ctx().app.inject({
        method: 'POST',
        url: `/api/cases/${c.id}/claim`,
        payload: { version: c.version },
        headers: { cookie: (await sessionCookieOf('scjg_handler')) ?? '' },
      });
      refused(noHeader, 'AUTH_CSRF_INVALID');
      await unchanged(c.id, before, 'requests without a CSRF token');
    });

    test('the CSRF check comes before validation: a malformed body without the token is a 403', async () => {
      // Fails until the auth plugin checks the token in preValidation (it does so in preHandler,
      // after the schema), so a forged request is told which fields are wrong instead of refused.
      const c = await newCase();
      const forged = await handler.inject({
        method: 'POST',
        url: `/api/cases/${c.id}/claim`,
        payload: { version: 'x' },
        headers: { 'x-csrf-token': 'forged' },
      });
      refused(forged, 'AUTH_CSRF_INVALID');
    });

    test('the same action sent ten times at once: exactly one succeeds, nine are told the case moved', async () => {
      const reviewer = await ctx().as('scjg_reviewer');
      const c = await newCase();
      let version = c.version;
      const tenTimes = async (client: Client, action: string, body: Record<string, unknown>) => {
        const before = await snapshot(c.id);
        const all = await Promise.all(
          Array.from({ length: 10 }, () => client.post(`/api/cases/${c.id}/${action}`, { version, ...body })),
        );
        assert.deepEqual(tally(all), { 200: 1, '409 CASE_STALE_VERSION': 9 }, action);
        for (const r of all.filter((x) => x.statusCode === 409)) refused(r, 'CASE_STALE_VERSION');
        const after = await snapshot(c.id);
        const pages = [before.page, after.page] as { version: number; timeline: unknown[] }[];
        assert.equal(pages[1]?.version, version + 1, `${action}: one new version`);
        assert.equal(
          pages[1]?.timeline.length,
          (pages[0]?.timeline.length ?? 0) + 1,
          `${action}: one new action`,
        );
        assert.equal(after.audited, before.audited + 1, `${action}: one audit row`);
        version += 1;
      };
      await tenTimes(handler, 'claim', {});
      await tenTimes(handler, 'pass', { opinion: '同意' });
      await tenTimes(reviewer, 'pass', { opinion: '同意' });
      await tenTimes(approver, 'decide', { outcome: 'grant', opinion: '准予许可' });
      await tenTimes(handler, 'conclude', { documentName: '食品经营许可证', documentNumber: 'JY1220322' });
      await tenTimes(delivery, 'deliver', { method: 'window' });

      const received = await newCase('receive');
      const mixed = await Promise.all([
        ...Array.from({ length: 5 }, () =>
          clerk.post(`/api/cases/${received.id}/accept`, { version: received.version }),
        ),
        ...Array.from({ length: 5 }, () =>
          clerk.post(`/api/cases/${received.id}/refuse`, {
            version: received.version,
            reason: '不属于受理范围',
          }),
        ),
      ]);
      assert.deepEqual(
        tally(mixed),
        { 200: 1, '409 CASE_STALE_VERSION': 9 },
        'accept and refuse race: one wins',
      );
      const page = ok<{ timeline: unknown[]; status: string }>(
        await supervisor.get(`/api/cases/${received.id}`),
      );
      assert.equal(page.timeline.length, 2);
      assert.ok(['in_process', 'refused'].includes(page.status));
    });

    test('ten saves of a process at once with the revision seen: one is kept, nine are told it moved', async () => {
      const catalog = await ctx().as('catalog');
      const url = `/api/case-processes/${items.police}`;
      const seen = ok<{ revision: number }>(await catalog.get(url)).revision;
      const steps = (name: string) => [
        { key: 'handle', name, role: 'dept_handler', departmentId: null, budgetDays: 2 },
        { key: 'approve', name: '批准', role: 'dept_approver', departmentId: null, budgetDays: 2 },
      ];
      const all = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          catalog.put(url, { steps: steps(`承办${i}`), expectedRevision: seen }),
        ),
      );
      assert.deepEqual(tally(all), { 200: 1, '409 CASE_PROCESS_STALE_VERSION': 9 });
      const kept = ok<{ revision: number; steps: { name: string }[] }>(await catalog.get(url));
      const winner = ok<{ steps: { name: string }[] }>(
        all.find((r) => r.statusCode === 200) as LightMyRequestResponse,
      );
      assert.equal(kept.revision, seen + 1);
      assert.deepEqual(kept.steps, winner.steps, 'the saved process is the one that was answered 200');
      const stale = refused(
        await catalog.put(url, { steps: steps('过期'), expectedRevision: seen }),
        'CASE_PROCESS_STALE_VERSION',
      );
      assert.deepEqual(stale.details, { expected: seen, current: seen + 1 });
      fieldRefused(
        await catalog.put(url, { steps: steps('x'), expectedRevision: -1 }),
        'body.expectedRevision',
      );
      // The field is required: a save that names no revision is refused, not taken blindly.
      fieldRefused(await catalog.put(url, { steps: steps('x') }), 'body.expectedRevision');
      assert.equal(ok<{ revision: number }>(await catalog.get(url)).revision, seen + 1, 'nothing stored');
    });

    test('ten intakes at once, half refused: the others each get their own consecutive number', async () => {
      const last = ok<{ items: { number: string }[] }>(await supervisor.get('/api/cases?pageSize=1'))
        .items[0];
      const all = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          clerk.post('/api/cases', i % 2 === 0 ? intake('accept') : intake('accept', { materials: [] })),
        ),
      );
      assert.deepEqual(tally(all), { 201: 5, '422 CASE_MATERIAL_MISSING': 5 });
      const serials = all
        .filter((r) => r.statusCode === 201)
        .map((r) => Number((r.json() as { number: string }).number.split('-')[2]))
        .sort((a, b) => a - b);
      const first = Number(last?.number.split('-')[2]) + 1;
      assert.deepEqual(serials, [first, first + 1, first + 2, first + 3, first + 4]);
    });

    test('English on request: the message and zod field messages in English, the code the same', async () => {
      const c = await newCase();
      const en = { 'accept-language': 'en-US' };
      const claimEn = await handler.post(`/api/cases/${c.id}/claim`, { version: '1' }, en);
      const error = fieldRefused(claimEn, 'body.version', { english: true });
      assert.doesNotMatch(error.details?.fields?.[0]?.message ?? '', /[\u4e00-\u9fff]/);
      const zh = fieldRefused(
        await handler.post(`/api/cases/${c.id}/claim`, { version: '1' }),
        'body.version',
      );
      assert.match(
        zh.details?.fields?.[0]?.message ?? '',
        /[\u4e00-\u9fff]/,
        'a field message in Chinese by default',
      );
      refused(await handler.post(`/api/cases/${c.id}/claim`, { version: 1 }, en), 'CASE_STALE_VERSION', true);
      const broken = await handler.inject({
        method: 'POST',
        url: `/api/cases/${c.id}/claim`,
        payload: '{"version":',
        headers: { 'content-type': 'application/json', ...en },
      });
      assert.equal(
        fieldRefused(broken, 'body', { english: true }).details?.fields?.[0]?.message,
        'The body is not valid JSON',
      );
    });

    /** The session cookie of a fresh log-in (for a request sent without the CSRF header). */
    async function sessionCookieOf(username: string): Promise<string | undefined> {
      const res = await ctx().app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: TEST_PASSWORD },
      });
      const cookie = res.cookies.find((x) => x.name === 'ow_session');
      return cookie ? `ow_session=${cookie.value}` : undefined;
    }
  },
  { catalog: true, cases: true },
);
