import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { getWorkCalendar } from '../../../platform/calendar/index.ts';
import { describeEachDb } from '../../../testing/harness.ts';
import { expectError, ok } from '../../../testing/http-support.ts';
import { DEFAULT_CASE_SETTINGS } from '../domain/case-settings.ts';
import { rebuildProjection } from '../store/rebuild.ts';
import { casesDb } from '../store/store.ts';
import { type CountyDesk, intakeAtA01, person, setUpCountyDesk } from '../testing/http-test-support.ts';

type Page = { id: string; number: string; version: number; status: string };

/** Window intake with an Idempotency-Key: a repeated submit is answered, never received twice. */
describeEachDb('case intake: Idempotency-Key against double submission', (ctx) => {
  let desk: CountyDesk;
  before(async () => {
    desk = await setUpCountyDesk(ctx());
  });

  const body = (seq: number, decision = 'accept') => intakeAtA01(desk, person(seq, '赵重复'), { decision });
  const keyed = (key: string) => ({ 'idempotency-key': key });

  /** What a double intake would leave behind: cases, the year's last case number, audit rows, texts. */
  const traces = async () => {
    const db = ctx().platform.db;
    const count = async (q: Promise<{ n: number | string | bigint }>) => Number((await q).n);
    return {
      cases: await count(
        casesDb(db)
          .selectFrom('cases')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ),
      lastNumber: await count(
        casesDb(db)
          .selectFrom('case_numbers')
          .select((eb) => eb.fn.max('last').as('n'))
          .executeTakeFirstOrThrow(),
      ),
      audit: await count(
        db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('entity_type', '=', 'case')
          .executeTakeFirstOrThrow(),
      ),
      texts: await count(
        db
          .selectFrom('notifications')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ),
    };
  };
  const serialOf = (number: string) => Number(number.slice(-7));

  test('a repeat of the same key answers the first case: no second case, number, audit row or SMS', async () => {
    const clerk = await ctx().as('clerk');
    const first = await clerk.post('/api/cases', body(70), keyed('form-70-aaaaaaaa'));
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(first.headers['idempotent-replayed'], undefined);
    const c = first.json() as Page;
    const after = await traces();

    // The same form sent again, its members in another order (a browser retry, a double click).
    const { decision, ...rest } = body(70);
    const again = await clerk.post('/api/cases', { decision, ...rest }, keyed('form-70-aaaaaaaa'));
    assert.equal(again.statusCode, 201, again.body);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.deepEqual(again.json(), first.json(), 'the same case page');
    assert.deepEqual(await traces(), after, 'nothing new written');

    // The next application gets the very next number: the repeat used none.
    const next = ok<Page>(await clerk.post('/api/cases', body(71), keyed('form-71-aaaaaaaa')));
    assert.equal(serialOf(next.number), serialOf(c.number) + 1);
  });

  test('ten concurrent submits with one key receive one case, and all ten answers name it', async () => {
    const clerk = await ctx().as('clerk');
    const before = await traces();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => clerk.post('/api/cases', body(72), keyed('burst-72-0123456789'))),
    );
    for (const a of answers) assert.equal(a.statusCode, 201, a.body);
    const pages = answers.map((a) => a.json() as Page);
    const ids = new Set(pages.map((p) => p.id));
    assert.equal(ids.size, 1, `one case: ${[...ids].join(', ')}`);
    assert.equal(new Set(pages.map((p) => p.number)).size, 1);
    assert.equal(answers.filter((a) => a.headers['idempotent-replayed'] !== 'true').length, 1);
    assert.equal(pages[0]?.status, 'in_process');
    const after = await traces();
    assert.equal(after.cases, before.cases + 1);
    assert.equal(after.lastNumber, before.lastNumber + 1, 'one case number used');
    assert.equal(after.audit, before.audit + 2, 'one receive and one accept audited');
    assert.equal(after.texts, before.texts + 1, 'one acceptance SMS');
    const sms = await ctx()
      .platform.db.selectFrom('notifications')
      .select('template')
      .where('related_id', '=', pages[0]?.id ?? '')
      .execute();
    assert.deepEqual(
      sms.map((s) => s.template),
      ['case.accepted'],
    );
  });

  test('the same key with a different body is a 409, and receives nothing', async () => {
    const clerk = await ctx().as('clerk');
    const c = ok<Page>(await clerk.post('/api/cases', body(73), keyed('form-73-aaaaaaaa')));
    const before = await traces();
    const err = expectError(
      await clerk.post('/api/cases', body(74), keyed('form-73-aaaaaaaa')),
      409,
      'CASE_INTAKE_KEY_REUSED',
    );
    assert.equal(err.details.caseNumber, c.number);
    expectError(
      await clerk.post('/api/cases', body(73, 'receive'), keyed('form-73-aaaaaaaa')),
      409,
      'CASE_INTAKE_KEY_REUSED',
    );
    assert.deepEqual(await traces(), before);
  });

  test('keys are per clerk: another clerk’s identical key receives its own case', async () => {
    const clerk = await ctx().as('clerk');
    const other = await ctx().as('delivery');
    const mine = ok<Page>(await clerk.post('/api/cases', body(75), keyed('shared-key-75')));
    const theirs = await other.post('/api/cases', body(75), keyed('shared-key-75'));
    assert.equal(theirs.statusCode, 201, theirs.body);
    assert.equal(theirs.headers['idempotent-replayed'], undefined);
    assert.notEqual((theirs.json() as Page).id, mine.id);
    assert.notEqual((theirs.json() as Page).number, mine.number);
  });

  test('a malformed key is a 400 naming the header, in Chinese and English', async () => {
    const clerk = await ctx().as('clerk');
    const before = await traces();
    for (const bad of ['short', 'has space-123', 'x'.repeat(101), '键键键键键键键键', 'a,b,c,d,e,f', '']) {
      const err = expectError(
        await clerk.post('/api/cases', body(76), keyed(bad)),
        400,
        'CASE_INTAKE_KEY_INVALID',
      );
      assert.match(err.message, /Idempotency-Key/);
      assert.equal(err.details.fields[0].path, 'headers.idempotency-key');
    }
    const en = expectError(
      await clerk.post('/api/cases', body(76), { ...keyed('short'), 'accept-language': 'en-US' }),
      400,
      'CASE_INTAKE_KEY_INVALID',
    );
    assert.match(en.message, /^Invalid Idempotency-Key header/);
    // A bad body with a good key is still the body's fault.
    const bodyErr = expectError(
      await clerk.post('/api/cases', { ...body(76), decision: 'maybe' }, keyed('form-76-aaaaaaaa')),
      400,
      'VALIDATION_FAILED',
    );
    assert.ok(JSON.stringify(bodyErr.details).includes('body.decision'));
    assert.deepEqual(await traces(), before);
    // The longest key allowed, and every kind of character allowed, are taken.
    ok(await clerk.post('/api/cases', body(76), keyed(`Ab9_-${'z'.repeat(95)}`)));
  });

  test('a refused intake stores no key: the corrected form is received under the same key', async () => {
    const clerk = await ctx().as('clerk');
    expectError(
      await clerk.post('/api/cases', body(77, 'refuse'), keyed('form-77-aaaaaaaa')),
      422,
      'CASE_DECISION_REASONS_REQUIRED',
    );
    const c = await clerk.post('/api/cases', body(77), keyed('form-77-aaaaaaaa'));
    assert.equal(c.statusCode, 201, c.body);
    assert.equal(c.headers['idempotent-replayed'], undefined);
  });

  test('without a key, intake is as before: each submit receives a case', async () => {
    const clerk = await ctx().as('clerk');
    const a = ok<Page>(await clerk.post('/api/cases', body(78)));
    const b = await clerk.post('/api/cases', body(78));
    assert.equal(b.statusCode, 201);
    assert.equal(b.headers['idempotent-replayed'], undefined);
    assert.notEqual((b.json() as Page).id, a.id);
    assert.notEqual((b.json() as Page).number, a.number);
  });

  test('the key is in the receive action: a keyed case’s projection rebuilds from its log', async () => {
    const clerk = await ctx().as('clerk');
    const c = ok<Page>(await clerk.post('/api/cases', body(79), keyed('form-79-aaaaaaaa')));
    const db = ctx().platform.db;
    const stored = await casesDb(db)
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    assert.equal(stored.intake_key, 'form-79-aaaaaaaa');
    assert.match(stored.intake_key_hash ?? '', /^[0-9a-f]{64}$/);
    const rebuilt = await rebuildProjection(db, {
      caseId: c.id,
      calendar: await getWorkCalendar(db),
      clockOn: stored.clock_on,
      settings: DEFAULT_CASE_SETTINGS,
    });
    assert.equal(rebuilt.brokenAt, null);
    assert.deepEqual(rebuilt.row, stored);
  });
});
