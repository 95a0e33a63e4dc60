/**
 * Characters that no text field of OneWindow accepts, checked by the zod schemas of every request.
 * A NUL cannot be stored by PostgreSQL at all (the request would fail deep in SQL with a 500),
 * unpaired surrogates are silently replaced by U+FFFD when encoded, and control or
 * bidirectional-override characters make a name or a notice print differently from what was
 * typed. Emoji and rare CJK characters outside the BMP (CJK Extension B names) are ordinary text.
 */
import type { z } from 'zod';
import { type Problem, problemIssue } from './problem.ts';

/** C0 controls except tab, line feed and carriage return; DEL and C1 controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Tab, line feed, carriage return, and the Unicode line and paragraph separators: multi-line text only. */
const LINE_BREAK = /[\t\n\r\u2028\u2029]/;
/**
 * Bidirectional marks, embeddings, overrides and isolates (the "Trojan Source" characters), and
 * the Arabic letter mark: they reorder what is shown without being seen.
 */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/**
 * Noncharacters (U+FDD0–U+FDEF and the last two code points of every plane): reserved by Unicode
 * never to appear in interchanged text. (Private-use characters are allowed: county systems have
 * used them for rare characters in people's names, 造字, and a refused name is worse.)
 */
const NONCHARACTER = new RegExp(
  `[\\u{fdd0}-\\u{fdef}${Array.from({ length: 17 }, (_, plane) => `\\u{${(plane * 0x10000 + 0xfffe).toString(16)}}\\u{${(plane * 0x10000 + 0xffff).toString(16)}}`).join('')}]`,
  'u',
);
/**
 * Zero-width spaces and joiners, word joiner and invisible operators, BOM, soft hyphen, combining
 * grapheme joiner, Mongolian vowel separator, and the tag characters (U+E0000–U+E007F): invisible,
 * so a one-line value holding them shows as another value (a name of two zero-width spaces lists
 * as blank). Multi-line text keeps them (an emoji sequence joins with U+200D; a subdivision flag is
 * spelt with tags).
 */
const ZERO_WIDTH = /[\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff\u{e0000}-\u{e007f}]|\u034f/u;
/**
 * Characters that print as blank although they are not spaces (Hangul fillers, the braille blank):
 * a one-line value made only of these and spaces shows as empty.
 */
const BLANK_LOOKING = /^\s*[\u115f\u1160\u2800\u3164\uffa0][\s\u115f\u1160\u2800\u3164\uffa0]*$/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What is wrong with the characters of a text value, in both languages, or null when nothing is. */
export function textCharProblem(value: string, multiline: boolean): Problem | null {
  if (CONTROL.test(value)) {
    return {
      zh: '不能包含控制字符（如 \\u0000）',
      en: 'must not contain control characters (such as \\u0000)',
    };
  }
  if (!multiline && LINE_BREAK.test(value)) {
    return { zh: '不能包含换行符或制表符', en: 'must not contain line breaks or tabs' };
  }
  if (!multiline && ZERO_WIDTH.test(value)) {
    return {
      zh: '不能包含零宽字符等不可见字符',
      en: 'must not contain zero-width or other invisible characters',
    };
  }
  if (!multiline && BLANK_LOOKING.test(value)) {
    return {
      zh: '不能只由显示为空白的字符组成',
      en: 'must not consist only of characters that show as blank',
    };
  }
  if (BIDI.test(value))
    return { zh: '不能包含文字方向控制符', en: 'must not contain text direction controls' };
  if (NONCHARACTER.test(value)) {
    return { zh: '含有 Unicode 非字符（如 U+FFFF）', en: 'contains a Unicode noncharacter (such as U+FFFF)' };
  }
  if (LONE_SURROGATE.test(value)) {
    return { zh: '含有无效的字符编码（残缺的代理对）', en: 'contains a broken character (a lone surrogate)' };
  }
  return null;
}

/** How plainText checks a field: one line or several, and the field's name in the messages. */
export interface PlainTextOptions {
  /** Text of several lines (opinions, reasons, notes) may hold tabs and line breaks; true by default. */
  multiline?: boolean;
  /** The field's name in the Chinese message. */
  label?: string;
  /** The field's name in the English message ("This value" without it). */
  labelEn?: string;
}

/**
 * Adds the character check to a string schema: `multiline` text (opinions, reasons, notes) may
 * hold tabs and line breaks, one-line values (names, ids, numbers, codes) may not. `label` names
 * the field in the Chinese message, `labelEn` in the English one ("This value" without it).
 */
export function plainText<T extends z.ZodString>(
  schema: T,
  { multiline = true, label = '', labelEn = '' }: PlainTextOptions = {},
): T {
  return schema.superRefine((value, ctx) => {
    const problem = textCharProblem(value, multiline);
    if (problem) {
      ctx.addIssue(
        problemIssue({ zh: `${label}${problem.zh}`, en: `${labelEn || 'This value'} ${problem.en}` }),
      );
    }
  }) as T;
}
