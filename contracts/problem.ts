/**
 * A schema's own message in both languages. zod keeps one message per issue; the Chinese one is the
 * message, the English one travels in the issue's params and server/platform/http/errors.ts picks
 * by the request's Accept-Language (zod's built-in messages get their English the same way).
 */

/** A problem with a value, in Chinese and in English (the request's language picks one). */
export interface Problem {
  zh: string;
  en: string;
}

/** A zod issue carrying both wordings (server/platform/http/errors.ts picks by Accept-Language). */
export function problemIssue(problem: Problem): {
  code: 'custom';
  message: string;
  params: { messageEn: string };
} {
  return { code: 'custom', message: problem.zh, params: { messageEn: problem.en } };
}

/**
 * A schema's own message for any zod check or type (`.min(1, …)`, `.regex(re, …)`, `z.string({ … })`,
 * `.refine(fn, …)`), in both languages: `.min(1, bilingual('不能为空', 'Must not be empty'))`.
 * zod 4 keeps `params` only on custom issues, so the error map itself puts the English wording on
 * the issue (as the Chinese-first map of server/platform/http/zod-messages.ts does for zod's own).
 */
export function bilingual(zh: string, en: string): { error: (issue: object) => string } {
  return { error: bilingualError(() => ({ zh, en })) };
}

/** An error map whose wording depends on the issue (a missing value, the wrong type), in both languages. */
export function bilingualError<I extends object>(word: (issue: I) => Problem): (issue: I) => string {
  return (issue) => {
    const problem = word(issue);
    (issue as Record<string, unknown>).messageEn = problem.en;
    return problem.zh;
  };
}
