/**
 * Field builders for the catalogue schemas: every failure message starts, in Chinese, with the
 * field's own name (事项名称不能为空), so a catalogue editor or an import report says which
 * element is wrong without a lookup table. The English wording (Accept-Language: en) leaves the
 * Chinese name out: the field's path beside the message names it.
 */
import { z } from 'zod';
import { creditCodeIssue } from './identifiers.ts';
import { plainText } from './plain-text.ts';
import { bilingual, bilingualError, problemIssue } from './problem.ts';

/** English names of the expected types below. */
const EXPECTED_EN: Record<string, string> = {
  文本: 'text',
  '是或否（true/false）': 'true or false',
  数字: 'a number',
  列表: 'a list',
};

/** What a value's type error says: "X必填" for a missing value, "X应为文本" otherwise. */
function typeError(label: string, expected: string) {
  return bilingualError((issue: { input?: unknown }) =>
    issue.input === undefined || issue.input === null
      ? { zh: `${label}必填`, en: 'Required' }
      : { zh: `${label}应为${expected}`, en: `Should be ${EXPECTED_EN[expected] ?? expected}` },
  );
}

/** "X不能为空" / "Must not be empty". */
function notEmpty(label: string) {
  return bilingual(`${label}不能为空`, 'Must not be empty');
}

/** "X不能超过N个字符" / "At most N characters". */
function maxChars(label: string, max: number) {
  return bilingual(`${label}不能超过${max}个字符`, `At most ${max} characters`);
}

/** Required text, trimmed, 1..max characters, no control characters (line breaks are fine). */
export function text(label: string, max: number) {
  return plainText(
    z
      .string({ error: typeError(label, '文本') })
      .trim()
      .min(1, notEmpty(label))
      .max(max, maxChars(label, max)),
    { multiline: true, label },
  ).describe(label);
}

/** Optional text: missing or blank becomes ''. */
export function optText(label: string, max: number) {
  return plainText(
    z
      .string({ error: typeError(label, '文本') })
      .trim()
      .max(max, maxChars(label, max)),
    { multiline: true, label },
  )
    .default('')
    .describe(label);
}

/**
 * An optional web address (网办地址): empty, or an absolute http(s) address with a host. Parsed as a
 * URL, not tested by prefix, so `javascript:`, `data:`, `vbscript:` and relative addresses are refused
 * however they are spelt (upper case, leading blanks, tabs inside the scheme).
 */
export function optWebAddress(label: string, max: number) {
  return plainText(
    z
      .string({ error: typeError(label, '文本') })
      .trim()
      .max(max, maxChars(label, max))
      .refine(
        (v) => v === '' || isWebAddress(v),
        bilingual(
          `${label}应为以 https:// 或 http:// 开头的网址`,
          'Should be a web address starting with https:// or http://',
        ),
      ),
    { multiline: true, label },
  )
    .default('')
    .describe(label);
}

/** An absolute http(s) address with a host (what a link on a page may point to). */
export function isWebAddress(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A yes/no flag. */
export function flag(label: string) {
  return z.boolean({ error: typeError(label, '是或否（true/false）') }).describe(label);
}

/** A whole number in [min, max]. */
export function int(label: string, min: number, max: number) {
  return z
    .number({ error: typeError(label, '数字') })
    .int(bilingual(`${label}应为整数`, 'Should be a whole number'))
    .min(min, bilingual(`${label}不能小于${min}`, `Should be at least ${min}`))
    .max(max, bilingual(`${label}不能大于${max}`, `Should be at most ${max}`))
    .describe(label);
}

/** One value of a code list; the message names the field and the allowed codes. */
export function codeOf<const T extends readonly [string, ...string[]]>(label: string, codes: T) {
  return z
    .enum(codes, {
      error: bilingualError((issue: { input?: unknown }) =>
        issue.input === undefined
          ? { zh: `${label}必填`, en: 'Required' }
          : {
              zh: `${label}代码无效：应为 ${codes.join('、')} 之一`,
              en: `Invalid code: should be one of ${codes.join(', ')}`,
            },
      ),
    })
    .describe(`${label}（${codes.join(' | ')}）`);
}

/** A set of code-list values, no duplicates, at least `min`. */
export function codeSet<const T extends readonly [string, ...string[]]>(label: string, codes: T, min = 0) {
  return z
    .array(codeOf(label, codes), { error: typeError(label, '列表') })
    .min(min, bilingual(`${label}至少选择${min}项`, `Choose at least ${min}`))
    .refine((list) => new Set(list).size === list.length, bilingual(`${label}不能重复`, 'No value twice'))
    .describe(label);
}

/** An opaque catalogue code: letters, digits and '-', up to max characters, stored upper-case. */
export function catalogueCode(label: string, max: number) {
  return z
    .string({ error: typeError(label, '文本') })
    .trim()
    .toUpperCase()
    .min(1, notEmpty(label))
    .max(max, maxChars(label, max))
    .regex(/^[0-9A-Z-]+$/, bilingual(`${label}只能包含字母、数字和“-”`, 'Only letters, digits and "-"'))
    .describe(label);
}

/** A unified social credit code (GB 32100), check digit verified. */
export function creditCode(label: string) {
  return z
    .string({ error: typeError(label, '文本') })
    .trim()
    .toUpperCase()
    .superRefine((value, ctx) => {
      const problem = creditCodeIssue(value);
      if (problem) ctx.addIssue(problemIssue({ zh: `${label}：${problem.zh}`, en: problem.en }));
    })
    .describe(`${label}（GB 32100，18位）`);
}

/** A telephone number as published in a guide: landline with area code, short service number or mobile. */
export function phone(label: string) {
  return z
    .string({ error: typeError(label, '文本') })
    .trim()
    .regex(
      /^(0\d{2,3}-\d{7,8}(-\d{1,6})?|1[3-9]\d{9}|\d{5,6})$/,
      bilingual(
        `${label}格式不正确（如 0434-5222110、12345 或 11 位手机号）`,
        'Not a phone number (such as 0434-5222110, 12345 or an 11-digit mobile)',
      ),
    )
    .describe(label);
}

/** A stable short id inside one item (material, condition, situation, answer): m1, c2, s-entrust. */
export function localId(label: string) {
  return z
    .string({ error: typeError(label, '文本') })
    .trim()
    .regex(
      /^[a-z0-9][a-z0-9_-]{0,39}$/,
      bilingual(
        `${label}只能包含小写字母、数字、“_”和“-”（最多40位）`,
        'Only lower-case letters, digits, "_" and "-" (40 at most)',
      ),
    )
    .describe(label);
}

/** A reference to an uploaded file (blank form, sample); the file store gives the id. */
export function fileRef(label: string) {
  return z
    .object({
      name: text(`${label}文件名`, 200),
      fileId: plainText(z.string().max(64), { multiline: false, label: `${label}文件编号` })
        .nullable()
        .default(null),
    })
    .nullable()
    .default(null)
    .describe(label);
}
