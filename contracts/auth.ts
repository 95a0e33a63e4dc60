import { z } from 'zod';
import { ACTIONS, ROLES } from './access.ts';

export const LoginBody = z.strictObject({
  username: z.string().trim().min(1).max(64).describe('用户名'),
  password: z.string().min(1).max(200).describe('密码'),
});

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

export const GrantSchema = z.object({
  role: z.enum(ROLES),
  scopeOrgUnitId: z.string(),
  scopeName: z.string(),
  /**
   * Held over the root of the org tree (the county): only such a grant reaches county resources
   * (the outbox, the job queue, the audit log, the calendar), whatever the role allows.
   */
  countyWide: z.boolean(),
});

export const MeResponse = z.object({
  accountId: z.string(),
  username: z.string(),
  name: z.string(),
  kind: z.enum(['staff', 'citizen']),
  orgUnitId: z.string().nullable(),
  grants: z.array(GrantSchema),
  /** Every action this actor may do somewhere: the console builds its menus from this. */
  permissions: z.array(z.enum(ACTIONS)),
  mustChangePassword: z.boolean(),
  /** Send this back as the X-CSRF-Token header on every POST, PUT, PATCH and DELETE. */
  csrfToken: z.string(),
});
export type Me = z.infer<typeof MeResponse>;

export const OkResponse = z.object({ ok: z.literal(true) });
