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
/** Tab, line feed and carriage return: allowed in multi-line text only. */
const LINE_BREAK = /[\t\n\r]/;
/** Bidirectional embeddings, overrides and isolates (the "Trojan Source" characters). */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
/**
 * Zero-width spaces and joiners, word joiner, BOM: invisible, so a one-line value holding them
 * shows as another value (a name of two zero-width spaces lists as blank). Multi-line text keeps
 * them (an emoji sequence joins with U+200D).
 */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/;
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
  if (BIDI.test(value))
    return { zh: '不能包含文字方向控制符', en: 'must not contain text direction controls' };
  if (LONE_SURROGATE.test(value)) {
    return { zh: '含有无效的字符编码（残缺的代理对）', en: 'contains a broken character (a lone surrogate)' };
  }
  return null;
}

/**
 * Adds the character check to a string schema: `multiline` text (opinions, reasons, notes) may
 * hold tabs and line breaks, one-line values (names, ids, numbers, codes) may not. `label` names
 * the field in the Chinese message, `labelEn` in the English one ("This value" without it).
 */
export function plainText<T extends z.ZodString>(schema: T, multiline = true, label = '', labelEn = ''): T {
  return schema.superRefine((value, ctx) => {
    const problem = textCharProblem(value, multiline);
    if (problem) {
      ctx.addIssue(
        problemIssue({ zh: `${label}${problem.zh}`, en: `${labelEn || 'This value'} ${problem.en}` }),
      );
    }
  }) as T;
}
