import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chineseDaysYear } from '../db/migrations/0002_calendar_seed.ts';
import { isAppError } from '../errors.ts';
import { correctDay, planYear } from './year-plan.ts';

function fieldsOf(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (err) {
    if (isAppError(err, 'VALIDATION_FAILED'))
      return (err.detailsIn('zh-CN') as { fields: { path: string; message: string }[] }).fields;
    throw err;
  }
  assert.fail('expected VALIDATION_FAILED');
}

test('entering the 2026 notice by hand gives the same working days as the seeded table', () => {
  const planned = planYear({
    year: 2026,
    holidays: [
      { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
      { name: '春节', from: '2026-02-15', to: '2026-02-23' },
      { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
    ],
    makeupDays: [
      { date: '2026-01-04', name: '元旦' },
      { date: '2026-02-14', name: '春节' },
      { date: '2026-02-28', name: '春节' },
      { date: '2026-05-09', name: '劳动节' },
      { date: '2026-09-20', name: '国庆节' },
      { date: '2026-10-10', name: '国庆节' },
    ],
  });
  const seeded = chineseDaysYear(2026);
  assert.equal(planned.length, 365);
  assert.deepEqual(
    planned.map((d) => [d.date, d.workday, d.kind, d.name]),
    seeded.map((d) => [d.date, d.workday === 1, d.kind, d.name]),
  );
});

test('each wrong entry of a notice is named by its path', () => {
  const fields = fieldsOf(() =>
    planYear({
      year: 2027,
      holidays: [
        { name: '元旦', from: '2027-01-01', to: '2027-01-01' },
        { name: '春节', from: '2027-02-05', to: '2027-02-12' },
        { name: '清明节', from: '2027-04-05', to: '2027-04-03' },
        { name: '劳动节', from: '2026-05-01', to: '2027-05-05' },
        { name: '重复', from: '2027-02-12', to: '2027-02-13' },
      ],
      makeupDays: [
        { date: '2027-02-15', name: '春节' }, // a Monday
        { date: '2027-02-06', name: '春节' }, // a Saturday inside 春节
        { date: '2028-01-08', name: '元旦' },
        { date: '2027-02-20', name: '春节' },
        { date: '2027-02-20', name: '春节' },
      ],
    }),
  );
  const paths = fields.map((f) => f.path);
  assert.deepEqual(paths, [
    'body.holidays.2.to',
    'body.holidays.3.from',
    'body.holidays.4.from',
    'body.makeupDays.0.date',
    'body.makeupDays.1.date',
    'body.makeupDays.2.date',
    'body.makeupDays.4.date',
  ]);
  assert.match(fields[0]?.message ?? '', /早于/);
  assert.match(fields[2]?.message ?? '', /春节/);
  assert.match(fields[3]?.message ?? '', /周六或周日/);
});

test('a corrected day must fit its weekday, and only holidays and make-up days carry a name', () => {
  assert.deepEqual(correctDay('2027-03-01', 'holiday', '临时假日'), {
    date: '2027-03-01',
    workday: false,
    kind: 'holiday',
    name: '临时假日',
  });
  assert.deepEqual(correctDay('2027-03-06', 'makeup', '春节').workday, true);
  assert.deepEqual(
    fieldsOf(() => correctDay('2027-03-01', 'makeup', '春节')).map((f) => f.path),
    ['body.kind'],
  );
  assert.deepEqual(
    fieldsOf(() => correctDay('2027-03-06', 'workday', null)).map((f) => f.path),
    ['body.kind'],
  );
  assert.deepEqual(
    fieldsOf(() => correctDay('2027-03-01', 'holiday', null)).map((f) => f.path),
    ['body.name'],
  );
  assert.deepEqual(
    fieldsOf(() => correctDay('2027-03-01', 'workday', '春节')).map((f) => f.path),
    ['body.name'],
  );
});
