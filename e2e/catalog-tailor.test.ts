import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { applicableFor } from '../contracts/catalog.ts';
import { type Answers, chosenIds, tailor } from '../web/portal/guide/tailor.ts';

const MATERIALS = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'];
const CONDITIONS = ['c1', 'c2', 'c3'];

/** A document of a few materials and conditions and up to three situations pointing at them. */
const docArb = fc
  .array(
    fc.array(
      fc.record({
        materialIds: fc.subarray(MATERIALS),
        conditionIds: fc.subarray(CONDITIONS),
      }),
      { minLength: 2, maxLength: 3 },
    ),
    { maxLength: 3 },
  )
  .map((situations) => ({
    materials: MATERIALS.map((id) => ({ id, name: id })),
    conditions: CONDITIONS.map((id) => ({ id, text: id })),
    situations: situations.map((answers, i) => ({
      id: `s${i}`,
      question: `q${i}`,
      multiple: false,
      answers: answers.map((a, j) => ({ id: `s${i}a${j}`, label: `a${j}`, ...a })),
    })),
  }));

type Doc = Parameters<typeof applicableFor>[0];

/** For each situation: an answer index, or -1 for unanswered. */
function answersOf(doc: Doc, picks: number[]): Answers {
  const answers: Answers = {};
  doc.situations.forEach((s, i) => {
    const p = picks[i] ?? -1;
    const answer = p >= 0 ? s.answers[p % s.answers.length] : undefined;
    if (answer) answers[s.id] = [answer.id];
  });
  return answers;
}

describe("the guide's tailoring (web/portal/guide/tailor.ts) against the contract's applicableFor", () => {
  test('once every question is answered, the guide lists exactly what applicableFor says', () => {
    fc.assert(
      fc.property(docArb, fc.array(fc.nat(2), { minLength: 3, maxLength: 3 }), (doc, picks) => {
        const answers = answersOf(doc as Doc, picks);
        const shown = tailor(doc as Doc, answers);
        const expected = applicableFor(doc as Doc, chosenIds(answers));
        assert.deepEqual(shown.materialIds, expected.materialIds);
        assert.deepEqual(shown.conditionIds, expected.conditionIds);
        assert.equal(shown.pending.size, 0);
      }),
    );
  });

  test('with questions open, nothing applicableFor requires is missing, and the extras are marked pending', () => {
    fc.assert(
      fc.property(
        docArb,
        fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 3, maxLength: 3 }),
        (doc, picks) => {
          const answers = answersOf(doc as Doc, picks);
          const shown = tailor(doc as Doc, answers);
          const required = applicableFor(doc as Doc, chosenIds(answers));
          for (const id of required.materialIds) assert.ok(shown.materialIds.includes(id), id);
          for (const id of required.conditionIds) assert.ok(shown.conditionIds.includes(id), id);
          for (const id of [...shown.materialIds, ...shown.conditionIds]) {
            const needed = required.materialIds.includes(id) || required.conditionIds.includes(id);
            assert.equal(shown.pending.has(id), !needed, id);
          }
        },
      ),
    );
  });
});
