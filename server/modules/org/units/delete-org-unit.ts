import { type Actor, authorize } from '../../../platform/access/policy.ts';
import { inTransaction, type Platform } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { auditOrg } from '../audit-actions.ts';
import { countDependants, findOrgUnit, orgDb } from '../store/store.ts';

/** True for a foreign-key violation on either dialect (another module still points at the unit). */
function isForeignKeyViolation(err: unknown): boolean {
  const e = err as { code?: string };
  return e?.code === '23503' || e?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/** Deletes an empty org unit: no child units, staff, windows or role grants may hang on it. */
export async function deleteOrgUnit(platform: Platform, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'org.manage', 'anywhere');
  await inTransaction(platform, async (trx) => {
    const unit = await findOrgUnit(trx, id);
    if (!unit) throw new AppError('ORG_UNIT_NOT_FOUND', { id });
    const who = authorize(actor, 'org.manage', { path: unit.path });
    if (unit.parent_id === null) throw new AppError('ORG_UNIT_HAS_CHILDREN', { root: true });
    const dependants = await countDependants(trx, id);
    if (Object.values(dependants).some((n) => n > 0)) throw new AppError('ORG_UNIT_HAS_CHILDREN', dependants);
    try {
      await orgDb(trx).deleteFrom('org_units').where('id', '=', id).execute();
    } catch (err) {
      // Other modules' rows (items, cases) may reference the unit; the database says so, we say 409.
      if (isForeignKeyViolation(err)) throw new AppError('ORG_UNIT_HAS_CHILDREN', { referenced: true });
      throw err;
    }
    await auditOrg(platform, trx, {
      actor: who,
      action: 'org.deleteUnit',
      entityType: 'org_unit',
      entityId: id,
      orgUnitId: unit.parent_id,
      detail: { code: unit.code, name: unit.name, kind: unit.kind },
    });
  });
}
