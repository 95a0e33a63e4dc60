import type { ProcessStepInput, TimeLimitUnit } from '../../../../contracts/cases.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { fromJson } from '../../../platform/db/json.ts';
import { AppError, type Bilingual, say } from '../../../platform/errors.ts';
import type { ProcessStep } from '../domain/model.ts';
import { departmentOf } from '../org-port.ts';
import { type CaseBatch, newBatch } from '../store/group-commit.ts';
import { casesDb } from '../store/store.ts';

/**
 * Per-item back-office processes are data: the steps, the role and department at each step, and
 * each step's time budget. An item without its own definition gets 承办 → 审核 → 批准 in its
 * department, with the promised limit split 50 / 30 / 20 between the steps (see splitBudget).
 */

/** The default steps' shares of the promised limit, in percent. */
const DEFAULT_SHARES = [50, 30, 20] as const;

/**
 * Splits `days` by percentage shares into whole days that sum to `days`: largest-remainder
 * rounding (ties to the earlier step), then, when there are at least as many days as steps, a day
 * moved from the largest step to each step left with none, so no step is due the day it starts.
 */
export function splitBudget(days: number, shares: readonly number[]): number[] {
  const total = shares.reduce((sum, s) => sum + s, 0);
  // Integer quotients and remainders: no floating-point ties decided by rounding noise.
  const split = shares.map((s) => Math.floor((days * s) / total));
  let left = days - split.reduce((sum, d) => sum + d, 0);
  const byRemainder = shares
    .map((s, i) => ({ i, rest: (days * s) % total }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    split[i] = (split[i] ?? 0) + 1;
    left--;
  }
  if (days >= shares.length) {
    for (let i = 0; i < split.length; i++) {
      if (split[i] !== 0) continue;
      // The largest step (the earlier on a tie) gives one day; it keeps at least one.
      const largest = split.reduce((best, d, j) => (d > (split[best] ?? 0) ? j : best), 0);
      split[largest] = (split[largest] ?? 0) - 1;
      split[i] = 1;
    }
  }
  return split;
}

/** The default process of an item with a promised limit of `promisedDays`. */
export function defaultProcess(promisedDays: number): ProcessStepInput[] {
  const [handle = 0, review = 0, approve = 0] = splitBudget(promisedDays, DEFAULT_SHARES);
  return [
    { key: 'handle', name: '承办', role: 'dept_handler', departmentId: null, budgetDays: handle },
    { key: 'review', name: '审核', role: 'dept_reviewer', departmentId: null, budgetDays: review },
    { key: 'approve', name: '批准', role: 'dept_approver', departmentId: null, budgetDays: approve },
  ];
}

/** The stored definition of an item, or null when it uses the default. */
export async function storedProcess(
  db: Executor,
  itemId: string,
): Promise<{ steps: ProcessStepInput[]; revision: number; updatedAt: string } | null> {
  const row = await casesDb(db)
    .selectFrom('case_processes')
    .selectAll()
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    steps: fromJson<ProcessStepInput[]>(row.steps, []),
    revision: row.revision,
    updatedAt: row.updated_at,
  };
}

/** The structural rules of a definition: unique keys, ending with an approver who decides. */
export function processProblems(steps: readonly ProcessStepInput[]): { path: string; message: Bilingual }[] {
  const problems: { path: string; message: Bilingual }[] = [];
  const keys = new Set<string>();
  steps.forEach((s, i) => {
    if (keys.has(s.key))
      problems.push({
        path: `body.steps.${i}.key`,
        message: say(`环节代码 ${s.key} 重复`, `Step code ${s.key} is used twice`),
      });
    keys.add(s.key);
  });
  if (steps.at(-1)?.role !== 'dept_approver') {
    problems.push({
      path: `body.steps.${steps.length - 1}.role`,
      message: say('最后一个环节须由批准人作出决定', 'The last step must be an approver’s, who decides'),
    });
  }
  return problems;
}

/**
 * The time rules of a definition against the item's promised limit (null when the item has no
 * published version yet): each step at least one day, all of them within the limit. Step budgets
 * count in the limit's unit (working days, or natural days for a 自然日 limit). An item done on
 * the spot (limit 0) may only have 0-day steps.
 */
export function budgetProblems(
  steps: readonly ProcessStepInput[],
  promisedDays: number | null,
  unit: TimeLimitUnit = 'working_day',
): { path: string; message: Bilingual }[] {
  const days = unit === 'natural_day' ? '个自然日' : '个工作日';
  const daysEn = unit === 'natural_day' ? 'natural days' : 'working days';
  const problems: { path: string; message: Bilingual }[] = [];
  if (promisedDays !== 0) {
    steps.forEach((s, i) => {
      if (s.budgetDays < 1) {
        problems.push({
          path: `body.steps.${i}.budgetDays`,
          message: say(
            `环节“${s.name}”的时限至少为 1 ${days}`,
            `The step “${s.name}” needs at least 1 of the ${daysEn}`,
          ),
        });
      }
    });
  }
  const sum = steps.reduce((total, s) => total + s.budgetDays, 0);
  if (promisedDays !== null && sum > promisedDays) {
    problems.push({
      path: 'body.steps',
      message: say(
        `各环节时限合计 ${sum} ${days}，超过该事项的承诺办结时限 ${promisedDays} ${days}`,
        `The steps take ${sum} ${daysEn} in all, more than the item’s promised limit of ${promisedDays} ${daysEn}`,
      ),
    });
  }
  return problems;
}

/** The steps a case of this item runs through, each resolved to its department's path and name. */
export async function resolveProcess(
  db: Executor,
  item: { id: string; departmentId: string; promisedDays: number },
  batch: CaseBatch = newBatch(),
): Promise<ProcessStep[]> {
  const stored = await batch.once(`process:${item.id}`, () => storedProcess(db, item.id));
  const steps = stored?.steps ?? defaultProcess(item.promisedDays);
  const resolved: ProcessStep[] = [];
  for (const s of steps) {
    // Steps mostly share one department: the batch looks it up once.
    const department = await departmentOf(db, s.departmentId ?? item.departmentId, batch);
    if (!department)
      throw new AppError('CASE_PROCESS_INVALID', { step: s.key, departmentId: s.departmentId });
    resolved.push({
      key: s.key,
      name: s.name,
      role: s.role,
      departmentId: department.id,
      departmentPath: department.path,
      departmentName: department.name,
      budgetDays: s.budgetDays,
    });
  }
  return resolved;
}
