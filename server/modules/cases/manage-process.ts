import type { z } from 'zod';
import type { ProcessView } from '../../../contracts/case-views.ts';
import type { ProcessStepInput } from '../../../contracts/cases.ts';
import { type Actor, authorize, can } from '../../platform/access/policy.ts';
import { audit, inTransaction, type Platform } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import { toJson } from '../../platform/db/json.ts';
import { AppError } from '../../platform/errors.ts';
import { nowIso } from '../../platform/time.ts';
import { getPublishedVersion } from '../catalog/index.ts';
import { departmentOf } from './org-port.ts';
import { defaultProcess, processProblems, storedProcess } from './processes.ts';
import { casesDb } from './store.ts';

/** An item's promised days (for the default split), or 10 when it has no published version. */
async function promisedDaysOf(db: Executor, itemId: string): Promise<number> {
  const v = await getPublishedVersion(db, itemId);
  return v?.document.promisedLimit.value ?? 10;
}

/** The process definition of an item (its own, or the default), for catalogue admins and case staff. */
export async function getProcess(
  platform: Platform,
  actor: Actor,
  itemId: string,
): Promise<z.infer<typeof ProcessView>> {
  if (!can(actor, 'case.read', 'anywhere')) authorize(actor, 'process.manage', 'anywhere');
  const stored = await storedProcess(platform.db, itemId);
  if (stored) return { itemId, isDefault: false, revision: stored.revision, steps: stored.steps };
  return {
    itemId,
    isDefault: true,
    revision: 0,
    steps: defaultProcess(await promisedDaysOf(platform.db, itemId)),
  };
}

/**
 * Replaces an item's process definition (catalogue admins, county-wide): unique step keys, the
 * last step an approver's, every named department real. Running cases keep the steps they were
 * accepted with; new acceptances take the new definition. Audited.
 */
export function updateProcess(
  platform: Platform,
  actor: Actor,
  itemId: string,
  steps: ProcessStepInput[],
): Promise<z.infer<typeof ProcessView>> {
  return inTransaction(platform, async (trx) => {
    authorize(actor, 'process.manage', 'global');
    const fields = processProblems(steps);
    for (const [i, s] of steps.entries()) {
      if (s.departmentId && !(await departmentOf(trx, s.departmentId))) {
        fields.push({ path: `body.steps.${i}.departmentId`, message: '部门不存在' });
      }
    }
    if (fields.length > 0) throw new AppError('CASE_PROCESS_INVALID', { fields });
    const current = await storedProcess(trx, itemId);
    const revision = (current?.revision ?? 0) + 1;
    const row = {
      item_id: itemId,
      steps: toJson(steps),
      revision,
      updated_at: nowIso(),
      updated_by: actor.name,
    };
    if (current)
      await casesDb(trx).updateTable('case_processes').set(row).where('item_id', '=', itemId).execute();
    else await casesDb(trx).insertInto('case_processes').values(row).execute();
    await audit(platform, trx, actor, {
      action: 'process.update',
      entityType: 'case_process',
      entityId: itemId,
      detail: { revision, steps: steps.map((s) => `${s.name}/${s.role}/${s.budgetDays}`) },
    });
    return { itemId, isDefault: false, revision, steps };
  });
}
