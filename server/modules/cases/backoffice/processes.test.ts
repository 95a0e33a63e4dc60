import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { budgetProblems, defaultProcess, splitBudget } from './processes.ts';

const budgets = (days: number) => defaultProcess(days).map((s) => s.budgetDays);

describe('the default process splits the promised limit 50/30/20 in whole working days', () => {
  test('every step gets at least a day once the limit has a day per step, and the sum is the limit', () => {
    const expected: [number, number[]][] = [
      [1, [1, 0, 0]],
      [2, [1, 1, 0]],
      [3, [1, 1, 1]],
      [5, [3, 1, 1]],
      [7, [4, 2, 1]],
      [20, [10, 6, 4]],
      [60, [30, 18, 12]],
    ];
    for (const [days, split] of expected) {
      assert.deepEqual(budgets(days), split, `${days} working days`);
    }
    assert.deepEqual(budgets(0), [0, 0, 0], 'an item done on the spot');
    assert.deepEqual(
      defaultProcess(5).map((s) => s.name),
      ['承办', '审核', '批准'],
    );
  });

  test('for any limit up to 60: the sum is the limit, no step idle when days suffice, each near its share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), (days) => {
        const split = budgets(days);
        assert.equal(
          split.reduce((a, b) => a + b, 0),
          days,
        );
        if (days >= 3)
          assert.ok(
            split.every((d) => d >= 1),
            `${days}: ${split}`,
          );
        // Largest remainder keeps each step within a day of its exact share, the zero fill within two.
        [0.5, 0.3, 0.2].forEach((share, i) => {
          assert.ok(Math.abs((split[i] ?? 0) - days * share) < 2, `${days}: ${split}`);
        });
      }),
    );
  });

  test('the zero fill takes days from the largest step', () => {
    assert.deepEqual(splitBudget(4, [90, 5, 5]), [2, 1, 1]);
    assert.deepEqual(splitBudget(2, [90, 5, 5]), [2, 0, 0], 'fewer days than steps: no fill');
  });
});

describe('the process editor’s time rules', () => {
  const step = (name: string, budgetDays: number) => ({
    key: name,
    name,
    role: 'dept_handler' as const,
    departmentId: null,
    budgetDays,
  });

  test('a 0-day step and a sum above the promised limit are refused, each said where', () => {
    assert.deepEqual(budgetProblems([step('承办', 6), step('批准', 4)], 10), []);
    assert.deepEqual(
      budgetProblems([step('承办', 10), step('批准', 0)], 10).map((p) => p.path),
      ['body.steps.1.budgetDays'],
    );
    const over = budgetProblems([step('承办', 8), step('批准', 3)], 10);
    assert.deepEqual(
      over.map((p) => p.path),
      ['body.steps'],
    );
    assert.match(over[0]?.message.zh ?? '', /合计 11 个工作日，超过.*承诺办结时限 10 个工作日/);
  });

  test('on a natural-day (自然日) item the budgets and the messages count natural days', () => {
    const over = budgetProblems([step('承办', 20), step('批准', 11)], 30, 'natural_day');
    assert.match(over[0]?.message.zh ?? '', /合计 31 个自然日，超过.*承诺办结时限 30 个自然日/);
    assert.match(
      budgetProblems([step('承办', 0)], 30, 'natural_day')[0]?.message.zh ?? '',
      /至少为 1 个自然日/,
    );
    assert.deepEqual(
      budgetProblems([step('承办', 15), step('审核', 9), step('批准', 6)], 30, 'natural_day'),
      [],
    );
  });

  test('without a published version only the 0-day rule applies; an on-the-spot item takes 0-day steps only', () => {
    assert.deepEqual(budgetProblems([step('承办', 30)], null), []);
    assert.equal(budgetProblems([step('承办', 0)], null).length, 1);
    assert.deepEqual(budgetProblems([step('承办', 0), step('批准', 0)], 0), []);
    assert.deepEqual(
      budgetProblems([step('承办', 1)], 0).map((p) => p.path),
      ['body.steps'],
    );
  });
});
