import { z } from 'zod';
import { ROLES } from './access.ts';
import { plainText } from './plain-text.ts';
import { bilingual } from './problem.ts';
import { ExpectedRevision, Revision } from './revision.ts';

export const ORG_UNIT_KINDS = [
  'government',
  'department',
  'service_centre',
  'township',
  'village',
  'service_station',
] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

export const ORG_UNIT_KIND_LABELS: Record<OrgUnitKind, { zh: string; en: string }> = {
  government: { zh: '人民政府', en: 'Government' },
  department: { zh: '部门', en: 'Department' },
  service_centre: { zh: '政务（便民）服务中心', en: 'Service centre' },
  township: { zh: '乡镇（街道）', en: 'Township / street' },
  village: { zh: '村（社区）', en: 'Village / community' },
  service_station: { zh: '便民服务站', en: 'Service station' },
};

export const WINDOW_KINDS = ['comprehensive', 'specialist', 'delivery', 'bundle'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

export const WINDOW_KIND_LABELS: Record<WindowKind, { zh: string; en: string }> = {
  comprehensive: { zh: '综合受理窗口', en: 'Comprehensive window' },
  specialist: { zh: '专业窗口', en: 'Specialist window' },
  delivery: { zh: '统一出件窗口', en: 'Delivery window' },
  bundle: { zh: '高效办成一件事窗口', en: '"One thing" bundle window' },
};

/** Org-unit kinds at which windows may be set up. */
export const WINDOW_HOST_KINDS: readonly OrgUnitKind[] = ['service_centre', 'service_station'];

/** What a row of a list lets the actor do; the server computes it from the policy it enforces. */
export const ORG_UNIT_ROW_ACTIONS = ['update', 'delete', 'createChild', 'manageWindows'] as const;
export const WINDOW_ROW_ACTIONS = ['update'] as const;
export const STAFF_ROW_ACTIONS = ['update', 'resetPassword', 'readPhone'] as const;
export type StaffRowAction = (typeof STAFF_ROW_ACTIONS)[number];

/** A mainland mobile number (11 digits, 1[3-9]…): staff phones receive SMS. */
export const MobilePhone = z
  .string()
  .trim()
  .regex(
    /^1[3-9]\d{9}$/,
    bilingual('手机号码应为 11 位数字', 'A mobile number has 11 digits, starting 13 to 19'),
  );
/** An office phone: a mobile number or a landline with area code, e.g. 0434-5222345. */
export const OfficePhone = z
  .string()
  .trim()
  .regex(
    /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|12345)$/,
    bilingual('电话号码格式不正确', 'Not a phone number (a mobile, or area code and number)'),
  );

/** Shape only: the check character is verified by the use case (CREDIT_CODE_INVALID). */
const CreditCodeInput = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    /^[0-9A-Z]{18}$/,
    bilingual('统一社会信用代码为 18 位数字或大写字母', 'A credit code is 18 digits or capital letters'),
  );

/**
 * One line of free text under the rule every module's text follows (`plain-text.ts`): no control,
 * line-break, zero-width or text-direction characters and no lone surrogates, so a unit, window or
 * person's name prints as it was typed. Refusals name the field in both languages.
 */
function text(label: { zh: string; en: string }, max: number, min = 0) {
  return plainText(
    z
      .string()
      .trim()
      .min(min, bilingual(`${label.zh}不能为空`, `${label.en} must not be empty`))
      .max(max, bilingual(`${label.zh}不能超过${max}个字符`, `${label.en}: at most ${max} characters`)),
    { multiline: false, label: label.zh, labelEn: label.en },
  );
}

const Id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\w-]+$/, bilingual('编号格式不正确', 'Malformed id'));
const UnitName = text({ zh: '机构名称', en: 'The unit name' }, 100, 1);
const WindowName = text({ zh: '窗口名称', en: 'The window name' }, 100, 1);
const StaffName = text({ zh: '姓名', en: 'The name' }, 50, 1);
const StaffTitle = text({ zh: '职务', en: 'The title' }, 50);
const Code = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[0-9A-Za-z_-]+$/, bilingual('编码只能包含字母、数字、- 和 _', 'Only letters, digits, - and _'));

export const IdParams = z.object({ id: Id });

// ---------------------------------------------------------------- org units

export const OrgUnit = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(ORG_UNIT_KINDS),
  creditCode: z.string().nullable(),
  divisionCode: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  sort: z.number().int(),
  revision: Revision,
  allowedActions: z.array(z.enum(ORG_UNIT_ROW_ACTIONS)),
});
export type OrgUnitView = z.infer<typeof OrgUnit>;
export const OrgUnitList = z.object({ items: z.array(OrgUnit) });

export const CreateOrgUnitBody = z.strictObject({
  parentId: Id.describe('上级机构'),
  code: Code.describe('机构编码（全县唯一）'),
  name: UnitName.describe('机构名称'),
  kind: z.enum(ORG_UNIT_KINDS).describe('机构类型'),
  creditCode: CreditCodeInput.nullish().describe('统一社会信用代码'),
  divisionCode: z
    .string()
    .trim()
    .regex(/^\d{6,12}$/, bilingual('区划代码为 6–12 位数字', 'A division code has 6 to 12 digits'))
    .nullish(),
  address: text({ zh: '地址', en: 'The address' }, 200).nullish(),
  phone: OfficePhone.nullish(),
  sort: z.number().int().min(0).max(1_000_000).optional(),
});
export type CreateOrgUnitInput = z.infer<typeof CreateOrgUnitBody>;

/** A stale `expectedRevision` is 409 ORG_STALE_VERSION. */
export const UpdateOrgUnitBody = CreateOrgUnitBody.partial().extend({ expectedRevision: ExpectedRevision });
export type UpdateOrgUnitInput = z.infer<typeof UpdateOrgUnitBody>;

// ---------------------------------------------------------------- windows

export const Window = z.object({
  id: z.string(),
  serviceCentreId: z.string(),
  serviceCentreName: z.string(),
  number: z.string(),
  name: z.string(),
  kind: z.enum(WINDOW_KINDS),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  active: z.boolean(),
  revision: Revision,
  allowedActions: z.array(z.enum(WINDOW_ROW_ACTIONS)),
});
export type WindowView = z.infer<typeof Window>;
export const WindowList = z.object({ items: z.array(Window) });
export const ListWindowsQuery = z.object({ serviceCentreId: Id.optional() });

export const CreateWindowBody = z.strictObject({
  serviceCentreId: Id.describe('所属服务中心（站）'),
  number: z
    .string()
    .trim()
    .min(1)
    .max(16)
    .regex(/^[0-9A-Za-z-]+$/, bilingual('窗口编号只能包含字母、数字和 -', 'Only letters, digits and -'))
    .describe('窗口编号，如 A01'),
  name: WindowName.describe('窗口名称'),
  kind: z.enum(WINDOW_KINDS),
  departmentId: Id.nullish().describe('专业窗口所属部门'),
});
export type CreateWindowInput = z.infer<typeof CreateWindowBody>;

export const UpdateWindowBody = CreateWindowBody.omit({ serviceCentreId: true })
  .partial()
  .extend({ active: z.boolean().optional(), expectedRevision: ExpectedRevision });
export type UpdateWindowInput = z.infer<typeof UpdateWindowBody>;

// ---------------------------------------------------------------- staff

export const RoleGrantInput = z.strictObject({ role: z.enum(ROLES), scopeOrgUnitId: Id });

export const StaffRole = z.object({
  role: z.enum(ROLES),
  scopeOrgUnitId: z.string(),
  scopeName: z.string(),
});

export const Staff = z.object({
  id: z.string(),
  accountId: z.string(),
  username: z.string(),
  name: z.string(),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  windowId: z.string().nullable(),
  windowName: z.string().nullable(),
  /** Masked (`139****1001`); the full value only through readStaffPhone, which is audited. */
  phoneMasked: z.string().nullable(),
  title: z.string().nullable(),
  active: z.boolean(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  roles: z.array(StaffRole),
  /** Of the staff record and its grants; the account's password and lock-out do not move it. */
  revision: Revision,
  allowedActions: z.array(z.enum(STAFF_ROW_ACTIONS)),
});
export type StaffView = z.infer<typeof Staff>;

export const StaffList = z.object({ items: z.array(Staff), total: z.number().int() });

export const ListStaffQuery = z.object({
  orgUnitId: Id.optional().describe('只看该机构及其下级的人员'),
  q: text({ zh: '查询内容', en: 'The search text' }, 50).optional().describe('姓名或用户名'),
  role: z.enum(ROLES).optional(),
  active: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListStaffInput = z.infer<typeof ListStaffQuery>;

const Username = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(
    /^[a-z][a-z0-9_.-]*$/,
    bilingual(
      '用户名以小写字母开头，只含小写字母、数字、_ . -',
      'A user name starts with a lower-case letter and holds only a-z, 0-9, _ . -',
    ),
  );

export const CreateStaffBody = z.strictObject({
  username: Username,
  name: StaffName,
  orgUnitId: Id,
  windowId: Id.nullish(),
  phone: MobilePhone.nullish(),
  title: StaffTitle.nullish(),
  initialPassword: z.string().min(1).max(200),
  roles: z.array(RoleGrantInput).max(20).default([]),
});
export type CreateStaffInput = z.infer<typeof CreateStaffBody>;

export const UpdateStaffBody = z.strictObject({
  name: StaffName.optional(),
  orgUnitId: Id.optional(),
  windowId: Id.nullish(),
  phone: MobilePhone.nullish(),
  title: StaffTitle.nullish(),
  active: z.boolean().optional(),
  roles: z.array(RoleGrantInput).max(20).optional(),
  expectedRevision: ExpectedRevision,
});
export type UpdateStaffInput = z.infer<typeof UpdateStaffBody>;

export const ResetStaffPasswordBody = z.strictObject({ newPassword: z.string().min(1).max(200) });

export const StaffPhone = z.object({ phone: z.string().nullable() });
