import { hash, verify } from '@node-rs/argon2';
import { AppError, type Bilingual, say } from '../errors.ts';
import { COMMON_PASSWORDS } from './common-passwords.ts';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
// algorithm 2 is Argon2id (the package's const enum cannot be imported under isolatedModules).
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** argon2id hash of a password. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** True when the password matches the stored argon2id hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** The shortest password accepted (see README.md beside this file: length over complexity). */
export const MIN_PASSWORD_LENGTH = 12;

/**
 * What is wrong with a new password, or null: at least MIN_PASSWORD_LENGTH characters of at least two
 * kinds (letters, digits, other signs), not one of the commonest passwords or built on one, not mostly
 * runs (aaaa, 1234, abcd), not containing the user name.
 */
export function passwordProblem(
  password: string,
  context: { username?: string | null } = {},
): Bilingual | null {
  const chars = [...password];
  if (chars.length < MIN_PASSWORD_LENGTH) {
    return say(
      `至少 ${MIN_PASSWORD_LENGTH} 位（现为 ${chars.length} 位）；可用一句好记的话`,
      `At least ${MIN_PASSWORD_LENGTH} characters (this has ${chars.length}); a phrase is easy to remember`,
    );
  }
  const kinds = [/\p{L}/u, /\p{N}/u, /[^\p{L}\p{N}]/u].filter((k) => k.test(password)).length;
  if (kinds < 2) {
    return say('须包含字母、数字、符号中的至少两类', 'Use at least two of letters, digits and other signs');
  }
  const lower = password.toLowerCase();
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (
    COMMON_PASSWORDS.has(lower) ||
    COMMON_PASSWORDS.has(core) ||
    [...withoutCommonWords(lower)].length < 5
  ) {
    return say('这是最常见、最先被猜到的密码之一', 'This is one of the commonest passwords, guessed first');
  }
  if (withoutRuns(chars).length < 8) {
    return say(
      '大部分是重复或连续的字符（如 aaaa、1234、abcd）',
      'Mostly repeated or consecutive characters (like aaaa, 1234, abcd)',
    );
  }
  const username = context.username?.toLowerCase();
  if (username && username.length >= 3 && lower.includes(username)) {
    return say('不能包含用户名', 'Must not contain the user name');
  }
  return null;
}

/** Refuses a new password with AUTH_PASSWORD_WEAK naming the field and what is wrong. */
export function assertAcceptablePassword(
  password: string,
  field: string,
  context: { username?: string | null } = {},
): void {
  const problem = passwordProblem(password, context);
  if (problem) throw new AppError('AUTH_PASSWORD_WEAK', { fields: [{ path: field, message: problem }] });
}

const COMMON_WORDS = [...COMMON_PASSWORDS].filter((w) => w.length >= 4).sort((a, b) => b.length - a.length);

/** The password with every common password in it cut out ("woaini1314woaini1314" leaves nothing). */
function withoutCommonWords(lower: string): string {
  return COMMON_WORDS.reduce((rest, word) => rest.split(word).join(''), lower);
}

/** The characters left when every run of 3+ repeated or consecutive characters (aaa, 123, cba) is removed. */
function withoutRuns(chars: string[]): string[] {
  const codes = chars.map((c) => c.toLowerCase().codePointAt(0) ?? 0);
  const keep: string[] = [];
  let start = 0;
  while (start < codes.length) {
    let end = start + 1;
    const step = (codes[start + 1] ?? Number.NaN) - (codes[start] ?? 0);
    if (Math.abs(step) <= 1) {
      while (end < codes.length && (codes[end] ?? 0) - (codes[end - 1] ?? 0) === step) end++;
    }
    if (end - start >= 3) start = end;
    else {
      keep.push(chars[start] ?? '');
      start++;
    }
  }
  return keep;
}
