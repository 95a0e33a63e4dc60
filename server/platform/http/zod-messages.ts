import { z } from 'zod';
import { type Bilingual, say } from '../errors.ts';

/**
 * zod's own field messages (those a schema does not word itself) in Chinese, with the English one
 * kept beside it for `Accept-Language: en-US`. A schema's own message (the catalogue's 事项名称不能为空,
 * the ID number's 校验位错误) wins over both, as zod always lets it.
 *
 * zod words a message once, when it raises the issue, and drops the input afterwards; the request's
 * language is not known then. So the error map words it in Chinese and stores the English wording
 * on the issue (`messageEn`), which fastify-type-provider-zod passes on in `params`.
 */

/** Where the English wording travels on an issue. */
export const ENGLISH_MESSAGE_KEY = 'messageEn';

const TYPE_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '是或否（true / false）',
  object: '对象（JSON {}）',
  array: '列表（JSON []）',
  date: '日期',
  null: '空值 null',
  undefined: '空',
  record: '对象（JSON {}）',
  NaN: '非数字（NaN）',
  Infinity: '无穷大',
};

function typeOf(input: unknown): string {
  if (input === null) return 'null';
  if (typeof input === 'number' && Number.isNaN(input)) return 'NaN';
  if (input === Number.POSITIVE_INFINITY || input === Number.NEGATIVE_INFINITY) return 'Infinity';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

function list(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('、');
}

/** One issue in plain Chinese, for a field the message is shown beside. */
export function chineseMessage(iss: z.core.$ZodRawIssue): string {
  switch (iss.code) {
    case 'invalid_type': {
      if (iss.input === undefined) return '必填';
      const got = TYPE_ZH[typeOf(iss.input)] ?? typeOf(iss.input);
      return `应为${TYPE_ZH[iss.expected] ?? iss.expected}，收到的是${got}`;
    }
    case 'too_big': {
      const max = String(iss.maximum);
      if (iss.origin === 'string') return `不能超过${max}个字符`;
      if (iss.origin === 'array' || iss.origin === 'set') return `不能超过${max}项`;
      if (iss.origin === 'int' && Number(iss.maximum) === Number.MAX_SAFE_INTEGER) return '数值过大';
      return iss.inclusive === false ? `应小于${max}` : `不能大于${max}`;
    }
    case 'too_small': {
      const min = String(iss.minimum);
      if (iss.origin === 'string') return Number(iss.minimum) <= 1 ? '不能为空' : `至少${min}个字符`;
      if (iss.origin === 'array' || iss.origin === 'set') return `至少${min}项`;
      return iss.inclusive === false ? `应大于${min}` : `不能小于${min}`;
    }
    case 'invalid_value':
      return iss.values.length === 1 ? `应为 ${list(iss.values)}` : `应为 ${list(iss.values)} 之一`;
    case 'invalid_format':
      return iss.format === 'regex' ? '格式不正确' : `格式不正确（应为 ${iss.format}）`;
    case 'invalid_union':
      return 'options' in iss && Array.isArray(iss.options) && iss.options.length > 0
        ? `应为 ${list(iss.options)} 之一`
        : '不符合任何一种允许的格式';
    case 'not_multiple_of':
      return `应为 ${iss.divisor} 的倍数`;
    case 'unrecognized_keys':
      return `不认识的字段：${iss.keys.join('、')}`;
    case 'invalid_key':
      return '键无效';
    case 'invalid_element':
      return '元素无效';
    default:
      return '输入无效';
  }
}

const english = z.locales.en().localeError;

/** Installs the Chinese-first error map in this process's zod (idempotent). */
export function installZodMessages(): void {
  z.config({
    customError: (iss) => {
      const en = english?.(iss);
      (iss as Record<string, unknown>)[ENGLISH_MESSAGE_KEY] = typeof en === 'string' ? en : en?.message;
      return chineseMessage(iss);
    },
  });
}

/**
 * A zod issue's message in both languages, for a use case that parses input itself (safeParse)
 * and puts the issue in an error's details: the English wording is where the error map (or a
 * schema's `bilingual`) left it, or in a custom issue's params (`problemIssue`).
 */
export function issueText(issue: z.core.$ZodIssue): Bilingual {
  const en = (issue as unknown as Record<string, unknown>)[ENGLISH_MESSAGE_KEY];
  return say(issue.message, typeof en === 'string' ? en : issue.message);
}
