import { insertOrgUnit, insertStaff } from '../server/modules/org/store.ts';
import { hashPassword } from '../server/platform/auth/passwords.ts';
import type { Platform } from '../server/platform/context.ts';
import type { Tx } from '../server/platform/db/index.ts';

/** Demo organisation of 梨树县 (first slice: the county government and the administrator). */
export async function seedDemoOrg(platform: Platform, trx: Tx): Promise<void> {
  const county = await insertOrgUnit(trx, {
    parentId: null,
    code: '220322',
    name: '梨树县人民政府',
    kind: 'government',
    divisionCode: '220322',
  });
  const passwordHash = await hashPassword(platform.config.demoPassword);
  await insertStaff(trx, {
    username: 'admin',
    passwordHash,
    name: '系统管理员',
    orgUnitId: county.id,
    roles: [{ role: 'system_admin', scopeOrgUnitId: county.id }],
  });
}
