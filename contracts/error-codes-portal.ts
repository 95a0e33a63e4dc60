/**
 * The portal's block of the error-code table (server/modules/portal/): 一网通办 citizen accounts,
 * their enterprises and online applications. Spread into ERROR_CODES (error-codes.ts), which stays
 * the one table every code is looked up in.
 */
export const PORTAL_ERROR_CODES = {
  PORTAL_CODE_TOO_SOON: {
    status: 429,
    zh: '验证码发送过于频繁：同一手机号或同一网络每分钟只能获取一次，请稍后再试',
    en: 'Codes are sent at most once a minute per number and per network; try again shortly',
  },
  PORTAL_CODE_DAILY_LIMIT: {
    status: 429,
    zh: '今天获取验证码的次数已达上限（每个手机号、每个网络每天10次），请明天再试',
    en: 'The daily limit of codes (10 per number and per network) is reached; try again tomorrow',
  },
  PORTAL_CODE_INVALID: {
    status: 401,
    zh: '验证码错误或已过期，请核对短信或重新获取',
    en: 'The code is wrong or has expired; check the text message or ask for a new code',
  },
  PORTAL_CODE_TRIES_EXCEEDED: {
    status: 401,
    zh: '该验证码已输错5次，已失效，请重新获取',
    en: 'This code was entered wrongly 5 times and no longer works; ask for a new one',
  },
  PORTAL_LOGIN_TOO_MANY: {
    status: 429,
    zh: '该网络输错验证码次数过多，请15分钟后再试',
    en: 'Too many wrong codes from this network; try again in 15 minutes',
  },
  PORTAL_LOGIN_REQUIRED: {
    status: 401,
    zh: '请先登录一网通办（手机号加短信验证码）',
    en: 'Please log in to the portal (mobile number and text-message code)',
  },
  PORTAL_IDENTITY_DONE: {
    status: 409,
    zh: '本账号已完成实名认证，不能再次认证；如需更正请到大厅窗口办理',
    en: 'This account is already verified; a correction is made at a service window',
  },
  PORTAL_IDENTITY_TAKEN: {
    status: 409,
    zh: '该身份证号已绑定另一个手机号的账号；如手机号已更换，请到大厅窗口办理',
    en: 'This ID number belongs to an account of another mobile number; a change of number is made at a window',
  },
  PORTAL_IDENTITY_REFUSED: {
    status: 422,
    zh: '身份核验未通过：姓名与身份证号不一致',
    en: 'Identity check failed: the name and the ID number do not match',
  },
  PORTAL_REAL_NAME_REQUIRED: {
    status: 403,
    zh: '请先完成实名认证：在“我的”中填写姓名和公民身份号码后，才能网上申请或登记企业',
    en: 'Verify your identity first (name and ID number under My account) to apply online or register an enterprise',
  },
  PORTAL_ITEM_NOT_ONLINE: {
    status: 409,
    zh: '该事项暂不支持网上办理，请到政务服务大厅或乡镇便民服务中心窗口办理',
    en: 'This service cannot be applied for online yet; apply at a service window',
  },
  PORTAL_APPLICATION_NOT_FOUND: { status: 404, zh: '找不到该网上申请', en: 'Online application not found' },
  PORTAL_APPLICATION_SUBMITTED: {
    status: 409,
    zh: '该申请已提交，不能再修改；如需更正请等待预审意见',
    en: 'This application was submitted and can no longer be changed; wait for the pre-review',
  },
  PORTAL_FORM_INVALID: { status: 400, zh: '申请表填写有误', en: 'The application form has errors' },
  PORTAL_STALE_VERSION: {
    status: 409,
    zh: '资料已在别处修改，请刷新后重试',
    en: 'The profile was changed elsewhere; reload and retry',
  },
  PORTAL_ENTERPRISE_NOT_REPRESENTATIVE: {
    status: 403,
    zh: '企业账号须由法定代表人本人登记（实名认证的姓名须与法定代表人一致）；其他工作人员请由法定代表人在企业账号中添加',
    en: 'The legal representative in person registers the enterprise (your verified name must be theirs); other staff are added by them',
  },
  PORTAL_ENTERPRISE_TAKEN: {
    status: 409,
    zh: '该统一社会信用代码的企业已登记；如需加入，请联系该企业的管理员',
    en: 'An enterprise with this credit code is already registered; ask its administrator to add you',
  },
  PORTAL_ENTERPRISE_NOT_FOUND: {
    status: 404,
    zh: '找不到该企业，或您不是该企业的成员',
    en: 'No such enterprise, or you are not one of its members',
  },
  PORTAL_ENTERPRISE_ADMIN_ONLY: {
    status: 403,
    zh: '只有企业管理员可以添加或移除成员',
    en: 'Only an administrator of the enterprise adds or removes members',
  },
  PORTAL_ENTERPRISE_MEMBER_EXISTS: {
    status: 409,
    zh: '该手机号已是本企业的成员',
    en: 'This mobile number is already a member of the enterprise',
  },
  PORTAL_ENTERPRISE_MEMBER_NOT_FOUND: {
    status: 404,
    zh: '找不到该成员（可能已被移除）',
    en: 'No such member (perhaps already removed)',
  },
  PORTAL_ENTERPRISE_LAST_ADMIN: {
    status: 409,
    zh: '不能移除企业唯一的管理员；请先添加另一位管理员',
    en: 'The last administrator of the enterprise cannot be removed; add another administrator first',
  },
  PORTAL_MATERIAL_NOT_APPLICABLE: {
    status: 400,
    zh: '该材料不属于本申请（按所选情形不需要提交，或不是本事项的材料），请按申请中的材料清单上传',
    en: 'This material is not one of the application’s (not needed for the situations chosen, or not of this service); upload to the checklist’s materials',
  },
  PORTAL_UPLOAD_FILE_MISSING: {
    status: 400,
    zh: '请以 multipart/form-data 上传一个文件（字段名 file）',
    en: 'Upload one file as multipart/form-data (field name file)',
  },
  PORTAL_APPLICATION_FILE_NOT_FOUND: {
    status: 404,
    zh: '找不到该申请材料文件（可能已被删除）',
    en: 'No such file in this application (perhaps already removed)',
  },
  PORTAL_APPLICATION_INCOMPLETE: {
    status: 409,
    zh: '申请尚不完整：请填写必填项并上传全部必要材料后再提交',
    en: 'The application is not complete: fill in the required fields and upload every required material, then submit',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;
