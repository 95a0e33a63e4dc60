import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CASE_ACTION_TYPES,
  CASE_STATUSES,
  type CaseActionType,
  type CaseStatus,
} from '../../../../contracts/cases.ts';
import { isAppError } from '../../../platform/errors.ts';
import {
  approverStamp,
  CaseRun,
  clerkStamp,
  handlerStamp,
  material,
  PROCESS,
  receivePayload,
  reviewerStamp,
} from '../testing/test-fixtures.ts';
import type { CaseCommand } from './decide.ts';
import { ALLOWED_ACTIONS, foldActions, statusAllows } from './workflow.ts';

const steps = [...PROCESS];
/** A valid command of each action type (valid where the status and the state allow it). */
const COMMANDS: Record<Exclude<CaseActionType, 'receive'>, CaseCommand> = {
  accept: { type: 'accept', steps },
  requestCorrection: { type: 'requestCorrection', items: [{ name: '营业执照', problem: '复印件不清晰' }] },
  resubmit: { type: 'resubmit', materials: [{ materialId: 'm2', form: 'original' }] },
  refuse: { type: 'refuse', reason: '不属于本机关职权范围', competentBody: '四平市市场监督管理局' },
  claim: { type: 'claim' },
  assign: { type: 'assign', assigneeId: 'other', assigneeName: '王五' },
  pass: { type: 'pass', opinion: '材料齐全，符合条件' },
  returnStep: { type: 'returnStep', reason: '现场核查记录不全' },
  startSpecial: { type: 'startSpecial', kind: 'inspection', reason: '需现场核查', expectedEnd: '2026-12-31' },
  endSpecial: { type: 'endSpecial', result: '核查合格' },
  extend: { type: 'extend', days: 5, reason: '情况复杂' },
  decide: { type: 'decide', outcome: 'grant', opinion: '准予许可' },
  conclude: { type: 'conclude', documentName: '食品经营许可证', documentNumber: 'JY12203220000001' },
  deliver: { type: 'deliver', method: 'window' },
  supplyMaterial: { type: 'supplyMaterial', materialId: 'm3', form: 'original' },
  withdraw: { type: 'withdraw', reason: '申请人申请撤回' },
  void: { type: 'void', reason: '重复录入' },
};

const DAY = '2026-03-02';
/** A payload with a deferred (容缺) material m3 due within the promised limit. */
const withDeferred = () =>
  receivePayload({
    materials: [
      material('m1'),
      material('m2', { required: false, form: 'missing' }),
      material('m3', { deferrable: true, form: 'deferred', deferredUntil: '2026-03-09' }),
    ],
  });
const run = () => new CaseRun(DAY, withDeferred());
const accepted = () => run().act(DAY, COMMANDS.accept, clerkStamp);
const atLastStep = () =>
  accepted().act(DAY, COMMANDS.pass, handlerStamp).act(DAY, COMMANDS.pass, reviewerStamp);
const decided = (outcome: 'grant' | 'deny') =>
  atLastStep().act(
    DAY,
    outcome === 'grant'
      ? COMMANDS.decide
      : { type: 'decide', outcome: 'deny', opinion: '不予许可', reasons: '不符合条件', legalBasis: '第X条' },
    approverStamp,
  );

/** States of each status (several where guards depend on more than the status). */
const VARIANTS: Record<CaseStatus, (() => CaseRun)[]> = {
  received: [run],
  intake_correction: [() => run().act(DAY, COMMANDS.requestCorrection, clerkStamp)],
  refused: [() => run().act(DAY, COMMANDS.refuse, clerkStamp)],
  in_process: [accepted, atLastStep, () => accepted().act(DAY, COMMANDS.pass, handlerStamp)],
  process_correction: [() => accepted().act(DAY, COMMANDS.requestCorrection)],
  special_procedure: [() => accepted().act(DAY, COMMANDS.startSpecial)],
  decided: [() => decided('grant'), () => decided('deny')],
  concluded: [() => decided('deny').act(DAY, COMMANDS.conclude)],
  delivered: [() => decided('deny').act(DAY, COMMANDS.conclude).act(DAY, COMMANDS.deliver, clerkStamp)],
  withdrawn: [() => run().act(DAY, COMMANDS.withdraw, clerkStamp)],
  voided: [() => run().act(DAY, COMMANDS.void, clerkStamp)],
};

/** The actor a step expects (any other would find the case claimed or be the wrong role; policy is tested apart). */
function actorFor(r: CaseRun) {
  const step = r.state.stepIndex ?? 0;
  return [handlerStamp, reviewerStamp, approverStamp][step] ?? handlerStamp;
}

describe('the status × action table', () => {
  test('every status has a row, and terminal statuses allow nothing', () => {
    for (const status of CASE_STATUSES) assert.ok(Array.isArray(ALLOWED_ACTIONS[status]), status);
    for (const status of ['refused', 'delivered', 'withdrawn', 'voided'] as const) {
      assert.deepEqual(ALLOWED_ACTIONS[status], [], status);
    }
    for (const status of CASE_STATUSES) {
      if (ALLOWED_ACTIONS[status].length > 0)
        assert.ok(statusAllows(status, 'void'), `${status} can be voided`);
    }
  });

  for (const status of CASE_STATUSES) {
    for (const type of CASE_ACTION_TYPES) {
      if (type === 'receive') continue;
      const allowed = statusAllows(status, type);
      test(`${status} × ${type}: ${allowed ? 'allowed' : '409 CASE_ACTION_NOT_ALLOWED'}`, () => {
        const outcomes = VARIANTS[status].map((make) => {
          const r = make();
          assert.equal(r.state.status, status);
          try {
            r.act('2026-03-03', COMMANDS[type], actorFor(r));
            return 'ok';
          } catch (err) {
            if (isAppError(err)) return err.code;
            throw err;
          }
        });
        if (allowed) assert.ok(outcomes.includes('ok'), `${status} × ${type}: ${outcomes.join()}`);
        else
          assert.ok(
            outcomes.every((o) => o === 'CASE_ACTION_NOT_ALLOWED'),
            outcomes.join(),
          );
      });
    }
  }
});

describe('case lifecycle (pure)', () => {
  test('accept → handle → review → approve → conclude → deliver', () => {
    const r = new CaseRun('2026-03-02')
      .act('2026-03-02', COMMANDS.accept, clerkStamp)
      .act('2026-03-03', COMMANDS.claim, handlerStamp)
      .act('2026-03-04', COMMANDS.pass, handlerStamp)
      .act('2026-03-05', COMMANDS.pass, reviewerStamp)
      .act('2026-03-06', COMMANDS.decide, approverStamp)
      .act('2026-03-06', COMMANDS.conclude, handlerStamp)
      .act('2026-03-09', COMMANDS.deliver, clerkStamp);
    assert.equal(r.state.status, 'delivered');
    assert.equal(r.state.version, 8);
    assert.equal(r.state.decision?.outcome, 'grant');
    assert.equal(r.state.result?.documentNumber, 'JY12203220000001');
    assert.deepEqual(
      r.state.stepVisits.map((v) => [v.index, v.from, v.to, v.assigneeName]),
      [
        [0, '2026-03-02', '2026-03-04', '陈志强'],
        [1, '2026-03-04', '2026-03-05', null],
        [2, '2026-03-05', '2026-03-06', null],
      ],
    );
    assert.deepEqual(foldActions('case-1', r.log), r.state, 'the fold of the log is the state');
  });

  test('a correction before acceptance returns to received and the five days restart', () => {
    const r = new CaseRun('2026-03-02')
      .act('2026-03-02', COMMANDS.requestCorrection, clerkStamp)
      .act('2026-03-20', COMMANDS.resubmit, clerkStamp);
    assert.equal(r.state.status, 'received');
    assert.equal(r.state.lastReceivedOn, '2026-03-20');
    assert.equal(r.state.materials.find((m) => m.materialId === 'm2')?.form, 'original');
    assert.equal(r.state.corrections[0]?.answeredAt, '2026-03-20T04:00:00.000Z');
    r.act('2026-03-23', COMMANDS.accept, clerkStamp);
    assert.equal(r.state.clockStart, '2026-03-23');
    assert.equal(r.state.deemedAccepted, false);
  });

  test('no decision within five working days of receipt: accepted by law from the day of receipt', () => {
    // Received Mon 2 March; Mon 9 March is the 5th working day after, Tue 10 March the 6th.
    const inTime = new CaseRun('2026-03-02').act('2026-03-09', COMMANDS.accept, clerkStamp);
    assert.equal(inTime.state.clockStart, '2026-03-09');
    const late = new CaseRun('2026-03-02').act('2026-03-10', COMMANDS.accept, clerkStamp);
    assert.equal(late.state.clockStart, '2026-03-02');
    assert.equal(late.state.deemedAccepted, true);
  });

  test('a required material missing without deferral cannot be accepted; a correction can', () => {
    const payload = receivePayload({ materials: [material('m1', { form: 'missing' })] });
    assert.throws(
      () => new CaseRun(DAY, payload).act(DAY, COMMANDS.accept, clerkStamp),
      (e) => isAppError(e, 'CASE_MATERIAL_MISSING'),
    );
    const r = new CaseRun(DAY, payload).act(DAY, COMMANDS.requestCorrection, clerkStamp);
    assert.equal(r.state.status, 'intake_correction');
  });

  test('deferral needs a deferrable material and a due date within the promised limit', () => {
    const late = receivePayload({
      materials: [material('m3', { deferrable: true, form: 'deferred', deferredUntil: '2026-03-17' })],
    });
    // 10 working days from Mon 2 March is Mon 16 March.
    assert.throws(
      () => new CaseRun(DAY, late).act(DAY, COMMANDS.accept, clerkStamp),
      (e) => isAppError(e, 'CASE_DEFERRAL_INVALID'),
    );
    const notDeferrable = receivePayload({
      materials: [material('m3', { deferrable: false, form: 'deferred', deferredUntil: '2026-03-05' })],
    });
    assert.throws(
      () => new CaseRun(DAY, notDeferrable).act(DAY, COMMANDS.accept, clerkStamp),
      (e) => isAppError(e, 'CASE_DEFERRAL_INVALID'),
    );
    const onTime = receivePayload({
      materials: [material('m3', { deferrable: true, form: 'deferred', deferredUntil: '2026-03-16' })],
    });
    assert.equal(new CaseRun(DAY, onTime).act(DAY, COMMANDS.accept, clerkStamp).state.status, 'in_process');
  });

  test('a grant is not concluded while a deferred material is outstanding', () => {
    const r = decided('grant');
    assert.throws(
      () => r.act(DAY, COMMANDS.conclude),
      (e) => isAppError(e, 'CASE_DEFERRED_OUTSTANDING'),
    );
    r.act(DAY, COMMANDS.supplyMaterial, clerkStamp).act(DAY, COMMANDS.conclude);
    assert.equal(r.state.status, 'concluded');
    assert.throws(
      () => r.act(DAY, COMMANDS.supplyMaterial),
      (e) => isAppError(e, 'CASE_ACTION_NOT_ALLOWED'),
    );
  });

  test('a denial needs reasons and legal basis', () => {
    assert.throws(
      () => atLastStep().act(DAY, { type: 'decide', outcome: 'deny', opinion: '不予许可' }, approverStamp),
      (e) =>
        isAppError(e, 'CASE_DECISION_REASONS_REQUIRED') &&
        JSON.stringify(e.details).includes('body.reasons') &&
        JSON.stringify(e.details).includes('body.legalBasis'),
    );
    const r = decided('deny');
    assert.equal(r.state.decision?.reasons, '不符合条件');
  });

  test('steps: pass forward, return back, decide only at the last step', () => {
    const r = accepted();
    assert.throws(
      () => r.act(DAY, COMMANDS.returnStep),
      (e) => isAppError(e, 'CASE_STEP_CONFLICT'),
    );
    assert.throws(
      () => r.act(DAY, COMMANDS.decide),
      (e) => isAppError(e, 'CASE_STEP_CONFLICT'),
    );
    r.act(DAY, COMMANDS.pass, handlerStamp).act(DAY, COMMANDS.returnStep, reviewerStamp);
    assert.equal(r.state.stepIndex, 0);
    r.act(DAY, COMMANDS.pass).act(DAY, COMMANDS.pass, reviewerStamp);
    assert.throws(
      () => r.act(DAY, COMMANDS.pass, approverStamp),
      (e) => isAppError(e, 'CASE_STEP_CONFLICT'),
    );
  });

  test('a case claimed by one handler refuses another until it moves on', () => {
    const r = accepted().act(DAY, COMMANDS.claim, handlerStamp);
    const other = { accountId: 'handler2', name: '赵六', orgUnitId: 'market' };
    for (const command of [
      COMMANDS.claim,
      COMMANDS.pass,
      COMMANDS.startSpecial,
      COMMANDS.requestCorrection,
    ]) {
      assert.throws(
        () => r.act(DAY, command, other),
        (e) => isAppError(e, 'CASE_CLAIMED_BY_OTHER'),
      );
    }
    assert.throws(
      () => r.act(DAY, COMMANDS.claim, handlerStamp),
      (e) => isAppError(e, 'CASE_STEP_CONFLICT'),
    );
    r.act(DAY, { type: 'assign', assigneeId: 'handler2', assigneeName: '赵六' }, approverStamp);
    r.act(DAY, COMMANDS.pass, other);
    assert.equal(r.state.stepIndex, 1);
    assert.equal(r.state.assignee, null);
  });

  test('extensions stop at 10 working days (15 for joint handling)', () => {
    const r = accepted().act(DAY, { type: 'extend', days: 10, reason: '复杂' }, approverStamp);
    assert.throws(
      () => r.act(DAY, { type: 'extend', days: 1, reason: '再延' }),
      (e) => isAppError(e, 'CASE_EXTENSION_EXCEEDED'),
    );
    const base = withDeferred();
    const joint = new CaseRun(DAY, { ...base, item: { ...base.item, joint: true } })
      .act(DAY, COMMANDS.accept, clerkStamp)
      .act(DAY, { type: 'extend', days: 15, reason: '联合办理' }, approverStamp);
    assert.equal(joint.state.extensions.length, 1);
    assert.throws(
      () => accepted().act(DAY, { type: 'extend', days: 11, reason: 'x' }),
      (e) => isAppError(e, 'CASE_EXTENSION_EXCEEDED'),
    );
  });

  test('correction after acceptance and special procedures open and close pauses', () => {
    const r = accepted()
      .act('2026-03-03', COMMANDS.requestCorrection)
      .act('2026-03-06', COMMANDS.resubmit, clerkStamp)
      .act('2026-03-09', COMMANDS.startSpecial)
      .act('2026-03-12', COMMANDS.endSpecial);
    assert.equal(r.state.status, 'in_process');
    assert.deepEqual(
      r.state.pauses.map((p) => [p.kind, p.from, p.to, p.result]),
      [
        ['correction', '2026-03-03', '2026-03-06', null],
        ['special', '2026-03-09', '2026-03-12', '核查合格'],
      ],
    );
    const w = accepted()
      .act('2026-03-03', COMMANDS.startSpecial)
      .act('2026-03-04', COMMANDS.withdraw, clerkStamp);
    assert.equal(w.state.status, 'withdrawn');
    assert.equal(w.state.pauses[0]?.to, '2026-03-04');
  });

  test('bad command content is refused with the field at fault', () => {
    assert.throws(
      () => accepted().act(DAY, { ...COMMANDS.startSpecial, expectedEnd: '2026-03-01' } as CaseCommand),
      (e) => isAppError(e, 'VALIDATION_FAILED') && JSON.stringify(e.details).includes('body.expectedEnd'),
    );
    assert.throws(
      () =>
        decided('deny').act(DAY, COMMANDS.conclude).act(DAY, { type: 'deliver', method: 'mail' }, clerkStamp),
      (e) => isAppError(e, 'VALIDATION_FAILED') && JSON.stringify(e.details).includes('trackingNumber'),
    );
    assert.throws(
      () => run().act(DAY, { type: 'resubmit', materials: [{ materialId: 'nope', form: 'copy' }] }),
      (e) => isAppError(e, 'CASE_ACTION_NOT_ALLOWED'),
    );
    assert.throws(
      () =>
        run()
          .act(DAY, COMMANDS.requestCorrection, clerkStamp)
          .act(DAY, { type: 'resubmit', materials: [{ materialId: 'nope', form: 'copy' }] }),
      (e) => isAppError(e, 'CASE_MATERIAL_UNKNOWN'),
    );
  });
});
