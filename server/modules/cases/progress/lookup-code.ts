import { timingSafeEqual } from 'node:crypto';
import { normalizeLookupCode } from '../../../../contracts/cases.ts';
import type { Platform } from '../../../platform/context.ts';
import { hmacSm3 } from '../../../platform/crypto/sm3.ts';

/**
 * The case's progress lookup code (查询码): 10 characters of Crockford base32 (50 bits), shown
 * grouped `7K3M-9QX2-HD` on the receipt, on every notice and in the QR code's address. It is an
 * HMAC-SM3 of the case id under the platform key, so nothing is stored, every reprint shows the
 * same code, and without the key nobody can compute one (see the README for why).
 */

/** Crockford's alphabet: no I, L, O or U, so nothing reads as another character. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const LOOKUP_CODE_LENGTH = 10;

/** The code of a case, without the grouping hyphens. */
export function lookupCodeOf(platform: Platform, caseId: string): string {
  const digest = hmacSm3(platform.config.encryptionKey, `case-progress-lookup-code:${caseId}`);
  // 13 hex digits are 52 bits; the first 50 make the 10 characters.
  let bits = BigInt(`0x${digest.slice(0, 13)}`) >> 2n;
  let code = '';
  for (let i = 0; i < LOOKUP_CODE_LENGTH; i++) {
    code = ALPHABET[Number(bits & 31n)] + code;
    bits >>= 5n;
  }
  return code;
}

/** The code as printed: groups of four (`7K3M-9QX2-HD`). */
export function groupedLookupCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** Whether a typed code is a case's, compared in constant time. */
export function lookupCodeMatches(platform: Platform, caseId: string, typed: string): boolean {
  const actual = Buffer.from(lookupCodeOf(platform, caseId));
  const given = Buffer.from(normalizeLookupCode(typed));
  return actual.length === given.length && timingSafeEqual(actual, given);
}
