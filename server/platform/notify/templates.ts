/**
 * The wording of every notification, in one table so that what citizens receive can be reviewed in
 * one place. `{name}` is a parameter; a parameter listed in `secret` (a verification code) is
 * stored masked in the outbox, and its full text only SM4-encrypted for the sender.
 * SMS texts get the configured signature in front (`【梨树县政务服务】…`), inbox messages do not.
 */
export const TEMPLATES = {
  'case.accepted': {
    text: '您的办件{caseNo}（{itemName}）已受理，承诺于{deadline}前办结。可凭办件编号在“一网通办”查询进度。',
  },
  'case.correction': {
    text: '您的办件{caseNo}（{itemName}）需要补正材料：{materials}。请于{deadline}前补齐，逾期将按规定处理。',
  },
  'case.completed': {
    text: '您的办件{caseNo}（{itemName}）已办结，结果：{result}。欢迎对本次服务作出评价。',
  },
  'case.refused': {
    text: '您的办件{caseNo}（{itemName}）不予受理，理由和救济途径见《不予受理通知书》，可到受理窗口领取。',
  },
  'case.denied': {
    text: '您的办件{caseNo}（{itemName}）已办结，决定不予许可，理由和救济途径见决定书，可到出件窗口领取。',
  },
  'case.delivered': { text: '您的办件{caseNo}（{itemName}）办理结果已{how}。' },
  'case.withdrawn': {
    text: '您的办件{caseNo}（{itemName}）已按您的申请撤回。如非本人申请，请联系受理窗口。',
  },
  'case.extended': { text: '您的办件{caseNo}（{itemName}）经批准延长办理期限{days}个工作日。' },
  'case.special': {
    text: '您的办件{caseNo}（{itemName}）需{kind}，所需时间不计入办理时限，预计{expectedEnd}前完成。',
  },
  'case.assigned': { text: '您有一件新的待办：{caseNo}（{itemName}），请于{deadline}前办理。' },
  // {timeLeft} is the whole phrase ("剩余2个工作日", "今日到期", "已超期3个自然日"…), worded by the
  // cases module from the clock: a number slot before a fixed "个工作日" could not say overdue,
  // due today, natural days or unknown.
  'case.warning': { text: '办件{caseNo}（{itemName}）已{level}预警，{timeLeft}，请及时办理。' },
  'case.warningSupervised': {
    text: '督办提示：{department}办件{caseNo}（{itemName}）已{level}预警，{timeLeft}，请督促办理。',
  },
  // To whoever maintains the holiday calendar (calendar.manage), once per year (cases module).
  'calendar.yearNotPublished': {
    text: '{year}年节假日安排尚未录入，{openCases}件在办件的期限无法计算，请在节假日日历中发布{year}年安排。',
  },
  'calendar.nextYearNotPublished': {
    text: '{year}年节假日安排尚未录入。国务院办公厅通知发布后，请及时在节假日日历中发布{year}年安排，以免跨年办件的期限无法计算。',
  },
  // To the administrators who manage a staff member (org module), once per lock-out window.
  'account.locked': {
    text: '账号{username}（{name}）15分钟内从多个地址输错密码{failures}次，{until}前已暂停从新地址登录；本人常用地址仍可登录。如非本人所为，请核实并视情重置密码。',
  },
  'password.reset': {
    text: '您正在重置账号{username}的登录密码，验证码{code}，{minutes}分钟内有效。如非本人操作，请忽略。',
    secret: ['code'],
  },
  // The portal's one-time log-in code (portal module): the code is secret, masked in the outbox.
  'portal.loginCode': {
    text: '您的一网通办登录验证码为{code}，{minutes}分钟内有效。请勿告诉他人，工作人员不会向您索要验证码。',
    secret: ['code'],
  },
  test: { text: '这是一条测试短信，用于检查短信通道是否正常，无需回复。' },
} as const satisfies Record<string, { text: string; secret?: readonly string[] }>;

export type TemplateKey = keyof typeof TEMPLATES;

/** The parameter names a template text uses, read from the text itself at compile time. */
type ParamNames<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | ParamNames<Rest>
  : never;

/** The parameters a template needs: a missing one does not compile. */
export type TemplateParams<K extends TemplateKey> = Record<
  ParamNames<(typeof TEMPLATES)[K]['text']>,
  string | number
>;

export interface Rendered {
  /** The full text, to send. */
  text: string;
  /** The text with secret parameters masked, to store and show. */
  shown: string;
  hasSecret: boolean;
}

/** Fills a template; a parameter missing at run time (untyped callers) is a programming error. */
export function renderTemplate<K extends TemplateKey>(key: K, params: TemplateParams<K>): Rendered {
  const def: { text: string; secret?: readonly string[] } = TEMPLATES[key];
  const values = params as Record<string, string | number>;
  const fill = (mask: boolean) =>
    def.text.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = values[name];
      if (value === undefined || value === null) throw new Error(`template ${key} needs {${name}}`);
      return mask && def.secret?.includes(name) ? '*'.repeat(String(value).length || 1) : String(value);
    });
  return { text: fill(false), shown: fill(true), hasSecret: (def.secret?.length ?? 0) > 0 };
}

/** An SMS text: the signature in 【】, then the body (the form carriers require). */
export function withSignature(signature: string, body: string): string {
  return `【${signature}】${body}`;
}
