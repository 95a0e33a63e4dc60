import { z } from 'zod';
import { IdNumberSchema, MobilePhoneSchema } from './identifiers.ts';
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
