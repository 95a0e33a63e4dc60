import type { ProcessStepInput } from '../../../contracts/cases.ts';
import type { Executor } from '../../platform/db/index.ts';
import { fromJson } from '../../platform/db/json.ts';
import { AppError } from '../../platform/errors.ts';
import { type CaseBatch, newBatch } from './group-commit.ts';
import type { ProcessStep } from './model.ts';
import { departmentOf } from './org-port.ts';
import { casesDb } from './store.ts';

/**
 * Per-item back-office processes are data: the steps, the role and department at each step, and
 * each step's time budget. An item without its own definition gets 承办 → 审核 → 批准 in its
 * department, with the promised limit split 50 / 30 / 20 between the steps.
 */

/** The default process of an item with a promised limit of `promisedDays`. */
export function defaultProcess(promisedDays: number): ProcessStepInput[] {
  const handle = Math.max(1, Math.round(promisedDays * 0.5));
  const review = Math.max(0, Math.min(promisedDays - handle, Math.round(promisedDays * 0.3)));
  const approve = Math.max(0, promisedDays - handle - review);
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
export function processProblems(steps: readonly ProcessStepInput[]): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const keys = new Set<string>();
  steps.forEach((s, i) => {
    if (keys.has(s.key)) problems.push({ path: `body.steps.${i}.key`, message: `环节代码 ${s.key} 重复` });
    keys.add(s.key);
  });
  if (steps.at(-1)?.role !== 'dept_approver') {
    problems.push({ path: `body.steps.${steps.length - 1}.role`, message: '最后一个环节须由批准人作出决定' });
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
