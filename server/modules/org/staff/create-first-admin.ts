import { CreateStaffBody } from '../../../../contracts/org.ts';
import { assertAcceptablePassword, hashPassword } from '../../../platform/auth/passwords.ts';
import { inTransaction, type Platform } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { auditOrg } from '../audit-actions.ts';
import { insertOrgUnit, listRootOrgUnits } from '../store/store.ts';
import { insertStaff, usernameTaken } from '../store/store-staff.ts';

export interface FirstAdminInput {
  username: string;
  name: string;
  password: string;
  /** The root unit made when the database has none (a production install starts empty). */
  root: { code: string; name: string; divisionCode: string | null };
}

const CLI_ACTOR = 'onewindow create-admin';

/**
 * Creates a county-wide system administrator from the command line (no actor: whoever runs the
 * command on the server is trusted), and the root org unit when there is none yet. The password
 * must be changed at first log-in. Refuses a user name that exists.
 */
export async function createFirstAdmin(
  platform: Platform,
  input: FirstAdminInput,
): Promise<{ accountId: string; rootId: string; rootName: string; rootCreated: boolean }> {
  const parsed = CreateStaffBody.pick({ username: true, name: true }).safeParse({
    username: input.username,
    name: input.name,
  });
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', {
      fields: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  assertAcceptablePassword(input.password, 'password', { username: parsed.data.username });
  const passwordHash = await hashPassword(input.password);
  return inTransaction(platform, async (trx) => {
    if (await usernameTaken(trx, parsed.data.username)) {
      throw new AppError('STAFF_USERNAME_TAKEN', {
        fields: [{ path: 'username', message: parsed.data.username }],
      });
    }
    const roots = await listRootOrgUnits(trx);
    let root = roots.sort((a, b) => a.created_at.localeCompare(b.created_at))[0];
    const rootCreated = root === undefined;
    if (!root) {
      root = await insertOrgUnit(trx, {
        parentId: null,
        code: input.root.code,
        name: input.root.name,
        kind: 'government',
        divisionCode: input.root.divisionCode,
      });
      await auditOrg(platform, trx, {
        actor: { accountId: null, name: CLI_ACTOR },
        action: 'org.createUnit',
        entityType: 'org_unit',
        entityId: root.id,
        orgUnitId: root.id,
        detail: { code: root.code, name: root.name, kind: root.kind, via: 'cli' },
      });
    }
    const staff = await insertStaff(trx, {
      username: parsed.data.username,
      passwordHash,
      name: parsed.data.name,
      orgUnitId: root.id,
      roles: [{ role: 'system_admin', scopeOrgUnitId: root.id }],
      mustChangePassword: true,
    });
    await auditOrg(platform, trx, {
      actor: { accountId: null, name: CLI_ACTOR },
      action: 'org.createStaff',
      entityType: 'staff',
      entityId: staff.id,
      orgUnitId: root.id,
      detail: {
        username: parsed.data.username,
        name: parsed.data.name,
        roles: [{ role: 'system_admin', scopeOrgUnitId: root.id }],
        via: 'cli',
      },
    });
    return { accountId: staff.account_id, rootId: root.id, rootName: root.name, rootCreated };
  });
}
