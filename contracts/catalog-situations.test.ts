import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applicableFor } from './catalog-situations.ts';

/** 户口迁移-like item: two questions, one bringing in materials, the other a condition and a material. */
const DOC = {
  materials: ['id-card', 'entrust-letter', 'agent-id', 'job-contract', 'deed'].map((id) => ({
    id,
    name: id,
  })),
  conditions: ['c1', 'employed', 'owner'].map((id) => ({ id, text: id })),
  situations: [
    {
      id: 'entrust',
      question: '是否委托他人办理？',
      multiple: false,
      answers: [
        { id: 'self', label: '本人办理', materialIds: [], conditionIds: [] },
        { id: 'agent', label: '委托他人办理', materialIds: ['entrust-letter', 'agent-id'], conditionIds: [] },
      ],
    },
    {
      id: 'reason',
      question: '迁入原因？',
      multiple: true,
      answers: [
        { id: 'job', label: '就业落户', materialIds: ['job-contract'], conditionIds: ['employed'] },
        { id: 'house', label: '购房落户', materialIds: ['deed'], conditionIds: ['owner'] },
      ],
    },
  ],
};

describe('applicableFor: what a set of chosen answers calls for', () => {
  test('with nothing chosen, only what no answer mentions', () => {
    assert.deepEqual(applicableFor(DOC, {}), { materialIds: ['id-card'], conditionIds: ['c1'] });
  });

  test('an answer that brings nothing in leaves the base set', () => {
    assert.deepEqual(applicableFor(DOC, { entrust: ['self'] }), {
      materialIds: ['id-card'],
      conditionIds: ['c1'],
    });
  });

  test('chosen answers add their materials and conditions, in document order whatever the choice order', () => {
    assert.deepEqual(applicableFor(DOC, { reason: ['house', 'job'], entrust: ['agent'] }), {
      materialIds: ['id-card', 'entrust-letter', 'agent-id', 'job-contract', 'deed'],
      conditionIds: ['c1', 'employed', 'owner'],
    });
    assert.deepEqual(applicableFor(DOC, { reason: ['job'] }), {
      materialIds: ['id-card', 'job-contract'],
      conditionIds: ['c1', 'employed'],
    });
  });

  test('an id no answer has changes nothing, nor an answer named under another question', () => {
    assert.deepEqual(applicableFor(DOC, { entrust: ['nope'], nowhere: ['job'] }), applicableFor(DOC, {}));
    assert.deepEqual(applicableFor(DOC, { entrust: ['job'] }), applicableFor(DOC, {}));
  });

  test('two questions with the same answer ids: a choice in one never selects the other’s', () => {
    const doc = {
      materials: ['id-card', 'entrust-letter', 'foreign-approval'].map((id) => ({ id })),
      conditions: [],
      situations: [
        {
          id: 'entrust',
          answers: [
            { id: 'yes', materialIds: ['entrust-letter'], conditionIds: [] },
            { id: 'no', materialIds: [], conditionIds: [] },
          ],
        },
        {
          id: 'foreign',
          answers: [
            { id: 'yes', materialIds: ['foreign-approval'], conditionIds: [] },
            { id: 'no', materialIds: [], conditionIds: [] },
          ],
        },
      ],
    };
    assert.deepEqual(applicableFor(doc, { entrust: ['yes'], foreign: ['no'] }).materialIds, [
      'id-card',
      'entrust-letter',
    ]);
    assert.deepEqual(applicableFor(doc, { entrust: ['no'], foreign: ['yes'] }).materialIds, [
      'id-card',
      'foreign-approval',
    ]);
  });
});
