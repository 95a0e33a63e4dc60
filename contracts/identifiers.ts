import { shanghaiToday } from './shanghai-date.ts';
/**
 * Check-digit validation of Chinese identifiers, shared by server and web:
 * 公民身份号码 (GB 11643-1999) and 统一社会信用代码 (GB 32100-2015).
 */

import { z } from 'zod';
import { type Problem, problemIssue } from './problem.ts';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The check character of the first 17 digits of an ID number. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] ?? '';
}

/** True when characters 7–14 of an ID number are a real calendar date from 1900 on. */
function hasValidBirthDate(value: string): boolean {
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** True for an 18-character ID number with a real birth date and the right check character. */
export function isValidIdNumber(value: string): boolean {
  return idNumberIssue(value) === null;
}

const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters of a unified social credit code. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARSET.indexOf(first17[i] ?? '') * (CREDIT_WEIGHTS[i] ?? 0);
  return CREDIT_CHARSET[(31 - (sum % 31)) % 31] ?? '';
}

/** True for an 18-character unified social credit code with the right check character. */
export function isValidCreditCode(value: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(value)) return false;
  return creditCodeCheckChar(value.slice(0, 17)) === value[17];
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The check character of an 8-character organisation code body (GB 11714). */
export function orgCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = first8[i] ?? '0';
    const v = /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    sum += v * (ORG_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** What is wrong with an ID number, in both languages, or null when it is valid. */
export function idNumberIssue(value: string): Problem | null {
  if (value.length !== 18) return { zh: '公民身份号码应为18位', en: 'An ID number has 18 characters' };
  if (!/^\d{17}[\dX]$/.test(value)) {
    return {
      zh: '公民身份号码前17位应为数字，末位为数字或X',
      en: 'An ID number is 17 digits followed by a digit or X',
    };
  }
  if (!hasValidBirthDate(value)) {
    return { zh: '公民身份号码中的出生日期无效', en: 'The birth date in the ID number is not a real date' };
  }
  const born = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (born > shanghaiToday()) {
    return { zh: '公民身份号码中的出生日期晚于今天', en: 'The birth date in the ID number is in the future' };
  }
  if (idNumberCheckChar(value.slice(0, 17)) !== value[17]) {
    return { zh: '公民身份号码校验位错误', en: 'The check character of the ID number is wrong' };
  }
  return null;
}

/** What is wrong with a unified social credit code, in both languages, or null when it is valid. */
export function creditCodeIssue(value: string): Problem | null {
  if (value.length !== 18) {
    return { zh: '统一社会信用代码应为18位', en: 'A unified social credit code has 18 characters' };
  }
  if (/[IOZSV]/.test(value)) {
    return {
      zh: '统一社会信用代码不使用字母 I、O、Z、S、V',
      en: 'A unified social credit code never uses the letters I, O, Z, S, V',
    };
  }
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value)) {
    return { zh: '统一社会信用代码含有不允许的字符', en: 'The credit code contains characters not allowed' };
  }
  if (!/^\d{6}$/.test(value.slice(2, 8))) {
    return {
      zh: '统一社会信用代码第3至8位应为行政区划代码（数字）',
      en: 'Characters 3 to 8 of a credit code are an administrative division code (digits)',
    };
  }
  if (!isValidCreditCode(value)) {
    return { zh: '统一社会信用代码校验位错误', en: 'The check character of the credit code is wrong' };
  }
  return null;
}

/** What is wrong with a unified social credit code, in Chinese, or null when it is valid. */
export function creditCodeProblem(value: string): string | null {
  return creditCodeIssue(value)?.zh ?? null;
}

/** 公民身份号码: trimmed and upper-cased (a typed `x` is accepted), then checked. */
export const IdNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const problem = idNumberIssue(value);
    if (problem) ctx.addIssue(problemIssue(problem));
  })
  .describe('公民身份号码（GB 11643，18位）');

/** 统一社会信用代码: trimmed and upper-cased, then checked. */
export const CreditCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const problem = creditCodeIssue(value);
    if (problem) ctx.addIssue(problemIssue(problem));
  })
  .describe('统一社会信用代码（GB 32100，18位）');

/** Mainland mobile number: 11 digits, 13x to 19x (no network number starts 10x, 11x or 12x). */
export const MOBILE_PHONE = /^1[3-9]\d{9}$/;

export const MobilePhoneSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (!MOBILE_PHONE.test(value)) {
      ctx.addIssue(
        problemIssue({
          zh: '手机号码应为11位数字，以13至19开头',
          en: 'A mobile number has 11 digits and starts with 13 to 19',
        }),
      );
    }
  })
  .describe('手机号码（11位）');
