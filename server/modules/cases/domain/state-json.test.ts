import assert from 'node:assert/strict';
import { test } from 'node:test';
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
import type { CaseState } from './model.ts';
import { stateJson } from './state-json.ts';

test('a state’s text is JSON.stringify’s, at every version of a case, old versions unchanged', () => {
  const run = new CaseRun(
    '2026-03-02',
    receivePayload({
      materials: [
        material('m1'),
        material('m3', { deferrable: true, form: 'deferred', deferredUntil: '2026-03-09' }),
      ],
    }),
  );
  const seen: { state: CaseState; text: string }[] = [];
  const check = () => {
    const text = stateJson(run.state);
    assert.equal(text, JSON.stringify(run.state));
    seen.push({ state: run.state, text });
    // Earlier versions share parts with this one: their text must not have moved.
    for (const s of seen) assert.equal(stateJson(s.state), s.text);
  };
  check();
  const steps = [...PROCESS];
  const acts: [Parameters<CaseRun['act']>[1], typeof clerkStamp][] = [
    [{ type: 'accept', steps }, clerkStamp],
    [{ type: 'claim' }, handlerStamp],
    [{ type: 'requestCorrection', items: [{ name: '营业执照', problem: '复印件不清晰' }] }, handlerStamp],
    [{ type: 'resubmit', materials: [{ materialId: 'm1', form: 'original' }] }, clerkStamp],
    [{ type: 'supplyMaterial', materialId: 'm3', form: 'original' }, clerkStamp],
    [{ type: 'pass', opinion: '材料齐全' }, handlerStamp],
    [{ type: 'returnStep', reason: '核查记录不全' }, reviewerStamp],
    [{ type: 'pass', opinion: '已补充' }, handlerStamp],
    [
      { type: 'startSpecial', kind: 'inspection', reason: '需现场核查', expectedEnd: '2026-03-20' },
      reviewerStamp,
    ],
    [{ type: 'endSpecial', result: '核查合格' }, reviewerStamp],
    [{ type: 'pass', opinion: '同意' }, reviewerStamp],
    [{ type: 'extend', days: 5, reason: '情况复杂' }, approverStamp],
    [{ type: 'decide', outcome: 'grant', opinion: '准予许可' }, approverStamp],
    [{ type: 'conclude', documentName: '食品经营许可证', documentNumber: 'JY1' }, approverStamp],
    [{ type: 'deliver', method: 'window' }, clerkStamp],
  ];
  for (const [command, actor] of acts) {
    run.act('2026-03-04', command, actor);
    check();
  }
  assert.equal(run.state.status, 'delivered');
  assert.deepEqual(JSON.parse(stateJson(run.state)), run.state);
});

test('parts left undefined are left out, as JSON.stringify leaves them', () => {
  const state = { ...new CaseRun('2026-03-02').state, agent: undefined } as unknown as CaseState;
  assert.equal(stateJson(state), JSON.stringify(state));
  assert.ok(!stateJson(state).includes('"agent"'));
});
