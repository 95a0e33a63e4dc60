/**
 * Characters that no text field of OneWindow accepts, checked by the zod schemas of every request.
 * A NUL cannot be stored by PostgreSQL at all (the request would fail deep in SQL with a 500),
 * unpaired surrogates are silently replaced by U+FFFD when encoded, and control or
 * bidirectional-override characters make a name or a notice print differently from what was
 * typed. Emoji and rare CJK characters outside the BMP (CJK Extension B names) are ordinary text.
 */
import type { z } from 'zod';

/** C0 controls except tab, line feed and carriage return; DEL and C1 controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Tab, line feed and carriage return: allowed in multi-line text only. */
const LINE_BREAK = /[\t\n\r]/;
/** Bidirectional embeddings, overrides and isolates (the "Trojan Source" characters). */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What is wrong with the characters of a text value, in Chinese, or null when nothing is. */
export function textCharProblem(value: string, multiline: boolean): string | null {
  if (CONTROL.test(value)) return '不能包含控制字符（如 \\u0000）';
  if (!multiline && LINE_BREAK.test(value)) return '不能包含换行符或制表符';
  if (BIDI.test(value)) return '不能包含文字方向控制符';
  if (LONE_SURROGATE.test(value)) return '含有无效的字符编码（残缺的代理对）';
  return null;
}

/**
 * Adds the character check to a string schema: `multiline` text (opinions, reasons, notes) may
 * hold tabs and line breaks, one-line values (names, ids, numbers, codes) may not.
 */
export function plainText<T extends z.ZodString>(schema: T, multiline = true, label = ''): T {
  return schema.superRefine((value, ctx) => {
    const problem = textCharProblem(value, multiline);
    if (problem) ctx.addIssue({ code: 'custom', message: `${label}${problem}` });
  }) as T;
}
