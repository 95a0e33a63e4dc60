import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findOrgUnitByCode } from '../../modules/org/index.ts';
import { insertStaff } from '../../modules/org/testing/index.ts';
import { describeEachDb, TEST_PASSWORD } from '../../testing/harness.ts';
import { hashPassword } from '../auth/passwords.ts';
import { openDatabase } from '../db/index.ts';
import { updateCalendarDay } from './update-calendar-day.ts';

const NOTICE_2027 = {
  year: 2027,
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-05', to: '2027-02-12' },
  ],
  makeupDays: [
    { date: '2027-01-31', name: '春节' },
    { date: '2027-02-20', name: '春节' },
  ],
};

function paths(body: { error: { details: { fields: { path: string }[] } } }): string[] {
  return body.error.details.fields.map((f) => f.path);
}

describeEachDb('working-day calendar', (ctx) => {
  test('2025 and 2026 are there from the start, with their holidays and make-up days', async () => {
    const admin = await ctx().as('admin');
    const res = await admin.get('/api/calendar/years');
    assert.equal(res.statusCode, 200);
    const items = res.json().items;
    assert.deepEqual(
      items.map(
        (y: { year: number; source: string; holidayDays: number; makeupDays: number; workdays: number }) => [
          y.year,
          y.source,
          y.holidayDays,
          y.makeupDays,
          y.workdays,
        ],
      ),
      [
        [2025, 'chinese-days', 28, 5, 248],
        [2026, 'chinese-days', 33, 6, 248],
      ],
    );
    const year = await admin.get('/api/calendar/years/2026');
    const days = year.json().days;
    assert.equal(days.length, 365);
    assert.deepEqual(
      days.find((d: { date: string }) => d.date === '2026-10-01'),
      { date: '2026-10-01', workday: false, kind: 'holiday', name: '国庆节' },
    );
    assert.deepEqual(
      days.find((d: { date: string }) => d.date === '2026-10-10'),
      { date: '2026-10-10', workday: true, kind: 'makeup', name: '国庆节' },
    );
    const missing = await admin.get('/api/calendar/years/2027');
    assert.equal(missing.statusCode, 422);
    assert.equal(missing.json().error.code, 'CALENDAR_YEAR_NOT_PUBLISHED');
  });

  test('deadlines skip 国庆 and count the make-up Saturday; 2027 is refused until published', async () => {
    const admin = await ctx().as('admin');
    const add = await admin.get('/api/calendar/workdays/add?from=2026-09-30&n=5');
    assert.equal(add.statusCode, 200);
    assert.deepEqual(add.json(), { from: '2026-09-30', n: 5, date: '2026-10-13' });
    const between = await admin.get('/api/calendar/workdays/between?from=2026-09-30&to=2026-10-13');
    assert.deepEqual(between.json(), { from: '2026-09-30', to: '2026-10-13', workdays: 5 });
    const beyond = await admin.get('/api/calendar/workdays/add?from=2026-12-31&n=1');
    assert.equal(beyond.statusCode, 422);
    assert.equal(beyond.json().error.code, 'CALENDAR_YEAR_NOT_PUBLISHED');
    assert.deepEqual(beyond.json().error.details, { year: 2027 });
    assert.match(beyond.json().error.message, /尚未发布/);
  });

  test('the administrator publishes 2027, and deadlines run on across the new year', async () => {
    const admin = await ctx().as('admin');
    const res = await admin.post('/api/calendar/years', NOTICE_2027);
    assert.equal(res.statusCode, 201, res.body);
    const { publishedAt, ...summary } = res.json() as { publishedAt: string };
    assert.ok(Date.parse(publishedAt) > Date.now() - 60_000, publishedAt);
    assert.deepEqual(summary, {
      year: 2027,
      source: 'manual',
      holidayDays: 11,
      makeupDays: 2,
      workdays: 256,
    });
    const add = async (from: string, n: number) =>
      (await admin.get(`/api/calendar/workdays/add?from=${from}&n=${n}`)).json().date;
    assert.equal(await add('2026-12-31', 1), '2027-01-04');
    assert.equal(await add('2026-12-25', 5), '2027-01-04');
    assert.equal(await add('2027-01-29', 1), '2027-01-31');
    assert.equal(await add('2027-02-04', 1), '2027-02-15');
    const between = await admin.get('/api/calendar/workdays/between?from=2026-12-25&to=2027-01-08');
    assert.equal(between.json().workdays, 9);

    const again = await admin.post('/api/calendar/years', NOTICE_2027);
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'CALENDAR_YEAR_EXISTS');

    const audit = await ctx()
      .platform.db.selectFrom('audit_log')
      .select(['action', 'actor_name'])
      .where('entity_type', '=', 'calendar_year')
      .where('entity_id', '=', '2027')
      .execute();
    assert.deepEqual(audit, [{ action: 'calendar.publishYear', actor_name: '系统管理员' }]);
  });

  test('a corrected day counts at once, here and in another process', async () => {
    const admin = await ctx().as('admin');
    const between = async () =>
      (await admin.get('/api/calendar/workdays/between?from=2027-02-26&to=2027-03-02')).json().workdays;
    assert.equal(await between(), 2);
    const res = await admin.put('/api/calendar/days/2027-03-01', { kind: 'holiday', name: '临时假日' });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { date: '2027-03-01', workday: false, kind: 'holiday', name: '临时假日' });
    assert.equal(await between(), 1);

    // Another process: its own connection to the same database, no shared memory with this app.
    const { platform, config } = ctx();
    const other = openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      sqliteFile: platform.database.sqliteFile ?? undefined,
    });
    try {
      const account = await other.db
        .selectFrom('accounts')
        .select('id')
        .where('username', '=', 'admin')
        .executeTakeFirstOrThrow();
      const actor = await platform.loadActor(other.db, account.id);
      assert.ok(actor);
      await updateCalendarDay({ ...platform, database: other, db: other.db }, actor, {
        date: '2027-03-01',
        kind: 'workday',
      });
    } finally {
      await other.close();
    }
    assert.equal(await between(), 2);

    const audit = await platform.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'calendar.updateDay')
      .where('entity_id', '=', '2027-03-01')
      .orderBy('seq')
      .execute();
    assert.equal(audit.length, 2);
    assert.deepEqual(JSON.parse(audit[0]?.detail ?? '{}').before, {
      workday: true,
      kind: 'workday',
      name: null,
    });
  });

  test('bad input names the field at fault and never gives a 5xx', async () => {
    const admin = await ctx().as('admin');
    const wrongOrder = await admin.post('/api/calendar/years', {
      year: 2028,
      holidays: [
        { name: '元旦', from: '2028-01-01', to: '2028-01-03' },
        { name: '春节', from: '2028-01-25', to: '2028-02-01' },
        { name: '清明节', from: '2028-04-04', to: '2028-04-02' },
      ],
      makeupDays: [{ date: '2028-01-05', name: '元旦' }],
    });
    assert.equal(wrongOrder.statusCode, 400);
    assert.equal(wrongOrder.json().error.code, 'VALIDATION_FAILED');
    assert.deepEqual(paths(wrongOrder.json()), ['body.holidays.2.to', 'body.makeupDays.0.date']);

    const badDate = await admin.post('/api/calendar/years', {
      year: 2028,
      holidays: [{ name: '元旦', from: '2028-13-01', to: '2028-01-01' }],
      makeupDays: [],
    });
    assert.equal(badDate.statusCode, 400);
    assert.deepEqual(paths(badDate.json()), ['body.holidays.0.from']);

    const cases: [string, number, string][] = [
      ['/api/calendar/workdays/add?from=2026-02-30&n=1', 400, 'querystring.from'],
      ['/api/calendar/workdays/add?from=2026-02-03&n=-1', 400, 'querystring.n'],
      ['/api/calendar/workdays/add?from=2026-02-03&n=abc', 400, 'querystring.n'],
      ['/api/calendar/workdays/between?from=2026-02-03', 400, 'querystring.to'],
      ['/api/calendar/years/twenty', 400, 'params.year'],
    ];
    for (const [url, status, path] of cases) {
      const res = await admin.get(url);
      assert.equal(res.statusCode, status, url);
      assert.ok(paths(res.json()).includes(path), `${url}: ${res.body}`);
    }
    const badDay = await admin.put('/api/calendar/days/2026-13-01', { kind: 'holiday', name: 'x' });
    assert.deepEqual(paths(badDay.json()), ['params.date']);
    const weekdayMakeup = await admin.put('/api/calendar/days/2026-03-02', { kind: 'makeup', name: '春节' });
    assert.deepEqual(paths(weekdayMakeup.json()), ['body.kind']);
    const unpublished = await admin.put('/api/calendar/days/2030-03-01', { kind: 'holiday', name: '假日' });
    assert.equal(unpublished.statusCode, 422);
    assert.equal(unpublished.json().error.code, 'CALENDAR_YEAR_NOT_PUBLISHED');
  });

  test('a window clerk computes deadlines but may not change the calendar', async () => {
    const { platform } = ctx();
    const county = await findOrgUnitByCode(platform.db, '220322');
    assert.ok(county);
    await insertStaff(platform.db, {
      username: 'cal_clerk',
      passwordHash: await hashPassword(TEST_PASSWORD),
      name: '窗口受理员',
      orgUnitId: county.id,
      roles: [{ role: 'window_clerk', scopeOrgUnitId: county.id }],
    });
    const clerk = await ctx().as('cal_clerk');
    const add = await clerk.get('/api/calendar/workdays/add?from=2026-09-30&n=5');
    assert.equal(add.json().date, '2026-10-13');
    const publish = await clerk.post('/api/calendar/years', { ...NOTICE_2027, year: 2029 });
    assert.equal(publish.statusCode, 403);
    assert.equal(publish.json().error.code, 'ACCESS_DENIED');
    const edit = await clerk.put('/api/calendar/days/2026-03-02', { kind: 'holiday', name: '假日' });
    assert.equal(edit.statusCode, 403);
    const days = await clerk.get('/api/calendar/years/2026');
    assert.equal(days.json().days.find((d: { date: string }) => d.date === '2026-03-02').kind, 'workday');
    const anonymous = await ctx().anonymous.get('/api/calendar/workdays/add?from=2026-09-30&n=5');
    assert.equal(anonymous.statusCode, 401);
  });
});
