/**
 * A schema's own message in both languages. zod keeps one message per issue; the Chinese one is the
 * message, the English one rides on the issue as `messageEn` (as zod's built-in messages' does) and
 * server/platform/http/errors.ts picks by the request's Accept-Language.
 */

/** A problem with a value, in Chinese and in English (the request's language picks one). */
export interface Problem {
  zh: string;
  en: string;
}

/**
 * A zod issue carrying both wordings, for `ctx.addIssue` in a refinement: the English rides on the
 * issue under the same key as zod's own messages' (server/platform/http/errors.ts picks by language).
 */
export function problemIssue(problem: Problem): { code: 'custom'; message: string; messageEn: string } {
  return { code: 'custom', message: problem.zh, messageEn: problem.en };
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
