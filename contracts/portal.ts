import { z } from 'zod';
import { CreditCodeSchema, IdNumberSchema, MobilePhoneSchema } from './identifiers.ts';
import { plainText } from './plain-text.ts';
import { bilingual } from './problem.ts';

/**
 * Requests and answers of the citizen portal (`server/modules/portal/`): one-time-code log-in, the
 * real-name step, the profile. Bodies are `z.strictObject`: an unknown key is a 400 naming it.
 */

/** How long a one-time code lives, how often one may be asked for, and how many tries it has. */
export const PORTAL_CODE_RULES = {
  digits: 6,
  ttlSeconds: 300,
  resendAfterSeconds: 60,
  perDay: 10,
  triesPerCode: 5,
} as const;

export const RequestPortalCodeBody = z.strictObject({ phone: MobilePhoneSchema });
export type RequestPortalCodeInput = z.infer<typeof RequestPortalCodeBody>;

export const PortalCodeSent = z.object({
  sentTo: z.string().describe('收到验证码的手机号（脱敏）'),
  expiresInSeconds: z.number().int(),
  resendAfterSeconds: z.number().int(),
});
export type PortalCodeSentView = z.infer<typeof PortalCodeSent>;

export const PortalLoginBody = z.strictObject({
  phone: MobilePhoneSchema,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, bilingual('验证码为6位数字', 'The code is 6 digits'))
    .describe('短信验证码（6位数字）'),
});
export type PortalLoginInput = z.infer<typeof PortalLoginBody>;

/** 实名等级: the mobile number only; the ID number checked (digit, birth date); the province's identity service. */
export const REAL_NAME_LEVELS = ['phone', 'id_checked', 'provincial'] as const;
export type RealNameLevel = (typeof REAL_NAME_LEVELS)[number];

/** The portal account as its owner sees it: every personal value masked. */
export const PortalMe = z.object({
  accountId: z.string(),
  kind: z.literal('citizen'),
  phoneMasked: z.string(),
  nameMasked: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  addressMasked: z.string().nullable(),
  realNameLevel: z.enum(REAL_NAME_LEVELS),
  /** The concurrency field of the profile: `expectedRevision` in its update. */
  revision: z.number().int(),
  createdAt: z.string(),
});
export type PortalMeView = z.infer<typeof PortalMe>;

/** Who is logged in, with the session's CSRF token (a reloaded page keeps it only in memory). */
export const PortalSession = PortalMe.extend({ csrfToken: z.string() });
export type PortalSessionView = z.infer<typeof PortalSession>;

export const PortalLoginReply = PortalSession.extend({
  /** True the first time this number logs in: the account was opened by this log-in. */
  registered: z.boolean(),
});

const PersonName = plainText(
  z
    .string()
    .trim()
    .min(1, bilingual('请填写姓名', 'Give your name'))
    .max(50, bilingual('姓名不能超过50个字符', 'The name: at most 50 characters')),
  { multiline: false, label: '姓名', labelEn: 'The name' },
);

/** 实名认证: the name and ID number, checked once per account. */
export const VerifyPortalIdentityBody = z.strictObject({ name: PersonName, idNumber: IdNumberSchema });
export type VerifyPortalIdentityInput = z.infer<typeof VerifyPortalIdentityBody>;

export const UpdatePortalProfileBody = z.strictObject({
  expectedRevision: z.number().int().min(1).describe('资料当前修订号（乐观并发控制）'),
  address: plainText(
    z.string().trim().max(200, bilingual('地址不能超过200个字符', 'The address: at most 200 characters')),
    { multiline: false, label: '地址', labelEn: 'The address' },
  ),
});
export type UpdatePortalProfileInput = z.infer<typeof UpdatePortalProfileBody>;

/** The profile in full: only on the owner's explicit request, and every such read is audited. */
export const PortalProfileFull = z.object({
  phone: z.string(),
  name: z.string().nullable(),
  idNumber: z.string().nullable(),
  address: z.string().nullable(),
});
export type PortalProfileFullView = z.infer<typeof PortalProfileFull>;

/*
 * Enterprises (企业): registered by a real-name-checked citizen, who becomes their administrator;
 * the administrator adds and removes the enterprise's staff by mobile number.
 */

/** A member's role in an enterprise: the administrator manages the members, staff act for it. */
export const PORTAL_ENTERPRISE_ROLES = ['admin', 'staff'] as const;
export type PortalEnterpriseRole = (typeof PORTAL_ENTERPRISE_ROLES)[number];

const PortalId = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\w-]+$/, bilingual('编号格式不正确', 'Malformed id'));

const EnterpriseName = plainText(
  z
    .string()
    .trim()
    .min(1, bilingual('请填写企业名称', 'Give the name of the enterprise'))
    .max(100, bilingual('企业名称不能超过100个字符', 'The name of the enterprise: at most 100 characters')),
  { multiline: false, label: '企业名称', labelEn: 'The name of the enterprise' },
);

const LegalRepresentative = plainText(
  z
    .string()
    .trim()
    .min(1, bilingual('请填写法定代表人姓名', 'Give the legal representative'))
    .max(50, bilingual('法定代表人姓名不能超过50个字符', 'The legal representative: at most 50 characters')),
  { multiline: false, label: '法定代表人', labelEn: 'The legal representative' },
);

const EnterpriseAddress = plainText(
  z
    .string()
    .trim()
    .min(1, bilingual('请填写企业住所', 'Give the address of the enterprise'))
    .max(
      200,
      bilingual('企业住所不能超过200个字符', 'The address of the enterprise: at most 200 characters'),
    ),
  { multiline: false, label: '企业住所', labelEn: 'The address of the enterprise' },
);

/** 企业登记: the credit code (check digit checked by the schema), name, legal representative, address. */
export const RegisterPortalEnterpriseBody = z.strictObject({
  creditCode: CreditCodeSchema,
  name: EnterpriseName,
  legalRepresentative: LegalRepresentative,
  address: EnterpriseAddress,
});
export type RegisterPortalEnterpriseInput = z.infer<typeof RegisterPortalEnterpriseBody>;

export const PortalEnterpriseParams = z.object({ enterpriseId: PortalId });
export const PortalEnterpriseMemberParams = z.object({ enterpriseId: PortalId, memberId: PortalId });

/** A member is added by mobile number: the number need not have logged in yet. */
export const AddPortalEnterpriseMemberBody = z.strictObject({
  phone: MobilePhoneSchema,
  role: z.enum(PORTAL_ENTERPRISE_ROLES).default('staff').describe('角色：admin 管理员，staff 经办人（默认）'),
});
export type AddPortalEnterpriseMemberInput = z.infer<typeof AddPortalEnterpriseMemberBody>;

/** An enterprise the account belongs to, and its role there. */
export const PortalEnterpriseMembership = z.object({
  enterpriseId: z.string(),
  creditCode: z.string(),
  name: z.string(),
  role: z.enum(PORTAL_ENTERPRISE_ROLES),
});
export type PortalEnterpriseMembershipView = z.infer<typeof PortalEnterpriseMembership>;
export const PortalEnterpriseList = z.object({ items: z.array(PortalEnterpriseMembership) });
export type PortalEnterpriseListView = z.infer<typeof PortalEnterpriseList>;

/** A member as the enterprise's members see it: the number masked. */
export const PortalEnterpriseMember = z.object({
  memberId: z.string(),
  phoneMasked: z.string(),
  role: z.enum(PORTAL_ENTERPRISE_ROLES),
  /** True for the row of the account asking. */
  you: z.boolean(),
  addedAt: z.string(),
});
export type PortalEnterpriseMemberView = z.infer<typeof PortalEnterpriseMember>;

/** The enterprise as its members see it: the legal representative masked; the asker's role; the members. */
export const PortalEnterprise = PortalEnterpriseMembership.extend({
  legalRepresentativeMasked: z.string(),
  address: z.string(),
  revision: z.number().int(),
  createdAt: z.string(),
  members: z.array(PortalEnterpriseMember),
});
export type PortalEnterpriseView = z.infer<typeof PortalEnterprise>;

/** The enterprise's profile in full: only on a member's explicit request, and every such read is audited. */
export const PortalEnterpriseFull = z.object({
  enterpriseId: z.string(),
  creditCode: z.string(),
  name: z.string(),
  legalRepresentative: z.string(),
  address: z.string(),
});
export type PortalEnterpriseFullView = z.infer<typeof PortalEnterpriseFull>;
