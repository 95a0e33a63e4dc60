import type { SelectQueryBuilder } from 'kysely';

/** A page request as the list contracts take it: pages count from 1. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/**
 * One page of a filtered query and how many rows match in all, read concurrently. `base` holds the
 * table and the filters only; `rowsOf` adds the selection and an order, which must be total (end
 * on a unique column) so that consecutive pages neither repeat nor skip a row.
 */
export async function fetchPage<DB, TB extends keyof DB, O, R>(
  base: SelectQueryBuilder<DB, TB, O>,
  rowsOf: (base: SelectQueryBuilder<DB, TB, O>) => SelectQueryBuilder<DB, TB, R>,
  { page, pageSize }: PageRequest,
): Promise<{ rows: R[]; total: number }> {
  const [rows, count] = await Promise.all([
    rowsOf(base)
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .$castTo<{ n: number }>()
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
