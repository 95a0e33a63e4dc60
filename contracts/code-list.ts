/**
 * Code lists are written once, as a table of code → Chinese label; everything else is derived
 * from it. This file imports nothing, so the phone portal can use it without zod.
 */

/** The codes of a code → label table in table order, as the non-empty tuple that `z.enum` takes. */
export function codesOf<T extends Readonly<Record<string, string>>>(table: T) {
  return Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];
}

/** Part of a code table, with the same labels, in the order the codes are given. */
export function pickCodes<T extends Readonly<Record<string, string>>, const K extends keyof T & string>(
  table: T,
  codes: readonly K[],
): Pick<T, K> {
  return Object.fromEntries(codes.map((code) => [code, table[code]])) as Pick<T, K>;
}
