import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TimeLimitUnit } from '../../../../contracts/cases.ts';
import {
  approverStamp,
  CaseRun,
  clerkStamp,
  handlerStamp,
  PROCESS,
  receivePayload,
  reviewerStamp,
  testCalendar,
} from '../testing/test-fixtures.ts';
import { DEFAULT_CASE_SETTINGS } from './case-settings.ts';
import { computeClock, warningLevelOf } from './clock.ts';
import type { CaseCommand } from './decide.ts';

const calendar = testCalendar();
const settings = DEFAULT_CASE_SETTINGS;
const steps = [...PROCESS];
const clockOn = (r: CaseRun, today: string) => computeClock(r.state, { calendar, today, settings });
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
    assert.equal(during.pausedSince, '2026-02-12');
    assert.equal(during.promisedDueIfResumedToday, '2026-03-04', '8 days left from 24 Feb');
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

  test('during a special procedure: the days left frozen, and the due dates if the clock resumed today', () => {
    // Special procedure from Thu 12 Feb to Wed 25 Feb: 11 and 12 Feb count, 13, 14 (make-up),
    // 24 and 25 Feb do not; the 春节 days 15–23 Feb are no working days anyway.
    const r = accepted().act('2026-02-12', {
      type: 'startSpecial',
      kind: 'expert_review',
      reason: '专家评审',
      expectedEnd: '2026-02-25',
    });
    const on = (today: string) => clockOn(r, today);
    for (const today of ['2026-02-12', '2026-02-13', '2026-02-20', '2026-02-24']) {
      const c = on(today);
      assert.equal(c.paused, true, today);
      assert.equal(c.usedDays, 2, today);
      assert.equal(c.remainingDays, 8, `${today}: frozen at the stop`);
      assert.equal(c.pausedSince, '2026-02-12');
      assert.equal(c.promisedDue, null, 'the field keeps its meaning: no fixed date while paused');
      assert.equal(c.legalDue, null);
      assert.equal(c.warningLevel, 'green');
    }
    // Resumed the day it stopped: the plain 10th working day, 2 March.
    assert.equal(on('2026-02-12').promisedDueIfResumedToday, '2026-03-02');
    // Over the festival only the make-up Saturday 14 Feb and Fri 13 Feb pass: 8 days left from 24 Feb.
    assert.equal(on('2026-02-13').promisedDueIfResumedToday, '2026-03-03');
    assert.equal(on('2026-02-20').promisedDueIfResumedToday, '2026-03-04');
    assert.equal(on('2026-02-20').legalDueIfResumedToday, '2026-03-18');
    assert.equal(on('2026-02-24').promisedDueIfResumedToday, '2026-03-05');
    r.act('2026-02-25', { type: 'endSpecial', result: '评审通过' });
    const after = on('2026-02-25');
    assert.equal(after.paused, false);
    assert.equal(after.pausedDays, 4);
    assert.equal(after.remainingDays, 8);
    assert.equal(after.promisedDue, '2026-03-06', 'what "if resumed today" said on the day it resumed');
    assert.equal(after.pausedSince, null);
    assert.equal(after.promisedDueIfResumedToday, null);
    assert.equal(after.legalDueIfResumedToday, null);
  });

  test('a correction asked for after the deadline passed does not move the deadline', () => {
    // Due 2 March; correction from Wed 4 March to Tue 10 March (5, 6, 9 and 10 March excluded).
    const r = accepted()
      .act('2026-03-04', correction)
      .act('2026-03-10', { type: 'resubmit', materials: [] }, clerkStamp);
    const c = clockOn(r, '2026-03-11');
    assert.equal(c.pausedDays, 4);
    assert.equal(c.usedDays, 13);
    assert.equal(c.remainingDays, -3, '3 and 4 March and 11 March late');
    assert.equal(c.promisedDue, '2026-03-02');
    assert.equal(c.warningLevel, 'red');
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

  test('during the inspection over the holiday: 13 days left, and where they would end if resumed', () => {
    const r = new CaseRun('2026-09-28', payload())
      .act('2026-09-28', { type: 'accept', steps }, clerkStamp)
      .act('2026-09-30', {
        type: 'startSpecial',
        kind: 'inspection',
        reason: '现场勘验',
        expectedEnd: '2026-10-12',
      });
    // On Fri 9 Oct: 29 and 30 Sep used; 8 and 9 Oct paused (1–7 Oct are holidays).
    const c = clockOn(r, '2026-10-09');
    assert.equal(c.remainingDays, 13);
    assert.equal(c.pausedDays, 2);
    assert.equal(c.pausedSince, '2026-09-30');
    // 13 days from Sat 10 Oct (make-up): 10, 12–16, 19–23, 26 and 27 Oct.
    assert.equal(c.promisedDueIfResumedToday, '2026-10-27');
    assert.equal(c.legalDueIfResumedToday, '2026-11-03');
    assert.equal(clockOn(r, '2026-10-01').promisedDueIfResumedToday, '2026-10-23', 'no working day lost yet');
    assert.equal(clockOn(r, '2026-10-01').remainingDays, 13);
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
    // Paused: the date it would have if resumed today is just as unknown, and said so.
    r.act('2026-12-02', correction);
    const paused = clockOn(r, '2026-12-10');
    assert.equal(paused.promisedDueIfResumedToday, null);
    assert.equal(paused.remainingDays, 29);
    assert.deepEqual(paused.calendarProblem, { code: 'CALENDAR_YEAR_NOT_PUBLISHED', year: 2027 });
  });

  test('warning thresholds follow the configuration', () => {
    assert.equal(warningLevelOf({ used: 5, limit: 10 }, settings), 'green');
    assert.equal(warningLevelOf({ used: 8, limit: 10 }, settings), 'yellow', '80% used');
    assert.equal(warningLevelOf({ used: 18, limit: 20 }, settings), 'yellow', '2 days left');
    assert.equal(warningLevelOf({ used: 15, limit: 20 }, settings), 'green');
    assert.equal(warningLevelOf({ used: 16, limit: 20 }, settings), 'yellow', '80% used, 4 days left');
    assert.equal(warningLevelOf({ used: 11, limit: 10 }, settings), 'red');
    const strict = { ...settings, yellowDaysLeft: 5, yellowUsedRatio: 0.5 };
    assert.equal(warningLevelOf({ used: 5, limit: 10 }, strict), 'yellow');
    assert.equal(warningLevelOf({ used: 14, limit: 20 }, strict), 'yellow');
  });

  test('withdrawn and voided cases show no warning', () => {
    const r = new CaseRun('2026-03-02')
      .act('2026-03-02', { type: 'accept', steps }, clerkStamp)
      .act('2026-03-30', { type: 'withdraw', reason: '申请人撤回' }, clerkStamp);
    assert.equal(clockOn(r, '2026-04-30').warningLevel, 'none');
  });
});

describe('today in a year whose holidays are not published (2027): unknown and flagged, never a throw', () => {
  const unpublished = { code: 'CALENDAR_YEAR_NOT_PUBLISHED', year: 2027 };
  const limited = (days: number) => {
    const p = receivePayload();
    return { ...p, item: { ...p.item, promised: { days, unit: 'working_day' as const } } };
  };
  const acceptOn = (on: string, days = 10) =>
    new CaseRun(on, limited(days)).act(on, { type: 'accept', steps }, clerkStamp);

  test('due in 2026 and still open on Mon 4 Jan 2027: red, the days used and left unknown', () => {
    // Accepted Mon 2 Nov 2026, 10 working days: due Mon 16 Nov.
    const c = clockOn(acceptOn('2026-11-02'), '2027-01-04');
    assert.equal(c.promisedDue, '2026-11-16');
    assert.equal(c.usedDays, null);
    assert.equal(c.remainingDays, null);
    assert.equal(c.warningLevel, 'red', 'overdue since November whatever 2027 brings');
    assert.deepEqual(c.calendarProblem, unpublished);
    assert.equal(c.steps[0]?.usedDays, 43, 'the step’s days counted up to 31 Dec');
    assert.equal(c.lostStep?.key, 'handle');
  });

  test('due in 2027: yellow only when the days of 2026 already reach the threshold, else unknown', () => {
    // Accepted Mon 21 Dec, 10 working days: 8 of them by 31 Dec (80% used whatever follows).
    const nearlyDone = clockOn(acceptOn('2026-12-21'), '2027-01-04');
    assert.equal(nearlyDone.usedDays, null);
    assert.equal(nearlyDone.promisedDue, null);
    assert.equal(nearlyDone.warningLevel, 'yellow');
    assert.deepEqual(nearlyDone.calendarProblem, unpublished);
    // Accepted Wed 16 Dec, 30 working days: 11 by 31 Dec; green or not is not known.
    const early = clockOn(acceptOn('2026-12-16', 30), '2027-01-04');
    assert.equal(early.usedDays, null);
    assert.equal(early.warningLevel, 'none', 'never a guessed green');
    assert.deepEqual(early.calendarProblem, unpublished);
  });

  test('received and silent: deemed accepted when 2026 alone proves it, else unknown', () => {
    // Received Fri 18 Dec: 9 working days of 2026 have passed by 31 Dec (art. 32: more than 5).
    const proven = clockOn(new CaseRun('2026-12-18'), '2027-01-04');
    assert.equal(proven.deemedAccepted, true);
    assert.equal(proven.clockStart, '2026-12-18');
    assert.equal(proven.usedDays, null);
    assert.deepEqual(proven.calendarProblem, unpublished);
    // Received Tue 29 Dec: 2 working days of 2026; the rest depends on the 2027 notice.
    const open = clockOn(new CaseRun('2026-12-29'), '2027-01-04');
    assert.equal(open.deemedAccepted, false);
    assert.equal(open.clockStart, null);
    assert.equal(open.warningLevel, 'none');
    assert.deepEqual(open.calendarProblem, unpublished);
  });

  test('paused in 2026: no day counts after the pause began, so the frozen figures stay exact', () => {
    // Accepted Tue 1 Dec, 10 working days; correction asked Fri 4 Dec (3 days used, 7 left).
    const r = acceptOn('2026-12-01').act('2026-12-04', correction);
    const c = clockOn(r, '2027-01-04');
    assert.equal(c.paused, true);
    assert.equal(c.usedDays, 3);
    assert.equal(c.remainingDays, 7);
    assert.equal(c.warningLevel, 'green');
    assert.equal(c.promisedDueIfResumedToday, null, 'where 7 days from today end is not known');
    assert.deepEqual(c.calendarProblem, unpublished);
  });
});

describe('natural-day limits (自然日): a period ending on a day off ends on the next working day', () => {
  // 民法典 第二百零三条. Dates checked by hand against the 2026 notice: 春节 15–23 Feb off, Sat 14
  // and Sat 28 Feb worked; 国庆 1–7 Oct off, Sun 20 Sep and Sat 10 Oct worked.
  const natural = (promised: number, legal = promised, legalUnit: TimeLimitUnit = 'natural_day') => {
    const p = receivePayload();
    return {
      ...p,
      item: {
        ...p.item,
        promised: { days: promised, unit: 'natural_day' as const },
        legal: { days: legal, unit: legalUnit },
      },
    };
  };
  const acceptOn = (on: string, promised = 30, legal = promised) =>
    new CaseRun(on, natural(promised, legal)).act(on, { type: 'accept', steps }, clerkStamp);

  test('30 days from Thu 3 Sep end on Sat 3 Oct, inside 国庆: due Thu 8 Oct', () => {
    const r = acceptOn('2026-09-03', 30, 60);
    const c = clockOn(r, '2026-09-04');
    assert.equal(c.unit, 'natural_day');
    assert.equal(c.promisedDue, '2026-10-08');
    assert.equal(c.legalDue, '2026-11-02', 'the 60th day is Mon 2 Nov, a working day');
    assert.equal(c.limitDays, 35, 'the days of the clock up to the due date');
    assert.equal(c.legalLimitDays, 60);
    assert.equal(c.usedDays, 1);
    assert.equal(c.remainingDays, 34);
  });

  test('the last day on a 调休 make-up day or a working day stays; on 春节 it moves past the festival', () => {
    assert.equal(
      clockOn(acceptOn('2026-09-10'), '2026-09-10').promisedDue,
      '2026-10-10',
      'Sat 10 Oct worked',
    );
    assert.equal(
      clockOn(acceptOn('2026-08-21'), '2026-08-21').promisedDue,
      '2026-09-20',
      'Sun 20 Sep worked',
    );
    assert.equal(
      clockOn(acceptOn('2026-01-15'), '2026-01-15').promisedDue,
      '2026-02-14',
      'Sat 14 Feb worked',
    );
    assert.equal(clockOn(acceptOn('2026-01-16'), '2026-01-16').promisedDue, '2026-02-24', 'Sun 15 Feb: 春节');
    const plain = acceptOn('2026-03-05', 30);
    assert.equal(clockOn(plain, '2026-03-05').promisedDue, '2026-04-07', 'Sat 4 Apr–Mon 6 Apr: 清明');
    assert.equal(clockOn(acceptOn('2026-02-10'), '2026-02-20').promisedDue, '2026-03-12', 'a Thursday');
  });

  test('days left and warnings count to the due date, in working days for the yellow threshold', () => {
    const r = acceptOn('2026-09-03');
    const on = (today: string) => clockOn(r, today);
    assert.equal(
      on('2026-09-28').warningLevel,
      'green',
      '3 working days left (29, 30 Sep, 8 Oct), 25 of 35 used',
    );
    assert.equal(on('2026-09-29').warningLevel, 'yellow', 'two working days left: 30 Sep and 8 Oct');
    assert.equal(on('2026-09-29').remainingDays, 9);
    // The 30th day (3 Oct) has passed, but the period runs to 8 Oct: not overdue.
    assert.equal(on('2026-10-05').usedDays, 32);
    assert.equal(on('2026-10-05').remainingDays, 3);
    assert.equal(on('2026-10-05').warningLevel, 'yellow');
    assert.equal(on('2026-10-08').remainingDays, 0);
    assert.equal(on('2026-10-08').warningLevel, 'yellow', 'due today');
    assert.equal(on('2026-10-09').remainingDays, -1);
    assert.equal(on('2026-10-09').warningLevel, 'red');
    const decided = acceptOn('2026-09-03')
      .act('2026-09-30', { type: 'pass', opinion: '同意' }, handlerStamp)
      .act('2026-10-08', { type: 'pass', opinion: '同意' }, reviewerStamp)
      .act('2026-10-08', { type: 'decide', outcome: 'grant', opinion: '准予' }, approverStamp);
    assert.equal(clockOn(decided, '2026-10-20').warningLevel, 'green', 'decided on the due date: on time');
  });

  test('step budgets and the days a step used count in natural days too', () => {
    // Accepted Thu 3 Sep; 承办 passes on Mon 14 Sep: 11 natural days, 7 working days.
    const r = acceptOn('2026-09-03').act('2026-09-14', { type: 'pass', opinion: '同意' }, handlerStamp);
    const c = clockOn(r, '2026-09-15');
    const [handle, review] = c.steps;
    assert.equal(handle?.budgetDays, 5);
    assert.equal(handle?.usedDays, 11, '4–14 Sep, weekends included');
    assert.equal(handle?.overrunDays, 6);
    assert.equal(review?.usedDays, 1, 'Tue 15 Sep');
    assert.equal(c.lostStep?.name, '承办');
    // The same dates on a working-day item: 7 working days.
    const working = new CaseRun('2026-09-03')
      .act('2026-09-03', { type: 'accept', steps }, clerkStamp)
      .act('2026-09-14', { type: 'pass', opinion: '同意' }, handlerStamp);
    assert.equal(clockOn(working, '2026-09-15').steps[0]?.usedDays, 7);
  });

  test('a pause moves the last day, then the holiday rule applies; while paused: the date if resumed today', () => {
    // Accepted Fri 16 Jan: the 30th day would be Sun 15 Feb. Correction asked on Tue 10 Feb.
    const r = acceptOn('2026-01-16').act('2026-02-10', correction);
    const feb12 = clockOn(r, '2026-02-12');
    assert.equal(feb12.usedDays, 25, '17 Jan to 10 Feb');
    assert.equal(feb12.pausedSince, '2026-02-10');
    assert.equal(feb12.promisedDue, null);
    // Resumed on 12 Feb: 5 days left, the 5th is Tue 17 Feb (春节): due Tue 24 Feb, 12 days on.
    assert.equal(feb12.promisedDueIfResumedToday, '2026-02-24');
    assert.equal(feb12.remainingDays, 12);
    // Resumed on Fri 20 Feb: the 5th day is Wed 25 Feb, a working day.
    assert.equal(clockOn(r, '2026-02-20').promisedDueIfResumedToday, '2026-02-25');
    assert.equal(clockOn(r, '2026-02-20').remainingDays, 5);
    // Resubmitted Sun 22 Feb (12 days paused): the 30th day is Fri 27 Feb.
    assert.equal(
      clockOn(r.act('2026-02-22', { type: 'resubmit', materials: [] }, clerkStamp), '2026-02-23').promisedDue,
      '2026-02-27',
    );
    const sat = acceptOn('2026-01-16').act('2026-02-10', correction);
    sat.act('2026-02-23', { type: 'resubmit', materials: [] }, clerkStamp);
    assert.equal(clockOn(sat, '2026-02-24').promisedDue, '2026-02-28', '13 days paused: Sat 28 Feb, worked');
    const sun = acceptOn('2026-01-16').act('2026-02-10', correction);
    sun.act('2026-02-24', { type: 'resubmit', materials: [] }, clerkStamp);
    assert.equal(
      clockOn(sun, '2026-02-25').promisedDue,
      '2026-03-02',
      '14 days paused: Sun 1 Mar, so Mon 2 Mar',
    );
  });

  test('a special procedure over 国庆, and an extension in working days from the end of the period', () => {
    // Accepted Thu 3 Sep, 30 days: due 8 Oct. Inspection Fri 11 Sep to Mon 14 Sep (3 days).
    const r = acceptOn('2026-09-03')
      .act('2026-09-11', {
        type: 'startSpecial',
        kind: 'inspection',
        reason: '现场核查',
        expectedEnd: '2026-09-14',
      })
      .act('2026-09-14', { type: 'endSpecial', result: '合格' });
    // The 30th day of the clock is Tue 6 Oct (国庆): the period ends Thu 8 Oct all the same.
    assert.equal(clockOn(r, '2026-09-15').pausedDays, 3);
    assert.equal(clockOn(r, '2026-09-15').promisedDue, '2026-10-08');
    // 10 working days (第42条) from 8 Oct: 9, 10 (make-up), 12–16, 19, 20, 21 Oct.
    r.act('2026-09-20', { type: 'extend', days: 10, reason: '情况复杂' }, approverStamp);
    const c = clockOn(r, '2026-09-21');
    assert.equal(c.extensionDays, 10);
    assert.equal(c.promisedDue, '2026-10-21');
    assert.equal(c.legalDue, '2026-10-21');
    assert.equal(c.usedDays, 15);
    assert.equal(c.remainingDays, 30);
    assert.equal(c.limitDays, 45, '48 days to 21 Oct, 3 of them paused');
  });

  test('a natural-day legal limit beside a working-day promise; a last day in 2027 is not guessed', () => {
    const p = natural(15, 90);
    const mixed = { ...p, item: { ...p.item, promised: { days: 15, unit: 'working_day' as const } } };
    const r = new CaseRun('2026-07-03', mixed).act('2026-07-03', { type: 'accept', steps }, clerkStamp);
    assert.equal(clockOn(r, '2026-07-03').legalDue, '2026-10-08', 'the 90th day is Thu 1 Oct (国庆)');
    // Accepted Wed 2 Dec 2026: the 30th day is 1 Jan 2027, whose holidays are not published.
    const late = acceptOn('2026-12-02');
    const c = clockOn(late, '2026-12-03');
    assert.equal(c.promisedDue, null);
    assert.deepEqual(c.calendarProblem, { code: 'CALENDAR_YEAR_NOT_PUBLISHED', year: 2027 });
    assert.equal(c.remainingDays, 29, 'at least the days of the limit');
    assert.equal(clockOn(acceptOn('2026-12-01'), '2026-12-01').promisedDue, '2026-12-31');
  });
});
