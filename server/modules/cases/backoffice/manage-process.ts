import type { z } from 'zod';
import type { ProcessView } from '../../../../contracts/case-views.ts';
import type { ProcessStepInput, TimeLimitUnit } from '../../../../contracts/cases.ts';
import { type Actor, authorize, can } from '../../../platform/access/policy.ts';
import { inTransaction, type Platform } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { toJson } from '../../../platform/db/json.ts';
import { AppError, say } from '../../../platform/errors.ts';
import { nowIso } from '../../../platform/time.ts';
import { getPublishedVersion, itemExists } from '../../catalog/index.ts';
import { auditCase } from '../audit-actions.ts';
import { departmentOf } from '../org-port.ts';
import { casesDb } from '../store/store.ts';
import { budgetProblems, defaultProcess, processProblems, storedProcess } from './processes.ts';

/** An item's promised limit, or null when it has no published version. */
async function publishedPromisedLimit(
  db: Executor,
  itemId: string,
): Promise<{ days: number; unit: TimeLimitUnit } | null> {
  const v = await getPublishedVersion(db, itemId);
  return v ? { days: v.document.promisedLimit.value, unit: v.document.promisedLimit.unit } : null;
}

/** An item's promised days (for the default split), or 10 when it has no published version. */
async function promisedDaysOf(db: Executor, itemId: string): Promise<number> {
  return (await publishedPromisedLimit(db, itemId))?.days ?? 10;
}

/** An unknown item has no process: a 404, not a default one (nor a stored one for no item). */
async function requireItem(db: Executor, itemId: string): Promise<void> {
  if (!(await itemExists(db, itemId))) throw new AppError('CATALOG_ITEM_NOT_FOUND', { id: itemId });
}

/** The process definition of an item (its own, or the default), for catalogue admins and case staff. */
export async function getProcess(
  platform: Platform,
  actor: Actor,
  itemId: string,
): Promise<z.infer<typeof ProcessView>> {
  if (!can(actor, 'case.read', 'anywhere')) authorize(actor, 'process.manage', 'anywhere');
  await requireItem(platform.db, itemId);
  const stored = await storedProcess(platform.db, itemId);
  if (stored) return { itemId, isDefault: false, revision: stored.revision, steps: stored.steps };
  return {
    itemId,
    isDefault: true,
    revision: 0,
    steps: defaultProcess(await promisedDaysOf(platform.db, itemId)),
  };
}

/** What updateProcess takes: the item, its new steps, and the revision the admin edited. */
export interface UpdateProcessInput {
  itemId: string;
  steps: ProcessStepInput[];
  expectedRevision: number;
}

/**
 * Replaces an item's process definition (catalogue admins, county-wide): unique step keys, the
 * last step an approver's, every named department real, every step at least one working day and
 * all of them within the item's promised limit. Running cases keep the steps they were
 * accepted with; new acceptances take the new definition. Audited.
 */
export function updateProcess(
  platform: Platform,
  actor: Actor,
  { itemId, steps, expectedRevision }: UpdateProcessInput,
): Promise<z.infer<typeof ProcessView>> {
  return inTransaction(platform, async (trx) => {
    authorize(actor, 'process.manage', 'global');
    await requireItem(trx, itemId);
    const fields = processProblems(steps);
    for (const [i, s] of steps.entries()) {
      if (s.departmentId && !(await departmentOf(trx, s.departmentId))) {
        fields.push({
          path: `body.steps.${i}.departmentId`,
          message: say('部门不存在', 'No such department'),
        });
      }
    }
    // Budgets against the published promised limit: a step of 0 days or a sum beyond the limit
    // would make the step warnings meaningless (every case late at that step, or never).
    const limit = await publishedPromisedLimit(trx, itemId);
    const budget = budgetProblems(steps, limit?.days ?? null, limit?.unit);
    if (fields.length > 0) throw new AppError('CASE_PROCESS_INVALID', { fields: [...fields, ...budget] });
    if (budget.length > 0) throw new AppError('CASE_PROCESS_BUDGET_INVALID', { fields: budget });
    const current = await storedProcess(trx, itemId);
    const seen = current?.revision ?? 0;
    if (expectedRevision !== seen) {
      throw new AppError('CASE_PROCESS_STALE_VERSION', { expected: expectedRevision, current: seen });
    }
    const revision = seen + 1;
    const row = {
      item_id: itemId,
      steps: toJson(steps),
      revision,
      updated_at: nowIso(),
      updated_by: actor.name,
    };
    // Guarded by the revision read: two concurrent saves never both report the same revision.
    if (current) {
      const updated = await casesDb(trx)
        .updateTable('case_processes')
        .set(row)
        .where('item_id', '=', itemId)
        .where('revision', '=', seen)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) {
        const now = await storedProcess(trx, itemId);
        throw new AppError('CASE_PROCESS_STALE_VERSION', { expected: seen, current: now?.revision ?? null });
      }
    } else await casesDb(trx).insertInto('case_processes').values(row).execute();
    await auditCase(platform, trx, {
      actor,
      action: 'case.updateProcess',
      entityType: 'case_process',
      entityId: itemId,
      detail: { revision, steps: steps.map((s) => `${s.name}/${s.role}/${s.budgetDays}`) },
    });
    return { itemId, isDefault: false, revision, steps };
  }).catch((err: unknown) => {
    // A concurrent first save of the same item inserted its row first (primary key): revision 1.
    const code = (err as { code?: unknown })?.code;
    if (code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
      throw new AppError('CASE_PROCESS_STALE_VERSION', { expected: expectedRevision, current: 1 });
    throw err;
  });
}
