/**
 * Plain rules of the case lookups, without zod, so the console and the portal can use them at run
 * time (zod's schemas would bring code that asks for eval, which the pages' CSP forbids).
 */

/**
 * A progress lookup code (查询码) as typed, in its canonical form: hyphens and spaces dropped, upper
 * case, and Crockford base32's look-alikes read as the digit they look like (O → 0, I and L → 1).
 */
export function normalizeLookupCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** 10 characters of Crockford base32 (no I, L, O, U), printed grouped as 7K3M-9QX2-HD. */
export const LOOKUP_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{10}$/;

/** A full ID number or unified social credit code (18 characters), as the applicant filter takes it. */
export function isFullIdentifier(value: string): boolean {
  return /^[0-9A-Z]{18}$/.test(value.trim().toUpperCase());
}
