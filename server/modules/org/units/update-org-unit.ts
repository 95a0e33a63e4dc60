import type { OrgUnitView, UpdateOrgUnitInput } from '../../../../contracts/org.ts';
import { type Actor, authorize } from '../../../platform/access/policy.ts';
import { runScopeMovers } from '../../../platform/access/scope-moves.ts';
import { inTransaction, type Platform } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { AppError, say } from '../../../platform/errors.ts';
import { auditOrg } from '../audit-actions.ts';
import { checkCreditCode, checkKindAtPlace, isInSubtree, parentPathOf } from '../domain/org-unit-rules.ts';
import {
  assertRevision,
  countScopedToSubtree,
  findOrgUnit,
  findOrgUnitByCode,
  movePathPrefix,
  updateRevised,
} from '../store/store.ts';
import type { OrgUnitsTable } from '../store/tables.ts';
import { fieldError, toOrgUnitView } from '../views/present.ts';

/**
 * Moves a subtree from one path prefix to another: its units' paths, then every other module's rows
 * scoped by those paths (cases…, through the scope movers registered at start-up), all in the
 * caller's transaction. Returns how many rows of each kind now sit under the new prefix.
 */
async function moveSubtree(
  trx: Executor,
  fromPrefix: string,
  toPrefix: string,
): Promise<Record<string, number>> {
  const orgUnits = await movePathPrefix(trx, fromPrefix, toPrefix);
  const { staff, grants } = await countScopedToSubtree(trx, toPrefix);
  return { orgUnits, staff, grants, ...(await runScopeMovers(trx, fromPrefix, toPrefix)) };
}

/** Which org unit to edit (`id`) and the changes (the request body). */
export type UpdateOrgUnitRequest = UpdateOrgUnitInput & { id: string };

/**
 * Edits an org unit (org.manage on it). A new parent must also be managed by the actor and must not
 * lie in the unit's own subtree; moving rewrites the paths of the whole subtree and of everything
 * scoped there (grants follow by unit id; cases through their scope mover), in one transaction.
 * It is decided on the revision the editor saw: a moved one is 409 ORG_STALE_VERSION.
 */
export async function updateOrgUnit(
  platform: Platform,
  actor: Actor,
  input: UpdateOrgUnitRequest,
): Promise<OrgUnitView> {
  const { id } = input;
  authorize(actor, 'org.manage', 'anywhere');
  checkCreditCode(input.creditCode);
  return inTransaction(platform, async (trx) => {
    const unit = await findOrgUnit(trx, id);
    if (!unit) throw new AppError('ORG_UNIT_NOT_FOUND', { id });
    const who = authorize(actor, 'org.manage', { path: unit.path });
    assertRevision(input.expectedRevision, unit.revision);

    const patch: Partial<OrgUnitsTable> = {};
    if (input.code !== undefined && input.code !== unit.code) {
      if (await findOrgUnitByCode(trx, input.code)) {
        throw fieldError(
          'ORG_UNIT_CODE_TAKEN',
          'body.code',
          say(`${input.code} 已被使用`, `${input.code} is already taken`),
        );
      }
      patch.code = input.code;
    }
    if (input.name !== undefined) patch.name = input.name;
    if (input.kind !== undefined && input.kind !== unit.kind) {
      checkKindAtPlace(input.kind, unit.parent_id === null);
      // What a unit is (a township, a department, a service centre) is decided by whoever manages
      // the unit above it: a township's own administrator renames its township but does not make
      // it something else. The root's kind never changes (above).
      const parentPath = parentPathOf(unit.path);
      if (parentPath) authorize(actor, 'org.manage', { path: parentPath });
      patch.kind = input.kind;
    }
    if (input.creditCode !== undefined) patch.credit_code = input.creditCode;
    if (input.divisionCode !== undefined) patch.division_code = input.divisionCode;
    if (input.address !== undefined) patch.address = input.address;
    if (input.phone !== undefined) patch.phone = input.phone;
    if (input.sort !== undefined) patch.sort = input.sort;

    let newPath = unit.path;
    if (input.parentId !== undefined && input.parentId !== unit.parent_id) {
      if (unit.parent_id === null) {
        throw fieldError(
          'ORG_UNIT_PARENT_INVALID',
          'body.parentId',
          say('根机构不能移动', 'The root unit cannot move'),
        );
      }
      const parent = await findOrgUnit(trx, input.parentId);
      if (!parent)
        throw fieldError(
          'ORG_UNIT_PARENT_INVALID',
          'body.parentId',
          say('上级机构不存在', 'No such parent unit'),
        );
      if (isInSubtree(parent.path, unit.path)) {
        throw fieldError(
          'ORG_UNIT_PARENT_INVALID',
          'body.parentId',
          say('不能移到自身或下级之下', 'A unit cannot move under itself or its sub-units'),
        );
      }
      authorize(who, 'org.manage', { path: parent.path });
      patch.parent_id = parent.id;
      newPath = `${parent.path}${unit.id}/`;
    }

    const changed = Object.keys(patch);
    if (changed.length === 0) return toOrgUnitView(who, unit);
    await updateRevised(trx, 'org_units', { id, expected: input.expectedRevision, patch });
    const rescoped = newPath !== unit.path ? await moveSubtree(trx, unit.path, newPath) : null;
    await auditOrg(platform, trx, {
      actor: who,
      action: rescoped ? 'org.moveUnit' : 'org.updateUnit',
      entityType: 'org_unit',
      entityId: id,
      orgUnitId: id,
      detail: {
        changed,
        ...(patch.parent_id ? { from: unit.parent_id, to: patch.parent_id } : {}),
        ...(rescoped ? { fromPath: unit.path, toPath: newPath, rescoped } : {}),
      },
    });
    const updated = await findOrgUnit(trx, id);
    if (!updated) throw new AppError('ORG_UNIT_NOT_FOUND', { id });
    return toOrgUnitView(who, updated);
  });
}
