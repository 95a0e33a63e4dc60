/**
 * The one table of error codes: stable code → HTTP status and a message in Chinese and English.
 * Codes are grouped by module prefix. Add new codes here; never rename one that has shipped.
 */
export const ERROR_CODES = {
  // platform
  VALIDATION_FAILED: {
    status: 400,
    zh: '输入有误，请检查标出的字段',
    en: 'Invalid input; check the fields listed',
  },
  NOT_FOUND: { status: 404, zh: '找不到请求的资源', en: 'Not found' },
  INTERNAL_ERROR: {
    status: 500,
    zh: '系统内部错误，请稍后重试',
    en: 'Internal error; please try again later',
  },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '提交的内容过大', en: 'Payload too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported media type' },
  CONFIG_INVALID: { status: 500, zh: '配置项无效', en: 'Invalid configuration value' },
  CONFIG_ENCRYPTION_KEY_MISSING: {
    status: 500,
    zh: '生产环境必须设置 ONEWINDOW_ENCRYPTION_KEY（32 位十六进制 SM4 密钥）',
    en: 'Production requires ONEWINDOW_ENCRYPTION_KEY (32 hex characters, the SM4 key)',
  },
  DB_UNAVAILABLE: { status: 503, zh: '数据库不可用', en: 'Database unavailable' },
  NOT_READY: { status: 503, zh: '服务尚未就绪', en: 'Service not ready' },
  // auth
  AUTH_REQUIRED: { status: 401, zh: '请先登录', en: 'Please log in' },
  AUTH_INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong user name or password' },
  AUTH_ACCOUNT_LOCKED: {
    status: 423,
    zh: '密码错误次数过多，账号已临时锁定，请稍后再试',
    en: 'Too many failed attempts; the account is locked for a while',
  },
  AUTH_ACCOUNT_DISABLED: { status: 403, zh: '账号已停用', en: 'Account disabled' },
  AUTH_CSRF_INVALID: {
    status: 403,
    zh: '安全校验失败，请刷新页面后重试',
    en: 'Security check (CSRF) failed; reload the page and retry',
  },
  AUTH_PASSWORD_WEAK: {
    status: 400,
    zh: '新密码至少 10 位，且须包含字母和数字',
    en: 'The new password needs at least 10 characters with letters and digits',
  },
  AUTH_PASSWORD_WRONG: { status: 400, zh: '原密码不正确', en: 'The current password is wrong' },
  // access
  ACCESS_DENIED: { status: 403, zh: '无权执行此操作', en: 'You are not allowed to do this' },
  ACCESS_OUT_OF_SCOPE: { status: 403, zh: '超出您的管辖范围', en: 'Outside your scope' },
  // audit
  AUDIT_CHAIN_BROKEN: { status: 500, zh: '审计日志链校验失败', en: 'Audit log chain is broken' },
  // calendar
  CALENDAR_YEAR_NOT_PUBLISHED: {
    status: 422,
    zh: '该年度的节假日安排尚未发布，无法计算工作日',
    en: 'The holiday schedule of that year is not published; working days cannot be computed',
  },
  CALENDAR_DATE_INVALID: { status: 400, zh: '日期格式应为 YYYY-MM-DD', en: 'Dates must be YYYY-MM-DD' },
  CALENDAR_YEAR_EXISTS: { status: 409, zh: '该年度日历已存在', en: 'That year is already in the calendar' },
  // identifiers
  ID_NUMBER_INVALID: { status: 400, zh: '公民身份号码校验位错误或格式不符', en: 'Invalid ID number' },
  CREDIT_CODE_INVALID: {
    status: 400,
    zh: '统一社会信用代码校验位错误或格式不符',
    en: 'Invalid unified social credit code',
  },
  // org
  ORG_UNIT_NOT_FOUND: { status: 404, zh: '找不到该机构', en: 'Org unit not found' },
  ORG_UNIT_HAS_CHILDREN: {
    status: 409,
    zh: '该机构下仍有下级机构或人员，不能删除',
    en: 'The org unit is not empty',
  },
  ORG_UNIT_CODE_TAKEN: { status: 409, zh: '机构编码已被使用', en: 'Org unit code already used' },
  ORG_UNIT_PARENT_INVALID: { status: 400, zh: '上级机构无效', en: 'Invalid parent org unit' },
  WINDOW_NOT_FOUND: { status: 404, zh: '找不到该窗口', en: 'Window not found' },
  WINDOW_NUMBER_TAKEN: { status: 409, zh: '窗口编号已被使用', en: 'Window number already used' },
  STAFF_NOT_FOUND: { status: 404, zh: '找不到该工作人员', en: 'Staff member not found' },
  STAFF_USERNAME_TAKEN: { status: 409, zh: '用户名已被使用', en: 'User name already taken' },
  // jobs / notify
  JOB_NOT_FOUND: { status: 404, zh: '找不到该任务', en: 'Job not found' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The JSON body of every error response. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    details?: unknown;
  };
}
