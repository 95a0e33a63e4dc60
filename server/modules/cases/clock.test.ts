import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { shanghaiDateOf } from '../../platform/time.ts';
import { computeClock, warningLevelOf } from './clock.ts';
import type { CaseCommand } from './decide.ts';
import { DEFAULT_CASE_SETTINGS } from './settings.ts';
import { shanghaiDay } from './shanghai-day.ts';
import {
  approverStamp,
  CaseRun,
  clerkStamp,
  handlerStamp,
  PROCESS,
  receivePayload,
  reviewerStamp,
  testCalendar,
} from './test-fixtures.ts';

const calendar = testCalendar();
const settings = DEFAULT_CASE_SETTINGS;
const steps = [...PROCESS];
const clockOn = (r: CaseRun, today: string) => computeClock(r.state, calendar, today, settings);
const correction: CaseCommand = {
  type: 'requestCorrection',
  items: [{ name: '营业执照', problem: '已过期' }],
};

describe('the case clock across 2026 春节 (15–23 Feb off; Sat 14 and Sat 28 Feb worked)', () => {
  // Accepted Tue 10 Feb, 10 working days promised: 11, 12, 13, 14 (make-up), 24, 25, 26, 27,
  // 28 (make-up) February and Mon 2 March.
  const accepted = () => new CaseRun('2026-02-10').act('2026-02-10', { type: 'accept', steps }, clerkStamp);

  test('the promised deadline skips the holiday and counts the make-up Saturdays', () => {
    const clock = clockOn(accepted(), '2026-02-10');
    assert.equal(clock.promisedDue, '2026-03-02');
    assert.equal(clock.legalDue, '2026-03-16');
    assert.equal(clock.usedDays, 0);
    assert.equal(clock.warningLevel, 'green');
    assert.equal(clockOn(accepted(), '2026-02-23').usedDays, 4, 'no working day passes during the festival');
  });

  test('a correction during the festival pauses the clock; a special procedure after it too', () => {
    const r = accepted().act('2026-02-12', correction);
    const during = clockOn(r, '2026-02-20');
    assert.equal(during.paused, true);
    assert.equal(during.running, false);
    assert.equal(during.promisedDue, null, 'the end moves with the pause');
    assert.equal(during.usedDays, 2, '11 and 12 February count; the day the notice went out is the last');
    // Resubmitted Wed 25 Feb: 13, 14, 24 and 25 Feb are excluded (4 days).
    r.act('2026-02-25', { type: 'resubmit', materials: [] }, clerkStamp);
    const after = clockOn(r, '2026-02-25');
    assert.equal(after.pausedDays, 4);
    assert.equal(after.promisedDue, '2026-03-06');
    // Special procedure Mon 2 March to Wed 4 March: 3 and 4 March are excluded too.
    r.act('2026-03-02', {
      type: 'startSpecial',
      kind: 'inspection',
      reason: '现场核查',
      expectedEnd: '2026-03-04',
    });
    r.act('2026-03-04', { type: 'endSpecial', result: '合格' });
    const c = clockOn(r, '2026-03-05');
    assert.equal(c.pausedDays, 6);
    assert.equal(c.promisedDue, '2026-03-10');
    assert.equal(c.legalDue, '2026-03-24');
    assert.equal(c.usedDays, 7);
    assert.equal(c.warningLevel, 'green', '3 days left, 70% used');
    assert.equal(clockOn(r, '2026-03-06').warningLevel, 'yellow', '2 days left');
    assert.equal(clockOn(r, '2026-03-10').warningLevel, 'yellow', 'due today');
    assert.equal(clockOn(r, '2026-03-10').remainingDays, 0);
    assert.equal(clockOn(r, '2026-03-11').warningLevel, 'red', 'overdue');
  });

  test('step budgets: the step that overran is the one where time was lost', () => {
    // 承办 (budget 5) from 10 Feb to 2 March with the 4-day correction inside: 6 days used.
    const r = accepted()
      .act('2026-02-12', correction)
      .act('2026-02-25', { type: 'resubmit', materials: [] }, clerkStamp)
      .act('2026-03-02', { type: 'pass', opinion: '同意' }, handlerStamp)
      .act('2026-03-03', { type: 'pass', opinion: '同意' }, reviewerStamp);
    const c = clockOn(r, '2026-03-03');
    assert.deepEqual(
      c.steps.map((s) => [s.name, s.usedDays, s.overrunDays]),
      [
        ['承办', 6, 1],
        ['审核', 1, 0],
        ['批准', 0, 0],
      ],
    );
    assert.equal(c.lostStep?.name, '承办');
  });

  test('the clock stops at the decision', () => {
    const r = accepted()
      .act('2026-02-11', { type: 'pass', opinion: '同意' }, handlerStamp)
      .act('2026-02-12', { type: 'pass', opinion: '同意' }, reviewerStamp)
      .act('2026-02-13', { type: 'decide', outcome: 'grant', opinion: '准予' }, approverStamp);
    const c = clockOn(r, '2026-06-01');
    assert.equal(c.usedDays, 3);
    assert.equal(c.running, false);
    assert.equal(c.warningLevel, 'green');
  });
});

describe('the case clock across 2026 国庆 (1–7 Oct off; Sun 20 Sep and Sat 10 Oct worked)', () => {
  const payload = () => {
    const p = receivePayload();
    return { ...p, item: { ...p.item, promised: { days: 15, unit: 'working_day' as const } } };
  };

  test('special procedure over the holiday plus an extension', () => {
    const r = new CaseRun('2026-09-28', payload()).act('2026-09-28', { type: 'accept', steps }, clerkStamp);
    // 15 working days: 29, 30 Sep, 8, 9, 10 (make-up), 12–16 and 19–23 Oct.
    assert.equal(clockOn(r, '2026-09-28').promisedDue, '2026-10-23');
    // Inspection from Wed 30 Sep to Mon 12 Oct: 8, 9, 10 (make-up) and 12 Oct excluded.
    r.act('2026-09-30', {
      type: 'startSpecial',
      kind: 'inspection',
      reason: '现场勘验',
      expectedEnd: '2026-10-12',
    });
    r.act('2026-10-12', { type: 'endSpecial', result: '勘验完毕' });
    r.act('2026-10-13', { type: 'extend', days: 5, reason: '需补充勘验' }, approverStamp);
    const c = clockOn(r, '2026-10-13');
    assert.equal(c.pausedDays, 4);
    assert.equal(c.extensionDays, 5);
    assert.equal(c.limitDays, 20);
    assert.equal(c.legalLimitDays, 25);
    assert.equal(c.usedDays, 3, '29 and 30 Sep, and 13 Oct');
    assert.equal(c.promisedDue, '2026-11-05');
    assert.equal(c.legalDue, '2026-11-12');
  });
});

describe('the clock, other rules', () => {
  test('received and silent for more than five working days: counts as accepted by law', () => {
    const r = new CaseRun('2026-03-02');
    assert.equal(clockOn(r, '2026-03-09').deemedAccepted, false);
    assert.equal(clockOn(r, '2026-03-09').warningLevel, 'none');
    const late = clockOn(r, '2026-03-10');
    assert.equal(late.deemedAccepted, true);
    assert.equal(late.clockStart, '2026-03-02');
    assert.equal(late.usedDays, 6);
    assert.equal(late.promisedDue, '2026-03-16');
  });

  test('a deadline in a year without published holidays is flagged, never guessed', () => {
    const p = receivePayload();
    const long = { ...p, item: { ...p.item, promised: { days: 30, unit: 'working_day' as const } } };
    const r = new CaseRun('2026-12-01', long).act('2026-12-01', { type: 'accept', steps }, clerkStamp);
    const c = clockOn(r, '2026-12-02');
    assert.equal(c.promisedDue, null);
    assert.deepEqual(c.calendarProblem, { code: 'CALENDAR_YEAR_NOT_PUBLISHED', year: 2027 });
    assert.equal(c.usedDays, 1);
    assert.equal(c.warningLevel, 'green');
  });

  test('limits in natural days count every day', () => {
    const p = receivePayload();
    const natural = { ...p, item: { ...p.item, promised: { days: 30, unit: 'natural_day' as const } } };
    const r = new CaseRun('2026-02-10', natural).act('2026-02-10', { type: 'accept', steps }, clerkStamp);
    const c = clockOn(r, '2026-02-20');
    assert.equal(c.promisedDue, '2026-03-12');
    assert.equal(c.usedDays, 10);
  });

  test('warning thresholds follow the configuration', () => {
    assert.equal(warningLevelOf(5, 10, settings), 'green');
    assert.equal(warningLevelOf(8, 10, settings), 'yellow', '80% used');
    assert.equal(warningLevelOf(18, 20, settings), 'yellow', '2 days left');
    assert.equal(warningLevelOf(15, 20, settings), 'green');
    assert.equal(warningLevelOf(16, 20, settings), 'yellow', '80% used, 4 days left');
    assert.equal(warningLevelOf(11, 10, settings), 'red');
    const strict = { ...settings, yellowDaysLeft: 5, yellowUsedRatio: 0.5 };
    assert.equal(warningLevelOf(5, 10, strict), 'yellow');
    assert.equal(warningLevelOf(14, 20, strict), 'yellow');
  });

  test('withdrawn and voided cases show no warning', () => {
    const r = new CaseRun('2026-03-02')
      .act('2026-03-02', { type: 'accept', steps }, clerkStamp)
      .act('2026-03-30', { type: 'withdraw', reason: '申请人撤回' }, clerkStamp);
    assert.equal(clockOn(r, '2026-04-30').warningLevel, 'none');
  });
});

describe('shanghaiDay', () => {
  test('agrees with the platform’s Intl-based date for any instant since 1992', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const iso = new Date(ms).toISOString();
        assert.equal(shanghaiDay(iso), shanghaiDateOf(iso));
      }),
      { numRuns: 5000 },
    );
  });
});
