import type { Platform } from '../../../platform/context.ts';
import { hmacSm3 } from '../../../platform/crypto/sm3.ts';

/**
 * The digests the portal finds things by: HMAC-SM3 under the platform key, so a copy of the
 * database alone tells neither a number nor a code (six digits would fall to a plain hash at once).
 */
export function phoneDigest(platform: Platform, phone: string): string {
  return hmacSm3(platform.config.encryptionKey, `portal-phone:${phone}`);
}

export function codeDigest(platform: Platform, code: { phoneDigest: string; code: string }): string {
  return hmacSm3(platform.config.encryptionKey, `portal-login-code:${code.phoneDigest}:${code.code}`);
}

/**
 * The ID number's digest, the same as a case applicant's (cases' `applicantDigest`: the trimmed,
 * upper-cased value under the platform key), so window cases can be linked to the account.
 */
export function idNumberDigest(platform: Platform, idNumber: string): string {
  return hmacSm3(platform.config.encryptionKey, idNumber.trim().toUpperCase());
}
