import { PORTAL_ERROR_CODES } from './error-codes-portal.ts';

/**
 * The one table of error codes: stable code → HTTP status and a message in Chinese and English.
 * Codes are grouped by module prefix. Add new codes here (a large block may live in a file of its
 * own, spread in, as the portal's error-codes-portal.ts); never rename one that has shipped.
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
  CONFLICT_DUPLICATE: {
    status: 409,
    zh: '同样的记录已经存在（可能刚被他人提交），请刷新后重试',
    en: 'The same record already exists (perhaps just submitted by someone else); reload and retry',
  },
  DB_UNAVAILABLE: { status: 503, zh: '数据库不可用', en: 'Database unavailable' },
  NOT_READY: { status: 503, zh: '服务尚未就绪', en: 'Service not ready' },
  // auth
  AUTH_REQUIRED: { status: 401, zh: '请先登录', en: 'Please log in' },
  AUTH_INVALID_CREDENTIALS: {
    status: 401,
    zh: '用户名或密码错误；连续输错多次后须等 15 分钟再试',
    en: 'Wrong user name or password; after several failures, wait 15 minutes before trying again',
  },
  AUTH_CSRF_INVALID: {
    status: 403,
    zh: '安全校验失败，请刷新页面后重试',
    en: 'Security check (CSRF) failed; reload the page and retry',
  },
  AUTH_PASSWORD_WEAK: {
    status: 400,
    zh: '新密码不够安全：至少 12 位，含字母、数字、符号中的两类，不能是常见密码',
    en: 'The new password is not safe enough: at least 12 characters of two kinds, not a common password',
  },
  AUTH_CROSS_SITE: {
    status: 403,
    zh: '该请求来自其他网站，已拒绝；请直接在本系统页面中操作',
    en: 'Refused: the request came from another site; use this system’s own pages',
  },
  AUTH_PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    zh: '请先修改初始密码（或管理员重置的密码），再办理其他事务',
    en: 'Change your initial (or reset) password before anything else',
  },
  AUTH_PASSWORD_WRONG: { status: 400, zh: '原密码不正确', en: 'The current password is wrong' },
  // access
  ACCESS_DENIED: { status: 403, zh: '无权执行此操作', en: 'You are not allowed to do this' },
  ACCESS_OUT_OF_SCOPE: { status: 403, zh: '超出您的管辖范围', en: 'Outside your scope' },
  // audit
  AUDIT_CHAIN_BROKEN: { status: 500, zh: '审计日志链校验失败', en: 'Audit log chain is broken' },
  AUDIT_CHECKPOINT_REFUSED: {
    status: 409,
    zh: '审计日志校验未通过（记录被改动、删除，或与上一检查点不符），拒绝签发新检查点；请运行 verify-audit 查明原因',
    en: 'The audit log does not verify (rows altered or deleted, or it no longer matches the last checkpoint); no new checkpoint is signed. Run verify-audit to see why',
  },
  AUDIT_CHECKPOINT_NOT_FOUND: {
    status: 404,
    zh: '没有这个审计检查点文件',
    en: 'No such audit checkpoint file',
  },
  AUDIT_CHECKPOINT_DIR_UNUSABLE: {
    status: 500,
    zh: '审计检查点目录不可写（检查 AUDIT_CHECKPOINT_DIR 的路径和权限）',
    en: 'The audit checkpoint directory cannot be written (check the path and rights of AUDIT_CHECKPOINT_DIR)',
  },
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
  ORG_UNIT_KIND_INVALID: {
    status: 400,
    zh: '机构类型无效：人民政府只能是根机构，且根机构只能是人民政府',
    en: 'Invalid unit kind: the government is the root unit, and the root unit is the government',
  },
  ORG_STALE_VERSION: {
    status: 409,
    zh: '该记录（机构、窗口或人员）已被他人修改，请刷新后重试',
    en: 'The record (org unit, window or staff member) was changed by someone else; reload and retry',
  },
  WINDOW_NOT_FOUND: { status: 404, zh: '找不到该窗口', en: 'Window not found' },
  WINDOW_NUMBER_TAKEN: { status: 409, zh: '窗口编号已被使用', en: 'Window number already used' },
  STAFF_NOT_FOUND: { status: 404, zh: '找不到该工作人员', en: 'Staff member not found' },
  STAFF_USERNAME_TAKEN: { status: 409, zh: '用户名已被使用', en: 'User name already taken' },
  // jobs / notify
  JOB_NOT_FOUND: { status: 404, zh: '找不到该任务', en: 'Job not found' },
  JOB_NOT_RETRYABLE: {
    status: 409,
    zh: '只有已失败（不再重试）的任务可以重新执行',
    en: 'Only dead jobs can be retried',
  },
  NOTIFY_PHONE_INVALID: { status: 400, zh: '手机号码格式不正确', en: 'Invalid mobile phone number' },
  NOTIFY_MESSAGE_NOT_FOUND: { status: 404, zh: '找不到该消息', en: 'Message not found' },
  // files — uploads (server/platform/files/)
  FILE_TYPE_NOT_ALLOWED: {
    status: 415,
    zh: '只能上传 PDF、JPG、PNG 文件；请把材料扫描或拍照后另存为这三种格式之一再上传（改文件名后缀没有用）',
    en: 'Only PDF, JPG and PNG files can be uploaded; scan or photograph the document and save it in one of these formats (renaming the file does not help)',
  },
  FILE_EMPTY: {
    status: 400,
    zh: '文件是空的（0 字节），请重新选择文件',
    en: 'The file is empty (0 bytes); choose the file again',
  },
  FILE_TOO_LARGE: {
    status: 413,
    zh: '文件太大：单个文件不能超过限额（见错误详情），请压缩图片或分页扫描后再上传',
    en: 'The file is too large (the limit is in the details); compress the image or scan fewer pages per file',
  },
  FILE_GROUP_TOO_LARGE: {
    status: 413,
    zh: '本次申请的材料总大小已超过限额（见错误详情），请压缩或删除部分材料后再上传',
    en: 'The materials of this application exceed the total limit (see the details); compress or remove some files first',
  },
  FILE_UNSAFE_CONTENT: {
    status: 422,
    zh: '文件中含有脚本、附件或多余数据，不能上传；请用扫描仪或手机重新生成 PDF、JPG 或 PNG 文件后再上传',
    en: 'The file contains scripts, attachments or extra data and cannot be uploaded; produce the PDF, JPG or PNG again with a scanner or phone',
  },
  FILE_NOT_FOUND: {
    status: 404,
    zh: '找不到该文件（可能已被删除）',
    en: 'File not found (it may have been deleted)',
  },
  FILE_KEY_INVALID: { status: 400, zh: '文件编号无效', en: 'Invalid file id' },
  // catalog
  CATALOG_ITEM_NOT_FOUND: { status: 404, zh: '找不到该政务服务事项', en: 'Service item not found' },
  CATALOG_VERSION_NOT_FOUND: { status: 404, zh: '找不到该事项版本', en: 'Item version not found' },
  CATALOG_STALE_VERSION: {
    status: 409,
    zh: '该事项已被他人修改，请刷新后重试',
    en: 'The item was changed by someone else; reload and retry',
  },
  CATALOG_ACTION_NOT_ALLOWED: {
    status: 409,
    zh: '事项当前状态下不能执行此操作',
    en: 'This action is not allowed in the current status of the item',
  },
  CATALOG_IMPLEMENTATION_CODE_TAKEN: {
    status: 409,
    zh: '实施编码已被其他事项使用',
    en: 'Implementation code already used by another item',
  },
  CATALOG_DEPARTMENT_INVALID: { status: 400, zh: '实施部门无效', en: 'Invalid implementing department' },
  CATALOG_FIELD_IMMUTABLE: {
    status: 400,
    zh: '事项发布后实施编码不可修改',
    en: 'The implementation code cannot change once the item is published',
  },
  CATALOG_IMPORT_FILE_MISSING: {
    status: 400,
    zh: '请上传一个 .xlsx 文件（表单字段 file）',
    en: 'Upload one .xlsx file (form field "file")',
  },
  CATALOG_IMPORT_NOT_XLSX: {
    status: 415,
    zh: '文件不是 Excel 工作簿（.xlsx）；旧版 .xls、CSV 等请先用 Excel 另存为 .xlsx',
    en: 'The file is not an Excel workbook (.xlsx); save .xls or CSV files as .xlsx first',
  },
  CATALOG_IMPORT_FILE_TOO_LARGE: {
    status: 413,
    zh: '导入文件超过大小上限',
    en: 'The import file is over the size limit',
  },
  CATALOG_IMPORT_SHEET_MISSING: {
    status: 400,
    zh: '工作簿中缺少“事项”工作表，请使用导入模板',
    en: 'The workbook has no sheet named 事项; use the import template',
  },
  CATALOG_IMPORT_COLUMNS_MISSING: {
    status: 400,
    zh: '工作表缺少必需的列，请使用导入模板',
    en: 'A sheet lacks required columns; use the import template',
  },
  CATALOG_IMPORT_TOO_MANY_ROWS: {
    status: 400,
    zh: '工作表行数超过上限，请分批导入',
    en: 'A sheet has too many rows; import in several files',
  },
  CATALOG_GUIDE_ANSWER_INVALID: {
    status: 400,
    zh: '情形选项无效',
    en: 'Unknown situation answer',
  },
  // cases
  CASE_NOT_FOUND: { status: 404, zh: '找不到该办件', en: 'Case not found' },
  CASE_STALE_VERSION: {
    status: 409,
    zh: '办件已被他人处理，请刷新后重试',
    en: 'The case was changed by someone else; reload and retry',
  },
  CASE_ACTION_NOT_ALLOWED: {
    status: 409,
    zh: '办件当前状态下不能执行此操作',
    en: 'This action is not allowed in the current status of the case',
  },
  CASE_STEP_CONFLICT: {
    status: 409,
    zh: '办件当前环节不能执行此操作',
    en: 'This action is not possible at the current step',
  },
  CASE_CLAIMED_BY_OTHER: {
    status: 409,
    zh: '办件已由其他人员签收办理',
    en: 'Another staff member has claimed this case',
  },
  CASE_ITEM_NOT_PUBLISHED: {
    status: 422,
    zh: '事项未发布或已停止实施，不能受理',
    en: 'The item is not published (or retired) and cannot be applied for',
  },
  CASE_ITEM_NOT_AT_WINDOW: {
    status: 422,
    zh: '该窗口不能受理此事项',
    en: 'This window may not accept this item',
  },
  CASE_ITEM_NOT_AT_SERVICE_POINT: {
    status: 422,
    zh: '该便民服务点不能代收此事项',
    en: 'This service point may not receive this item',
  },
  CASE_INTAKE_POINT_REQUIRED: {
    status: 400,
    zh: '请指明受理窗口或便民服务点',
    en: 'Name the window or service point of intake',
  },
  CASE_WINDOW_NOT_OWN: {
    status: 403,
    zh: '只能使用本人所在服务中心的窗口收件',
    en: 'Intake only at a window of your own service centre',
  },
  CASE_MATERIAL_MISSING: {
    status: 422,
    zh: '必要材料缺失且未容缺受理，不能受理（可一次性告知补正）',
    en: 'A required material is missing and not deferred; request a correction instead',
  },
  CASE_MATERIAL_UNKNOWN: {
    status: 400,
    zh: '材料不属于该事项',
    en: 'The material does not belong to the item',
  },
  CASE_MATERIAL_NOT_OUTSTANDING: {
    status: 409,
    zh: '没有待补齐的容缺材料',
    en: 'No deferred material is outstanding',
  },
  CASE_DEFERRAL_INVALID: {
    status: 422,
    zh: '容缺受理不符合条件（材料不可容缺、未签承诺书或补齐期限超过承诺时限）',
    en: 'Deferral not possible: material not deferrable, no signed promise, or due after the promised limit',
  },
  CASE_DEFERRED_OUTSTANDING: {
    status: 409,
    zh: '容缺材料尚未补齐，不能出具准予许可的结果',
    en: 'Deferred materials are still outstanding; no grant can be issued',
  },
  CASE_FORM_INVALID: { status: 400, zh: '申请表填写有误', en: 'The application form has errors' },
  CASE_DECISION_REASONS_REQUIRED: {
    status: 422,
    zh: '不予许可（不予受理）须说明理由和法律依据',
    en: 'A denial needs its reasons and legal basis',
  },
  CASE_EXTENSION_EXCEEDED: {
    status: 422,
    zh: '延期超过法定上限（行政许可法第四十二条）',
    en: 'Extension beyond the legal maximum (Administrative Licensing Law art. 42)',
  },
  CASE_ASSIGNEE_INVALID: {
    status: 422,
    zh: '被分派人无权办理该环节',
    en: 'The assignee may not act at this step',
  },
  CASE_PROCESS_INVALID: { status: 400, zh: '办理流程定义无效', en: 'Invalid process definition' },
  CASE_PROCESS_STALE_VERSION: {
    status: 409,
    zh: '该事项的办理流程已被他人修改，请刷新后重试',
    en: 'The process was changed by someone else; reload and retry',
  },
  CASE_PROCESS_BUDGET_INVALID: {
    status: 400,
    zh: '环节时限无效：每个环节至少 1 天（与承诺办结时限同一单位），且合计不得超过承诺办结时限',
    en: 'Invalid step time budgets: each step needs at least 1 day (in the unit of the promised time limit), and together they may not exceed the promised time limit',
  },
  CASE_SERVICE_POINT_INVALID: {
    status: 400,
    zh: '所选机构不是乡镇或村（社区）便民服务点',
    en: 'That org unit is not a township or village service point',
  },
  CASE_INTAKE_KEY_INVALID: {
    status: 400,
    zh: '请求头 Idempotency-Key 无效：应为 8–100 位字母、数字、下划线或连字符',
    en: 'Invalid Idempotency-Key header: 8–100 letters, digits, underscores or hyphens',
  },
  CASE_INTAKE_KEY_REUSED: {
    status: 409,
    zh: '该 Idempotency-Key 已用于另一份内容不同的收件申请；新的申请请使用新的键',
    en: 'This Idempotency-Key was already used for a different intake; use a new key for a new application',
  },
  CASE_DOCUMENT_UNAVAILABLE: {
    status: 404,
    zh: '该办件没有此类文书',
    en: 'This case has no such document',
  },
  CASE_SEARCH_ID_IN_URL: {
    status: 400,
    zh: '完整的身份证号或统一社会信用代码不能放在网址中：请用 POST /api/cases/search 在请求体中提交',
    en: 'A full ID number or credit code may not be sent in the URL: send it in the body of POST /api/cases/search',
  },
  CASE_LOOKUP_FAILED: {
    status: 404,
    zh: '未查到办件：请核对办件编号和查询码（印在收件凭证上）或证件号码后6位；多次输错后只能凭查询码查询',
    en: 'No case found: check the case number and the lookup code (printed on the receipt) or the ID ending; after several wrong tries only the lookup code works',
  },
  CASE_ITEM_NOT_ONLINE: {
    status: 422,
    zh: '该事项不支持网上申请（网办深度不含网上预审或网上受理）',
    en: 'This item cannot be applied for online (its online depth has neither pre-review nor online acceptance)',
  },
  CASE_ONLINE_CENTRE_MISSING: {
    status: 409,
    zh: '尚未设置县级政务服务中心，网上申请无法收件',
    en: 'There is no county service centre to receive online applications',
  },
  // example — the template module (server/modules/example/, not mounted in production). A new module
  // adds its own block like this one: its prefix, then each code with its status and both messages.
  EXAMPLE_NOTE_NOT_FOUND: { status: 404, zh: '找不到该便签', en: 'Note not found' },
  EXAMPLE_STALE_VERSION: {
    status: 409,
    zh: '便签已被他人修改，请刷新后重试',
    en: 'The note was changed by someone else; reload and retry',
  },
  // portal — 一网通办 citizen accounts, enterprises, online applications: its own file.
  ...PORTAL_ERROR_CODES,
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

/**
 * The codes of one part of the house, by their prefixes (a module's descriptor lists its own with
 * this; a test checks every code belongs to exactly one part).
 */
export function errorCodesOf(...prefixes: readonly string[]): ErrorCode[] {
  return (Object.keys(ERROR_CODES) as ErrorCode[]).filter((code) => prefixes.some((p) => code.startsWith(p)));
}
