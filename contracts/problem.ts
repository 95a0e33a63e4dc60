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
