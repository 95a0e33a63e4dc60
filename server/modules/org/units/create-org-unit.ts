import type { CreateOrgUnitInput, OrgUnitView } from '../../../../contracts/org.ts';
import { type Actor, authorize } from '../../../platform/access/policy.ts';
import { inTransaction, type Platform } from '../../../platform/context.ts';
import { say } from '../../../platform/errors.ts';
import { auditOrg } from '../audit-actions.ts';
import { checkCreditCode, checkKindAtPlace } from '../domain/org-unit-rules.ts';
import { findOrgUnit, findOrgUnitByCode, insertOrgUnit } from '../store/store.ts';
import { fieldError, toOrgUnitView } from '../views/present.ts';

/** Creates an org unit under a parent the actor manages (org.manage on the parent's subtree). */
export async function createOrgUnit(
  platform: Platform,
  actor: Actor,
  input: CreateOrgUnitInput,
): Promise<OrgUnitView> {
  authorize(actor, 'org.manage', 'anywhere');
  checkCreditCode(input.creditCode);
  checkKindAtPlace(input.kind, false);
  return inTransaction(platform, async (trx) => {
    const parent = await findOrgUnit(trx, input.parentId);
    if (!parent)
      throw fieldError(
        'ORG_UNIT_PARENT_INVALID',
        'body.parentId',
        say('上级机构不存在', 'No such parent unit'),
      );
    const who = authorize(actor, 'org.manage', { path: parent.path });
    if (await findOrgUnitByCode(trx, input.code)) {
      throw fieldError(
        'ORG_UNIT_CODE_TAKEN',
        'body.code',
        say(`${input.code} 已被使用`, `${input.code} is already taken`),
      );
    }
    const row = await insertOrgUnit(trx, {
      parentId: parent.id,
      parentPath: parent.path,
      code: input.code,
      name: input.name,
      kind: input.kind,
      creditCode: input.creditCode ?? null,
      divisionCode: input.divisionCode ?? null,
      address: input.address ?? null,
      phone: input.phone ?? null,
      sort: input.sort ?? 0,
    });
    await auditOrg(platform, trx, {
      actor: who,
      action: 'org.createUnit',
      entityType: 'org_unit',
      entityId: row.id,
      orgUnitId: row.id,
      detail: { code: row.code, name: row.name, kind: row.kind, parentId: parent.id },
    });
    return toOrgUnitView(who, row);
  });
}
